"""/api/v1 reads of the picture: snapshot, pledges, force generation and gaps, conflicts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter

from stabforce.api.deps import AS_OF, KNOWN_AT, Reader, ServicesDep, coordinates
from stabforce.api.schemas import IsoDate, IsoDateTime
from stabforce.services import views
from stabforce.services.picture import Picture

router = APIRouter(tags=["picture"])


def _picture(services: ServicesDep, as_of: date | None, known_at: datetime | None) -> Picture:
    day, at = coordinates(as_of, known_at)
    return services.pictures.get(as_of=day, known_at=at)


@router.get("/snapshot", summary="The picture's headline numbers on a day, as known at a time")
def snapshot(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
             known_at: IsoDateTime | None = KNOWN_AT) -> dict[str, Any]:
    p = _picture(services, as_of, known_at)
    return {**views.snapshot_header(p.snapshot), **views.overview_numbers(p)}


@router.get("/pledges", summary="Each contributor's stance and pledges, with sources")
def pledges(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
            known_at: IsoDateTime | None = KNOWN_AT) -> dict[str, Any]:
    p = _picture(services, as_of, known_at)
    return {**views.snapshot_header(p.snapshot), "contributors": [views.contributor_view(c) for c in p.forcegen.contributors]}


@router.get("/forcegen", summary="Totals, gaps to requirements, task coverage and the caveat gap")
def forcegen(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
             known_at: IsoDateTime | None = KNOWN_AT) -> dict[str, Any]:
    p = _picture(services, as_of, known_at)
    return {**views.snapshot_header(p.snapshot), **views.gaps_view(p.forcegen)}


@router.get("/conflicts", summary="Reports that disagree, side by side")
def conflicts(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
              known_at: IsoDateTime | None = KNOWN_AT, include_settled: bool = False) -> dict[str, Any]:
    p = _picture(services, as_of, known_at)
    shown = [c for c in p.snapshot.conflicts if include_settled or not c.settled]
    return {**views.snapshot_header(p.snapshot), "conflicts": [views.conflict_view(c) for c in shown]}
