"""The snapshot: the mission on one day as the ledger knew it at one time. Pure data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from stabforce.ledger import Fact

GroupKey = tuple[str, str, tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class Claims:
    """Every fact of one kind about one subject and key (e.g. Indonesia's whole-force troop pledge).

    `current` is the fact that holds (the latest, or the one a decision accepted); `live` the facts
    still standing on the day, oldest first; `history` every fact ever recorded about it, superseded,
    retracted and expired ones included, oldest first.
    """

    kind: str
    subject: str
    key: tuple[Any, ...]
    current: Fact | None
    live: tuple[Fact, ...]
    history: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Live facts from different sources that disagree about the same subject, key and day."""

    id: str
    kind: str
    subject: str
    key: tuple[Any, ...]
    facts: tuple[Fact, ...]
    settled_by: Fact | None = None

    @property
    def settled(self) -> bool:
        """Return whether a decision settles every fact of this conflict."""
        return self.settled_by is not None

    @property
    def accepted(self) -> str | None:
        """Return the id of the fact the settling decision accepted, if any."""
        return self.settled_by.payload.get("accepted") if self.settled_by else None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The state on `as_of` as known at `known_at`."""

    as_of: date
    known_at: datetime
    known_count: int
    groups: Mapping[GroupKey, Claims]
    conflicts: tuple[Conflict, ...]
    superseded_by: Mapping[str, str]
    deployed: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    events: Mapping[str, tuple[Fact, ...]] = field(default_factory=dict)

    def events_of(self, kind: str) -> tuple[Fact, ...]:
        """Return the live facts of an event kind up to `as_of`, in order (valid time, knowledge, position)."""
        return self.events.get(kind, ())

    def states(self, kind: str) -> list[Fact]:
        """Return the current fact of every subject of a keyless state kind (milestones, sites), by subject."""
        return [g.current for g in self.claims(kind) if g.current is not None]

    def claims(self, kind: str, subject: str | None = None) -> list[Claims]:
        """Return the claim groups of `kind`, optionally of one subject, in a stable order."""
        found = [g for (k, s, _), g in self.groups.items() if k == kind and (subject is None or s == subject)]
        return sorted(found, key=lambda g: (g.subject, repr(g.key)))

    def current(self, kind: str, subject: str) -> Fact | None:
        """Return the fact that holds for a kind with no key (stance, mission, zone control)."""
        group = self.groups.get((kind, subject, ()))
        return group.current if group else None

    def subjects(self, prefix: str) -> list[str]:
        """Return every subject with that prefix that has a live or past fact."""
        return sorted({s for (_, s, _) in self.groups if s.startswith(prefix + ":")})

    def newest(self) -> Fact | None:
        """Return the standing fact or event that speaks about the latest day up to `as_of` (the age of
        the picture: how old its newest information is), or None when nothing stands."""
        found = [f for g in self.groups.values() for f in g.live] + [f for e in self.events.values() for f in e]
        return max(found, key=lambda f: (f.valid_from, f.known_from, f.seq or 0), default=None)

    def conflicts_about(self, subject: str) -> list[Conflict]:
        """Return the conflicts about one subject."""
        return [c for c in self.conflicts if c.subject == subject]
