"""/api/v1/export/...: CSV (facts, pledges, incidents in ACLED's layout), GeoJSON layers, a STIX 2.1
bundle. Each reads only what the caller may read (`services.exports.visible_facts`)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from stabforce.api.deps import AS_OF, KNOWN_AT, Reader, ServicesDep, coordinates
from stabforce.api.schemas import IsoDate, IsoDateTime
from stabforce.services import exports

router = APIRouter(tags=["exports"])

CSV = "text/csv"
GEOJSON = "application/geo+json"
STIX = "application/stix+json"
Layer = Literal["zones", "sectors", "sites", "incidents"]
Table = Literal["facts", "pledges", "incidents"]


def _file(body: str | bytes, media_type: str, name: str) -> Response:
    return Response(body, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"',
                             "X-Content-Type-Options": "nosniff"})


def _content(media_type: str, schema: dict, description: str) -> dict:
    return {200: {"content": {media_type: {"schema": schema}}, "description": description}}


def _stamp(day: date | None) -> str:
    return (day or datetime.now(UTC).date()).isoformat()


@router.get("/export/csv/facts", response_class=Response, summary="Facts as CSV",
            responses=_content(CSV, {"type": "string"}, "One row per fact (payload as canonical JSON); cells "
                               "that a spreadsheet could run as a formula start with an apostrophe."))
def facts_csv(
    services: ServicesDep, actor: Reader,
    kind: str | None = None, subject: str | None = None,
    source: str | None = Query(None, description="Source key, title, URL, publisher or attribution contains this."),
    grade: str | None = Query(None, pattern="^[A-Fa-f][1-6]?$"),
    valid_from: IsoDate | None = Query(None, description="valid_from on or after."),
    valid_to: IsoDate | None = Query(None, description="valid_from on or before."),
    as_of: IsoDate | None = Query(None, description="Only facts that speak about days up to this one."),
    known_at: IsoDateTime | None = KNOWN_AT,
) -> Response:
    _, at = coordinates(as_of, known_at)
    query = exports.FactQuery(kind=kind or None, subject=subject or None, source=source or None,
                              grade=grade or None, since=valid_from, until=valid_to, as_of=as_of, known_at=at)
    return _file(exports.facts_csv(services.pictures, actor, query), CSV, f"stabforce-facts-{_stamp(as_of)}.csv")


@router.get("/export/csv/pledges", response_class=Response, summary="Current pledges as CSV",
            responses=_content(CSV, {"type": "string"}, "One row per contributor's pledge (personnel kind and "
                               "phase) on as_of as known at known_at, with low/likely/high and the source."))
def pledges_csv(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
                known_at: IsoDateTime | None = KNOWN_AT) -> Response:
    day, at = coordinates(as_of, known_at)
    return _file(exports.pledges_csv(services.pictures, actor, as_of=day, known_at=at), CSV,
                 f"stabforce-pledges-{day.isoformat()}.csv")


@router.get("/export/csv/incidents", response_class=Response, summary="Incidents as CSV in ACLED's layout",
            responses=_content(CSV, {"type": "string"}, "ACLED's columns in ACLED's order, then stabforce's "
                               "(violation, time, injured, grade, provenance); imports back with "
                               "POST /incidents/import to the same incidents."))
def incidents_csv(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
                  known_at: IsoDateTime | None = KNOWN_AT) -> Response:
    day, at = coordinates(as_of, known_at)
    return _file(exports.incidents_csv(services.pictures, actor, as_of=day, known_at=at), CSV,
                 f"stabforce-incidents-{day.isoformat()}.csv")


@router.get("/export/geojson/{layer}", response_class=Response, summary="A map layer as GeoJSON",
            responses=_content(GEOJSON, {"type": "object", "required": ["type", "features"],
                                         "properties": {"type": {"const": "FeatureCollection"},
                                                        "features": {"type": "array"}}},
                               "A FeatureCollection (RFC 7946, lon/lat WGS 84): zones (illustrative shapes "
                               "with the ledger's report), sectors, sites or incidents, on as_of as known at "
                               "known_at."))
def geojson(layer: Layer, services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
            known_at: IsoDateTime | None = KNOWN_AT) -> Response:
    day, at = coordinates(as_of, known_at)
    body = exports.geojson(services.pictures, actor, layer, as_of=day, known_at=at)
    return _file(exports.json_text(body), GEOJSON, f"stabforce-{layer}-{day.isoformat()}.geojson")


@router.get("/export/stix", response_class=Response, summary="Facts as a STIX 2.1 bundle",
            responses=_content(STIX, {"type": "object", "required": ["type", "id", "objects"],
                                      "properties": {"type": {"const": "bundle"}, "objects": {"type": "array"}}},
                               "Each source a report, each fact a note with its grade (confidence, labels, "
                               "x_stabforce_grade), source and TLP marking."))
def stix(
    services: ServicesDep, actor: Reader, kind: str | None = None, subject: str | None = None,
    as_of: IsoDate | None = Query(None, description="Only facts that speak about days up to this one."),
    known_at: IsoDateTime | None = KNOWN_AT,
) -> Response:
    _, at = coordinates(as_of, known_at)
    query = exports.FactQuery(kind=kind or None, subject=subject or None, as_of=as_of, known_at=at)
    return _file(exports.stix_bundle(services.pictures, actor, query), STIX, f"stabforce-facts-{_stamp(as_of)}.stix.json")
