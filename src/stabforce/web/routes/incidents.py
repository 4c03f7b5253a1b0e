"""The incidents page: a weekly chart by event type, the table with sources, and the CSV upload."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import UploadFile

from stabforce.errors import InvalidInput, PermissionDenied
from stabforce.ledger.vocab import IncidentType
from stabforce.services import incidents
from stabforce.web.pages import actor, check_csrf, render, services, when

router = APIRouter()
MAX_BYTES = 20 * 1024 * 1024
#: Rows shown in the table (the chart and counts cover every incident).
SHOWN = 500


def _page(request: Request, *, status: int = 200, **extra: Any) -> HTMLResponse:
    who, at = actor(request), when(request)
    event_type = request.query_params.get("type") or None
    incident_class = request.query_params.get("class") or None
    view = incidents.incidents_view(services(request).pictures, as_of=at.as_of, known_at=at.known_at,
                                    event_type=event_type, incident_class=incident_class)
    chart = {"labels": [w["week"] for w in view["weeks"]],
             "types": [{"type": t.value, "label": _label(t), "counts": [w["by_type"][t.value] for w in view["weeks"]]}
                       for t in IncidentType]}
    form = {"grade": incidents.DEFAULT_GRADE, "skip_bad": False, **extra.pop("form", {})}
    return render(request, "incidents.html", status_code=status, who=who, at=at, view=view, chart=chart,
                  shown=view["incidents"][:SHOWN], types=[(t.value, _label(t)) for t in IncidentType],
                  classes=incidents.CLASSES, form=form, **extra)


def _label(t: IncidentType) -> str:
    return {"explosions_remote_violence": "Explosions/remote violence"}.get(t.value, t.value.replace("_", " ").capitalize())


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(request: Request) -> HTMLResponse:
    return _page(request)


@router.post("/incidents/import", response_class=HTMLResponse)
async def import_page(request: Request) -> HTMLResponse:
    who = actor(request)
    async with request.form() as raw:
        check_csrf(request, raw.get("csrf_token"))  # type: ignore[arg-type]
        form = {"grade": str(raw.get("grade") or incidents.DEFAULT_GRADE), "skip_bad": raw.get("skip_bad") == "on"}
        upload = raw.get("file")
        if isinstance(upload, UploadFile) and upload.filename:
            filename, data = upload.filename, await upload.read(MAX_BYTES + 1)
        else:
            filename, data = "", b""
    try:
        if not filename:
            raise InvalidInput("choose a CSV file to import", field="file")
        if len(data) > MAX_BYTES:
            raise InvalidInput(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it", field="file")
        report = incidents.import_acled_csv(services(request).ledger, who, data, name=filename,
                                            grade=form["grade"], skip_bad=bool(form["skip_bad"]))
    except incidents.CsvRefused as exc:
        d = exc.details
        message = (f"{d['bad']} of {d['rows']} rows of {d['file']} are bad (listed below). Fix them, or tick "
                   "\"Skip bad rows\" to store the good ones.")
        return _page(request, status=422, form=form, refused=message, bad_rows=d["bad_rows"])
    except InvalidInput as exc:
        return _page(request, status=422, form=form, refused=exc.message, bad_rows=[])
    except PermissionDenied as exc:
        return _page(request, status=403, form=form, refused=exc.message, bad_rows=[])
    return _page(request, form=form, report=report.to_json())
