"""The pure Discord renderer: Answers built by hand, hostile and long, within every limit."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.discord import limits
from adapters.discord.markdown import escape, safe_url, split_text
from adapters.discord.render import Payload, render, render_text
from bot.contract import Answer, Intent, Item, Link

ARTICLE = Link(
    article_id="a1",
    title="Biden to speak with Xi Jinping on Friday",
    url="https://example.com/news/biden-xi",
    outlet="NBC News",
    published=datetime(2022, 3, 17, 15, 0, tzinfo=UTC),
)


def quote(text: str, speaker: str | None = "Jen Psaki", role: str | None = None) -> Item:
    return Item(text=text, speaker=speaker, role=role, kind="direct", cue="said", link=ARTICLE)


def answer(*items: Item, **fields: object) -> Answer:
    base: dict[str, object] = {
        "intent": Intent.QUOTES,
        "title": "Who said what about China",
        "summary": "2 quotes about China",
        "items": items,
    }
    return Answer(**(base | fields))  # type: ignore[arg-type]


def all_text(payloads: tuple[Payload, ...]) -> str:
    parts = []
    for p in payloads:
        parts.append(p.content)
        for e in p.embeds:
            parts += [e.get("title", ""), e.get("description", "")]
    return "\n".join(parts)


def assert_within_limits(payloads: tuple[Payload, ...]) -> None:
    for p in payloads:
        assert [] == limits.problems(p.content, p.embeds)


def test_quotes_become_block_quotes_with_speaker_role_outlet_date_and_link() -> None:
    payloads = render(
        answer(
            quote("This is part of our ongoing efforts.", role="White House press secretary"),
            quote(
                "China is moving in the opposite direction.", "Antony Blinken", "Secretary of State"
            ),
        )
    )
    assert 1 == len(payloads)
    message = payloads[0]
    assert "2 quotes about China" == message.content
    embed = message.embeds[0]
    assert "Who said what about China" == embed["title"]
    assert embed["description"].startswith(
        "> “This is part of our ongoing efforts.”\n— **Jen Psaki**"
    )
    assert (
        "— **Jen Psaki**, White House press secretary · "
        "[Biden to speak with Xi Jinping on Friday](https://example.com/news/biden-xi)"
        " · *NBC News* · 2022-03-17"
    ) in embed["description"]
    assert "— **Antony Blinken**, Secretary of State" in embed["description"]
    assert_within_limits(payloads)


def test_hostile_text_is_escaped_and_cannot_mention_or_link() -> None:
    hostile = "@everyone look <@123> **now** [click](https://evil.example) `code` > x @here"
    payloads = render(answer(quote(hostile, speaker="<@&42> *Boss*"), summary="@everyone hi"))
    text = all_text(payloads)
    assert "@everyone" not in text
    assert "@here" not in text
    assert "<@123>" not in text
    assert "<@&42>" not in text
    assert "**now**" not in text
    assert "[click](" not in text
    assert "\\*\\*now\\*\\*" in text
    assert "\\<@123\\>" in text
    assert "@\u200beveryone" in payloads[0].content


def test_newlines_in_a_quote_stay_inside_the_block_quote() -> None:
    payloads = render(answer(quote("line one\n# heading\n- item\n\n> fake quote")))
    description = payloads[0].embeds[0]["description"]
    first = description.split("\n")[0]
    assert "> “line one \\# heading - item \\> fake quote”" == first


def test_many_long_quotes_split_across_messages_and_nothing_is_lost() -> None:
    items = [quote(f"marker{n:03d} " + "word " * 180) for n in range(60)]
    payloads = render(answer(*items, summary="60 quotes"))
    assert len(payloads) > 1
    assert_within_limits(payloads)
    text = all_text(payloads)
    assert [f"marker{n:03d}" for n in range(60)] == re.findall(r"marker\d{3}", text)
    assert "60 quotes" == payloads[0].content
    assert all("" == p.content for p in payloads[1:])


def test_a_huge_unbroken_quote_is_split_not_cut() -> None:
    payloads = render(answer(quote("x" * 10_000)))
    assert_within_limits(payloads)
    quoted = [
        line[2:]
        for p in payloads
        for e in p.embeds
        for line in e.get("description", "").split("\n")
        if line.startswith("> ")
    ]
    assert "“" + "x" * 10_000 + "”" == "".join(quoted)


def test_a_long_title_is_clipped_visibly_and_kept_in_full() -> None:
    title = "T" * 400
    payloads = render(answer(quote("q"), title=title))
    embed = payloads[0].embeds[0]
    assert 256 == len(embed["title"])
    assert embed["title"].endswith("…")
    assert f"**{title}**" in embed["description"]


def test_a_long_summary_is_split_into_leading_messages() -> None:
    payloads = render(answer(quote("q"), summary="s" * 4500))
    assert_within_limits(payloads)
    assert [2000, 2000, 500] == [len(p.content) for p in payloads]
    assert [0, 0, 1] == [len(p.embeds) for p in payloads]


def test_notes_suggestions_and_sources_are_shown() -> None:
    result = render(
        answer(
            title="Nothing about Mars",
            summary="No quotes about Mars",
            notes=("The store holds 1 article, from 2022-03-17.",),
            suggestions=("Marshall", "Marseille"),
            citations=(ARTICLE,),
        )
    )
    description = result[0].embeds[0]["description"]
    assert "*The store holds 1 article, from 2022-03-17.*" in description
    assert "Did you mean: Marshall, Marseille?" in description
    assert "**Sources**\n1. [Biden to speak with Xi Jinping on Friday]" in description


def test_paging_shows_in_the_footer() -> None:
    result = render(answer(quote("q"), page=2, pages=3))
    assert {"text": "Page 2 of 3"} == result[-1].embeds[-1]["footer"]


def test_unsafe_urls_are_not_linked_and_parentheses_are_encoded() -> None:
    evil = Link("a2", "Evil", url="javascript:alert(1)")
    odd = Link("a3", "Odd (1)", url="https://example.com/a (b)")
    description = render(
        answer(Item("x", kind="story", link=evil), Item("y", kind="story", link=odd))
    )[0].embeds[0]["description"]
    assert "javascript" not in description
    assert "**Evil**" in description
    assert "[Odd (1)](https://example.com/a%20%28b%29)" in description
    assert None is safe_url("ftp://example.com/")


def test_a_story_lists_other_outlets() -> None:
    story = Item("Biden and Xi will talk.", kind="story", link=ARTICLE, extra=("AP", "Reuters"))
    description = render(answer(story))[0].embeds[0]["description"]
    assert description.startswith("**[Biden to speak with Xi Jinping on Friday](")
    assert "Biden and Xi will talk.\nAlso: AP, Reuters" in description


def test_render_text_splits_at_2000() -> None:
    payloads = render_text(("word " * 1000).strip())
    assert [1999, 1999, 999] == [len(p.content) for p in payloads]
    assert "word " * 999 + "word" == " ".join(p.content for p in payloads)


def test_escape_leaves_urls_linkable() -> None:
    assert "see https://ex.com/a_b_c and \\_x\\_" == escape("see https://ex.com/a_b_c and _x_")


def test_split_text_never_exceeds_the_limit() -> None:
    pieces = split_text("a" * 50 + " " + "b" * 7, 20)
    assert ["a" * 20, "a" * 20, "a" * 10 + " " + "b" * 7] == pieces


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.text(min_size=0, max_size=3000), min_size=0, max_size=30),
    title=st.text(max_size=600),
    summary=st.text(max_size=3000),
    notes=st.lists(st.text(max_size=800), max_size=5),
)
def test_any_answer_renders_within_limits(
    texts: list[str], title: str, summary: str, notes: list[str]
) -> None:
    items = tuple(quote(t, speaker=t[:300] or None, role=t[:50] or None) for t in texts)
    payloads = render(answer(*items, title=title, summary=summary, notes=tuple(notes)))
    assert payloads
    assert_within_limits(payloads)


def test_runs_of_plain_bullets_form_one_list() -> None:
    items = (Item("who said what about China — quotes"), Item("latest on Ukraine — stories"))
    description = render(answer(*items, notes=("Add time words.",)))[0].embeds[0]["description"]
    expected = (
        "• who said what about China — quotes\n• latest on Ukraine — stories\n\n*Add time words.*"
    )
    assert expected == description
