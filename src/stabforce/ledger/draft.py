"""Turn raw input (a facts file line, CLI options, an API body) into a validated fact draft.

Every problem is reported as `InvalidFact` naming the field, e.g. ``payload.personnel.low``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, field_validator

from stabforce.errors import InvalidFact
from stabforce.ledger.conditions import ConditionError
from stabforce.ledger.fact import Fact, SourceRef
from stabforce.ledger.kinds import KINDS
from stabforce.ledger.marking import parse_marking
from stabforce.ledger.plausible import (
    MAX_YEARS_AHEAD,
    big_integer,
    http_url_problem,
    latest_valid_from,
    payload_date_problem,
    payload_dates,
    source_key_problem,
)
from stabforce.ledger.vocab import GRADE_PATTERN, country_name

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")
SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")


class SourceIn(BaseModel):
    """A source as given in input."""

    model_config = ConfigDict(extra="forbid")
    key: str = Field(min_length=1, max_length=500)
    date: date
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    attribution: str | None = None
    paraphrase: StrictBool = False  # true or false, not 0/1 or "yes"

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        if (problem := source_key_problem(value)) is not None:
            raise ValueError(f"the source key {problem}")
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and (problem := http_url_problem(value)) is not None:
            raise ValueError(f"the source's URL {problem}")
        return value


class FactIn(BaseModel):
    """The envelope of a fact as given in input; the payload is checked against its kind."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = None
    kind: str
    subject: str
    payload: dict[str, Any]
    valid_from: date
    valid_to: date | None = None
    known_from: datetime | date | None = None
    source: SourceIn
    quote: str | None = Field(default=None, max_length=5_000)
    grade: str
    supersedes: list[str] = []
    marking: str | None = Field(default=None, description="TLP 2.0: CLEAR, GREEN, AMBER, AMBER+STRICT or RED")

    @field_validator("marking")
    @classmethod
    def _marking(cls, value: str | None) -> str | None:
        return parse_marking(value)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str | None) -> str | None:
        if value is not None and not ID_PATTERN.match(value):
            raise ValueError("ids are 1-100 letters, digits and . _ : - starting with a letter or digit")
        return value

    @field_validator("quote")
    @classmethod
    def _quote(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("the quote is empty: give the words of the source that support the fact, or no quote")
        return value

    @field_validator("grade")
    @classmethod
    def _grade(cls, value: str) -> str:
        if not GRADE_PATTERN.match(value):
            raise ValueError("grade is source reliability A-F then credibility 1-6, e.g. B2")
        return value


@dataclass(frozen=True, slots=True)
class FactDraft:
    """A validated fact not yet placed in the ledger (no recording time, no hash)."""

    id: str
    kind: str
    subject: str
    payload: Mapping[str, Any]
    valid_from: date
    valid_to: date | None
    known_from: datetime | None
    source: SourceRef
    quote: str | None
    grade: str
    supersedes: tuple[str, ...]
    marking: str | None = None

    def record(self, *, recorded_at: datetime, recorded_by: str, seq: int | None = None,
               prev_hash: str | None = None) -> Fact:
        """Return the fact as recorded at `recorded_at` by `recorded_by`; given a position in the
        chain (`seq` after `prev_hash`), the fact comes back hashed."""
        if self.known_from is not None and self.known_from > recorded_at:
            raise InvalidFact("known_from is later than the time of recording", field="known_from")
        fact = Fact(
            id=self.id, kind=self.kind, subject=self.subject, payload=self.payload,
            valid_from=self.valid_from, valid_to=self.valid_to, recorded_at=recorded_at,
            known_from=self.known_from or recorded_at, recorded_by=recorded_by, source=self.source,
            quote=self.quote, grade=self.grade, supersedes=self.supersedes, marking=self.marking, seq=seq,
            prev_hash=prev_hash,
        )
        if seq is not None and prev_hash is not None:
            object.__setattr__(fact, "hash", fact.compute_hash())  # set once, before anyone sees it
        return fact


def new_fact_id() -> str:
    """Return a fresh random fact id."""
    return f"f-{uuid.uuid4().hex[:16]}"


def parse_fact(data: Mapping[str, Any], *, today: date | None = None) -> FactDraft:
    """Validate raw input into a `FactDraft`; raise `InvalidFact` naming every bad field.

    The message lists every problem found (envelope, subject and payload are all checked);
    ``details["field"]`` names the first bad field and, when there are several, ``details["errors"]``
    lists each as ``{"field", "message"}``, so a form can show every message beside its field at once.
    `today` (default: today in UTC) bounds the dates: the source's date and `known_from` not after it,
    `valid_from` at most `plausible.MAX_YEARS_AHEAD` years after it (`_check_dates`).
    """
    if not isinstance(data, Mapping):
        raise InvalidFact("a fact must be a JSON object", field="")
    problems: list[InvalidFact] = []
    kind = data.get("kind")
    spec = KINDS.get(kind) if isinstance(kind, str) else None
    if spec is None:
        problems.append(InvalidFact(f"kind: unknown kind {kind!r}; known kinds: {', '.join(sorted(KINDS))}",
                                    field="kind"))
    envelope: FactIn | None = None
    try:
        envelope = FactIn.model_validate(data)
    except ValidationError as exc:
        problems += [p for p in _problems(exc) if p.details["field"] != "kind" or spec is not None]
    subject = data.get("subject")
    if spec is not None and isinstance(subject, str):
        try:
            check_subject(subject, spec.subjects)
        except InvalidFact as exc:
            problems.append(exc)
    payload: dict[str, Any] = {}
    if spec is not None and isinstance(data.get("payload"), Mapping):
        try:
            model = spec.model.model_validate(data["payload"])
            payload = model.model_dump(mode="json")
        except ValidationError as exc:
            problems += _problems(exc, prefix="payload.")
        else:
            on = today or datetime.now(UTC).date()
            problems += [InvalidFact(f"payload.{where}: {problem}", field=f"payload.{where}")
                         for where, value in payload_dates(model)
                         if (problem := payload_date_problem(value, on)) is not None]
        if (where := big_integer(payload)) is not None:
            problems.append(InvalidFact(f"payload.{where}: the number is too large to store", field=f"payload.{where}"))
    if envelope is not None:
        problems += _check_dates(envelope, today or datetime.now(UTC).date())
        if envelope.valid_to is not None and envelope.valid_to < envelope.valid_from:
            problems.append(InvalidFact("valid_to is before valid_from", field="valid_to"))
        if envelope.kind == "retraction" and not envelope.supersedes:
            problems.append(InvalidFact("a retraction must name the facts it retracts in supersedes",
                                        field="supersedes"))
        if envelope.id is not None and envelope.id in envelope.supersedes:
            problems.append(InvalidFact("a fact cannot supersede itself", field="supersedes"))
    if problems:
        raise _refusal(problems)
    assert envelope is not None
    fact_id = envelope.id or new_fact_id()
    return FactDraft(
        id=fact_id, kind=envelope.kind, subject=envelope.subject, payload=payload,
        valid_from=envelope.valid_from, valid_to=envelope.valid_to,
        known_from=_moment(envelope.known_from), source=SourceRef(**envelope.source.model_dump()),
        quote=envelope.quote, grade=envelope.grade, supersedes=tuple(envelope.supersedes),
        marking=envelope.marking,
    )


def _check_dates(envelope: FactIn, today: date) -> list[InvalidFact]:
    """Return the problems of a source dated after today, knowledge from the future and a valid_from too far ahead."""
    problems = []
    if envelope.source.date > today:
        problems.append(InvalidFact(f"source.date: {envelope.source.date} is after today ({today}); a source cannot "
                                    "be dated in the future", field="source.date"))
    known = _moment(envelope.known_from)
    if known is not None and known.date() > today:
        problems.append(InvalidFact(f"known_from: {known.date()} is after today ({today})", field="known_from"))
    latest = latest_valid_from(today)
    if envelope.valid_from > latest:
        problems.append(InvalidFact(f"valid_from: {envelope.valid_from} is more than {MAX_YEARS_AHEAD} years ahead "
                                    f"(latest {latest})", field="valid_from"))
    return problems


def check_subject(subject: str, allowed: tuple[str, ...]) -> None:
    """Refuse a subject whose prefix the kind does not allow, or whose code or slug is malformed."""
    prefix, _, name = subject.partition(":")
    if prefix not in allowed or not name:
        raise InvalidFact(f"subject {subject!r} must look like {' or '.join(p + ':NAME' for p in allowed)}",
                          field="subject")
    if prefix == "contributor" and country_name(name) is None:
        raise InvalidFact(f"unknown country code {name!r} in subject (use ISO 3166 alpha-3, e.g. IDN)",
                          field="subject")
    if prefix != "contributor" and not SLUG_PATTERN.match(name):
        raise InvalidFact(f"subject name {name!r} must be lower-case letters, digits, '.', '_' or '-'",
                          field="subject")


def _moment(value: datetime | date | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return datetime.combine(value, time.min, tzinfo=UTC)


def _refusal(problems: list[InvalidFact]) -> InvalidFact:
    """Return one error carrying every problem: the first names the field, all are listed."""
    first = problems[0]
    if len(problems) == 1:
        return first
    message = "; ".join(p.message for p in problems)
    errors = [{"field": p.details.get("field", ""), "message": p.message} for p in problems]
    extra = {k: v for k, v in first.details.items() if k in ("column", "name")}
    return InvalidFact(message, field=first.details.get("field", ""), errors=errors, **extra)


def _problems(exc: ValidationError, prefix: str = "") -> list[InvalidFact]:
    out = []
    for error in exc.errors():
        field = (prefix + ".".join(str(part) for part in error["loc"])).rstrip(".")
        extra = {}
        cause = error.get("ctx", {}).get("error")
        if isinstance(cause, ConditionError):
            extra = {"column": cause.column, "name": cause.name}
        out.append(InvalidFact(f"{field or 'fact'}: {plain_message(error)}", field=field, **extra))
    return out


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def plain_message(error: Mapping[str, Any]) -> str:
    """Return a pydantic error as a plain sentence (without pydantic's wording or type names)."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{_shown(value)} is not a whole number"
    if kind in ("float_parsing", "float_type", "decimal_parsing", "decimal_type"):
        return f"{_shown(value)} is not a number"
    if kind in ("bool_parsing", "bool_type"):
        return f"{_shown(value)} is not yes or no (true or false)"
    if kind.startswith("datetime"):
        return f"{_shown(value)} is not a date and time (YYYY-MM-DDTHH:MM:SSZ)"
    if kind.startswith("date"):
        return f"{_shown(value)} is not a date (YYYY-MM-DD)" + (f": the {ctx['error']}" if ctx.get("error") else "")
    if kind in ("enum", "literal_error"):
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", ""))) or [str(ctx.get("expected", ""))]
        return f"{_shown(value)} is not one of: {', '.join(expected)}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {"greater_than_equal": "at least", "greater_than": "more than", "less_than_equal": "at most",
                 "less_than": "less than"}[kind]
        limit = next(iter(ctx.values()), "")
        limit = int(limit) if isinstance(limit, float) and limit.is_integer() else limit
        limit = f"{limit:,}" if isinstance(limit, int) else limit  # 1,000,000 as people write it
        return f"must be {words} {limit} (was {value})"
    if kind == "string_too_short":
        return "must not be empty" if ctx.get("min_length") == 1 else f"needs at least {ctx.get('min_length')} characters"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length'):,} characters long"
    if kind == "too_short":
        return "must list at least one item" if ctx.get("min_length") == 1 else \
            f"must list at least {ctx.get('min_length')} items"
    if kind == "too_long":
        return f"must list at most {ctx.get('max_length')} items"
    if kind == "string_pattern_mismatch":
        return f"{_shown(value)} is not in the expected form"
    if kind == "string_type":
        return "must be text"
    if kind in ("list_type", "tuple_type", "set_type"):
        return "must be a list"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "must be an object with named fields"
    if kind == "url_parsing" or kind.startswith("url"):
        return f"{_shown(value)} is not a web address"
    return str(error["msg"]).removeprefix("Value error, ")
