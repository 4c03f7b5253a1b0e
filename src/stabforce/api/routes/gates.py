"""/api/v1/gates: withdrawal stages and milestones on a day, term by term; checking a condition."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from stabforce.api.deps import AS_OF, KNOWN_AT, Reader, ServicesDep, coordinates
from stabforce.api.schemas import IsoDate, IsoDateTime, Provenance
from stabforce.services import gates as gates_service

router = APIRouter(tags=["gates"])


class MetricValue(BaseModel):
    metric: str
    value: float | None = Field(description="null when the ledger cannot give it")


class TermOut(BaseModel):
    """One comparison of a condition, evaluated."""

    text: str
    op: str
    left: float | None
    right: float | None
    holds: bool
    shortfall: float | None = Field(description="how far the left side is from making the comparison true")
    metrics: list[MetricValue]
    explanation: str


class FailingTerm(TermOut):
    milestone: str


class Verification(BaseModel):
    verdict: str
    verifier: str
    evidence: list[dict[str, Any]]
    note: str | None
    valid_from: str
    provenance: Provenance


class MilestoneOut(BaseModel):
    milestone: str
    title: str
    condition: str
    phase: str | None
    standard: dict[str, Any] | None
    due: str | None
    overdue: bool
    condition_holds: bool
    needs_verification: bool
    verified: bool
    met: bool
    terms: list[TermOut]
    reasons: list[str]
    verification: Verification | None
    provenance: Provenance


class StageOut(BaseModel):
    stage: str
    order: int
    title: str
    from_line: str
    to_line: str
    idf_share_after_pct: float | None
    approx: bool
    met: bool = Field(description="true when the stage has gating milestones and every one is met")
    completed: bool
    completed_on: str | None
    completion: Provenance | None
    completion_verifier: str | None
    milestones: list[str]
    missing_milestones: list[str]
    failing_terms: list[FailingTerm]
    reasons: list[str]
    provenance: Provenance


class PhaseOut(BaseModel):
    name: str
    title: str
    status: str
    started: str | None
    entry_conditions: list[str]
    blockers: list[str]
    valid_from: str
    provenance: Provenance


class GatesOut(BaseModel):
    as_of: str
    known_at: str
    facts_known: int
    phases: list[PhaseOut]
    stages: list[StageOut]
    milestones: list[MilestoneOut]


class CheckIn(BaseModel):
    condition: str = Field(min_length=1, max_length=2_000, description="A milestone condition to try")
    as_of: IsoDate | None = None
    known_at: IsoDateTime | None = None


class CheckOut(BaseModel):
    as_of: str
    known_at: str
    facts_known: int
    condition: str
    holds: bool
    terms: list[TermOut]


class MetricParam(BaseModel):
    name: str
    required: bool
    choices: list[str] | None
    number: bool


class MetricOut(BaseModel):
    name: str
    doc: str
    params: list[MetricParam]


@router.get("/gates", response_model=GatesOut, summary="Withdrawal stages and milestones: met or not, term by term")
def get_gates(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
              known_at: IsoDateTime | None = KNOWN_AT) -> dict[str, Any]:
    day, at = coordinates(as_of, known_at)
    return gates_service.gates_view(gates_service.gates_picture(services.pictures, as_of=day, known_at=at))


@router.post("/gates/check", response_model=CheckOut,
             summary="Parse a condition and evaluate it on a day; nothing is stored (errors give column and name)")
def check(body: CheckIn, services: ServicesDep, actor: Reader) -> dict[str, Any]:
    day, at = coordinates(body.as_of, body.known_at)
    return gates_service.check_condition(services.pictures, body.condition, as_of=day, known_at=at)


class StrengthTermOut(BaseModel):
    milestone: str
    text: str
    sector: str | None
    troops: int


class StageForecastOut(BaseModel):
    stage: str
    order: int
    title: str
    strength_terms: list[StrengthTermOut]
    other_terms: int = Field(description="terms on other metrics, not forecast")
    troops_needed: int | None
    lower_bound: bool = Field(description="true when sector terms make the dates the earliest possible")
    probability_by: dict[str, float]
    p10_date: str | None
    p50_date: str | None
    p90_date: str | None


class GateForecastOut(BaseModel):
    as_of: str
    seed: int
    runs: int
    method: str
    authorized: str
    ledger_seq: int
    ledger_hash: str
    stages: list[StageForecastOut]


@router.get("/gates/forecast", response_model=GateForecastOut,
            summary="When each pending stage's force-strength terms may be met (from the build-up forecast)")
def gate_forecast(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
                  known_at: IsoDateTime | None = KNOWN_AT,
                  seed: int = Query(2803, ge=0, le=2**32 - 1, description="Seed of the forecast")) -> dict[str, Any]:
    day, at = coordinates(as_of, known_at)
    return gates_service.gate_forecasts(services.pictures, services.settings, as_of=day, known_at=at,
                                        runs=services.settings.forecast_runs, seed=seed)


@router.get("/gates/metrics", response_model=list[MetricOut], summary="The metrics a condition may use")
def metrics(actor: Reader) -> list[dict[str, Any]]:
    return gates_service.metrics_catalogue()
