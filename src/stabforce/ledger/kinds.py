"""Fact kinds: the payload each kind carries, which subjects it may speak about, and how the fold
groups and compares its facts.

Add a kind by writing its payload model and one `KindSpec` in `KINDS`; the fold, conflicts and
exports pick it up from there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from stabforce.ledger.conditions import parse_condition
from stabforce.ledger.plausible import (
    MAX_AREA_KM2,
    MAX_DAYS,
    MAX_LENGTH_M,
    MAX_MONTHS,
    MAX_ORDER,
    MAX_PEOPLE,
    MAX_PERSONNEL,
)
from stabforce.ledger.vocab import (
    SECTORS,
    UNIT_STRENGTH,
    WEAPON_STATES,
    AppointmentStatus,
    CampStatus,
    Caveat,
    IncidentType,
    InfrastructureStatus,
    InfrastructureType,
    PersonnelKind,
    PhaseStatus,
    SiteService,
    SiteStatus,
    Stance,
    Task,
    Verdict,
    Violation,
    WeaponState,
    WeaponType,
    country_name,
)

Text = Field(min_length=1, max_length=2_000)


class Payload(BaseModel):
    """Base of every payload: unknown fields are refused, values are validated strictly."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True, allow_inf_nan=False)


class Conversion(Payload):
    """A unit word turned into personnel ("three brigades") under a stated assumption."""

    count: int = Field(ge=1, le=MAX_ORDER)
    unit: str
    per_unit_low: int = Field(ge=1, le=MAX_PERSONNEL)
    per_unit_high: int = Field(ge=1, le=MAX_PERSONNEL)
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

    low: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    high: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
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
    reporting_every_months: int | None = Field(default=None, ge=1, le=MAX_MONTHS)
    reporting_to: str | None = None


class Requirement(Payload):
    """What the mission needs: personnel of a kind, or a task someone must be able to do."""

    personnel_kind: PersonnelKind | None = None
    quantity: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
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
    lead_time_days: int | None = Field(default=None, ge=0, le=MAX_DAYS)


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
        return _country(code)


class UnitMovement(Payload):
    """A unit of a contributor arriving in or leaving the mission area."""

    unit: str = Text
    personnel: int = Field(ge=0, le=MAX_PERSONNEL)
    personnel_kind: PersonnelKind = PersonnelKind.TROOPS
    sector: str | None = None


class ZoneControl(Payload):
    """Who controls a zone, its share of territory and its population, as reported."""

    controlled_by: str = Text
    share_of_territory_pct: float | None = Field(default=None, ge=0, le=100)
    population: int | None = Field(default=None, ge=0, le=MAX_PEOPLE)
    area_km2: float | None = Field(default=None, ge=0, le=MAX_AREA_KM2)
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


class Evidence(Payload):
    """A piece of evidence: an uploaded file (by its SHA-256, kept content-addressed) or a description."""

    name: str = Field(min_length=1, max_length=300)
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    description: str | None = Field(default=None, max_length=2_000)


class Place(Payload):
    """A point (WGS 84) and how precise it is: 1 exact, 2 near (within the town), 3 the region (ACLED)."""

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    precision: int = Field(default=1, ge=1, le=3)
    name: str | None = Field(default=None, max_length=300)


def _country(code: str | None) -> str | None:
    if code is not None and country_name(code) is None:
        raise ValueError(f"unknown country code {code!r} (use ISO 3166 alpha-3, e.g. USA)")
    return code


def _sector(value: str | None) -> str | None:
    if value is not None and value not in SECTORS:
        raise ValueError(f"unknown sector {value!r}; known: {', '.join(SECTORS)}")
    return value


class Phase(Payload):
    """A phase of the plan, its entry conditions and what blocks it, as stated."""

    name: str = Field(pattern=r"^[a-z0-9_-]+$")
    title: str = Text
    status: PhaseStatus
    entry_conditions: list[str] = []
    blockers: list[str] = []
    started: date | None = None


class Standard(Payload):
    """Who verifies a milestone and with what evidence."""

    verifier: str = Text
    evidence: str = Text


class Milestone(Payload):
    """A measurable condition over the picture (see `ledger.conditions`), its standard and timeframe."""

    title: str = Text
    condition: str = Field(min_length=1, max_length=2_000)
    standard: Standard | None = None
    due: date | None = None
    phase: str | None = None

    @field_validator("condition")
    @classmethod
    def _parses(cls, text: str) -> str:
        parse_condition(text)  # a ConditionError (a ValueError) carries the column and the name at fault
        return text


