"""Pages of the Palestinian police pipeline (/police) and the civilian sites (/sites)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from stabforce.engines.police import TARGET_STAGES
from stabforce.ledger.vocab import SECTORS
from stabforce.services import police as police_service
from stabforce.web.pages import When, actor, render, services, when

router = APIRouter()


@router.get("/police", response_class=HTMLResponse)
def police_page(request: Request) -> HTMLResponse:
    who, at = actor(request), when(request)
    snapshot, pipeline = police_service.pipeline(services(request).pictures, as_of=at.as_of, known_at=at.known_at)
    view = police_service.police_view(snapshot, pipeline)
    stages = [s for s in view["stages"] if s["stage"] in TARGET_STAGES]
    chart = {
        "labels": [s["stage"] for s in stages],
        "totals": [s["total"] for s in stages],
        "unknown": [s["unknown_cohorts"] for s in stages],
        "cohorts": len(view["cohorts"]),
        "target": view["target"],
        "months": [m["month"] for m in view["throughput"]],
        "gained": [{"stage": stage, "data": [m["gained"][stage] for m in view["throughput"]]} for stage in TARGET_STAGES],
    }
    return render(request, "police.html", who=who, at=at, view=view, stages=stages, chart=chart,
                  attrition=next(s for s in view["stages"] if s["stage"] == "attrition"), sectors=SECTORS)


@router.get("/sites", response_class=HTMLResponse)
def sites_page(request: Request) -> HTMLResponse:
    who, at = actor(request), when(request)
    snapshot, sites = police_service.sites(services(request).pictures, as_of=at.as_of, known_at=at.known_at)
    view = police_service.sites_view(snapshot, sites)
    markers = [site_marker(s) for s in view["sites"] if s["place"]]
    return render(request, "sites.html", who=who, at=at, view=view, markers=markers)


def site_marker(site: dict[str, Any]) -> dict[str, Any]:
    """Return what the map needs to draw one site (from `police_service.site_view`)."""
    place = site["place"]
    return {"site": site["site"], "name": site["name"], "status": site["status"], "lat": place["lat"],
            "lon": place["lon"], "precision": place["precision"], "name_place": place.get("name"),
            "capacity": site["capacity"], "capacity_high": site["capacity_high"], "approx": site["approx"],
            "fact": site["place_fact"]}


def site_markers(request: Request, at: When) -> list[dict[str, Any]]:
    """Return the map markers of the sites that have a place, for the page's coordinates."""
    snapshot, found = police_service.sites(services(request).pictures, as_of=at.as_of, known_at=at.known_at)
    return [site_marker(s) for s in police_service.sites_view(snapshot, found)["sites"] if s["place"]]
