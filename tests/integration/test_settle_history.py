"""Issue 11 item 1: settling the scenario's zone conflict must not break the picture of any day.

The exact reproduction: load the gaza-isf scenario, settle the six `zone:idf-held` reports accepting
the 12 Dec 2025 one, then read every face on days before and after that fact; retract the decision
and the conflict is open again.
"""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stabforce.app import create_app
from stabforce.cli.main import app as cli
from stabforce.services import accounts
from tests.integration.api.conftest import PASSWORD, bearer
from tests.integration.web.test_pages import login

runner = CliRunner()
ZONE_FACTS = ["zone-idf-held-2025-10-10-yellow-line-58pct-reading", "zone-idf-held-2025-10-10-about-50pct",
              "zone-idf-held-2025-11-20-cmcc-around-50pct", "zone-idf-held-2025-12-11-53pct",
              "zone-idf-held-2025-12-12-53pct", "zone-idf-held-2025-12-25-63pct-contested"]
ACCEPTED = "zone-idf-held-2025-12-12-53pct"
DAYS = ["2025-10-15", "2025-12-01", "2025-12-11", "2025-12-12", "2025-12-20", "2026-03-01"]
API_READS = ["snapshot", "pledges", "forcegen", "conflicts", "gates", "registry", "police", "sites", "incidents"]
CLI_READS = [["gaps"], ["pledges"], ["conflicts", "--all"], ["gates"], ["registry"], ["police"], ["sites"],
             ["incidents", "list"]]


def sf(url: str, *args: str):
    result = runner.invoke(cli, ["--database-url", url, *args])
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result


def zone_conflict(url: str, on: str) -> dict:
    found = json.loads(sf(url, "conflicts", "--all", "--as-of", on, "--json").stdout)["conflicts"]
    return next(c for c in found if c["subject"] == "zone:idf-held")


@pytest.fixture
def settled(services, db_url):
    sf(db_url, "load", "--scenario", "gaza-isf")
    decision = sf(db_url, "settle", *ZONE_FACTS, "--accept", ACCEPTED, "--reason", "the Reuters and ToI figure")
    return re.search(r"Recorded decision (\S+) ", decision.stdout).group(1)


def test_every_face_reads_every_day_after_settling_and_a_retraction_reopens(services, db_url, settled):
    for day in DAYS:
        for args in CLI_READS:
            sf(db_url, *args, "--as-of", day, "--json")
    accounts.add_user(services.accounts, name="adm", role="admin", password=PASSWORD)
    token = accounts.create_token(services.accounts, name="adm")[1]
    with TestClient(create_app(services.settings, services=services)) as client:
        for day in DAYS:
            for read in API_READS:
                response = client.get(f"/api/v1/{read}?as_of={day}", headers=bearer(token))
                assert response.status_code == 200, (read, day, response.text[:300])
        assert login(client, "adm").status_code == 303
        for day in DAYS:
            for page in ("/", "/review", "/conflicts", "/gates"):
                assert client.get(f"{page}?as_of={day}").status_code == 200, (page, day)

    early, late = zone_conflict(db_url, "2025-12-01"), zone_conflict(db_url, "2025-12-20")
    assert not early["settled"], "the accepted fact does not stand on 1 Dec: that day's conflict stays open"
    assert late["settled"] and late["accepted"] == ACCEPTED and late["settled_by"] == settled

    sf(db_url, "retract", settled, "--reason", "ruled in error")
    reopened = zone_conflict(db_url, "2025-12-20")
    assert not reopened["settled"] and reopened["settled_by"] is None
