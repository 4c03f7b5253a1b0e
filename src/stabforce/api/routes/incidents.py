"""/api/v1/incidents: the incidents of a day as known at a time; import of an ACLED-layout CSV."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, File, Form, Query, UploadFile
from pydantic import BaseModel, Field

from stabforce.api.deps import AS_OF, KNOWN_AT, Reader, ServicesDep, Writer, coordinates
from stabforce.api.schemas import IsoDate, IsoDateTime
from stabforce.errors import InvalidInput
from stabforce.ledger.vocab import IncidentType
from stabforce.services import incidents

router = APIRouter(tags=["incidents"])
#: The largest CSV the API accepts.
MAX_BYTES = 20 * 1024 * 1024


class PlaceOut(BaseModel):
    lat: float
    lon: float
    precision: int = Field(description="ACLED's geo_precision: 1 exact, 2 near (within the town), 3 the region.")
    name: str | None = None


class IncidentOut(BaseModel):
    id: str
    subject: str
    date: str = Field(description="The event's day (the fact's valid_from).")
    event_type: IncidentType
    sub_event_type: str | None
    violation: Literal["none", "minor", "serious"]
    actors: list[str]
    time: str | None
    place: PlaceOut | None
    fatalities: int | None
    injured: int | None
    external_id: str | None
    notes: str | None
    fact: str
    source: str
    source_date: str
    title: str | None
    url: str | None
    attribution: str | None
    grade: str
    quote: str | None


class WeekOut(BaseModel):
    week: str = Field(description="The Monday the week starts on.")
    total: int
    by_type: dict[str, int]
    by_violation: dict[str, int]


class FiltersOut(BaseModel):
    type: str | None
    class_: str | None = Field(alias="class")


class IncidentsOut(BaseModel):
    """The incidents up to as_of (newest first), weekly counts and the quiet period since the last
    serious violation."""

    as_of: str
    known_at: str
    facts_known: int
    filters: FiltersOut
    total: int = Field(description="Incidents matching the filters (the list may be cut at `limit`).")
    fatalities: int
    by_type: dict[str, int]
    by_violation: dict[str, int]
    weeks: list[WeekOut]
    last_serious_violation: IncidentOut | None
    days_since_serious_violation: int | None = Field(description="None when no serious violation is recorded.")
    incidents: list[IncidentOut]


class BadRowProblem(BaseModel):
    column: str
    message: str


class BadRowOut(BaseModel):
    line: int = Field(description="The CSV line the row starts on (the header is line 1).")
    event_id: str | None
    message: str
    problems: list[BadRowProblem]


class ImportOut(BaseModel):
    """What an import stored. Bad rows appear here only when skip_bad was set (else the answer is 422)."""

    file: str
    rows: int
    imported: int
    already_present: int
    bad: int
    skip_bad: bool
    imported_ids: list[str]
    already_present_ids: list[str]
    bad_rows: list[BadRowOut]


@router.get("/incidents", response_model=IncidentsOut, response_model_by_alias=True,
            summary="Incidents up to a day as known at a time, counts per week, days since a serious violation")
def list_incidents(
    services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF, known_at: IsoDateTime | None = KNOWN_AT,
    type: IncidentType | None = Query(None, description="Only this ACLED event type."),
    incident_class: Literal["any", "violation", "serious_violation"] | None = Query(
        None, alias="class", description="Only violations, or only serious violations."),
    limit: int = Query(1000, ge=1, le=10_000, description="At most this many incidents in the list."),
) -> dict:
    day, at = coordinates(as_of, known_at)
    return incidents.incidents_view(services.pictures, as_of=day, known_at=at,
                                    event_type=type.value if type else None, incident_class=incident_class,
                                    limit=limit)


@router.post("/incidents/import", response_model=ImportOut,
             summary="Import incidents from a CSV in ACLED's column layout (all rows, or none unless skip_bad)")
def import_incidents(
    services: ServicesDep, actor: Writer,
    file: UploadFile = File(description="CSV in ACLED's export layout (UTF-8, header on line 1)."),
    skip_bad: bool = Form(False, description="Store the good rows and report the bad ones, instead of refusing."),
    grade: str = Form(incidents.DEFAULT_GRADE, pattern="^[A-Fa-f][1-6]$",
                      description="Admiralty grade given to every imported incident."),
) -> dict:
    data = file.file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it", field="file")
    report = incidents.import_acled_csv(services.ledger, actor, data, name=file.filename or "upload.csv",
                                        grade=grade, skip_bad=skip_bad)
    return report.to_json()
