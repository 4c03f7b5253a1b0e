"""Camps housing the force's personnel (barracks, bases): what each holds, in which sector, from when.

A camp's current fact is its latest report (`camp` is a state kind). It houses troops:

- from its `ready_on` day (the day it is to open, or opened). A camp reported open without that day counts
  from the day of its first report saying it is open. A camp still planned or being prepared whose
  `ready_on` has passed by the snapshot's day has slipped: it counts from the day after the snapshot's day;
- until it closes: the day of the first report of the latest run of reports saying it is closed.

Only a known capacity counts: `capacity`, or an "up to" `capacity_high` when no `capacity` is given. A
camp with no sector, no known capacity or no opening day adds nothing, and says why (`unused`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from stabforce.engines.forecast.inputs import CampInput
from stabforce.engines.stood import stood
from stabforce.ledger import Fact
from stabforce.model import Snapshot


@dataclass(frozen=True)
class Camp:
    """One camp on the snapshot's day: its current report and what the forecast can use of it."""

    subject: str
    fact: Fact
    name: str
    sector: str | None
    status: str
    #: the capacity that counts (personnel; None: not reported)
    capacity: int | None
    #: the first day it houses troops (None: not known), and the day it closed (None: not closed)
    opens: date | None
    closes: date | None
    for_contributor: str | None
    #: why it adds no capacity: "capacity not reported", "no sector", "no opening day", "closed"; None: it counts
    unused: str | None

    def input(self, start: date) -> CampInput | None:
        """Return the camp as a forecast input (days after `start`), or None if it adds nothing."""
        if self.unused or self.opens is None or self.sector is None or self.capacity is None:
            return None
        ready = max(0, (self.opens - start).days)
        closed = None if self.closes is None else (self.closes - start).days
        if closed is not None and closed <= ready:
            return None  # closed before the forecast's first day, or before it opened
        return CampInput(self.sector, self.capacity, ready, closed, self.name)


@dataclass(frozen=True)
class CampsPicture:
    """Every camp on the snapshot's day, by subject."""

    camps: tuple[Camp, ...]

    def inputs(self, start: date) -> tuple[CampInput, ...]:
        """Return the camps that add capacity, as forecast inputs counted in days after `start`."""
        return tuple(i for c in self.camps if (i := c.input(start)) is not None)

    def sector_of(self, contributor: str) -> str | None:
        """Return the one sector of the camps prepared for this contributor that are not closed (None:
        no such camp, or camps in several sectors)."""
        sectors = {c.sector for c in self.camps
                   if c.for_contributor == contributor and c.status != "closed" and c.sector is not None}
        return sectors.pop() if len(sectors) == 1 else None


def camps(snapshot: Snapshot) -> CampsPicture:
    """Return the camps on the snapshot's day."""
    out = []
    for group in snapshot.claims("camp"):
        fact = group.current
        if fact is None:
            continue
        p = fact.payload
        history = stood(group, snapshot)
        capacity = p.get("capacity") if p.get("capacity") is not None else p.get("capacity_high")
        opens = date.fromisoformat(p["ready_on"]) if p.get("ready_on") else None
        if opens is None:
            opened = [f.valid_from for f in history if f.payload["status"] == "open"]
            opens = opened[0] if opened else None
        elif p["status"] in ("planned", "being_prepared") and opens < snapshot.as_of:
            opens = snapshot.as_of + timedelta(days=1)  # due and not open: it has slipped
        closes = None
        if p["status"] == "closed":
            closes = fact.valid_from
            for earlier in reversed(history):
                if earlier.payload["status"] != "closed":
                    break
                closes = earlier.valid_from
        unused = ("capacity not reported" if capacity is None else "no sector" if p.get("sector") is None
                  else "no opening day" if opens is None
                  else "closed" if closes is not None and closes <= opens else None)
        out.append(Camp(group.subject, fact, p["name"], p.get("sector"), p["status"], capacity, opens, closes,
                        p.get("for_contributor"), unused))
    return CampsPicture(tuple(out))


def capacity_by_sector(camps: Sequence[CampInput], days: Sequence[int] | np.ndarray) -> dict[str, np.ndarray]:
    """Return, for each sector holding a camp, the capacity of its camps open on each of these days
    (days after authorization; a camp counts from its ready day until its closing day)."""
    days = np.asarray(days)
    out: dict[str, np.ndarray] = {}
    for camp in camps:
        open_ = days >= camp.ready_day
        if camp.closed_day is not None:
            open_ &= days < camp.closed_day
        out.setdefault(camp.sector, np.zeros(len(days), dtype=np.int64))[open_] += camp.capacity
    return out


def sector_capacity(snapshot: Snapshot, *, start: date, days: Sequence[int] | np.ndarray) -> dict[str, np.ndarray]:
    """Fold the snapshot's camps into capacity per sector on each of these days after `start` (camps of
    known capacity only; `camps(snapshot)` lists the others with the reason)."""
    return capacity_by_sector(camps(snapshot).inputs(start), days)
