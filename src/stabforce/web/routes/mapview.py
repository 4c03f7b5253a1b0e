"""The map: Gaza outline, control zones with their reported share, ISF sectors. No tile server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from stabforce.services import exports, incidents
from stabforce.web.pages import actor, render, services, when

router = APIRouter()
GEO = Path(__file__).resolve().parents[1] / "static" / "geo"


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    who, at = actor(request), when(request)
    picture = services(request).pictures.get(as_of=at.as_of, known_at=at.known_at)
    zones = [g for g in picture.snapshot.claims("zone_control") if g.current is not None]
    return render(request, "map.html", who=who, at=at, zones=zones)


@router.get("/map/layers.json")
def map_layers(request: Request) -> JSONResponse:
    """Return the outline, the zones (drawn shapes, ledger figures) and the sectors as GeoJSON."""
    actor(request)
    at = when(request)
    picture = services(request).pictures.get(as_of=at.as_of, known_at=at.known_at)
    zones = exports.zone_features(picture.snapshot)
    return JSONResponse({
        "outline": json.loads((GEO / "gaza-outline.geojson").read_text()),
        "zones": zones,
        "sectors": json.loads((GEO / "sectors-approximate.geojson").read_text()),
        "incidents": incidents.incident_features(services(request).pictures, as_of=at.as_of, known_at=at.known_at),
        "sites": _sites(request, at),
    })


def _sites(request: Request, at: Any) -> list[dict[str, Any]]:
    """Return the civilian sites that have a place, as the /sites page draws them."""
    from stabforce.web.routes.police import site_markers
    return site_markers(request, at)
