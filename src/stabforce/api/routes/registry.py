"""/api/v1 endpoints of the decommissioning registry: the registry picture, evidence upload and download.

Registry steps are recorded with POST /api/v1/facts (kind `weapons_moved`); the facts service refuses
a step that would overdraw a stock, whatever face it came from.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.formparsers import MultiPartException

from stabforce.api.deps import AS_OF, KNOWN_AT, Reader, ServicesDep, Writer, coordinates
from stabforce.api.schemas import IsoDate, IsoDateTime
from stabforce.errors import InvalidInput
from stabforce.services import evidence as evidence_service
from stabforce.services import registry as registry_service

router = APIRouter(tags=["registry"])


class StateCounts(BaseModel):
    """A quantity in each registry state, in order."""

    declared: int
    collected: int
    stored: int
    decommissioned: int
    destroyed: int


class StateFacts(BaseModel):
    """For each state, the ids of the facts whose steps fold to the holding there (moved in or out)."""

    declared: list[str]
    collected: list[str]
    stored: list[str]
    decommissioned: list[str]
    destroyed: list[str]


class WeaponRow(BaseModel):
    """One weapon type: what is held in each state now, how many were declared in all."""

    weapon: str
    category: str = Field(description="heavy or light")
    held: StateCounts
    total_declared: int
    facts: StateFacts


class CategoryRow(BaseModel):
    """Holdings per state of a category (heavy, light, or all), and how many reached each state or a later one."""

    category: str
    held: StateCounts
    reached: StateCounts
    total_declared: int


class EvidenceRef(BaseModel):
    name: str
    sha256: str | None = None
    description: str | None = None


class StepOut(BaseModel):
    """A registry step; a refused one says why and what was available."""

    fact_id: str
    valid_from: date
    weapon: str
    category: str
    quantity: int
    from_state: str | None
    to_state: str
    site: str | None
    verifier: str | None
    evidence: list[EvidenceRef]
    refused: str | None
    available: int | None


class InfraOut(BaseModel):
    """A piece of infrastructure: current status and when it is due for re-inspection."""

    subject: str
    type: str
    status: str
    since: date
    due: date | None
    overdue: bool
    days_overdue: int
    place: str | None
    length_m: float | None
    verifier: str | None
    fact_id: str


class InfraCounts(BaseModel):
    """How many items reached each status (or a later one)."""

    identified: int
    neutralized: int
    reinspected: int


class RegistryOut(BaseModel):
    """The decommissioning registry on a day, as known at a time."""

    as_of: date
    known_at: datetime
    facts_known: int
    states: list[str]
    weapons: list[WeaponRow]
    categories: list[CategoryRow]
    steps: int = Field(description="Steps applied.")
    refused: list[StepOut]
    infrastructure: list[InfraOut]
    infrastructure_counts: InfraCounts
    reinspections_overdue: int


class EvidenceOut(BaseModel):
    """A stored evidence file (cite it in a fact's evidence by its sha256)."""

    sha256: str
    name: str
    media_type: str
    size: int
    uploaded_at: datetime
    uploaded_by: str


@router.get("/registry", response_model=RegistryOut,
            summary="Weapons by type and state, refused steps, infrastructure and due re-inspections")
def registry(services: ServicesDep, actor: Reader, as_of: IsoDate | None = AS_OF,
             known_at: IsoDateTime | None = KNOWN_AT) -> RegistryOut:
    day, at = coordinates(as_of, known_at)
    rp = registry_service.registry_picture(services.pictures, as_of=day, known_at=at)
    return RegistryOut.model_validate(registry_service.registry_view(rp))


#: The upload's body, written out: one file part named `file` (any bytes; its filename is stored as the
#: name). FastAPI's own `File()` schema would type the part as a string, which a multipart body cannot honour.
UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"format": "binary", "description": "The evidence file (a file part)."}}}}}}}


@router.post("/evidence", response_model=EvidenceOut, status_code=201, openapi_extra=UPLOAD_BODY,
             summary="Upload an evidence file (monitor or admin); it is stored under its SHA-256")
async def upload_evidence(request: Request, services: ServicesDep, actor: Writer) -> EvidenceOut:
    evidence_service.require_upload(actor)
    limit = services.settings.evidence_max_bytes
    try:
        form = await request.form(max_files=1, max_fields=20)
    except (HTTPException, MultiPartException, ValueError) as exc:
        raise InvalidInput(f"send the file as multipart/form-data with one part named 'file' ({exc})",
                           field="file") from None
    try:
        part = form.get("file")
        if part is None:
            raise InvalidInput("send the file as multipart/form-data with one part named 'file'", field="file")
        if isinstance(part, str):
            content, name, media_type = part.encode(), None, None
        else:
            content = await part.read(limit + 1)  # never more than the limit (and one byte to tell) in memory
            name, media_type = part.filename, part.content_type
    finally:
        await form.close()
    if len(content) > limit:
        raise InvalidInput(f"the evidence file is larger than the limit of {limit:,} bytes "
                           "(STABFORCE_EVIDENCE_MAX_BYTES)", field="file", limit=limit)
    info = await run_in_threadpool(evidence_service.store_evidence, services.evidence, actor, content=content,
                                   name=name, media_type=media_type, max_bytes=limit)
    return EvidenceOut(sha256=info.sha256, name=info.name, media_type=info.media_type, size=info.size,
                       uploaded_at=info.uploaded_at, uploaded_by=info.uploaded_by)


@router.get("/evidence/{sha256}", response_class=Response, summary="Download an evidence file by its SHA-256",
            responses={200: {"content": {"application/octet-stream": {"schema": {"type": "string",
                                                                                 "format": "binary"}}},
                             "description": "The file's bytes (always served as a download)."}})
def download_evidence(services: ServicesDep, actor: Reader,
                      sha256: str = Path(pattern="^[0-9a-f]{64}$", description="The file's SHA-256 (hex).")
                      ) -> Response:
    found = evidence_service.get_evidence(services.evidence, sha256, pictures=services.pictures, actor=actor)
    name = quote(found.info.name, safe="")
    return Response(found.content, media_type="application/octet-stream", headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{name}", "X-Content-Type-Options": "nosniff",
        "X-Evidence-Media-Type": found.info.media_type, "Cache-Control": "private, max-age=31536000, immutable"})
