"""Exports for other tools: CSV (facts, pledges, incidents in ACLED's layout), GeoJSON (zones, sectors,
sites, incidents) and a STIX 2.1 bundle of facts.

Every export reads the ledger through `visible_facts(pictures, actor)`, the one place that decides
which facts an actor may see, and folds through `visible_picture`, so that a rule about who may read
what (markings) applies to every export at once.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import stix2
from stix2.properties import FloatProperty, IntegerProperty, ListProperty, StringProperty

from stabforce.engines import incidents as incidents_engine
from stabforce.engines.sites import civilian_sites
from stabforce.errors import InvalidInput
from stabforce.ledger import Fact
from stabforce.ledger.fact import canonical_json, iso_utc, thaw
from stabforce.services import csvsafe, police, views
from stabforce.services.acled import EVENT_ID
from stabforce.services.actors import Actor
from stabforce.services.incidents import incident_view
from stabforce.services.picture import Picture, Pictures


def visible_facts(pictures: Pictures, actor: Actor) -> tuple[list[Fact], tuple[int, str]]:
    """Return the facts `actor` may read under their TLP markings (`Actor.clearance`), in ledger order,
    and the head they end at (the last fact `actor` may read, so hidden facts are not counted).

    This is the one function every export reads facts through.
    """
    return pictures.scoped(actor.clearance).facts()


def visible_picture(pictures: Pictures, actor: Actor, *, as_of: date, known_at: datetime | None) -> Picture:
    """Return the picture on `as_of` as known at `known_at`, folded from the facts `actor` may read
    only (cached per ledger head and clearance)."""
    return pictures.scoped(actor.clearance).get(as_of=as_of, known_at=known_at)


# --- the facts an export covers -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FactQuery:
    """Which facts a facts export holds: the /facts filters, and the time coordinates.

    `known_at` keeps facts known by then (`known_from <= known_at`); `as_of` keeps facts that speak
    about days up to it (`valid_from <= as_of`). Text filters work as on the /facts page: kind and
    subject exactly, source inside the source key or its fields (ignoring case), grade by prefix."""

    kind: str | None = None
    subject: str | None = None
    source: str | None = None
    grade: str | None = None
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    known_at: datetime | None = None

    def matches(self, fact: Fact) -> bool:
        """Return whether the fact belongs in the export."""
        if self.kind and fact.kind != self.kind or self.subject and fact.subject != self.subject:
            return False
        if self.source:
            needle = self.source.lower()
            texts = (fact.source.key, fact.source.title, fact.source.url, fact.source.publisher,
                     fact.source.attribution)
            if not any(t and needle in t.lower() for t in texts):
                return False
        if self.grade and not fact.grade.startswith(self.grade.upper()):
            return False
        if self.since and fact.valid_from < self.since or self.until and fact.valid_from > self.until:
            return False
        if self.as_of and fact.valid_from > self.as_of:
            return False
        return not (self.known_at and fact.known_from > self.known_at)


def selected_facts(pictures: Pictures, actor: Actor, query: FactQuery) -> list[Fact]:
    """Return the facts the actor may read that match `query`, in ledger order."""
    seen, _ = visible_facts(pictures, actor)
    return [f for f in seen if query.matches(f)]


def marking_of(fact: Fact) -> str | None:
    """Return the fact's TLP marking, if facts carry one and this fact has one."""
    return getattr(fact, "marking", None)


# --- CSV ------------------------------------------------------------------------------------------------

FACT_COLUMNS = ("id", "seq", "kind", "subject", "says", "valid_from", "valid_to", "known_from", "recorded_at",
                "recorded_by", "source_key", "source_date", "source_title", "source_url", "source_publisher",
                "source_attribution", "grade", "marking", "quote", "supersedes", "payload", "hash")


def facts_csv(pictures: Pictures, actor: Actor, query: FactQuery) -> str:
    """Return the matching facts the actor may read as CSV, one row per fact (payload as canonical JSON)."""
    rows = ([f.id, f.seq, f.kind, f.subject, views.describe(f), f.valid_from.isoformat(),
             f.valid_to.isoformat() if f.valid_to else None, iso_utc(f.known_from), iso_utc(f.recorded_at),
             f.recorded_by, f.source.key, f.source.date.isoformat(), f.source.title, f.source.url,
             f.source.publisher, f.source.attribution, f.grade, marking_of(f), f.quote, " ".join(f.supersedes),
             canonical_json(f.payload), f.hash] for f in selected_facts(pictures, actor, query))
    return csvsafe.document(FACT_COLUMNS, rows)


