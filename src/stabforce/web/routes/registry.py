"""The decommissioning registry page, the facts behind each of its quantities, and the form that
records a step with an evidence file."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from stabforce.engines.registry import CATEGORIES
from stabforce.errors import InvalidInput, PermissionDenied
from stabforce.ledger.vocab import WEAPON_STATES, WeaponType, weapon_category
from stabforce.services import registry as registry_service
from stabforce.web.pages import actor, check_csrf, render, require_form, services, when

router = APIRouter()

#: Which form field shows the error of which fact field.
FIELDS = {
    "subject": "registry", "payload.weapon": "weapon", "payload.quantity": "quantity",
    "payload.from_state": "from_state", "payload.to_state": "to_state", "payload": "to_state",
    "payload.site": "site", "payload.custody_from": "custody_from", "payload.custody_to": "custody_to",
    "payload.verifier": "verifier", "payload.skip_reason": "skip_reason", "payload.evidence": "file",
    "file": "file", "valid_from": "valid_from", "source.key": "source_key", "source.date": "source_date",
    "quote": "quote", "grade": "grade",
}


@router.get("/registry", response_class=HTMLResponse)
def registry_page(request: Request) -> HTMLResponse:
    who, at = actor(request), when(request)
    rp = registry_service.registry_picture(services(request).pictures, as_of=at.as_of, known_at=at.known_at)
    view = registry_service.registry_view(rp)
    chart = {"labels": list(CATEGORIES), "states": list(WEAPON_STATES),
             "held": {st: [row["held"][st] for row in view["categories"][:len(CATEGORIES)]] for st in WEAPON_STATES}}
    return render(request, "registry.html", who=who, at=at, view=view, chart=chart)


@router.get("/registry/steps", response_class=HTMLResponse)
def steps_page(request: Request, state: str = "", weapon: str = "", category: str = "") -> HTMLResponse:
    """The steps behind one quantity: each moved some of `weapon` (or a category) into or out of `state`."""
    who, at = actor(request), when(request)
    if state not in WEAPON_STATES:
        raise InvalidInput(f"state {state!r} is not one of {', '.join(WEAPON_STATES)}", field="state")
    if weapon and weapon not in {w.value for w in WeaponType}:
        raise InvalidInput(f"weapon {weapon!r} is not a registry weapon type", field="weapon")
    rp = registry_service.registry_picture(services(request).pictures, as_of=at.as_of, known_at=at.known_at)
    reg = rp.registry
    types = [weapon] if weapon else [w for w in reg.weapons() if category in ("", "all", weapon_category(w))]
    steps = sorted((s for w in types for s in reg.facts_behind(w, state)),
                   key=lambda s: (s.fact.valid_from, s.fact.known_from, s.fact.seq or 0))
    rows = []
    total = 0
    for step in steps:
        sign = 1 if step.to_state == state else -1
        total += sign * step.quantity
        rows.append({"step": registry_service.step_view(step), "change": sign * step.quantity, "running": total})
    what = weapon or (f"{category} weapons" if category and category != "all" else "all weapons")
    return render(request, "registry_steps.html", who=who, at=at, rows=rows, total=total, state=state, what=what,
                  held=sum(reg.held.get((w, state), 0) for w in types))


def _form_context(request: Request, form: dict[str, Any], errors: dict[str, str], status: int = 200) -> HTMLResponse:
    return render(request, "registry_record.html", status_code=status, at=when(request), form=form, errors=errors,
                  weapons=[w.value for w in WeaponType], states=list(WEAPON_STATES),
                  max_bytes=services(request).settings.evidence_max_bytes)


@router.get("/registry/record", response_class=HTMLResponse)
def record_form(request: Request) -> HTMLResponse:
    who = actor(request)
    require_form(who, registry_service.KIND, "record registry steps")
    today = datetime.now(UTC).date().isoformat()
    return _form_context(request, {"registry": "weapons", "valid_from": today, "source_date": today, "grade": "A2",
                                   "to_state": "declared"}, {})


def _blank(value: Any) -> Any:
    return None if value in ("", None) else value


@router.post("/registry/record", response_class=HTMLResponse)
async def record_step(request: Request) -> Response:
    who = actor(request)
    raw = await request.form(max_files=5)
    try:
        check_csrf(request, raw.get("csrf_token"))  # type: ignore[arg-type]
        form = {k: str(v) for k, v in raw.items() if not isinstance(v, UploadFile)}
        svc = services(request)
        limit = svc.settings.evidence_max_bytes
        files = [(item.filename, item.content_type, await item.read(limit + 1)) for item in raw.getlist("file")
                 if isinstance(item, UploadFile) and item.filename]
    finally:
        await raw.close()
    try:
        uploads = []
        for filename, media_type, content in files:
            if len(content) > limit:
                raise InvalidInput(f"the evidence file {filename} is larger than the limit of {limit:,} bytes",
                                   field="file")
            uploads.append(registry_service.Upload(filename, media_type, content,
                                                   _blank(form.get("evidence_description"))))
        quantity = str(form.get("quantity", "")).replace(",", "").replace("_", "").strip()
        if not quantity.isdigit():
            raise InvalidInput(f"{form.get('quantity', '')!r} is not a whole number", field="quantity")
        payload = {key: _blank(form.get(key)) for key in ("weapon", "from_state", "to_state", "site", "custody_from",
                                                          "custody_to", "verifier", "skip_reason")}
        payload["quantity"] = int(quantity)
        fact = registry_service.record_step(svc.ledger, svc.evidence, who, {
            "kind": registry_service.KIND, "subject": f"registry:{form.get('registry', '').strip() or 'weapons'}",
            "payload": {k: v for k, v in payload.items() if v is not None},
            "valid_from": form.get("valid_from", ""),
            "source": {"key": form.get("source_key", ""), "date": form.get("source_date", ""),
                       "title": _blank(form.get("source_title")), "attribution": _blank(form.get("attribution"))},
            "quote": _blank(form.get("quote")), "grade": form.get("grade", "").strip().upper(),
        }, uploads, max_bytes=limit)
    except InvalidInput as exc:
        return _form_context(request, form, {_field_of(exc): exc.message}, status=422)
    except PermissionDenied as exc:
        return _form_context(request, form, {"form": exc.message}, status=403)
    return RedirectResponse(f"/facts/{fact.id}?recorded=1", status_code=303)


def _field_of(exc: InvalidInput) -> str:
    field = str(exc.details.get("field", ""))
    if field in FIELDS.values():
        return field
    while field:
        if field in FIELDS:
            return FIELDS[field]
        field = field.rpartition(".")[0]
    return "form"
