"""Entities of an article: the people it names (with aliases and roles), the organisations and
places it names, and its unnamed sources as written."""

from __future__ import annotations

from bot.extract.people import People
from bot.extract.phrase import Source
from bot.models import Entity

_ARTICLES = ("the ", "The ")


def entities(people: People, unnamed: dict[str, Source]) -> tuple[Entity, ...]:
    out: list[Entity] = []
    for p in people.people:
        if not (p.sure or len(p.tokens) > 1):
            continue  # a lone capitalised word ("China") is not known to be anyone
        out.append(Entity(p.name, "person", tuple(p.aliases), tuple(p.roles)))
    named = {e.name for e in out}
    for name, kind in people.others.items():
        if name not in named:
            named.add(name)
            out.append(Entity(name, kind))
    for name, src in unnamed.items():
        bare = name[4:] if name.startswith(_ARTICLES) else name
        if src.kind == "org" and bare in named:
            continue  # "the White House" as a source is the "White House" already listed
        named.add(name)
        out.append(Entity(name, "org" if src.kind == "org" else "unnamed"))
    return tuple(out)
