"""The police pipeline and civilian sites through the API, the CLI and the pages, on SQLite and PostgreSQL.

The views must equal the fold of the facts: the API is checked against the engines run on the ledger's
own facts, and every face against the numbers of a small ledger whose answers are known.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stabforce.app import create_app
from stabforce.cli.main import app as cli
from stabforce.engines.police import police_pipeline
from stabforce.engines.sites import civilian_sites
from stabforce.model import fold
from stabforce.services import accounts, exchange
from stabforce.services.actors import Actor, Role
from stabforce.services.facts import record_facts
from tests.builders import fact_input
from tests.integration.api.conftest import PASSWORD, bearer

runner = CliRunner()
ADMIN = Actor(id="test:admin", role=Role.ADMIN)
EVERYTHING = datetime.max.replace(tzinfo=UTC)
PLACE = {"lat": 31.29, "lon": 34.25, "precision": 3, "name": "near Rafah (approximate)"}


def cohort(name, valid_from, known_from=None, **counts):
    return fact_input("police_cohort", f"cohort:{name}", payload=counts, valid_from=valid_from,
                      known_from=known_from or valid_from, source={"key": f"report-{name}-{valid_from}", "date": known_from or valid_from},
                      id=f"{name}-{valid_from}")


SMALL = [
    fact_input("requirement", "mission:gaza-isf", payload={"personnel_kind": "police", "quantity": 12000},
               valid_from="2026-01-01", id="target"),
    cohort("alpha", "2026-01-10", recruited=1000),
    cohort("alpha", "2026-02-20", recruited=1000, vetted=800, trained=600),
    cohort("bravo", "2026-03-05", "2026-03-06", trained=300, deployed=250, sector="rafah"),
    fact_input("civilian_site", "site:one", payload={"name": "Site one", "status": "planned", "place": PLACE,
               "capacity": 20000, "capacity_high": 25000, "approx": True, "services": ["housing"]},
               valid_from="2026-01-20", id="site-one-planned"),
    fact_input("civilian_site", "site:one", payload={"name": "Site one", "status": "open", "residents": 4000,
               "capacity": 25000, "services": ["clinic", "school"], "protecting_contingent": "IDN"},
               valid_from="2026-03-01", source={"key": "site-report-b", "date": "2026-03-01"}, id="site-one-open"),
]


@pytest.fixture
def tokens(services):
    """A viewer and its API token."""
    accounts.add_user(services.accounts, name="viewer", role="viewer", password=PASSWORD)
    return {"viewer": accounts.create_token(services.accounts, name="viewer")[1]}


@pytest.fixture
def small(services):
    record_facts(services.ledger, ADMIN, SMALL)
    return services


@pytest.fixture
def api(small, tokens):
    with TestClient(create_app(small.settings, services=small)) as client:
        yield client, bearer(tokens["viewer"])


def test_the_police_view_equals_the_fold_of_the_facts(api, small):
    client, h = api
    for as_of, known_at in (("2026-03-31", None), ("2026-02-25", None), ("2026-03-31", "2026-03-05T12:00:00Z"),
                            ("2025-12-01", None)):
        params = {"as_of": as_of, **({"known_at": known_at} if known_at else {})}
        got = client.get("/api/v1/police", params=params, headers=h)
        assert got.status_code == 200, got.text
        body = got.json()
        known = datetime.fromisoformat(known_at) if known_at else EVERYTHING
        p = police_pipeline(fold(small.ledger.iter_all(), as_of=date.fromisoformat(as_of), known_at=known))
        assert {s["stage"]: s["total"] for s in body["stages"]} == dict(p.totals)
        assert {s["stage"]: s["unknown_cohorts"] for s in body["stages"]} == dict(p.unknown)
        assert [c["fact"] for c in body["cohorts"]] == [f.id for f in p.cohorts]
        assert [m["gained"] for m in body["throughput"]] == [dict(m.gained) for m in p.throughput]
        assert body["target"] == p.target and body["months_to_target"] == dict(p.months_to_target)


def test_the_police_numbers_of_the_small_ledger(api):
    client, h = api
    body = client.get("/api/v1/police", params={"as_of": "2026-03-31"}, headers=h).json()
    stages = {s["stage"]: s for s in body["stages"]}
    assert stages["trained"]["total"] == 900 and stages["trained"]["facts"] == ["alpha-2026-02-20", "bravo-2026-03-05"]
    assert stages["recruited"]["total"] == 1000 and stages["recruited"]["unknown_cohorts"] == 1
    assert stages["attrition"]["unknown_cohorts"] == 2
    bravo = next(c for c in body["cohorts"] if c["cohort"] == "bravo")
    assert bravo["recruited"] is None and bravo["deployed"] == 250 and bravo["source"] == "report-bravo-2026-03-05"
    assert body["deployed_by_sector"] == [{"sector": "rafah", "name": "Rafah", "deployed": 250}]
    assert body["target"] == 12000 and body["target_source"]["fact"] == "target"
    assert [m["month"] for m in body["throughput"]] == ["2026-01", "2026-02", "2026-03"]
    assert [m["gained"]["trained"] for m in body["throughput"]] == [0, 600, 300]
    # Known on 5 March, bravo (published 6 March) is not there yet.
    early = client.get("/api/v1/police", params={"as_of": "2026-03-31", "known_at": "2026-03-05"}, headers=h).json()
    assert [c["cohort"] for c in early["cohorts"]] == ["alpha"]


def test_the_sites_view_equals_the_fold_and_keeps_the_last_place(api, small):
    client, h = api
    body = client.get("/api/v1/sites", params={"as_of": "2026-03-31"}, headers=h).json()
    s = civilian_sites(fold(small.ledger.iter_all(), as_of=date(2026, 3, 31), known_at=EVERYTHING))
    assert body["by_status"] == dict(s.by_status) == {"open": 1}
    assert body["residents_open"] == s.residents_open == 4000 and body["capacity_open"] == 25000
    (one,) = body["sites"]
    assert one["fact"] == "site-one-open" and one["protecting_contingent_name"] == "Indonesia"
    assert one["place"] == PLACE and one["place_fact"] == "site-one-planned"
    assert one["place_source"]["fact"] == "site-one-planned" and one["history"] == ["site-one-planned", "site-one-open"]
    before = client.get("/api/v1/sites", params={"as_of": "2026-02-01"}, headers=h).json()
    assert before["by_status"] == {"planned": 1} and before["sites"][0]["residents"] is None
    assert before["residents_unknown"] == {"planned": 1} and before["sites"][0]["place_source"] is None
    assert client.get("/api/v1/sites", headers={}).status_code == 401
    bad = client.get("/api/v1/police", params={"as_of": "2026-13-01"}, headers=h)
    assert bad.status_code == 422 and "as_of" in json.dumps(bad.json()["error"])


def test_the_openapi_schema_describes_the_responses(api):
    client, _ = api
    schema = client.get("/api/v1/openapi.json").json()
    for path, model in (("/api/v1/police", "PoliceOut"), ("/api/v1/sites", "SitesOut")):
        ref = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith(model)
    assert "recruited" in schema["components"]["schemas"]["Cohort"]["properties"]


def sf(url: str, *args: str):
    return runner.invoke(cli, ["--database-url", url, *args], env={"COLUMNS": "220"})


def test_the_cli_prints_the_same_views_as_json_and_as_tables(small, db_url):
    police = sf(db_url, "police", "--as-of", "2026-03-31", "--json")
    assert police.exit_code == 0, police.output
    body = json.loads(police.stdout)
    assert {s["stage"]: s["total"] for s in body["stages"]}["deployed"] == 250
    assert next(c for c in body["cohorts"] if c["cohort"] == "bravo")["vetted"] is None
    early = json.loads(sf(db_url, "police", "--as-of", "2026-03-31", "--known-at", "2026-03-05", "--json").stdout)
    assert [c["cohort"] for c in early["cohorts"]] == ["alpha"]
    sites = json.loads(sf(db_url, "sites", "--as-of", "2026-03-31", "--json").stdout)
    assert sites["residents_open"] == 4000 and sites["sites"][0]["place"]["precision"] == 3
    table = sf(db_url, "police", "--as-of", "2026-03-31")
    assert table.exit_code == 0 and "unknown" in table.stdout and "12,000" in table.stdout
    assert "report-bravo-2026-03-05" in table.stdout
    table = sf(db_url, "sites", "--as-of", "2026-03-31")
    assert table.exit_code == 0 and "Indonesia" in table.stdout and "4,000" in table.stdout
    bad = sf(db_url, "sites", "--as-of", "2026-02-30")
    assert bad.exit_code == 2 and "not a date" in bad.output


def login(client: TestClient, name: str) -> None:
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token, "next": "/"},
                follow_redirects=False)


@pytest.fixture
def pages(small, tokens):
    with TestClient(create_app(small.settings, services=small)) as client:
        login(client, "viewer")
        yield client


def test_the_pages_show_the_numbers_unknowns_and_sources(pages):
    html = pages.get("/police?as_of=2026-03-31").text
    assert 'data-testid="police-trained">900<' in html and 'data-testid="police-deployed">250<' in html
    assert 'id="police-chart"' in html and "report-bravo-2026-03-05" in html and "12,000" in html
    cohorts = html[html.index('id="police-cohorts"'):]
    assert cohorts.count('class="unknown">unknown') >= 3  # bravo's recruited and vetted, the attrition of both
    chart = json.loads(re.search(r'id="police-data">(.*?)</script>', html, re.DOTALL).group(1))
    assert chart["totals"] == [1000, 800, 900, 250] and chart["target"] == 12000
    early = pages.get("/police?as_of=2026-01-31").text
    assert 'data-testid="police-trained"' in early and 'class="unknown" data-testid="police-trained">unknown' in early
    sites = pages.get("/sites?as_of=2026-03-31").text
    assert 'id="sites-map"' in sites and "Indonesia" in sites and "4,000" in sites and "clinic, school" in sites
    markers = json.loads(re.search(r'id="sites-data">(.*?)</script>', sites, re.DOTALL).group(1))
    assert markers == [{"site": "one", "name": "Site one", "status": "open", "lat": 31.29, "lon": 34.25, "precision": 3,
                        "name_place": "near Rafah (approximate)", "capacity": 25000, "capacity_high": None,
                        "approx": False, "fact": "site-one-planned"}]
    assert pages.get("/sites?as_of=2026-02-01&known_at=2026-01-01").text.count("No civilian site reported") == 1
    layers = pages.get("/map/layers.json?as_of=2026-03-31").json()
    assert [s["site"] for s in layers["sites"]] == ["one"]
    assert pages.get("/police?as_of=2026-99-01").status_code == 422


def test_the_scenario_shows_the_cairo_graduates_the_sign_ups_and_the_rafah_site(services, tokens):
    exchange.load_scenario(services.ledger, ADMIN, "gaza-isf")
    with TestClient(create_app(services.settings, services=services)) as client:
        h = bearer(tokens["viewer"])
        police = client.get("/api/v1/police", params={"as_of": "2026-03-01"}, headers=h).json()
        stages = {s["stage"]: s for s in police["stages"]}
        assert stages["trained"]["total"] == 500 and stages["recruited"]["total"] == 2000
        assert stages["deployed"]["total"] == 0 and stages["deployed"]["unknown_cohorts"] == 2 and not stages["deployed"]["facts"]
        assert police["target"] == 12000
        assert police["plans"] == []  # Egypt and Jordan train police; they do not send any
        assert all(c["url"] and c["quote"] for c in police["cohorts"])
        before = client.get("/api/v1/police", params={"as_of": "2026-03-01", "known_at": "2025-11-29"}, headers=h).json()
        assert before["cohorts"] == [] and before["target"] is None
        sites = client.get("/api/v1/sites", params={"as_of": "2026-03-01"}, headers=h).json()
        (rafah,) = sites["sites"]
        assert rafah["status"] == "planned" and rafah["place"]["precision"] == 3 and rafah["residents"] is None
        assert {"clinic", "school", "government_offices", "housing"} == set(rafah["services"])
