"""/api/v1: health, chain verification, sources, JSON Lines export."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from stabforce.api.deps import KNOWN_AT, Reader, ServicesDep, coordinates
from stabforce.api.schemas import ChainOut, Health, IsoDateTime, SourceSummary
from stabforce.services import exchange, facts, signing, views

router = APIRouter(tags=["ledger"])


@router.get("/health", response_model=Health, summary="Liveness (no login needed)")
def health() -> Health:
    return Health(status="ok")


@router.get("/verify", response_model=ChainOut, summary="Walk the hash chain")
def verify(services: ServicesDep, actor: Reader) -> ChainOut:
    return ChainOut(**facts.verify_view(services.ledger, reader=actor))


@router.get("/sources", response_model=list[SourceSummary], summary="Every source and how many facts cite it")
def sources(services: ServicesDep, actor: Reader, known_at: IsoDateTime | None = KNOWN_AT) -> list[SourceSummary]:
    all_facts, _ = services.pictures.facts()
    return [SourceSummary(**s) for s in views.sources_summary(all_facts, known_at=coordinates(None, known_at)[1])]


@router.get("/export", summary="The ledger as JSON Lines, hashes included, signed (whole for admins; filtered for others)",
            description="Admins: every fact as one JSON line in ledger order, then (when the server has a signing key, "
                        "STABFORCE_SIGNING_KEY) one signature line over the head hash; `stabforce verify --export` "
                        "and `stabforce import` check it. Anyone else: a filtered export, a first line "
                        "{\"export\": \"filtered\", ...}, then only the facts their role may read under the facts' "
                        "TLP markings, unsigned; it cannot be imported. The format is described in docs/architecture.md.",
            response_class=StreamingResponse, responses={200: {"content": {"application/x-ndjson": {}}}})
def export(services: ServicesDep, actor: Reader) -> StreamingResponse:
    whole = actor.clearance.everything
    path = services.settings.signing_key
    key = signing.load_private_key(path) if path is not None and whole else None
    return StreamingResponse(exchange.export_lines(services.ledger, key, reader=actor), media_type="application/x-ndjson",
                             headers={"X-Stabforce-Export": "whole" if whole else "filtered"})