class MilestoneVerified(Payload):
    """A verifier's finding that a milestone is (or is not) met, with the evidence."""

    verdict: Verdict
    verifier: str = Text
    evidence: list[Evidence] = Field(min_length=1)
    note: str | None = None


class WithdrawalStage(Payload):
    """A stage of the IDF withdrawal: from which line to which, the share held after it, its gates."""

    order: int = Field(ge=1, le=MAX_ORDER)
    title: str = Text
    from_line: str = Text
    to_line: str = Text
    idf_share_after_pct: float | None = Field(default=None, ge=0, le=100)
    approx: bool = False
    milestones: list[str] = Field(default=[], description="slugs of the gating milestones (milestone:SLUG)")
    phase: str | None = None


class StageCompleted(Payload):
    """A withdrawal stage carried out, as verified."""

    verifier: str = Text
    evidence: list[Evidence] = []
    note: str | None = None


class WeaponsMoved(Payload):
    """Weapons passing from one registry state to the next (from_state null: newly declared).

    A step that skips a state (collected straight to destroyed) must say why in `skip_reason`.
    """

    weapon: WeaponType
    quantity: int = Field(ge=1, le=10_000_000)
    from_state: WeaponState | None = None
    to_state: WeaponState
    site: str | None = Field(default=None, max_length=300)
    custody_from: str | None = Field(default=None, max_length=300)
    custody_to: str | None = Field(default=None, max_length=300)
    verifier: str | None = Field(default=None, max_length=300)
    evidence: list[Evidence] = []
    skip_reason: str | None = Field(default=None, max_length=2_000)

    @model_validator(mode="after")
    def _forward(self) -> WeaponsMoved:
        to = WEAPON_STATES.index(self.to_state)
        if self.from_state is None:
            if self.to_state != WeaponState.DECLARED:
                raise ValueError("weapons enter the registry as declared: give from_state for any later state")
            return self
        step = to - WEAPON_STATES.index(self.from_state)
        if step <= 0:
            raise ValueError(f"to_state {self.to_state} must come after from_state {self.from_state}")
        if step > 1 and not self.skip_reason:
            skipped = ", ".join(WEAPON_STATES[WEAPON_STATES.index(self.from_state) + 1:to])
            raise ValueError(f"going from {self.from_state} to {self.to_state} skips {skipped}: give skip_reason")
        return self


class Infrastructure(Payload):
    """A piece of military infrastructure and its status; neutralized items are due for re-inspection."""

    type: InfrastructureType
    status: InfrastructureStatus
    place: Place | None = None
    length_m: float | None = Field(default=None, ge=0, le=MAX_LENGTH_M)
    reinspect_every_days: int | None = Field(default=None, ge=1, le=MAX_DAYS)
    verifier: str | None = Field(default=None, max_length=300)
    evidence: list[Evidence] = []


class PoliceCohort(Payload):
    """A cohort of Palestinian police through the pipeline (counts only; no personal data).

    Counts are cumulative for the cohort and may be unknown (null); the known ones must not grow
    along the pipeline (deployed ≤ trained ≤ vetted ≤ recruited).
    """

    recruited: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    vetted: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    trained: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    deployed: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    attrition: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    approx: bool = False
    trained_at: str | None = Field(default=None, max_length=300)
    course: str | None = Field(default=None, max_length=300)
    sector: str | None = None

    @field_validator("sector")
    @classmethod
    def _known_sector(cls, value: str | None) -> str | None:
        return _sector(value)

    @model_validator(mode="after")
    def _pipeline(self) -> PoliceCohort:
        stages = [(n, getattr(self, n)) for n in ("recruited", "vetted", "trained", "deployed")]
        known = [(n, v) for n, v in stages if v is not None]
        for (a, va), (b, vb) in pairwise(known):
            if vb > va:
                raise ValueError(f"{b} ({vb}) cannot exceed {a} ({va})")
        if all(v is None for _, v in stages) and self.attrition is None:
            raise ValueError("give at least one count")
        return self


