"""The overview: strength against target, pledges, gaps, conflicts, latest facts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from stabforce.errors import InvalidInput, NotFound
from stabforce.services import forecasts, timeline, views
from stabforce.web.pages import actor, render, services, when
from stabforce.web.routes.forecast import scenario_forecast

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    who, at = actor(request), when(request)
    pictures = services(request).pictures
    view = pictures.facts()
    picture = pictures.get(as_of=at.as_of, known_at=at.known_at, view=view)
    series = timeline.strength_series(pictures, until=at.as_of, known_at=at.known_at, view=view)
    latest = timeline.latest_facts(view[0], known_at=at.known_at, limit=10)
    try:
        made = scenario_forecast(request)
        fan, forecast_error = {**forecasts.fan(made.result), "target": made.target}, None
    except (NotFound, InvalidInput) as exc:
        made, fan, forecast_error = None, None, exc.message
    return render(request, "overview.html", who=who, at=at, p=picture, fg=picture.forcegen, snap=picture.snapshot,
                  series=series, latest=latest, made=made, fan=fan, forecast_error=forecast_error, levels=views.LEVELS)
