"""Read a CSV in ACLED's export layout into `incident` fact inputs, naming every bad row.

Pure: text in, fact inputs and bad rows out; nothing is stored here (see `services/incidents.py`).
Line numbers are the CSV's physical lines with the header on line 1; a row whose quoted notes span
several lines is reported at the line it starts on.

One row becomes one fact: id ``acled-<event_id_cnty>`` (lower case), subject ``incident:acled-<id>``,
valid_from the event date, source key ``<file name>#<event_id_cnty>`` with ACLED's ``source`` text as
the attribution, known_from ACLED's ``timestamp`` (when the row was last updated) if given.
Violation rule: a ``violation`` column (none / minor / serious), if the file has one; otherwise none.
ACLED does not say whether an event breaches a ceasefire, so nothing is guessed from the event type.

Cells are read back from the CSV-injection guard of stabforce's own exports (`csvsafe.restore`: one
leading apostrophe before = + - @ tab CR is taken off), so an export imports to the same text. An empty
``fatalities`` is "not reported" (null), never 0; an empty ``actor1`` means no actor was named; empty
``latitude``, ``longitude`` and ``geo_precision`` together mean no place was reported; a
``grade`` column, when present, grades each row (else the file's grade).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from stabforce.errors import InvalidInput
from stabforce.ledger.vocab import GRADE_PATTERN, IncidentType, Violation
from stabforce.services.csvsafe import restore

#: Columns a row must have (refused at once, by name, if the header lacks any).
REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude", "geo_precision",
            "source", "fatalities")
#: ACLED columns read when present.
OPTIONAL = ("year", "time_precision", "sub_event_type", "assoc_actor_1", "actor2", "assoc_actor_2", "location",
            "admin1", "admin2", "admin3", "country", "notes", "timestamp")
#: Columns stabforce adds to ACLED's layout, read when present.
EXTENSIONS = ("violation", "time", "injured", "grade")

EVENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,73}$")
ACLED_DATE_HINT = "use 2026-02-14 or 14 February 2026"
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%B %d, %Y")
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
WHOLE = re.compile(r"^\d+$")
NOTES_MAX = 4_000


class CsvRefused(InvalidInput):
    """A CSV with bad rows, refused whole; `details['bad_rows']` lists every one with its line."""

    code = "invalid_csv"


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with one column of a row."""

    column: str
    message: str


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that cannot become a fact: its CSV line, its event id if readable, and every problem."""

    line: int
    event_id: str | None
    problems: tuple[Problem, ...]

    def text(self) -> str:
        """Return the row's problems as one line: ``line 4: event_date: ...; latitude: ...``."""
        return f"line {self.line}: " + "; ".join(p.message for p in self.problems)

    def to_json(self) -> dict[str, Any]:
        """Return the row as plain JSON values."""
        return {"line": self.line, "event_id": self.event_id, "message": self.text(),
                "problems": [{"column": p.column, "message": p.message} for p in self.problems]}


@dataclass(frozen=True, slots=True)
class GoodRow:
    """A row turned into a fact input (validated again by `parse_fact` before it is stored)."""

    line: int
    event_id: str
    fact: dict[str, Any]


