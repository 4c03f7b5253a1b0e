"""Facts: search and filter the ledger; one fact with what it supersedes and what superseded it;
sources and the facts that cite them; conflicts."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from stabforce.errors import InvalidInput, NotFound
from stabforce.ledger import KINDS
from stabforce.services import facts, views
from stabforce.web.pages import actor, render, services, when

router = APIRouter()
PAGE = 50


def _day(value: str | None, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{field} {value!r} is not a date (YYYY-MM-DD)", field=field) from None


@router.get("/facts", response_class=HTMLResponse)
def fact_list(request: Request, kind: str = "", subject: str = "", source: str = "", grade: str = "",
              since: str = "", until: str = "", page: int = 1) -> HTMLResponse:
    who, at = actor(request), when(request)
    page = max(page, 1)
    flt = facts.FactFilter(kind=kind or None, subject=facts.subject_of(subject), source=source or None, grade=grade or None,
                           valid_from=_day(since, "since"), valid_to=_day(until, "until"), known_at=at.known_at,
                           limit=PAGE, offset=(page - 1) * PAGE)
    seen = services(request)
    found, total = facts.page_facts(seen.ledger, flt, reader=who, pictures=seen.pictures)
    template = "_facts_table.html" if request.headers.get("hx-request") else "facts.html"
    form = {"kind": kind, "subject": subject, "source": source, "grade": grade, "since": since, "until": until}
    pages = max(1, -(-total // PAGE))
    def link(n: int) -> str:
        return "/facts" + at.query(**{k: v for k, v in form.items() if v}, page=str(n))
    return render(request, template, who=who, at=at, found=found, total=total, page=page, pages=pages,
                  kinds=sorted(KINDS), form=form, prev_url=link(page - 1) if page > 1 else None,
                  next_url=link(page + 1) if page < pages else None)


@router.get("/facts/{fact_id}", response_class=HTMLResponse)
def fact_page(request: Request, fact_id: str) -> HTMLResponse:
    who = actor(request)
    fact, earlier, later = facts.get_fact_with_links(services(request).ledger, fact_id, reader=who)
    body = {**fact.to_json(), "supersedes": [f.id for f in earlier]}
    return render(request, "fact.html", who=who, at=when(request), fact=fact, later=later, earlier=earlier,
                  body=body)


@router.get("/sources", response_class=HTMLResponse)
def source_list(request: Request) -> HTMLResponse:
    who, at = actor(request), when(request)
    all_facts, _ = services(request).pictures.facts()
    return render(request, "sources.html", who=who, at=at,
                  sources=views.sources_summary(all_facts, known_at=at.known_at))


@router.get("/source", response_class=HTMLResponse)
def source_page(request: Request, key: str) -> HTMLResponse:
    who, at = actor(request), when(request)
    all_facts, _ = services(request).pictures.facts()
    citing = [f for f in views.known_by(all_facts, at.known_at) if f.source.key == key]
    if not citing:
        known = f" known on {at.known_text}" if at.known_text else ""
        raise NotFound(f"no fact{known} cites the source {key!r}", key=key)
    return render(request, "source.html", who=who, at=at, key=key, citing=citing, first=citing[0])


@router.get("/conflicts", response_class=HTMLResponse)
def conflict_list(request: Request, settled: bool = False) -> HTMLResponse:
    who, at = actor(request), when(request)
    picture = services(request).pictures.get(as_of=at.as_of, known_at=at.known_at)
    shown = [c for c in picture.snapshot.conflicts if settled or not c.settled]
    return render(request, "conflicts.html", who=who, at=at, conflicts=shown, settled=settled)
