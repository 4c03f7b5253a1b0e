"""The ledger store: atomic, serialized appends; reads; chain verification over the stored rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from sqlalchemy import Connection, Engine, and_, func, insert, or_, select, text

from stabforce.errors import ChainConflict, DuplicateFact, InvalidFact
from stabforce.ledger import GENESIS, ChainReport, Clearance, Fact, FactDraft, Marking, verify_chain
from stabforce.ledger.fact import canonical_json
from stabforce.store.mapping import fact_to_row, row_to_fact
from stabforce.store.rows import FactRow

FACTS = FactRow.__table__
#: Key of the PostgreSQL advisory lock that serializes appends across processes.
APPEND_LOCK = 2_803_2025
CHUNK = 500


@dataclass(frozen=True, slots=True)
class FactFilter:
    """Which facts to list. Every field is optional; `source` matches the key or title, in part;
    `grade` a whole grade (B2) or a reliability letter (B); `known_at` keeps the facts known by then
    (`known_from <= known_at`, as the fold does); `clearance` keeps only the facts a reader may read
    (their TLP marking), so counts and pages never include the others."""

    kind: str | None = None
    subject: str | None = None
    source: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    grade: str | None = None
    known_at: datetime | None = None
    limit: int | None = None
    offset: int = 0
    clearance: Clearance | None = None


def readable(clearance: Clearance):  # type: ignore[no-untyped-def]
    """Return the SQL condition for the facts `clearance` may read (`Clearance.allows`, in SQL)."""
    marking = FACTS.c.marking
    terms = [marking.in_(sorted(clearance.markings))]
    if Marking.CLEAR in clearance.markings:
        terms.append(marking.is_(None))
    if clearance.amber_subject is not None:
        terms.append(and_(marking == Marking.AMBER.value, FACTS.c.subject == clearance.amber_subject))
    if clearance.red_recorder is not None:
        terms.append(and_(marking == Marking.RED.value, FACTS.c.recorded_by == clearance.red_recorder))
    return or_(*terms)


class LedgerReads(Protocol):
    """What a guard may read: the stored facts and the chain's head."""

    def find(self, flt: FactFilter = ...) -> list[Fact]: ...

    def head(self) -> tuple[int, str]: ...


@dataclass(frozen=True)
class _InTransaction:
    """Reads inside an append's write transaction, after its lock is taken: what they see cannot
    change before the append commits."""

    store: LedgerStore
    conn: Connection

    def find(self, flt: FactFilter = FactFilter()) -> list[Fact]:
        return self.store.find_in(self.conn, flt)

    def head(self) -> tuple[int, str]:
        return self.store._head(self.conn)


