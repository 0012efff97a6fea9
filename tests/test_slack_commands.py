"""Pure `/news` parsing: subcommands, free text, digest settings, Slack-encoded input."""

from __future__ import annotations

import pytest

from adapters.slack.commands import (
    Command,
    DigestArgs,
    Sub,
    parse_command,
    parse_digest_set,
    question,
)
from bot.errors import NewsbotError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Command(Sub.HELP)),
        ("help", Command(Sub.HELP)),
        ("HELP me", Command(Sub.HELP, "me")),
        ("quotes China", Command(Sub.QUOTES, "China")),
        ("latest  Ukraine war", Command(Sub.LATEST, "Ukraine war")),
        ("who Jake Sullivan", Command(Sub.WHO, "Jake Sullivan")),
        ("ask what did Blinken say", Command(Sub.ASK, "what did Blinken say")),
        ("digest", Command(Sub.DIGEST)),
        ("digest-set 8:00 Europe/London", Command(Sub.DIGEST_SET, "8:00 Europe/London")),
        ("digest-off", Command(Sub.DIGEST_OFF)),
        ("digest-show", Command(Sub.DIGEST_SHOW)),
        ("who said what about China", Command(Sub.ASK, "who said what about China")),
        ("who is Jake Sullivan", Command(Sub.ASK, "who is Jake Sullivan")),
        ("what did Blinken say", Command(Sub.ASK, "what did Blinken say")),
        ("&lt;b&gt; &amp; co", Command(Sub.ASK, "<b> & co")),
    ],
)
def test_parse_command(text: str, expected: Command) -> None:
    assert expected == parse_command(text)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (Command(Sub.QUOTES, "China"), "who said what about China"),
        (Command(Sub.LATEST, "Ukraine"), "latest on Ukraine"),
        (Command(Sub.WHO, "Jake Sullivan"), "who is Jake Sullivan"),
        (Command(Sub.ASK, "who said what about China"), "who said what about China"),
        (Command(Sub.QUOTES), None),
        (Command(Sub.ASK), None),
    ],
)
def test_question(command: Command, expected: str | None) -> None:
    assert expected == question(command)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("who said what about China", "who said what about China"),
        ("latest on Ukraine", "latest on Ukraine"),
        ("quotes about China", "who said what about China"),
        ("who Jake Sullivan", "who is Jake Sullivan"),
    ],
)
def test_natural_phrasing_after_a_subcommand_word(text: str, expected: str) -> None:
    assert expected == question(parse_command(text))


def test_digest_set_arguments() -> None:
    assert DigestArgs("08:00", "Europe/London", ("China", "Jake Sullivan")) == parse_digest_set(
        "8:00 Europe/London China, Jake Sullivan"
    )
    assert DigestArgs("23:59", "UTC") == parse_digest_set("23:59 UTC")


@pytest.mark.parametrize("rest", ["", "08:00", "25:00 UTC", "noon UTC", "8h Europe/Paris"])
def test_digest_set_rejects_bad_input_with_usage(rest: str) -> None:
    with pytest.raises(NewsbotError) as info:
        parse_digest_set(rest)
    assert "/news digest-set HH:MM" in info.value.message
