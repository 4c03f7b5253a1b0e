"""Forecast pages: the build-up fan against the target, and the back-test report."""

from __future__ import annotations

import threading

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from stabforce.services import forecasts
from stabforce.web.pages import actor, render, services, when
from stabforce.web.security import REPORT_CSP

router = APIRouter()
SEED = 2803
_report_lock = threading.Lock()


def scenario_forecast(request: Request):  # type: ignore[no-untyped-def]
    """Return the cached forecast of the ledger's mission for the page's coordinates."""
    at, svc = when(request), services(request)
    return forecasts.forecast_scenario(svc.pictures, svc.settings, as_of=at.as_of, known_at=at.known_at,
                                       runs=svc.settings.forecast_runs, seed=SEED)


@router.get("/forecast", response_class=HTMLResponse)
def forecast_page(request: Request) -> HTMLResponse:
    who, at = actor(request), when(request)
    made = scenario_forecast(request)
    view = forecasts.forecast_view(made.result, target=made.target, housing=made.camps)
    return render(request, "forecast.html", who=who, at=at, made=made, view=view,
                  fan={**forecasts.fan(made.result), "target": made.target})


@router.get("/forecast/backtest", response_class=HTMLResponse)
def backtest_page(request: Request) -> HTMLResponse:
    actor(request)
    app_state = request.app.state
    with _report_lock:
        if getattr(app_state, "backtest_html", None) is None:
            from stabforce.reports.backtest import render_html
            result = forecasts.run_backtest(services(request).settings, runs=2_000, seed=SEED)
            app_state.backtest_html = render_html(result)
    return HTMLResponse(app_state.backtest_html, headers={"Content-Security-Policy": REPORT_CSP})
