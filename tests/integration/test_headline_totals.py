"""Issue 11 item 5 on the shipped scenario, through the API, the overview page, the CLI and the forecast:
firm / likely / possible shown separately (a ceiling and a contributor only considering are never
likely), missing data not read as zero (troops on the ground, the forecast's conditioning), and the
age of the newest fact.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stabforce.app import create_app
from stabforce.cli.main import app as cli
from stabforce.services import accounts
from tests.conftest import SHARED
from tests.integration.api.conftest import PASSWORD, bearer
from tests.integration.web.test_pages import login

runner = CliRunner()
HISTORY = SHARED / "data" / "peacekeeping"
ARRIVAL = ["facts", "add", "--kind", "unit_arrived", "--subject", "contributor:IDN", "--valid-from", "2026-02-20",
           "--payload", '{"unit": "a test advance company", "personnel": 150}', "--source", "my-test-note.txt",
           "--source-date", "2026-02-20", "--quote", "A sentence I wrote for this test.", "--grade", "B2"]


def sf(url: str, *args: str):
    result = runner.invoke(cli, ["--database-url", url, *args], env={"STABFORCE_PEACEKEEPING_DATA": str(HISTORY)})
    assert result.exit_code == 0, (args, result.output)
    return result


@pytest.fixture
def loaded(services, db_url):
    sf(db_url, "load", "--scenario", "gaza-isf")
    accounts.add_user(services.accounts, name="ana", role="analyst", password=PASSWORD)
    return services


def test_api_forcegen_shows_firm_likely_possible_and_counts_neither_ceilings_nor_considering_as_likely(loaded):
    token = bearer(accounts.create_token(loaded.accounts, name="ana")[1])
    with TestClient(create_app(loaded.settings, services=loaded)) as client:
        body = client.get("/api/v1/forcegen?as_of=2026-03-01", headers=token).json()
        pledges = client.get("/api/v1/pledges?as_of=2026-03-01", headers=token).json()["contributors"]
    troops = body["totals"]["troops"]
    assert troops["firm"] <= troops["likely"] <= troops["possible"]
    assert set(body["levels"]) == {"firm", "likely", "possible"} and "ceiling" in body["levels"]["likely"]
    by = {c["contributor"]: c for c in pledges}
    # Pakistan is only considering: its figures are possible, not likely
    assert by["PAK"]["stance"] == "considering" and by["PAK"]["figures"]["troops"]["high"] == 20000
    assert troops["possible"] - troops["likely"] >= 20000
    # Indonesia's whole-force figure is a ceiling ("up to 8,000"): it has no likely figure of its own
    whole = next(p for p in by["IDN"]["pledges"] if p["personnel_kind"] == "troops" and p["phase"] is None)
    assert whole["figures"]["low"] == 0 and whole["figures"]["likely"] is None and whole["figures"]["high"] == 8000
    likely = sum((c["figures"]["troops"]["likely"] or c["figures"]["troops"]["low"])
                 for c in pledges if c["stance"] in ("committed", "conditional") and "troops" in c["figures"])
    assert troops["likely"] == likely < 8000
    gap = next(g for g in body["personnel_gaps"] if g["personnel_kind"] == "troops")
    assert (gap["gap_worst"], gap["gap_likely"], gap["gap_best"]) == (
        max(0, 20000 - troops["firm"]), max(0, 20000 - troops["likely"]), max(0, 20000 - troops["possible"]))
    assert troops["deployed"] is None  # no arrival recorded: unknown, not 0


def test_newest_fact_and_unknown_deployed_on_the_overview_api_and_cli(loaded, db_url):
    token = bearer(accounts.create_token(loaded.accounts, name="ana")[1])
    with TestClient(create_app(loaded.settings, services=loaded)) as client:
        snap = client.get("/api/v1/snapshot?as_of=2025-12-01", headers=token).json()
        assert snap["newest_fact"]["date"] == "2025-11-30" and snap["newest_fact"]["days_before_as_of"] == 1
        later = client.get("/api/v1/forcegen?as_of=2026-12-04", headers=token).json()["newest_fact"]
        facts = client.get("/api/v1/facts?limit=1000", headers=token).json()["items"]
        assert later["date"] == max(f["valid_from"] for f in facts if f["kind"] not in ("decision", "retraction"))
        assert later["days_before_as_of"] > 200
        assert login(client, "ana").status_code == 303
        page = client.get("/?as_of=2025-12-01").text
    assert 'data-testid="newest-fact">30 Nov 2025<' in page and "1 day before as-of" in page
    assert 'data-testid="pledged-possible-troops"' in page and 'data-testid="pledged-firm-troops"' in page
    assert "unknown (no arrival recorded)" in page and "a ceiling is never likely" in page
    out = sf(db_url, "gaps", "--as-of", "2025-12-01").stdout
    assert "Newest fact: 30 Nov 2025 (1 day before as-of)" in out
    assert "possible" in out and "firm" in out and "a ceiling is never likely" in " ".join(out.split())


@pytest.mark.skipif(not (HISTORY / "missions.csv").is_file(), reason="the past missions are not beside the project")
def test_the_forecast_is_conditioned_on_troops_on_the_ground_only_when_an_arrival_is_recorded(loaded, db_url):
    def observed():
        return json.loads(sf(db_url, "forecast", "--json", "--runs", "2000", "--as-of", "2026-03-01").stdout)["observed"]
    assert observed() is None
    sf(db_url, *ARRIVAL)
    assert observed() == {"month": 3, "troops": 150.0}


def test_a_pledge_with_no_number_reads_not_stated_never_zero(loaded, db_url, tmp_path):
    """Albania committed on 19 Feb 2026 without a number: its floor is not stated, not 0 troops."""
    with TestClient(create_app(loaded.settings, services=loaded)) as client:
        assert login(client, "ana").status_code == 303
        overview = client.get("/?as_of=2026-03-01").text
        contributor = client.get("/contributors/ALB?as_of=2026-03-01").text
    row = overview[overview.index('href="/contributors/ALB'):]
    row = row[:row.index("</tr>")]
    assert "not stated" in row and '<td class="n">0</td>' not in row
    assert "no floor stated" in contributor and "0 low" not in contributor
    sf(db_url, "report", "--as-of", "2026-03-01", "--out", str(tmp_path / "r.html"))
    report = (tmp_path / "r.html").read_text()
    albania = report[report.index("Albania (ALB)"):]
    albania = albania[:albania.index("</tr>")]
    assert "not stated" in albania and ">0<" not in albania
