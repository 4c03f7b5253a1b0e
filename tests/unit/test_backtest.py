"""The back-test: CRPS from samples, and the leave-one-out run over the real past missions."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from stabforce.engines.forecast.backtest import backtest, crps_samples
from stabforce.engines.forecast.history import month_end, parse_history

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "peacekeeping"


def test_crps_of_a_point_ensemble_is_the_absolute_error_and_spread_lowers_it():
    assert crps_samples(np.full(100, 5.0), 8.0) == pytest.approx(3.0)
    # For a uniform ensemble on [0, 1] and y = 0.5 the CRPS is 1/12 (closed form, up to 1/n).
    assert crps_samples(np.linspace(0, 1, 2001), 0.5) == pytest.approx(1 / 12, abs=1e-3)


def test_month_k_is_the_month_end_of_authorization_plus_k_months():
    from datetime import date
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
    assert all(np.all(s.p10 <= s.p90) for s in result.missions)
    again = backtest(history, runs=2000, seed=2803)
    assert again.crps == result.crps
