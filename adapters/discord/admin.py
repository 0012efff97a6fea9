"""`/newsbot digest-set|digest-off|digest-show` and the bot's feeds (feeds.py), managers only.

`default_permissions` hides the group from members without Manage Server, but a server
can override that, so `interaction_check` enforces it again on every call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from adapters.discord import feeds, notices, options
from adapters.discord.render import Payload, render_text
from adapters.discord.replies import respond
from bot.contract import Destination, DigestSubscription

if TYPE_CHECKING:
    from bot.core import NewsBot


class DigestAdmin(app_commands.Group):
    """Everything here acts on the interaction's own guild and channel, never on another's."""

    def __init__(self, bot: NewsBot) -> None:
        super().__init__(
            name="newsbot",
            description="Server settings for newsbot (Manage Server only).",
            guild_only=True,
            allowed_contexts=app_commands.AppCommandContext(guild=True),
            default_permissions=discord.Permissions(manage_guild=True),
        )
        self.bot = bot
        feeds.register(self, bot)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        if not interaction.permissions.manage_guild:
            raise app_commands.MissingPermissions(["manage_guild"])
        return True

    @app_commands.command(name="digest-set", description="Post a daily digest in this channel.")
    @app_commands.describe(
        time="Local time, 24-hour HH:MM, e.g. 08:30",
        timezone="IANA time zone, e.g. Europe/London",
        topics="Optional, comma-separated, e.g. China, Ukraine",
    )
    async def digest_set(
        self,
        interaction: discord.Interaction,
        time: app_commands.Range[str, 1, 5],
        timezone: app_commands.Range[str, 1, 64],
        topics: app_commands.Range[str, 1, 300] | None = None,
    ) -> None:
        wanted = DigestSubscription(
            destination=_here(interaction),
            time=time.strip(),
            timezone=timezone.strip(),
            topics=options.topics(topics),
        )
        await respond(interaction, self.bot.subscribe_digest, wanted, render=_subscribed)

    @digest_set.autocomplete("timezone")
    async def _zone(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=z, value=z) for z in options.timezones(current)]

    @app_commands.command(name="digest-off", description="Stop the daily digest in this channel.")
    async def digest_off(self, interaction: discord.Interaction) -> None:
        await respond(interaction, self.bot.unsubscribe_digest, _here(interaction), render=_off)

    @app_commands.command(name="digest-show", description="List this server's daily digests.")
    async def digest_show(self, interaction: discord.Interaction) -> None:
        scope = str(interaction.guild_id)
        await respond(
            interaction,
            self.bot.subscriptions,
            options.PLATFORM,
            scope,
            render=_listed,
            ephemeral=True,
        )


def _here(interaction: discord.Interaction) -> Destination:
    # Both ids come from Discord, not from the user, so no guild can name another.
    return options.destination(interaction.guild_id or 0, interaction.channel_id or 0)


def _subscribed(sub: DigestSubscription) -> tuple[Payload, ...]:
    return render_text(notices.subscribed(sub))


def _off(removed: bool) -> tuple[Payload, ...]:
    return render_text(notices.unsubscribed(removed))


def _listed(subs: tuple[DigestSubscription, ...]) -> tuple[Payload, ...]:
    return render_text(notices.subscriptions(subs))
