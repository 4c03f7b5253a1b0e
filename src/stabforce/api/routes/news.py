"""/api/v1/documents and /api/v1/claims: ingest news, list proposed claims, accept or reject them."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from stabforce.api.deps import Reader, ServicesDep, Writer
from stabforce.api.schemas import FactOut, IsoDate
from stabforce.errors import NotFound
from stabforce.services import news, pair_model

router = APIRouter(tags=["news"])


class DocumentIn(BaseModel):
    """A document to ingest: its text (plain text or HTML) and what is known about it."""

    name: str = Field(min_length=1, max_length=300, description="File name or a short name for the document")
    text: str = Field(min_length=1, description="Plain text, or HTML; may start with ' date YYYY-MM-DD'")
    date: IsoDate | None = Field(None, description="Publication date, if the text does not state one")
    title: str | None = Field(None, max_length=500)
    publisher: str | None = Field(None, max_length=300)
    url: str | None = Field(None, max_length=1000)


class DocumentOut(BaseModel):
    sha256: str
    name: str
    title: str | None
    publisher: str | None
    url: str | None
    published: str
    ingested_at: str
    ingested_by: str
    size: int
    claims: dict[str, int]


class IngestOut(BaseModel):
    document: DocumentOut
    created: bool = Field(description="false when the same text was already stored (nothing changed)")
    proposed: int


class DocumentText(DocumentOut):
    text: str


class Contradiction(BaseModel):
    fact: str
    says: dict[str, Any]
    valid_from: str
    phase: str | None
    source: str
    grade: str
    attribution: str | None


class ClaimOut(BaseModel):
    id: str
    document: str
    document_name: str | None
    status: str
    fact_id: str | None
    reviewed_by: str | None
    reviewed_at: str | None
    note: str | None
    subject: str | None
    kind: str | None
    low: int | None
    high: int | None
    approx: bool | None
    personnel: str | None
    quantity_text: str | None
    tasks: list[str] | None
    as_of: str | None
    timing_text: str | None
    timing_from: str | None
    timing_to: str | None
    share_pct: float | None
    negated: bool | None
    revision: bool | None
    quote: str | None
    start: int | None
    end: int | None
    confidence: float | None
    conversion: dict[str, Any] | None
    method: Literal["rules", "learned", "learned_kind"] = Field(
        "rules", description="Who proposed it: the extraction rules (`rules`), the learned second pass (`learned`), or "
                             "the rules with the kind the learned pass gave it (`learned_kind`); the learned pass's "
                             "claims have confidence 0.35 or less (STABFORCE_PAIR_MODEL).")
    contradicts: list[Contradiction] = []


class Corrections(BaseModel):
    """Fields of the claim to correct before it becomes a fact (omit what stays)."""

    kind: str | None = None
    subject: str | None = Field(None, max_length=120)
    low: int | None = Field(None, ge=0)
    high: int | None = Field(None, ge=0)
    approx: bool | None = None
    personnel: str | None = None
    tasks: list[str] | None = None
    as_of: IsoDate | None = None
    phase: str | None = Field(None, max_length=100)
    stance: str | None = None
    role: str | None = Field(None, max_length=200)
    share_pct: float | None = Field(None, ge=0, le=100)
    attribution: str | None = Field(None, max_length=300)
    note: str | None = Field(None, max_length=2000)


class AcceptIn(BaseModel):
    grade: str = Field(pattern="^[A-Fa-f][1-6]$", description="Admiralty grade the analyst gives, e.g. B2")
    corrections: Corrections = Corrections()


class RejectIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class AcceptOut(BaseModel):
    claim: ClaimOut
    fact: FactOut


@router.post("/documents", response_model=IngestOut, status_code=201,
             summary="Ingest a document: stored once by content hash, with the claims proposed from it")
def ingest(body: DocumentIn, services: ServicesDep, actor: Writer) -> dict[str, Any]:
    item = news.Incoming(body.name, body.text.encode("utf-8"), body.date, body.title, body.publisher, body.url)
    (done,) = news.ingest(services.documents, actor, [item], max_bytes=services.settings.document_max_bytes,
                          read=pair_model.claim_reader(services.settings.pair_model))
    counts = services.documents.counts(done.document.sha256)
    return {"document": news.document_view(done.document, counts), "created": done.created, "proposed": done.claims}


@router.get("/documents", response_model=list[DocumentOut], summary="Ingested documents with their claim counts")
def documents(services: ServicesDep, actor: Reader) -> list[dict[str, Any]]:
    return [news.document_view(d, counts) for d, counts in services.documents.documents()]


@router.get("/documents/{sha256}", response_model=DocumentText, summary="One document with its text")
def document(sha256: str, services: ServicesDep, actor: Reader) -> dict[str, Any]:
    found = services.documents.get(sha256)
    if found is None:
        raise NotFound(f"no document {sha256!r}", document=sha256)
    return {**news.document_view(found), "text": found.text}


@router.get("/claims", response_model=list[ClaimOut], summary="Claims proposed from documents (the review queue)")
def claims(services: ServicesDep, actor: Reader,
           status: str = Query("proposed", pattern="^(proposed|accepted|rejected|all)$")) -> list[dict[str, Any]]:
    docs = {d.sha256: d for d, _ in services.documents.documents()}
    return [{**news.claim_view(c, docs.get(c.document)),
             "contradicts": news.contradictions(services.pictures, c) if c.status == "proposed" else []}
            for c in services.documents.claims(status=None if status == "all" else status)]


@router.post("/claims/{claim_id}/accept", response_model=AcceptOut, status_code=201,
             summary="Record a claim (with corrections) as a fact citing its document and quoting the sentence")
def accept(claim_id: str, body: AcceptIn, services: ServicesDep, actor: Writer) -> dict[str, Any]:
    corrections = body.corrections.model_dump(mode="json", exclude_none=True)
    claim, fact = news.accept(services.documents, services.ledger, actor, claim_id, grade=body.grade,
                              corrections=corrections)
    return {"claim": news.claim_view(claim), "fact": FactOut.of(fact)}


@router.post("/claims/{claim_id}/copy", response_model=ClaimOut, status_code=201,
             summary="Propose a claim's sentence again, to record a second fact from it")
def copy(claim_id: str, services: ServicesDep, actor: Writer) -> dict[str, Any]:
    return news.claim_view(news.copy_claim(services.documents, actor, claim_id))


@router.post("/claims/{claim_id}/reject", response_model=ClaimOut, summary="Reject a proposed claim")
def reject(claim_id: str, body: RejectIn, services: ServicesDep, actor: Writer) -> dict[str, Any]:
    return news.claim_view(news.reject(services.documents, actor, claim_id, reason=body.reason))
