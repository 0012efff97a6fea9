"""`/newsbot feed-add|feed-list|feed-pause|feed-resume|feed-remove|feed-explain`.

Feeds are global to the bot (one store serves every server), so these sit in the
Manage Server `/newsbot` group, whose check runs before each of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from adapters.discord import limits
from adapters.discord.markdown import escape
from adapters.discord.render import Payload, render_text
from adapters.discord.replies import respond
from bot.errors import NewsbotError
from bot.feeds import text
from bot.feeds.model import Feed, ItemLog

if TYPE_CHECKING:
    from bot.core import NewsBot
    from bot.feeds import FeedService

Url = app_commands.Range[str, 1, 2000]
_URL = re.compile(r"https?://[^\s<>]+")
GLOBAL = (
    "Feeds are global to this bot: every server it is in shares them and the articles they bring."
)
NONE_YET = "No feeds yet. Add one with `/newsbot feed-add url:https://example.com/rss`."


def register(group: app_commands.Group, bot: NewsBot) -> None:
    """Add the feed commands to the `/newsbot` admin group."""

    def run(action: Callable[[FeedService], str]) -> Callable[[], str]:
        # The service is reached in the worker thread: building it loads the feed parser.
        def work() -> str:
            try:
                return action(bot.feeds)
            except NewsbotError as error:  # it may quote the URL as typed: show it literally
                raise NewsbotError(quiet(error.message), setting=error.setting) from None

        return work

    @group.command(name="feed-add", description="Subscribe the bot to an RSS or Atom feed.")
    @app_commands.describe(url="The feed's http(s) URL", every="Poll interval, e.g. 15m or 2h")
    async def feed_add(
        interaction: discord.Interaction,
        url: Url,
        every: app_commands.Range[str, 1, 16] | None = None,
    ) -> None:
        await _reply(interaction, run(lambda s: added(s.add(url, every))))

    @group.command(name="feed-list", description="The bot's feeds, with status and errors.")
    async def feed_list(interaction: discord.Interaction) -> None:
        await _reply(interaction, run(lambda s: listing(s.list())))

    @group.command(name="feed-pause", description="Stop polling a feed for now.")
    @app_commands.describe(url="As shown by /newsbot feed-list")
    async def feed_pause(interaction: discord.Interaction, url: Url) -> None:
        await _reply(interaction, run(lambda s: f"Paused {quiet(s.pause(url).url)}."))

    @group.command(name="feed-resume", description="Poll a paused feed again.")
    @app_commands.describe(url="As shown by /newsbot feed-list")
    async def feed_resume(interaction: discord.Interaction, url: Url) -> None:
        def said(service: FeedService) -> str:
            return f"Resumed {quiet(service.resume(url).url)}; it is polled on the next round."

        await _reply(interaction, run(said))

    @group.command(name="feed-remove", description="Unsubscribe from a feed.")
    @app_commands.describe(url="As shown by /newsbot feed-list")
    async def feed_remove(interaction: discord.Interaction, url: Url) -> None:
        def said(service: FeedService) -> str:
            gone = quiet(service.remove(url).url)
            return f"Removed {gone}. Articles it already brought stay in the store."

        await _reply(interaction, run(said))

    @group.command(name="feed-explain", description="Why a feed item was or was not stored.")
    @app_commands.describe(item="The item's URL, GUID or article id")
    async def feed_explain(interaction: discord.Interaction, item: Url) -> None:
        await _reply(interaction, run(lambda s: explained(s.explain(item))))


async def _reply(interaction: discord.Interaction, work: Callable[[], str]) -> None:
    # Deferred first: adding a feed fetches it, which may take longer than Discord's 3 s.
    await respond(interaction, work, render=_text, ephemeral=True)


def _text(text: str) -> tuple[Payload, ...]:
    """Whole lines per message, so a long list never breaks a feed's line in two."""
    pieces: list[str] = []
    for line in text.split("\n"):
        if pieces and len(pieces[-1]) + 1 + len(line) <= limits.CONTENT:
            pieces[-1] += "\n" + line
        else:
            pieces.append(line)
    return tuple(p for piece in pieces for p in render_text(piece))  # splits an overlong line


def quiet(text: str) -> str:
    """Escaped, and URLs in `<>` so a reply lists feeds without a preview for each."""
    return _URL.sub(_bracket, escape(text))


def _bracket(match: re.Match[str]) -> str:
    # Prose punctuation after a URL ("…/rss: 10.0.0.1 is private") is not part of it.
    url = match.group().rstrip(".,:;!?)'\"")
    return f"<{url}>{match.group()[len(url) :]}"


def added(feed: Feed) -> str:
    return f"Added {quiet(text.feed_line(feed))}\nIt is polled within a minute. {GLOBAL}"


def listing(feeds: tuple[Feed, ...]) -> str:
    if not feeds:
        return NONE_YET
    lines = [f"• {quiet(text.feed_line(f))}" for f in feeds]
    return "\n".join([f"{len(feeds)} feeds. {GLOBAL}", *lines])


def explained(items: tuple[ItemLog, ...]) -> str:
    return "\n".join(f"• {quiet(text.explain_line(i))}" for i in items)
