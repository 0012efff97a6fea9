"""Watch alerts, the store side: what each watch finds after its cursor, one alert per channel.

Topics match as answers do (`bot.topics.expand` through `bot.fts`), people by speaker entity
as "what did P say" does. The rules (rate limit, batching) are `bot.watch`'s.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from datetime import datetime, timedelta

from bot import compose, fts, topics
from bot import watch as rules
from bot.contract import Alert, Destination, Intent, Query
from bot.models import StoredArticle, StoredQuote
from bot.store import Store
from bot.watch import ChannelState, Found, Scan, Tracked

SCAN = 500  # arrivals one watch reads per tick; a bigger backlog is read over the next ticks
FRESH = timedelta(days=3)  # older publication dates are archive imports, not news to alert
_QUOTES = Query(Intent.QUOTES)
_LATEST = Query(Intent.LATEST)


def due(store: Store, platform: str, now: datetime) -> tuple[Alert, ...]:
    """The next alert of every channel with something new and room under its rate limit."""
    newest = store.newest_seq()
    behind: dict[Destination, list[Tracked]] = defaultdict(list)
    for tracked in store.tracked_watches(platform, None):
        if tracked.cursor < newest:
            behind[tracked.watch.destination].append(tracked)
    if not behind:
        return ()  # the usual tick: nothing arrived since every cursor
    states = store.watch_channels(platform)
    out = []
    for destination, group in behind.items():
        if not rules.may_post(states.get(destination, ChannelState()), now):
            continue
        scans = [scan(store, tracked, now) for tracked in group]
        keys = [f.key for s in scans for f in s.found]
        alert = rules.batch(destination, scans, store.delivered_items(destination, keys))
        if alert is None:
            continue
        if alert.items:
            out.append(alert)
        else:
            store.record_alert(alert, None, now)  # nothing to post: only the cursors move
    return tuple(out)


def scan(store: Store, tracked: Tracked, now: datetime) -> Scan:
    """New quotes (and stories without a matching quote) for one watch, oldest first.

    Only news counts: an article published more than FRESH before `now` (an archive being
    imported) moves the cursor on without an alert. That also keeps the key range FTS5 has
    to search a few days wide, however the arrivals are spread.
    """
    window = store.watch_window(tracked.cursor, SCAN)
    if window is None:
        return Scan(tracked, (), tracked.cursor)
    upto, low, high = window
    low = max(low, max(0, int((now - FRESH).timestamp())) << 20)
    if low > high:
        return Scan(tracked, (), upto)
    after, keys, term = tracked.cursor, (low, high), tracked.watch.term
    limit = rules.BURST + 1
    if tracked.watch.kind == "topic":
        match = fts.match_expression(topics.expand(term))
        if match is None:
            return Scan(tracked, (), upto)
        quotes = store.new_quotes(after, upto, keys, match, None, limit)
        stories = store.new_stories(after, upto, keys, match, None, limit)
    else:
        ids = [p.id for p in store.people(term) if p.kind != "place"]
        if not ids:
            return Scan(tracked, (), upto)  # not in the news yet: a later arrival may name them
        quotes = store.new_quotes(after, upto, keys, None, ids, limit)
        stories = store.new_stories(after, upto, keys, None, ids, limit)
    overflow = len(quotes) > rules.BURST or len(stories) > rules.BURST
    return Scan(tracked, found(quotes, stories), upto, overflow)


def found(
    quotes: list[tuple[int, StoredQuote]], stories: list[tuple[int, StoredArticle]]
) -> tuple[Found, ...]:
    """Quotes first-class; a story only when none of its quotes matched (they carry its link)."""
    quoted = {q.article.key for _, q in quotes}
    out = [
        Found(seq, quote_key(q), compose.quotes_answer(_QUOTES, [q], False).items[0], q.key)
        for seq, q in quotes
    ]
    out += [
        Found(seq, story_key(a), compose.latest_answer(_LATEST, [a], False).items[0])
        for seq, a in stories
        if a.key not in quoted
    ]
    return tuple(sorted(out, key=lambda f: (f.seq, f.position)))


def quote_key(quote: StoredQuote) -> str:
    """The same words in any copy of the same story are one item, so they post once."""
    story = quote.article.story if quote.article.story is not None else quote.article.key
    words = " ".join(quote.text.casefold().split())
    return f"q:{story}:{zlib.crc32(words.encode('utf-8', 'surrogatepass')):08x}"


def story_key(article: StoredArticle) -> str:
    return f"s:{article.story if article.story is not None else article.key}"
