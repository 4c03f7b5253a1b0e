"""Evidence files, content-addressed: a file is stored once under the SHA-256 of its bytes.

Like the facts that cite them, stored files are never changed or deleted (migration `0003` guards
the table on both databases).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import DateTime, Engine, Integer, LargeBinary, String, func, insert, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Mapped, mapped_column

from stabforce.store.rows import Base


class EvidenceRow(Base):
    """One uploaded file, keyed by the SHA-256 of its content."""

    __tablename__ = "evidence"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    uploaded_by: Mapped[str] = mapped_column(String(200))


EVIDENCE = EvidenceRow.__table__


@dataclass(frozen=True, slots=True)
class EvidenceInfo:
    """What is known about a stored file, without its bytes."""

    sha256: str
    name: str
    media_type: str
    size: int
    uploaded_at: datetime
    uploaded_by: str


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """A stored file and its bytes."""

    info: EvidenceInfo
    content: bytes


def sha256_of(content: bytes) -> str:
    """Return the hex SHA-256 of `content` (the key a file is stored under)."""
    return hashlib.sha256(content).hexdigest()


class EvidenceStore:
    """Uploaded evidence files. Storing the same bytes twice keeps the first row (its name and uploader)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def put(self, content: bytes, *, name: str, media_type: str, uploaded_by: str) -> str:
        """Store `content` unless a file with the same bytes is stored; return its SHA-256."""
        digest = sha256_of(content)
        if self.info(digest) is not None:
            return digest
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(EVIDENCE).values(
                    sha256=digest, name=name[:300], media_type=media_type[:200], size=len(content), content=content,
                    uploaded_at=datetime.now(UTC), uploaded_by=uploaded_by[:200]))
        except sa_exc.IntegrityError:
            if self.info(digest) is None:  # not a concurrent upload of the same file: a real error
                raise
        return digest

    def info(self, sha256: str) -> EvidenceInfo | None:
        """Return what is known about a stored file, or None."""
        cols = [c for c in EVIDENCE.c if c.name != "content"]
        with self.engine.connect() as conn:
            row = conn.execute(select(*cols).where(EVIDENCE.c.sha256 == sha256)).mappings().first()
        return _info(row) if row else None

    def get(self, sha256: str) -> EvidenceFile | None:
        """Return a stored file with its bytes, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(EVIDENCE).where(EVIDENCE.c.sha256 == sha256)).mappings().first()
        return EvidenceFile(_info(row), bytes(row["content"])) if row else None

    def count(self) -> int:
        """Return how many files are stored."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(EVIDENCE)).scalar_one())


def _info(row) -> EvidenceInfo:  # type: ignore[no-untyped-def]
    at = row["uploaded_at"]
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)  # SQLite keeps no offset
    return EvidenceInfo(row["sha256"], row["name"], row["media_type"], row["size"], at, row["uploaded_by"])
