"""Mentions and DMs: answer only when addressed, never read anything else."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

import discord

from adapters.discord import options, replies
from adapters.discord.render import render, render_plain
from adapters.discord.replies import can_embed, post, produce

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)


def addressed(message: discord.Message, me: discord.ClientUser) -> bool:
    """A DM, or a server message whose mentions include the bot's user; never from a bot."""
    if message.author.bot or message.webhook_id is not None:
        return False
    if message.guild is None:
        return True
    return any(user.id == me.id for user in message.mentions)


async def on_message(message: discord.Message, me: discord.ClientUser, bot: NewsBot) -> None:
    if not addressed(message, me):
        return
    text = options.question(message.content, me.id)
    # Typing is a courtesy; the reply below reports any real trouble.
    with contextlib.suppress(discord.HTTPException, TimeoutError):
        async with asyncio.timeout(replies.SEND_TIMEOUT):
            await message.channel.typing()
    shown = render if can_embed(message.channel) else render_plain
    if text:
        payloads = await produce(bot.ask, text, render=shown)
    else:
        payloads = await produce(bot.answer, options.help_query(), render=shown)
    try:
        await post(message.channel, payloads, reference=message)
    except discord.HTTPException as error:
        log.warning("Reply to a mention failed: HTTP %s (code %s)", error.status, error.code)
    except TimeoutError:
        log.warning("Reply to a mention failed: Discord did not answer in time")
