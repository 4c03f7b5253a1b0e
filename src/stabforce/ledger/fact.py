"""The fact: an immutable, sourced, dated statement, and its place in the hash chain."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import orjson

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a fact comes from: a document (file name or URL) or a person, with its date.

    `attribution` names who inside the document said it ("a U.S. State Department official"); two
    facts from the same document with different attributions count as different sources.
    `paraphrase` says the fact's quote is a paraphrase of the source, not its words; it is written
    (and hashed) only when true, so facts recorded before it existed keep their hashes.
    """

    key: str
    date: date
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    attribution: str | None = None
    paraphrase: bool = False

    @property
    def identity(self) -> tuple[str, str | None]:
        """Return what makes two sources the same source."""
        return (self.key, self.attribution)

    def to_json(self) -> dict[str, Any]:
        """Return the source as plain JSON values."""
        out: dict[str, Any] = {
            "key": self.key, "date": self.date.isoformat(), "title": self.title, "url": self.url,
            "publisher": self.publisher, "attribution": self.attribution,
        }
        if self.paraphrase:
            out["paraphrase"] = True
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SourceRef:
        """Rebuild a source from `to_json` output."""
        return cls(
            key=data["key"], date=date.fromisoformat(data["date"]), title=data.get("title"),
            url=data.get("url"), publisher=data.get("publisher"), attribution=data.get("attribution"),
            paraphrase=bool(data.get("paraphrase", False)),
        )


@dataclass(frozen=True, slots=True)
class Fact:
    """One entry of the ledger. Never changed once appended; corrections are new facts.

    `valid_from`/`valid_to` are the days the fact speaks about; `known_from` is when the
    information became known (the source's date for back-filled facts, else `recorded_at`);
    `recorded_at` is when the ledger stored it. `seq`, `prev_hash` and `hash` place it in the chain.
    `marking` is a TLP 2.0 label (`ledger.marking`); None (no marking, read as CLEAR) is left out of
    the hashed body, so facts recorded before markings existed keep their hashes.
    """

    id: str
    kind: str
    subject: str
    payload: Mapping[str, Any]
    valid_from: date
    valid_to: date | None
    recorded_at: datetime
    known_from: datetime
    recorded_by: str
    source: SourceRef
    quote: str | None
    grade: str
    supersedes: tuple[str, ...] = ()
    marking: str | None = None
    seq: int | None = None
    prev_hash: str | None = None
    hash: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.payload, MappingProxyType):
            object.__setattr__(self, "payload", MappingProxyType(dict(self.payload)))

    def body(self) -> dict[str, Any]:
        """Return every field the hash covers (the payload may stay a read-only mapping); `marking`
        only when there is one."""
        body = {
            "seq": self.seq, "id": self.id, "kind": self.kind, "subject": self.subject,
            "payload": self.payload, "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "recorded_at": iso_utc(self.recorded_at), "known_from": iso_utc(self.known_from),
            "recorded_by": self.recorded_by, "source": self.source.to_json(), "quote": self.quote,
            "grade": self.grade, "supersedes": list(self.supersedes), "prev_hash": self.prev_hash,
        }
        if self.marking is not None:
            body["marking"] = self.marking
        return body

    def compute_hash(self) -> str:
        """Return the SHA-256 of the canonical body (which includes the previous hash)."""
        return hashlib.sha256(canonical_json(self.body()).encode("utf-8")).hexdigest()

    def to_json(self) -> dict[str, Any]:
        """Return the whole fact, hash included, as plain JSON values (the export line)."""
        return {**self.body(), "payload": thaw(self.payload), "hash": self.hash}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Fact:
        """Rebuild a fact from `to_json` output, exactly (the import side)."""
        return cls(
            id=data["id"], kind=data["kind"], subject=data["subject"], payload=data["payload"],
            valid_from=date.fromisoformat(data["valid_from"]),
            valid_to=date.fromisoformat(data["valid_to"]) if data.get("valid_to") else None,
            recorded_at=parse_utc(data["recorded_at"]), known_from=parse_utc(data["known_from"]),
            recorded_by=data["recorded_by"], source=SourceRef.from_json(data["source"]),
            quote=data.get("quote"), grade=data["grade"], supersedes=tuple(data.get("supersedes") or ()),
            marking=data.get("marking"), seq=data.get("seq"), prev_hash=data.get("prev_hash"), hash=data.get("hash"),
        )


def canonical_json(value: Any) -> str:
    """Serialize JSON deterministically: sorted keys, no spaces, UTF-8 kept as is (orjson's output
    with sorted keys; numbers as the shortest text that reads back to the same value)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS, default=_plain).decode("utf-8")


def _plain(value: Any) -> Any:
    if isinstance(value, MappingProxyType):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def thaw(value: Any) -> Any:
    """Turn read-only mappings and tuples back into plain dicts and lists."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [thaw(v) for v in value]
    if kind is dict or kind is MappingProxyType or isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


@lru_cache(maxsize=4096)
def iso_utc(moment: datetime) -> str:
    """Format an aware datetime in UTC with microseconds, e.g. 2025-11-30T00:00:00.000000Z."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: ledger times must be aware")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_utc(text: str) -> datetime:
    """Parse an ISO datetime; a naive one is taken as UTC."""
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
