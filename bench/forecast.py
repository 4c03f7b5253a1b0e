"""Forecast benchmark: the Gaza scenario forecast with 1,000,000 runs, timed as two ratios measured in
this run: (a) against a straightforward SimPy discrete-event model of the same bottom-up build-up (run on
fewer runs and scaled per run), (b) against the bare cost of drawing the same random inputs with NumPy.

    .venv/bin/python bench/forecast.py [--runs 1000000] [--simpy-runs 2000]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import numpy as np
import simpy

from stabforce.engines.forecast.history import HistoricalMission
from stabforce.engines.forecast.inputs import MissionInput, PledgeInput
from stabforce.engines.forecast.reference import fit_reference
from stabforce.engines.forecast.simulate import ARRIVAL, DAYS, TRAINING_DAYS, UNKNOWN_LEAD_MEDIAN_DAYS, simulate

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
    if rng.random() >= ARRIVAL[p.stance]:
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


def bare_draws(runs: int, seed: int) -> None:
    """Draw the random inputs the vectorised forecast needs, and nothing else."""
    rng = np.random.default_rng(seed)
    n, p = runs, len(GAZA.pledges)
    unknown = sum(1 for x in GAZA.pledges if x.lead_time_days is None)
    rng.random((n, p)), rng.random((n, p)), rng.lognormal(0, 0.5, (n, unknown)), rng.uniform(21, 60, (n, p))
    rng.choice(3, size=n), rng.lognormal(0, 0.3, (n, 1)), rng.random(n), rng.choice(3, size=(n, 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1_000_000)
    parser.add_argument("--simpy-runs", type=int, default=2_000)
    args = parser.parse_args()
    ref = reference()
    started = time.perf_counter()
    result = simulate(GAZA, ref, runs=args.runs, seed=2803)
    vectorised = time.perf_counter() - started
    started = time.perf_counter()
    simpy_runs(args.simpy_runs, 2803)
    per_run_simpy = (time.perf_counter() - started) / args.simpy_runs
    started = time.perf_counter()
    bare_draws(args.runs, 2803)
    floor = time.perf_counter() - started
    per_run = vectorised / args.runs
    print(f"forecast: {args.runs:,} runs in {vectorised:.2f} s ({per_run * 1e6:.2f} µs/run); P50 at 12 months "
          f"{result.months((12,))[12]['p50']:,.0f} troops")
    print(f"SimPy model: {per_run_simpy * 1e6:.1f} µs/run over {args.simpy_runs:,} runs; bare NumPy draws: {floor:.2f} s")
    print(f"speedup_vs_simpy={per_run_simpy / per_run:.0f} rng_floor_ratio={vectorised / floor:.2f}")


if __name__ == "__main__":
    main()
