"""Who is who: people by name, one person's roles with the latest date each was seen,
name completion, and the names "did you mean" suggests from."""

from __future__ import annotations

from sqlite_utils import Database

from bot.models import Person
from bot.names import norm
from bot.store.reads import key_time
from bot.store.rows import POSITION_BITS


def people(db: Database, name: str, limit: int = 10) -> list[Person]:
    """Entities whose name or alias is `name`, or holds all its words, most quoted first."""
    key = norm(name)
    if not key:
        return []
    ids = [r[0] for r in db.execute("select entity_id from aliases where alias = ?", [key])]
    if not ids:
        words = key.split()
        like = " and ".join("(' ' || norm || ' ') like ?" for _ in words)
        ids = [
            r[0]
            for r in db.execute(
                f"select id from entities where {like} limit 50", [f"% {w} %" for w in words]
            )
        ]
    if not ids:
        return []
    # Running counts rank the candidates; the full profile is only built for the one shown.
    rows = db.execute(
        f"select id, name, kind, quotes, articles from entities where id in"
        f" ({','.join('?' * len(ids))}) order by quotes desc, articles desc, name limit ?",
        [*ids, limit],
    )
    return [Person(id=r[0], name=r[1], kind=r[2], quotes=r[3], articles=r[4]) for r in rows]


ROLE_SAMPLE = 400  # the newest mentions are enough to say what someone is, and stay fast


def person(db: Database, entity_id: int) -> Person | None:
    """One entity with its roles as reported, most frequent first, with the latest date seen."""
    row = db.execute(
        "select id, name, kind, quotes, articles from entities where id = ?", [entity_id]
    ).fetchone()
    if row is None:
        return None
    roles: dict[str, tuple[str, int, int]] = {}
    role_rows = db.execute(
        "select role, article_key from (select role, article_key from mentions"
        " where entity_id = ? and role is not null order by article_key desc limit ?)"
        # A quote's key is its article's with its position below: the shift keeps an index
        # on (speaker_id, key, role) covering, and it dates the role to the same second.
        f" union all select role, key >> {POSITION_BITS} from (select role, key from quotes"
        " where speaker_id = ? and role is not null order by key desc limit ?)",
        [entity_id, ROLE_SAMPLE, entity_id, ROLE_SAMPLE],
    )
    for role, key in role_rows:
        folded = norm(role)
        _, count, latest_key = roles.get(folded, (role, 0, 0))
        roles[folded] = (role, count + 1, max(latest_key, key))
    ranked = sorted(roles.values(), key=lambda r: (-r[1], -r[2]))
    return Person(
        id=row[0],
        name=row[1],
        kind=row[2],
        quotes=row[3],
        roles=tuple((role, key_time(key)) for role, _, key in ranked),
        articles=row[4],
    )


def complete(db: Database, field: str, prefix: str, limit: int) -> tuple[str, ...]:
    """Names starting with `prefix` (any word of them), speakers for `speaker`/`name`."""
    key = norm(prefix)
    speakers_only = field in {"speaker", "name"}
    quoted = (
        "and exists (select 1 from quotes q where q.speaker_id = e.id)" if speakers_only else ""
    )
    if not key:
        rows = db.execute(
            f"select e.name from entities e where e.kind != 'unnamed' {quoted}"
            " order by e.id desc limit ?",
            [limit],
        )
    else:
        rows = db.execute(
            "select e.name from aliases al join entities e on e.id = al.entity_id"
            f" where al.alias >= ? and al.alias < ? {quoted} group by e.id"
            " order by e.kind != 'unnamed' desc, length(e.name) limit ?",
            [key, key + "\uffff", limit],
        )
    return tuple(dict.fromkeys(r[0] for r in rows))


def vocabulary(db: Database, limit: int = 20000) -> tuple[str, ...]:
    """Names to suggest from for 'did you mean', the most often named first."""
    rows = db.execute(
        "select name from entities where kind != 'unnamed' order by articles desc limit ?",
        [limit],
    )
    return tuple(r[0] for r in rows)
