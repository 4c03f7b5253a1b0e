"""Plausibility limits on what a fact may say, and the one check of a link (http or https only).

Each limit is a named constant with the reason for its size. The payload models in `kinds.py` use the
count limits as field bounds; `parse_fact` applies the date limits, the quote rule and `check_numbers`
(no integer outside 64 bits anywhere in a payload, whatever the field: the ledger's canonical JSON and
both databases hold 64-bit integers).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

#: Personnel, capacity or casualties in one fact: more than any coalition has fielded in one operation
#: (the 1991 Gulf War coalition, the largest, was under a million), so a larger figure is a typing error.
MAX_PERSONNEL = 1_000_000
#: People in a zone or a site: five times Gaza's whole population (about 2.1 million).
MAX_PEOPLE = 10_000_000
#: A lead time or an interval in days: ten years; a plan further out is not a lead time.
MAX_DAYS = 3_650
#: A reporting interval in months: ten years.
MAX_MONTHS = 120
#: Stages, counts of units and other small ordinals.
MAX_ORDER = 1_000
#: An area in km² (a zone of Gaza, 365 km² in all; the limit leaves room for any mission area).
MAX_AREA_KM2 = 1_000_000.0
#: A length in metres (a tunnel, a wall): 1,000 km.
MAX_LENGTH_M = 1_000_000.0
#: valid_from may lie in the future (plans, deadlines), but at most this many years after today.
MAX_YEARS_AHEAD = 5
#: The earliest date any payload may name (a resolution adopted, a camp ready, a stage due): older dates are
#: typing errors ("0025-12-01"), not history this ledger holds.
EARLIEST_DATE = date(1900, 1, 1)
#: Every integer the ledger stores fits a signed 64-bit integer.
INT64 = 2**63 - 1

#: Schemes that run code or read local files when a browser follows them: never a source key.
_UNSAFE_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file|blob|about)\s*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def http_url_problem(value: str) -> str | None:
    """Return why `value` is not an http(s) URL with a host (None when it is one)."""
    if _CONTROL.search(value):
        return "must be an http:// or https:// address without spaces or control characters"
    try:
        parts = urlsplit(value)
    except ValueError:
        return "is not a URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "must be an http:// or https:// address"
    if not parts.hostname:
        return "must name a host (https://example.org/...)"
    return None


def is_http_url(value: Any) -> bool:
    """Return whether `value` is an http(s) URL with a host: the only links any face renders."""
    return isinstance(value, str) and http_url_problem(value) is None


def source_key_problem(key: str) -> str | None:
    """Return why `key` is not a usable source key (None when it is): a file name, `person:NAME` or any
    other name is fine, but a key that is a link must be an http(s) URL, and blank keys or keys with a
    scheme that runs code (javascript:, data:, ...) are refused."""
    if not key.strip():
        return "must not be blank"
    if _UNSAFE_SCHEME.match(key):
        return "must not be a javascript:, data:, vbscript:, file:, blob: or about: address"
    if key.lower().startswith(("http:", "https:")):
        return http_url_problem(key)
    return None


def latest_valid_from(today: date) -> date:
    """Return the latest valid_from accepted on `today`: MAX_YEARS_AHEAD years later (28 Feb for 29 Feb)."""
    year = today.year + MAX_YEARS_AHEAD
    return today.replace(year=year) if (today.month, today.day) != (2, 29) else date(year, 2, 28)


def big_integer(value: Any, path: str = "") -> str | None:
    """Return the path of the first integer outside 64 bits in a JSON-like value (None if there is none)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return path if not -INT64 - 1 <= value <= INT64 else None
    if isinstance(value, Mapping):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        found = big_integer(item, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


def payload_dates(value: Any, path: str = "") -> list[tuple[str, date]]:
    """Return every date inside a validated payload (pydantic models, lists, mappings) with its dotted path."""
    if isinstance(value, date):
        return [(path, value)]
    if hasattr(value, "__pydantic_fields__"):
        return [d for name in type(value).__pydantic_fields__
                for d in payload_dates(getattr(value, name), f"{path}.{name}" if path else name)]
    if isinstance(value, (list, tuple)):
        return [d for i, item in enumerate(value) for d in payload_dates(item, f"{path}.{i}")]
    if isinstance(value, Mapping):
        return [d for key, item in value.items() for d in payload_dates(item, f"{path}.{key}")]
    return []


def payload_date_problem(value: date, today: date) -> str | None:
    """Return why a date in a payload is implausible (None when it is fine): before EARLIEST_DATE, or further
    ahead than a valid_from may be (MAX_YEARS_AHEAD years after `today`)."""
    if value < EARLIEST_DATE:
        return f"{value} is before {EARLIEST_DATE.year}; check the year"
    latest = latest_valid_from(today)
    if value > latest:
        return f"{value} is more than {MAX_YEARS_AHEAD} years ahead (latest {latest})"
    return None
