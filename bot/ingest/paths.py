"""Turn the paths a user gave into the files to read, in a stable order.

Folders are walked recursively and sorted; hidden entries and our own
`NAME.meta.json` sidecars are skipped; loops through symlinks are reported once.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from bot.ingest.report import DIRECTORY_LOOP, MISSING, UNREADABLE, Rejected

SIDECAR_SUFFIX = ".meta.json"


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def walk(paths: Sequence[str | Path]) -> Iterator[Path | Rejected]:
    """Yield every file under `paths` (files as given, folders walked) or why not."""
    if isinstance(paths, str | Path):
        paths = [paths]  # one path passed bare: not a sequence of one-letter names
    for raw in paths:
        path = Path(raw)
        try:
            mode = os.stat(path).st_mode  # follows symlinks
        except OSError as error:  # missing, a symlink loop, a parent without search rights
            yield Rejected(str(path), _os_reason(error))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk_dir(path, ())
        else:
            yield path


def _walk_dir(folder: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Path | Rejected]:
    try:
        info = folder.stat()
    except OSError as error:
        yield Rejected(str(folder), _os_reason(error))
        return
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        # a symlink back to a folder we are inside: following it would never end
        yield Rejected(str(folder), DIRECTORY_LOOP)
        return
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        yield Rejected(str(folder), _os_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            mode = os.stat(path).st_mode  # follows symlinks, so linked folders are walked too
        except OSError as error:  # a dangling or looping symlink
            yield Rejected(str(path), _os_reason(error))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk_dir(path, (*ancestors, key))
        elif not is_sidecar(path):
            yield path


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return MISSING
    if error.errno == errno.ELOOP:  # a symlink chain that points back at itself
        return DIRECTORY_LOOP
    return UNREADABLE
