"""News pages: ingest documents (upload or paste), and the review queue where proposed claims sit
beside their highlighted sentence to be accepted (corrected if need be) or rejected."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from stabforce.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from stabforce.ledger.vocab import PersonnelKind, Task
from stabforce.services import news, pair_model
from stabforce.services.actors import Actor, Role
from stabforce.web.pages import actor, check_csrf, render, services

router = APIRouter()
CORRECTABLE = ("kind", "subject", "low", "high", "personnel", "phase", "attribution", "stance", "share_pct")


def _news_page(request: Request, *, error: Exception | None = None, done: list[news.Ingested] | None = None,
               form: dict[str, Any] | None = None, status: int = 200) -> HTMLResponse:
    svc = services(request)
    docs = [news.document_view(d, counts) for d, counts in svc.documents.documents()]
    return render(request, "news.html", status_code=status, docs=docs, error=error, done=done or [], form=form or {},
                  may_review=actor(request).role in news.REVIEWERS, reviewers=_reviewers())


@router.get("/news", response_class=HTMLResponse)
def news_page(request: Request) -> HTMLResponse:
    actor(request)
    return _news_page(request)


@router.post("/news", response_class=HTMLResponse)
async def ingest(request: Request) -> HTMLResponse:
    who = actor(request)
    raw = await request.form(max_files=50)
    check_csrf(request, raw.get("csrf_token"))
    form = {k: str(v) for k, v in raw.items() if not isinstance(v, UploadFile)}
    svc = services(request)
    try:
        day = date.fromisoformat(form["date"]) if form.get("date") else None
    except ValueError:
        return _news_page(request, error=InvalidInput(f"date {form['date']!r} is not YYYY-MM-DD", field="date"),
                          form=form, status=422)
    about = {"title": form.get("title") or None, "publisher": form.get("publisher") or None,
             "url": form.get("url") or None}
    items = [news.Incoming(f.filename or "upload.txt", await f.read(), day, **about)
             for f in raw.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if form.get("text", "").strip():
        items.append(news.Incoming(form.get("name") or "pasted.txt", form["text"].encode("utf-8"), day, **about))
    try:
        if not items:
            raise InvalidInput("choose files or paste a text", field="files")
        done = news.ingest(svc.documents, who, items, max_bytes=svc.settings.document_max_bytes,
                           read=pair_model.claim_reader(svc.settings.pair_model))
    except (InvalidInput, PermissionDenied) as exc:
        return _news_page(request, error=exc, form=form, status=403 if isinstance(exc, PermissionDenied) else 422)
    return _news_page(request, done=done)


def _review_page(request: Request, who: Actor, items: list[dict[str, Any]], *, status: str = "proposed",
                 document: str | None = None, error: str | None = None, form: dict[str, str] | None = None,
                 back: str | None = None, status_code: int = 200) -> HTMLResponse:
    return render(request, "review.html", status_code=status_code, who=who, items=items, status=status,
                  document=document, may_review=who.role in news.REVIEWERS, personnel=list(PersonnelKind),
                  tasks=list(Task), kinds=[k for k in news.KINDS if k != "other"], error=error, form=form or {},
                  back=back or _back(f"{request.url.path}?{request.url.query}"), reviewers=_reviewers())


def _reviewers() -> str:
    roles = [str(r) for r in Role if r in news.REVIEWERS]
    return ", ".join(roles[:-1]) + " or " + roles[-1]


def _items(svc: Any, claims: list[Any]) -> list[dict[str, Any]]:
    docs = {d.sha256: d for d, _ in svc.documents.documents()}
    return [{"claim": news.claim_view(c, docs.get(c.document)), "context": news.claim_context(c, docs[c.document]),
             "contradicts": news.contradictions(svc.pictures, c) if c.status == "proposed" else []}
            for c in claims if c.document in docs]


def _back(value: str | None) -> str:
    """Return where a review form goes back to: a review page of this site, else the queue."""
    if value and value.startswith("/review") and not value.startswith("//") and "\\" not in value:
        return value
    return "/review"


def _then(back: str, **params: str) -> str:
    return f"{back}{'&' if '?' in back else '?'}{urlencode(params)}"


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, status: str = "proposed", document: str | None = None) -> HTMLResponse:
    who = actor(request)
    svc = services(request)
    found = svc.documents.claims(status=None if status == "all" else status, document=document)
    return _review_page(request, who, _items(svc, found), status=status, document=document,
                        error=request.query_params.get("error"))


@router.get("/review/{claim_id}", response_class=HTMLResponse)
def review_claim(request: Request, claim_id: str) -> HTMLResponse:
    """One claim on its own (the address a refused accept is shown at)."""
    who = actor(request)
    svc = services(request)
    return _review_page(request, who, _items(svc, [svc.documents.claim(claim_id)]), status="all",
                        back="/review")


@router.post("/review/{claim_id}", response_class=HTMLResponse)
async def decide(request: Request, claim_id: str) -> Response:
    """Accept (with corrections), reject or copy a claim, then go back to the page the form came from.

    A refused accept shows the claim again with the reviewer's values as submitted, and the same way back.
    """
    who = actor(request)
    raw = await request.form()
    check_csrf(request, raw.get("csrf_token"))
    form = {k: str(v).strip() for k, v in raw.items()}
    svc = services(request)
    back = _back(form.get("back"))
    try:
        if form.get("decision") == "copy":
            copied = news.copy_claim(svc.documents, who, claim_id)
            return RedirectResponse(_then(back, copied=copied.id), status_code=303)
        if form.get("decision") == "reject":
            news.reject(svc.documents, who, claim_id, reason=form.get("reason", ""))
            return RedirectResponse(back, status_code=303)
        original = svc.documents.claim(claim_id).data
        # A field left as proposed is no correction; one emptied is (e.g. an "up to" without its low figure).
        corrections = {k: form[k] for k in CORRECTABLE if k in form and form[k] != str(_shown(original.get(k)))}
        _, fact = news.accept(svc.documents, svc.ledger, who, claim_id, grade=form.get("grade", ""),
                              corrections=corrections)
    except (InvalidInput, PermissionDenied, Conflict, NotFound) as exc:
        status = 403 if isinstance(exc, PermissionDenied) else 404 if isinstance(exc, NotFound) else \
            409 if isinstance(exc, Conflict) else 422
        claims = [svc.documents.claim(claim_id)] if not isinstance(exc, NotFound) else []
        return _review_page(request, who, _items(svc, claims), status="proposed", error=f"Nothing was stored. {exc.message}",
                            form={**form, "claim": claim_id}, back=back, status_code=status)
    return RedirectResponse(_then(back, accepted=fact.id), status_code=303)


def _shown(value: Any) -> str:
    """Return a claim field as the form shows it."""
    return "" if value is None else str(value)
