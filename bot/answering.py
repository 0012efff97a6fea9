"""Answer a `Query` from the store: one small function per intent, wording left to `compose`."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot import compose, fts, suggest, topics
from bot.contract import Answer, Intent, Period, Query
from bot.models import Person, StoredArticle, StoredQuote
from bot.store import Store

DIGEST_STORIES = 8
DIGEST_QUOTES = 6


def answer(store: Store, query: Query, now: datetime, page_size: int) -> Answer:
    handler = {
        Intent.QUOTES: _quotes,
        Intent.SAID: _said,
        Intent.LATEST: _latest,
        Intent.SEARCH: _latest,
        Intent.WHO: _who,
    }.get(query.intent)
    if handler is None:
        return compose.help_answer()
    return handler(store, query, page_size)


def _match(topic: str | None) -> str | None:
    return fts.match_any(topics.expand(topic)) if topic else None


def _offset(query: Query, page_size: int) -> int:
    return (max(1, query.page) - 1) * page_size


def _nothing(store: Store, query: Query, words: str | None, hint: str | None = None) -> Answer:
    vocabulary = store.vocabulary() if words else ()
    guesses = suggest.did_you_mean(words, vocabulary) if words else ()
    if hint is None and (query.period or query.outlet) and query.topic:
        wider = store.latest(_match(query.topic), None, None, 1)
        if wider:
            hint = (
                f"Nothing in that window; the newest on {query.topic} is"
                f" {wider[0].title!r} ({compose.day(wider[0].published)})."
            )
    nearby = store.latest(None, None, None, 3)
    return compose.nothing_answer(query, store.stats(), guesses, hint, nearby)


def _quotes(store: Store, query: Query, page_size: int) -> Answer:
    if query.speaker:
        return _said(store, query, page_size)
    match = _match(query.topic)
    if query.topic and match is None:
        return _nothing(store, query, None, "That topic has no searchable words.")
    found = store.quotes(
        match, None, query.period, query.outlet, page_size + 1, _offset(query, page_size)
    )
    if not found:
        return _nothing(store, query, query.topic)
    return compose.quotes_answer(query, found[:page_size], len(found) > page_size)


def _people(store: Store, name: str) -> list[Person]:
    """The people a name names, the likeliest first.

    "Clinton" may be several: full names come before a bare surname (the article that
    only said "Clinton" is less informative), then the most quoted.
    """
    found = [p for p in store.people(name) if p.kind != "place"]
    return sorted(found, key=lambda p: (len(p.name.split()) < 2, -p.quotes, -p.articles))


def _said(store: Store, query: Query, page_size: int) -> Answer:
    """What one person said, on a topic or on anything."""
    if not query.speaker:
        return _quotes(store, query, page_size)
    people = _people(store, query.speaker)
    if not people:
        return _nothing(store, query, query.speaker)
    match = _match(query.topic)
    if query.topic and match is None:
        return _nothing(store, query, None, "That topic has no searchable words.")
    if match is not None:
        # The surname too: an article that only said "Sanders" stored that as the speaker
        # text, under the full name's id; the id filter keeps other Sanderses out.
        names = [n for p in people for n in (p.name, p.name.split()[-1])]
        match = fts.both(match, "speaker", names)
    ids = [p.id for p in people]
    offset = _offset(query, page_size)
    found = store.quotes(match, ids, query.period, query.outlet, page_size + 1, offset)
    if not found:
        hint = f"{people[0].name} is in the store but not quoted on that."
        return _nothing(store, query, None, hint)
    return compose.quotes_answer(query, found[:page_size], len(found) > page_size, people[0].name)


def _latest(store: Store, query: Query, page_size: int) -> Answer:
    # A search wants every word somewhere; a topic wants the phrase or one of its aliases.
    searching = query.intent is Intent.SEARCH and query.topic
    match = fts.all_words(query.topic) if searching else _match(query.topic)
    if query.topic and match is None:
        return _nothing(store, query, None, "That topic has no searchable words.")
    found = store.latest(
        match, query.period, query.outlet, page_size + 1, _offset(query, page_size)
    )
    if not found:
        return _nothing(store, query, query.topic)
    return compose.latest_answer(query, found[:page_size], len(found) > page_size)


def _who(store: Store, query: Query, page_size: int) -> Answer:
    name = query.speaker or query.topic
    people = _people(store, name) if name else []
    if not people:
        return _nothing(store, query, name)
    person = store.person(people[0].id) or people[0]
    recent = store.quotes(None, [person.id], None, None, 3)
    return compose.who_answer(query, person, recent)


def digest(
    store: Store, now: datetime, wanted: tuple[str, ...], skip: tuple[int, ...] = ()
) -> Answer:
    """The last 24 hours' biggest stories and most notable quotes, minus stories in `skip`.

    When the last 24 hours hold nothing, the newest day the store has stands in.
    """
    match = fts.match_any([p for t in wanted for p in topics.expand(t)]) if wanted else None
    period = Period(now - timedelta(days=1), now, "the last 24 hours")
    stories = store.top_stories(match, period, skip, DIGEST_STORIES)
    note = ""
    if not stories:
        newest = store.latest(match, None, None, 1)
        if not newest or newest[0].published is None:
            label = f"{now:%-d %b %Y}"
            return compose.digest_answer(label, [], [], "Nothing new in the last 24 hours.")
        end = newest[0].published + timedelta(seconds=1)
        period = Period(end - timedelta(days=1), end, "the newest day in the store")
        stories = store.top_stories(match, period, skip, DIGEST_STORIES)
        note = "Nothing new in the last 24 hours; this is the newest day the store holds."
    quotes = store.quotes(match, None, period, None, DIGEST_QUOTES * 5)
    label = compose.day((period.end or now) - timedelta(seconds=1))
    return compose.digest_answer(label, stories, notable(quotes, stories, skip), note)


def notable(
    quotes: list[StoredQuote], stories: list[StoredArticle], skip: tuple[int, ...]
) -> list[StoredQuote]:
    """Quotes from the biggest stories first, direct before reported, one per speaker."""
    rank = {a.story: i for i, a in enumerate(stories)}
    fresh = [q for q in quotes if q.article.story not in skip]
    ordered = sorted(
        compose.reading_order(fresh), key=lambda q: rank.get(q.article.story, len(rank))
    )
    picked, speakers = [], set()
    for q in ordered:
        if q.speaker not in speakers:
            speakers.add(q.speaker)
            picked.append(q)
    return picked[:DIGEST_QUOTES]
