"""/api/v1 reads of the Palestinian police pipeline and the civilian sites."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter
from pydantic import BaseModel, Field

from stabforce.api.deps import AS_OF, KNOWN_AT, Reader, ServicesDep, coordinates
from stabforce.api.schemas import IsoDate, IsoDateTime, Provenance
from stabforce.services import police as police_service

router = APIRouter(tags=["police and sites"])


class Header(BaseModel):
    as_of: date
    known_at: datetime
    facts_known: int


class StageTotal(BaseModel):
    stage: str = Field(description="recruited, vetted, trained, deployed or attrition")
    total: int = Field(description="Sum of the counts reported (unknown counts are not in it).")
    unknown_cohorts: int = Field(description="Cohorts whose current report gives no count for this stage.")
    facts: list[str] = Field(description="Ids of the cohort facts that gave a count.")


class SectorDeployed(BaseModel):
    sector: str
    name: str
    deployed: int


class MonthThroughput(BaseModel):
    month: str = Field(description="YYYY-MM")
    end: date
    gained: dict[str, int] = Field(description="Gain per stage in the month (negative after a revision downwards).")
    cumulative: dict[str, int]


class Cohort(Provenance):
    cohort: str
    subject: str
    recruited: int | None = Field(description="null: not reported (unknown, not zero)")
    vetted: int | None
    trained: int | None
    deployed: int | None
    attrition: int | None
    approx: bool
    trained_at: str | None
    course: str | None
    sector: str | None
    valid_from: date


class Plan(Provenance):
    contributor: str
    name: str
    low: int | None
    high: int | None
    text: str | None
    approx: bool
    tasks: list[str]
    valid_from: date


class PoliceOut(Header):
    """The police pipeline on a day, as known at a time."""

    stages: list[StageTotal]
    target: int | None
    target_source: Provenance | None
    deployed_by_sector: list[SectorDeployed]
    throughput: list[MonthThroughput]
    recent_rate: dict[str, float] = Field(description="Gain per month over the last three months, per stage.")
    months_to_target: dict[str, int | None] = Field(
        description="Months until the stage reaches the target at the recent rate (0: reached; null: never at it).")
    cohorts: list[Cohort]
    plans: list[Plan] = Field(description="Police pledges: stated plans to train or provide police.")


class Place(BaseModel):
    lat: float
    lon: float
    precision: int = Field(description="1 exact, 2 near (within the town), 3 the region")
    name: str | None = None


class Site(Provenance):
    site: str
    subject: str
    name: str
    status: str
    services: list[str]
    capacity: int | None
    capacity_high: int | None
    residents: int | None = Field(description="null: not reported")
    protecting_contingent: str | None
    protecting_contingent_name: str | None
    zone: str | None
    approx: bool
    valid_from: date
    place: Place | None
    place_fact: str | None = Field(description="The fact whose place locates the site.")
    place_source: Provenance | None = Field(description="Its source, when it is not the current report.")
    history: list[str]


class SitesOut(Header):
    """The civilian sites on a day, as known at a time."""

    by_status: dict[str, int]
    residents_open: int
    capacity_open: int
    residents_unknown: dict[str, int] = Field(description="Sites per status whose residents are not reported.")
    sites: list[Site]


@router.get("/police", summary="The Palestinian police pipeline: stages against the target, throughput, cohorts")
def police(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
           known_at: IsoDateTime | None = KNOWN_AT) -> PoliceOut:
    day, known = coordinates(as_of, known_at)
    snapshot, p = police_service.pipeline(services.pictures, as_of=day, known_at=known)
    return PoliceOut.model_validate(police_service.police_view(snapshot, p))


@router.get("/sites", summary="The civilian sites: status, services, capacity, residents, place, sources")
def sites(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
          known_at: IsoDateTime | None = KNOWN_AT) -> SitesOut:
    day, known = coordinates(as_of, known_at)
    snapshot, s = police_service.sites(services.pictures, as_of=day, known_at=known)
    return SitesOut.model_validate(police_service.sites_view(snapshot, s))
