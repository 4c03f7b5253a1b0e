"""Forecasts of the force's build-up: for the ledger's mission or a mission file, and the
leave-one-mission-out back-test on past UN missions."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from stabforce.engines.camps import Camp, CampsPicture, camps, capacity_by_sector
from stabforce.engines.forecast import history as hist
from stabforce.engines.forecast.backtest import BacktestResult, backtest
from stabforce.engines.forecast.inputs import MissionInput, PledgeInput, mission_from_json
from stabforce.engines.forecast.reference import ReferenceModel, fit_reference
from stabforce.engines.forecast.simulate import DAYS, ForecastResult, arrival_chance, capped_pledges, simulate
from stabforce.errors import InvalidInput, NotFound
from stabforce.ledger.vocab import Stance
from stabforce.services.picture import Picture, Pictures
from stabforce.settings import Settings

MISSIONS_FILE, MONTHLY_FILE = "missions.csv", "ipi_mission_month.csv"
MONTHS = (3, 6, 12, 24)


@dataclass(frozen=True)
class ScenarioForecast:
    """A forecast of the ledger's mission, with the ledger state and day it was made from."""

    result: ForecastResult
    as_of: date
    known_at: datetime | None
    ledger_head: tuple[int, str]
    target: int
    observed: tuple[int, float] | None = None
    #: the ledger's camps on `as_of`, those the forecast could not use included
    camps: CampsPicture | None = None


def history_folder(settings: Settings) -> Path:
    """Return the folder of past missions: the setting, or the nearest shared/data/peacekeeping."""
    if settings.peacekeeping_data:
        folder = Path(settings.peacekeeping_data)
    else:
        starts = [Path.cwd(), Path(__file__).resolve()]
        candidates = [p / "shared" / "data" / "peacekeeping" for s in starts for p in [s, *s.parents]]
        folder = next((c for c in candidates if (c / MISSIONS_FILE).is_file()), candidates[0])
    if not (folder / MISSIONS_FILE).is_file() or not (folder / MONTHLY_FILE).is_file():
        raise NotFound(f"no {MISSIONS_FILE} and {MONTHLY_FILE} in {folder}; set STABFORCE_PEACEKEEPING_DATA",
                       folder=str(folder))
    return folder


def load_history(folder: Path) -> list[hist.HistoricalMission]:
    """Read the past missions and their monthly strengths."""
    with (folder / MISSIONS_FILE).open(encoding="utf-8") as missions, \
            (folder / MONTHLY_FILE).open(encoding="utf-8") as monthly:
        return hist.parse_history(list(csv.DictReader(missions)), list(csv.DictReader(monthly)))


def reference_model(settings: Settings) -> ReferenceModel:
    """Fit the reference class on every past mission."""
    return fit_reference(load_history(history_folder(settings)))


def mission_from_picture(picture: Picture, *, as_of: date, housing: CampsPicture | None = None
                         ) -> tuple[MissionInput, int]:
    """Turn the ledger's picture into forecast inputs: mandate date, troop requirement, pledges, camps.

    The ISF is not a UN force (non-UN funding), has no ready pool or force to re-hat, and counts the
    troops deployed on the mandate's day. Each counted contributor's troop figures become a pledge
    with its current stance, its longest stated lead time and its caveats (pledges' and stance's); its
    sector is the one sector of the camps prepared for it, if any. The camps are the ledger's camps of
    known capacity, sector and opening day (`housing`, default: folded from the picture).
    """
    snap, fg = picture.snapshot, picture.forcegen
    housing = camps(snap) if housing is None else housing
    mandate = snap.current("mission_authorized", "mission:gaza-isf")
    authorized = date.fromisoformat(mandate.payload["adopted"]) if mandate else as_of
    troops = next((g for g in fg.personnel_gaps if g.personnel_kind == "troops"), None)
    if troops is None:
        raise NotFound("the ledger has no troop requirement to forecast against", field="requirement")
    pledges = []
    for c in fg.contributors:
        figures = c.figures.get("troops")
        if not c.counted or figures is None or figures.high == 0:
            continue
        leads = [p.current.payload.get("lead_time_days") for p in c.pledges if p.personnel_kind == "troops"]
        # a pledge in words only ("will send troops"): size unknown (high None), at least its floor if any
        pledges.append(PledgeInput(contributor=c.iso3, low=figures.low or None if figures.high is None else figures.low,
                                   high=figures.high,
                                   stance=c.stance or Stance.CONSIDERING.value,
                                   lead_time_days=max((d for d in leads if d is not None), default=None),
                                   caveats=tuple(sorted(c.caveats)), sector=housing.sector_of(c.iso3)))
    mission = MissionInput(mission="gaza-isf", authorized=authorized, military_ceiling=troops.required,
                           troops_at_authorization=0, transfer_of_authority=None, ready_pool=False,
                           organization="non-UN", pledges=tuple(pledges), camps=housing.inputs(authorized))
    return mission, troops.required


def forecast_scenario(pictures: Pictures, settings: Settings, *, as_of: date, known_at: datetime | None,
                      runs: int, seed: int) -> ScenarioForecast:
    """Forecast the ledger's mission as known at `known_at` (cached per ledger state)."""
    view = pictures.facts()

    def compute() -> ScenarioForecast:
        picture = pictures.get(as_of=as_of, known_at=known_at, view=view)
        housing = camps(picture.snapshot)
        mission, target = mission_from_picture(picture, as_of=as_of, housing=housing)
        troops = picture.forcegen.totals.get("troops")
        deployed = troops.deployed if troops is not None else None  # None: no arrival recorded, not 0
        month = _months_between(mission.authorized, as_of)
        observed = (month, float(deployed)) if deployed is not None and 0 < month <= 24 else None
        result = simulate(mission, reference_model(settings), runs=runs, seed=seed, observed=observed)
        return ScenarioForecast(result, as_of, known_at, view[1], target, observed, housing)

    return pictures.memo(("forecast", as_of, known_at, runs, seed), compute, head=view[1])


