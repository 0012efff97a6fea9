"""Fuzz: hostile answers through every renderer: limits hold, nothing pings, nothing links.

Article text, speakers, titles and URLs are all untrusted: they come from whatever was
ingested. Each case renders one `Answer` for Discord (embeds and plain), Slack (Block Kit)
and the terminal, and checks the platform's limits and that no mention, broadcast or
masked link survives except the article links newsbot adds itself.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.discord import limits
from adapters.discord import render as discord_render
from adapters.discord.markdown import safe_url
from adapters.slack import render as slack_render
from bot import plaintext
from bot.contract import Answer, Intent, Item, Link
from tests.hypothesis_profiles import MARKS, fuzz, fuzz_report, tried

__all__ = ["fuzz_report"]
pytestmark = MARKS

INJECTION = [
    "@everyone", "@here", "@EVERYONE", "<@123456789012345678>", "<@!1>", "<@&42>", "<#99>",
    "</news:1>", "<t:0:R>", "<:emoji:1>", "<!channel>", "<!here>", "<!everyone>",
    "<!subteam^S1|@team>", "<@U123ABC>", "<#C0NEWS|news>", "<https://evil.example|click>",
    "[click](https://evil.example)", "[x](<https://evil.example>)", "**bold**", "__u__",
    "~~s~~", "||spoiler||", "`code`", "```fence```", "> quote", "# heading", "-# small", "- item",
    "1. item", "*", "_", "&", "&amp;", "&lt;!here&gt;", "\\", "\\<@1>", "|", "\n", "\n\n",
]  # fmt: skip
UNICODE = [
    "\u202e", "\u200f", "مرحبا", "\u200b", "\u200d", "\ufeff", "e\u0301", "\u0301" * 4, "😀",
    "🇺🇦", "\x1b[2J", "\x00", "\t", "\u2028",
]  # fmt: skip
URLS = [
    None, "https://news.example/a", "https://news.example/a_(b)?q=1&r=2", "javascript:alert(1)",
    "https://evil.example/<@1>", "https://x.example/a|b>c", "ftp://x.example/f", "http://",
    "https://x.example/[click](https://evil.example)", "https://x.example/@everyone",
    "https://x.example/" + "a" * 1200, " https://pad.example/ ",
]  # fmt: skip
TEXT = st.lists(
    st.one_of(st.sampled_from(INJECTION), st.sampled_from(UNICODE), st.text(max_size=40)),
    max_size=25,
).map(" ".join)
SHORT = st.one_of(st.none(), TEXT.map(lambda t: t[:120]))
WHEN = st.one_of(st.none(), st.just(datetime(2022, 3, 17, 14, 34, tzinfo=UTC)))
LINKS = st.builds(Link, article_id=st.text(max_size=8), title=TEXT, url=st.sampled_from(URLS),
                  outlet=SHORT, published=WHEN)  # fmt: skip
ITEMS = st.builds(
    Item, text=TEXT, speaker=SHORT, role=SHORT,
    kind=st.sampled_from([None, "direct", "reported", "story"]), cue=SHORT,
    link=st.one_of(st.none(), LINKS),
    extra=st.lists(SHORT.map(lambda s: s or "x"), max_size=3).map(tuple),
)  # fmt: skip
ANSWERS = st.builds(
    Answer, intent=st.sampled_from(list(Intent)), title=TEXT, summary=TEXT,
    items=st.lists(ITEMS, max_size=12).map(tuple), citations=st.lists(LINKS, max_size=4).map(tuple),
    notes=st.lists(TEXT, max_size=3).map(tuple), suggestions=st.lists(TEXT, max_size=3).map(tuple),
    page=st.just(1), pages=st.integers(1, 3),
)  # fmt: skip

URL_SPAN = re.compile(r"https?://[^\s<>\\]+")  # Discord autolinks these whole, as plain URLs


def links_of(answer: Answer) -> list[Link]:
    return [i.link for i in answer.items if i.link] + list(answer.citations)


def discord_texts(payloads: tuple[discord_render.Payload, ...]) -> list[str]:
    texts = []
    for p in payloads:
        texts.append(p.content)
        for e in p.embeds:
            texts += [e.get("title") or "", e.get("description") or ""]
            texts.append((e.get("footer") or {}).get("text") or "")
    return texts


def check_discord(answer: Answer, payloads: tuple[discord_render.Payload, ...]) -> None:
    assert payloads
    ours = {safe_url(link.url) for link in links_of(answer)} - {None}
    for p in payloads:
        assert [] == limits.problems(p.content, p.embeds)
    for text in discord_texts(payloads):
        urls = [(u.start(), u.end()) for u in URL_SPAN.finditer(text)]
        for m in re.finditer(r"(?<!\\)\]\(([^)\s]*)\)", text):
            if any(a < m.start() < b for a, b in urls):
                continue  # inside a bare URL, which Discord links whole, as itself
            assert m.group(1) in ours, text  # the only masked links are the articles'
        outside = URL_SPAN.sub(" ", re.sub(r"(?<!\\)\]\([^)\s]*\)", "]", text))
        assert not re.search(r"(?<!\\)<", outside), text  # no <@…>, <#…>, </cmd>, <t:…>
        assert not re.search(r"@(everyone|here)", outside, re.I), text


def check_slack(answer: Answer, pages: tuple[slack_render.SlackMessage, ...]) -> None:
    assert pages
    ours = {link.url for link in links_of(answer) if link.url}
    for page in pages:
        blocks = page.blocks
        assert 1 <= len(blocks) <= slack_render.MAX_BLOCKS
        assert len(json.dumps(list(blocks), ensure_ascii=False)) <= slack_render.MAX_TOTAL
        assert "<" not in page.text and len(page.text) <= slack_render.MAX_TEXT
        for block in blocks:
            if block["type"] == "header":
                assert len(block["text"]["text"]) <= slack_render.MAX_HEADER
                assert "plain_text" == block["text"]["type"]
                continue
            parts = [block["text"]] if block["type"] == "section" else block["elements"]
            assert block["type"] != "context" or len(parts) <= slack_render.MAX_CONTEXT_ELEMENTS
            for part in parts:
                assert part["verbatim"] is True  # Slack parses no bare @here or #channel
                assert len(part["text"]) <= slack_render.MAX_SECTION
                for target in re.findall(r"<([^>]*)", part["text"]):
                    url = target.split("|", 1)[0]
                    assert url.startswith(("http://", "https://")), target
                    for coded, plain in (("&amp;", "&"), ("%3C", "<"), ("%3E", ">"), ("%7C", "|")):
                        url = url.replace(coded, plain)
                    assert url in ours, target  # the only links are the articles'


@fuzz(150)
@given(ANSWERS)
def test_fuzz_discord(answer: Answer) -> None:
    tried("discord")
    check_discord(answer, discord_render.render(answer))
    plain = discord_render.render_plain(answer, lead="Daily digest")
    check_discord(Answer(answer.intent, "", ""), plain)  # plain text carries no masked link


@fuzz(150)
@given(ANSWERS)
def test_fuzz_slack(answer: Answer) -> None:
    tried("slack")
    check_slack(answer, slack_render.render(answer))


@fuzz(100)
@given(ANSWERS)
def test_fuzz_plain_text(answer: Answer) -> None:
    tried("plain")
    text = plaintext.render(answer)
    assert all(item.text in text for item in answer.items)  # the fallback drops nothing


@pytest.mark.parametrize("hostile", INJECTION)
def test_each_injection_alone_is_inert(hostile: str) -> None:
    tried("catalogue")
    link = Link("a1", hostile, "https://news.example/a", hostile, None)
    answer = Answer(Intent.QUOTES, hostile, hostile, items=(Item(hostile, hostile, hostile,
                    "direct", "said", link),), notes=(hostile,))  # fmt: skip
    check_discord(answer, discord_render.render(answer))
    check_slack(answer, slack_render.render(answer))
