"""News documents, stored once by the SHA-256 of their text, and the claims proposed from them.

A document and its proposed claims are written in one transaction; ingesting the same text again
changes nothing. Claims move from `proposed` to `accepted` (naming the fact they became) or
`rejected`, once: a review that finds the claim already reviewed is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import orjson
from sqlalchemy import Date, DateTime, Engine, ForeignKey, Integer, String, Text, func, insert, select, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Mapped, mapped_column

from stabforce.errors import Conflict, NotFound
from stabforce.store.rows import Base


class DocumentRow(Base):
    """One ingested document."""

    __tablename__ = "documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(String(500), nullable=True)
    publisher: Mapped[str | None] = mapped_column(String(300), nullable=True)
    url: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    published: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ingested_by: Mapped[str] = mapped_column(String(200))


class ClaimRow(Base):
    """One claim proposed from a document, and its review."""

    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    document: Mapped[str] = mapped_column(String(64), ForeignKey("documents.sha256"))
    position: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    fact_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


DOCUMENTS, CLAIMS = DocumentRow.__table__, ClaimRow.__table__


@dataclass(frozen=True, slots=True)
class Document:
    """A stored document."""

    sha256: str
    name: str
    title: str | None
    publisher: str | None
    url: str | None
    published: date
    text: str
    ingested_at: datetime
    ingested_by: str


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A proposed claim as stored: its data (the extractor's fields, as JSON values) and review."""

    id: str
    document: str
    position: int
    data: dict[str, Any]
    status: str
    fact_id: str | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    note: str | None


def text_sha256(text: str) -> str:
    """Return the key a document's text is stored under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class DocumentStore:
    """Documents and their proposed claims."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, document: Document, claims: Sequence[dict[str, Any]]) -> tuple[Document, bool]:
        """Store a document with its claims in one transaction; return (stored document, created?).

        If a document with the same text is already stored, nothing changes and it is returned.
        """
        found = self.get(document.sha256)
        if found is not None:
            return found, False
        rows = [{"id": f"cl-{document.sha256[:12]}-{n:03d}", "document": document.sha256, "position": n,
                 "data": orjson.dumps(c).decode(), "status": "proposed"} for n, c in enumerate(claims, start=1)]
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(DOCUMENTS).values(**_fields(document)))
                if rows:
                    conn.execute(insert(CLAIMS), rows)
        except sa_exc.IntegrityError:
            found = self.get(document.sha256)
            if found is None:
                raise
            return found, False
        return document, True

    def get(self, sha256: str) -> Document | None:
        """Return a stored document, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(DOCUMENTS).where(DOCUMENTS.c.sha256 == sha256)).mappings().first()
        return _document(row) if row else None

    def documents(self) -> list[tuple[Document, dict[str, int]]]:
        """Return every document, newest publication first, with its claim counts by status."""
        with self.engine.connect() as conn:
            docs = [_document(r) for r in conn.execute(
                select(DOCUMENTS).order_by(DOCUMENTS.c.published.desc(), DOCUMENTS.c.name)).mappings()]
            counts: dict[str, dict[str, int]] = {}
            for doc, status, n in conn.execute(
                    select(CLAIMS.c.document, CLAIMS.c.status, func.count()).group_by(CLAIMS.c.document, CLAIMS.c.status)):
                counts.setdefault(doc, {})[status] = n
        return [(d, counts.get(d.sha256, {})) for d in docs]

    def counts(self, sha256: str) -> dict[str, int]:
        """Return one document's claim counts by status."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(CLAIMS.c.status, func.count()).where(CLAIMS.c.document == sha256)
                                .group_by(CLAIMS.c.status))
            return {status: int(n) for status, n in rows}

    def claims(self, *, status: str | None = None, document: str | None = None) -> list[StoredClaim]:
        """Return claims in document order, optionally of one status or one document."""
        query = select(CLAIMS).order_by(CLAIMS.c.document, CLAIMS.c.position)
        if status is not None:
            query = query.where(CLAIMS.c.status == status)
        if document is not None:
            query = query.where(CLAIMS.c.document == document)
        with self.engine.connect() as conn:
            return [_claim(r) for r in conn.execute(query).mappings()]

    def claim(self, claim_id: str) -> StoredClaim:
        """Return one claim; raise NotFound."""
        with self.engine.connect() as conn:
            row = conn.execute(select(CLAIMS).where(CLAIMS.c.id == claim_id)).mappings().first()
        if row is None:
            raise NotFound(f"no claim {claim_id!r}", claim=claim_id)
        return _claim(row)

    def review(self, claim_id: str, *, status: str, by: str, fact_id: str | None = None,
               note: str | None = None) -> StoredClaim:
        """Mark a proposed claim accepted or rejected; refuse one already reviewed."""
        with self.engine.begin() as conn:
            done = conn.execute(update(CLAIMS).where(CLAIMS.c.id == claim_id, CLAIMS.c.status == "proposed").values(
                status=status, fact_id=fact_id, reviewed_by=by, reviewed_at=datetime.now(UTC), note=note))
        if done.rowcount != 1:
            current = self.claim(claim_id)
            raise Conflict(f"claim {claim_id} was already {current.status}", claim=claim_id, status=current.status)
        return self.claim(claim_id)

    def copy(self, claim_id: str, *, by: str) -> StoredClaim:
        """Add a proposed copy of a claim (another fact read from the same sentence), after its document's claims."""
        original = self.claim(claim_id)
        with self.engine.begin() as conn:
            last = conn.execute(select(func.max(CLAIMS.c.position)).where(CLAIMS.c.document == original.document))
            position = int(last.scalar_one() or 0) + 1
            new_id = f"cl-{original.document[:12]}-{position:03d}"
            conn.execute(insert(CLAIMS).values(id=new_id, document=original.document, position=position,
                                               data=orjson.dumps(original.data).decode(), status="proposed",
                                               note=f"copied from {claim_id} by {by}"))
        return self.claim(new_id)

    def count(self) -> tuple[int, int]:
        """Return how many documents and claims are stored."""
        with self.engine.connect() as conn:
            docs = conn.execute(select(func.count()).select_from(DOCUMENTS)).scalar_one()
            claims = conn.execute(select(func.count()).select_from(CLAIMS)).scalar_one()
        return int(docs), int(claims)


def _fields(document: Document) -> dict[str, Any]:
    return {name: getattr(document, name) for name in Document.__slots__}


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _document(row: Any) -> Document:
    return Document(row["sha256"], row["name"], row["title"], row["publisher"], row["url"], row["published"],
                    row["text"], _aware(row["ingested_at"]) or datetime.now(UTC), row["ingested_by"])


def _claim(row: Any) -> StoredClaim:
    return StoredClaim(row["id"], row["document"], row["position"], orjson.loads(row["data"]), row["status"],
                       row["fact_id"], row["reviewed_by"], _aware(row["reviewed_at"]), row["note"])
