"""Issue 11 item 7: "as known on" hides what was not yet known from the fact and source lists, on every
face: the /facts, /sources and /source pages, GET /api/v1/facts and /api/v1/sources, `stabforce facts
list --known-at`. The scenario's 30 Nov 2025 report (002_e834e5538de5cdbe.txt) became known on 30 Nov,
so as known on 29 Nov it is not listed anywhere; without known_at it is.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stabforce.app import create_app
from stabforce.cli.main import app as cli
from stabforce.services import accounts, exchange
from stabforce.services.actors import Actor, Role
from tests.integration.api.conftest import PASSWORD, bearer
from tests.integration.web.test_pages import login

LATE_SOURCE = "002_e834e5538de5cdbe.txt"
LATE_FACT = "pak-pledge-2025-11-30-three-brigades"
EARLY_FACT = "req-troops-2025-11-07-around-20000"
BEFORE = "2025-11-29"


@pytest.fixture
def loaded(services):
    exchange.load_scenario(services.ledger, Actor(id="test", role=Role.ADMIN), "gaza-isf")
    accounts.add_user(services.accounts, name="ana", role="analyst", password=PASSWORD)
    return services


@pytest.fixture
def client(loaded):
    with TestClient(create_app(loaded.settings, services=loaded)) as test_client:
        yield test_client


def test_cli_facts_list_known_at_hides_later_facts(loaded, db_url):
    def listed(*args: str) -> list[dict]:
        result = CliRunner().invoke(cli, ["--database-url", db_url, "facts", "list", "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)
    everything, then = listed(), listed("--known-at", BEFORE)
    assert LATE_FACT in {f["id"] for f in everything} and EARLY_FACT in {f["id"] for f in then}
    assert LATE_FACT not in {f["id"] for f in then}
    assert then and all(f["known_from"] <= f"{BEFORE}T23:59:59.999999Z" for f in then)
    assert len(then) < len(everything)
    assert {f["id"] for f in listed("--known-at", "2025-11-30T00:00:00+00:00")} >= {LATE_FACT}
    bad = CliRunner().invoke(cli, ["--database-url", db_url, "facts", "list", "--known-at", "soon"])
    assert bad.exit_code == 2 and "--known-at" in bad.output


def test_api_facts_and_sources_known_at_hide_later_facts(client, loaded):
    accounts.add_user(loaded.accounts, name="reader", role="viewer", password=PASSWORD)
    token = bearer(accounts.create_token(loaded.accounts, name="reader")[1])
    def ids(query: str) -> tuple[set[str], int]:
        response = client.get(f"/api/v1/facts?limit=1000{query}", headers=token)
        assert response.status_code == 200, response.text
        return {f["id"] for f in response.json()["items"]}, response.json()["total"]
    everything, total = ids("")
    then, then_total = ids(f"&known_at={BEFORE}T23:59:59Z")
    assert LATE_FACT in everything and LATE_FACT not in then and EARLY_FACT in then
    assert then_total == len(then) < total
    assert LATE_FACT not in ids(f"&subject=contributor:PAK&known_at={BEFORE}T12:00:00%2B00:00")[0]
    sources = client.get("/api/v1/sources", headers=token).json()
    sources_then = client.get(f"/api/v1/sources?known_at={BEFORE}T23:59:59Z", headers=token).json()
    assert LATE_SOURCE in {s["key"] for s in sources} and LATE_SOURCE not in {s["key"] for s in sources_then}


def test_pages_facts_and_sources_known_on_hide_later_facts(client):
    assert login(client, "ana").status_code == 303
    assert f"/facts/{LATE_FACT}" in client.get("/facts?subject=contributor:PAK").text
    then = client.get(f"/facts?subject=contributor:PAK&known_at={BEFORE}")
    assert then.status_code == 200 and f"/facts/{LATE_FACT}" not in then.text
    assert f'name="known_at" value="{BEFORE}"' in then.text  # the filter form keeps the knowledge time
    assert LATE_SOURCE in client.get("/sources").text
    sources_then = client.get(f"/sources?known_at={BEFORE}")
    assert sources_then.status_code == 200 and LATE_SOURCE not in sources_then.text
    assert client.get(f"/source?key={LATE_SOURCE}").status_code == 200
    assert client.get(f"/source?key={LATE_SOURCE}&known_at={BEFORE}").status_code == 404
