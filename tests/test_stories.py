"""Story clustering: near-duplicates across outlets become one story; unrelated ones stay apart."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from bot import stories
from bot.contract import Destination, DigestSubscription, Intent, Query
from bot.core import NewsBot
from bot.ingest import ingest_paths
from bot.models import Article
from bot.store import Store

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


def light_edit(text: str, rng: random.Random) -> str:
    """What a second outlet does to wire copy: a few words changed, a paragraph dropped."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) > 6:
        paragraphs.pop(rng.randrange(1, len(paragraphs)))
    words = "\n\n".join(paragraphs).split(" ")
    for _ in range(max(1, len(words) // 50)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(["reportedly", "on Tuesday", "officials", words[i].upper()])
    return " ".join(words)


def eval_articles(shared, n: int) -> list[dict]:
    with open(shared / "eval" / "polnear-dev.jsonl", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    return [a for a in articles if len(a["text"].split()) > 150][:n]


def test_light_edits_cluster_and_unrelated_articles_stay_apart(shared):
    rng = random.Random(5)
    articles = eval_articles(shared, 60)
    sketches = [stories.sketch(a["text"]) for a in articles]
    edited = [stories.sketch(light_edit(a["text"], rng)) for a in articles]
    same = [stories.similarity(a, b) for a, b in zip(sketches, edited, strict=True)]
    assert [] == [s for s in same if s < stories.SAME_STORY]
    apart = [
        stories.similarity(sketches[i], sketches[j])
        for i in range(len(sketches))
        for j in range(i + 1, len(sketches))
    ]
    assert [] == [s for s in apart if s >= stories.SAME_STORY]


def test_short_texts_have_no_sketch():
    assert () == stories.sketch("Too short")
    assert 0.0 == stories.similarity((), (1, 2, 3))
    assert (5, 1, 9) == stories.unpack(stories.pack((5, 1, 9)))


def test_closest_picks_what_exact_scores_would_pick():
    """The shortcut that skips candidates sharing too few hashes never changes the answer."""
    rng = random.Random(11)
    mine = tuple(sorted(rng.sample(range(10**6), 64)))
    candidates = []
    for label in range(300):  # overlaps from none to nearly all, some short sketches
        keep = rng.randrange(65)
        other = sorted(set(rng.sample(mine, keep)) | set(rng.sample(range(10**6), 64 - keep)))
        candidates.append((label, tuple(other[: rng.choice([64, 64, 64, 20])])))
    best, expected = stories.SAME_STORY, None
    for label, other in candidates:
        score = stories.similarity(mine, other)
        if score >= best:
            best, expected = score, label
    assert expected is not None
    assert expected == stories.closest(mine, candidates)
    assert None is stories.closest(mine, [(1, ()), (2, (5, 6, 7))])
    assert None is stories.closest((), candidates)


WIRE = (
    "The city council voted on Monday to close the old harbour bridge for repairs after"
    " inspectors found cracks in two of its supports, the mayor's office said.\n\n"
    "“We cannot take risks with people's safety,” Mayor Ana Lopez said in a statement. “The"
    " bridge will reopen once the engineers are satisfied.”\n\n"
    "Traffic will be diverted through the tunnel for at least six weeks, officials said, and"
    " ferries will run every twenty minutes during the morning and evening rush hours.\n\n"
    "Business owners near the bridge said they feared losing customers during the closure."
)
OTHER = (
    "A new library opened in the north of the city on Saturday with a reading room, a"
    " children's theatre and a café run by volunteers from the neighbourhood association.\n\n"
    "“Books are only the beginning,” the head librarian, Tom Reyes, said at the opening."
)


def save(store: Store, n: int, text: str, outlet: str, hours: int = 0) -> None:
    from bot.extract import extract

    article = Article(
        id=f"s{n}",
        title=f"Harbour bridge {n}",
        text=text,
        url=f"https://{outlet.lower().replace(' ', '')}.example/{n}",
        outlet=outlet,
        published=NOW - timedelta(hours=hours),
    )
    store.save_articles([(article, extract(text, article.title))], NOW)


@pytest.fixture
def bot(tmp_path) -> NewsBot:
    store = Store.open(tmp_path / "stories.db")
    rng = random.Random(2)
    save(store, 1, WIRE, "Harbour Times", hours=5)
    save(store, 2, light_edit(WIRE, rng), "City Wire", hours=4)
    save(store, 3, light_edit(WIRE, rng), "Evening Post", hours=3)
    save(store, 4, OTHER, "City Wire", hours=2)
    return NewsBot(store, lambda: NOW)


def test_latest_lists_a_story_once_with_all_its_outlets(bot):
    answer = bot.answer(Query(Intent.LATEST))
    assert ["s4", "s3"] == [item.link.article_id for item in answer.items]
    story = answer.items[1]
    assert "Evening Post" == story.link.outlet
    assert ("City Wire", "Harbour Times") == story.extra


def test_a_quote_carried_by_every_copy_is_shown_once(bot):
    answer = bot.ask("who said what about the bridge")
    lopez = [i.text for i in answer.items if i.speaker and "Lopez" in i.speaker]
    assert len(lopez) == len(set(lopez))


def test_the_digest_leads_with_the_biggest_story_and_skips_what_was_sent(bot):
    first = bot.digest_now()
    assert "s3" == first.items[0].link.article_id  # three outlets beat one
    destination = Destination("slack", "T1", "C1")
    bot.subscribe_digest(
        DigestSubscription(destination, "11:00", "UTC", created=NOW - timedelta(days=1))
    )
    (due,) = bot.due_digests("slack")
    sent = bot.digest_for(due)
    assert {"s3", "s4"} <= {c.article_id for c in sent.citations}
    bot.record_delivery(due)
    store = bot.store
    save(store, 5, light_edit(WIRE, random.Random(9)), "Morning Star", hours=1)
    later = NewsBot(store, lambda: NOW + timedelta(days=1))
    (next_due,) = later.due_digests("slack")
    again = later.digest_for(next_due)
    assert set() == {"s1", "s2", "s3", "s4", "s5"} & {c.article_id for c in again.citations}


def test_ingest_files_cluster_too(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Bridge closes\n\n" + WIRE, encoding="utf-8")
    (folder / "b.txt").write_text(
        "Bridge shut\n\n" + light_edit(WIRE, random.Random(4)), encoding="utf-8"
    )
    store = Store.open(tmp_path / "files.db")
    report = ingest_paths(store, [folder], NOW)
    assert 2 == report.added
    assert 2 == store.stats().articles
    (story,) = store.latest(None, None, None, 10)  # two files, one story
    assert story.story is not None
