"""Logging for every adapter: one format, and secrets scrubbed from every record."""

from __future__ import annotations

import logging

from bot.settings import Settings

SECRET_FIELDS = (
    "discord_token",
    "slack_bot_token",
    "slack_app_token",
    "slack_signing_secret",
    "slack_client_secret",
)


_TRACEBACKS = logging.Formatter()


class Redact(logging.Filter):
    """Replace any configured secret that reaches a log message, whoever logged it."""

    def __init__(self, secrets: tuple[str, ...]) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s and len(s) >= 6)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if any(s in message for s in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "[redacted]")
            record.msg, record.args = message, None
        if record.exc_info and not record.exc_text:
            # Formatted here, not by the handler later, so a token in an exception is caught too.
            record.exc_text = _TRACEBACKS.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = self._scrub(record.stack_info)
        return True

    def _scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return text


def setup(settings: Settings) -> None:
    secrets = tuple(getattr(settings, name) or "" for name in SECRET_FIELDS)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
