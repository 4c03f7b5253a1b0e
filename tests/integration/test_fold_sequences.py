"""Sequences of records, revisions, retractions and settlements through the services, on SQLite and
PostgreSQL (issue 11 item 1): after every step every read of the picture works on every day and at
every knowledge time, the picture stays coherent, and settling then retracting the decision gives back
the unsettled picture.

The ledger of one test grows over all of Hypothesis's examples (one database per test); the
properties hold for any ledger, so that is a longer sequence, not a leak between cases.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from stabforce.bootstrap import Services
from stabforce.services import facts, gates, incidents, police, registry, views
from stabforce.services.actors import Actor, Role
from tests.unit.test_fold_properties import DAYS, SOURCES, TOPICS, check_coherent, picture

ADMIN = Actor(id="test:admin", role=Role.ADMIN)
READ_DAYS = [DAYS[0] - timedelta(days=1), DAYS[2], DAYS[4], DAYS[-1], DAYS[-1] + timedelta(days=30)]
RULED_ON = DAYS[-1]


def record(services: Services, kind: str, subject: str, payload: dict, source: str, on: date,
           until: date | None = None, supersedes: list[str] | None = None):
    data = {"kind": kind, "subject": subject, "payload": payload, "valid_from": on.isoformat(),
            "source": {"key": source, "date": on.isoformat()}, "quote": "A sentence written for this test.",
            "grade": "B2", "supersedes": supersedes or []}
    if until is not None:
        data["valid_to"] = until.isoformat()
    return facts.record_fact(services.ledger, ADMIN, data)


def read_everything(services: Services, as_of: date, known_at) -> None:
    """Every read a face makes of the picture (snapshot, force generation, conflicts, gates, police,
    sites, registry, incidents)."""
    pic = services.pictures.get(as_of=as_of, known_at=known_at)
    views.gaps_view(pic.forcegen)
    views.overview_numbers(pic)
    for conflict in pic.snapshot.conflicts:
        views.conflict_view(conflict)
    gates.gates_view(gates.gates_picture(services.pictures, as_of=as_of, known_at=known_at))
    police.police_view(*police.pipeline(services.pictures, as_of=as_of, known_at=known_at))
    police.sites_view(*police.sites(services.pictures, as_of=as_of, known_at=known_at))
    registry.registry_view(registry.registry_picture(services.pictures, as_of=as_of, known_at=known_at))
    incidents.incidents_view(services.pictures, as_of=as_of, known_at=known_at)


class Ledger(RuleBasedStateMachine):
    services: Services

    @initialize()
    def start(self) -> None:
        self.claims: list[str] = []
        self.decisions: list[str] = []

    def _claims(self):
        stored = {f.id: f for f in self.services.pictures.facts()[0]}
        return [stored[i] for i in self.claims]

    @rule(topic=st.sampled_from(TOPICS), value=st.integers(0, 3), source=st.sampled_from(SOURCES),
          on=st.sampled_from(DAYS), lasts=st.none() | st.integers(0, 40))
    def record(self, topic, value, source, on, lasts):
        kind, subject, payload = topic
        until = on + timedelta(days=lasts) if lasts is not None else None
        self.claims.append(record(self.services, kind, subject, payload(value), source, on, until).id)

    @rule(data=st.data(), value=st.integers(0, 3), source=st.sampled_from(SOURCES), on=st.sampled_from(DAYS))
    def revise(self, data, value, source, on):
        """A revision or correction, valid from its own day, earlier or later than the fact it replaces."""
        if self.claims:
            old = data.draw(st.sampled_from(self._claims()))
            payload = next(p for k, s, p in TOPICS if (k, s) == (old.kind, old.subject))(value)
            self.claims.append(record(self.services, old.kind, old.subject, payload, source, on,
                                      supersedes=[old.id]).id)

    @rule(data=st.data())
    def retract(self, data):
        if self.claims or self.decisions:
            target = data.draw(st.sampled_from(self.claims + self.decisions))
            facts.retract_fact(self.services.ledger, ADMIN, fact_id=target, reason="generated", on=RULED_ON)

    @rule(data=st.data())
    def settle_any(self, data):
        """Two or more facts of one subject, perhaps across days, accepting one of them or none."""
        if self.claims:
            subject = data.draw(st.sampled_from(sorted({f.subject for f in self._claims()})))
            mine = [f.id for f in self._claims() if f.subject == subject]
            if len(mine) >= 2:
                chosen = data.draw(st.lists(st.sampled_from(mine), min_size=2, unique=True))
                self.decisions.append(facts.settle_conflict(
                    self.services.ledger, ADMIN, fact_ids=chosen, reason="generated", on=RULED_ON,
                    accepted=data.draw(st.none() | st.sampled_from(chosen))).id)

    @rule(data=st.data(), on=st.sampled_from(READ_DAYS))
    def settle_then_retract(self, data, on):
        """Settle a conflict of a day (all its facts, or with later facts too), then retract the decision:
        the picture of every day is what it was before."""
        conflicts = self.services.pictures.get(as_of=on).snapshot.conflicts
        if not conflicts:
            return
        before = {d: picture(self.services.pictures.get(as_of=d).snapshot) for d in READ_DAYS}
        conflict = data.draw(st.sampled_from(conflicts))
        ids = [f.id for f in conflict.facts]
        later = [f.id for f in self._claims() if f.subject == conflict.subject and f.id not in ids]
        ids += data.draw(st.lists(st.sampled_from(later), max_size=2, unique=True) if later else st.just([]))
        accepted = data.draw(st.none() | st.sampled_from(ids))
        ruling = facts.settle_conflict(self.services.ledger, ADMIN, fact_ids=ids, reason="generated", on=RULED_ON,
                                       accepted=accepted)
        settled = self.services.pictures.get(as_of=on).snapshot
        now = next(c for c in settled.conflicts if c.id == conflict.id)
        if accepted is None or accepted in {f.id for f in conflict.facts}:
            assert now.settled_by == ruling
            if accepted is not None:
                assert settled.groups[(now.kind, now.subject, now.key)].current.id == accepted
        else:  # the accepted fact does not stand on that day: that day stays unsettled by this ruling
            assert now.settled_by != ruling
        facts.retract_fact(self.services.ledger, ADMIN, fact_id=ruling.id, reason="undo", on=RULED_ON)
        assert {d: picture(self.services.pictures.get(as_of=d).snapshot) for d in READ_DAYS} == before

    @invariant()
    def every_read_works_and_is_coherent(self):
        stored, _ = self.services.pictures.facts()
        if not stored:
            return
        times = sorted({f.known_from for f in stored})
        for known_at in (None, times[len(times) // 2]):
            for as_of in READ_DAYS:
                read_everything(self.services, as_of, known_at)
                snap = self.services.pictures.get(as_of=as_of, known_at=known_at).snapshot
                check_coherent(snap, stored)


def test_any_sequence_of_record_retract_settle_keeps_every_read_working(services):
    Ledger.services = services
    run_state_machine_as_test(Ledger, settings=settings(
        max_examples=8, stateful_step_count=10, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