PLEDGE_COLUMNS = ("contributor", "name", "stance", "counted", "personnel_kind", "phase", "stated", "low", "likely",
                  "high", "approx", "disputed", "tasks", "caveats", "lead_time_days", "earliest_arrival",
                  "valid_from", "fact", "source", "source_date", "title", "url", "attribution", "grade", "quote")


def pledges_csv(pictures: Pictures, actor: Actor, *, as_of: date, known_at: datetime | None) -> str:
    """Return every contributor's current pledges on `as_of` as known at `known_at`, one row per
    pledge (personnel kind and phase), with the figures force generation counts and the source."""
    picture = visible_picture(pictures, actor, as_of=as_of, known_at=known_at)
    rows = []
    for c in picture.forcegen.contributors:
        for line in c.pledges:
            v = views.pledge_view(line)
            rows.append([c.iso3, c.name, c.stance, c.counted, line.personnel_kind, line.phase,
                         views.stated_quantity(v["personnel"]), v["figures"]["low"], v["figures"]["likely"],
                         v["figures"]["high"], bool(v["personnel"].get("approx")), line.disputed, v["tasks"],
                         v["caveats"], v["lead_time_days"], v["earliest_arrival"], v["valid_from"], v["fact"],
                         v["source"], v["source_date"], v["title"], v["url"], v["attribution"], v["grade"],
                         v["quote"]])
    return csvsafe.document(PLEDGE_COLUMNS, rows)


#: ACLED's export columns in ACLED's order, then stabforce's own (read back by the importer:
#: violation, time, injured, grade; the rest say where each row came from).
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    "violation", "time", "injured", "grade", "stabforce_fact", "stabforce_source_key", "stabforce_source_url",
)
EVENT_WORDS = {
    "battles": "Battles", "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians", "protests": "Protests", "riots": "Riots",
    "strategic_developments": "Strategic developments",
}


def acled_csv(incidents: Iterable[Fact]) -> str:
    """Return incident facts as a CSV in ACLED's layout, which `services/acled.py` imports back to the
    same incidents (see `acled_row` for what maps to what)."""
    used: set[str] = set()
    return csvsafe.document(ACLED_COLUMNS, (acled_row(f, used) for f in incidents))


def acled_event_id(fact: Fact, used: set[str]) -> str:
    """Return the row's event id: the incident's external id if it is a valid ACLED id not used yet,
    else the name in its subject (made unique with -2, -3 ...)."""
    external = fact.payload.get("external_id")
    name = fact.subject.partition(":")[2][:70] or "incident"
    for candidate in ([external] if external and EVENT_ID.match(external) else []) + [name]:
        if candidate.lower() not in used:
            used.add(candidate.lower())
            return candidate
    n = 2
    while f"{name}-{n}".lower() in used:
        n += 1
    used.add(f"{name}-{n}".lower())
    return f"{name}-{n}"


def acled_row(fact: Fact, used: set[str]) -> list[Any]:
    """Return one incident as an ACLED row: actors as actor1 and its associates, the place, the source
    text (attribution, else title, else key), `timestamp` = when it became known (Unix seconds)."""
    p = fact.payload
    actors = list(p.get("actors") or [])
    place = p.get("place") or {}
    source_text = fact.source.attribution or fact.source.title or fact.source.key
    row: dict[str, Any] = {
        "event_id_cnty": acled_event_id(fact, used), "event_date": fact.valid_from.isoformat(),
        "year": fact.valid_from.year, "event_type": EVENT_WORDS[p["event_type"]],
        "sub_event_type": p.get("sub_event_type"), "actor1": actors[0] if actors else None,
        "assoc_actor_1": "; ".join(actors[1:]) or None, "location": place.get("name"),
        "latitude": place.get("lat"), "longitude": place.get("lon"), "geo_precision": place.get("precision"),
        "source": source_text, "notes": p.get("notes"), "fatalities": p.get("fatalities"),
        "timestamp": int(fact.known_from.timestamp()), "violation": p.get("violation", "none"),
        "time": p.get("time"), "injured": p.get("injured"), "grade": fact.grade, "stabforce_fact": fact.id,
        "stabforce_source_key": fact.source.key, "stabforce_source_url": fact.source.url,
    }
    return [row.get(c) for c in ACLED_COLUMNS]


