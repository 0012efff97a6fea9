"""Fixed user-facing texts of the Discord adapter: refusals, apologies, digest settings."""

from __future__ import annotations

from adapters.discord.markdown import escape
from bot.contract import DigestSubscription, DueDigest, Watch

APOLOGY = "Sorry, something went wrong while answering. Please try again in a moment."
GUILD_ONLY = "This command works in a server channel, not in direct messages."
NEED_MANAGE_GUILD = (
    "Only members with the **Manage Server** permission can change the digest, watches or feeds."
)


def subscribed(sub: DigestSubscription) -> str:
    return (
        f"Daily digest set for <#{sub.destination.channel}> at {sub.time} ({sub.timezone})"
        f"{_topics(sub.topics)}."
    )


def unsubscribed(removed: bool) -> str:
    if removed:
        return "Daily digest turned off for this channel."
    return "This channel had no daily digest; nothing changed."


def subscriptions(subs: tuple[DigestSubscription, ...]) -> str:
    """digest-show: every digest of this server, with the last delivery error if any."""
    if not subs:
        return "No daily digest is set up in this server. Use `/newsbot digest-set` in a channel."
    lines = ["Daily digests in this server:"]
    for sub in subs:
        line = f"• <#{sub.destination.channel}> at {sub.time} ({sub.timezone}){_topics(sub.topics)}"
        if sub.last_error:
            line += f"\n  last delivery failed: {escape(sub.last_error)}"
        lines.append(line)
    return "\n".join(lines)


def digest_lead(due: DueDigest) -> str:
    """The line above a posted digest; says so when it comes late after downtime."""
    if due.late:
        return f"Daily digest for {due.day} (posted late: the bot was offline at the usual time)"
    return f"Daily digest for {due.day}"


def _topics(topics: tuple[str, ...]) -> str:
    return f", topics: {escape(', '.join(topics))}" if topics else ""


# -- watches ------------------------------------------------------------------------------


def watching(watch: Watch) -> str:
    return (
        f"Watching {watch.kind} **{escape(watch.term)}** in <#{watch.destination.channel}>: each"
        " new quote or story is posted here once, as it arrives (several at once come together,"
        " at most one alert a minute)."
    )


def unwatched(removed: bool, kind: str, term: str) -> str:
    shown = f"{escape(kind)} **{escape(' '.join(term.split()))}**"
    if removed:
        return f"Stopped watching {shown} in this channel."
    return f"This channel was not watching {shown}; nothing changed. `/watches` lists them."


def watch_list(watches: tuple[Watch, ...]) -> str:
    """`/watches`: every watch of this server, by channel, with the last delivery error if any."""
    if not watches:
        return "Nothing is watched in this server. Use `/watch` in a channel."
    lines = ["Watches in this server:"]
    errors: dict[str, str] = {}
    for w in watches:
        lines.append(f"• <#{w.destination.channel}>: {w.kind} **{escape(w.term)}**")
        if w.last_error:
            errors[w.destination.channel] = w.last_error
    for channel, error in errors.items():
        lines.append(f"Last alert in <#{channel}> failed: {escape(error)}")
    return "\n".join(lines)
