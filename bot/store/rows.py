"""Pure: an article and its extraction made ready for the store, with every derived key computed.

Everything CPU-bound that a write needs (hashes, sketches, normalised names, quote context)
happens here, so ingest can do it in worker processes and leave the writer only SQL.
Quotes and entities cross from workers to the writer by pickle as plain tuples (`plain`):
a named tuple unpickles through a Python-level `__new__`, ten times slower, and that was
0.04 ms of the writer's time an article. The writer unpacks them by position.
"""

from __future__ import annotations

from typing import NamedTuple

from bot import stories
from bot.models import Article, Extraction
from bot.names import canonical_url, content_hash, norm

MAX_QUOTES_PER_ARTICLE = 255  # a quote key keeps 8 bits for its position in the article
POSITION_BITS = 8  # the low bits of a quote's key: its position in the article
_CONTEXT_CHARS = 300


class PreparedEntity(NamedTuple):
    name: str
    kind: str
    key: str  # norm(name)
    names: tuple[str, ...]  # norms of the name and its aliases
    role: str | None


class PreparedQuote(NamedTuple):
    start: int
    end: int
    text: str
    context: str
    speaker: str | None
    speaker_key: str  # norm(speaker), "" when none
    speaker_kind: str
    role: str | None
    cue: str | None
    kind: str


# The same fields as PreparedEntity and PreparedQuote, by position.
EntityRow = tuple[str, str, str, tuple[str, ...], str | None]
QuoteRow = tuple[int, int, str, str, str | None, str, str, str | None, str | None, str]


class Prepared(NamedTuple):
    article: Article
    canonical_url: str | None
    content_hash: str
    sketch: tuple[int, ...]
    entities: tuple[EntityRow, ...]
    quotes: tuple[QuoteRow, ...]


def prepare(article: Article, extraction: Extraction, digest: str | None = None) -> Prepared:
    """`digest`: the text's content hash when the caller has it already."""
    entities = []
    for entity in extraction.entities:
        key = norm(entity.name)
        if not key:
            continue
        names = tuple(sorted({key, *(norm(a) for a in entity.aliases)} - {""}))
        role = entity.roles[0] if entity.roles else None
        entities.append(PreparedEntity(entity.name, entity.kind, key, names, role))
    quotes = tuple(
        PreparedQuote(
            start=q.start,
            end=q.end,
            text=q.text,
            context=context(article.text, q.start, q.end),
            speaker=q.speaker,
            speaker_key=norm(q.speaker) if q.speaker else "",
            # Named speakers start with a capital; "a senior official" is an unnamed source.
            speaker_kind="person" if (q.speaker or "")[:1].isupper() else "unnamed",
            role=q.role,
            cue=q.cue,
            kind=str(q.kind),
        )
        # In reading order: a quote's key keeps its position, and answers list them by it.
        for q in sorted(extraction.quotes, key=lambda q: q.start)[:MAX_QUOTES_PER_ARTICLE]
    )
    return Prepared(
        article=article,
        canonical_url=canonical_url(article.url),
        content_hash=digest or content_hash(article.text),
        sketch=stories.sketch(article.text),
        entities=tuple(entities),
        quotes=quotes,
    )


def plain(item: Prepared) -> Prepared:
    """`item` with its quotes and entities as plain tuples, to pickle fast."""
    entities = tuple(map(tuple, item.entities))
    quotes = tuple(map(tuple, item.quotes))
    return item._replace(entities=entities, quotes=quotes)  # type: ignore[arg-type]


def quote_key(article_key: int, position: int) -> int:
    """A quote's key: its article's key, then its position, so an article's quotes are a range."""
    return (article_key << POSITION_BITS) | position


def quote_keys(first_article: int, last_article: int) -> tuple[int, int]:
    """The range of quote keys of the articles keyed `first_article` to `last_article`."""
    return quote_key(first_article, 0), quote_key(last_article, (1 << POSITION_BITS) - 1)


def context(text: str, start: int, end: int) -> str:
    """The sentence or paragraph around a quote, capped, for topic matching."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, max(0, start - 2)))
    right_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    left = max(left + 1, start - _CONTEXT_CHARS)
    return text[left : min(right + 1, end + _CONTEXT_CHARS)].strip()
