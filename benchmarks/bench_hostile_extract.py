"""Extraction time on hostile articles: does any repeated pattern make it grow faster than
the text? Each pattern fills 20 KB and then 80 KB; 4x the text should take about 4x the time.

usage: python benchmarks/bench_hostile_extract.py [SMALL_KB] [LARGE_KB]
Exits 1 if a pattern's time grows more than twice as fast as its text.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.extract import extract  # noqa: E402

# One unit each, repeated to fill the article: one sentence of thousands of quotes, cues
# with no sentence end, names, colons, dashes, quote marks that never close, and so on.
PATTERNS = {
    "quoted words": "“ab” ",
    "quotes with cues": "“We will,” he said ",
    "bare cues": "said ",
    "cue and name": "Mr. Ab Cd said ",
    "told a name": "Ab told The ",
    "reported": "he said that ",
    "according to": "according to Ab, ",
    "transcript turns": "AB: ",
    "signatures": "— Ab ",
    "commas": "a, ",
    "paragraphs": "Ab said it.\n\n",
    "unclosed quotes": "“ab\n\n",
    "doubled apostrophes": "''ab'' ",
    "capitals": "Ab ",
    "dots": ". ",
    "possessives": "Ab's claim that ",
    "scare quotes": "called “a” ",
    "setting and dots": "Ab Cd said in a b c" + "." * 1900 + " ,x y\n\n",
}


def seconds(text: str) -> float:
    start = time.process_time()
    extract(text)
    return time.process_time() - start


def main(small_kb: int = 20, large_kb: int = 80) -> int:
    ratio = large_kb / small_kb
    worst = 0.0
    print(f"{'pattern':<20} {small_kb:>6} KB ms {large_kb:>6} KB ms  growth (text: {ratio:.0f}x)")
    for name, unit in PATTERNS.items():
        small = (unit * (small_kb * 1024 // len(unit) + 1))[: small_kb * 1024]
        large = (unit * (large_kb * 1024 // len(unit) + 1))[: large_kb * 1024]
        a, b = seconds(small), seconds(large)
        growth = b / max(a, 0.002)
        worst = max(worst, growth)
        print(f"{name:<20} {a * 1000:12.1f} {b * 1000:12.1f}  {growth:5.1f}x")
    print(f"worst growth {worst:.1f}x for {ratio:.0f}x the text")
    return 1 if worst > 2 * ratio else 0


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:3])))
