"""Errors the core raises with a message fit to show a user as it is."""


class NewsbotError(Exception):
    """A clear, user-facing failure: bad settings, bad input, an unusable store.

    `setting` names the setting to fix, when one is to blame.
    """

    def __init__(self, message: str, *, setting: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.setting = setting
