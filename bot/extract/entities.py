"""Entities of an article: the people it names (with aliases and roles) and its unnamed sources."""

from __future__ import annotations

from bot.extract.people import People
from bot.extract.phrase import Source
from bot.models import Entity


def entities(people: People, unnamed: dict[str, Source]) -> tuple[Entity, ...]:
    out: list[Entity] = []
    for p in people.people:
        if not (p.sure or len(p.tokens) > 1):
            continue
        out.append(Entity(p.name, "person", tuple(p.aliases), tuple(p.roles)))
    named = {e.name for e in out}
    for name, kind in people.others.items():
        if name not in named:
            out.append(Entity(name, kind))
    for name, src in unnamed.items():
        out.append(Entity(name, "org" if src.kind == "org" else "unnamed"))
    return tuple(out)
