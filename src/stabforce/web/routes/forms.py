"""Forms that write: record a pledge, record any fact, retract, settle a conflict.

Invalid input re-renders the form with the message beside the field and stores nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from stabforce.errors import InvalidInput, PermissionDenied
from stabforce.ledger.vocab import Caveat, PersonnelKind, Task
from stabforce.services import facts
from stabforce.web import kindforms
from stabforce.web.pages import (
    actor,
    check_csrf,
    form_errors,
    render,
    require_form,
    services,
    when,
    why_not,
    writable_kinds,
)

router = APIRouter()

#: Which form field shows the error of which fact field.
PLEDGE_FIELDS = {
    "subject": "contributor", "payload.personnel.low": "low", "payload.personnel.high": "high",
    "payload.personnel": "low", "payload.personnel.text": "text", "payload.personnel_kind": "personnel_kind",
    "payload.tasks": "tasks", "payload.caveats": "caveats", "payload.phase": "phase",
    "payload.lead_time_days": "lead_time_days", "valid_from": "valid_from", "source.key": "source_key",
    "source.date": "source_date", "source.url": "source_url", "quote": "quote", "grade": "grade",
    "marking": "marking",
}
GENERIC_FIELDS = {"kind": "kind", "subject": "subject", "valid_from": "valid_from", "valid_to": "valid_to",
                  "source.key": "source_key", "source.date": "source_date", "source.url": "source_url",
                  "source.title": "source_title", "source": "source_key", "quote": "quote", "grade": "grade",
                  "supersedes": "supersedes", "marking": "marking"}


def _blank(value: Any) -> Any:
    return None if value in ("", None) else value


def _int(form: dict[str, Any], name: str) -> int | str | None:
    """Return a whole number typed in a form, or the text as typed (validation then names the field)."""
    value = _blank(form.get(name))
    if value is None:
        return None
    try:
        return int(str(value).replace(",", "").replace("_", ""))
    except ValueError:
        return str(value)


def _source(form: dict[str, Any]) -> dict[str, Any]:
    return {"key": form.get("source_key", ""), "date": form.get("source_date", ""),
            "title": _blank(form.get("source_title")), "url": _blank(form.get("source_url")),
            "attribution": _blank(form.get("attribution")), "paraphrase": form.get("paraphrase") == "on"}


def _pledge_context(request: Request, form: dict[str, Any], errors: dict[str, str], status: int = 200) -> HTMLResponse:
    return render(request, "record_pledge.html", status_code=status, at=when(request), form=form, errors=errors,
                  tasks=[t.value for t in Task], caveats=[c.value for c in Caveat],
                  kinds=[k.value for k in PersonnelKind])


@router.get("/record/pledge", response_class=HTMLResponse)
def pledge_form(request: Request) -> HTMLResponse:
    who = actor(request)
    require_form(who, "pledge")
    form = {"contributor": who.contributor or "", "personnel_kind": "troops", "grade": "B2",
            "valid_from": datetime.now(UTC).date().isoformat(), "tasks": [], "caveats": []}
    return _pledge_context(request, form, {})


@router.post("/record/pledge", response_class=HTMLResponse)
async def record_pledge(request: Request) -> Response:
    who = actor(request)
    raw = await request.form()
    check_csrf(request, raw.get("csrf_token"))
    form: dict[str, Any] = {k: raw.get(k, "") for k in raw if k not in ("tasks", "caveats")}
    form["tasks"], form["caveats"] = raw.getlist("tasks"), raw.getlist("caveats")
    try:
        personnel = {"low": _int(form, "low"), "high": _int(form, "high"), "approx": form.get("approx") == "on",
                     "text": _blank(form.get("text"))}
        payload = {"personnel": personnel, "personnel_kind": form.get("personnel_kind") or "troops",
                   "tasks": form["tasks"], "caveats": form["caveats"], "phase": _blank(form.get("phase")),
                   "lead_time_days": _int(form, "lead_time_days")}
        fact = facts.record_fact(services(request).ledger, who, {
            "kind": "pledge", "subject": f"contributor:{str(form.get('contributor', '')).strip().upper()}",
            "payload": payload, "valid_from": form.get("valid_from", ""), "source": _source(form),
            "quote": _blank(form.get("quote")), "grade": str(form.get("grade", "")).strip().upper(),
            "marking": _blank(form.get("marking")),
        })
    except InvalidInput as exc:
        return _pledge_context(request, form, form_errors(exc, PLEDGE_FIELDS), status=422)
    except PermissionDenied as exc:
        return _pledge_context(request, form, {"contributor": exc.message}, status=403)
    return RedirectResponse(f"/facts/{fact.id}?recorded=1", status_code=303)


def _generic_context(request: Request, form: dict[str, Any], errors: dict[str, str], status: int = 200) -> HTMLResponse:
    who = actor(request)
    if who.contributor:  # a liaison writes only about its own country
        form["subject"] = f"contributor:{who.contributor}"
    kind = form.get("kind", "")
    return render(request, "record_fact.html", status_code=status, at=when(request), form=form, errors=errors,
                  kinds=writable_kinds(who), inputs=kindforms.KIND_FORMS.get(kind, ()),
                  subject_hint=kindforms.SUBJECT_HINTS.get(kind, "contributor:IDN, mission:gaza-isf, zone:idf-held"))


@router.get("/record/fact", response_class=HTMLResponse)
def fact_form(request: Request, kind: str = "stance") -> HTMLResponse:
    who = actor(request)
    kinds = writable_kinds(who)
    if not kinds:
        raise PermissionDenied(why_not(who, kind, "record facts"), role=str(who.role))
    if kind not in kinds:
        kind = "stance" if "stance" in kinds else kinds[0]
    form: dict[str, Any] = {"kind": kind, "payload": "{}", "grade": "B2",
                            "valid_from": datetime.now(UTC).date().isoformat()}
    return _generic_context(request, form, {})


@router.post("/record/fact", response_class=HTMLResponse)
async def record_fact(request: Request) -> Response:
    """Record a fact of any kind: from the kind's own inputs where it has a form, else from JSON.

    Every problem comes back at once, each beside its field; nothing is stored."""
    who = actor(request)
    raw = await request.form()
    check_csrf(request, raw.get("csrf_token"))
    form: dict[str, Any] = {k: str(raw.get(k, "")) for k in raw}
    kind = form.get("kind", "")
    lists = {k: [str(v) for v in raw.getlist(k)] for k in raw if k.startswith("p.")}
    form["lists"] = lists
    fields = {**GENERIC_FIELDS, **kindforms.error_fields(kind),
              "payload": "form" if kind in kindforms.KIND_FORMS else "payload"}
    try:
        if kind in kindforms.KIND_FORMS:
            payload = kindforms.payload_from(kind, form, lists)
        else:
            try:
                payload = json.loads(form.get("payload") or "{}")
            except json.JSONDecodeError as exc:
                raise InvalidInput(f"the payload is not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                                   field="payload") from None
        supersedes = [s.strip() for s in form.get("supersedes", "").split(",") if s.strip()]
        fact = facts.record_fact(services(request).ledger, who, {
            "kind": kind, "subject": form.get("subject", "").strip(), "payload": payload,
            "valid_from": form.get("valid_from", ""), "valid_to": _blank(form.get("valid_to")),
            "source": _source(form), "quote": _blank(form.get("quote")),
            "grade": form.get("grade", "").strip().upper(), "supersedes": supersedes,
            "marking": _blank(form.get("marking")),
        })
    except InvalidInput as exc:
        return _generic_context(request, form, form_errors(exc, fields), status=422)
    except PermissionDenied as exc:
        return _generic_context(request, form, {"form": exc.message}, status=403)
    return RedirectResponse(f"/facts/{fact.id}?recorded=1", status_code=303)


@router.post("/facts/{fact_id}/retract")
async def retract(request: Request, fact_id: str) -> RedirectResponse:
    who = actor(request)
    raw = await request.form()
    check_csrf(request, raw.get("csrf_token"))
    reason = str(raw.get("reason", "")).strip()
    if not reason:
        raise InvalidInput("give the reason for the retraction", field="reason")
    fact = facts.retract_fact(services(request).ledger, who, fact_id=fact_id, reason=reason,
                              on=datetime.now(UTC).date())
    return RedirectResponse(f"/facts/{fact.id}?recorded=1", status_code=303)


@router.post("/conflicts/settle")
async def settle(request: Request) -> RedirectResponse:
    who = actor(request)
    raw = await request.form()
    check_csrf(request, raw.get("csrf_token"))
    fact = facts.settle_conflict(services(request).ledger, who, fact_ids=raw.getlist("fact_ids"),
                                 accepted=_blank(raw.get("accepted")), reason=str(raw.get("reason", "")).strip(),
                                 on=datetime.now(UTC).date())
    return RedirectResponse(f"/facts/{fact.id}?recorded=1", status_code=303)