def _months_between(start: date, day: date) -> int:
    """Return the last month k (0..25) whose month-end after `start` is on or before `day`."""
    k = 0
    while k <= 24 and hist.month_end(start, k + 1) <= day:
        k += 1
    return k


def forecast_file(path: Path, settings: Settings, *, runs: int, seed: int) -> ForecastResult:
    """Forecast a mission described in a JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path.name} is not JSON: {exc.msg} (line {exc.lineno})", field="") from None
    mission = mission_from_json(data)
    return simulate(mission, reference_model(settings), runs=runs, seed=seed)


def run_backtest(settings: Settings, *, runs: int, seed: int) -> BacktestResult:
    """Leave each past mission out in turn, forecast it from the rest, and score the forecasts."""
    return backtest(load_history(history_folder(settings)), runs=runs, seed=seed)


def forecast_view(result: ForecastResult, *, target: int | None = None,
                  housing: CampsPicture | None = None) -> dict[str, Any]:
    """Return a forecast as plain JSON: months 3/6/12/24, seed, runs, method, inputs (camps used and
    pledges held to them included), target dates, and the ledger's camps (`housing`) with their sources."""
    inputs = result.inputs
    out: dict[str, Any] = {
        "mission": inputs.mission, "authorized": inputs.authorized.isoformat(), "seed": result.seed,
        "runs": result.runs, "method": result.method,
        "months": {str(k): v for k, v in result.months(MONTHS).items()},
        "inputs": _inputs_json(inputs), "assumptions": list(result.assumptions),
    }
    if housing is not None:
        out["camps"] = [_camp_json(c, inputs.authorized) for c in housing.camps]
    if target:
        out["targets"] = {f"{share}%": _target_view(result, target * share / 100, inputs.authorized)
                          for share in (50, 80)}
    return out


def fan(result: ForecastResult) -> dict[str, list[Any]]:
    """Return P10/P50/P90 troops at each month-end after authorization, with the dates."""
    start = result.inputs.authorized
    return {"labels": [(start + timedelta(days=int(d))).isoformat() for d in result.days],
            "p10": [round(float(v)) for v in result.p10], "p50": [round(float(v)) for v in result.p50],
            "p90": [round(float(v)) for v in result.p90]}


def _target_view(result: ForecastResult, target: float, start: date) -> dict[str, Any]:
    median = result.median_date(target)
    probs = result.probability_by(target)
    checkpoints = {(start + timedelta(days=int(result.days[k]))).isoformat(): round(float(probs[k]), 3)
                   for k in (6, 12, 18, 24)}
    return {"troops": round(target), "median_date": median.isoformat() if median else None,
            "probability_by": checkpoints}


def _inputs_json(mission: MissionInput) -> dict[str, Any]:
    return {
        "authorized": mission.authorized.isoformat(), "military_ceiling": mission.military_ceiling,
        "troops_at_authorization": mission.troops_at_authorization,
        "transfer_of_authority": mission.transfer_of_authority.isoformat() if mission.transfer_of_authority else None,
        "ready_pool": mission.ready_pool, "organization": mission.organization,
        "pledges": [{"contributor": p.contributor, "low": p.low, "high": p.high, "stance": p.stance,
                     "lead_time_days": p.lead_time_days, "caveats": list(p.caveats), "sector": p.sector,
                     "arrival_chance": round(arrival_chance(p), 4)} for p in mission.pledges],
        "camps": [{"name": c.name, "sector": c.sector, "capacity": c.capacity, "ready_day": c.ready_day,
                   "closed_day": c.closed_day} for c in mission.camps],
        "capped": [{"contributor": p.contributor, "sector": p.sector} for p in capped_pledges(mission)],
        "sector_capacity": {sector: {str(k): int(row[k]) for k in (0, *MONTHS)}
                            for sector, row in sorted(capacity_by_sector(mission.camps, DAYS).items())},
    }


def _camp_json(camp: Camp, start: date) -> dict[str, Any]:
    """A ledger camp for the forecast's faces: what it holds, when, whether the forecast used it, the source."""
    fact, used = camp.fact, camp.input(start) is not None
    return {"camp": camp.subject.partition(":")[2], "name": camp.name, "sector": camp.sector, "status": camp.status,
            "capacity": fact.payload.get("capacity"), "capacity_high": fact.payload.get("capacity_high"),
            "approx": fact.payload.get("approx", False), "capacity_text": _capacity_text(fact.payload),
            "ready_on": fact.payload.get("ready_on"),
            "counted_from": camp.opens.isoformat() if camp.opens else None,
            "closed_on": camp.closes.isoformat() if camp.closes else None,
            "for_contributor": camp.for_contributor, "used": used,
            "unused": None if used else camp.unused or "closed before authorization",
            "fact": fact.id, "grade": fact.grade,
            "source": {"key": fact.source.key, "url": fact.source.url, "title": fact.source.title,
                       "date": fact.source.date.isoformat() if fact.source.date else None}}


def _capacity_text(payload: Mapping[str, Any]) -> str:
    """Say a camp's capacity as reported: "5,000", "about 20,000–25,000", "up to 5,000" or "not reported"."""
    low, high = payload.get("capacity"), payload.get("capacity_high")
    about = "about " if payload.get("approx") else ""
    if low is None and high is None:
        return "not reported"
    if low is None:
        return f"up to {about}{high:,}"
    return f"{about}{low:,}" + (f"–{high:,}" if high is not None and high != low else "")
