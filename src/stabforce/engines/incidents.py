"""Incidents: ceasefire violations and security events, and the quiet periods between them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from stabforce.ledger import Fact
from stabforce.ledger.vocab import IncidentType, Violation
from stabforce.model import Snapshot


def incidents_of(snapshot: Snapshot, incident_class: str = "any") -> list[Fact]:
    """Return the live incidents up to the snapshot's day of a class ("any", "violation",
    "serious_violation" or an ACLED event type), oldest first."""
    return [f for f in snapshot.events_of("incident") if in_class(f, incident_class)]


def in_class(fact: Fact, incident_class: str) -> bool:
    """Return whether an incident belongs to a class."""
    violation = fact.payload.get("violation", "none")
    if incident_class == "any":
        return True
    if incident_class == "violation":
        return violation != "none"
    if incident_class == "serious_violation":
        return violation == "serious"
    return fact.payload["event_type"] == incident_class


def days_without(incidents: Iterable[Fact], as_of: date, since: date) -> int:
    """Return whole days from the last incident (or from `since` if none) to `as_of`."""
    last = max((f.valid_from for f in incidents), default=since)
    return max(0, (as_of - last).days)


def count_recent(incidents: Iterable[Fact], as_of: date, days: int) -> int:
    """Return how many incidents fell in the `days` days ending on `as_of`."""
    start = as_of - timedelta(days=days - 1)
    return sum(1 for f in incidents if start <= f.valid_from <= as_of)


def days_since(incident: Fact, as_of: date) -> int:
    """Return whole days from an incident's day to `as_of` (0 on the day itself)."""
    return max(0, (as_of - incident.valid_from).days)


def week_start(day: date) -> date:
    """Return the Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Week:
    """Incidents of one week (Monday to Sunday), by ACLED event type and by violation class."""

    start: date
    total: int
    by_type: dict[str, int]
    by_violation: dict[str, int]


def per_week(incidents: Iterable[Fact], until: date) -> list[Week]:
    """Return every week from the first incident's week to `until`'s week, weeks without incidents
    included (empty when there are no incidents)."""
    chosen = [f for f in incidents if f.valid_from <= until]
    if not chosen:
        return []
    counts: dict[date, list[Fact]] = {}
    for fact in chosen:
        counts.setdefault(week_start(fact.valid_from), []).append(fact)
    weeks = []
    start, last = week_start(min(f.valid_from for f in chosen)), week_start(until)
    while start <= last:
        facts = counts.get(start, [])
        weeks.append(Week(
            start, len(facts),
            {t.value: sum(1 for f in facts if f.payload["event_type"] == t) for t in IncidentType},
            {v.value: sum(1 for f in facts if f.payload.get("violation", "none") == v) for v in Violation},
        ))
        start += timedelta(days=7)
    return weeks
