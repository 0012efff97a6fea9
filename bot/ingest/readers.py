"""`read_paths`: every file under the given paths, read by its type, as articles or rejections."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from bot.ingest.files import Sidecar, decode_text, read_bytes, read_sidecar
from bot.ingest.jsonl import read_jsonl
from bot.ingest.paths import walk
from bot.ingest.report import UNKNOWN_TYPE, Rejected
from bot.ingest.text import parse_txt
from bot.models import Article

Parser = Callable[[str, str, Sidecar | None], Article | Rejected]


def _parse_html(source: str, markup: str, sidecar: Sidecar | None) -> Article | Rejected:
    from bot.ingest.html import parse_html  # trafilatura is slow to import; only pages need it

    return parse_html(source, markup, sidecar)


_PARSERS: dict[str, Parser] = {".txt": parse_txt, ".html": _parse_html, ".htm": _parse_html}
SUFFIXES = frozenset({*_PARSERS, ".jsonl"})


def read_paths(paths: Sequence[str | Path], by_time: bool = False) -> Iterator[Article | Rejected]:
    """Articles from .txt, .html/.htm and .jsonl files under `paths`; a `Rejected` for the rest.

    Never raises for bad input: each problem is one `Rejected` and reading goes on.
    `by_time`: read each .jsonl file in publication order, for bulk loads.
    """
    for found in walk(paths):
        if isinstance(found, Rejected):
            yield found
        else:
            yield from read_file(found, by_time)


def read_file(path: Path, by_time: bool = False) -> Iterator[Article | Rejected]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, by_time)
        return
    parser = _PARSERS.get(suffix)
    if parser is None:
        yield Rejected(str(path), UNKNOWN_TYPE)
        return
    data = read_bytes(path)
    if isinstance(data, Rejected):
        yield data
        return
    text = decode_text(path, data, html=suffix != ".txt")
    if isinstance(text, Rejected):
        yield text
        return
    sidecar = read_sidecar(path)
    if isinstance(sidecar, Rejected):
        yield Rejected(sidecar.source, sidecar.reason, kept=True)  # read the file without it
        sidecar = None
    yield parser(str(path), text, sidecar)


def estimate_total(paths: Sequence[str | Path]) -> int:
    """How many items `read_paths` will yield, near enough for a progress bar.

    A file counts one; a .jsonl file counts its lines (counted in 1 MB chunks, no parsing).
    """
    total = 0
    for found in walk(paths):
        if isinstance(found, Path) and found.suffix.lower() == ".jsonl":
            total += _count_lines(found)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    count, last = 0, b"\n"
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return count + (last != b"\n")
