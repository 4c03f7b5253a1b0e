"""The gates engine: milestones met by condition and verification, stages by their milestones."""

from __future__ import annotations

from datetime import UTC, datetime

from stabforce.engines.gates import gates
from stabforce.model import fold
from tests.builders import day, fact_input, make_fact

LATER = datetime(2030, 1, 1, tzinfo=UTC)


def milestone(slug: str, condition: str, *, on: str = "2026-01-01", verifier: str | None = None, **extra):
    payload = {"title": slug.replace("-", " "), "condition": condition, **extra}
    if verifier:
        payload["standard"] = {"verifier": verifier, "evidence": "a signed report"}
    return fact_input("milestone", f"milestone:{slug}", payload=payload, valid_from=on)


def stage(order: int, *slugs: str, on: str = "2026-01-01"):
    return fact_input("withdrawal_stage", f"stage:{order}", valid_from=on,
                      payload={"order": order, "title": f"stage {order}", "from_line": "a", "to_line": "b",
                               "idf_share_after_pct": 40, "approx": True, "milestones": list(slugs)})


def arrival(n: int, sector: str, on: str, subject: str = "contributor:IDN"):
    return fact_input("unit_arrived", subject, valid_from=on,
                      payload={"unit": "a test battalion", "personnel": n, "sector": sector})


def verified(slug: str, verdict: str, on: str):
    return fact_input("milestone_verified", f"milestone:{slug}", valid_from=on,
                      payload={"verdict": verdict, "verifier": "test monitors",
                               "evidence": [{"name": "report.pdf", "sha256": "a" * 64}]})


def picture(inputs, as_of: str):
    facts = [make_fact(d, seq=i + 1) for i, d in enumerate(inputs)]
    return gates(fold(facts, as_of=day(as_of), known_at=LATER))


def test_a_stage_is_met_only_when_every_gating_milestone_is():
    ledger = [milestone("rafah", 'isf.strength(sector="rafah") >= 1000'),
              milestone("police", "police.deployed >= 500"),
              stage(2, "rafah", "police"),
              arrival(600, "rafah", "2026-02-01"), arrival(700, "rafah", "2026-03-01"), arrival(900, "khan_yunis", "2026-03-01"),
              fact_input("police_cohort", "cohort:one", valid_from="2026-03-15",
                         payload={"recruited": 900, "vetted": 800, "trained": 600, "deployed": 550})]
    feb = picture(ledger, "2026-02-15")
    s = feb.stages[0]
    assert not s.met
    assert [(m.slug, m.met) for m in s.milestones] == [("rafah", False), ("police", False)]
    rafah = s.milestones[0].failing[0]
    assert (rafah.left, rafah.right, rafah.shortfall) == (600, 1000, 400)
    mar = picture(ledger, "2026-03-10")
    assert mar.stages[0].milestones[0].met and not mar.stages[0].met
    # no police cohort is recorded: deployed is unknown, not 0, and the milestone is not met
    assert "police: police.deployed >= 500 is unknown (police.deployed = unknown)" in mar.stages[0].reasons()
    apr = picture(ledger, "2026-04-01")
    assert apr.stages[0].met and apr.stages[0].reasons() == []


def test_a_standard_needs_a_verification_saying_met_and_the_latest_verdict_counts():
    ledger = [milestone("begun", "registry.decommissioned() > 0", verifier="independent monitors"), stage(1, "begun"),
              fact_input("weapons_moved", "registry:weapons", valid_from="2026-02-01",
                         payload={"weapon": "rockets", "quantity": 10, "to_state": "declared"}),
              fact_input("weapons_moved", "registry:weapons", valid_from="2026-02-02",
                         payload={"weapon": "rockets", "quantity": 4, "from_state": "declared", "to_state": "collected"}),
              fact_input("weapons_moved", "registry:weapons", valid_from="2026-02-03",
                         payload={"weapon": "rockets", "quantity": 4, "from_state": "collected", "to_state": "stored"}),
              fact_input("weapons_moved", "registry:weapons", valid_from="2026-02-04",
                         payload={"weapon": "rockets", "quantity": 3, "from_state": "stored", "to_state": "decommissioned"}),
              verified("begun", "met", "2026-02-10"), verified("begun", "not_met", "2026-03-01")]
    before = picture(ledger, "2026-02-05").milestones[0]
    assert before.condition_holds and not before.met
    assert before.reasons() == ["condition holds but is not yet verified as met by independent monitors"]
    feb = picture(ledger, "2026-02-20").milestones[0]
    assert feb.met and feb.verification is not None and feb.verification.payload["evidence"][0]["sha256"] == "a" * 64
    mar = picture(ledger, "2026-03-05").milestones[0]
    assert not mar.met and mar.reasons() == ["test monitors found it not met on 2026-03-01"]


