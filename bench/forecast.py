"""Forecast benchmark: the Gaza scenario forecast with 1,000,000 runs, timed as two ratios measured in
this run: (a) against a straightforward SimPy discrete-event model of the same bottom-up build-up (run on
fewer runs and scaled per run), (b) against the bare cost of drawing the same random inputs with NumPy:
the forecast's own draw calls (`Runs.draw`: the same generator methods, dtypes, shapes and chunks, into the
same reused buffers) with none of its arithmetic, checked to leave the generator where the forecast does.

Each of the three is timed --repeat times (default 3) and the fastest kept; the first forecast's time is
printed too (it pays a fresh process's first touch of its 100 MB result).

    .venv/bin/python bench/forecast.py [--runs 1000000] [--simpy-runs 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from typing import TypeVar

import numpy as np
import simpy

from stabforce.engines.forecast import simulate as forecast_simulate
from stabforce.engines.forecast.history import HistoricalMission
from stabforce.engines.forecast.inputs import MissionInput, PledgeInput
from stabforce.engines.forecast.reference import ReferenceModel, fit_reference
from stabforce.engines.forecast.simulate import (
    CHUNK,
    DAYS,
    TRAINING_DAYS,
    UNKNOWN_LEAD_MEDIAN_DAYS,
    Runs,
    arrival_chance,
    default_blend,
    simulate,
)

T = TypeVar("T")
GAZA = MissionInput("gaza-isf", date(2025, 11, 17), 20000, 0, None, False, "non-UN", (
    PledgeInput("IDN", 600, 8000, "committed", 180), PledgeInput("PAK", 9000, 20000, "considering", None),
    *(PledgeInput(c, 100, 1000, "committed", None) for c in ("MAR", "KAZ", "ALB", "XKX"))))


def reference():  # type: ignore[no-untyped-def]
    """A small synthetic reference class (the benchmark measures speed, not skill)."""
    curves = [[0, .5, .9, 1.0], [0, .05, .1, .2, .3, .4, .5, .6, .7], [0, .3, .4, .45, .5]]
    history = [HistoricalMission(MissionInput(f"m{i}", date(2010, 1, 1), 1000, 0, None, False, "UN"),
                                 np.array((c + [c[-1]] * 25)[:25]) * 1000) for i, c in enumerate(curves)]
    return fit_reference(history)


def _pledge(env: simpy.Environment, p: PledgeInput, rng: np.random.Generator, strength: list[float]):  # type: ignore[no-untyped-def]
    if rng.random() >= arrival_chance(p):
        return
    size = p.low + rng.random() * (p.high - p.low)
    lead = p.lead_time_days if p.lead_time_days is not None else rng.lognormal(np.log(UNKNOWN_LEAD_MEDIAN_DAYS), 0.5)
    yield env.timeout(lead + rng.uniform(*TRAINING_DAYS))
    strength[0] += size


def _observer(env: simpy.Environment, strength: list[float], samples: list[float]):  # type: ignore[no-untyped-def]
    for day in DAYS:
        yield env.timeout(day - env.now)
        samples.append(strength[0])


def simpy_runs(runs: int, seed: int) -> np.ndarray:
    """The same bottom-up build-up as a discrete-event model: one process per pledge per run."""
    rng = np.random.default_rng(seed)
    out = np.zeros((runs, len(DAYS)))
    for r in range(runs):
        env = simpy.Environment()
        strength: list[float] = [0.0]
        samples: list[float] = []
        for p in GAZA.pledges:
            env.process(_pledge(env, p, rng, strength))
        env.process(_observer(env, strength, samples))
        env.run()
        out[r] = samples
    return out


def bare_draws(runs: int, seed: int, ref: ReferenceModel) -> np.random.Generator:
    """Draw the random inputs the vectorised forecast draws, exactly as it draws them, and nothing else."""
    rng = np.random.default_rng(seed)
    draws = Runs(GAZA, ref, default_blend(GAZA), None)
    for start in range(0, runs, CHUNK):
        draws.draw(min(CHUNK, runs - start), rng)
    return rng


def same_draws(runs: int, seed: int, ref: ReferenceModel) -> bool:
    """Whether simulate() takes from its generator exactly what the floor takes (same seed, same final state)."""
    made: list[np.random.Generator] = []
    original = forecast_simulate.default_rng
    forecast_simulate.default_rng = lambda s: made.append(original(s)) or made[-1]  # type: ignore[assignment]
    try:
        simulate(GAZA, ref, runs=runs, seed=seed)
    finally:
        forecast_simulate.default_rng = original
    return made[0].bit_generator.state == bare_draws(runs, seed, ref).bit_generator.state


def fastest(repeat: int, run: Callable[[], T]) -> tuple[float, float, T]:
    """Time `run` `repeat` times: the fastest time, the first time and the last value."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        value = run()
        times.append(time.perf_counter() - started)
    return min(times), times[0], value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1_000_000)
    parser.add_argument("--simpy-runs", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3, help="time each of the three this many times, keep the fastest")
    args = parser.parse_args()
    ref = reference()
    vectorised, first, result = fastest(args.repeat, lambda: simulate(GAZA, ref, runs=args.runs, seed=2803))
    simpy_time, _, _ = fastest(args.repeat, lambda: simpy_runs(args.simpy_runs, 2803))
    floor, first_floor, _ = fastest(args.repeat, lambda: bare_draws(args.runs, 2803, ref))
    if not same_draws(args.runs, 2803, ref):
        raise SystemExit("the floor does not draw what the forecast draws")
    per_run, per_run_simpy = vectorised / args.runs, simpy_time / args.simpy_runs
    print(f"forecast: {args.runs:,} runs in {vectorised:.2f} s ({per_run * 1e6:.2f} µs/run; fastest of {args.repeat}, "
          f"first {first:.2f} s); P50 at 12 months {result.months((12,))[12]['p50']:,.0f} troops")
    print(f"SimPy model: {per_run_simpy * 1e6:.1f} µs/run over {args.simpy_runs:,} runs; bare NumPy draws: {floor:.3f} s "
          f"(first {first_floor:.3f} s)")
    print(f"speedup_vs_simpy={per_run_simpy / per_run:.0f} rng_floor_ratio={vectorised / floor:.2f}")

if __name__ == "__main__":
    main()
