"""The pure Slack renderer: Block Kit within Slack's limits, escaped, paged, with a fallback."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.slack import render as r
from adapters.slack.commands import plain_text
from bot.contract import Answer, Intent, Item, Link

HILL = Link(
    article_id="a1",
    title="Biden to speak with Xi Jinping on Friday",
    url="https://thehill.com/policy/international/598673-biden-to-speak-with-xi",
    outlet="The Hill",
    published=datetime(2022, 3, 17, 14, 34, tzinfo=UTC),
)
BLINKEN = Item(
    text="We believe China in particular has a responsibility to use its influence",
    speaker="Antony Blinken",
    role="Secretary of State",
    kind="direct",
    cue="said",
    link=HILL,
)


def answer(*items: Item, **kwargs) -> Answer:
    fields = {"intent": Intent.QUOTES, "title": "Who said what about China", "summary": "1 quote"}
    fields.update(kwargs)
    return Answer(items=items, **fields)


def all_text(message: r.SlackMessage) -> str:
    return json.dumps(message.payload(), ensure_ascii=False)


def within_limits(message: r.SlackMessage) -> None:
    blocks = message.blocks
    assert 1 <= len(blocks) <= r.MAX_BLOCKS
    assert len(json.dumps(list(blocks), ensure_ascii=False)) <= r.MAX_TOTAL
    for block in blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= r.MAX_HEADER
            assert "plain_text" == block["text"]["type"]
        elif block["type"] == "section":
            assert len(block["text"]["text"]) <= r.MAX_SECTION
        elif block["type"] == "context":
            assert len(block["elements"]) <= r.MAX_CONTEXT_ELEMENTS
        else:
            raise AssertionError(f"unexpected block {block['type']}")


def test_quote_shows_speaker_role_outlet_date_and_link() -> None:
    (message,) = r.render(answer(BLINKEN))
    header, section = message.blocks
    assert "Who said what about China" == header["text"]["text"]
    assert (
        ">“We believe China in particular has a responsibility to use its influence”\n"
        "— *Antony Blinken*, Secretary of State\n"
        "<https://thehill.com/policy/international/598673-biden-to-speak-with-xi"
        "|Biden to speak with Xi Jinping on Friday> · The Hill · 17 Mar 2022"
    ) == section["text"]["text"]
    assert "1 quote" == message.text
    assert "link_names" not in message.payload()


def test_text_fallback_equals_summary_on_every_page() -> None:
    items = [BLINKEN] * 60
    pages = r.render(answer(*items, summary="60 quotes about China"))
    assert len(pages) > 1
    assert {"60 quotes about China"} == {p.text for p in pages}


def test_article_text_cannot_ping_or_link() -> None:
    evil = Item(
        text="Hey <!channel> and <!here> and <@U123ABC> <!subteam^S1|@team> & <http://x.test|y>",
        speaker="<@U999> Evil & Co",
        role="<!everyone>",
        kind="direct",
        link=Link("a2", "Title <!here>", url="https://ok.test/a?b=1&c=2|x>y", outlet="<!channel>"),
    )
    (message,) = r.render(answer(evil, notes=("note <!here>",), summary="<!channel> summary"))
    text = all_text(message)
    for ping in ("<!channel>", "<!here>", "<@U123ABC>", "<!subteam", "<@U999>", "<!everyone>"):
        assert ping not in text
    assert "&lt;!channel&gt;" in text
    assert "&lt;@U123ABC&gt;" in text
    assert "Evil &amp; Co" in text
    # The only link is ours, with its URL made safe.
    assert "<https://ok.test/a?b=1&amp;c=2%7Cx%3Ey|Title &lt;!here&gt;>" in text
    assert "&lt;!channel&gt; summary" == message.text


def test_link_with_other_scheme_is_plain_text() -> None:
    assert "click" == r.link("javascript:alert(1)", "click")
    assert "source" == r.link(None, "")


def test_long_answer_pages_instead_of_cutting() -> None:
    items = [
        Item(text=f"Quote number {n}: " + "word " * 500, speaker=f"Speaker {n}", kind="direct")
        for n in range(40)
    ]
    pages = r.render(answer(*items, summary="40 quotes"))
    assert len(pages) > 1
    for page in pages:
        within_limits(page)
    rendered = "".join(all_text(p) for p in pages)
    for n in range(40):
        assert f"Speaker {n}" in rendered
    assert f"Who said what about China (1/{len(pages)})" == pages[0].blocks[0]["text"]["text"]


def test_an_item_longer_than_a_section_is_split_not_cut() -> None:
    words = " ".join(f"w{n}" for n in range(2000))  # ~11.8k chars
    pages = r.render(answer(Item(text=words, kind="story")))
    rendered = " ".join(
        b["text"]["text"] for p in pages for b in p.blocks if b["type"] == "section"
    )
    assert words.split() == rendered.split()
    for page in pages:
        within_limits(page)


def test_header_is_capped_and_never_escaped() -> None:
    (message,) = r.render(answer(BLINKEN, title="Q&A <b> " + "x" * 300))
    header = message.blocks[0]["text"]["text"]
    assert 150 == len(header)
    assert header.startswith("Q&A <b> ")
    assert header.endswith("…")


def test_citations_and_suggestions_become_context_within_ten_elements() -> None:
    cites = tuple(Link(f"c{n}", f"Story {n}", url=f"https://n.test/{n}") for n in range(25))
    (message,) = r.render(
        answer(BLINKEN, citations=cites, suggestions=("Chinese",), page=1, pages=2)
    )
    contexts = [b for b in message.blocks if b["type"] == "context"]
    assert 4 == len(contexts)  # "Sources:" + 25 links → 10, 10, 6; then the footer
    assert "<https://n.test/24|Story 24>" in all_text(message)
    assert "Did you mean: Chinese" == contexts[-1]["elements"][0]["text"]
    assert "Page 1 of 2 · add “page 2” to see more" == contexts[-1]["elements"][1]["text"]
    within_limits(message)


def test_empty_answer_still_has_a_body() -> None:
    (message,) = r.render(answer(summary="Nothing found about Mars."))
    assert "Nothing found about Mars." == message.blocks[1]["text"]["text"]


def test_plain_text_reads_slack_encoding() -> None:
    raw = "<@U0NEWSBOT> what did Blinken say about <#C123|ukraine> &amp; &lt;Russia&gt;"
    assert "what did Blinken say about #ukraine & <Russia>" == plain_text(raw)
    assert "see example.com" == plain_text("see <https://example.com|example.com>")


text_items = st.builds(
    Item,
    text=st.text(min_size=0, max_size=4000),
    speaker=st.one_of(st.none(), st.text(max_size=200)),
    role=st.one_of(st.none(), st.text(max_size=200)),
    kind=st.sampled_from([None, "direct", "reported", "story"]),
    link=st.one_of(
        st.none(),
        st.builds(
            Link,
            article_id=st.text(max_size=5),
            title=st.text(max_size=300),
            url=st.one_of(st.none(), st.text(max_size=300).map(lambda s: "https://x.test/" + s)),
        ),
    ),
)


@settings(max_examples=60, deadline=None)
@given(
    items=st.lists(text_items, max_size=30),
    title=st.text(max_size=400),
    notes=st.lists(st.text(max_size=5000), max_size=3),
)
def test_any_answer_renders_within_limits(items, title, notes) -> None:
    pages = r.render(answer(*items, title=title, notes=tuple(notes), summary="s"))
    for page in pages:
        within_limits(page)
        assert "s" == page.text
        text = all_text(page)
        assert "<!" not in text and "<@" not in text
