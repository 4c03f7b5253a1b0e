"""Camps: the `camp` kind, folding camps into capacity per sector, and the forecast holding pledges to it;
caveats that are conditions for deploying lowering the arrival chance; the mission file's new fields."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from stabforce.engines.camps import camps, capacity_by_sector, sector_capacity
from stabforce.engines.forecast.inputs import CampInput, MissionInput, PledgeInput, mission_from_json
from stabforce.engines.forecast.simulate import (
    ARRIVAL,
    CONDITION_FACTOR,
    DAYS,
    arrival_chance,
    capped_pledges,
    default_blend,
    pledged_strength,
    simulate,
)
from stabforce.errors import InvalidFact, InvalidInput
from stabforce.ledger import parse_fact
from stabforce.services.actors import WRITABLE, Role
from tests.builders import fact_input
from tests.unit.test_forecast import REFERENCE
from tests.unit.test_police_sites import snap

START = date(2025, 1, 1)


def mission(*pledges: PledgeInput, camps: tuple[CampInput, ...] = ()) -> MissionInput:
    return MissionInput("m", START, 5000, 0, None, False, "UN", pledges, camps)


def exact(troops: int = 1000, **extra) -> PledgeInput:
    """A committed pledge of exactly `troops`, stated lead time 0: surely arrived (if at all) by day 60."""
    return PledgeInput("X", troops, troops, "committed", 0, **extra)


# --- the forecast: camps hold the pledges housed in their sector ---------------------------------------


def test_a_pledge_of_1000_in_a_sector_whose_camp_holds_600_never_has_more_than_600_on_the_ground():
    m = mission(exact(sector="rafah"), camps=(CampInput("rafah", 600),))
    result = simulate(m, REFERENCE, runs=20000, seed=1, blend=1.0)
    assert result.p90.max() <= 600 and result.probability_by(601).max() == 0.0
    assert abs(result.probability_by(600)[3] - ARRIVAL["committed"]) < 0.02  # arrived and housed: 600
    strength = pledged_strength(m, REFERENCE, 20000, np.random.default_rng(1))
    assert strength.max() == 600 and set(np.unique(strength[:, 3])) == {0.0, 600.0}


def test_nothing_is_on_the_ground_in_a_sector_before_its_camp_opens():
    m = mission(exact(sector="rafah"), camps=(CampInput("rafah", 600, ready_day=int(DAYS[6])),))
    strength = pledged_strength(m, REFERENCE, 20000, np.random.default_rng(2))
    assert strength[:, :6].max() == 0.0  # month-ends 0..5 come before the camp's day
    share = np.mean(strength[:, 6] == 600)  # the troops waiting since about month 2 move in at month 6
    assert abs(share - ARRIVAL["committed"]) < 4 * np.sqrt(0.9 * 0.1 / 20000)
    result = simulate(m, REFERENCE, runs=20000, seed=2, blend=1.0)
    assert result.p90[:6].max() == 0.0 and result.p90[6] == 600


def test_a_camp_that_closes_sends_the_troops_above_the_new_capacity_out_of_the_sector():
    # 600 + 300 from day 0; the 600 closes at month 12: the 1,000 housed fall from 900 to 300.
    m = mission(exact(sector="rafah"), camps=(CampInput("rafah", 600, closed_day=int(DAYS[12])),
                                             CampInput("rafah", 300)))
    strength = pledged_strength(m, REFERENCE, 5000, np.random.default_rng(3))
    assert strength[:, 3:12].max() == 900 and strength[:, 12:].max() == 300
    assert np.array_equal(capacity_by_sector(m.camps, DAYS)["rafah"], np.where(DAYS < DAYS[12], 900, 300))


def test_a_pledge_without_a_sector_or_in_a_sector_without_camps_is_never_held():
    housed, free, elsewhere = exact(sector="rafah"), exact(), exact(sector="khan_yunis")
    m = mission(housed, free, elsewhere, camps=(CampInput("rafah", 600),))
    assert capped_pledges(m) == (housed,)
    strength = pledged_strength(m, REFERENCE, 20000, np.random.default_rng(4))
    assert strength.max() == 600 + 1000 + 1000
    # Without the housed pledge, the camps change nothing: the same runs with or without them.
    unhoused = mission(free, elsewhere, camps=(CampInput("rafah", 600),))
    a = pledged_strength(unhoused, REFERENCE, 5000, np.random.default_rng(5))
    b = pledged_strength(mission(free, elsewhere), REFERENCE, 5000, np.random.default_rng(5))
    assert np.array_equal(a, b)


def test_each_pledge_is_held_to_its_own_sector():
    m = mission(exact(sector="rafah"), exact(sector="gaza_city"),
                camps=(CampInput("rafah", 600), CampInput("gaza_city", 200, ready_day=int(DAYS[4]))))
    strength = pledged_strength(m, REFERENCE, 20000, np.random.default_rng(6))
    assert strength[:, 3].max() == 600 and strength[:, 4:].max() == 800
    assert np.isclose(np.mean(strength[:, 5] == 800), 0.81, atol=4 * np.sqrt(0.81 * 0.19 / 20000))


# --- caveats: conditions for deploying lower the arrival chance --------------------------------------------


def test_two_deployment_conditions_multiply_the_arrival_chance_by_the_condition_factor_twice():
    conditions = ("requires_full_ceasefire", "requires_parliament_approval")
    pledge = exact(caveats=(*conditions, "no_disarmament"))  # no_disarmament limits tasks, not arrival
    expected = ARRIVAL["committed"] * CONDITION_FACTOR * CONDITION_FACTOR
    assert arrival_chance(pledge) == pytest.approx(expected) and CONDITION_FACTOR == 0.8
    n = 200_000
    strength = pledged_strength(mission(pledge), REFERENCE, n, np.random.default_rng(7))
    share = np.mean(strength[:, 3] > 0)
    assert abs(share - expected) < 4 * np.sqrt(expected * (1 - expected) / n)  # 4 binomial SDs, about 0.0044
    assert default_blend(mission(pledge)) == pytest.approx(min(0.8, expected * 1000 / 5000))


def test_caveats_that_only_limit_tasks_leave_the_arrival_chance_alone():
    assert arrival_chance(exact(caveats=("no_use_of_force", "no_combat"))) == ARRIVAL["committed"]
    assert arrival_chance(exact(caveats=("requires_un_mandate", "requires_un_mandate"))) == pytest.approx(0.72)


# --- the camp kind --------------------------------------------------------------------------------------------


def camp(slug: str = "one", valid_from: str = "2025-01-10", **payload) -> dict:
    body = {"name": slug.title(), "status": "open", **payload}
    return fact_input("camp", f"camp:{slug}", payload=body, valid_from=valid_from,
                      source={"key": f"camp-report-{valid_from}", "date": valid_from}, id=f"{slug}-{valid_from}")


@pytest.mark.parametrize(("payload", "field"), [
    ({"sector": "gaza_north"}, "payload.sector"),
    ({"status": "ready"}, "payload.status"),
    ({"for_contributor": "XYZ"}, "payload.for_contributor"),
    ({"capacity": -1}, "payload.capacity"),
    ({"capacity": 900, "capacity_high": 500}, "payload.capacity_high"),
    ({"ready_on": "2026-02-30"}, "payload.ready_on"),
    ({"beds": 5}, "payload.beds"),
])
def test_the_camp_kind_refuses_bad_values_naming_the_field(payload, field):
    with pytest.raises(InvalidFact) as err:
        parse_fact(camp(**payload))
    assert err.value.details["field"] == field


def test_a_camp_may_leave_sector_capacity_and_day_unknown_and_only_planners_and_admins_write_camps():
    fact = parse_fact(camp(status="being_prepared", sector=None, capacity=None, for_contributor="IDN"))
    assert fact.payload["capacity"] is None and fact.payload["sector"] is None and fact.payload["ready_on"] is None
    with pytest.raises(InvalidFact, match="subject"):
        parse_fact({**camp(), "subject": "site:one"})
    assert {r for r, kinds in WRITABLE.items() if "camp" in kinds or "*" in kinds} == {Role.ADMIN, Role.PLANNER}


# --- folding camps into capacity per sector over time ----------------------------------------------------------


def test_capacity_per_sector_counts_open_and_due_camps_of_known_capacity_from_their_day():
    s = snap(camp("a", sector="rafah", capacity=600, ready_on="2025-01-01"),
             camp("b", sector="rafah", status="planned", capacity=400, ready_on="2025-07-20"),
             camp("c", sector="rafah", status="planned", capacity_high=5000, ready_on="2025-04-01"),  # "up to"
             camp("d", sector="khan_yunis", status="being_prepared", capacity=None),
             camp("e", status="planned", capacity=5000, ready_on="2025-03-01"),
             camp("f", sector="gaza_city", status="planned", capacity=300),
             as_of="2025-02-01")
    by_sector = sector_capacity(s, start=START, days=DAYS)
    assert set(by_sector) == {"rafah"}
    rafah = by_sector["rafah"]
    assert rafah[0] == 600 and rafah[3] == 5600 and rafah[6] == 5600 and rafah[7] == 6000
    unused = {c.subject: c.unused for c in camps(s).camps}
    assert unused == {"camp:a": None, "camp:b": None, "camp:c": None, "camp:d": "capacity not reported",
                      "camp:e": "no sector", "camp:f": "no opening day"}


def test_a_closed_camp_counts_until_its_first_closed_report_and_an_overdue_one_from_after_the_day():
    s = snap(camp("a", "2025-01-01", sector="rafah", capacity=600),  # open, no day: from its first open report
             camp("a", "2025-05-01", sector="rafah", capacity=600, status="closed"),
             camp("a", "2025-06-01", sector="rafah", capacity=600, status="closed"),
             camp("b", "2025-01-01", sector="rafah", capacity=100, status="planned", ready_on="2025-02-01"),
             as_of="2025-07-01")
    picture = camps(s)
    a, b = picture.camps
    assert (a.opens, a.closes) == (date(2025, 1, 1), date(2025, 5, 1))
    assert b.opens == date(2025, 7, 2)  # due on 1 Feb, still planned on 1 Jul: it has slipped
    assert picture.inputs(START) == (CampInput("rafah", 600, 0, 120, "A"), CampInput("rafah", 100, 182, None, "B"))


def test_a_contributor_is_housed_in_the_one_sector_of_the_camps_prepared_for_it():
    s = snap(camp("a", sector="rafah", for_contributor="IDN", status="being_prepared"),
             camp("b", sector="rafah", for_contributor="MAR"), camp("c", sector="khan_yunis", for_contributor="MAR"))
    picture = camps(s)
    assert picture.sector_of("IDN") == "rafah" and picture.sector_of("MAR") is None and picture.sector_of("PAK") is None


# --- the mission file -------------------------------------------------------------------------------------------

GOOD = {"mission": "m", "authorized": "2025-11-17", "military_ceiling": 20000, "troops_at_authorization": 0,
        "transfer_of_authority": None, "ready_pool": False, "organization": "non-UN"}
PLEDGE = {"contributor": "X", "low": 1, "high": 5, "stance": "committed"}


def test_a_mission_file_takes_caveats_sectors_and_camps():
    m = mission_from_json({**GOOD, "pledges": [{**PLEDGE, "caveats": ["requires_pa_consent"], "sector": "rafah"}],
                           "camps": [{"sector": "rafah", "capacity": 600, "ready_day": 30, "name": "north camp"},
                                     {"sector": "rafah", "capacity": 100}]})
    assert m.pledges[0].caveats == ("requires_pa_consent",) and m.pledges[0].sector == "rafah"
    assert m.camps == (CampInput("rafah", 600, 30, None, "north camp"), CampInput("rafah", 100, 0, None, None))
    assert mission_from_json(GOOD).camps == ()
    assert mission_from_json({**GOOD, "pledges": [PLEDGE]}).pledges[0].caveats == ()


@pytest.mark.parametrize(("change", "field"), [
    ({"pledges": [{**PLEDGE, "caveats": ["shy"]}]}, "pledges[0].caveats"),
    ({"pledges": [{**PLEDGE, "caveats": "requires_pa_consent"}]}, "pledges[0].caveats"),
    ({"pledges": [PLEDGE, {**PLEDGE, "sector": "gaza"}]}, "pledges[1].sector"),
    ({"camps": {"sector": "rafah"}}, "camps"),
    ({"camps": ["rafah"]}, "camps[0]"),
    ({"camps": [{"capacity": 600}]}, "camps[0].sector"),
    ({"camps": [{"sector": "mars", "capacity": 600}]}, "camps[0].sector"),
    ({"camps": [{"sector": "rafah"}]}, "camps[0].capacity"),
    ({"camps": [{"sector": "rafah", "capacity": 6.5}]}, "camps[0].capacity"),
    ({"camps": [{"sector": "rafah", "capacity": 600, "ready_day": -3}]}, "camps[0].ready_day"),
    ({"camps": [{"sector": "rafah", "capacity": 600, "ready_day": 30, "closed_day": 30}]}, "camps[0].closed_day"),
    ({"camps": [{"sector": "rafah", "capacity": 600, "beds": 2}]}, "camps[0].beds"),
])
def test_a_mission_file_with_bad_caveats_sectors_or_camps_is_refused_naming_the_field(change, field):
    with pytest.raises(InvalidInput) as err:
        mission_from_json({**GOOD, **change})
    assert err.value.details["field"] == field
