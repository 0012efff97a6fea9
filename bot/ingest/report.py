"""What an ingest run tells its caller: the items it could not take, and the counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# Reasons are a small fixed vocabulary so the summary can group them; the detail
# (which file, which line) lives in `Rejected.source`.
MISSING = "no such file or folder"
UNREADABLE = "unreadable"
DIRECTORY_LOOP = "directory loop"
UNKNOWN_TYPE = "unknown file type"
BINARY = "binary file"
EMPTY = "empty file"
NOT_UTF8 = "not UTF-8"
TOO_LARGE = "too large"
NO_TEXT = "no article text"
NOT_JSON = "not JSON"
NOT_OBJECT = "not a JSON object"
MISSING_TEXT = "missing text"
BAD_FIELD = "bad field"
BAD_DATE = "bad date"
BAD_SIDECAR = "bad sidecar"
GAVE_UP = "too many bad lines"
EXTRACTION_FAILED = "quote extraction failed"


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read as an article, e.g. `("a.jsonl:7", "not JSON")`.

    `kept` marks a partial problem: the article still went in (a bad date is
    dropped, the article is kept undated), so it counts as a warning, not a loss.
    """

    source: str
    reason: str
    kept: bool = False

    def __str__(self) -> str:
        suffix = " (kept)" if self.kept else ""
        return f"{self.source}: {self.reason}{suffix}"


@dataclass(frozen=True)
class IngestReport:
    added: int
    updated: int
    duplicates: int
    rejected: tuple[Rejected, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every input was stored (warnings allowed) or recognised as a duplicate."""
        return not self.dropped

    @property
    def dropped(self) -> tuple[Rejected, ...]:
        return tuple(r for r in self.rejected if not r.kept)

    @property
    def warnings(self) -> tuple[Rejected, ...]:
        return tuple(r for r in self.rejected if r.kept)

    @classmethod
    def combine(cls, reports: Sequence[IngestReport]) -> IngestReport:
        return cls(
            added=sum(r.added for r in reports),
            updated=sum(r.updated for r in reports),
            duplicates=sum(r.duplicates for r in reports),
            rejected=tuple(x for r in reports for x in r.rejected),
        )

    def summary_line(self) -> str:
        """E.g. "added 3, updated 0, duplicates 1, rejected 2 (empty file: 1, not UTF-8: 1)"."""
        line = f"added {self.added}, updated {self.updated}, duplicates {self.duplicates}"
        line += f", rejected {len(self.dropped)}{_grouped(self.dropped)}"
        if self.warnings:
            line += f", kept with warnings {len(self.warnings)}{_grouped(self.warnings)}"
        return line


def _grouped(items: tuple[Rejected, ...]) -> str:
    if not items:
        return ""
    counts = Counter(r.reason for r in items)
    # most frequent first, then alphabetical, so the line is stable
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    return " (" + ", ".join(f"{reason}: {n}" for reason, n in ordered) + ")"
