"""simulate(): troops on the ground by month, a bottom-up Monte Carlo over pledges blended with the
reference class of past missions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from stabforce.engines.forecast.history import HORIZON_MONTHS
from stabforce.engines.forecast.inputs import MissionInput
from stabforce.engines.forecast.reference import ReferenceModel
from stabforce.errors import InvalidInput

DAYS = np.round(np.arange(HORIZON_MONTHS + 1) * 30.44).astype(np.int32)
#: Chance that a pledge turns into troops on the ground, by the contributor's stance.
ARRIVAL = {"committed": 0.9, "conditional": 0.6, "considering": 0.4, "interested": 0.25, "declined": 0.0,
           "withdrawn": 0.0}
UNKNOWN_LEAD_MEDIAN_DAYS, UNKNOWN_LEAD_SD = 150.0, 0.5
TRAINING_DAYS = (21.0, 60.0)
MAX_BLEND = 0.8
LEVELS = np.linspace(0, 100, 101)
CHUNK = 200_000
REACHED_RUNS = 200_000
OBSERVED_TOLERANCE = 0.02
MAX_DRAWS = 20
METHOD = (
    "Each run is drawn from one of two models. Bottom-up: each pledge arrives with a chance set by its "
    "stance (committed 0.9, conditional 0.6, considering 0.4, interested 0.25, declined 0), with a size "
    "uniform in its range, after its lead time (stated ones stretched by the slippage past missions showed "
    "against a three-month promise; unknown ones log-normal, median 150 days) plus 3-8 weeks of training; "
    "camp capacity caps the total. Reference class: a past mission's build-up curve (weighted toward missions "
    "with the same ready-pool and re-hatting conditions) scaled to this ceiling, with log-normal spread. The "
    "share of bottom-up runs is the expected pledged strength over the ceiling, at most 0.8; with no pledges "
    "every run uses the reference class. Where troops on the ground are known at a later month, only runs "
    "within 2% of the ceiling of that figure are kept."
)


@dataclass(frozen=True)
class ForecastResult:
    """Troops on the ground by month after authorization: percentiles, and when targets are reached."""

    inputs: MissionInput
    seed: int
    runs: int
    blend: float
    method: str
    days: np.ndarray = field(repr=False)
    p10: np.ndarray = field(repr=False)
    p50: np.ndarray = field(repr=False)
    p90: np.ndarray = field(repr=False)
    reached: np.ndarray = field(repr=False)

    def months(self, ks: tuple[int, ...] = (3, 6, 12, 24)) -> dict[int, dict[str, float]]:
        """Return P10/P50/P90 troops at these months after authorization."""
        return {k: {"p10": float(self.p10[k]), "p50": float(self.p50[k]), "p90": float(self.p90[k])} for k in ks}

    def probability_by(self, target: float) -> np.ndarray:
        """Return, for each month-end, the probability that strength has reached `target` by then
        (non-decreasing; read from 101 quantiles of the running maximum, so to about 1%)."""
        return (self.reached >= target).mean(axis=1)

    def median_date(self, target: float) -> date | None:
        """Return the first month-end by which the target is reached with probability at least 0.5."""
        return self.date_reached(target, 0.5)

    def date_reached(self, target: float, probability: float) -> date | None:
        """Return the first month-end by which the target is reached with at least this probability
        (None: not within the horizon)."""
        hit = np.nonzero(self.probability_by(target) >= probability)[0]
        return self.inputs.authorized + timedelta(days=int(self.days[hit[0]])) if len(hit) else None


def simulate(mission: MissionInput, reference: ReferenceModel, *, runs: int, seed: int,
             capacity: int | None = None, blend: float | None = None,
             observed: tuple[int, float] | None = None) -> ForecastResult:
    """Forecast troops on the ground at month-ends 0..24 after authorization.

    Parameters
    ----------
    mission:
        The mission and its pledges.
    reference:
        The fitted reference class.
    runs:
        Monte Carlo runs (processed in chunks, so a million fit in memory).
    seed:
        Seed of the NumPy generator; the result states it. Same seed, same numbers.
    capacity:
        Camp capacity: a ceiling on troops on the ground in every run.
    blend:
        Share of runs drawn bottom-up; by default from how much of the ceiling is pledged.
    observed:
        (month, troops): troops known to be on the ground at that month-end. Only runs within
        `OBSERVED_TOLERANCE` of the ceiling of it are kept (rejection sampling), drawing more chunks
        until `runs` are kept or `MAX_DRAWS` × runs were tried; `runs` in the result says how many.

    Returns
    -------
    ForecastResult
    """
    rng = np.random.default_rng(seed)
    weight = default_blend(mission) if blend is None else blend
    parts = _draw(mission, reference, runs, rng, weight, capacity, observed)
    runs = sum(p.shape[1] for p in parts)
    by_month = np.concatenate(parts, axis=1) if len(parts) > 1 else parts[0]  # months × runs
    ranks = [_rank(q, runs) for q in (10, 50, 90)]
    by_month.sort(axis=1)  # faster than partition here: the runs hold many equal values
    p10, p50, p90 = (by_month[:, r].astype(float) for r in ranks)
    # When targets are reached: the running maximum's quantiles, read from the first REACHED_RUNS runs
    # (runs are exchangeable, and 101 levels resolve 1% anyway).
    sample = min(runs, REACHED_RUNS)
    reached = np.maximum.accumulate(np.concatenate([p[:, :sample] for p in parts], axis=1)[:, :sample], axis=0)
    reached.sort(axis=1)
    levels = reached[:, [_rank(q, sample) for q in LEVELS]].astype(float)
    return ForecastResult(mission, seed, runs, weight, METHOD, DAYS.copy(), p10, p50, p90, levels)


def _draw(mission: MissionInput, reference: ReferenceModel, runs: int, rng: np.random.Generator, weight: float,
          capacity: int | None, observed: tuple[int, float] | None) -> list[np.ndarray]:
    parts, kept, tried = [], 0, 0
    while kept < runs and tried < MAX_DRAWS * runs:
        n = min(CHUNK, runs - kept) if observed is None else CHUNK
        chunk = _chunk(mission, reference, n, rng, weight, capacity)
        tried += n
        if observed is not None:
            month, troops = observed
            chunk = chunk[:, np.abs(chunk[month] - troops) <= OBSERVED_TOLERANCE * mission.military_ceiling]
            chunk = chunk[:, :runs - kept]
        parts.append(chunk)
        kept += chunk.shape[1]
    if kept == 0:
        raise InvalidInput(f"no run matches {observed[1]:,.0f} troops at month {observed[0]}" if observed
                           else "no runs", field="observed")
    return parts


def _rank(percent: float, n: int) -> int:
    """Return the index of the `percent` quantile in n sorted values (nearest rank)."""
    return min(n - 1, max(0, int(np.ceil(percent / 100 * n)) - 1))


def default_blend(mission: MissionInput) -> float:
    """Return the share of bottom-up runs: expected pledged troops over the room under the ceiling."""
    room = max(1, mission.military_ceiling - mission.troops_at_authorization)
    expected = sum(ARRIVAL[p.stance] * (p.low + p.high) / 2 for p in mission.pledges)
    return float(min(MAX_BLEND, expected / room))


def _chunk(mission: MissionInput, reference: ReferenceModel, n: int, rng: np.random.Generator, weight: float,
           capacity: int | None) -> np.ndarray:
    """Return troops on the ground for n runs, laid out months × runs."""
    base = mission.troops_at_authorization
    shares = reference.sample_shares(mission, n, rng)
    strength = (base + shares.T * (mission.military_ceiling - base)).astype(np.float32)
    if mission.pledges and weight > 0:
        bottom_up = pledged_strength(mission, reference, n, rng).T
        strength = np.where(rng.random(n) < weight, bottom_up, strength)
    if capacity is not None:
        np.minimum(strength, capacity, out=strength)
    return strength


def pledged_strength(mission: MissionInput, reference: ReferenceModel, n: int, rng: np.random.Generator) -> np.ndarray:
    """Return troops on the ground from the pledges alone (n runs × month-ends), troops already there included."""
    pledges = mission.pledges
    chance = np.array([ARRIVAL[p.stance] for p in pledges])
    low = np.array([p.low for p in pledges], dtype=np.float64)
    high = np.array([p.high for p in pledges], dtype=np.float64)
    stated = np.array([p.lead_time_days if p.lead_time_days is not None else np.nan for p in pledges])
    arrives = rng.random((n, len(pledges))) < chance
    size = low + rng.random((n, len(pledges))) * (high - low)
    slip = rng.choice(reference.slippage, size=(n, 1))
    lead = np.broadcast_to(stated * slip, (n, len(pledges))).copy()
    missing = np.isnan(stated)
    if missing.any():
        lead[:, missing] = rng.lognormal(np.log(UNKNOWN_LEAD_MEDIAN_DAYS), UNKNOWN_LEAD_SD, size=(n, int(missing.sum())))
    ready_day = lead + rng.uniform(*TRAINING_DAYS, size=(n, len(pledges)))
    # The first month-end on or after the day a pledge is ready; past the horizon goes to a spare slot.
    month = np.searchsorted(DAYS, ready_day, side="left")
    slots = len(DAYS) + 1
    flat = (np.arange(n)[:, None] * slots + month).ravel()
    arrivals = np.bincount(flat, weights=np.where(arrives, size, 0.0).ravel(), minlength=n * slots)
    strength = arrivals.reshape(n, slots)[:, :len(DAYS)].cumsum(axis=1)
    return (strength + mission.troops_at_authorization).astype(np.float32)
