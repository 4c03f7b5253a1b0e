"""What a forecast starts from: the mission and its pledges, validated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from stabforce.errors import InvalidInput
from stabforce.ledger.plausible import MAX_DAYS, MAX_PERSONNEL
from stabforce.ledger.vocab import SECTORS, Caveat

STANCES = ("committed", "conditional", "considering", "interested", "declined", "withdrawn")
MISSION_FIELDS = {"mission", "authorized", "military_ceiling", "troops_at_authorization", "transfer_of_authority",
                  "ready_pool", "organization", "pledges", "camps"}
PLEDGE_FIELDS = {"contributor", "low", "high", "stance", "lead_time_days", "caveats", "sector"}
CAMP_FIELDS = {"sector", "capacity", "ready_day", "closed_day", "name"}
CAVEATS = tuple(Caveat)


@dataclass(frozen=True, slots=True)
class PledgeInput:
    """One contributor's pledged troops (a range), its stance, stated lead time, national caveats
    (`vocab.Caveat` values) and the sector its troops are to be housed in (a key of `vocab.SECTORS`).

    The size may be unknown (a country committed, no figure given): `high` None, with `low` the floor
    if one was stated, else None. `low` None with a `high` is an "up to" figure (0 to high)."""

    contributor: str
    low: int | None
    high: int | None
    stance: str
    lead_time_days: int | None = None
    caveats: tuple[str, ...] = ()
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class CampInput:
    """A camp in a sector holding `capacity` personnel from `ready_day` (days after authorization) until
    `closed_day` (None: not closed)."""

    sector: str
    capacity: int
    ready_day: int = 0
    closed_day: int | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class MissionInput:
    """A mission as known at its authorization."""

    mission: str
    authorized: date
    military_ceiling: int
    troops_at_authorization: int
    transfer_of_authority: date | None
    ready_pool: bool
    organization: str
    pledges: tuple[PledgeInput, ...] = ()
    camps: tuple[CampInput, ...] = ()

    def stated_maximum(self) -> int:
        """Return the most troops the inputs state: the ceiling, the troops there at authorization, or a
        pledge's own figure where one explicitly exceeds the ceiling. No run of a forecast goes above it."""
        figures = [p.high if p.high is not None else p.low or 0 for p in self.pledges]
        return max([self.military_ceiling, self.troops_at_authorization, *figures])


def mission_from_json(data: Any) -> MissionInput:
    """Validate a mission object (the --mission-file format); raise InvalidInput naming the field."""
    if not isinstance(data, Mapping):
        raise InvalidInput("a mission file holds one JSON object", field="")
    _fields(data, MISSION_FIELDS - {"pledges", "camps"}, MISSION_FIELDS, "")
    ceiling = _int(data, "military_ceiling", "", minimum=1, maximum=MAX_PERSONNEL)
    at_auth = _int(data, "troops_at_authorization", "", minimum=0, maximum=MAX_PERSONNEL)
    if data.get("organization") not in ("UN", "non-UN"):
        raise InvalidInput("organization must be \"UN\" or \"non-UN\"", field="organization")
    if not isinstance(data.get("ready_pool"), bool):
        raise InvalidInput("ready_pool must be true or false", field="ready_pool")
    if not isinstance(data.get("mission"), str) or not data["mission"].strip():
        raise InvalidInput("mission must be a non-empty name", field="mission")
    pledges = data.get("pledges") or []
    if not isinstance(pledges, list):
        raise InvalidInput("pledges must be a list", field="pledges")
    camps = [] if data.get("camps") is None else data["camps"]
    if not isinstance(camps, list):
        raise InvalidInput("camps must be a list", field="camps")
    return MissionInput(
        mission=data["mission"], authorized=_day(data, "authorized", ""), military_ceiling=ceiling,
        troops_at_authorization=at_auth,
        transfer_of_authority=_day(data, "transfer_of_authority", "") if data.get("transfer_of_authority") else None,
        ready_pool=data["ready_pool"], organization=data["organization"],
        pledges=tuple(_pledge(p, f"pledges[{i}].") for i, p in enumerate(pledges)),
        camps=tuple(_camp(c, f"camps[{i}].") for i, c in enumerate(camps)),
    )