def visible_incidents(pictures: Pictures, actor: Actor, *, as_of: date, known_at: datetime | None) -> list[Fact]:
    """Return the live incidents up to `as_of` as known at `known_at` that the actor may read."""
    return incidents_engine.incidents_of(visible_picture(pictures, actor, as_of=as_of, known_at=known_at).snapshot)


def incidents_csv(pictures: Pictures, actor: Actor, *, as_of: date, known_at: datetime | None) -> str:
    """Return the incidents up to `as_of` as known at `known_at` in ACLED's layout."""
    return acled_csv(visible_incidents(pictures, actor, as_of=as_of, known_at=known_at))


# --- GeoJSON --------------------------------------------------------------------------------------------

GEO = Path(__file__).resolve().parents[1] / "web" / "static" / "geo"
LAYERS = ("zones", "sectors", "sites", "incidents")


def zone_features(snapshot: Any) -> dict[str, Any]:
    """Return the drawn control zones (illustrative shapes) with the ledger's current report of each."""
    zones = json.loads((GEO / "zones-approximate.geojson").read_text(encoding="utf-8"))
    for feature in zones["features"]:
        fact = snapshot.current("zone_control", f"zone:{feature['properties']['zone']}")
        feature["properties"]["ledger"] = _zone_fact(fact) if fact else None
    return zones


def _zone_fact(fact: Fact) -> dict[str, Any]:
    p = fact.payload
    return {"controlled_by": p["controlled_by"], "share_of_territory_pct": p.get("share_of_territory_pct"),
            "population": p.get("population"), "approx": p.get("approx"), **views.source_view(fact),
            "valid_from": fact.valid_from.isoformat()}


def geojson(pictures: Pictures, actor: Actor, layer: str, *, as_of: date, known_at: datetime | None) -> dict[str, Any]:
    """Return one layer as a GeoJSON FeatureCollection (RFC 7946, WGS 84 lon/lat)."""
    if layer not in LAYERS:
        raise InvalidInput(f"unknown layer {layer!r}; known: {', '.join(LAYERS)}", field="layer")
    picture = visible_picture(pictures, actor, as_of=as_of, known_at=known_at)
    header = {"as_of": as_of.isoformat(), "known_at": iso_utc(known_at) if known_at else None, "layer": layer}
    if layer == "zones":
        features = zone_features(picture.snapshot)["features"]
    elif layer == "sectors":
        features = json.loads((GEO / "sectors-approximate.geojson").read_text(encoding="utf-8"))["features"]
    elif layer == "sites":
        found = civilian_sites(picture.snapshot)
        features = []
        for fact in found.sites:
            view = police.site_view(fact, found)
            place = view.pop("place")
            if place:
                features.append(_point(place, {**view, "precision": place.get("precision", 1),
                                               "place_name": place.get("name")}))
    else:
        features = [_point(f.payload["place"], {**incident_view(f), "precision": f.payload["place"].get("precision", 1)})
                    for f in incidents_engine.incidents_of(picture.snapshot) if f.payload.get("place")]
        for feature in features:
            feature["properties"].pop("place", None)
    return {"type": "FeatureCollection", "stabforce": header, "features": features}


def json_text(value: Any) -> str:
    """Return a GeoJSON (or any JSON) value as text."""
    return json.dumps(value, ensure_ascii=False)


