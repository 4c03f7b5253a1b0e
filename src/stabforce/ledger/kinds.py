"""Fact kinds: the payload each kind carries, which subjects it may speak about, and how the fold
groups and compares its facts.

Add a kind by writing its payload model and one `KindSpec` in `KINDS`; the fold, conflicts and
exports pick it up from there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from stabforce.ledger.vocab import (
    UNIT_STRENGTH,
    AppointmentStatus,
    Caveat,
    PersonnelKind,
    Stance,
    Task,
    country_name,
)

Text = Field(min_length=1, max_length=2_000)


class Payload(BaseModel):
    """Base of every payload: unknown fields are refused, values are validated strictly."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True, allow_inf_nan=False)


class Conversion(Payload):
    """A unit word turned into personnel ("three brigades") under a stated assumption."""

    count: int = Field(ge=1)
    unit: str
    per_unit_low: int = Field(ge=1)
    per_unit_high: int = Field(ge=1)
    assumption: str = Text

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        if unit not in UNIT_STRENGTH:
            raise ValueError(f"unknown unit {unit!r}; known: {', '.join(UNIT_STRENGTH)}")
        return unit


class Quantity(Payload):
    """Personnel as stated: exact (low == high), a range, a ceiling ("up to": low None), a floor
    ("or more": high None), or only words (both None, `text` says what was said)."""

    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    approx: bool = False
    text: str | None = None
    conversion: Conversion | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Quantity:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        if self.low is None and self.high is None and not self.text:
            raise ValueError("give low, high or the text of what was said")
        if self.conversion is not None:
            c = self.conversion
            if (self.low, self.high) != (c.count * c.per_unit_low, c.count * c.per_unit_high):
                raise ValueError("low/high must equal count × per-unit strength of the conversion")
        return self


class MissionAuthorized(Payload):
    """A mission and its mandate: instrument, tasks, governing body, expiry, reporting duty."""

    name: str = Text
    instrument: str = Text
    adopted: date
    authorized_by: str = Text
    governing_body: str | None = None
    tasks: list[Task] = Field(min_length=1)
    expires: date | None = None
    reporting_every_months: int | None = Field(default=None, ge=1)
    reporting_to: str | None = None


class Requirement(Payload):
    """What the mission needs: personnel of a kind, or a task someone must be able to do."""

    personnel_kind: PersonnelKind | None = None
    quantity: int | None = Field(default=None, ge=0)
    approx: bool = False
    task: Task | None = None
    capability: str | None = None
    phase: str | None = None

    @model_validator(mode="after")
    def _something_required(self) -> Requirement:
        if self.task is None and (self.personnel_kind is None or self.quantity is None):
            raise ValueError("a requirement needs a task, or a personnel_kind with a quantity")
        return self


class StanceStated(Payload):
    """A contributor's position, with the conditions it attaches."""

    stance: Stance
    conditions: list[str] = []
    caveats: list[Caveat] = []
    note: str | None = None


class Pledge(Payload):
    """What a contributor says it will send, for which tasks, with which caveats and when."""

    personnel: Quantity
    personnel_kind: PersonnelKind = PersonnelKind.TROOPS
    unit_types: list[str] = []
    tasks: list[Task] = []
    caveats: list[Caveat] = []
    phase: str | None = None
    earliest_arrival: date | None = None
    lead_time_days: int | None = Field(default=None, ge=0)


class CommandAppointment(Payload):
    """Who leads (or is considered to lead) a post of the force."""

    role: str = Text
    status: AppointmentStatus
    person: str | None = None
    rank: str | None = None
    nationality: str | None = None

    @field_validator("nationality")
    @classmethod
    def _iso3(cls, code: str | None) -> str | None:
        if code is not None and country_name(code) is None:
            raise ValueError(f"unknown country code {code!r} (use ISO 3166 alpha-3, e.g. USA)")
        return code


class UnitMovement(Payload):
    """A unit of a contributor arriving in or leaving the mission area."""

    unit: str = Text
    personnel: int = Field(ge=0)
    personnel_kind: PersonnelKind = PersonnelKind.TROOPS
    sector: str | None = None


class ZoneControl(Payload):
    """Who controls a zone, its share of territory and its population, as reported."""

    controlled_by: str = Text
    share_of_territory_pct: float | None = Field(default=None, ge=0, le=100)
    population: int | None = Field(default=None, ge=0)
    area_km2: float | None = Field(default=None, ge=0)
    approx: bool = False


class Decision(Payload):
    """A ruling (e.g. by the board) that settles a conflict between facts, accepting one or none."""

    settles: list[str] = Field(min_length=2)
    accepted: str | None = None
    reason: str = Text

    @model_validator(mode="after")
    def _accepted_is_settled(self) -> Decision:
        if self.accepted is not None and self.accepted not in self.settles:
            raise ValueError("accepted must be one of the facts it settles")
        return self


class Retraction(Payload):
    """Withdraws the facts it supersedes, with the reason."""

    reason: str = Text


Mode = Literal["claim", "state", "event", "meta"]


@dataclass(frozen=True)
class KindSpec:
    """How one kind is validated and folded.

    mode: ``claim`` — every live fact stands, and facts from different sources that disagree are
    conflicts; ``state`` — the latest fact per key holds, earlier ones are history; ``event`` —
    facts add up (arrivals); ``meta`` — facts about other facts (decisions, retractions).
    `key` says which facts of a subject speak about the same thing; `value` what is compared.
    """

    name: str
    model: type[Payload]
    subjects: tuple[str, ...]
    mode: Mode
    key: Callable[[Mapping[str, Any]], tuple[Any, ...]] = lambda p: ()
    value: Callable[[Mapping[str, Any]], Any] = lambda p: None


def _quantity_value(p: Mapping[str, Any]) -> Any:
    q = p["personnel"]
    return (q.get("low"), q.get("high")) if (q.get("low"), q.get("high")) != (None, None) else q.get("text")


KINDS: dict[str, KindSpec] = {spec.name: spec for spec in (
    KindSpec("mission_authorized", MissionAuthorized, ("mission",), "state"),
    KindSpec("requirement", Requirement, ("mission",), "claim",
             key=lambda p: (p.get("personnel_kind"), p.get("task"), p.get("capability"), p.get("phase")),
             value=lambda p: p.get("quantity")),
    KindSpec("stance", StanceStated, ("contributor",), "state", value=lambda p: p["stance"]),
    KindSpec("pledge", Pledge, ("contributor",), "claim",
             key=lambda p: (p.get("personnel_kind", "troops"), p.get("phase")), value=_quantity_value),
    KindSpec("command_appointment", CommandAppointment, ("mission",), "state",
             key=lambda p: (p["role"],),
             value=lambda p: (p.get("person"), p.get("rank"), p.get("nationality"), p["status"])),
    KindSpec("unit_arrived", UnitMovement, ("contributor",), "event"),
    KindSpec("unit_departed", UnitMovement, ("contributor",), "event"),
    KindSpec("zone_control", ZoneControl, ("zone",), "claim",
             value=lambda p: (p["controlled_by"], p.get("share_of_territory_pct"))),
    KindSpec("decision", Decision, ("contributor", "mission", "zone"), "meta"),
    KindSpec("retraction", Retraction, ("contributor", "mission", "zone"), "meta"),
)}
