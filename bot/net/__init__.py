"""Safe fetching for every URL the bot reads: http(s) only, public addresses, hard limits."""

from bot.net.client import Limits, Response, get
from bot.net.errors import FetchError
from bot.net.guard import Guard, is_public

__all__ = ["FetchError", "Guard", "Limits", "Response", "get", "is_public"]
