"""Civilian sites (the planned "safe" communities): status, capacity, residents, services, place.

A site's current fact is its latest report. A report that gives no place does not move the site: its
place is the one in the latest report of that site that gave one (`located_by` names that fact).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from stabforce.engines.stood import stood
from stabforce.ledger import Fact
from stabforce.model import Snapshot


@dataclass(frozen=True)
class SitesPicture:
    """Every site's current fact, and totals by status."""

    sites: tuple[Fact, ...]
    by_status: Mapping[str, int]
    residents_open: int
    capacity_open: int
    #: subject -> the fact whose place locates the site (the current one, or the latest earlier one with a place).
    located_by: Mapping[str, Fact] = field(default_factory=dict)
    #: subject -> every report of the site up to the day, oldest first.
    history: Mapping[str, tuple[Fact, ...]] = field(default_factory=dict)
    #: sites whose current report gives no residents figure (unknown, not zero), by status.
    residents_unknown: Mapping[str, int] = field(default_factory=dict)

    def place(self, subject: str) -> Mapping[str, object] | None:
        """Return the site's place ({lat, lon, precision, name}) or None if no report gave one."""
        fact = self.located_by.get(subject)
        return fact.payload["place"] if fact is not None else None


def civilian_sites(snapshot: Snapshot) -> SitesPicture:
    """Return the sites on the snapshot's day."""
    groups = [g for g in snapshot.claims("civilian_site") if g.current is not None]
    sites = tuple(g.current for g in groups if g.current is not None)
    by_status: dict[str, int] = {}
    unknown: dict[str, int] = {}
    for fact in sites:
        status = fact.payload["status"]
        by_status[status] = by_status.get(status, 0) + 1
        if fact.payload.get("residents") is None:
            unknown[status] = unknown.get(status, 0) + 1
    located: dict[str, Fact] = {}
    for g in groups:
        with_place = [f for f in stood(g, snapshot) if f.payload.get("place")]
        if with_place:
            located[g.subject] = with_place[-1]
    open_ = [f.payload for f in sites if f.payload["status"] == "open"]
    return SitesPicture(sites, by_status, sum(p.get("residents") or 0 for p in open_),
                        sum(p.get("capacity") or 0 for p in open_), located,
                        {g.subject: stood(g, snapshot) for g in groups}, unknown)
