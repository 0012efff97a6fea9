"""The public slash commands: options in, core call, rendered answer out."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from adapters.discord import limits, options
from adapters.discord.render import render
from adapters.discord.replies import respond

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)
Text = app_commands.Range[str, 1, 100]
Page = app_commands.Range[int, 1, 50]
Completer = Callable[
    [discord.Interaction, str], Coroutine[Any, Any, list[app_commands.Choice[str]]]
]


def completer(bot: NewsBot, field: str) -> Completer:
    """Autocomplete from the store; Discord does not validate, so commands accept anything."""

    async def complete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        try:
            values = await asyncio.to_thread(bot.complete, field, current, limits.CHOICES)
        except Exception:
            log.exception("Autocomplete failed for %s", field)
            values = ()
        return [app_commands.Choice(name=n, value=v) for n, v in options.choices(values)]

    return complete


def register(tree: app_commands.CommandTree, bot: NewsBot) -> None:
    """Add /ask, /quotes, /latest, /who, /digest and /help to `tree`."""

    @tree.command(name="ask", description="Ask in your own words: who said what about China?")
    @app_commands.describe(question="For example: what did Blinken say about Russia?")
    async def ask(
        interaction: discord.Interaction, question: app_commands.Range[str, 1, 500]
    ) -> None:
        await respond(interaction, bot.ask, question, render=render)

    @tree.command(name="quotes", description="Who said what about a topic, with sources.")
    @app_commands.describe(topic="What it is about", speaker="Only this person", page="Page")
    @app_commands.autocomplete(topic=completer(bot, "topic"), speaker=completer(bot, "speaker"))
    async def quotes(
        interaction: discord.Interaction, topic: Text, speaker: Text | None = None, page: Page = 1
    ) -> None:
        await respond(
            interaction, bot.answer, options.quotes_query(topic, speaker, page), render=render
        )

    @tree.command(name="latest", description="The latest stories on a topic.")
    @app_commands.describe(topic="What it is about", page="Page")
    @app_commands.autocomplete(topic=completer(bot, "topic"))
    async def latest(interaction: discord.Interaction, topic: Text, page: Page = 1) -> None:
        await respond(interaction, bot.answer, options.latest_query(topic, page), render=render)

    @tree.command(name="who", description="Who someone in the news is, and what they said.")
    @app_commands.describe(name="A person's name")
    @app_commands.autocomplete(name=completer(bot, "name"))
    async def who(interaction: discord.Interaction, name: Text) -> None:
        await respond(interaction, bot.answer, options.who_query(name), render=render)

    @tree.command(name="digest", description="Today's main stories and quotes, here and now.")
    @app_commands.describe(topic="Only this topic")
    @app_commands.autocomplete(topic=completer(bot, "topic"))
    async def digest(interaction: discord.Interaction, topic: Text | None = None) -> None:
        await respond(interaction, bot.answer, options.digest_query(topic), render=render)

    @tree.command(name="help", description="What newsbot can answer, with examples.")
    async def help_(interaction: discord.Interaction) -> None:
        await respond(interaction, bot.answer, options.help_query(), render=render)
