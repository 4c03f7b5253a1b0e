"""Properties of fold() over generated ledgers (issue 11 item 1).

Any sequence of records, revisions and corrections (with their own valid days), retractions, decisions
settling a whole conflict or a subset of it, decisions accepting a fact that stands only later, and
retractions of decisions, keeps `fold(as_of, known_at)` total on every day and at every knowledge time,
and keeps the picture coherent: the current fact is a live one, a settled conflict's accepted fact is
current, and retracting a decision gives back the picture without it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from stabforce.ledger import KINDS, Fact
from stabforce.model import Snapshot, fold
from tests.builders import fact_input, make_fact

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
T0 = datetime(2025, 10, 1, tzinfo=UTC)
DAYS = [date(2025, 10, 1) + timedelta(days=9 * i) for i in range(8)]
AS_OF = [DAYS[0] - timedelta(days=1), *DAYS, DAYS[-1] + timedelta(days=30)]
SOURCES = ["report-a", "report-b", "report-c"]
#: (kind, subject, payload maker): two claim kinds and a state kind, few values so that reports disagree
TOPICS: list[tuple[str, str, Any]] = [
    ("pledge", "contributor:IDN", lambda v: {"personnel": {"low": v * 1000, "high": v * 1000}}),
    ("pledge", "contributor:PAK", lambda v: {"personnel": {"low": None, "high": v * 5000}}),
    ("zone_control", "zone:idf-held", lambda v: {"controlled_by": "IDF", "share_of_territory_pct": 50 + v}),
    ("stance", "contributor:IDN", lambda v: {"stance": ["considering", "committed", "declined"][v % 3]}),
]


class Ledger:
    """Facts built one by one, each known an hour after the previous one."""

    def __init__(self) -> None:
        self.facts: list[Fact] = []

    def add(self, data: dict[str, Any]) -> Fact:
        seq = len(self.facts) + 1
        data = {**data, "id": f"f{seq}"}
        fact = make_fact(data, seq=seq, recorded_at=T0 + timedelta(hours=seq), known_from=T0 + timedelta(hours=seq))
        self.facts.append(fact)
        return fact

    def __repr__(self) -> str:
        return "Ledger(\n" + "\n".join(
            f"  {f.id} {f.kind} {f.subject} {f.valid_from}..{f.valid_to} {f.source.key} {f.payload}"
            f" supersedes={list(f.supersedes)}" for f in self.facts) + ")"

    def of(self, *kinds: str) -> list[Fact]:
        return [f for f in self.facts if f.kind in kinds]


def claim(kind: str, subject: str, payload: dict, source: str, on: date, *, until: date | None = None,
          supersedes: list[str] | None = None) -> dict[str, Any]:
    data = fact_input(kind, subject, payload=payload, valid_from=on.isoformat(),
                      source={"key": source, "date": on.isoformat()}, supersedes=supersedes or [])
    if until is not None:
        data["valid_to"] = until.isoformat()
    return data


def decision(subject: str, settles: list[str], accepted: str | None) -> dict[str, Any]:
    return fact_input("decision", subject, valid_from=DAYS[-1].isoformat(),
                      payload={"settles": settles, "accepted": accepted, "reason": "a generated ruling"})


def retraction(target: Fact) -> dict[str, Any]:
    return fact_input("retraction", target.subject, valid_from=DAYS[-1].isoformat(), supersedes=[target.id],
                      payload={"reason": "a generated retraction"})


@st.composite
def ledgers(draw: st.DrawFn, max_steps: int = 14) -> Ledger:
    """A ledger grown by a random sequence of operations, each drawn against what is there so far."""
    ledger = Ledger()
    day = st.sampled_from(DAYS)
    for _ in range(draw(st.integers(2, max_steps))):
        claims = ledger.of("pledge", "zone_control", "stance")
        op = draw(st.sampled_from(["record", "record", "record", "revise", "retract", "settle", "settle_day",
                                   "unsettle"]))
        if op == "record" or not claims:
            kind, subject, payload = draw(st.sampled_from(TOPICS))
            on = draw(day)
            until = draw(st.none() | st.sampled_from([d for d in DAYS if d >= on]))
            ledger.add(claim(kind, subject, payload(draw(st.integers(0, 3))), draw(st.sampled_from(SOURCES)), on,
                             until=until))
        elif op == "revise":  # a revision or correction, valid from its own day (earlier or later)
            old = draw(st.sampled_from(claims))
            payload = next(p for k, s, p in TOPICS if (k, s) == (old.kind, old.subject))(draw(st.integers(0, 3)))
            ledger.add(claim(old.kind, old.subject, payload, draw(st.sampled_from(SOURCES)), draw(day),
                             supersedes=[old.id]))
        elif op == "retract":
            ledger.add(retraction(draw(st.sampled_from(ledger.of("pledge", "zone_control", "stance", "decision")))))
        elif op == "settle":  # any two or more facts of one subject, accepting one of them or none
            subject = draw(st.sampled_from(sorted({f.subject for f in claims})))
            mine = [f.id for f in claims if f.subject == subject]
            if len(mine) >= 2:
                chosen = draw(st.lists(st.sampled_from(mine), min_size=2, unique=True))
                ledger.add(decision(subject, chosen, draw(st.none() | st.sampled_from(chosen))))
        elif op == "settle_day":  # the conflict seen on one day: all of it or a subset, maybe plus later facts
            snap = fold(ledger.facts, as_of=draw(day), known_at=T0 + timedelta(days=365))
            if snap.conflicts:
                conflict = draw(st.sampled_from(snap.conflicts))
                ids = [f.id for f in conflict.facts]
                chosen = draw(st.lists(st.sampled_from(ids), min_size=2, unique=True) | st.just(ids))
                others = [f.id for f in claims if f.subject == conflict.subject and f.id not in chosen]
                chosen = chosen + draw(st.lists(st.sampled_from(others), unique=True, max_size=2) if others
                                       else st.just([]))
                ledger.add(decision(conflict.subject, chosen, draw(st.none() | st.sampled_from(chosen))))
        elif op == "unsettle" and ledger.of("decision"):
            ledger.add(retraction(draw(st.sampled_from(ledger.of("decision")))))
    return ledger


def knowledge_times(ledger: Ledger) -> list[datetime]:
    times = sorted({f.known_from for f in ledger.facts})
    return [T0 - timedelta(hours=1), *times[:: max(1, len(times) // 4)], times[-1] + timedelta(days=1)]


def retracted(facts: list[Fact], known_at: datetime) -> set[str]:
    return {old for f in facts if f.kind == "retraction" and f.known_from <= known_at for old in f.supersedes}


def stands(fact: Fact, facts: list[Fact], as_of: date, known_at: datetime) -> bool:
    """Whether a fact stands on `as_of` as known at `known_at`, by the rules in words (not the fold's code)."""
    replaced = any(fact.id in f.supersedes and f.kind != "retraction" and f.valid_from <= as_of
                   and f.known_from <= known_at for f in facts)
    return (fact.known_from <= known_at and fact.valid_from <= as_of
            and (fact.valid_to is None or fact.valid_to >= as_of)
            and fact.id not in retracted(facts, known_at) and not replaced)


def check_coherent(snap: Snapshot, facts: list[Fact]) -> None:
    as_of, known_at = snap.as_of, snap.known_at
    dead = retracted(facts, known_at)
    for group in snap.groups.values():
        for fact in group.live:
            assert stands(fact, facts, as_of, known_at), (fact.id, as_of, known_at)
        if group.current is not None:
            assert group.current in group.live
        assert (group.current is None) == (not group.live)
        if KINDS[group.kind].mode == "state":
            assert len(group.live) <= 1
    by_group = {(g.kind, g.subject, g.key): g for g in snap.groups.values()}
    live_decisions = [f for f in facts if f.kind == "decision" and f.known_from <= known_at and f.id not in dead]
    for conflict in snap.conflicts:
        group = by_group[(conflict.kind, conflict.subject, conflict.key)]
        ids = {f.id for f in conflict.facts}
        assert len(ids) >= 2 and all(stands(f, facts, as_of, known_at) for f in conflict.facts)
        if KINDS[conflict.kind].mode == "claim":
            assert ids <= {f.id for f in group.live}
        else:  # a state's conflict: the reports of its latest day, the current one among them
            assert len({f.valid_from for f in conflict.facts}) == 1 and group.current in conflict.facts
        applicable = [d for d in live_decisions if ids <= set(d.payload["settles"])
                      and d.payload.get("accepted") in (ids | {None})]
        if conflict.settled:
            assert conflict.settled_by in applicable
            assert conflict.settled_by == max(applicable, key=lambda d: d.known_from)
            if conflict.accepted is not None:
                assert group.current.id == conflict.accepted
        else:
            assert not applicable, (conflict.id, [d.id for d in applicable])


def picture(snap: Snapshot) -> tuple:
    """What a reader sees: each group's current and live facts, each conflict and how it is settled."""
    groups = sorted((repr(k), g.current.id if g.current else None, tuple(f.id for f in g.live))
                    for k, g in snap.groups.items())
    conflicts = tuple((c.id, c.settled_by.id if c.settled_by else None) for c in snap.conflicts)
    return tuple(groups), conflicts


@PROPERTY
@given(ledgers())
def test_fold_is_total_and_coherent_on_every_day_and_knowledge_time(ledger):
    note(repr(ledger))
    for known_at in knowledge_times(ledger):
        for as_of in AS_OF:
            check_coherent(fold(ledger.facts, as_of=as_of, known_at=known_at), ledger.facts)


def settle_all(ledger: Ledger, subject: str, accepted: str | None) -> Fact:
    """Rule on every report ever recorded about `subject`, as the issue's reproduction did."""
    return ledger.add(decision(subject, [f.id for f in ledger.of("pledge", "zone_control", "stance")
                                         if f.subject == subject], accepted))


@PROPERTY
@given(ledgers(), st.data())
def test_ruling_on_every_report_of_a_subject_accepting_any_of_them_keeps_every_day_readable(ledger, data):
    subjects = sorted({f.subject for f in ledger.of("pledge", "zone_control", "stance")})
    subject = data.draw(st.sampled_from(subjects))
    mine = [f for f in ledger.of("pledge", "zone_control", "stance") if f.subject == subject]
    if len(mine) < 2:
        kind, _, payload = next(t for t in TOPICS if t[1] == subject and t[0] == mine[0].kind)
        ledger.add(claim(kind, subject, payload(9), "report-z", DAYS[-1]))
    settle_all(ledger, subject, data.draw(st.sampled_from([f.id for f in mine])))
    note(repr(ledger))
    for known_at in knowledge_times(ledger):
        for as_of in AS_OF:
            check_coherent(fold(ledger.facts, as_of=as_of, known_at=known_at), ledger.facts)


@PROPERTY
@given(ledgers(), st.data())
def test_retracting_a_decision_gives_back_the_picture_without_it(ledger, data):
    as_of = data.draw(st.sampled_from(AS_OF))
    known_at = ledger.facts[-1].known_from
    conflicts = fold(ledger.facts, as_of=as_of, known_at=known_at).conflicts
    if conflicts:  # settle one of the day's conflicts, accepting one of its facts or none
        conflict = data.draw(st.sampled_from(conflicts))
        ids = [f.id for f in conflict.facts]
        ruling = ledger.add(decision(conflict.subject, ids, data.draw(st.none() | st.sampled_from(ids))))
        settled = fold(ledger.facts, as_of=as_of, known_at=ruling.known_from)
        assert next(c for c in settled.conflicts if c.id == conflict.id).settled_by == ruling
    else:  # or retract any ruling there is (one on facts never recorded if there is none)
        ruling = data.draw(st.sampled_from(ledger.of("decision") or [ledger.add(decision("contributor:IDN",
                                                                                          ["x1", "x2"], None))]))
    note(repr(ledger))
    without = [f for f in ledger.facts if f.id != ruling.id]
    undone = Ledger()
    undone.facts = list(ledger.facts)
    undone.add(retraction(ruling))
    for known_at in knowledge_times(undone):
        for day in AS_OF:
            after = fold(undone.facts, as_of=day, known_at=known_at)
            check_coherent(after, undone.facts)
            if known_at >= undone.facts[-1].known_from:
                assert picture(after) == picture(fold(without, as_of=day, known_at=known_at))
            else:  # before the retraction is known, the ruling still holds
                assert picture(after) == picture(fold(ledger.facts, as_of=day, known_at=known_at))


@PROPERTY
@given(ledgers(), st.sampled_from(AS_OF))
def test_a_decision_settling_the_days_conflict_makes_its_accepted_fact_current(ledger, as_of):
    note(repr(ledger))
    known_at = ledger.facts[-1].known_from + timedelta(days=1)
    before = fold(ledger.facts, as_of=as_of, known_at=known_at)
    for conflict in before.conflicts:
        accepted = conflict.facts[0].id
        ledger.add(decision(conflict.subject, [f.id for f in conflict.facts], accepted))
    after = fold(ledger.facts, as_of=as_of, known_at=ledger.facts[-1].known_from)
    check_coherent(after, ledger.facts)
    assert {c.id for c in after.conflicts} == {c.id for c in before.conflicts}
    for conflict in after.conflicts:
        assert conflict.settled
        assert after.groups[(conflict.kind, conflict.subject, conflict.key)].current.id == conflict.accepted
