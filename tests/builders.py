"""Builders for test facts: sensible defaults, override what the test is about."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from stabforce.ledger import Fact, parse_fact

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def fact_input(kind: str = "pledge", subject: str = "contributor:IDN", **overrides: Any) -> dict[str, Any]:
    """Return a valid fact input (a pledge of 1,000 troops by default)."""
    data: dict[str, Any] = {
        "kind": kind, "subject": subject,
        "payload": {"personnel": {"low": 1000, "high": 1000}},
        "valid_from": "2025-12-01",
        "source": {"key": "test-report-a.txt", "date": "2025-12-01"},
        "quote": "A test sentence written for this test.",
        "grade": "B2",
    }
    data.update(overrides)
    return data


def pledge_input(low: int | None, high: int | None, *, source: str = "report-a", day: str = "2025-12-01",
                 subject: str = "contributor:IDN", **overrides: Any) -> dict[str, Any]:
    """Return a pledge input with the given figures from `source` on `day`."""
    payload = {"personnel": {"low": low, "high": high}, **overrides.pop("payload_extra", {})}
    return fact_input("pledge", subject, payload=payload, valid_from=day,
                      source={"key": source, "date": day}, **overrides)


def make_fact(data: dict[str, Any], *, seq: int, recorded_at: datetime = T0,
              known_from: datetime | None = None) -> Fact:
    """Validate an input and return it as a recorded fact at position `seq` (no chain needed by the fold)."""
    fact = parse_fact(data).record(recorded_at=recorded_at, recorded_by="test")
    return replace(fact, seq=seq, known_from=known_from or fact.known_from)


def day(text: str) -> date:
    return date.fromisoformat(text)
