"""The gates board: each withdrawal stage, its milestones, met or not, the failing terms and the
evidence; trying a condition; recording a milestone (refused with the column of the problem)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from stabforce.errors import InvalidInput, NotFound, PermissionDenied
from stabforce.services import facts
from stabforce.services import gates as gates_service
from stabforce.web.pages import actor, check_csrf, form_errors, render, require_form, services, when

router = APIRouter()
SLUG = re.compile(r"[^a-z0-9]+")


@router.get("/gates", response_class=HTMLResponse)
def board(request: Request) -> HTMLResponse:
    who, at = actor(request), when(request)
    picture = gates_service.gates_picture(services(request).pictures, as_of=at.as_of, known_at=at.known_at)
    view = gates_service.gates_view(picture)
    gating = {slug for s in view["stages"] for slug in s["milestones"]}
    svc = services(request)
    try:
        outlook = gates_service.gate_forecasts(svc.pictures, svc.settings, as_of=at.as_of, known_at=at.known_at,
                                               runs=svc.settings.forecast_runs, seed=2803)
        dated, forecast_error = {s["stage"]: s for s in outlook["stages"]}, None
    except (NotFound, InvalidInput) as exc:  # no mandate or troop requirement to forecast from
        outlook, dated, forecast_error = None, {}, exc.message
    return render(request, "gates.html", who=who, at=at, view=view, outlook=outlook, dated=dated,
                  forecast_error=forecast_error,
                  milestones={m["milestone"]: m for m in view["milestones"]},
                  loose=[m for m in view["milestones"] if m["milestone"] not in gating],
                  metrics=gates_service.metrics_catalogue())


@router.get("/gates/check", response_class=HTMLResponse)
def check(request: Request, condition: str = "") -> HTMLResponse:
    """Evaluate a condition on the page's day (an htmx fragment); nothing is stored."""
    who, at = actor(request), when(request)
    try:
        result = gates_service.check_condition(services(request).pictures, condition, as_of=at.as_of,
                                               known_at=at.known_at)
        return render(request, "_condition_result.html", who=who, result=result, error=None, condition=condition)
    except InvalidInput as exc:
        status = 200 if request.headers.get("hx-request") else 422  # htmx swaps only successful responses
        return render(request, "_condition_result.html", who=who, result=None, error=exc, condition=condition,
                      status_code=status)


#: Where each fact field's messages are shown on the milestone form.
MILESTONE_FIELDS = {"subject": "slug", "payload.title": "title", "payload.condition": "condition",
                    "payload.standard.verifier": "verifier", "payload.standard.evidence": "evidence",
                    "payload.standard": "verifier", "payload.due": "due", "payload.phase": "phase",
                    "valid_from": "valid_from", "source.key": "source_key", "source.date": "source_date",
                    "source.title": "source_title", "source": "source_key", "quote": "quote", "grade": "grade"}


def _milestone_form(request: Request, form: dict[str, Any], errors: dict[str, str] | None = None,
                    status: int = 200) -> HTMLResponse:
    errors = errors or {}
    caret = gates_service.condition_caret(form.get("condition", "")) if "condition" in errors else None
    return render(request, "record_milestone.html", status_code=status, at=when(request), form=form, errors=errors,
                  caret=caret, metrics=gates_service.metrics_catalogue())


@router.get("/gates/milestone", response_class=HTMLResponse)
def milestone_form(request: Request) -> HTMLResponse:
    require_form(actor(request), "milestone", "record milestones")
    return _milestone_form(request, {"grade": "B2", "valid_from": datetime.now(UTC).date().isoformat()})


@router.post("/gates/milestone", response_class=HTMLResponse)
async def record_milestone(request: Request) -> Response:
    who = actor(request)
    raw = await request.form()
    check_csrf(request, raw.get("csrf_token"))
    form = {k: str(raw.get(k, "")).strip() for k in raw}
    slug = form.get("slug") or SLUG.sub("-", form.get("title", "").lower()).strip("-")
    standard = ({"verifier": form["verifier"], "evidence": form.get("evidence") or "as agreed"}
                if form.get("verifier") else None)
    payload = {"title": form.get("title", ""), "condition": form.get("condition", ""), "standard": standard,
               "due": form.get("due") or None, "phase": form.get("phase") or None}
    try:
        fact = facts.record_fact(services(request).ledger, who, {
            "kind": "milestone", "subject": f"milestone:{slug}", "payload": payload,
            "valid_from": form.get("valid_from", ""),
            "source": {"key": form.get("source_key", ""), "date": form.get("source_date", ""),
                       "title": form.get("source_title") or None},
            "quote": form.get("quote") or None, "grade": form.get("grade", "").upper(),
        })
    except InvalidInput as exc:
        return _milestone_form(request, form, form_errors(exc, MILESTONE_FIELDS), status=422)
    except PermissionDenied as exc:
        return _milestone_form(request, form, {"form": exc.message}, status=403)
    return RedirectResponse(f"/facts/{fact.id}?recorded=1", status_code=303)
