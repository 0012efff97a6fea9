"""What one speaker said on a topic, when FTS5 alone would walk much of its index.

FTS5 walks every row holding all the words of a phrase to find the few where they are
adjacent, and a speaker column filter on a common word ("Her", "Will") walks every row with
that word. Two ways round it, each checking candidates exactly in Python (`bot.fts_rows`):
a rarely quoted speaker's quotes are read one by one; otherwise FTS5 finds candidates with
each long phrase cut to one of its words, which it can intersect with the speaker quickly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from bot import fts_rows

SCAN_MAX = 600  # quotes by the speakers, all time: about 10 µs each; beyond, FTS5 is the better bet
ASK_FTS_MAX = 2  # rows whose text we cannot tokenize ourselves, each asked of FTS5 (costly)
CHUNK = 64


def _quoted(db: Database, speaker_ids: Sequence[int]) -> int:
    marks = ",".join("?" * len(speaker_ids))
    row = db.execute(
        f"select coalesce(sum(quotes), 0) from entities where id in ({marks})", list(speaker_ids)
    ).fetchone()
    return int(row[0])


def _checked(
    db: Database, match: str, test: fts_rows.RowTest, rows: Iterable[Sequence], want: int
) -> list[int] | None:
    """Keys of the first `want` rows (key, then the index's columns) that match; None when
    too many need FTS5 itself to say."""
    hits: list[int] = []
    asked = 0
    for key, *text in rows:
        verdict = test(text)
        if verdict is None:
            asked += 1
            if asked > ASK_FTS_MAX:
                return None
            verdict = (
                db.execute(
                    "select 1 from quotes_fts where quotes_fts match ? and rowid = ?", [match, key]
                ).fetchone()
                is not None
            )
        if verdict:
            hits.append(key)
            if len(hits) == want:
                break
    return hits


def _speaker_keys(db: Database, speaker_ids: Sequence[int], keys: tuple[int, int]) -> list[int]:
    marks = ",".join("?" * len(speaker_ids))
    return [
        r[0]
        for r in db.execute(
            f"select key from quotes where speaker_id in ({marks}) and key between ? and ?"
            " order by key desc",
            [*speaker_ids, *keys],
        )
    ]


def _rows(
    db: Database, names: list[str], found: list[int], where: tuple[str, list[str]]
) -> Iterable[Sequence]:
    """Quotes by key, newest first, in chunks so that an early stop reads little."""
    for start in range(0, len(found), CHUNK):
        part = found[start : start + CHUNK]
        yield from db.execute(
            f"select q.key, {', '.join(f'q.{n}' for n in names)} from quotes q"
            " join articles a on a.key = q.article_key"
            f" where q.key in ({','.join('?' * len(part))}){where[0]} order by q.key desc",
            [*part, *where[1]],
        ).fetchall()


def _by_words(
    db: Database,
    names: list[str],
    loose: str,
    speaker_ids: Sequence[int],
    keys: tuple[int, int],
    where: tuple[str, list[str]],
) -> Iterable[Sequence]:
    """Candidates newest first from FTS5, matching `loose` (a superset of the real match)."""
    marks = ",".join("?" * len(speaker_ids))
    return db.execute(
        f"select q.key, {', '.join(f'q.{n}' for n in names)} from quotes_fts f"
        " join quotes q on q.key = f.rowid join articles a on a.key = q.article_key"
        " where quotes_fts match ? and f.rowid between ? and ? and q.key between ? and ?"
        f" and q.speaker_id in ({marks}){where[0]} order by f.rowid desc",
        [loose, *keys, *keys, *speaker_ids, *where[1]],
    )


def said(
    db: Database,
    columns: str,
    match: str,
    speaker_ids: Sequence[int],
    keys: tuple[int, int],
    outlet: str | None,
    want: int,
) -> list[Sequence] | None:
    """The first `want` rows of `select {columns}` (quote `q`, article `a`) newest first that
    match `match`, by `speaker_ids` in the key range; None when plain FTS5 should do it."""
    if not speaker_ids:
        return None
    # The index's columns in its order, so `{speaker}` and "anywhere" mean what they mean to
    # FTS5 (the names are ours, plain words).
    names = [r[1] for r in db.execute("select * from pragma_table_info('quotes_fts')")]
    test = fts_rows.row_test(match, names)
    if test is None or not names:
        return None
    where = (" and a.outlet = ? collate nocase", [outlet]) if outlet else ("", [])
    rows: Iterable[Sequence]
    if _quoted(db, speaker_ids) <= SCAN_MAX:
        rows = _rows(db, names, _speaker_keys(db, speaker_ids, keys), where)
    else:
        loose = fts_rows.loosen(match)
        if loose is None:
            return None
        rows = _by_words(db, names, loose, speaker_ids, keys, where)
    hits = _checked(db, match, test, rows, want)
    if hits is None:
        return None
    if not hits:
        return []
    return db.execute(
        f"select {columns} from quotes q join articles a on a.key = q.article_key"
        f" where q.key in ({','.join('?' * len(hits))}) order by q.key desc",
        hits,
    ).fetchall()
