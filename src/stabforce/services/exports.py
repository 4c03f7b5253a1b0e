"""Exports for other tools: CSV (facts, pledges, incidents in ACLED's layout), GeoJSON (zones, sectors,
sites, incidents) and a STIX 2.1 bundle of facts.

Every export reads the ledger through `visible_facts(pictures, actor)`, the one place that decides
which facts an actor may see, and folds through `visible_picture`, so that a rule about who may read
what (markings) applies to every export at once.
"""

from __future__ import annotations

from datetime import date, datetime

from stabforce.engines.forcegen import force_generation
from stabforce.ledger import Fact
from stabforce.model import fold
from stabforce.services.actors import Actor
from stabforce.services.picture import END_OF_TIME, Picture, Pictures


def visible_facts(pictures: Pictures, actor: Actor) -> tuple[list[Fact], tuple[int, str]]:
    """Return the facts `actor` may read, in ledger order, and the ledger head they were read at.

    Today every role reads every fact. This is the one function every export reads facts through:
    a rule that hides facts from some actors belongs here.
    """
    return pictures.facts()


def visible_picture(pictures: Pictures, actor: Actor, *, as_of: date, known_at: datetime | None) -> Picture:
    """Return the picture on `as_of` as known at `known_at`, folded from the facts `actor` may read
    (the shared cached picture when that is every fact)."""
    seen, head = visible_facts(pictures, actor)
    everything = pictures.facts()
    if seen is everything[0]:
        return pictures.get(as_of=as_of, known_at=known_at, view=everything)
    key = ("visible-picture", actor.role, actor.contributor, as_of, known_at, len(seen))

    def compute() -> Picture:
        snapshot = fold(seen, as_of=as_of, known_at=known_at or END_OF_TIME)
        return Picture(snapshot, force_generation(snapshot))

    return pictures.memo(key, compute, head=head)
