"""`/watch`, `/unwatch`, `/watches`: a channel's topic and person alerts, managers only.

`default_permissions` hides the commands from members without Manage Server, but a server
can override that, so a check enforces it again on every call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands

from adapters.discord import notices, options
from adapters.discord.commands import Completer, Text, completer
from adapters.discord.render import Payload, render_text
from adapters.discord.replies import respond
from bot.contract import Destination, Watch

if TYPE_CHECKING:
    from bot.core import NewsBot

Kind = Literal["topic", "person"]


def managers_only(interaction: discord.Interaction) -> bool:
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    if not interaction.permissions.manage_guild:
        raise app_commands.MissingPermissions(["manage_guild"])
    return True


def register(tree: app_commands.CommandTree, bot: NewsBot) -> None:
    """Add /watch, /unwatch and /watches to `tree`."""

    @tree.command(
        name="watch", description="Post each new quote or story on a topic or person here."
    )
    @app_commands.describe(kind="A topic or a person", term="e.g. China, or Jen Psaki")
    @app_commands.autocomplete(term=_terms(bot))
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.check(managers_only)
    async def watch(interaction: discord.Interaction, kind: Kind, term: Text) -> None:
        await respond(interaction, bot.watch, _here(interaction), kind, term, render=_watching)

    @tree.command(name="unwatch", description="Stop alerts on a topic or person in this channel.")
    @app_commands.describe(kind="A topic or a person", term="As given to /watch")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.check(managers_only)
    async def unwatch(interaction: discord.Interaction, kind: Kind, term: Text) -> None:
        def said(removed: bool) -> tuple[Payload, ...]:
            return render_text(notices.unwatched(removed, kind, term))

        await respond(interaction, bot.unwatch, _here(interaction), kind, term, render=said)

    @tree.command(name="watches", description="List this server's watches.")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.check(managers_only)
    async def watches(interaction: discord.Interaction) -> None:
        scope = str(interaction.guild_id)
        await respond(interaction, bot.watches, options.PLATFORM, scope, render=_listed,
                      ephemeral=True)  # fmt: skip


def _terms(bot: NewsBot) -> Completer:
    """Topics for a topic watch, people quoted in the store for a person watch."""
    topics, people = completer(bot, "topic"), completer(bot, "speaker")

    async def complete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        chosen = people if getattr(interaction.namespace, "kind", None) == "person" else topics
        return await chosen(interaction, current)

    return complete


def _here(interaction: discord.Interaction) -> Destination:
    # Both ids come from Discord, not from the user, so no guild can name another.
    return options.destination(interaction.guild_id or 0, interaction.channel_id or 0)


def _watching(watch: Watch) -> tuple[Payload, ...]:
    return render_text(notices.watching(watch))


def _listed(watches: tuple[Watch, ...]) -> tuple[Payload, ...]:
    return render_text(notices.watch_list(watches))
