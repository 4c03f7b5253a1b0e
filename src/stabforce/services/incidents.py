"""Incidents: import an ACLED-layout CSV into the ledger, and the incidents view of a day.

Import: every row is read (`services/acled.py`) and validated as a fact; a file with any bad row
stores nothing unless `skip_bad`, in which case the good rows are appended as one batch and the bad
ones reported. Rows whose fact id is already in the ledger (the same event id) are counted as already
present and not stored again, so re-importing a file stores nothing new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from stabforce.engines import incidents as engine
from stabforce.errors import InvalidFact, InvalidInput
from stabforce.ledger import Fact, FactDraft, parse_fact
from stabforce.ledger.vocab import GRADE_PATTERN, IncidentType, Violation
from stabforce.services import views
from stabforce.services.acled import BadRow, CsvRefused, Problem, parse_acled_csv
from stabforce.services.actors import Actor
from stabforce.services.picture import Pictures
from stabforce.store import FactFilter, LedgerStore

__all__ = ["CsvRefused", "ImportReport", "import_acled_csv", "incident_features", "incident_view", "incidents_view"]

#: Classes the view may filter on (event types are filtered separately).
CLASSES = ("any", "violation", "serious_violation")
DEFAULT_GRADE = "C3"


@dataclass(slots=True)
class ImportReport:
    """What an import did: rows read, facts stored, rows already in the ledger, bad rows."""

    file: str
    rows: int
    imported: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    skip_bad: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return the report as plain JSON values."""
        return {"file": self.file, "rows": self.rows, "imported": len(self.imported),
                "already_present": len(self.already_present), "bad": len(self.bad_rows),
                "skip_bad": self.skip_bad, "imported_ids": self.imported,
                "already_present_ids": self.already_present, "bad_rows": [b.to_json() for b in self.bad_rows]}


def import_acled_csv(store: LedgerStore, actor: Actor, data: bytes | str, *, name: str,
                     grade: str = DEFAULT_GRADE, skip_bad: bool = False, now: datetime | None = None,
                     progress: Callable[[int], None] = lambda n: None) -> ImportReport:
    """Import the incidents of an ACLED-layout CSV; see the module docstring for the rules.

    Raises `CsvRefused` (with every bad row in `details['bad_rows']`) when a row is bad and
    `skip_bad` is off, and `InvalidInput` when the file cannot be read or lacks a required column.
    """
    actor.require_write("incident", "incident:acled")
    grade = grade.strip().upper()
    if not GRADE_PATTERN.match(grade):
        raise InvalidInput(f"grade {grade!r} must be source reliability A-F then credibility 1-6, e.g. C3",
                           field="grade")
    name = _file_name(name)
    parsed = parse_acled_csv(data, name=name, grade=grade, now=now or datetime.now(UTC), progress=progress)
    bad = list(parsed.bad)
    drafts: list[tuple[int, FactDraft]] = []
    for row in parsed.good:
        try:
            drafts.append((row.line, parse_fact(row.fact)))
        except InvalidFact as exc:  # the parser's checks should catch everything; this is the safety net
            column = str(exc.details.get("field", ""))
            bad.append(BadRow(row.line, row.event_id, (Problem(column, exc.message),)))
    bad.sort(key=lambda b: b.line)
    report = ImportReport(file=name, rows=parsed.rows, bad_rows=bad, skip_bad=skip_bad)
    if bad and not skip_bad:
        lines = ", ".join(str(b.line) for b in bad[:20]) + (", ..." if len(bad) > 20 else "")
        raise CsvRefused(
            f"{name}: {len(bad)} of {parsed.rows} rows are bad (line{'s' if len(bad) > 1 else ''} {lines}); "
            "nothing was imported. Fix them, or import again skipping bad rows to store the good ones.",
            file=name, rows=parsed.rows, bad=len(bad), imported=0, bad_rows=[b.to_json() for b in bad])
    present = {f.id for f in store.find(FactFilter(kind="incident"))}
    new = [d for _, d in drafts if d.id not in present]
    report.already_present = [d.id for _, d in drafts if d.id in present]
    report.imported = [f.id for f in store.append(new, recorded_by=actor.id)] if new else []
    return report


