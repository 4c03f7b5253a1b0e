"""What a forecast starts from: the mission and its pledges, validated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from stabforce.errors import InvalidInput

STANCES = ("committed", "conditional", "considering", "interested", "declined", "withdrawn")
MISSION_FIELDS = {"mission", "authorized", "military_ceiling", "troops_at_authorization", "transfer_of_authority",
                  "ready_pool", "organization", "pledges"}
PLEDGE_FIELDS = {"contributor", "low", "high", "stance", "lead_time_days"}


@dataclass(frozen=True, slots=True)
class PledgeInput:
    """One contributor's pledged troops (a range), its stance and stated lead time."""

    contributor: str
    low: int
    high: int
    stance: str
    lead_time_days: int | None = None


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


def mission_from_json(data: Any) -> MissionInput:
    """Validate a mission object (the --mission-file format); raise InvalidInput naming the field."""
    if not isinstance(data, Mapping):
        raise InvalidInput("a mission file holds one JSON object", field="")
    _fields(data, MISSION_FIELDS - {"pledges"}, MISSION_FIELDS, "")
    ceiling = _int(data, "military_ceiling", "", minimum=1)
    at_auth = _int(data, "troops_at_authorization", "", minimum=0)
    if data.get("organization") not in ("UN", "non-UN"):
        raise InvalidInput("organization must be \"UN\" or \"non-UN\"", field="organization")
    if not isinstance(data.get("ready_pool"), bool):
        raise InvalidInput("ready_pool must be true or false", field="ready_pool")
    if not isinstance(data.get("mission"), str) or not data["mission"].strip():
        raise InvalidInput("mission must be a non-empty name", field="mission")
    pledges = data.get("pledges") or []
    if not isinstance(pledges, list):
        raise InvalidInput("pledges must be a list", field="pledges")
    return MissionInput(
        mission=data["mission"], authorized=_day(data, "authorized", ""), military_ceiling=ceiling,
        troops_at_authorization=at_auth,
        transfer_of_authority=_day(data, "transfer_of_authority", "") if data.get("transfer_of_authority") else None,
        ready_pool=data["ready_pool"], organization=data["organization"],
        pledges=tuple(_pledge(p, f"pledges[{i}].") for i, p in enumerate(pledges)),
    )


def _pledge(data: Any, where: str) -> PledgeInput:
    if not isinstance(data, Mapping):
        raise InvalidInput(f"{where.rstrip('.')} must be an object", field=where.rstrip("."))
    _fields(data, PLEDGE_FIELDS - {"lead_time_days"}, PLEDGE_FIELDS, where)
    low, high = _int(data, "low", where, minimum=0), _int(data, "high", where, minimum=0)
    if low > high:
        raise InvalidInput(f"{where}low ({low}) is greater than high ({high})", field=f"{where}low")
    if data["stance"] not in STANCES:
        raise InvalidInput(f"{where}stance must be one of {', '.join(STANCES)}", field=f"{where}stance")
    lead = _int(data, "lead_time_days", where, minimum=0) if data.get("lead_time_days") is not None else None
    return PledgeInput(str(data["contributor"]), low, high, data["stance"], lead)


def _fields(data: Mapping[str, Any], required: set[str], known: set[str], where: str) -> None:
    for name in sorted(required - set(data)):
        raise InvalidInput(f"{where}{name} is missing", field=f"{where}{name}")
    for name in sorted(set(data) - known):
        raise InvalidInput(f"{where}{name} is not a known field", field=f"{where}{name}")


def _int(data: Mapping[str, Any], name: str, where: str, *, minimum: int) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{where}{name} must be a whole number", field=f"{where}{name}")
    if value < minimum:
        raise InvalidInput(f"{where}{name} must be at least {minimum}", field=f"{where}{name}")
    return value


def _day(data: Mapping[str, Any], name: str, where: str) -> date:
    try:
        return date.fromisoformat(str(data.get(name)))
    except ValueError:
        raise InvalidInput(f"{where}{name} must be a date (YYYY-MM-DD)", field=f"{where}{name}") from None
