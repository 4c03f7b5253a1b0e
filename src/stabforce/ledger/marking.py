"""TLP 2.0 markings (FIRST's Traffic Light Protocol) on facts, and who may read a marked fact.

A fact without a marking is CLEAR: before markings existed every fact was readable by every role and,
with public reading on, by anyone, and an unmarked fact keeps that. The rule of which reader gets
which `Clearance` lives in `services.actors`; here is only what a clearance lets through.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stabforce.ledger.fact import Fact


class Marking(StrEnum):
    """The five TLP 2.0 labels, least to most restricted."""

    CLEAR = "CLEAR"
    GREEN = "GREEN"
    AMBER = "AMBER"
    AMBER_STRICT = "AMBER+STRICT"
    RED = "RED"


#: How restricted each marking is (higher = fewer readers); an unmarked fact counts as CLEAR.
RANK: dict[str | None, int] = {None: 0, **{m.value: n for n, m in enumerate(Marking)}}


def parse_marking(value: str | None) -> str | None:
    """Return the marking's canonical text ("TLP:AMBER+STRICT", "amber+strict" -> "AMBER+STRICT");
    None or "" for no marking. Raise ValueError naming the allowed values."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip().upper().removeprefix("TLP:").replace("_", "+").replace(" ", "")
    if text not in RANK:
        raise ValueError(f"marking {value!r} is not a TLP 2.0 label; use one of "
                         f"{', '.join(m.value for m in Marking)}")
    return text


def rank(marking: str | None) -> int:
    """Return how restricted a marking is (0 = CLEAR or none)."""
    return RANK[marking]


@dataclass(frozen=True, slots=True)
class Clearance:
    """What one reader may read.

    `markings`: the labels readable on any fact (a fact without a marking reads as CLEAR);
    `amber_subject`: a subject whose AMBER facts are readable too (a liaison's own country);
    `red_recorder`: a recorder whose own RED facts are readable; `everything`: no filter (admin, CLI).
    `key` identifies the clearance in caches: two readers with equal clearances share pictures.
    """

    markings: frozenset[str]
    amber_subject: str | None = None
    red_recorder: str | None = None
    everything: bool = False

    @property
    def key(self) -> tuple[object, ...]:
        """Return a hashable identity of what this clearance lets through."""
        return ("all",) if self.everything else (tuple(sorted(self.markings)), self.amber_subject, self.red_recorder)

    def narrowed(self, other: Clearance) -> Clearance:
        """Return what both this clearance and `other` let through (never more than either)."""
        if self.everything:
            return other
        if other.everything:
            return self
        return Clearance(self.markings & other.markings,
                         amber_subject=self.amber_subject if self.amber_subject == other.amber_subject else None,
                         red_recorder=self.red_recorder if self.red_recorder == other.red_recorder else None)

    def allows(self, fact: Fact) -> bool:
        """Return whether this clearance may read `fact`."""
        if self.everything:
            return True
        marking = fact.marking or Marking.CLEAR.value
        if marking in self.markings:
            return True
        if marking == Marking.AMBER and self.amber_subject is not None and fact.subject == self.amber_subject:
            return True
        return marking == Marking.RED and self.red_recorder is not None and fact.recorded_by == self.red_recorder


#: Reads everything: the admin role and the command line's operator.
EVERYTHING = Clearance(frozenset(m.value for m in Marking), everything=True)
#: Reads only CLEAR facts: a visitor who is not logged in.
PUBLIC = Clearance(frozenset({Marking.CLEAR.value}))