def _point(place: Mapping[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": properties}


# --- STIX 2.1 -------------------------------------------------------------------------------------------

#: Admiralty information credibility (the grade's digit) -> STIX `confidence`, the mapping of the
#: STIX 2.1 specification's confidence appendix (6, "truth cannot be judged", gives none).
CONFIDENCE = {"1": 90, "2": 70, "3": 50, "4": 30, "5": 10}
#: The OASIS TLP 2.0 extension (cti-stix-common-objects, extension-definition-specifications/tlp-2.0).
TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
#: The OASIS-published ids of the five TLP 2.0 marking definitions.
TLP2_IDS = {"CLEAR": "94868c89-83c2-464b-929b-a1a8aa3c8487", "GREEN": "bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            "AMBER": "55d920b0-5e8b-4f79-9ee9-91f868d9b421", "AMBER+STRICT": "939a9414-2ddd-4d32-a0cd-375ea402b003",
            "RED": "e828b379-4e03-4974-9ac4-e53a884c97c1"}
#: TLP 2.0 marking -> its STIX 2.1 marking definition, as OASIS publishes it (name, created, extension).
TLP = {level: stix2.v21.MarkingDefinition(
    id=f"marking-definition--{ident}", created="2022-10-01T00:00:00.000Z", name=f"TLP:{level}",
    extensions={TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": level.lower()}})
    for level, ident in TLP2_IDS.items()}
_NS = uuid.UUID("7f3c2a51-2803-4c8e-9f1a-5a7e0b0f2803")  # stabforce's namespace for deterministic STIX ids


def stix_bundle(pictures: Pictures, actor: Actor, query: FactQuery, *, now: datetime | None = None) -> str:
    """Return the matching facts the actor may read as a STIX 2.1 bundle (JSON text).

    Each source becomes a `report` (name, published = source date, URL, the notes of its facts);
    each incident also an `observed-data` (its day and time) of an `x-stabforce-event` observable
    (type, actors, place, casualties); each fact a `note` (what it says, the quote, the attribution as author) referring to its report,
    with `confidence` from the grade's credibility digit, labels ``grade:B2`` and ``kind:pledge``,
    and custom properties `x_stabforce_grade` (the Admiralty grade), `x_stabforce_source` (the whole
    source reference) and `x_stabforce_fact` (id, position, kind, subject, days, times, payload, hash).
    A fact's TLP marking becomes `object_marking_refs` to the OASIS TLP 2.0 marking definitions (an
    unmarked fact carries none; `x_stabforce_tlp` repeats the level for readers without the extension);
    the report carries the most restrictive marking of its notes.
    """
    chosen = selected_facts(pictures, actor, query)
    producer = stix2.Identity(id=f"identity--{uuid.uuid5(_NS, 'stabforce')}", name="stabforce ledger",
                              identity_class="system", created=_EPOCH, modified=_EPOCH)
    by_source: dict[str, list[Fact]] = {}
    for fact in chosen:
        by_source.setdefault(fact.source.key, []).append(fact)
    objects: list[Any] = [producer]
    markings: dict[str, Any] = {}
    for key, cited in by_source.items():
        report_id = f"report--{uuid.uuid5(_NS, 'source:' + key)}"
        observed = {f.id: _observed(f, producer.id, markings) for f in cited if f.kind == "incident"}
        notes = [_note(f, report_id, producer.id, markings, observed.get(f.id)) for f in cited]
        first = cited[0].source
        strictest = max((marking_of(f) for f in cited), key=_rank, default=None)
        objects.append(stix2.Report(
            id=report_id, name=first.title or key, published=_midnight(first.date), created_by_ref=producer.id,
            report_types=["observed-data"],
            description=f"Source {key}" + (f", published by {first.publisher}" if first.publisher else ""),
            external_references=[{"source_name": "stabforce-source", "external_id": key[:250],
                                  **({"url": first.url} if first.url else {})}],
            object_refs=[n.id for n in notes], created=_created(cited), modified=_created(cited),
            object_marking_refs=_marking_refs(strictest, markings), allow_custom=True,
            **({"x_stabforce_tlp": strictest} if strictest else {}),
        ))
        objects.extend(notes)
        for event, data in observed.values():
            objects.extend((event, data))
    objects.extend(markings.values())
    bundle = stix2.Bundle(objects=objects, allow_custom=True)
    return bundle.serialize(sort_keys=True)


@stix2.v21.CustomObservable("x-stabforce-event", [
    ("name", StringProperty(required=True)), ("event_type", StringProperty(required=True)),
    ("sub_event_type", StringProperty()), ("violation", StringProperty()), ("actors", ListProperty(StringProperty)),
    ("latitude", FloatProperty()), ("longitude", FloatProperty()), ("geo_precision", IntegerProperty()),
    ("place_name", StringProperty()), ("fatalities", IntegerProperty()), ("injured", IntegerProperty()),
    ("external_id", StringProperty()),
], id_contrib_props=["name"])
class StabforceEvent:
    """An incident as a custom cyber-observable (STIX 2.1 has no observable for a security event)."""


def _observed(fact: Fact, producer: str, markings: dict[str, Any]) -> tuple[Any, Any]:
    """Return an incident as an `x-stabforce-event` observable and the `observed-data` that saw it on
    its day (at its time when given)."""
    p = fact.payload
    place = p.get("place") or {}
    values = {"event_type": p["event_type"], "sub_event_type": p.get("sub_event_type"),
              "violation": p.get("violation"), "actors": list(p.get("actors") or []) or None,
              "latitude": place.get("lat"), "longitude": place.get("lon"), "geo_precision": place.get("precision"),
              "place_name": place.get("name"), "fatalities": p.get("fatalities"), "injured": p.get("injured"),
              "external_id": p.get("external_id")}
    event = StabforceEvent(name=fact.subject, **{k: v for k, v in values.items() if v is not None})
    hour, minute = (int(x) for x in p["time"].split(":")) if p.get("time") else (0, 0)
    seen = datetime(fact.valid_from.year, fact.valid_from.month, fact.valid_from.day, hour, minute, tzinfo=UTC)
    data = stix2.ObservedData(
        id=f"observed-data--{uuid.uuid5(_NS, 'observed:' + fact.id)}", first_observed=seen, last_observed=seen,
        number_observed=1, object_refs=[event.id], created_by_ref=producer, created=fact.recorded_at,
        modified=fact.recorded_at, confidence=CONFIDENCE.get(fact.grade[1:]), labels=[f"grade:{fact.grade}"],
        object_marking_refs=_marking_refs(marking_of(fact), markings), allow_custom=True,
        x_stabforce_grade=fact.grade, x_stabforce_fact_id=fact.id,
    )
    return event, data


def _note(fact: Fact, report_id: str, producer: str, markings: dict[str, Any],
          observed: tuple[Any, Any] | None = None) -> Any:
    marking = marking_of(fact)
    confidence = CONFIDENCE.get(fact.grade[1:])
    content = views.describe(fact) + (f'\n\n"{fact.quote}"' if fact.quote else "")
    return stix2.Note(
        id=f"note--{uuid.uuid5(_NS, 'fact:' + fact.id)}", abstract=f"{fact.kind} {fact.subject}"[:250],
        content=content, authors=[fact.source.attribution] if fact.source.attribution else None,
        object_refs=[report_id] + ([observed[1].id] if observed else []), created_by_ref=producer, created=fact.recorded_at, modified=fact.recorded_at,
        labels=[f"grade:{fact.grade}", f"kind:{fact.kind}"], confidence=confidence,
        object_marking_refs=_marking_refs(marking, markings), allow_custom=True,
        x_stabforce_grade=fact.grade, x_stabforce_source=fact.source.to_json(),
        x_stabforce_fact={"id": fact.id, "seq": fact.seq, "kind": fact.kind, "subject": fact.subject,
                          "valid_from": fact.valid_from.isoformat(),
                          "valid_to": fact.valid_to.isoformat() if fact.valid_to else None,
                          "known_from": iso_utc(fact.known_from), "recorded_at": iso_utc(fact.recorded_at),
                          "recorded_by": fact.recorded_by, "supersedes": list(fact.supersedes),
                          "payload": thaw(fact.payload), "quote": fact.quote, "hash": fact.hash},
        **({"x_stabforce_tlp": marking} if marking else {}),
    )


def _marking_refs(marking: str | None, used: dict[str, Any]) -> list[str] | None:
    if marking is None or marking not in TLP:
        return None
    definition = TLP[marking]
    used[definition.id] = definition
    return [definition.id]


_ORDER = ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")


def _rank(marking: str | None) -> int:
    return _ORDER.index(marking) + 1 if marking in _ORDER else 0


_EPOCH = datetime(2025, 11, 17, tzinfo=UTC)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _created(facts: list[Fact]) -> datetime:
    return min(f.recorded_at for f in facts)
