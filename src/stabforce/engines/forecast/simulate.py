"""simulate(): troops on the ground by month, a bottom-up Monte Carlo over pledges blended with the
reference class of past missions.

How it runs (see `Runs`): chunks of CHUNK runs, each laid out months × runs in float32 in buffers reused
from chunk to chunk. A chunk first draws all its random inputs — how many runs are bottom-up (one
binomial; runs are exchangeable), their pledges' uniforms and log lead times, and for the other runs how
many follow each past curve (one multinomial) and their spreads — and only those; then the arithmetic
turns them into strengths (pledge arrivals scattered into months with one `add.at`, summed month by
month; arrivals into a sector with camps are summed apart and held to its camp capacity). P10/P50/P90
are exact order statistics of all runs, found without keeping every run (`streamed`).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np
from numpy.random import default_rng  # imported here, not lazily on the first forecast

from stabforce.engines.camps import capacity_by_sector
from stabforce.engines.forecast.history import HORIZON_MONTHS
from stabforce.engines.forecast.inputs import CampInput, MissionInput, PledgeInput
from stabforce.engines.forecast.reference import MAX_SHARE, NON_UN_SPREAD, ReferenceModel
from stabforce.errors import InvalidInput
from stabforce.ledger.vocab import DEPLOY_CONDITIONS

DAYS = np.round(np.arange(HORIZON_MONTHS + 1) * 30.44).astype(np.int32)
#: Chance that a pledge turns into troops on the ground, by the contributor's stance.
ARRIVAL = {"committed": 0.9, "conditional": 0.6, "considering": 0.4, "interested": 0.25, "declined": 0.0,
           "withdrawn": 0.0}
#: Modelling assumption, not a measured number: each caveat that is a condition for deploying at all
#: (`vocab.DEPLOY_CONDITIONS`: full ceasefire, parliament approval, PA consent, UN mandate) multiplies the
#: arrival chance by this, as the chance that the condition is met in time. No data set gives it.
CONDITION_FACTOR = 0.8
UNKNOWN_LEAD_MEDIAN_DAYS, UNKNOWN_LEAD_SD = 150.0, 0.5
TRAINING_DAYS = (21.0, 60.0)
MAX_BLEND = 0.8
LEVELS = np.linspace(0, 100, 101)
#: Runs per chunk: a chunk's months × runs arrays and random inputs stay in a core's cache.
CHUNK = 25_000
#: Runs whose running maximum gives `ForecastResult.reached` (whole chunks, so a fair sample). Its 101
#: levels resolve 1%; from 100,000 runs a share's sampling error is at most 0.16%, well inside that.
REACHED_RUNS = 100_000
#: Streamed percentiles: the first PILOT_RUNS runs (whole chunks) locate each percentile; of later runs only
#: those within BRACKET (as a share of runs) of it on either side are kept, the rest only counted.
PILOT_RUNS, BRACKET = 50_000, 0.015
#: Runs sampled from a month to see whether it holds many equal values (then it is sorted, not partitioned).
TIE_SAMPLE, MAX_TIES = 10_000, 0.03
OBSERVED_TOLERANCE = 0.02
MAX_DRAWS = 20
METHOD = (
    "Each run is drawn from one of two models. Bottom-up: each pledge arrives with a chance set by its "
    "stance (committed 0.9, conditional 0.6, considering 0.4, interested 0.25, declined 0), times "
    f"{CONDITION_FACTOR} for each caveat that is a condition for deploying at all (full ceasefire, parliament "
    f"approval, PA consent, UN mandate; {CONDITION_FACTOR} is a modelling assumption, not a measured number), "
    "with a size uniform in its range, after its lead time (stated ones stretched by the slippage past "
    "missions showed against a three-month promise; unknown ones log-normal, median 150 days) plus 3-8 weeks "
    "of training; troops of a pledge housed in a sector with camps of known capacity wait until there is "
    "room: on the ground in that sector = the lesser of arrivals so far and the capacity of its open camps "
    "(pledges with no sector, or in a sector with no camp of known capacity, are not held back). Reference "
    "class: a past mission's build-up curve (weighted toward missions with the same ready-pool and re-hatting "
    "conditions) scaled to this ceiling, with log-normal spread. The share of bottom-up runs is the expected "
    "pledged strength over the ceiling, at most 0.8; with no pledges every run uses the reference class; "
    "reference-class runs have no sectors and are not held to camps. Where troops on the ground are known at "
    "a later month, only runs within 2% of the ceiling of that figure are kept. A pledge of unknown size (a "
    "country committed without a figure) draws its size run by run from the sizes the mission's other pledges "
    "state (one of them at random, uniform in its range, at least the pledge's own floor if it states one); "
    "when no pledge states a size, from the troops per contributing country a year into the past UN missions "
    "(IPI data: their own contingents' sizes are not in the data). No run exceeds the military ceiling unless "
    "a pledge explicitly exceeds it: each run is capped at the ceiling, or at that pledge's figure."
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
    #: assumptions the inputs forced (how sizes not stated were drawn), in words for every face
    assumptions: tuple[str, ...] = ()

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
             camps: Sequence[CampInput] | None = None, blend: float | None = None,
             observed: tuple[int, float] | None = None) -> ForecastResult:
    """Forecast troops on the ground at month-ends 0..24 after authorization.

    Parameters
    ----------
    mission:
        The mission, its pledges and camps.
    reference:
        The fitted reference class.
    runs:
        Monte Carlo runs (processed in chunks, so a million fit in memory).
    seed:
        Seed of the NumPy generator; the result states it. Same seed, same numbers.
    camps:
        Camps housing the troops, instead of the mission's own (`mission.camps`); the result's `inputs` hold
        the camps used. In bottom-up runs the troops of pledges whose `sector` has a camp are held to the
        capacity of that sector's open camps, month by month: on the ground in sector s at month m =
        min(cumulative arrivals into s by m, capacity of s at m). Capacity only grows as camps open, unless
        a camp closes: then troops above the new capacity leave the sector's count (they wait, as arrivals
        not yet housed, until there is room again). Pledges without a sector, or in a sector with no camp,
        are not held back, nor are reference-class runs (they have no sectors).
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
    if runs < 1:
        raise InvalidInput("no runs", field="runs")
    if camps is not None:
        mission = replace(mission, camps=tuple(camps))
    rng = default_rng(seed)
    weight = default_blend(mission, reference) if blend is None else blend
    runner = Runs(mission, reference, weight)
    if observed is None:
        ranks = [_rank(q, runs) for q in (10, 50, 90)]
        values, reached = runner.streamed(runs, rng, ranks)
        if values is None:  # a month's bracket missed its rank (rare): run again, keeping every run
            by_month, reached = runner.all(runs, default_rng(seed))
            values = order_statistics(by_month, ranks)
    else:
        by_month = runner.kept(runs, rng, observed)
        runs = by_month.shape[1]
        reached = running_max(by_month[:, :min(runs, REACHED_RUNS)])  # kept runs are shuffled: a fair sample
        values = order_statistics(by_month, [_rank(q, runs) for q in (10, 50, 90)])
    p10, p50, p90 = values.T
    # When targets are reached: 101 quantiles of the running maximum, read from REACHED_RUNS runs
    # (runs are exchangeable, and 101 levels resolve 1% anyway).
    reached.sort(axis=1)
    levels = reached[:, [_rank(q, reached.shape[1]) for q in LEVELS]].astype(float)
    assumed = unknown_size_assumption(mission, reference)
    return ForecastResult(mission, seed, runs, weight, METHOD, DAYS.copy(), p10, p50, p90, levels,
                          (assumed,) if assumed else ())


