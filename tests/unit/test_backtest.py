"""The back-test: CRPS from samples, and the leave-one-out run over the real past missions."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from stabforce.engines.forecast.backtest import backtest, crps_samples
from stabforce.engines.forecast.history import HistoricalMission, month_end, parse_history, start_month
from stabforce.engines.forecast.inputs import MissionInput
from stabforce.engines.forecast.reference import fit_reference

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "peacekeeping"


def test_crps_of_a_point_ensemble_is_the_absolute_error_and_spread_lowers_it():
    assert crps_samples(np.full(100, 5.0), 8.0) == pytest.approx(3.0)
    # For a uniform ensemble on [0, 1] and y = 0.5 the CRPS is 1/12 (closed form, up to 1/n).
    assert crps_samples(np.linspace(0, 1, 2001), 0.5) == pytest.approx(1 / 12, abs=1e-3)


def test_month_k_is_the_month_end_of_authorization_plus_k_months():
    assert month_end(date(2006, 8, 11), 0) == date(2006, 8, 31)
    assert month_end(date(2006, 8, 11), 6) == date(2007, 2, 28)


@pytest.mark.skipif(not (DATA / "missions.csv").is_file(), reason=f"past missions not found at {DATA}")
def test_leave_one_out_covers_every_mission_with_a_series_and_beats_the_plan():
    with (DATA / "missions.csv").open() as m, (DATA / "ipi_mission_month.csv").open() as s:
        missions, monthly = list(csv.DictReader(m)), list(csv.DictReader(s))
    history = parse_history(missions, monthly)
    assert {h.name for h in history} == {row["mission"] for row in missions}
    result = backtest(history, runs=2000, seed=2803)
    assert len(result.missions) == len(history)
    assert 0.7 <= result.coverage80 <= 0.9
    assert result.crps < 0.75 * result.crps_plan
    # Re-aligning re-hatted curves on the transfer of authority beats climatology on the re-hatted missions.
    scored = {m.name: m for m in result.missions}
    for name in ("UNMIL", "MINUSMA", "UNAMID"):
        assert scored[name].crps < scored[name].crps_climatology
    assert result.crps_hindsight < result.crps
    assert all(np.all(s.p10 <= s.p90) for s in result.missions)
    again = backtest(history, runs=2000, seed=2803)
    assert again.crps == result.crps


def _rehatted(name: str, curve: list[float], toa: date | None) -> HistoricalMission:
    """A past mission authorized 1 Jan 2010, ceiling 1,000, troops = curve × 1,000 at months 0..24."""
    monthly = np.array((curve + [curve[-1]] * 25)[:25]) * 1000
    return HistoricalMission(MissionInput(name, date(2010, 1, 1), 1000, 0, toa, False, "UN"), monthly)


def test_the_transfer_of_authority_month_is_the_first_month_end_on_or_after_it():
    assert start_month(MissionInput("m", date(2013, 4, 25), 11200, 0, date(2013, 7, 1), False, "UN")) == 3
    assert start_month(MissionInput("m", date(2014, 4, 10), 10000, 0, date(2014, 9, 15), False, "UN")) == 5
    assert start_month(MissionInput("m", date(2010, 1, 1), 1000, 0, None, False, "UN")) == 0


def test_a_rehatted_curve_is_realigned_on_the_targets_transfer_and_others_are_left_as_they_are():
    # Re-hatted at month 4 (31 May 2010): 0.05 before, a step to 0.5, then +0.1 a month up to 0.9.
    jumped = _rehatted("jumped", [0, .05, .05, .05, .5, .6, .7, .8, .9], date(2010, 5, 15))
    grown = _rehatted("grown", [0, .1, .2, .3, .4, .5], None)
    model = fit_reference([jumped, grown])
    early = MissionInput("early", date(2020, 1, 10), 5000, 0, date(2020, 3, 20), False, "UN")  # month 2
    aligned = model.curves_for(early)
    assert aligned.shape == (2, 25)
    assert aligned[0, :4] == pytest.approx([0, .05, .5, .6])  # the step comes at the target's month 2
    assert aligned[0, 6:] == pytest.approx(np.full(19, .9))
    assert aligned[1] == pytest.approx(model.curves[1, :25])  # not re-hatted: counted from authorization
    late = MissionInput("late", date(2020, 1, 10), 5000, 0, date(2020, 7, 1), False, "UN")  # month 6
    assert model.curves_for(late)[0, :7] == pytest.approx([0, .05, .05, .05, .05, .05, .5])
    fresh = MissionInput("fresh", date(2020, 1, 10), 5000, 0, None, False, "UN")
    assert model.curves_for(fresh) == pytest.approx(model.curves[:, :25])


def test_hindsight_scores_zero_when_another_past_mission_did_exactly_the_same():
    twins = [_rehatted(n, [0, .2, .5, .8, .9], None) for n in ("a", "b")]
    other = _rehatted("c", [0, .01, .02, .05, .1, .2], None)
    result = backtest([*twins, other], runs=500, seed=1)
    a = next(m for m in result.missions if m.name == "a")
    assert a.crps_hindsight == pytest.approx(0.0)
    assert result.missions[2].crps_hindsight > 0.1
    assert sum(result.shares()) == pytest.approx(1.0)
