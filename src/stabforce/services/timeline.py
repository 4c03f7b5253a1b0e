"""Series over time for charts, and the latest facts, computed from cached pictures."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from stabforce.ledger import Fact
from stabforce.model import Snapshot
from stabforce.services.picture import Pictures

FORCE_KINDS = frozenset({"pledge", "stance", "requirement", "unit_arrived", "unit_departed"})


def month_ends(start: date, until: date, *, most: int = 36) -> list[date]:
    """Return the last day of each month from `start`'s month up to `until` (which ends the list)."""
    days: list[date] = []
    year, month = start.year, start.month
    while (year, month) < (until.year, until.month):
        days.append(date(year, month, monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return (days + [until])[-most:]


def strength_series(pictures: Pictures, *, until: date, known_at: datetime | None, personnel_kind: str = "troops",
                    view: tuple[list[Fact], tuple[int, str]] | None = None) -> dict[str, Any]:
    """Return, month by month up to `until`, the target and the pledged low/likely/high and deployed
    (computed once per ledger state)."""
    view = view or pictures.facts()
    return pictures.memo(("strength_series", until, known_at, personnel_kind),
                         lambda: _series(pictures, view, until, known_at, personnel_kind), head=view[1])


def _series(pictures: Pictures, view: tuple[list[Fact], tuple[int, str]], until: date, known_at: datetime | None,
            personnel_kind: str) -> dict[str, Any]:
    facts, _ = view
    starts = [f.valid_from for f in facts if f.kind in FORCE_KINDS and f.valid_from <= until
              and (known_at is None or f.known_from <= known_at)]
    if not starts:
        return {"labels": [], "target": [], "low": [], "likely": [], "high": [], "firm": [], "deployed": []}
    out: dict[str, list[Any]] = {k: [] for k in ("labels", "target", "low", "likely", "high", "firm", "deployed")}
    for day in month_ends(min(starts), until):
        fg = pictures.get(as_of=day, known_at=known_at, view=view).forcegen
        totals = fg.totals.get(personnel_kind)
        need = next((g.required for g in fg.personnel_gaps if g.personnel_kind == personnel_kind), None)
        out["labels"].append(day.isoformat())
        out["target"].append(need)
        for name in ("low", "likely", "high", "firm", "deployed"):
            out[name].append(getattr(totals, name) if totals else (None if name == "deployed" else 0))
    return out


def latest_facts(facts: list[Fact], *, known_at: datetime | None, limit: int = 10) -> list[Fact]:
    """Return the most recently recorded of `facts` that were known at `known_at`, newest first."""
    found = []
    for fact in reversed(facts):
        if known_at is None or fact.known_from <= known_at:
            found.append(fact)
            if len(found) == limit:
                break
    return found


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A fact about a subject and where it stands in the picture."""

    fact: Fact
    status: str
    note: str | None = None


def subject_timeline(pictures: Pictures, subject: str, snapshot: Snapshot) -> list[TimelineEntry]:
    """Return every fact about `subject` known at the snapshot's time and speaking up to its day,
    oldest first, each marked current, standing, earlier, superseded, retracted or expired."""
    facts, _ = pictures.facts()
    by_id = {f.id: f for f in facts}
    current = {g.current.id for g in snapshot.groups.values() if g.subject == subject and g.current}
    standing = {f.id for g in snapshot.groups.values() if g.subject == subject for f in g.live}
    entries = []
    for fact in facts:
        if fact.subject != subject or fact.known_from > snapshot.known_at or fact.valid_from > snapshot.as_of:
            continue
        successor = by_id.get(snapshot.superseded_by.get(fact.id, ""))
        if fact.kind in ("retraction", "decision"):
            status, note = fact.kind, fact.payload.get("reason")
        elif successor is not None and successor.kind == "retraction":
            status, note = "retracted", successor.payload["reason"]
        elif successor is not None and successor.valid_from <= snapshot.as_of:
            status, note = "superseded", successor.id
        elif fact.id in current:
            status, note = "current", None
        elif fact.id in standing:
            status, note = "standing", None
        elif fact.valid_to is not None and fact.valid_to < snapshot.as_of:
            status, note = "expired", fact.valid_to.isoformat()
        else:
            status, note = "earlier", None
        entries.append(TimelineEntry(fact, status, note))
    entries.sort(key=lambda e: (e.fact.valid_from, e.fact.seq or 0))
    return entries