class LedgerStore:
    """The ledger in a SQL database. Appends hash, chain and commit in one transaction."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.engine = engine
        self.clock = clock

    def append(self, drafts: Sequence[FactDraft], *, recorded_by: str,
               guard: Callable[[LedgerReads], None] | None = None) -> list[Fact]:
        """Append validated drafts as one atomic batch; refuse the whole batch on any bad reference.

        `guard`, if given, is called inside the write transaction once the append lock is held, with
        reads of the ledger as it is then; an exception from it stores nothing. So a check that depends
        on what is stored (the registry's stock) cannot be raced by another writer.
        """
        if not drafts:
            return []
        with self._writing() as conn:
            self._check_references(conn, drafts)
            if guard is not None:
                guard(_InTransaction(self, conn))
            seq, prev = self._head(conn)
            now = self.clock()
            placed = []
            for draft in drafts:
                seq += 1
                fact = draft.record(recorded_at=now, recorded_by=recorded_by, seq=seq, prev_hash=prev)
                placed.append(fact)
                prev = fact.hash or ""
            conn.execute(insert(FACTS), [fact_to_row(f) for f in placed])
        return placed

    def import_chain(self, facts: Sequence[Fact]) -> int:
        """Store already-chained facts verbatim (an export's lines), if they continue this ledger."""
        if not facts:
            return 0
        with self._writing() as conn:
            seq, prev = self._head(conn)
            report = verify_chain(facts, start_hash=prev, start_seq=seq + 1)
            if not report.ok:
                raise ChainConflict(
                    f"imported fact {report.broken_id} (line {report.checked + 1}) does not continue the "
                    f"ledger: {report.reason}", fact_id=report.broken_id, line=report.checked + 1)
            self._check_ids_free(conn, [f.id for f in facts])
            conn.execute(insert(FACTS), [fact_to_row(f) for f in facts])
        return len(facts)

    def get(self, fact_id: str) -> Fact | None:
        """Return the fact with that id, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(FACTS).where(FACTS.c.id == fact_id)).mappings().first()
        return row_to_fact(row) if row else None

    def find(self, flt: FactFilter = FactFilter()) -> list[Fact]:
        """Return the facts matching `flt`, in ledger order."""
        with self.engine.connect() as conn:
            return self.find_in(conn, flt)

    def find_in(self, conn: Connection, flt: FactFilter) -> list[Fact]:
        """Return the facts matching `flt` read on this connection (inside its transaction)."""
        query = self._filtered(select(FACTS).order_by(FACTS.c.seq), flt).offset(flt.offset)
        if flt.limit is not None:
            query = query.limit(flt.limit)
        return [row_to_fact(r) for r in conn.execute(query).mappings()]

    def count_matching(self, flt: FactFilter) -> int:
        """Return how many facts match `flt` (ignoring its limit and offset)."""
        query = self._filtered(select(func.count()).select_from(FACTS), flt)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    @staticmethod
    def _filtered(query, flt: FactFilter):  # type: ignore[no-untyped-def]
        if flt.kind:
            query = query.where(FACTS.c.kind == flt.kind)
        if flt.subject:
            query = query.where(FACTS.c.subject == flt.subject)
        if flt.source:
            like = f"%{flt.source}%"
            query = query.where(FACTS.c.source_key.like(like) | FACTS.c.source.like(like))
        if flt.valid_from:
            query = query.where(FACTS.c.valid_from >= flt.valid_from)
        if flt.valid_to:
            query = query.where(FACTS.c.valid_from <= flt.valid_to)
        if flt.grade:
            query = query.where(FACTS.c.grade.like(f"{flt.grade}%"))
        if flt.known_at is not None:  # stored as UTC (SQLite keeps no zone, so compare in UTC)
            query = query.where(FACTS.c.known_from <= flt.known_at.astimezone(UTC))
        if flt.clearance is not None and not flt.clearance.everything:
            query = query.where(readable(flt.clearance))
        return query

    def iter_all(self, *, after: int = 0, batch: int = 5_000) -> Iterator[Fact]:
        """Yield every fact after position `after` in ledger order, reading in batches."""
        last = after
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(FACTS).where(FACTS.c.seq > last).order_by(FACTS.c.seq).limit(batch)
                ).mappings().all()
            if not rows:
                return
            for row in rows:
                yield row_to_fact(row)
            last = rows[-1]["seq"]

    def superseding(self, fact_id: str) -> list[Fact]:
        """Return the facts that name `fact_id` in their supersedes list."""
        pattern = '%' + canonical_json(fact_id) + '%'
        with self.engine.connect() as conn:
            rows = conn.execute(select(FACTS).where(FACTS.c.supersedes.like(pattern)).order_by(FACTS.c.seq)).mappings()
            return [f for f in map(row_to_fact, rows) if fact_id in f.supersedes]

    def count(self) -> int:
        """Return how many facts the ledger holds."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(FACTS)).scalar_one())

    def head(self) -> tuple[int, str]:
        """Return the last position and hash of the chain (0 and the genesis hash when empty)."""
        with self.engine.connect() as conn:
            return self._head(conn)

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def verify(self) -> ChainReport:
        """Walk the stored chain and report the first fact that does not match."""
        return verify_chain(self.iter_all())

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """Open one write transaction holding the ledger's append lock; commit on success."""
        with self.engine.connect() as conn:
            conn.execution_options(write=True)
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPEND_LOCK})
                yield conn

    @staticmethod
    def _head(conn: Connection) -> tuple[int, str]:
        row = conn.execute(select(FACTS.c.seq, FACTS.c.hash).order_by(FACTS.c.seq.desc()).limit(1)).first()
        return (row[0], row[1]) if row else (0, GENESIS)

    def _check_references(self, conn: Connection, drafts: Sequence[FactDraft]) -> None:
        ids = [d.id for d in drafts]
        self._check_ids_free(conn, ids)
        batch = set(ids)
        wanted = {(ref, d.id, "supersedes") for d in drafts for ref in d.supersedes}
        wanted |= {(ref, d.id, "payload.settles") for d in drafts if d.kind == "decision"
                   for ref in d.payload["settles"]}
        outside = sorted({ref for ref, _, _ in wanted if ref not in batch})
        found = self._existing(conn, outside)
        for ref, owner, field in sorted(wanted):
            if ref not in batch and ref not in found:
                raise InvalidFact(f"fact {owner} refers to {ref}, which is not in the ledger", field=field,
                                  fact_id=owner, missing=ref)

    def _check_ids_free(self, conn: Connection, ids: Sequence[str]) -> None:
        seen: set[str] = set()
        for fact_id in ids:
            if fact_id in seen:
                raise DuplicateFact(f"fact id {fact_id} appears twice in the batch", fact_id=fact_id)
            seen.add(fact_id)
        taken = self._existing(conn, list(ids))
        if taken:
            first = min(taken)
            raise DuplicateFact(f"fact id {first} is already in the ledger ({len(taken)} ids taken)",
                                fact_id=first, taken=len(taken))

    @staticmethod
    def _existing(conn: Connection, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), CHUNK):
            part = ids[i:i + CHUNK]
            found |= set(conn.execute(select(FACTS.c.id).where(FACTS.c.id.in_(part))).scalars())
        return found
