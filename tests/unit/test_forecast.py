"""The forecast engine: invariants, a closed-form case, the same seed gives the same numbers."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from stabforce.engines.forecast import simulate as simulate_module
from stabforce.engines.forecast.history import HistoricalMission
from stabforce.engines.forecast.inputs import CampInput, MissionInput, PledgeInput, mission_from_json
from stabforce.engines.forecast.reference import fit_reference
from stabforce.engines.forecast.simulate import CHUNK, DAYS, Runs, default_blend, pledged_strength, simulate
from stabforce.errors import InvalidInput


def past(name: str, curve: list[float], *, ready: bool = False) -> HistoricalMission:
    """A past mission of ceiling 1,000 with troops = curve × 1,000 at months 0..24."""
    monthly = np.array((curve + [curve[-1]] * 25)[:25]) * 1000
    return HistoricalMission(MissionInput(name, date(2010, 1, 1), 1000, 0, None, ready, "UN"), monthly)


HISTORY = [past("fast", [0, .5, .9, 1.0]), past("slow", [0, .05, .1, .2, .3, .4, .5, .6, .7]),
           past("stalled", [0, .3, .4, .45, .5], ready=True)]
REFERENCE = fit_reference(HISTORY)
GAZA = MissionInput("gaza", date(2025, 11, 17), 20000, 0, None, False, "non-UN", (
    PledgeInput("IDN", 600, 8000, "committed", 180), PledgeInput("PAK", 9000, 20000, "considering", None),
    PledgeInput("MAR", 100, 1000, "committed", None)))
#: GAZA with Indonesia and Pakistan housed in Rafah, whose camps hold 3,000 from day 0 and 6,000 more from day 200.
HOUSED = MissionInput("gaza", date(2025, 11, 17), 20000, 0, None, False, "non-UN", (
    PledgeInput("IDN", 600, 8000, "committed", 180, sector="rafah"),
    PledgeInput("PAK", 9000, 20000, "considering", None, sector="rafah"),
    PledgeInput("MAR", 100, 1000, "committed", None)),
    (CampInput("rafah", 3000), CampInput("rafah", 6000, ready_day=200)))


def test_percentiles_are_monotone_and_probabilities_in_range():
    result = simulate(GAZA, REFERENCE, runs=5000, seed=1)
    assert np.all(result.p10 <= result.p50) and np.all(result.p50 <= result.p90)
    probs = result.probability_by(10000)
    assert np.all((probs >= 0) & (probs <= 1)) and np.all(np.diff(probs) >= 0)
    months = result.months()
    assert set(months) == {3, 6, 12, 24} and months[24]["p10"] <= months[24]["p90"]


def test_the_same_seed_gives_the_same_numbers_and_another_seed_does_not():
    a, b = simulate(GAZA, REFERENCE, runs=3000, seed=7), simulate(GAZA, REFERENCE, runs=3000, seed=7)
    c = simulate(GAZA, REFERENCE, runs=3000, seed=8)
    assert np.array_equal(a.p50, b.p50) and a.seed == 7 and a.runs == 3000
    assert not np.array_equal(a.reached, c.reached)


def test_strength_from_pledges_alone_never_exceeds_their_highs_plus_troops_already_there():
    mission = MissionInput("m", date(2025, 1, 1), 50000, 1500, None, False, "UN", GAZA.pledges)
    strength = pledged_strength(mission, REFERENCE, 20000, np.random.default_rng(3))
    assert strength.max() <= 1500 + sum(p.high for p in GAZA.pledges)
    assert strength.min() >= 1500
    only_pledges = simulate(mission, REFERENCE, runs=4000, seed=3, blend=1.0)
    assert only_pledges.p90.max() <= 1500 + sum(p.high for p in GAZA.pledges)


def test_a_known_case_matches_its_closed_form():
    # One committed pledge of exactly 1,000 troops, stated lead time 0 (no slippage can stretch it),
    # training 21-60 days: by month 3 (91 days) it has surely arrived, so strength is 1,000 with
    # probability 0.9 (the committed arrival chance) and 0 otherwise, in bottom-up runs.
    mission = MissionInput("m", date(2025, 1, 1), 1000, 0, None, False, "UN", (PledgeInput("X", 1000, 1000, "committed", 0),))
    result = simulate(mission, REFERENCE, runs=40000, seed=5, blend=1.0)
    p = result.probability_by(1000)[3]
    assert abs(p - 0.9) < 0.02  # 101 quantile levels: resolution 1%, sampling error about 0.0015
    assert result.probability_by(1000)[0] == 0.0  # nothing can have arrived on the first day


def test_camps_hold_the_pledges_housed_in_their_sector_in_every_bottom_up_run():
    housed = simulate(HOUSED, REFERENCE, runs=4000, seed=2, blend=1.0)
    assert housed.p90[6] <= 3000 + 1000 and housed.probability_by(9000 + 1000 + 1).max() == 0.0  # + Morocco's 1,000
    # Pledges with no sector are not held, whatever the camps: the same numbers as with no camps.
    unhoused = simulate(GAZA, REFERENCE, runs=4000, seed=2, blend=1.0, camps=HOUSED.camps)
    assert unhoused.inputs.camps == HOUSED.camps
    assert np.array_equal(unhoused.p90, simulate(GAZA, REFERENCE, runs=4000, seed=2, blend=1.0).p90)


def test_with_no_pledges_the_reference_class_alone_scales_to_the_ceiling():
    mission = MissionInput("m", date(2025, 1, 1), 1000, 0, None, False, "UN")
    result = simulate(mission, REFERENCE, runs=20000, seed=4)
    assert result.blend == 0.0 and result.p50[0] == 0.0 and 200 < result.p50[6] < 1000


def test_a_million_runs_work_in_chunks():
    result = simulate(GAZA, REFERENCE, runs=1_000_000, seed=9)
    assert result.runs == 1_000_000 and len(result.p50) == len(DAYS)


def test_streamed_percentiles_are_exactly_those_of_all_the_runs(monkeypatch):
    # Past the pilot runs simulate() keeps only the values near each percentile; they must be the order
    # statistics of every run, and the fallback that keeps every run must give the same numbers.
    runs = 120_007
    result = simulate(HOUSED, REFERENCE, runs=runs, seed=11)
    by_month, _ = Runs(HOUSED, REFERENCE, default_blend(HOUSED)).all(runs, np.random.default_rng(11))
    by_month.sort(axis=1)
    for q, got in ((10, result.p10), (50, result.p50), (90, result.p90)):
        assert np.array_equal(got, by_month[:, int(np.ceil(q / 100 * runs)) - 1])
    monkeypatch.setattr(simulate_module, "BRACKET", -1.0)  # every bracket misses its rank
    again = simulate(HOUSED, REFERENCE, runs=runs, seed=11)
    assert np.array_equal(again.p50, result.p50) and np.array_equal(again.reached, result.reached)


def test_the_forecast_takes_from_its_generator_exactly_the_draws_of_the_benchmark_floor(monkeypatch):
    # bench/forecast.py times Runs.draw alone as the floor; simulate() must draw nothing more or less.
    made: list[np.random.Generator] = []
    monkeypatch.setattr(simulate_module, "default_rng", lambda seed: made.append(np.random.default_rng(seed)) or made[-1])
    simulate(GAZA, REFERENCE, runs=90_000, seed=4)
    floor, runner = np.random.default_rng(4), Runs(GAZA, REFERENCE, default_blend(GAZA), None)
    for start in range(0, 90_000, CHUNK):
        runner.draw(min(CHUNK, 90_000 - start), floor)
    assert made[0].bit_generator.state == floor.bit_generator.state


@pytest.mark.parametrize(("data", "field"), [
    ({"military_ceiling": "many"}, "military_ceiling"),
    ({"troops_at_authorization": -1}, "troops_at_authorization"),
    ({"authorized": "2025-02-30"}, "authorized"),
    ({"organization": "EU"}, "organization"),
    ({"ready_pool": "yes"}, "ready_pool"),
    ({"colour": "blue"}, "colour"),
    ({"pledges": [{"contributor": "X", "low": 5, "high": 1, "stance": "committed", "lead_time_days": None}]},
     "pledges[0].low"),
    ({"pledges": [{"contributor": "X", "low": 1, "high": 5, "stance": "keen", "lead_time_days": None}]},
     "pledges[0].stance"),
])
def test_a_malformed_mission_is_refused_naming_the_field(data, field):
    good = {"mission": "m", "authorized": "2025-11-17", "military_ceiling": 20000, "troops_at_authorization": 0,
            "transfer_of_authority": None, "ready_pool": False, "organization": "non-UN"}
    with pytest.raises(InvalidInput) as err:
        mission_from_json({**good, **data})
    assert err.value.details["field"] == field
    missing = dict(good)
    del missing["authorized"]
    with pytest.raises(InvalidInput, match="authorized is missing"):
        mission_from_json(missing)


def test_knowing_what_is_on_the_ground_keeps_only_runs_that_agree():
    free = simulate(GAZA, REFERENCE, runs=20000, seed=6)
    nothing_yet = simulate(GAZA, REFERENCE, runs=20000, seed=6, observed=(4, 0.0))
    assert nothing_yet.runs == 20000 and nothing_yet.p90[4] <= 0.02 * GAZA.military_ceiling
    assert nothing_yet.p50[12] < free.p50[12]  # a slow start is evidence of a slow build-up
    with pytest.raises(InvalidInput, match="no run matches"):
        simulate(GAZA, REFERENCE, runs=1000, seed=6, observed=(0, 99999.0))
