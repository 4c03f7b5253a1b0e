"""/api/v1/facts: list, append, read, retract; /api/v1/conflicts/settle."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Query

from stabforce.api.deps import KNOWN_AT, Reader, ServicesDep, Writer, coordinates
from stabforce.api.schemas import FactIn, FactOut, FactPage, IsoDate, IsoDateTime, RetractIn, SettleIn
from stabforce.ledger import Fact
from stabforce.services import facts
from stabforce.services.actors import Actor

router = APIRouter(tags=["facts"])


@router.get("/facts", response_model=FactPage, summary="List facts, filtered, in ledger order")
def list_facts(
    services: ServicesDep, actor: Reader,
    kind: str | None = None, subject: str | None = None,
    source: str | None = Query(None, description="Source key or title contains this."),
    grade: str | None = Query(None, pattern="^[A-F][1-6]?$"),
    valid_from: IsoDate | None = Query(None, description="valid_from on or after."),
    valid_to: IsoDate | None = Query(None, description="valid_from on or before."),
    known_at: IsoDateTime | None = KNOWN_AT,
    limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0, le=10_000_000),
) -> FactPage:
    flt = facts.FactFilter(kind=kind, subject=facts.subject_of(subject), source=source, grade=grade, valid_from=valid_from,
                           valid_to=valid_to, known_at=coordinates(None, known_at)[1], limit=limit, offset=offset)
    found, total = facts.page_facts(services.ledger, flt, reader=actor, pictures=services.pictures)
    return FactPage(items=[_out(services, f, actor) for f in found], total=total, limit=limit, offset=offset)


def _out(services: ServicesDep, fact: Fact, actor: Actor, superseded_by: list[str] | None = None) -> FactOut:
    """A fact as `actor` may see it: the ids it supersedes that `actor` may not read are left out."""
    return FactOut.of(fact, superseded_by=superseded_by,
                      supersedes=facts.visible_supersedes(services.ledger, fact, reader=actor))


@router.post("/facts", response_model=FactOut, status_code=201, summary="Append a fact")
def append_fact(body: FactIn, services: ServicesDep, actor: Writer) -> FactOut:
    fact = facts.record_fact(services.ledger, actor, body.model_dump(mode="json"))
    return FactOut.of(fact)


@router.get("/facts/{fact_id}", response_model=FactOut, summary="One fact, with what superseded it")
def get_fact(fact_id: str, services: ServicesDep, actor: Reader) -> FactOut:
    fact, later = facts.get_fact_with_successors(services.ledger, fact_id, reader=actor)
    return _out(services, fact, actor, superseded_by=[f.id for f in later])


@router.post("/facts/{fact_id}/retract", response_model=FactOut, status_code=201, summary="Retract a fact")
def retract(fact_id: str, body: RetractIn, services: ServicesDep, actor: Writer) -> FactOut:
    fact = facts.retract_fact(services.ledger, actor, fact_id=fact_id, reason=body.reason,
                              on=datetime.now(UTC).date())
    return FactOut.of(fact)


@router.post("/conflicts/settle", response_model=FactOut, status_code=201, summary="Settle a conflict")
def settle(body: SettleIn, services: ServicesDep, actor: Writer) -> FactOut:
    fact = facts.settle_conflict(services.ledger, actor, fact_ids=body.fact_ids, accepted=body.accepted,
                                 reason=body.reason, on=datetime.now(UTC).date())
    return FactOut.of(fact)
