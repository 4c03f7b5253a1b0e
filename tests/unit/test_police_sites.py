"""The police pipeline and civilian sites engines over small snapshots whose answers are known."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stabforce.engines.police import months_to_target, police_pipeline
from stabforce.engines.sites import civilian_sites
from stabforce.model import fold
from tests.builders import day, fact_input, make_fact

LATER = datetime(2030, 1, 1, tzinfo=UTC)
MISSION = "mission:gaza-isf"


def snap(*inputs, as_of="2026-06-30", known_at=LATER):
    facts = [make_fact(data, seq=n) for n, data in enumerate(inputs, start=1)]
    return fold(facts, as_of=day(as_of), known_at=known_at)


def cohort(name, valid_from="2026-01-15", source="report-a", **counts):
    return fact_input("police_cohort", f"cohort:{name}", payload=counts, valid_from=valid_from,
                      source={"key": source, "date": valid_from}, id=f"{name}-{valid_from}-{source}")


def police_target(quantity=12000, **extra):
    return fact_input("requirement", MISSION, payload={"personnel_kind": "police", "quantity": quantity, **extra},
                      valid_from="2026-01-01", source={"key": "target", "date": "2026-01-01"})


def site(slug, valid_from="2026-01-10", source="site-report", **payload):
    body = {"name": slug.title(), "status": "planned", **payload}
    return fact_input("civilian_site", f"site:{slug}", payload=body, valid_from=valid_from,
                      source={"key": source, "date": valid_from}, id=f"{slug}-{valid_from}-{source}")


def test_totals_add_reported_counts_and_count_unknowns_separately():
    p = police_pipeline(snap(cohort("a", recruited=800, vetted=600, trained=500, deployed=300, sector="rafah"),
                             cohort("b", recruited=1000, trained=400),
                             cohort("c", trained=200, deployed=150, sector="khan_yunis")))
    assert p.totals == {"recruited": 1800, "vetted": 600, "trained": 1100, "deployed": 450, "attrition": 0}
    assert p.unknown == {"recruited": 1, "vetted": 2, "trained": 0, "deployed": 1, "attrition": 3}
    assert p.deployed_in(None) == 450 and p.deployed_in("rafah") == 300 and p.deployed_in("gaza_city") == 0
    assert p.target is None and p.months_to_target["deployed"] is None


def test_a_stage_nobody_reported_is_unknown_not_zero():
    p = police_pipeline(snap(cohort("a", trained=500)))
    assert p.totals["deployed"] == 0 and p.unknown["deployed"] == 1  # the face shows "unknown", from the count


def test_the_latest_report_of_a_cohort_holds():
    p = police_pipeline(snap(cohort("a", recruited=1000), cohort("a", "2026-03-01", recruited=1000, vetted=700)))
    assert p.totals["vetted"] == 700 and p.unknown["vetted"] == 0 and len(p.cohorts) == 1


def test_target_is_the_police_requirement_without_a_phase():
    p = police_pipeline(snap(police_target(), police_target(3000, phase="first"),
                             fact_input("requirement", MISSION, payload={"personnel_kind": "troops", "quantity": 20000})))
    assert p.target == 12000 and p.target_fact is not None and p.target_fact.payload["quantity"] == 12000


def test_throughput_per_month_from_each_cohorts_history():
    s = snap(police_target(),
             cohort("a", "2026-01-15", recruited=1000),
             cohort("a", "2026-02-10", recruited=1000, trained=400),
             cohort("a", "2026-04-05", recruited=1000, trained=900, deployed=300),
             cohort("b", "2026-04-20", trained=600),
             as_of="2026-05-20")
    p = police_pipeline(s)
    gained = {m.month: dict(m.gained) for m in p.throughput}
    assert list(gained) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    assert [gained[m]["trained"] for m in gained] == [0, 400, 0, 1100, 0]
    assert [gained[m]["recruited"] for m in gained] == [1000, 0, 0, 0, 0]
    assert gained["2026-04"]["deployed"] == 300
    assert p.throughput[-1].end == day("2026-05-20") and p.throughput[-1].cumulative["trained"] == 1500
    # Recent rate: gain over the three months 20 Feb - 20 May, per month.
    assert p.recent_rate["trained"] == pytest.approx(1100 / 3)
    assert p.recent_rate["deployed"] == pytest.approx(100)
    # Months to target at that rate: (12,000 - 1,500) / 366.7 -> 29; deployed (12,000 - 300) / 100 -> 117.
    assert p.months_to_target == {"recruited": None, "vetted": None, "trained": 29, "deployed": 117}


def test_a_report_that_leaves_a_count_out_does_not_unsay_it_in_the_throughput():
    p = police_pipeline(snap(cohort("a", "2026-01-15", trained=400), cohort("a", "2026-02-15", recruited=900),
                             as_of="2026-02-28"))
    assert [m.gained["trained"] for m in p.throughput] == [400, 0]
    assert p.totals["trained"] == 0 and p.unknown["trained"] == 1  # the current report does not give it


def test_retracted_and_corrected_reports_leave_the_throughput():
    wrong = cohort("a", "2026-01-15", trained=4000)
    fixed = {**cohort("a", "2026-01-15", source="report-b", trained=400), "supersedes": [wrong["id"]]}
    gone = cohort("b", "2026-02-01", trained=999)
    retraction = fact_input("retraction", "cohort:b", payload={"reason": "misread"}, valid_from="2026-02-02",
                            supersedes=[gone["id"]])
    p = police_pipeline(snap(wrong, fixed, gone, retraction, as_of="2026-02-28"))
    assert p.totals["trained"] == 400
    assert sum(m.gained["trained"] for m in p.throughput) == 400


def test_known_at_hides_a_later_report():
    late = make_fact(cohort("a", "2026-01-15", trained=400), seq=1, known_from=datetime(2026, 3, 1, tzinfo=UTC))
    p = police_pipeline(fold([late], as_of=day("2026-06-30"), known_at=datetime(2026, 2, 1, tzinfo=UTC)))
    assert p.cohorts == () and p.throughput == ()


@pytest.mark.parametrize(("target", "reached", "rate", "months"), [
    (12000, 12000, 0.0, 0), (12000, 13000, 5.0, 0), (12000, 2000, 1000.0, 10), (12000, 2000, 999.0, 11),
    (12000, 0, 0.0, None), (12000, 0, -5.0, None), (None, 0, 100.0, None),
])
def test_months_to_target(target, reached, rate, months):
    assert months_to_target(target, reached, rate) == months


def test_throughput_is_bounded_far_from_the_reports():
    p = police_pipeline(snap(police_target(), cohort("a", trained=10), as_of="9999-12-31"))
    assert len(p.throughput) == 60 and p.throughput[-1].cumulative["trained"] == 10
    assert all(m.gained["trained"] == 0 for m in p.throughput)
    early = police_pipeline(snap(cohort("a", "0001-01-15", trained=10), as_of="0001-02-01"))
    assert [m.gained["trained"] for m in early.throughput] == [10, 0] and early.recent_rate["trained"] == pytest.approx(10 / 3)


PLACE = {"lat": 31.29, "lon": 34.25, "precision": 3, "name": "near Rafah"}


def test_sites_by_status_residents_and_capacity_of_open_sites():
    s = civilian_sites(snap(site("alpha", status="open", residents=12000, capacity=20000, place=PLACE),
                            site("beta", status="open", capacity=25000),
                            site("gamma", status="building"),
                            site("delta")))
    assert s.by_status == {"open": 2, "building": 1, "planned": 1}
    assert s.residents_open == 12000 and s.capacity_open == 45000
    assert s.residents_unknown == {"open": 1, "building": 1, "planned": 1}
    assert s.place("site:alpha") == PLACE and s.place("site:beta") is None


def test_a_site_report_without_a_place_keeps_the_last_reported_place():
    s = civilian_sites(snap(site("alpha", place=PLACE, capacity=20000, capacity_high=25000),
                            site("alpha", "2026-02-01", source="other", status="building", services=["clinic"])))
    (current,) = s.sites
    assert current.payload["status"] == "building" and s.by_status == {"building": 1}
    assert s.located_by["site:alpha"].valid_from == day("2026-01-10") and s.place("site:alpha") == PLACE
    assert len(s.history["site:alpha"]) == 2


def test_a_site_is_not_there_before_its_first_report():
    assert civilian_sites(snap(site("alpha", "2026-03-01"), as_of="2026-02-01")).sites == ()
