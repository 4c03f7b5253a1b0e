"""The incidents engine: classes, quiet periods, recent counts, weekly counts by type and violation."""

from __future__ import annotations

from datetime import UTC, datetime

from stabforce.engines import incidents
from stabforce.model import fold
from tests.builders import day, fact_input, make_fact

LATER = datetime(2030, 1, 1, tzinfo=UTC)


def incident(n: int, on: str, event_type: str = "battles", violation: str = "none", *, seq: int | None = None,
             known: datetime | None = None, **extra):
    data = fact_input("incident", f"incident:test-{n}", id=f"test-{n}", valid_from=on,
                      payload={"event_type": event_type, "violation": violation, **extra},
                      source={"key": "synthetic-incidents.csv", "date": on})
    return make_fact(data, seq=seq or n, known_from=known)


FACTS = [
    incident(1, "2026-02-02", "battles", "serious", fatalities=3),
    incident(2, "2026-02-04", "riots"),
    incident(3, "2026-02-18", "explosions_remote_violence", "minor"),
    incident(4, "2026-02-20", "battles", "serious", known=datetime(2026, 3, 5, tzinfo=UTC)),
    incident(5, "2026-03-10", "protests"),
]


def snapshot(as_of: str, known_at: datetime = LATER):
    return fold(FACTS, as_of=day(as_of), known_at=known_at)


def test_classes_pick_violations_serious_ones_and_types():
    s = snapshot("2026-03-31")
    assert [f.id for f in incidents.incidents_of(s)] == ["test-1", "test-2", "test-3", "test-4", "test-5"]
    assert [f.id for f in incidents.incidents_of(s, "violation")] == ["test-1", "test-3", "test-4"]
    assert [f.id for f in incidents.incidents_of(s, "serious_violation")] == ["test-1", "test-4"]
    assert [f.id for f in incidents.incidents_of(s, "battles")] == ["test-1", "test-4"]


def test_as_of_and_known_at_limit_what_counts():
    assert [f.id for f in incidents.incidents_of(snapshot("2026-02-10"))] == ["test-1", "test-2"]
    early = snapshot("2026-03-31", known_at=datetime(2026, 3, 1, tzinfo=UTC))
    assert [f.id for f in incidents.incidents_of(early, "serious_violation")] == ["test-1"]


def test_days_without_and_days_since_the_last_serious_violation():
    s = snapshot("2026-03-01")
    serious = incidents.incidents_of(s, "serious_violation")
    assert incidents.days_without(serious, day("2026-03-01"), since=day("2026-01-01")) == 9
    assert incidents.days_since(serious[-1], day("2026-03-01")) == 9
    assert incidents.days_without([], day("2026-03-01"), since=day("2026-02-01")) == 28
    known_before = snapshot("2026-03-01", known_at=datetime(2026, 3, 1, tzinfo=UTC))
    assert incidents.days_without(incidents.incidents_of(known_before, "serious_violation"), day("2026-03-01"),
                                  since=day("2026-01-01")) == 27


def test_count_recent():
    everything = incidents.incidents_of(snapshot("2026-03-31"))
    assert incidents.count_recent(everything, day("2026-02-20"), 3) == 2
    assert incidents.count_recent(everything, day("2026-02-20"), 30) == 4


def test_per_week_fills_empty_weeks_and_splits_by_type_and_violation():
    weeks = incidents.per_week(incidents.incidents_of(snapshot("2026-03-12")), day("2026-03-12"))
    assert [(w.start.isoformat(), w.total) for w in weeks] == [
        ("2026-02-02", 2), ("2026-02-09", 0), ("2026-02-16", 2), ("2026-02-23", 0), ("2026-03-02", 0),
        ("2026-03-09", 1)]
    assert weeks[0].by_type["battles"] == 1 and weeks[0].by_type["riots"] == 1
    assert weeks[2].by_violation == {"none": 0, "minor": 1, "serious": 1}
    assert sum(weeks[1].by_type.values()) == 0
    assert incidents.per_week([], day("2026-03-12")) == []
    assert incidents.week_start(day("2026-03-15")).isoformat() == "2026-03-09"
