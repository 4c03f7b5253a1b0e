"""Incidents: ceasefire violations and security events, and the quiet periods between them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from stabforce.ledger import Fact
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
