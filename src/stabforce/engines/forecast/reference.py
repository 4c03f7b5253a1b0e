"""The reference class: how far past missions had got toward their ceiling, month by month.

Each past mission gives a curve of its *gain share*: (troops − troops at authorization) /
(ceiling − troops at authorization) at month-ends 0..36, gaps filled from the previous month.

Re-hatting is a step, not deployment speed: a force already in the country becomes the mission's at
its transfer of authority, a date the authorizing resolution sets. So for a target with a transfer of
authority in month T, the curve of a past re-hatted mission (transfer in its month s) is re-aligned
on it: before month T it stays at its level before its own transfer, from month T on it follows its
own course from month s (`curves_for`). Curves of missions without re-hatting, and every curve for a
target without it, are used as they are, counted from authorization. (In the leave-one-out back-test
this re-alignment lowers the CRPS of re-hatted missions such as UNMIL and MINUSMA.)

A forecast draws whole curves (so a slow start stays slow), weighting missions that share the
target's conditions — a ready pool or lead nation, and a force re-hatted at transfer of authority —
`SIMILAR` times more (only 1.5: in the leave-one-out back-test stronger conditioning scored worse, as
13 missions are too few to learn from), and multiplies each drawn curve by a log-normal factor (`noise_sd`), so that
the 13 curves stand for a wider family. All past missions are UN missions: a non-UN force gets no
shift of the curve, only a wider spread (`NON_UN_SPREAD`), since nothing in the data says which way
its funding moves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from stabforce.engines.forecast.history import HORIZON_MONTHS, HistoricalMission, start_month
from stabforce.engines.forecast.inputs import MissionInput

SIMILAR = 1.5
NOISE_SD = 0.25
NON_UN_SPREAD = 1.25
#: A drawn curve's gain share is clipped to [0, MAX_SHARE].
MAX_SHARE = 1.5
#: Months in which the usual promise ("full strength in three months") reaches half of the gain.
PROMISED_HALFWAY_MONTHS = 1.5


@dataclass(frozen=True)
class ReferenceModel:
    """Gain-share curves of past missions with their conditions, ready to sample."""

    names: tuple[str, ...]
    curves: np.ndarray = field(repr=False)  # past missions × month-ends 0..SERIES_MONTHS (or more)
    starts: np.ndarray = field(repr=False)  # month of each one's transfer of authority (0: none)
    ready_pool: np.ndarray = field(repr=False)
    rehatted: np.ndarray = field(repr=False)
    slippage: np.ndarray = field(repr=False)
    noise_sd: float = NOISE_SD
    #: troops per contributing country a year into each past mission that reports it (`HistoricalMission.contingent`)
    contingents: np.ndarray = field(default_factory=lambda: np.empty(0), repr=False)

    def weights(self, mission: MissionInput) -> np.ndarray:
        """Return each past mission's weight for a target with these conditions (they sum to 1)."""
        w = np.ones(len(self.names))
        w *= np.where(self.ready_pool == mission.ready_pool, SIMILAR, 1.0)
        w *= np.where(self.rehatted == (mission.transfer_of_authority is not None), SIMILAR, 1.0)
        return w / w.sum()

    def curves_for(self, mission: MissionInput) -> np.ndarray:
        """Return the past curves as this target would follow them (past missions × month-ends 0..24):
        re-hatted ones re-aligned on the target's transfer of authority, if it has one."""
        out = self.curves[:, :HORIZON_MONTHS + 1].copy()
        if mission.transfer_of_authority is None:
            return out
        target, last = start_month(mission), self.curves.shape[1] - 1
        months = np.arange(HORIZON_MONTHS + 1)
        for i in np.flatnonzero(self.rehatted):
            s = int(self.starts[i])
            before = np.minimum(months, max(s - 1, 0)) if s > 0 else None
            after = np.minimum(s + months - target, last)
            out[i] = np.where(months < target, self.curves[i, before] if before is not None else 0.0,
                              self.curves[i, np.maximum(after, 0)])
        return out

    def sample_shares(self, mission: MissionInput, runs: int, rng: np.random.Generator, *,
                      conditioned: bool = True, noisy: bool = True) -> np.ndarray:
        """Draw `runs` gain-share curves (runs × 25 months) for the target mission.

        With `conditioned=False` and `noisy=False` this is climatology: the past curves as they are,
        counted from authorization, equally weighted.
        """
        if conditioned:
            curves, p = self.curves_for(mission), self.weights(mission)
        else:
            curves, p = self.curves[:, :HORIZON_MONTHS + 1], np.full(len(self.names), 1 / len(self.names))
        picks = curves[rng.choice(len(self.names), size=runs, p=p)]
        if not noisy:
            return picks
        sd = self.noise_sd * (NON_UN_SPREAD if mission.organization != "UN" else 1.0)
        return np.clip(picks * rng.lognormal(0.0, sd, size=(runs, 1)), 0.0, MAX_SHARE)


def fit_reference(history: Sequence[HistoricalMission], *, noise_sd: float = NOISE_SD) -> ReferenceModel:
    """Fit the reference class on past missions (their curves, conditions and slippage)."""
    if not history:
        raise ValueError("the reference class needs at least one past mission")
    length = max(len(m.monthly) for m in history)
    curves = np.array([_filled(m.gain_share(), length) for m in history])
    slippage = np.array([_halfway(c[:HORIZON_MONTHS + 1]) / PROMISED_HALFWAY_MONTHS for c in curves])
    return ReferenceModel(
        names=tuple(m.name for m in history), curves=curves,
        starts=np.array([start_month(m.inputs) for m in history]),
        ready_pool=np.array([m.inputs.ready_pool for m in history]),
        rehatted=np.array([m.inputs.transfer_of_authority is not None for m in history]),
        slippage=np.clip(slippage, 1.0, 12.0), noise_sd=noise_sd,
        contingents=np.array([m.contingent for m in history if np.isfinite(m.contingent)]),
    )


def _filled(share: np.ndarray, length: int) -> np.ndarray:
    """Return the share with gaps (and months past its end, up to `length`) filled from the month before."""
    out = np.full(length, np.nan)
    out[:len(share)] = share
    out[0] = 0.0 if not np.isfinite(out[0]) else out[0]
    for k in range(1, len(out)):
        if not np.isfinite(out[k]):
            out[k] = out[k - 1]
    return np.clip(out, 0.0, MAX_SHARE)


def _halfway(curve: np.ndarray) -> float:
    reached = np.nonzero(curve >= 0.5)[0]
    return float(reached[0]) if len(reached) else float(HORIZON_MONTHS + 6)
