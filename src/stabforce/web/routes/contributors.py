"""Contributors: the list, and each country's timeline of stances and pledges with sources."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from stabforce.errors import NotFound
from stabforce.ledger.vocab import country_name
from stabforce.services import timeline
from stabforce.web.pages import actor, render, services, when

router = APIRouter()


@router.get("/contributors", response_class=HTMLResponse)
def contributors(request: Request) -> HTMLResponse:
    who, at = actor(request), when(request)
    picture = services(request).pictures.get(as_of=at.as_of, known_at=at.known_at)
    return render(request, "contributors.html", who=who, at=at, fg=picture.forcegen)


@router.get("/contributors/{iso3}", response_class=HTMLResponse)
def contributor(request: Request, iso3: str) -> HTMLResponse:
    who, at = actor(request), when(request)
    name = country_name(iso3)
    if name is None:
        raise NotFound(f"no country with code {iso3!r}", iso3=iso3)
    pictures = services(request).pictures
    picture = pictures.get(as_of=at.as_of, known_at=at.known_at)
    line = next((c for c in picture.forcegen.contributors if c.iso3 == iso3), None)
    entries = timeline.subject_timeline(pictures, f"contributor:{iso3}", picture.snapshot)
    conflicts = picture.snapshot.conflicts_about(f"contributor:{iso3}")
    return render(request, "contributor.html", who=who, at=at, iso3=iso3, name=name, line=line, entries=entries,
                  conflicts=conflicts)
