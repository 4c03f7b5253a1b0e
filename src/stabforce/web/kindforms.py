"""Forms per fact kind: the payload's fields as inputs (selects, checkboxes, one-per-line lists)
instead of raw JSON, for the kinds people record by hand most (stance, camp, incident, milestone
verification). Each input is named ``p.<payload path>`` (``p.place.lat``); `payload_from` builds the
payload, leaving values it cannot convert as typed so that validation names them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from stabforce.ledger.vocab import (
    SECTORS,
    CampStatus,
    Caveat,
    IncidentType,
    Stance,
    Verdict,
    Violation,
)


@dataclass(frozen=True)
class Input:
    """One payload field on a form."""

    name: str  # payload path, dotted for nested objects
    label: str
    type: str = "text"  # text, textarea, int, number, date, select, checks, lines, evidence, check
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    hint: str = ""

    @property
    def form_name(self) -> str:
        return f"p.{self.name}"


def _choices(values: Any, blank: str | None = None) -> tuple[tuple[str, str], ...]:
    out = tuple((str(v), str(v).replace("_", " ")) for v in values)
    return ((("", blank),) if blank is not None else ()) + out


PLACE = (
    Input("place.name", "Place name"),
    Input("place.lat", "Latitude (WGS 84)", "number", hint="e.g. 31.29"),
    Input("place.lon", "Longitude (WGS 84)", "number", hint="e.g. 34.25"),
    Input("place.precision", "How precise", "select", (("1", "exact"), ("2", "near (within the town)"),
                                                       ("3", "the region"))),
)

KIND_FORMS: dict[str, tuple[Input, ...]] = {
    "stance": (
        Input("stance", "Stance", "select", _choices(Stance)),
        Input("conditions", "Conditions it attaches (one per line)", "lines", hint="until Hamas disarms"),
        Input("caveats", "Caveats", "checks", _choices(Caveat)),
        Input("note", "Note"),
    ),
    "camp": (
        Input("name", "Name of the camp"),
        Input("status", "Status", "select", _choices(CampStatus)),
        Input("sector", "Sector", "select", (("", "not named"), *SECTORS.items())),
        Input("capacity", "Capacity (personnel; empty if not reported)", "int"),
        Input("capacity_high", "Up to (personnel; for a range or an \"up to\" figure)", "int"),
        Input("approx", "approximate (\"about\")", "check"),
        Input("ready_on", "Ready on (the day it opens or opened)", "date"),
        Input("for_contributor", "Prepared for (ISO 3166 alpha-3)", hint="IDN"),
        *PLACE,
        Input("note", "Note"),
    ),
    "incident": (
        Input("event_type", "Event type (ACLED)", "select", _choices(IncidentType)),
        Input("sub_event_type", "Sub-event type"),
        Input("violation", "Ceasefire violation", "select", _choices(Violation)),
        Input("actors", "Actors (one per line)", "lines"),
        Input("time", "Time (HH:MM)", hint="14:30"),
        *PLACE,
        Input("fatalities", "Fatalities", "int"),
        Input("injured", "Injured", "int"),
        Input("notes", "Notes", "textarea"),
    ),
    "milestone_verified": (
        Input("verdict", "Verdict", "select", _choices(Verdict)),
        Input("verifier", "Verified by", hint="the independent monitors"),
        Input("evidence", "Evidence (one piece per line: what it is)", "evidence",
              hint="inspection report of 14 March"),
        Input("note", "Note"),
    ),
}

#: The subject each kind's form suggests.
SUBJECT_HINTS = {"stance": "contributor:IDN", "camp": "camp:rafah-north", "incident": "incident:rafah-2026-03-01",
                 "milestone_verified": "milestone:isf-in-rafah"}


def _number(text: str, convert: type) -> Any:
    cleaned = text.replace(",", "").replace("_", "").strip()
    try:
        return convert(cleaned)
    except ValueError:
        return text  # left as typed: validation names the field and the value


def payload_from(kind: str, values: Mapping[str, str], lists: Mapping[str, list[str]]) -> dict[str, Any]:
    """Return the payload a kind's form describes (blank inputs left out)."""
    payload: dict[str, Any] = {}
    for item in KIND_FORMS[kind]:
        raw = values.get(item.form_name, "")
        raw = raw.strip() if isinstance(raw, str) else raw
        value: Any
        if item.type == "checks":
            value = list(lists.get(item.form_name, []))
        elif item.type == "check":
            value = raw == "on"
        elif item.type in ("lines", "evidence"):
            lines = [line.strip() for line in str(raw).splitlines() if line.strip()]
            value = [{"name": line} for line in lines] if item.type == "evidence" else lines
        elif raw == "":
            continue
        elif item.type == "int":
            value = _number(raw, int)
        elif item.type == "number":
            value = _number(raw, float)
        else:
            value = raw
        if item.name.startswith("place."):
            if item.name == "place.precision" and not any(values.get(f"p.place.{k}", "").strip()
                                                          for k in ("name", "lat", "lon")):
                continue  # a precision alone is no place
            payload.setdefault("place", {})[item.name.partition(".")[2]] = value
        else:
            payload[item.name] = value
    if "place" in payload and "precision" in payload["place"]:
        payload["place"]["precision"] = _number(str(payload["place"]["precision"]), int)
    return payload


def error_fields(kind: str) -> dict[str, str]:
    """Map each payload field of a kind's form to its input, for showing errors beside it."""
    out = {f"payload.{item.name}": item.form_name for item in KIND_FORMS.get(kind, ())}
    if "payload.place.lat" in out:
        out["payload.place"] = "p.place.lat"
    return out