def order_statistics(rows: np.ndarray, ranks: list[int]) -> np.ndarray:
    """Return each row's values at these ranks (0 = smallest), as if the row were sorted; reorders the rows.

    A row is partitioned around the ranks (about half the time of sorting it), unless a sample of it shows
    many equal values, as early months do (most runs still at the troops there at authorization): NumPy's
    partition slows down badly on those, its sort does not."""
    out = np.empty((len(rows), len(ranks)))
    for i, row in enumerate(rows):
        sample = np.sort(row[::max(1, len(row) // TIE_SAMPLE)])
        if len(sample) == len(row) or np.count_nonzero(sample[1:] == sample[:-1]) > MAX_TIES * len(sample):
            row.sort()
        else:
            _partition(row, sorted(set(ranks)))
        out[i] = row[ranks]
    return out


def _partition(values: np.ndarray, ranks: list[int]) -> None:
    """Put the values at these sorted ranks where sorting would, one partition per rank."""
    if ranks:
        middle = ranks[len(ranks) // 2]
        values.partition(middle)
        _partition(values[:middle], [r for r in ranks if r < middle])
        _partition(values[middle + 1:], [r - middle - 1 for r in ranks if r > middle])


def running_max(strength: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Return the running maximum over months (axis 0) of months × runs strengths."""
    out = np.empty_like(strength) if out is None else out
    out[0] = strength[0]
    for k in range(1, len(strength)):  # row by row: faster than maximum.accumulate(axis=0) into a strided view
        np.maximum(out[k - 1], strength[k], out=out[k])
    return out


def _rank(percent: float, n: int) -> int:
    """Return the index of the `percent` quantile in n sorted values (nearest rank)."""
    return min(n - 1, max(0, int(np.ceil(percent / 100 * n)) - 1))


def default_blend(mission: MissionInput, reference: ReferenceModel | None = None) -> float:
    """Return the share of bottom-up runs: expected pledged troops over the room under the ceiling."""
    room = max(1, mission.military_ceiling - mission.troops_at_authorization)
    lows, spans, _ = size_pool(mission, reference)
    unknown = float(np.mean(lows + spans / 2)) if len(lows) else 0.0
    expected = sum(arrival_chance(p) * ((p.low or 0) + p.high) / 2 if p.high is not None
                   else arrival_chance(p) * max(p.low or 0, unknown) for p in mission.pledges)
    return float(min(MAX_BLEND, expected / room))


def size_pool(mission: MissionInput, reference: ReferenceModel | None) -> tuple[np.ndarray, np.ndarray, str]:
    """Return where a pledge of unknown size draws its size from: (lows, spans) of the ranges one is picked
    from, and the basis in words. The mission's pledges that state a size; if none does, the troops per
    contributing country a year into the past missions (`ReferenceModel.contingents`); else nothing (0)."""
    stated = [((p.low or 0), p.high) for p in mission.pledges if p.high is not None and p.high > 0]
    if stated:
        lows = np.array([low for low, _ in stated], dtype=np.float32)
        return lows, np.array([high for _, high in stated], dtype=np.float32) - lows, (
            f"the sizes the mission's {len(stated)} other pledge(s) with a figure state")
    history = reference.contingents if reference is not None else np.empty(0)
    if len(history):
        return history.astype(np.float32), np.zeros(len(history), dtype=np.float32), (
            f"troops per contributing country a year into {len(history)} past UN missions "
            f"({history.min():,.0f}–{history.max():,.0f})")
    return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32), "nothing: counted as 0 troops"


def unknown_size_assumption(mission: MissionInput, reference: ReferenceModel | None) -> str | None:
    """Say how the sizes of pledges of unknown size are drawn, if the mission has any (None otherwise)."""
    unknown = [p.contributor for p in mission.pledges if p.high is None]
    if not unknown:
        return None
    return (f"Size not stated for {', '.join(unknown)}: drawn in each run from {size_pool(mission, reference)[2]} "
            "(one picked at random, uniform in its range; at least a stated floor). An assumption, not data.")


def arrival_chance(pledge: PledgeInput) -> float:
    """Return the chance that a pledge becomes troops on the ground: `ARRIVAL` by stance, times
    `CONDITION_FACTOR` (a modelling assumption) for each caveat that is a condition for deploying at all."""
    conditions = sum(c in DEPLOY_CONDITIONS for c in set(pledge.caveats))
    return ARRIVAL[pledge.stance] * CONDITION_FACTOR ** conditions


def capped_pledges(mission: MissionInput) -> tuple[PledgeInput, ...]:
    """Return the pledges whose troops are held to camp capacity: those housed in a sector with a camp."""
    sectors = {c.sector for c in mission.camps}
    return tuple(p for p in mission.pledges if p.sector in sectors)


def pledged_strength(mission: MissionInput, reference: ReferenceModel, n: int, rng: np.random.Generator) -> np.ndarray:
    """Return troops on the ground from the pledges alone (n runs × month-ends), troops already there included."""
    runner = Runs(mission, reference, 1.0)
    out = np.empty((len(DAYS), n), dtype=np.float32)
    for start in range(0, n, CHUNK):
        runner.fill(runner.draw(min(CHUNK, n - start), rng), out[:, start:start + CHUNK])
    return out.T


#: Day (rounded up) -> index of the first month-end on or after it; days past the horizon -> a spare slot.
_MONTH_OF_DAY = np.searchsorted(DAYS, np.arange(DAYS[-1] + 2), side="left")


@dataclass
class Draws:
    """The random inputs of one chunk of runs. Runs are exchangeable, so a chunk is laid out by kind: how
    many runs are bottom-up is one binomial draw and they come first; the rest use the reference class,
    grouped by the past curve they follow (how many follow each: one multinomial draw)."""

    bottom_up: int
    uniform: np.ndarray  # 3 × pledges × bottom-up runs: arrival, size, training time
    slip: np.ndarray  # index of the past mission whose slippage stretches stated lead times
    normal: np.ndarray  # pledges without a stated lead time × bottom-up runs: log lead time
    curves: np.ndarray  # runs following each past curve
    spread: np.ndarray  # normal, for the log-normal spread of the curve


class Runs:
    """The runs of one forecast, chunk by chunk: `draw` takes all the random inputs of a chunk from the
    generator (into buffers reused from chunk to chunk), `fill` turns them into troops on the ground,
    months × runs, in float32. Drawing all of a chunk's inputs first keeps the stream of random numbers,
    and so the results, the same for a seed."""

    def __init__(self, mission: MissionInput, reference: ReferenceModel, weight: float,
                 camps: Sequence[CampInput] | None = None):
        """Prepare the runs of `mission` (with these camps instead of its own, if given)."""
        pledges = sorted(mission.pledges, key=lambda p: p.lead_time_days is None)  # stated lead times first
        self.pledges = len(pledges)
        self.stated = sum(p.lead_time_days is not None for p in pledges)
        self.weight = float(min(1.0, weight)) if pledges and weight > 0 else 0.0
        self.chance = np.array([[arrival_chance(p)] for p in pledges], dtype=np.float32)
        # A pledge of unknown size (high None) gets low = span = 0 here; its size is drawn from the pool.
        self.low = np.array([[p.low or 0 if p.high is not None else 0] for p in pledges], dtype=np.float32)
        self.span = np.array([[p.high - (p.low or 0) if p.high is not None else 0] for p in pledges], dtype=np.float32)
        self.unknown = np.array([i for i, p in enumerate(pledges) if p.high is None], dtype=np.intp)
        self.floor = np.array([[pledges[i].low or 0] for i in self.unknown], dtype=np.float32)
        self.pool_low, self.pool_span, _ = size_pool(mission, reference)
        #: no run goes above the ceiling unless a pledge explicitly does (then its figure)
        self.cap = float(mission.stated_maximum())
        self.lead = np.array([[p.lead_time_days] for p in pledges[:self.stated]], dtype=np.float32)
        self.slippage = reference.slippage.astype(np.float32)
        self.base, room = mission.troops_at_authorization, mission.military_ceiling - mission.troops_at_authorization
        self.past_weights = reference.weights(mission)
        self.curves = np.ascontiguousarray(reference.curves_for(mission).T * room, dtype=np.float32)  # months × past missions
        self.bounds = min(0.0, MAX_SHARE * room), max(0.0, MAX_SHARE * room)  # the share's clip, in troops
        self.sd = reference.noise_sd * (NON_UN_SPREAD if mission.organization != "UN" else 1.0)
        self.ceiling = mission.military_ceiling
        # Camps: each sector that has a camp and a pledge housed in it is a group of its own, whose arrivals
        # are summed apart and held to the sector's capacity (sectors × month-ends); group 0 is not held.
        capacity = capacity_by_sector(mission.camps if camps is None else camps, DAYS)
        sectors = sorted({p.sector for p in pledges if p.sector in capacity})
        self.capacity = np.array([capacity[s] for s in sectors], dtype=np.float32).reshape(len(sectors), len(DAYS))
        self.group = np.array([[sectors.index(p.sector) + 1 if p.sector in sectors else 0] for p in pledges],
                              dtype=np.intp)
        p, u = self.pledges, self.pledges - self.stated
        self._uniform = np.empty(3 * p * CHUNK, dtype=np.float32)
        self._normal = np.empty(u * CHUNK, dtype=np.float32)
        self._spread = np.empty(CHUNK, dtype=np.float32)
        self._arrives = np.empty(p * CHUNK, dtype=bool)
        self._slot = np.empty(p * CHUNK, dtype=np.intp)
        self._arrivals = np.empty((len(sectors) + 1) * (len(DAYS) + 1) * CHUNK, dtype=np.float32)
        self._column = np.arange(CHUNK)

    def draw(self, n: int, rng: np.random.Generator) -> Draws:
        """Draw the random inputs of n <= CHUNK runs (views into buffers the next draw overwrites)."""
        b = int(rng.binomial(n, self.weight)) if self.weight > 0 else 0
        p, u, r = self.pledges, self.pledges - self.stated, n - b
        uniform = rng.random(dtype=np.float32, out=self._uniform[:3 * p * b].reshape(3, p, b))
        slip = rng.integers(0, len(self.slippage), size=b if self.stated else 0)
        normal = rng.standard_normal(dtype=np.float32, out=self._normal[:u * b].reshape(u, b))
        curves = rng.multinomial(r, self.past_weights)
        spread = rng.standard_normal(dtype=np.float32, out=self._spread[:r])
        return Draws(b, uniform, slip, normal, curves, spread)

    def fill(self, draws: Draws, out: np.ndarray) -> None:
        """Write troops on the ground for the drawn runs into `out` (month-ends × runs)."""
        b = draws.bottom_up
        if b:
            self._bottom_up(draws, out[:, :b])
        if b < out.shape[1]:
            self._reference(draws, out[:, b:])
        np.minimum(out, self.cap, out=out)

    def _bottom_up(self, draws: Draws, out: np.ndarray) -> None:
        """Pledges arrive by stance and caveats, size uniform in range, after lead time + training; summed by
        month, those housed in a sector with camps held to its capacity."""
        b, k = draws.bottom_up, self.stated
        arrival, size, ready = draws.uniform
        arrives = np.less(arrival, self.chance, out=self._arrives[:arrival.size].reshape(arrival.shape))
        drawn = self._unknown_sizes(size[self.unknown]) if len(self.unknown) else None
        size *= self.span
        size += self.low
        if drawn is not None:
            size[self.unknown] = drawn
        size *= arrives  # troops that arrive; 0 for a pledge that does not
        ready *= TRAINING_DAYS[1] - TRAINING_DAYS[0]
        ready += TRAINING_DAYS[0]
        if k:
            ready[:k] += self.lead * self.slippage[draws.slip]  # stated lead times, stretched
        if k < self.pledges:
            lead = draws.normal
            lead *= UNKNOWN_LEAD_SD
            lead += np.log(UNKNOWN_LEAD_MEDIAN_DAYS)
            ready[k:] += np.exp(lead, out=lead)
        # The first month-end on or after the day a pledge is ready (month-ends are whole days): by table,
        # days past the table's end (the horizon) clipped to its last entry, the spare slot.
        np.ceil(ready, out=ready)
        slot = self._slot[:ready.size].reshape(ready.shape)
        np.copyto(slot, ready, casting="unsafe")
        np.take(_MONTH_OF_DAY * b, slot, out=slot, mode="clip")
        slot += self._column[:b]  # arrivals[month, run] as a flat index, one run per column
        rows, groups = len(DAYS) + 1, len(self.capacity) + 1
        if groups > 1:
            slot += self.group * (rows * b)  # arrivals[group, month, run]
        arrivals = self._arrivals[:groups * rows * b]
        arrivals.fill(0.0)
        np.add.at(arrivals, slot.ravel(), size.ravel())
        arrivals = arrivals.reshape(groups, rows, b)  # the last month row: after the horizon
        free = arrivals[0]
        np.add(free[0], self.base, out=out[0])
        for m in range(1, len(DAYS)):
            np.add(out[m - 1], free[m], out=out[m])
        for held, capacity in zip(arrivals[1:, :-1], self.capacity, strict=True):
            # A sector's queue: on the ground = min(arrivals so far, capacity of its open camps that month).
            np.cumsum(held, axis=0, out=held)
            np.minimum(held, capacity[:, None], out=held)
            out += held

    def _unknown_sizes(self, uniform: np.ndarray) -> np.ndarray:
        """Sizes of pledges of unknown size from their uniforms (unknown pledges × runs): u × K picks one of
        the pool's K ranges (its whole part) and the place in it (its fractional part, again uniform)."""
        k = len(self.pool_low)
        if k == 0:
            return np.broadcast_to(self.floor, uniform.shape).copy()
        scaled = uniform * np.float32(k)
        pick = np.minimum(scaled.astype(np.intp), k - 1)
        scaled -= pick
        drawn = self.pool_low[pick] + scaled * self.pool_span[pick]
        return np.maximum(drawn, self.floor, out=drawn)

    def _reference(self, draws: Draws, out: np.ndarray) -> None:
        """A past curve chosen by weight, times a log-normal spread, the share clipped, scaled to the room."""
        spread = draws.spread
        spread *= self.sd
        np.exp(spread, out=spread)
        start = 0
        for k, count in enumerate(draws.curves):
            if count:
                np.multiply(self.curves[:, k:k + 1], spread[start:start + count], out=out[:, start:start + count])
                start += count
        np.clip(out, *self.bounds, out=out)
        if self.base:
            out += self.base

    def all(self, runs: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """Return troops on the ground for all runs (months × runs) and the running maximum of the first
        REACHED_RUNS of them (whole chunks)."""
        by_month = np.empty((len(DAYS), runs), dtype=np.float32)
        reached = np.empty((len(DAYS), min(runs, REACHED_RUNS)), dtype=np.float32)
        for start in range(0, runs, CHUNK):
            chunk = by_month[:, start:start + CHUNK]
            self.fill(self.draw(chunk.shape[1], rng), chunk)
            if start < reached.shape[1]:
                running_max(chunk, reached[:, start:start + CHUNK])
        return by_month, reached

    def streamed(self, runs: int, rng: np.random.Generator, ranks: list[int]) -> tuple[np.ndarray | None, np.ndarray]:
        """Return the values at these ranks by month (months × ranks; None if a bracket missed its rank) and
        the running maximum of the first REACHED_RUNS runs, without keeping every run: the first PILOT_RUNS
        runs are sorted to place a bracket around each percentile; of every later chunk, only the values in
        a bracket are kept and the values below it counted, by comparison (no sort: sorting float32 is fast
        only on CPUs with AVX-512). Exact: a rank is read from its bracket only when the count below and the
        bracket's size show that it lies there."""
        months, pilot_runs = len(DAYS), min(runs, PILOT_RUNS)
        chunks = np.empty((2, months, CHUNK), dtype=np.float32)  # one is filled while the other is compared
        pilot = np.empty((months, pilot_runs), dtype=np.float32)
        reached = np.empty((months, min(runs, REACHED_RUNS)), dtype=np.float32)
        below = np.zeros((months, len(ranks)), dtype=np.int64)
        inside: list[list[list[np.ndarray]]] = [[[] for _ in ranks] for _ in range(months)]
        edges = np.empty((months, 2 * len(ranks)), dtype=np.float32)
        # A bracket that holds one value (early months: most runs still at the troops there at authorization)
        # keeps only a count of that value, in `tied`.
        point = np.zeros((months, len(ranks)), dtype=bool)
        tied = np.zeros((months, len(ranks)), dtype=np.int64)

        def take(rows: np.ndarray) -> None:  # rows sorted: count what lies below each bracket, keep what lies in it
            at = np.empty(edges.shape, dtype=np.intp)
            for m, row in enumerate(rows):
                at[m] = row.searchsorted(edges[m])
            below[...] += at[:, 0::2]
            tied[...] += np.where(point, at[:, 1::2] - at[:, 0::2], 0)
            for m, (row, bounds) in enumerate(zip(rows, at.tolist(), strict=True)):
                for j in range(len(ranks)):
                    if point[m, j]:
                        continue
                    same = j and bounds[2 * j:2 * j + 2] == bounds[2 * j - 2:2 * j]  # p10 and p50 often share one
                    inside[m][j].append(inside[m][j - 1][-1] if same else row[bounds[2 * j]:bounds[2 * j + 1]].copy())

        below_mask, upto_mask = np.empty(CHUNK, dtype=bool), np.empty(CHUNK, dtype=bool)

        def compare(rows: np.ndarray) -> None:  # rows unsorted: the same counts and values as `take`, without sorting
            n = rows.shape[1]
            lower, upper = below_mask[:n], upto_mask[:n]
            for m, (row, bounds) in enumerate(zip(rows, edges.tolist(), strict=True)):  # a row stays in cache
                under = upto = 0
                for j in range(len(ranks)):
                    if not (j and bounds[2 * j:2 * j + 2] == bounds[2 * j - 2:2 * j]):  # p10 and p50 often share one
                        np.less(row, bounds[2 * j], out=lower)
                        np.less(row, bounds[2 * j + 1], out=upper)
                        under, upto = np.count_nonzero(lower), np.count_nonzero(upper)
                        values = None if point[m, j] else row[np.logical_xor(lower, upper, out=upper)]
                    below[m, j] += under
                    if point[m, j]:
                        tied[m, j] += upto - under
                    else:
                        inside[m][j].append(values)

        # Two cores: one worker compares chunk k (in order, so the result is the same) while this thread draws
        # and fills chunk k + 1; NumPy lets go of the GIL inside each array operation.
        with ThreadPoolExecutor(max_workers=1) as worker:
            pending: list[Future[None] | None] = [None, None]
            for i, start in enumerate(range(0, runs, CHUNK)):
                n, slot = min(CHUNK, runs - start), i % 2
                if (previous := pending[slot]) is not None:
                    previous.result()  # its chunk is compared: the buffer may be refilled
                block = chunks[slot, :, :n]
                self.fill(self.draw(n, rng), block)
                if start < reached.shape[1]:
                    running_max(block, reached[:, start:start + n])
                if start >= pilot_runs:
                    pending[slot] = worker.submit(compare, block)
                    continue
                pilot[:, start:start + n] = block
                if start + n < pilot_runs:
                    continue
                pilot.sort(axis=1)
                if pilot_runs == runs:
                    return pilot[:, ranks].astype(float), reached
                for j, r in enumerate(ranks):  # [lo, next float above hi]: searchsorted counts below each
                    share = (r + 0.5) / runs
                    for k, at in enumerate((int((share - BRACKET) * pilot_runs), int((share + BRACKET) * pilot_runs))):
                        edges[:, 2 * j + k] = (-np.inf if at < 0 else np.inf if at >= pilot_runs
                                               else pilot[:, at] if k == 0 else np.nextafter(pilot[:, at], np.inf))
                point[...] = edges[:, 1::2] == np.nextafter(edges[:, 0::2], np.float32(np.inf))
                take(pilot)
            for done in pending:
                if done is not None:
                    done.result()
        values = np.empty((months, len(ranks)))
        for m in range(months):
            for j, r in enumerate(ranks):
                if point[m, j]:
                    if not below[m, j] <= r < below[m, j] + tied[m, j]:
                        return None, reached
                    values[m, j] = edges[m, 2 * j]
                    continue
                kept = np.concatenate(inside[m][j])
                if not below[m, j] <= r < below[m, j] + len(kept):
                    return None, reached
                kept.partition(r - below[m, j])
                values[m, j] = kept[r - below[m, j]]
        return values, reached

    def kept(self, runs: int, rng: np.random.Generator, observed: tuple[int, float]) -> np.ndarray:
        """Return troops on the ground for up to `runs` runs that agree with the observed figure (months × runs),
        shuffled within each chunk so that any leading share of them is a fair sample."""
        month, troops = observed
        chunk = np.empty((len(DAYS), CHUNK), dtype=np.float32)
        parts, kept, tried = [], 0, 0
        while kept < runs and tried < MAX_DRAWS * runs:
            self.fill(self.draw(CHUNK, rng), chunk)
            tried += CHUNK
            agree = np.flatnonzero(np.abs(chunk[month] - troops) <= OBSERVED_TOLERANCE * self.ceiling)
            parts.append(chunk[:, rng.permutation(agree)[:runs - kept]])
            kept += parts[-1].shape[1]
        if kept == 0:
            raise InvalidInput(f"no run matches {troops:,.0f} troops at month {month}", field="observed")
        return np.concatenate(parts, axis=1) if len(parts) > 1 else parts[0]
