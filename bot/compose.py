"""Pure: store records in, `Answer` out. No I/O and no clock; wording lives here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.contract import Answer, Intent, Item, Link, Query
from bot.models import Person, StoredArticle, StoredQuote, StoreStats

HELP_LINES = (
    ("who said what about China", "quotes on a topic, with speakers and roles"),
    ("what did Blinken say about Russia", "one person's quotes, optionally on a topic"),
    ("latest on Ukraine", "the newest stories on a topic (or just type a topic)"),
    ("who is Jake Sullivan", "roles as reported, how often quoted, latest quotes"),
    ("digest", "today's main stories and quotes"),
    ("search sanctions", "full-text search of every article"),
)


def day(when: datetime | None) -> str:
    return f"{when:%-d %b %Y}" if when else "undated"


def link(article: StoredArticle) -> Link:
    return Link(article.id, article.title, article.url, article.outlet, article.published)


def _quote_item(q: StoredQuote) -> Item:
    # The comma that hands a quote back to its "she said" belongs to the sentence, not the words.
    words = q.text.strip().rstrip(",;:").strip()
    return Item(
        text=words, speaker=q.speaker, role=q.role, kind=q.kind, cue=q.cue, link=link(q.article)
    )


def reading_order(quotes: Sequence[StoredQuote]) -> list[StoredQuote]:
    """Direct quotes first; newest article first; within an article, in the order written."""
    return sorted(quotes, key=lambda q: (q.kind != "direct", -q.article.key, q.key))


def _story_item(a: StoredArticle) -> Item:
    others = tuple(o for o in a.outlets if o != a.outlet)
    return Item(text=a.snippet or a.title, kind="story", link=link(a), extra=others)


def citations(items: Sequence[Item]) -> tuple[Link, ...]:
    seen: dict[str, Link] = {}
    for item in items:
        if item.link is not None:
            seen.setdefault(item.link.article_id, item.link)
    return tuple(seen.values())


def _about(query: Query) -> str:
    parts = []
    if query.topic:
        parts.append(f" about {query.topic}")
    if query.outlet:
        parts.append(f" from {query.outlet}")
    if query.period:
        parts.append(f" ({query.period.label})")
    return "".join(parts)


def _names(quotes: Sequence[StoredQuote], limit: int = 4) -> str:
    names = list(dict.fromkeys(q.speaker for q in quotes if q.speaker))
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _paged(query: Query, has_more: bool) -> tuple[int, int, tuple[str, ...]]:
    pages = query.page + 1 if has_more else query.page
    note = (f"More on page {query.page + 1}.",) if has_more else ()
    return query.page, pages, note


def quotes_answer(
    query: Query, quotes: Sequence[StoredQuote], has_more: bool, speaker: str | None = None
) -> Answer:
    """Who said what (or what one person said): direct quotes first, then reported speech."""
    ordered = reading_order(quotes)
    items = tuple(_quote_item(q) for q in ordered)
    count = f"{len(items)}{'+' if has_more else ''} quote{'s' if len(items) != 1 else ''}"
    articles = len({q.article.key for q in quotes})
    if speaker:
        title = f"What {speaker} said{_about(query)}"
        summary = f"{count} from {speaker} in {articles} article{'s' * (articles != 1)}."
    else:
        title = f"Who said what{_about(query)}"
        summary = f"{count} from {articles} article{'s' * (articles != 1)}: {_names(ordered)}."
    page, pages, note = _paged(query, has_more)
    return Answer(
        intent=query.intent,
        title=title,
        summary=summary,
        items=items,
        citations=citations(items),
        topic=query.topic,
        speaker=speaker or query.speaker,
        notes=note,
        page=page,
        pages=pages,
    )


def latest_answer(query: Query, stories: Sequence[StoredArticle], has_more: bool) -> Answer:
    items = tuple(_story_item(a) for a in stories)
    topic = query.topic or "everything"
    newest = stories[0]
    summary = (
        f"{len(items)}{'+' if has_more else ''} stor{'ies' if len(items) != 1 else 'y'} on {topic};"
        f" newest: {newest.title} ({newest.outlet or 'unknown outlet'}, {day(newest.published)})."
    )
    verb = "Search" if query.intent is Intent.SEARCH else "Latest"
    page, pages, note = _paged(query, has_more)
    return Answer(
        intent=query.intent,
        title=f"{verb} on {topic}{_about(query).replace(f' about {query.topic}', '')}",
        summary=summary,
        items=items,
        citations=citations(items),
        topic=query.topic,
        notes=note,
        page=page,
        pages=pages,
    )


def who_answer(query: Query, person: Person, recent: Sequence[StoredQuote]) -> Answer:
    roles = [f"{role} (as of {day(when)})" for role, when in person.roles[:3]]
    described = "; ".join(roles) if roles else "no role reported"
    summary = (
        f"{person.name}: {described}. Quoted {person.quotes} time{'s' * (person.quotes != 1)},"
        f" named in {person.articles} article{'s' * (person.articles != 1)}."
    )
    items = tuple(_quote_item(q) for q in recent)
    facts = tuple(f"Role: {r}" for r in roles)
    return Answer(
        intent=Intent.WHO,
        title=f"Who is {person.name}",
        summary=summary,
        items=items,
        citations=citations(items),
        speaker=person.name,
        notes=facts,
    )


def digest_answer(
    label: str, stories: Sequence[StoredArticle], quotes: Sequence[StoredQuote], note: str = ""
) -> Answer:
    items = tuple(_story_item(a) for a in stories) + tuple(_quote_item(q) for q in quotes)
    summary = (
        f"Digest for {label}: {len(stories)} stor{'ies' if len(stories) != 1 else 'y'},"
        f" {len(quotes)} quote{'s' * (len(quotes) != 1)}."
    )
    return Answer(
        intent=Intent.DIGEST,
        title=f"Digest for {label}",
        summary=summary,
        items=items,
        citations=citations(items),
        notes=(note,) if note else (),
    )


def nothing_answer(
    query: Query,
    stats: StoreStats,
    suggestions: Sequence[str] = (),
    hint: str | None = None,
    nearby: Sequence[StoredArticle] = (),
) -> Answer:
    """No results is still an answer: say what the store does hold nearby."""
    what = query.speaker or query.topic or query.text or "that"
    notes = []
    if hint:
        notes.append(hint)
    if stats.articles:
        notes.append(
            f"The store holds {stats.articles} article{'s' * (stats.articles != 1)} and"
            f" {stats.quotes} quote{'s' * (stats.quotes != 1)}, from {day(stats.first)}"
            f" to {day(stats.last)}."
        )
    else:
        notes.append("The store is empty: add articles with `newsbot ingest PATH`.")
    if suggestions:
        notes.append("Did you mean: " + ", ".join(suggestions) + "?")
    items = tuple(_story_item(a) for a in nearby)
    if items:
        notes.append("Newest stories in the store are listed instead.")
    return Answer(
        intent=query.intent,
        title=f"Nothing found for {what}",
        summary=f"Nothing found for {what}{_about(query) if query.topic != what else ''}.",
        items=items,
        citations=citations(items),
        topic=query.topic,
        speaker=query.speaker,
        notes=tuple(notes),
        suggestions=tuple(suggestions),
    )


def help_answer() -> Answer:
    items = tuple(Item(text=f"{example} — {what}", kind="help") for example, what in HELP_LINES)
    return Answer(
        intent=Intent.HELP,
        title="newsbot: ask about the news",
        summary="Ask who said what, what someone said, the latest on a topic, or who someone is.",
        items=items,
        notes=(
            "Add time words (today, this week, since Monday, in March 2022) or an outlet"
            " (from The Hill). Every answer links to its articles.",
        ),
    )
