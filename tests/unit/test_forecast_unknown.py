"""Pledges of unknown size (a country committed, no figure) are forecast, their size drawn from the stated
sizes of the other pledges (else from past contingents), the assumption stated; no run ever exceeds the
military ceiling unless a pledge explicitly does."""

from __future__ import annotations

import csv
from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from stabforce.engines.forecast.history import parse_history
from stabforce.engines.forecast.inputs import MissionInput, PledgeInput, mission_from_json
from stabforce.engines.forecast.reference import fit_reference
from stabforce.engines.forecast.simulate import Runs, default_blend, pledged_strength, simulate
from tests.conftest import SHARED
from tests.unit.test_forecast import HISTORY, REFERENCE

MISSION = {
    "mission": "test-force", "authorized": "2025-11-17", "military_ceiling": 20000, "troops_at_authorization": 0,
    "transfer_of_authority": None, "ready_pool": False, "organization": "non-UN",
    "pledges": [{"contributor": "IDN", "low": 600, "high": 8000, "stance": "committed", "lead_time_days": 180},
                {"contributor": "AZE", "low": None, "high": None, "stance": "committed", "lead_time_days": None}],
}


def mission(*pledges: PledgeInput, ceiling: int = 20000, base: int = 0) -> MissionInput:
    return MissionInput("m", date(2025, 11, 17), ceiling, base, None, False, "non-UN", pledges)


def test_a_mission_file_pledge_of_unknown_size_is_accepted():
    parsed = mission_from_json(MISSION)
    assert parsed.pledges[1] == PledgeInput("AZE", None, None, "committed", None)
    without = mission_from_json({**MISSION, "pledges": [MISSION["pledges"][0], {"contributor": "AZE", "stance": "committed"}]})
    assert without.pledges[1].high is None


def test_an_unknown_size_is_drawn_from_the_sizes_other_pledges_state():
    m = mission(PledgeInput("A", 100, 100, "committed", 0), PledgeInput("B", 1000, 3000, "committed", 0),
                PledgeInput("X", None, None, "committed", 0))
    runs = Runs(m, REFERENCE, 1.0)
    sizes = runs._unknown_sizes(np.random.default_rng(1).random((1, 100_000), dtype=np.float32))[0]
    picked_a = np.isclose(sizes, 100)
    assert 0.47 < picked_a.mean() < 0.53  # one of the two stated pledges, at random
    others = sizes[~picked_a]
    assert others.min() >= 1000 and others.max() <= 3000 and abs(others.mean() - 2000) < 30  # uniform in B's range


def test_a_stated_floor_is_kept_when_the_size_is_otherwise_unknown():
    m = mission(PledgeInput("A", 100, 500, "committed", 0), PledgeInput("X", 400, None, "committed", 0))
    sizes = Runs(m, REFERENCE, 1.0)._unknown_sizes(np.random.default_rng(2).random((1, 10_000), dtype=np.float32))
    assert sizes.min() >= 400 and sizes.max() <= 500


def test_an_unknown_pledge_adds_troops_and_the_forecast_says_how_it_was_sized():
    known = mission(PledgeInput("A", 1000, 1000, "committed", 30))
    both = mission(PledgeInput("A", 1000, 1000, "committed", 30), PledgeInput("X", None, None, "committed", 30))
    a = simulate(known, REFERENCE, runs=4000, seed=5, blend=1.0)
    b = simulate(both, REFERENCE, runs=4000, seed=5, blend=1.0)
    assert b.p90[24] == 2000 and a.p90[24] == 1000
    assert a.assumptions == () and len(b.assumptions) == 1
    assert "X" in b.assumptions[0] and "1 other pledge" in b.assumptions[0] and "assumption" in b.assumptions[0]
    assert default_blend(both, REFERENCE) > default_blend(known, REFERENCE)


def test_with_no_stated_size_the_past_contingents_size_it():
    folder = SHARED / "data" / "peacekeeping"
    with (folder / "missions.csv").open(encoding="utf-8") as m, (folder / "ipi_mission_month.csv").open(encoding="utf-8") as mm:
        history = parse_history(list(csv.DictReader(m)), list(csv.DictReader(mm)))
    reference = fit_reference(history)
    # troops per contributing country a year in, from the IPI data (e.g. UNIFIL 2007-08: 13,349 / 28)
    assert len(reference.contingents) >= 12 and 70 < reference.contingents.min() < reference.contingents.max() < 500
    unifil = next(h for h in history if h.name == "UNIFIL")
    assert round(unifil.contingent) == round(13349 / 28)
    only = mission(PledgeInput("X", None, None, "committed", 10))
    result = simulate(only, reference, runs=3000, seed=1, blend=1.0)
    assert "past UN missions" in result.assumptions[0]
    assert reference.contingents.min() - 1 <= result.p90[24] <= reference.contingents.max() + 1


def test_a_reference_without_contingents_still_works():
    assert len(fit_reference(HISTORY).contingents) == 0
    result = simulate(mission(PledgeInput("X", None, None, "committed", 10)), REFERENCE, runs=2000, seed=1)
    assert result.p90.max() <= 20000 and "nothing" in result.assumptions[0]


pledge = st.builds(
    PledgeInput, contributor=st.sampled_from(["A", "B", "C"]),
    low=st.one_of(st.none(), st.integers(0, 30_000)), high=st.one_of(st.none(), st.integers(0, 30_000)),
    stance=st.sampled_from(["committed", "conditional", "considering"]),
    lead_time_days=st.one_of(st.none(), st.integers(0, 400)),
).filter(lambda p: p.low is None or p.high is None or p.low <= p.high)


@settings(max_examples=40, deadline=None)
@given(pledges=st.lists(pledge, max_size=5), ceiling=st.integers(100, 25_000), base=st.integers(0, 3_000),
       weight=st.sampled_from([0.0, 0.5, 1.0]), seed=st.integers(0, 2**31))
def test_no_run_ever_exceeds_the_ceiling_unless_a_pledge_explicitly_does(pledges, ceiling, base, weight, seed):
    m = mission(*pledges, ceiling=ceiling, base=min(base, ceiling))
    allowed = max([ceiling, *(p.high if p.high is not None else p.low or 0 for p in pledges)])
    runs, _ = Runs(m, REFERENCE, weight).all(3000, np.random.default_rng(seed))
    assert runs.max() <= allowed
    assert pledged_strength(m, REFERENCE, 2000, np.random.default_rng(seed)).max() <= allowed


def test_the_ceiling_caps_runs_that_would_go_above_it():
    over = mission(PledgeInput("A", 15000, 15000, "committed", 0), PledgeInput("B", 15000, 15000, "committed", 0))
    runs, _ = Runs(over, REFERENCE, 1.0).all(2000, np.random.default_rng(0))
    assert runs.max() == 20000  # 30,000 pledged in all, none above the 20,000 ceiling on its own
    explicit = mission(PledgeInput("A", 25000, 25000, "committed", 0), PledgeInput("B", 5000, 5000, "committed", 0))
    runs, _ = Runs(explicit, REFERENCE, 1.0).all(2000, np.random.default_rng(0))
    assert runs.max() == 25000