def _pledge(data: Any, where: str) -> PledgeInput:
    if not isinstance(data, Mapping):
        raise InvalidInput(f"{where.rstrip('.')} must be an object", field=where.rstrip("."))
    _fields(data, {"contributor", "stance"}, PLEDGE_FIELDS, where)
    # null: not stated (a country committed, size unknown): the forecast draws the size (see simulate)
    low = _int(data, "low", where, minimum=0, maximum=MAX_PERSONNEL) if data.get("low") is not None else None
    high = _int(data, "high", where, minimum=0, maximum=MAX_PERSONNEL) if data.get("high") is not None else None
    if low is not None and high is not None and low > high:
        raise InvalidInput(f"{where}low ({low}) is greater than high ({high})", field=f"{where}low")
    if data["stance"] not in STANCES:
        raise InvalidInput(f"{where}stance must be one of {', '.join(STANCES)}", field=f"{where}stance")
    lead = _int(data, "lead_time_days", where, minimum=0, maximum=MAX_DAYS) if data.get("lead_time_days") is not None else None
    caveats = [] if data.get("caveats") is None else data["caveats"]
    if not isinstance(caveats, list) or any(not isinstance(c, str) or c not in CAVEATS for c in caveats):
        raise InvalidInput(f"{where}caveats must be a list of caveats, each one of {', '.join(CAVEATS)}",
                           field=f"{where}caveats")
    sector = _sector(data["sector"], where) if data.get("sector") is not None else None
    return PledgeInput(str(data["contributor"]), low, high, data["stance"], lead, tuple(caveats), sector)


def _camp(data: Any, where: str) -> CampInput:
    if not isinstance(data, Mapping):
        raise InvalidInput(f"{where.rstrip('.')} must be an object", field=where.rstrip("."))
    _fields(data, {"sector", "capacity"}, CAMP_FIELDS, where)
    sector = _sector(data["sector"], where)
    capacity = _int(data, "capacity", where, minimum=0, maximum=MAX_PERSONNEL)
    ready = _int(data, "ready_day", where, minimum=0, maximum=MAX_DAYS) if data.get("ready_day") is not None else 0
    closed = _int(data, "closed_day", where, minimum=0, maximum=MAX_DAYS) if data.get("closed_day") is not None else None
    if closed is not None and closed <= ready:
        raise InvalidInput(f"{where}closed_day ({closed}) must be after ready_day ({ready})",
                           field=f"{where}closed_day")
    name = data.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise InvalidInput(f"{where}name must be a non-empty text", field=f"{where}name")
    return CampInput(sector, capacity, ready, closed, name)


def _sector(value: Any, where: str) -> str:
    if not isinstance(value, str) or value not in SECTORS:
        raise InvalidInput(f"{where}sector must be one of {', '.join(SECTORS)}", field=f"{where}sector")
    return value


def _fields(data: Mapping[str, Any], required: set[str], known: set[str], where: str) -> None:
    for name in sorted(required - set(data)):
        raise InvalidInput(f"{where}{name} is missing", field=f"{where}{name}")
    for name in sorted(set(data) - known):
        raise InvalidInput(f"{where}{name} is not a known field", field=f"{where}{name}")


def _int(data: Mapping[str, Any], name: str, where: str, *, minimum: int, maximum: int) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{where}{name} must be a whole number", field=f"{where}{name}")
    if value < minimum:
        raise InvalidInput(f"{where}{name} must be at least {minimum}", field=f"{where}{name}")
    if value > maximum:
        raise InvalidInput(f"{where}{name} must be at most {maximum:,}", field=f"{where}{name}")
    return value


def _day(data: Mapping[str, Any], name: str, where: str) -> date:
    try:
        return date.fromisoformat(str(data.get(name)))
    except ValueError:
        raise InvalidInput(f"{where}{name} must be a date (YYYY-MM-DD)", field=f"{where}{name}") from None
