"""Leave-one-mission-out back-test: fit on the others, forecast the held-out mission from what was
known at its authorization (no pledges: the reference class alone), score its months 1..24.

Scores are shares of the mission's initial ceiling, pooled over all held-out months:
coverage of the 80% interval (P10-P90) and CRPS (from samples: E|X - y| - E|X - X'| / 2). Baselines,
scored the same way: *plan* — the usual promise, a straight line from the troops at authorization to
the full ceiling at month 3 (a point forecast, so its CRPS is its absolute error); *climatology* — the
other missions' curves, equally weighted, without conditions or spread.

And one yardstick that is not a forecast: *hindsight* — the one other mission's curve (aligned as the
model aligns it) that lies closest to what the held-out mission did, chosen after seeing it, as a point
forecast. No forecast made at authorization from these curves can know which one that is; its CRPS
shows how much of the error is beyond what choosing among past curves can remove.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from stabforce.engines.forecast.history import HORIZON_MONTHS, HistoricalMission
from stabforce.engines.forecast.reference import NOISE_SD, fit_reference

MONTHS = np.arange(1, HORIZON_MONTHS + 1)


@dataclass(frozen=True)
class MissionScore:
    """One held-out mission: its forecast fan against what happened, and its scores."""

    name: str
    ceiling: int
    months: np.ndarray = field(repr=False)
    actual: np.ndarray = field(repr=False)
    p10: np.ndarray = field(repr=False)
    p50: np.ndarray = field(repr=False)
    p90: np.ndarray = field(repr=False)
    coverage80: float = 0.0
    crps: float = 0.0
    crps_climatology: float = 0.0
    crps_plan: float = 0.0
    crps_hindsight: float = 0.0


@dataclass(frozen=True)
class BacktestResult:
    """Scores pooled over every held-out month of every mission."""

    missions: tuple[MissionScore, ...]
    runs: int
    seed: int
    coverage80: float
    crps: float
    crps_climatology: float
    crps_plan: float
    crps_hindsight: float

    def shares(self) -> list[float]:
        """Return each mission's share of the pooled CRPS (its months × its mean CRPS, over the total)."""
        sums = [len(m.months) * m.crps for m in self.missions]
        total = sum(sums) or 1.0
        return [s / total for s in sums]


def crps_samples(samples: np.ndarray, observed: float) -> float:
    """Return the CRPS of an ensemble (1-D samples) for one observation."""
    x = np.sort(samples)
    n = len(x)
    spread = 2.0 * np.sum((2 * np.arange(1, n + 1) - n - 1) * x) / (n * n)
    return float(np.mean(np.abs(x - observed)) - 0.5 * spread)


def backtest(history: Sequence[HistoricalMission], *, runs: int, seed: int,
             noise_sd: float = NOISE_SD) -> BacktestResult:
    """Score leave-one-mission-out forecasts of every past mission against baselines.

    Parameters
    ----------
    history:
        Past missions with monthly series.
    runs:
        Samples per forecast.
    seed:
        Seed of the generator (the whole back-test is reproducible).
    noise_sd:
        Spread of the reference class (see `reference`).
    """
    rng = np.random.default_rng(seed)
    scores = [_score(history, i, runs, rng, noise_sd) for i in range(len(history))]
    inside = np.concatenate([_inside(s) for s in scores])
    pooled = {name: np.concatenate([_per_month(s, name) for s in scores])
              for name in ("crps", "crps_climatology", "crps_plan", "crps_hindsight")}
    return BacktestResult(tuple(s for s, _ in scores), runs, seed, float(inside.mean()),
                          float(pooled["crps"].mean()), float(pooled["crps_climatology"].mean()),
                          float(pooled["crps_plan"].mean()), float(pooled["crps_hindsight"].mean()))


def _score(history: Sequence[HistoricalMission], held: int, runs: int, rng: np.random.Generator,
           noise_sd: float) -> tuple[MissionScore, dict[str, np.ndarray]]:
    target = history[held]
    model = fit_reference([m for i, m in enumerate(history) if i != held], noise_sd=noise_sd)
    m = target.inputs
    room = max(1, m.military_ceiling - m.troops_at_authorization)
    known = np.isfinite(target.monthly[MONTHS])
    months, actual = MONTHS[known], target.monthly[MONTHS][known]
    forecast = m.troops_at_authorization + model.sample_shares(m, runs, rng)[:, months] * room
    climate = m.troops_at_authorization + model.sample_shares(m, runs, rng, conditioned=False, noisy=False)[:, months] * room
    plan = m.troops_at_authorization + np.minimum(months / 3.0, 1.0) * room
    curves = m.troops_at_authorization + model.curves_for(m)[:, months] * room
    hindsight = curves[np.argmin(np.abs(curves - actual).mean(axis=1))]
    scale = m.military_ceiling
    per_month = {
        "crps": np.array([crps_samples(forecast[:, j], y) for j, y in enumerate(actual)]) / scale,
        "crps_climatology": np.array([crps_samples(climate[:, j], y) for j, y in enumerate(actual)]) / scale,
        "crps_plan": np.abs(plan - actual) / scale,
        "crps_hindsight": np.abs(hindsight - actual) / scale,
        "inside": (actual >= np.percentile(forecast, 10, axis=0)) & (actual <= np.percentile(forecast, 90, axis=0)),
    }
    p10, p50, p90 = np.percentile(forecast, [10, 50, 90], axis=0)
    score = MissionScore(target.name, m.military_ceiling, months, actual, p10, p50, p90,
                         float(per_month["inside"].mean()), float(per_month["crps"].mean()),
                         float(per_month["crps_climatology"].mean()), float(per_month["crps_plan"].mean()),
                         float(per_month["crps_hindsight"].mean()))
    return score, per_month


def _inside(scored: tuple[MissionScore, dict[str, np.ndarray]]) -> np.ndarray:
    return scored[1]["inside"]


def _per_month(scored: tuple[MissionScore, dict[str, np.ndarray]], name: str) -> np.ndarray:
    return scored[1][name]
