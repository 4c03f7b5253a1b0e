"""The Palestinian police pipeline: cohorts through recruited → vetted → trained → deployed.

Each cohort's current `police_cohort` fact holds its cumulative counts; a count not reported is
unknown, not zero, and totals say how many cohorts left it unknown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from stabforce.ledger import Fact
from stabforce.model import Snapshot

STAGES = ("recruited", "vetted", "trained", "deployed", "attrition")


@dataclass(frozen=True)
class Pipeline:
    """Totals per stage over the cohorts, unknowns counted, deployed per sector, and the target."""

    cohorts: tuple[Fact, ...]
    totals: Mapping[str, int]
    unknown: Mapping[str, int]
    deployed_by_sector: Mapping[str, int]
    target: int | None

    def deployed_in(self, sector: str | None) -> int:
        """Return police deployed in one sector (all sectors if None)."""
        return self.totals["deployed"] if sector is None else self.deployed_by_sector.get(sector, 0)


def police_pipeline(snapshot: Snapshot) -> Pipeline:
    """Return the pipeline on the snapshot's day."""
    cohorts = tuple(snapshot.states("police_cohort"))
    totals = dict.fromkeys(STAGES, 0)
    unknown = dict.fromkeys(STAGES, 0)
    by_sector: dict[str, int] = defaultdict(int)
    for fact in cohorts:
        for stage in STAGES:
            value = fact.payload.get(stage)
            if value is None:
                unknown[stage] += 1
            else:
                totals[stage] += value
        if fact.payload.get("deployed") and fact.payload.get("sector"):
            by_sector[fact.payload["sector"]] += fact.payload["deployed"]
    target = None
    for group in snapshot.claims("requirement"):
        if group.current is not None and group.current.payload.get("personnel_kind") == "police" \
                and group.current.payload.get("quantity") is not None:
            target = group.current.payload["quantity"]
    return Pipeline(cohorts, totals, unknown, dict(by_sector), target)
