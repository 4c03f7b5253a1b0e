"""Civilian sites (the planned "safe" communities): status, capacity, residents, services."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stabforce.ledger import Fact
from stabforce.model import Snapshot


@dataclass(frozen=True)
class SitesPicture:
    """Every site's current fact, and totals by status."""

    sites: tuple[Fact, ...]
    by_status: Mapping[str, int]
    residents_open: int
    capacity_open: int


def civilian_sites(snapshot: Snapshot) -> SitesPicture:
    """Return the sites on the snapshot's day."""
    sites = tuple(snapshot.states("civilian_site"))
    by_status: dict[str, int] = {}
    for fact in sites:
        by_status[fact.payload["status"]] = by_status.get(fact.payload["status"], 0) + 1
    open_ = [f.payload for f in sites if f.payload["status"] == "open"]
    return SitesPicture(sites, by_status, sum(p.get("residents") or 0 for p in open_),
                        sum(p.get("capacity") or 0 for p in open_))
