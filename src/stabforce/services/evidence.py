"""Evidence files: upload (content-addressed, size-limited, monitors and admins only) and download under
the markings of the facts that cite them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from stabforce.errors import InvalidInput, NotFound, PermissionDenied
from stabforce.ledger import Fact
from stabforce.services.actors import Actor, Role
from stabforce.services.picture import Pictures
from stabforce.store.evidence_repo import EvidenceFile, EvidenceInfo, EvidenceStore, sha256_of

__all__ = ["UPLOADERS", "EvidenceFile", "EvidenceInfo", "check_upload", "get_evidence", "may_read", "may_upload",
           "require_upload", "sha256_of", "store_evidence"]

#: Roles that may upload evidence files (those who verify on the ground, and admins).
UPLOADERS = frozenset({Role.ADMIN, Role.MONITOR})
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def may_upload(actor: Actor) -> bool:
    """Return whether the actor may upload evidence files."""
    return actor.role in UPLOADERS


def require_upload(actor: Actor) -> None:
    """Raise `PermissionDenied` unless the actor may upload evidence files."""
    if not may_upload(actor):
        raise PermissionDenied(f"role {actor.role} may not upload evidence files (monitor or admin only)",
                               role=str(actor.role))


def clean_name(name: str | None) -> str:
    """Return the file's own name (no folders), at most 300 characters; 'evidence' if it has none."""
    base = re.split(r"[\\/]", (name or "").strip())[-1].strip()
    return base[:300] or "evidence"


def check_upload(content: bytes, *, max_bytes: int, field: str = "file") -> None:
    """Refuse an empty file or one larger than `max_bytes`."""
    if not content:
        raise InvalidInput("the evidence file is empty", field=field)
    if len(content) > max_bytes:
        raise InvalidInput(f"the evidence file is {len(content):,} bytes; the limit is {max_bytes:,} bytes "
                           "(STABFORCE_EVIDENCE_MAX_BYTES)", field=field, size=len(content), limit=max_bytes)


def store_evidence(store: EvidenceStore, actor: Actor, *, content: bytes, name: str | None,
                   media_type: str | None, max_bytes: int) -> EvidenceInfo:
    """Check and store an uploaded file; the same bytes stored twice are kept once. Return its record."""
    require_upload(actor)
    check_upload(content, max_bytes=max_bytes)
    digest = store.put(content, name=clean_name(name), media_type=(media_type or "application/octet-stream"),
                       uploaded_by=actor.id)
    info = store.info(digest)
    assert info is not None  # just stored
    return info


def get_evidence(store: EvidenceStore, sha256: str, *, pictures: Pictures | None = None,
                 actor: Actor | None = None) -> EvidenceFile:
    """Return a stored file by its SHA-256, or raise `NotFound`. Given a reader (`pictures` and `actor`), a
    file the reader may not read (`may_read`) is not found either, so its existence is not disclosed."""
    digest = sha256.lower()
    found = store.get(digest) if SHA256.match(digest) else None
    if found is not None and actor is not None and pictures is not None and not may_read(pictures, actor, digest):
        found = None
    if found is None:
        raise NotFound(f"no evidence file with SHA-256 {sha256} that you may read", sha256=sha256)
    return found


def may_read(pictures: Pictures, actor: Actor, sha256: str) -> bool:
    """Return whether `actor` may read the evidence file `sha256`: a file is as readable as the facts that
    cite it (one fact the actor may read under its TLP marking is enough); a file no fact cites yet is
    readable only by those who upload and cite files (monitors and admins)."""
    if any(sha256 in cited(f) for f in pictures.scoped(actor.clearance).facts()[0]):
        return True
    return may_upload(actor) and not any(sha256 in cited(f) for f in pictures.all_facts()[0])


def cited(fact: Fact) -> set[str]:
    """Return the SHA-256 of every evidence file a fact's payload cites (any `sha256` inside it)."""
    return set(_hashes(fact.payload))


def _hashes(value: Any) -> Iterable[str]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key == "sha256" and isinstance(item, str):
                yield item.lower()
            else:
                yield from _hashes(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _hashes(item)
