"""Plain functions between ledger facts and row values; UTC is normalised here."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import orjson

from stabforce.ledger import Fact, SourceRef
from stabforce.ledger.fact import canonical_json


def fact_to_row(fact: Fact) -> dict[str, Any]:
    """Return the column values that store `fact`."""
    return {
        "seq": fact.seq, "id": fact.id, "kind": fact.kind, "subject": fact.subject,
        "payload": canonical_json(fact.payload), "valid_from": fact.valid_from,
        "valid_to": fact.valid_to, "recorded_at": fact.recorded_at, "known_from": fact.known_from,
        "recorded_by": fact.recorded_by, "source_key": fact.source.key,
        "source": canonical_json(fact.source.to_json()), "quote": fact.quote, "grade": fact.grade,
        "supersedes": canonical_json(list(fact.supersedes)), "marking": fact.marking, "prev_hash": fact.prev_hash, "hash": fact.hash,
    }


def row_to_fact(row: Mapping[str, Any]) -> Fact:
    """Rebuild the fact stored in a row, exactly as stored (so that `verify` sees any edit)."""
    return Fact(
        id=row["id"], kind=row["kind"], subject=row["subject"], payload=orjson.loads(row["payload"]),
        valid_from=row["valid_from"], valid_to=row["valid_to"], recorded_at=_utc(row["recorded_at"]),
        known_from=_utc(row["known_from"]), recorded_by=row["recorded_by"],
        source=SourceRef.from_json(orjson.loads(row["source"])), quote=row["quote"], grade=row["grade"],
        supersedes=tuple(orjson.loads(row["supersedes"])), marking=row["marking"], seq=row["seq"], prev_hash=row["prev_hash"],
        hash=row["hash"],
    )


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
