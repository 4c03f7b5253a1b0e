"""Past missions and their monthly troop strengths, parsed from rows (no file access here).

Month k of a mission is the month-end of the calendar month that holds `authorized` + k months
(UNIFIL, authorized 2006-08-11: k=0 is 2006-08-31, k=1 is 2006-09-30).
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from stabforce.engines.forecast.inputs import MissionInput

HORIZON_MONTHS = 24
#: The month whose troops per contributing country stand for a contingent's size (`contingent`): a year
#: in, when most contingents of a build-up are there.
CONTINGENT_MONTH = 12
#: Months of each past series kept: beyond the horizon, so that a curve re-aligned on an earlier
#: transfer of authority (see `reference`) still covers the whole horizon.
SERIES_MONTHS = 36


@dataclass(frozen=True)
class HistoricalMission:
    """A past build-up: its inputs at authorization and its troops at month-ends 0..SERIES_MONTHS
    (NaN = not reported)."""

    inputs: MissionInput
    monthly: np.ndarray = field(repr=False)
    #: troops per contributing country at month CONTINGENT_MONTH (NaN: not reported). The data hold no
    #: contingent's own size, only each mission's troops and number of contributors; this average is
    #: what they say about the size of one country's contingent.
    contingent: float = float("nan")

    @property
    def name(self) -> str:
        """Return the mission's name."""
        return self.inputs.mission

    def gain_share(self) -> np.ndarray:
        """Return (troops − troops at authorization) / (ceiling − troops at authorization) by month."""
        base = self.inputs.troops_at_authorization
        return (self.monthly - base) / max(1, self.inputs.military_ceiling - base)


def start_month(mission: MissionInput) -> int:
    """Return the month k at whose month-end a re-hatted force is in (the first month-end on or after
    the transfer of authority); 0 for a mission without one."""
    toa = mission.transfer_of_authority
    k = 0
    while toa is not None and month_end(mission.authorized, k) < toa:
        k += 1
    return k


def month_end(start: date, k: int) -> date:
    """Return the last day of the month that holds `start` + k months."""
    year, month = divmod(start.month - 1 + k, 12)
    year, month = start.year + year, month + 1
    return date(year, month, monthrange(year, month)[1])


def parse_history(missions: Iterable[Mapping[str, str]], monthly: Iterable[Mapping[str, str]]) -> list[HistoricalMission]:
    """Build the past missions from missions.csv rows and ipi_mission_month.csv rows."""
    troops: dict[tuple[str, str], float] = {}
    contributors: dict[tuple[str, str], float] = {}
    for row in monthly:
        value, count = row.get("Troops", "NA"), row.get("Number of Contributors", "NA")
        troops[(row["Mission"], row["Date"])] = float(value) if value not in ("NA", "", None) else np.nan
        contributors[(row["Mission"], row["Date"])] = float(count) if count not in ("NA", "", None, "0") else np.nan
    found = []
    for row in missions:
        authorized = date.fromisoformat(row["authorized"])
        toa = row.get("transfer_of_authority") or ""
        inputs = MissionInput(
            mission=row["mission"], authorized=authorized, military_ceiling=int(row["military_ceiling"]),
            troops_at_authorization=int(row.get("troops_at_authorization") or 0),
            transfer_of_authority=date.fromisoformat(toa) if toa else None,
            ready_pool=row.get("ready_pool", "").strip().lower() == "yes",
            organization=row.get("organization") or "UN",
        )
        series = np.array([troops.get((inputs.mission, month_end(authorized, k).isoformat()), np.nan)
                           for k in range(SERIES_MONTHS + 1)])
        at = (inputs.mission, month_end(authorized, CONTINGENT_MONTH).isoformat())
        contingent = troops.get(at, np.nan) / contributors.get(at, np.nan)
        if np.isfinite(series[1:HORIZON_MONTHS + 1]).any():
            found.append(HistoricalMission(inputs, series, float(contingent)))
    return found