def test_stage_without_milestones_or_with_a_missing_one_is_not_met():
    result = picture([stage(1), stage(2, "nowhere"), stage(3, "ok"), milestone("ok", "sites.open >= 0")], "2026-02-01")
    one, two, three = result.stages
    assert not one.met and one.reasons() == ["no gating milestones are recorded for this stage"]
    assert not two.met and two.reasons() == ["no milestone 'nowhere' is recorded"]
    assert three.met


def test_completion_and_overdue_and_order():
    ledger = [stage(2, "late"), stage(1), milestone("late", "police.trained >= 10", due="2026-01-15"),
              fact_input("stage_completed", "stage:1", valid_from="2026-01-05", payload={"verifier": "test monitors"})]
    result = picture(ledger, "2026-02-01")
    assert [s.order for s in result.stages] == [1, 2]
    assert result.stages[0].completed is not None and result.next_stage() is result.stages[1]
    assert result.milestones[0].overdue
    assert not picture(ledger, "2026-01-10").milestones[0].overdue


def test_days_without_counts_from_the_last_serious_violation_or_the_mandate():
    mandate = fact_input("mission_authorized", "mission:test", valid_from="2026-01-01",
                         payload={"name": "test force", "instrument": "a test resolution", "adopted": "2026-01-01",
                                  "authorized_by": "a test council", "tasks": ["security"]})
    incident = fact_input("incident", "incident:one", valid_from="2026-01-20",
                          payload={"event_type": "battles", "violation": "serious"})
    minor = fact_input("incident", "incident:two", valid_from="2026-01-25",
                       payload={"event_type": "protests", "violation": "minor"})
    quiet = milestone("quiet", 'days_without("serious_violation") >= 30 and incidents("violation", days=10) == 0')
    assert picture([mandate, quiet], "2026-01-21").milestones[0].evaluation.terms[0].left == 20
    terms = picture([mandate, quiet, incident, minor], "2026-02-01").milestones[0].evaluation.terms
    assert (terms[0].left, terms[1].left) == (12, 1)  # the minor one of the 25th; the 20th is outside 10 days
    terms = picture([mandate, quiet, incident, minor], "2026-02-19").milestones[0].evaluation.terms
    assert (terms[0].left, terms[0].holds, terms[1].left) == (30, True, 0)


def test_strength_terms_are_those_a_build_up_forecast_can_date():
    ledger = [milestone("mixed", 'isf.strength >= 5000 and isf.strength(sector="rafah") > 999.5 and '
                                 'police.deployed >= 10 and (isf.strength > 1 or sites.open > 0) and 3000 <= isf.strength'),
              stage(1, "mixed")]
    from stabforce.engines.gates import strength_terms

    found, others = strength_terms(picture(ledger, "2026-02-01").milestones[0])
    assert [(t.sector, t.troops) for t in found] == [(None, 5000), ("rafah", 1000)]
    assert others == 4  # police, the two under "or", and the reversed comparison


def cohort(name: str, **counts):
    return fact_input("police_cohort", f"cohort:{name}", payload=counts, valid_from="2026-01-15")


def test_police_metrics_are_unknown_when_no_cohort_reported_them_as_on_the_police_page():
    check = [milestone("police", "police.deployed >= 500"), milestone("trained", "police.trained >= 100"),
             milestone("rafah-police", 'police.deployed(sector="rafah") >= 1')]
    silent = picture([*check, cohort("a", recruited=800, trained=400)], "2026-02-01")
    by_slug = {m.slug: m for m in silent.milestones}
    deployed, trained, rafah = by_slug["police"], by_slug["trained"], by_slug["rafah-police"]
    assert not deployed.met and deployed.failing[0].left != deployed.failing[0].left  # NaN: unknown, not 0
    assert deployed.reasons() == ["police.deployed >= 500 is unknown (police.deployed = unknown)"]
    assert trained.met and not rafah.met
    reported = picture([*check, cohort("a", recruited=800, trained=700, deployed=600, sector="rafah")], "2026-02-01")
    assert all(m.met for m in reported.milestones)
    none_yet = picture([*check, cohort("a", recruited=800, trained=400, deployed=0)], "2026-02-01")
    assert {m.slug: m for m in none_yet.milestones}["police"].failing[0].left == 0  # reported as 0 is 0


def test_isf_strength_is_unknown_until_a_troop_arrival_is_recorded_as_in_force_generation():
    check = [milestone("build-up", "isf.strength >= 1000"), milestone("rafah", 'isf.strength(sector="rafah") >= 1')]
    before = picture([*check, arrival(600, "rafah", "2026-02-01")], "2026-01-15")
    assert [m.reasons() for m in before.milestones] == [
        ["isf.strength >= 1000 is unknown (isf.strength = unknown)"],
        ['isf.strength(sector="rafah") >= 1 is unknown (isf.strength(sector="rafah") = unknown)']]
    after = picture([*check, arrival(600, "khan_yunis", "2026-02-01")], "2026-02-15")
    build_up, rafah = after.milestones
    assert build_up.failing[0].left == 600 and build_up.failing[0].shortfall == 400
    assert rafah.failing[0].left == 0  # arrivals are recorded, none in Rafah: 0 is known