@dataclass(slots=True)
class ParsedCsv:
    """The rows of one file: those that make facts and those that do not, in file order."""

    name: str
    good: list[GoodRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    columns: tuple[str, ...] = ()

    @property
    def rows(self) -> int:
        """Return how many data rows the file has."""
        return len(self.good) + len(self.bad)


def decode(data: bytes | str, *, name: str) -> str:
    """Return the file's text: UTF-8, with or without a byte-order mark."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{name} is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8 CSV",
                           file=name) from None


def event_type_of(words: str) -> IncidentType | None:
    """Return the event type ACLED's words name ("Explosions/Remote violence"), or None."""
    slug = re.sub(r"[^a-z]+", "_", words.strip().lower()).strip("_")
    try:
        return IncidentType(slug)
    except ValueError:
        return None


def parse_day(text: str) -> date | None:
    """Return the day of an ACLED date ("2026-02-14", "14 February 2026", "14-Feb-2026"), or None."""
    value = " ".join(text.split())
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def source_key(name: str, event_id: str) -> str:
    """Return the source key of a row: the file name plus the event id."""
    return f"{name}#{event_id}"


def parse_acled_csv(data: bytes | str, *, name: str, grade: str, now: datetime,
                    progress: Callable[[int], None] = lambda n: None) -> ParsedCsv:
    """Read every row of an ACLED-layout CSV into fact inputs or bad rows.

    Refuses the file at once (`InvalidInput`) if it is not UTF-8, is empty, or lacks a required
    column (all missing columns are named). `progress` is called with the number of rows read.
    """
    text = decode(data, name=name)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InvalidInput(f"{name} line 1: the header cannot be read as CSV ({exc})", file=name, line=1) from None
    if header is None or not any(h.strip() for h in header):
        raise InvalidInput(f"{name} is empty: expected a header line with ACLED's columns", file=name)
    columns = tuple(h.strip().lower() for h in header)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InvalidInput(f"{name} has no {', '.join(missing)} column{'s' if len(missing) > 1 else ''} "
                           f"(required: {', '.join(REQUIRED)})", file=name, missing=missing)
    repeated = sorted({c for c in columns if c and columns.count(c) > 1})
    if repeated:
        raise InvalidInput(f"{name} has the column {', '.join(repeated)} more than once", file=name)
    parsed = ParsedCsv(name=name, columns=columns)
    seen: dict[str, int] = {}
    end = reader.line_num
    while True:
        start = end + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            parsed.bad.append(BadRow(start, None, (Problem("", f"not readable as CSV ({exc})"),)))
            end = reader.line_num
            continue
        end = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        row = _row(cells, columns, start=start, name=name, grade=grade, now=now, seen=seen)
        (parsed.good if isinstance(row, GoodRow) else parsed.bad).append(row)
        progress(parsed.rows)
    return parsed


def _row(cells: list[str], columns: tuple[str, ...], *, start: int, name: str, grade: str, now: datetime,
         seen: dict[str, int]) -> GoodRow | BadRow:
    problems: list[Problem] = []

    def bad(column: str, message: str) -> None:
        problems.append(Problem(column, f"{column}: {message}" if column else message))

    if len(cells) < len(columns):
        absent = [c for c in columns[len(cells):] if c in REQUIRED]
        bad("", f"the row has {len(cells)} fields but the header has {len(columns)}"
                + (f" (missing {', '.join(absent)})" if absent else ""))
    elif len(cells) > len(columns):
        bad("", f"the row has {len(cells)} fields but the header has {len(columns)}")
    row: Mapping[str, str] = {c: restore(cells[i].strip()) if i < len(cells) else "" for i, c in enumerate(columns)}

    event_id = row["event_id_cnty"]
    if not event_id:
        bad("event_id_cnty", "is empty")
    elif not EVENT_ID.match(event_id):
        bad("event_id_cnty", f"{_show(event_id)} must be 1-74 letters, digits, '.', '_' or '-'")
    elif event_id.lower() in seen:
        bad("event_id_cnty", f"{event_id} is already on line {seen[event_id.lower()]}")
    else:
        seen[event_id.lower()] = start

    day = _day(row, bad)
    event_type = event_type_of(row["event_type"]) if row["event_type"] else None
    if not row["event_type"]:
        bad("event_type", "is empty")
    elif event_type is None:
        bad("event_type", f"unknown event type {_show(row['event_type'])}; ACLED's are Battles, "
                          "Explosions/Remote violence, Violence against civilians, Protests, Riots, "
                          "Strategic developments")
    placeless = not (row["latitude"] or row["longitude"] or row["geo_precision"])  # no place reported at all
    lat = None if placeless else _number(row, "latitude", -90, 90, bad)
    lon = None if placeless else _number(row, "longitude", -180, 180, bad)
    precision = None if placeless else _whole(row, "geo_precision", bad, low=1, high=3, required=True)
    if row.get("time_precision"):
        _whole(row, "time_precision", bad, low=1, high=3)
    fatalities = _whole(row, "fatalities", bad)
    injured = _whole(row, "injured", bad) if row.get("injured") else None
    if not row["source"]:
        bad("source", "is empty: every incident needs its source")
    violation = (row.get("violation") or "none").lower()
    if violation not in set(Violation):
        bad("violation", f"{_show(row.get('violation', ''))} is not none, minor or serious")
    moment = row.get("time") or None
    if moment is not None and not TIME.match(moment):
        bad("time", f"{_show(moment)} is not a time of day (HH:MM)")
    if len(row.get("notes", "")) > NOTES_MAX:
        bad("notes", f"longer than {NOTES_MAX:,} characters")
    known_from = _timestamp(row, now, bad)
    row_grade = (row.get("grade") or grade).upper()
    if not GRADE_PATTERN.match(row_grade):
        bad("grade", f"{_show(row.get('grade', ''))} is not a grade (A-F then 1-6, e.g. C3)")

    if problems:
        return BadRow(start, event_id or None, tuple(problems))
    assert day is not None and event_type is not None
    actors = _actors(row)
    place_name = next((row[c] for c in ("location", "admin3", "admin2", "admin1") if row.get(c)), None)
    payload: dict[str, Any] = {
        "event_type": event_type.value, "sub_event_type": row.get("sub_event_type") or None,
        "violation": violation, "actors": actors, "time": moment,
        "place": None if placeless else {"lat": lat, "lon": lon, "precision": precision, "name": place_name},
        "fatalities": fatalities, "injured": injured, "external_id": event_id, "notes": row.get("notes") or None,
    }
    slug = event_id.lower()
    fact = {
        "id": f"acled-{slug}", "kind": "incident", "subject": f"incident:acled-{slug}",
        "payload": {k: v for k, v in payload.items() if v is not None},
        "valid_from": day.isoformat(), "grade": row_grade,
        "known_from": known_from.isoformat() if known_from else None,
        "source": {"key": source_key(name, event_id), "date": (known_from.date() if known_from else day).isoformat(),
                   "title": f"{name}, event {event_id}", "attribution": row["source"]},
    }
    return GoodRow(start, event_id, fact)


def _day(row: Mapping[str, str], bad: Callable[[str, str], None]) -> date | None:
    text = row["event_date"]
    if not text:
        bad("event_date", "is empty")
        return None
    day = parse_day(text)
    if day is None:
        bad("event_date", f"{_show(text)} is not a date ({ACLED_DATE_HINT})")
        return None
    year = row.get("year", "")
    if year and year != str(day.year):
        bad("year", f"{_show(year)} does not match event_date {day.isoformat()}")
    return day


def _number(row: Mapping[str, str], column: str, low: float, high: float,
            bad: Callable[[str, str], None]) -> float | None:
    text = row[column]
    if not text:
        bad(column, "is empty")
        return None
    try:
        value = float(text)
    except ValueError:
        bad(column, f"{_show(text)} is not a number")
        return None
    if not low <= value <= high:  # also refuses nan
        bad(column, f"{text} is out of range ({low:g} to {high:g})")
        return None
    return value


def _whole(row: Mapping[str, str], column: str, bad: Callable[[str, str], None], *, low: int = 0,
           high: int | None = None, required: bool = False) -> int | None:
    text = row.get(column, "")
    if not text:
        if required:
            bad(column, "is empty")
        return None
    if not WHOLE.match(text):
        bad(column, f"{_show(text)} is not a whole number")
        return None
    value = int(text)
    if value < low or (high is not None and value > high):
        bad(column, f"{value} is out of range ({low} to {high})" if high is not None else f"{value} is below {low}")
        return None
    return value


def _timestamp(row: Mapping[str, str], now: datetime, bad: Callable[[str, str], None]) -> datetime | None:
    text = row.get("timestamp", "")
    if not text:
        return None
    if not WHOLE.match(text) or len(text) > 12:
        bad("timestamp", f"{_show(text)} is not a Unix time in seconds")
        return None
    moment = datetime.fromtimestamp(int(text), tz=UTC)
    if moment > now:
        bad("timestamp", f"{text} ({moment:%Y-%m-%d %H:%M} UTC) is in the future")
        return None
    return moment


def _actors(row: Mapping[str, str]) -> list[str]:
    """Return actor1, its associates, actor2 and its associates (ACLED separates associates by ';')."""
    names: list[str] = []
    for column in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        for part in row.get(column, "").split(";"):
            if part.strip() and part.strip() not in names:
                names.append(part.strip())
    return names


def _show(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")
