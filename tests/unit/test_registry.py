"""The decommissioning registry engine and its views: stocks never go negative, only overdrawing
steps are refused, holdings are conserved, every reported quantity is the fold of its facts.

Property tests draw random sequences of made-up registry steps (test data only, not real figures).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stabforce.engines.registry import (
    Registry,
    infra_count,
    infrastructure,
    new_refusals,
    registry_of,
    weapons_registry,
)
from stabforce.ledger import Fact
from stabforce.ledger.vocab import WEAPON_STATES, WeaponType, weapon_category
from stabforce.model import fold
from stabforce.services.registry import RegistryPicture, registry_view
from tests.builders import fact_input, make_fact

END = datetime.max.replace(tzinfo=UTC)
DAY0 = date(2026, 2, 1)
WEAPONS = [w.value for w in WeaponType]
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def step_input(weapon: str, quantity: int, from_state: str | None, to_state: str, *, day: date = DAY0,
               **extra: object) -> dict:
    payload = {"weapon": weapon, "quantity": quantity, "from_state": from_state, "to_state": to_state, **extra}
    if from_state is not None and WEAPON_STATES.index(to_state) - WEAPON_STATES.index(from_state) > 1:
        payload.setdefault("skip_reason", "a reason written for this test")
    return fact_input("weapons_moved", "registry:weapons", payload=payload, valid_from=day.isoformat(),
                      source={"key": "test-monitor-note.txt", "date": day.isoformat()})


@st.composite
def steps(draw: st.DrawFn, *, max_size: int = 40, days: int = 0) -> list[dict]:
    """A random sequence of valid step inputs: declarations and moves forward (skips with reasons), many
    overdrawing, over several weapon types and (optionally) several valid days."""
    kinds = draw(st.lists(st.sampled_from(WEAPONS), min_size=1, max_size=5, unique=True))
    out = []
    for _ in range(draw(st.integers(0, max_size))):
        weapon = draw(st.sampled_from(kinds))
        quantity = draw(st.integers(1, 30))
        day = DAY0 + timedelta(days=draw(st.integers(0, days)))
        if draw(st.booleans()):
            out.append(step_input(weapon, quantity, None, "declared", day=day))
        else:
            src = draw(st.integers(0, len(WEAPON_STATES) - 2))
            dst = draw(st.integers(src + 1, len(WEAPON_STATES) - 1))
            out.append(step_input(weapon, quantity, WEAPON_STATES[src], WEAPON_STATES[dst], day=day))
    return out


def facts_of(inputs: list[dict]) -> list[Fact]:
    return [make_fact(data, seq=n) for n, data in enumerate(inputs, start=1)]


def replay(facts: list[Fact]) -> tuple[dict[tuple[str, str], int], set[str]]:
    """An independent replay: what is held, and which steps had to be refused because they overdraw."""
    held: dict[tuple[str, str], int] = defaultdict(int)
    refused = set()
    for f in facts:
        p = f.payload
        if p["from_state"] is not None:
            if held[(p["weapon"], p["from_state"])] < p["quantity"]:
                refused.add(f.id)
                continue
            held[(p["weapon"], p["from_state"])] -= p["quantity"]
        held[(p["weapon"], p["to_state"])] += p["quantity"]
    return {k: v for k, v in held.items() if v}, refused


# --- (a) no negative holding; refused exactly when overdrawing --------------------------------------


@PROPERTY
@given(steps())
def test_no_sequence_of_steps_makes_a_holding_negative_and_only_overdrawing_steps_are_refused(inputs):
    facts = facts_of(inputs)
    reg = weapons_registry(facts)
    assert all(q > 0 for q in reg.held.values())
    for weapon in WEAPONS:
        for state in WEAPON_STATES:
            assert reg.holding(state, weapon) >= 0
    held, refused = replay(facts)
    assert {s.fact.id for s in reg.refused} == refused
    assert dict(reg.held) == held
    for step in reg.refused:  # each says what was there and that it was not enough
        assert step.available is not None and step.available < step.quantity
        assert f"only {step.available:,}" in (step.refused or "")
    assert len(reg.steps) == len(facts)


@PROPERTY
@given(steps(max_size=25), st.data())
def test_new_refusals_names_exactly_the_steps_a_new_fact_would_leave_without_stock(inputs, data):
    existing = facts_of(inputs)
    extra = data.draw(steps(max_size=1).filter(len))
    added = [make_fact(extra[0], seq=len(existing) + 1, recorded_at=datetime(2026, 6, 1, tzinfo=UTC))]
    found = {s.fact.id for s in new_refusals(existing, added)}
    _, before = replay(existing)
    _, after = replay(existing + added)  # one valid day: the fold keeps ledger order
    assert found == after - before


# --- (b) conservation ------------------------------------------------------------------------------


@PROPERTY
@given(steps())
def test_holdings_are_conserved_total_declared_equals_the_sum_of_holdings(inputs):
    facts = facts_of(inputs)
    reg = weapons_registry(facts)
    refused = {s.fact.id for s in reg.refused}
    for weapon in WEAPONS:
        declared = sum(f.payload["quantity"] for f in facts
                       if f.payload["weapon"] == weapon and f.payload["from_state"] is None)
        assert declared == sum(reg.held.get((weapon, s), 0) for s in WEAPON_STATES)
        assert declared == reg.reached("declared", weapon)
        # what reached a state is what is held there or in a later one, never more than reached the one before
        for i, state in enumerate(WEAPON_STATES):
            assert reg.reached(state, weapon) == sum(reg.held.get((weapon, s), 0) for s in WEAPON_STATES[i:])
            moved_in = sum(f.payload["quantity"] for f in facts if f.id not in refused
                           and f.payload["weapon"] == weapon and f.payload["to_state"] == state)
            if i:
                assert reg.reached(state, weapon) <= reg.reached(WEAPON_STATES[i - 1], weapon)
            assert moved_in >= reg.held.get((weapon, state), 0)
    for category in ("heavy", "light"):
        assert reg.reached("declared", category) == sum(reg.reached("declared", w) for w in WEAPONS
                                                        if weapon_category(w) == category)


# --- (c) every reported quantity is the fold of its facts -------------------------------------------


@PROPERTY
@given(steps(days=20))
def test_every_quantity_in_the_view_is_the_fold_of_the_facts_it_links_to(inputs):
    facts = facts_of(inputs)
    by_id = {f.id: f for f in facts}
    as_of = DAY0 + timedelta(days=12)
    snapshot = fold(facts, as_of=as_of, known_at=END)
    view = registry_view(RegistryPicture(snapshot, registry_of(snapshot), tuple(infrastructure(snapshot))))
    # an independent recomputation: the facts valid by as_of, in valid-time order, replayed
    live = sorted((f for f in facts if f.valid_from <= as_of), key=lambda f: (f.valid_from, f.seq))
    held, refused = replay(live)
    assert {s["fact_id"] for s in view["refused"]} == refused
    assert view["steps"] == len(live) - len(refused)
    shown = {row["weapon"] for row in view["weapons"]}
    assert shown == {w for (w, _), q in held.items() if q}
    for row in view["weapons"]:
        for state in WEAPON_STATES:
            assert row["held"][state] == held.get((row["weapon"], state), 0)
            linked = [by_id[i] for i in row["facts"][state]]
            assert all(i not in refused for i in row["facts"][state])
            folded = sum(f.payload["quantity"] * (1 if f.payload["to_state"] == state else -1) for f in linked)
            assert folded == row["held"][state]
        assert row["total_declared"] == sum(row["held"].values())
    totals = {c["category"]: c for c in view["categories"]}
    for state in WEAPON_STATES:
        assert totals["all"]["held"][state] == sum(r["held"][state] for r in view["weapons"])
        for category in ("heavy", "light"):
            assert totals[category]["held"][state] == sum(r["held"][state] for r in view["weapons"]
                                                          if r["category"] == category)


# --- examples ---------------------------------------------------------------------------------------


def test_a_step_recorded_earlier_in_valid_time_can_leave_a_later_step_without_stock():
    existing = facts_of([step_input("rifles", 10, None, "declared", day=date(2026, 2, 1)),
                         step_input("rifles", 8, "declared", "collected", day=date(2026, 2, 10))])
    early = make_fact(step_input("rifles", 5, "declared", "collected", day=date(2026, 2, 5)), seq=3)
    refused = new_refusals(existing, [early])
    assert [s.fact.id for s in refused] == [existing[1].id]
    assert refused[0].available == 5 and refused[0].quantity == 8
    assert new_refusals(existing, [make_fact(step_input("rifles", 2, "declared", "collected",
                                                        day=date(2026, 2, 12)), seq=3)]) == []


def test_a_retracted_step_no_longer_counts():
    declared, collected = facts_of([step_input("mortars", 4, None, "declared"),
                                    step_input("mortars", 4, "declared", "collected")])
    retraction = make_fact(fact_input("retraction", "registry:weapons", payload={"reason": "test"},
                                      supersedes=[collected.id]), seq=3)
    snap = fold([declared, collected, retraction], as_of=DAY0, known_at=END)
    reg = registry_of(snap)
    assert reg.holding("declared", "mortars") == 4 and reg.holding("collected") == 0
    assert reg.reached("declared", "heavy") == 4 and reg.reached("collected", "heavy") == 0


def test_the_registry_table_and_the_facts_behind_a_holding():
    facts = facts_of([step_input("rockets", 10, None, "declared"), step_input("rockets", 6, "declared", "collected"),
                      step_input("rockets", 9, "collected", "stored"),  # refused: only 6 collected
                      step_input("rockets", 2, "collected", "destroyed")])
    reg: Registry = weapons_registry(facts)
    assert [s.fact.id for s in reg.refused] == [facts[2].id]
    assert reg.table() == [{"weapon": "rockets", "category": "heavy", "declared": 4, "collected": 4, "stored": 0,
                            "decommissioned": 0, "destroyed": 2, "total_declared": 10}]
    assert [s.fact.id for s in reg.facts_behind("rockets", "collected")] == [facts[1].id, facts[3].id]
    assert reg.reached("decommissioned", "heavy") == 2 and reg.reached("collected") == 6


def infra_input(subject: str, status: str, day: str, **extra: object) -> dict:
    payload = {"type": "tunnel_shaft", "status": status, **extra}
    return fact_input("infrastructure", subject, payload=payload, valid_from=day,
                      source={"key": "test-infra-note.txt", "date": day})


def test_infrastructure_reinspections_fall_due_and_overdue_and_keep_their_interval():
    facts = facts_of([infra_input("infra:s1", "identified", "2026-01-01"),
                      infra_input("infra:s1", "neutralized", "2026-01-10", reinspect_every_days=30),
                      infra_input("infra:s2", "neutralized", "2026-02-01", reinspect_every_days=90),
                      infra_input("infra:s1", "reinspected", "2026-02-05"),  # interval carried from before
                      infra_input("infra:s3", "identified", "2026-02-06")])
    items = {i.subject: i for i in infrastructure(fold(facts, as_of=date(2026, 3, 10), known_at=END))}
    assert items["infra:s1"].status == "reinspected" and items["infra:s1"].due == date(2026, 3, 7)
    assert items["infra:s1"].overdue
    assert items["infra:s2"].due == date(2026, 5, 2) and not items["infra:s2"].overdue
    assert items["infra:s3"].due is None and not items["infra:s3"].overdue
    listed = list(items.values())
    assert (infra_count(listed, "identified"), infra_count(listed, "neutralized"),
            infra_count(listed, "reinspected")) == (3, 2, 1)
    early = {i.subject: i for i in infrastructure(fold(facts, as_of=date(2026, 2, 1), known_at=END))}
    assert early["infra:s1"].due == date(2026, 2, 9) and not early["infra:s1"].overdue
