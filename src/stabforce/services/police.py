"""The police pipeline and the civilian sites as plain-JSON views, cached per ledger state.

Every number carries the facts behind it (ids, sources); a count no report gave is null (unknown),
never 0.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from stabforce.engines.police import STAGES, TARGET_STAGES, Pipeline, police_pipeline
from stabforce.engines.sites import SitesPicture, civilian_sites
from stabforce.ledger import Fact
from stabforce.ledger.vocab import SECTORS, country_name
from stabforce.model import Snapshot
from stabforce.services.picture import Pictures
from stabforce.services.views import snapshot_header, source_view


def pipeline(pictures: Pictures, *, as_of: date, known_at: datetime | None) -> tuple[Snapshot, Pipeline]:
    """Return the snapshot and the police pipeline on `as_of` as known at `known_at` (cached)."""
    view = pictures.facts()
    snapshot = pictures.get(as_of=as_of, known_at=known_at, view=view).snapshot
    return snapshot, pictures.memo(("police", as_of, known_at), lambda: police_pipeline(snapshot), head=view[1])


def sites(pictures: Pictures, *, as_of: date, known_at: datetime | None) -> tuple[Snapshot, SitesPicture]:
    """Return the snapshot and the civilian sites on `as_of` as known at `known_at` (cached)."""
    view = pictures.facts()
    snapshot = pictures.get(as_of=as_of, known_at=known_at, view=view).snapshot
    return snapshot, pictures.memo(("sites", as_of, known_at), lambda: civilian_sites(snapshot), head=view[1])


def police_view(snapshot: Snapshot, p: Pipeline) -> dict[str, Any]:
    """Return the pipeline: totals and unknowns per stage, the target, throughput, cohorts with sources."""
    return {
        **snapshot_header(snapshot),
        "stages": [{"stage": s, "total": p.totals[s], "unknown_cohorts": p.unknown[s],
                    "facts": [f.id for f in p.cohorts if f.payload.get(s) is not None]} for s in STAGES],
        "target": p.target,
        "target_source": source_view(p.target_fact) if p.target_fact is not None else None,
        "deployed_by_sector": [{"sector": k, "name": SECTORS.get(k, k), "deployed": v}
                               for k, v in sorted(p.deployed_by_sector.items())],
        "throughput": [{"month": m.month, "end": m.end.isoformat(), "gained": dict(m.gained),
                        "cumulative": dict(m.cumulative)} for m in p.throughput],
        "recent_rate": {s: p.recent_rate.get(s, 0.0) for s in STAGES},
        "months_to_target": {s: p.months_to_target.get(s) for s in TARGET_STAGES},
        "cohorts": [cohort_view(f) for f in p.cohorts],
        "plans": [plan_view(f) for f in p.plans],
    }


def cohort_view(fact: Fact) -> dict[str, Any]:
    """Return one cohort's current counts (null = not reported) and its source."""
    p = fact.payload
    return {"cohort": fact.subject.partition(":")[2], "subject": fact.subject,
            **{s: p.get(s) for s in STAGES}, "approx": bool(p.get("approx")), "trained_at": p.get("trained_at"),
            "course": p.get("course"), "sector": p.get("sector"), "valid_from": fact.valid_from.isoformat(),
            **source_view(fact)}


def plan_view(fact: Fact) -> dict[str, Any]:
    """Return a police pledge (a stated plan to train or provide police) and its source."""
    q = fact.payload["personnel"]
    code = fact.subject.partition(":")[2]
    return {"contributor": code, "name": country_name(code) or code, "low": q.get("low"), "high": q.get("high"),
            "text": q.get("text"), "approx": bool(q.get("approx")), "tasks": list(fact.payload.get("tasks", ())),
            "valid_from": fact.valid_from.isoformat(), **source_view(fact)}


def sites_view(snapshot: Snapshot, s: SitesPicture) -> dict[str, Any]:
    """Return every site's current report (with the report that locates it) and totals by status."""
    return {
        **snapshot_header(snapshot),
        "by_status": dict(sorted(s.by_status.items())),
        "residents_open": s.residents_open,
        "capacity_open": s.capacity_open,
        "residents_unknown": dict(sorted(s.residents_unknown.items())),
        "sites": [site_view(f, s) for f in s.sites],
    }


def site_view(fact: Fact, s: SitesPicture) -> dict[str, Any]:
    """Return one site: status, services, capacity, residents (null = not reported), place and sources."""
    p = fact.payload
    located = s.located_by.get(fact.subject)
    code = p.get("protecting_contingent")
    place = dict(located.payload["place"]) if located is not None else None
    return {
        "site": fact.subject.partition(":")[2], "subject": fact.subject, "name": p["name"], "status": p["status"],
        "services": list(p.get("services", ())), "capacity": p.get("capacity"), "capacity_high": p.get("capacity_high"),
        "residents": p.get("residents"), "protecting_contingent": code,
        "protecting_contingent_name": country_name(code) if code else None, "zone": p.get("zone"),
        "approx": bool(p.get("approx")), "valid_from": fact.valid_from.isoformat(),
        "place": place, "place_fact": located.id if located is not None else None,
        "place_source": source_view(located) if located is not None and located.id != fact.id else None,
        **source_view(fact),
        "history": [h.id for h in s.history.get(fact.subject, ())],
    }