def _file_name(name: str) -> str:
    """Return the base name of an uploaded file (browsers may send a path), or a stand-in."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return base[:200] or "upload.csv"


# --- the view -------------------------------------------------------------------------------------------


def incidents_view(pictures: Pictures, *, as_of: date, known_at: datetime | None,
                   event_type: str | None = None, incident_class: str | None = None,
                   limit: int | None = None) -> dict[str, Any]:
    """Return the incidents up to `as_of` as known at `known_at` (newest first), counts per week by
    type and by violation class, and the days since the last serious violation (cached per ledger head)."""
    if event_type is not None and event_type not in set(IncidentType):
        raise InvalidInput(f"unknown event type {event_type!r}; known: {', '.join(IncidentType)}", field="type")
    if incident_class is not None and incident_class not in CLASSES:
        raise InvalidInput(f"unknown class {incident_class!r}; known: {', '.join(CLASSES)}", field="class")
    view = pictures.facts()
    picture = pictures.get(as_of=as_of, known_at=known_at, view=view)
    key = ("incidents", as_of, known_at, event_type, incident_class)
    full = pictures.memo(key, lambda: _view(picture.snapshot, event_type, incident_class), head=view[1])
    if limit is not None and len(full["incidents"]) > limit:
        return {**full, "incidents": full["incidents"][:limit]}
    return full


def _view(snapshot: Any, event_type: str | None, incident_class: str | None) -> dict[str, Any]:
    chosen = engine.incidents_of(snapshot, incident_class or "any")
    if event_type:
        chosen = [f for f in chosen if engine.in_class(f, event_type)]
    serious = engine.incidents_of(snapshot, "serious_violation")
    last = serious[-1] if serious else None
    weeks = engine.per_week(chosen, snapshot.as_of)
    return {
        **views.snapshot_header(snapshot),
        "filters": {"type": event_type, "class": incident_class},
        "total": len(chosen),
        "fatalities": sum(f.payload.get("fatalities") or 0 for f in chosen),
        "by_type": {t.value: sum(1 for f in chosen if f.payload["event_type"] == t) for t in IncidentType},
        "by_violation": {v.value: sum(1 for f in chosen if f.payload.get("violation", "none") == v)
                         for v in Violation},
        "weeks": [{"week": w.start.isoformat(), "total": w.total, "by_type": w.by_type,
                   "by_violation": w.by_violation} for w in weeks],
        "last_serious_violation": incident_view(last) if last else None,
        "days_since_serious_violation": engine.days_since(last, snapshot.as_of) if last else None,
        "incidents": [incident_view(f) for f in reversed(chosen)],
    }


def incident_view(fact: Fact) -> dict[str, Any]:
    """Return one incident with its place and provenance."""
    p = fact.payload
    place = p.get("place")
    return {
        "id": fact.id, "subject": fact.subject, "date": fact.valid_from.isoformat(),
        "event_type": p["event_type"], "sub_event_type": p.get("sub_event_type"),
        "violation": p.get("violation", "none"), "actors": list(p.get("actors") or []), "time": p.get("time"),
        "place": dict(place) if place else None, "fatalities": p.get("fatalities"), "injured": p.get("injured"),
        "external_id": p.get("external_id"), "notes": p.get("notes"), **views.source_view(fact),
    }


def incident_features(pictures: Pictures, *, as_of: date, known_at: datetime | None,
                      days: int = 90) -> dict[str, Any]:
    """Return the placed incidents of the `days` days up to `as_of` as a GeoJSON FeatureCollection."""
    view = pictures.facts()
    picture = pictures.get(as_of=as_of, known_at=known_at, view=view)

    def compute() -> dict[str, Any]:
        start = as_of - timedelta(days=days - 1)
        features = []
        for fact in engine.incidents_of(picture.snapshot):
            place = fact.payload.get("place")
            if place is None or fact.valid_from < start:
                continue
            features.append({
                "type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                "properties": {**incident_view(fact), "precision": place.get("precision", 1)},
            })
        return {"type": "FeatureCollection", "days": days, "features": features}

    return pictures.memo(("incident-features", as_of, known_at, days), compute, head=view[1])
