"""Request and response models of the API (OpenAPI is generated from them)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

from stabforce.ledger import Fact

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def _iso(pattern: re.Pattern[str], what: str):  # type: ignore[no-untyped-def]
    def check(value: object) -> object:
        if isinstance(value, str) and not pattern.match(value):
            raise ValueError(f"expected an ISO {what}")
        if isinstance(value, (int, float)):
            raise ValueError(f"expected an ISO {what}, not a number")  # noqa: TRY004 (pydantic wants ValueError)
        return value
    return check


#: A day written as YYYY-MM-DD (pydantic would otherwise also take numbers as Unix times).
IsoDate = Annotated[date, BeforeValidator(_iso(_DAY, "date (YYYY-MM-DD)"))]
#: A moment written in ISO 8601 (a bare date means its start, UTC).
IsoDateTime = Annotated[datetime, BeforeValidator(_iso(_MOMENT, "date-time"))]


class Provenance(BaseModel):
    """The fact behind a figure and its source."""

    fact: str
    source: str
    source_date: date
    title: str | None
    url: str | None
    attribution: str | None
    grade: str
    quote: str | None
    paraphrase: bool = False


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: dict[str, Any] = {}


class ErrorOut(BaseModel):
    """The one error shape."""

    error: ErrorDetail


class SourceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(min_length=1, max_length=500, description="Document name, URL or person:NAME.")
    date: IsoDate
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    attribution: str | None = Field(None, description="Who in the source said it.")
    paraphrase: StrictBool = Field(False, description="The quote is a paraphrase of the source, not its words.")


class FactIn(BaseModel):
    """A fact to append. The payload is validated against its kind (see the kinds in the docs)."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, description="Optional id; a random one is given otherwise.")
    kind: str = Field(examples=["pledge"])
    subject: str = Field(examples=["contributor:IDN"])
    payload: dict[str, Any] = Field(examples=[{"personnel": {"low": 600, "high": 600}, "tasks": ["health"]}])
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    known_from: IsoDate | None = None
    source: SourceIn
    quote: str | None = None
    grade: str = Field(examples=["B2"], description="Source reliability A-F and credibility 1-6.")
    supersedes: list[str] = []
    marking: str | None = Field(None, examples=["AMBER"],
                                description="TLP 2.0: CLEAR, GREEN, AMBER, AMBER+STRICT or RED (none = CLEAR).")


class SourceOut(BaseModel):
    key: str
    date: date
    title: str | None
    url: str | None
    publisher: str | None
    attribution: str | None
    paraphrase: bool = False


class FactOut(BaseModel):
    """A stored fact with its place in the hash chain."""

    id: str
    seq: int
    kind: str
    subject: str
    payload: dict[str, Any]
    valid_from: date
    valid_to: date | None
    recorded_at: datetime
    known_from: datetime
    recorded_by: str
    source: SourceOut
    quote: str | None
    grade: str
    supersedes: list[str]
    marking: str | None = None
    prev_hash: str
    hash: str
    superseded_by: list[str] | None = None

    @classmethod
    def of(cls, fact: Fact, superseded_by: list[str] | None = None, supersedes: list[str] | None = None) -> FactOut:
        data = {"marking": None, **fact.to_json()}
        if supersedes is not None:
            data["supersedes"] = supersedes
        return cls(**data, superseded_by=superseded_by)


class FactPage(BaseModel):
    items: list[FactOut]
    total: int
    limit: int
    offset: int


class RetractIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=2000)


class SettleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fact_ids: list[str] = Field(min_length=2)
    accepted: str | None = None
    reason: str = Field(min_length=1, max_length=2000)


class ChainOut(BaseModel):
    """Whether the hash chain holds; the details (count, first broken fact, head) for admins only."""

    ok: bool
    checked: int | None = None
    broken_seq: int | None = None
    broken_id: str | None = None
    reason: str | None = None
    head: str | None = None


class SourceSummary(BaseModel):
    key: str
    title: str | None
    date: date
    url: str | None
    facts: int


class Health(BaseModel):
    status: str