class CivilianSite(Payload):
    """A planned civilian ("safe") community: where, how far built, services, capacity, who protects it."""

    name: str = Text
    status: SiteStatus
    place: Place | None = None
    services: list[SiteService] = []
    capacity: int | None = Field(default=None, ge=0, le=MAX_PEOPLE)
    capacity_high: int | None = Field(default=None, ge=0, le=MAX_PEOPLE)
    residents: int | None = Field(default=None, ge=0, le=MAX_PEOPLE)
    protecting_contingent: str | None = None
    zone: str | None = Field(default=None, max_length=100)
    approx: bool = False

    @field_validator("protecting_contingent")
    @classmethod
    def _iso3(cls, code: str | None) -> str | None:
        return _country(code)


class Camp(Payload):
    """A camp (barracks, base) housing the force's personnel: sector, status, how many it holds, when it opens.

    Capacity is personnel and may be unknown (both null); a range is `capacity`..`capacity_high`, an
    "up to" figure only `capacity_high` (as a pledge's ceiling). `ready_on` is the day it opens or opened
    (null: not reported); `for_contributor` the contingent it is prepared for, if reported.
    """

    name: str = Text
    sector: str | None = None
    status: CampStatus
    capacity: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    capacity_high: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    approx: bool = False
    ready_on: date | None = None
    place: Place | None = None
    for_contributor: str | None = None
    note: str | None = Field(default=None, max_length=2_000)

    @field_validator("sector")
    @classmethod
    def _known_sector(cls, value: str | None) -> str | None:
        return _sector(value)

    @field_validator("for_contributor")
    @classmethod
    def _iso3(cls, code: str | None) -> str | None:
        return _country(code)

    @field_validator("capacity_high")
    @classmethod
    def _range(cls, high: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("capacity")
        if high is not None and low is not None and low > high:
            raise ValueError(f"capacity ({low}) is greater than capacity_high ({high})")
        return high


class Incident(Payload):
    """A ceasefire violation or security event (ACLED-like): type, actors, place, casualties."""

    event_type: IncidentType
    sub_event_type: str | None = Field(default=None, max_length=200)
    violation: Violation = Violation.NONE
    actors: list[str] = []
    time: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    place: Place | None = None
    fatalities: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    injured: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    external_id: str | None = Field(default=None, max_length=100)
    notes: str | None = Field(default=None, max_length=4_000)

    @field_validator("actors")
    @classmethod
    def _actor_names(cls, names: list[str]) -> list[str]:
        """Names as ACLED's layout can carry them: ";" separates associated actors there."""
        for name in names:
            if not name.strip() or name != name.strip() or ";" in name:
                raise ValueError(f"actor {name!r} must be a name without ';' or spaces around it")
        if len(set(names)) != len(names):
            raise ValueError("an actor is named twice")
        return names


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


#: Every subject prefix; decisions and retractions may speak about any of them.
SUBJECT_PREFIXES = ("contributor", "mission", "zone", "milestone", "stage", "registry", "infra", "cohort", "site",
                    "incident", "camp")

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
    KindSpec("phase", Phase, ("mission",), "state", key=lambda p: (p["name"],), value=lambda p: p["status"]),
    KindSpec("milestone", Milestone, ("milestone",), "state", value=lambda p: p["condition"]),
    KindSpec("milestone_verified", MilestoneVerified, ("milestone",), "state", value=lambda p: p["verdict"]),
    KindSpec("withdrawal_stage", WithdrawalStage, ("stage",), "state"),
    KindSpec("stage_completed", StageCompleted, ("stage",), "state"),
    KindSpec("weapons_moved", WeaponsMoved, ("registry",), "event"),
    KindSpec("infrastructure", Infrastructure, ("infra",), "state", value=lambda p: p["status"]),
    KindSpec("police_cohort", PoliceCohort, ("cohort",), "state",
             value=lambda p: tuple(p.get(n) for n in ("recruited", "vetted", "trained", "deployed", "attrition"))),
    KindSpec("civilian_site", CivilianSite, ("site",), "state", value=lambda p: (p["status"], p.get("residents"))),
    KindSpec("camp", Camp, ("camp",), "state",
             value=lambda p: (p["status"], p.get("capacity"), p.get("capacity_high"), p.get("ready_on"))),
    KindSpec("incident", Incident, ("incident",), "event"),
    KindSpec("decision", Decision, SUBJECT_PREFIXES, "meta"),
    KindSpec("retraction", Retraction, SUBJECT_PREFIXES, "meta"),
)}
