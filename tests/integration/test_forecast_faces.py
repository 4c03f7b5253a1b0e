"""Forecasts through the command line and the pages (the engine itself is tested in tests/unit)."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stabforce.app import create_app
from stabforce.cli.main import app
from stabforce.services import accounts, exchange
from stabforce.services.actors import Actor, Role
from tests.conftest import SHARED
from tests.integration.api.conftest import PASSWORD
from tests.integration.test_scenario import scenario_lines
from tests.integration.web.test_pages import login

runner = CliRunner()
HISTORY = SHARED / "data" / "peacekeeping"
pytestmark = pytest.mark.skipif(not (HISTORY / "missions.csv").is_file(),
                                reason=f"the past missions are not beside the project ({HISTORY})")

MISSION = {
    "mission": "test-force", "authorized": "2025-11-17", "military_ceiling": 20000, "troops_at_authorization": 0,
    "transfer_of_authority": None, "ready_pool": False, "organization": "non-UN",
    "pledges": [{"contributor": "IDN", "low": 600, "high": 8000, "stance": "committed", "lead_time_days": 180},
                {"contributor": "PAK", "low": 9000, "high": 20000, "stance": "considering", "lead_time_days": None}],
}


def run(db_url: str, *args: str):
    return runner.invoke(app, ["--database-url", db_url, *args], env={"STABFORCE_PEACEKEEPING_DATA": str(HISTORY)})


def test_forecast_a_mission_file_prints_percentiles_by_month(db_url, tmp_path):
    path = tmp_path / "mission.json"
    path.write_text(json.dumps(MISSION))
    result = run(db_url, "forecast", "--mission-file", str(path), "--json", "--runs", "2000")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out["months"]) == {"3", "6", "12", "24"}
    for month in out["months"].values():
        assert set(month) == {"p10", "p50", "p90"} and month["p10"] <= month["p50"] <= month["p90"]
    assert out["seed"] == 2803 and out["runs"] == 2000 and out["inputs"]["pledges"][0]["contributor"] == "IDN"
    again = json.loads(run(db_url, "forecast", "--mission-file", str(path), "--json", "--runs", "2000").stdout)
    assert again["months"] == out["months"]


@pytest.mark.parametrize(("change", "field"), [
    ({"military_ceiling": -5}, "military_ceiling"),
    ({"authorized": "2025-13-01"}, "authorized"),
    ({"organization": "NATO"}, "organization"),
    ({"pledges": [{"contributor": "IDN", "low": 9, "high": 1, "stance": "committed", "lead_time_days": None}]},
     "pledges[0]"),
    ({"pledges": [{"contributor": "IDN", "low": 1, "high": 9, "stance": "committed", "caveats": ["tired"]}]},
     "pledges[0].caveats"),
    ({"camps": [{"sector": "gaza", "capacity": 600}]}, "camps[0].sector"),
])
def test_a_malformed_mission_file_is_refused_naming_the_field(db_url, tmp_path, change, field):
    path = tmp_path / "mission.json"
    path.write_text(json.dumps({**MISSION, **change}))
    result = run(db_url, "forecast", "--mission-file", str(path), "--json")
    assert result.exit_code == 2 and field in result.stderr, result.stderr


def test_forecast_the_loaded_scenario_states_its_ledger_state(db_url):
    assert run(db_url, "load", "--scenario", "gaza-isf").exit_code == 0
    result = run(db_url, "forecast", "--json", "--runs", "2000", "--as-of", "2026-03-01")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["ledger"]["facts"] == len(scenario_lines()) and len(out["ledger"]["head"]) == 64
    assert out["inputs"]["military_ceiling"] == 20000 and out["inputs"]["organization"] == "non-UN"
    assert out["observed"] is None  # no arrival is recorded: not conditioned on 0 troops on the ground
    assert {"50%", "80%"} == set(out["targets"])
    # The ledger's camps, each with why the forecast could (not) use it; neither has a known capacity and sector.
    camps = {c["camp"]: c for c in out["camps"]}
    assert set(camps) == {"idn-barracks", "us-base-south"}
    assert camps["idn-barracks"]["used"] is False and camps["idn-barracks"]["unused"] == "capacity not reported"
    assert camps["idn-barracks"]["source"]["url"] == "https://www.sunnafiles.com/?p=80609"
    assert camps["us-base-south"]["capacity_text"] == "up to 5,000" and camps["us-base-south"]["unused"] == "no sector"
    assert out["inputs"]["camps"] == [] and out["inputs"]["capped"] == []
    idn = next(p for p in out["inputs"]["pledges"] if p["contributor"] == "IDN")
    assert idn["sector"] == "rafah"  # the one sector of the camp prepared for Indonesia


def test_a_mission_file_with_camps_holds_the_pledges_housed_in_their_sector(db_url, tmp_path):
    housed = {**MISSION, "pledges": [{**MISSION["pledges"][0], "sector": "rafah", "caveats": ["requires_pa_consent"]},
                                     MISSION["pledges"][1]],
              "camps": [{"sector": "rafah", "capacity": 500, "name": "test camp"},
                        {"sector": "rafah", "capacity": 300, "ready_day": 200}]}
    path = tmp_path / "mission.json"
    path.write_text(json.dumps(housed))
    result = run(db_url, "forecast", "--mission-file", str(path), "--json", "--runs", "2000")
    assert result.exit_code == 0, result.output
    inputs = json.loads(result.stdout)["inputs"]
    assert inputs["capped"] == [{"contributor": "IDN", "sector": "rafah"}]
    assert inputs["camps"][0] == {"name": "test camp", "sector": "rafah", "capacity": 500, "ready_day": 0,
                                  "closed_day": None}
    assert inputs["sector_capacity"] == {"rafah": {"0": 500, "3": 500, "6": 500, "12": 800, "24": 800}}
    assert inputs["pledges"][0]["arrival_chance"] == 0.72 and inputs["pledges"][0]["caveats"] == ["requires_pa_consent"]


def test_the_forecast_page_shows_the_camps_the_forecast_assumed(services):
    # The services' settings find the past missions as the nearest shared/data/peacekeeping, which is HISTORY.
    exchange.load_scenario(services.ledger, Actor(id="test", role=Role.ADMIN), "gaza-isf")
    accounts.add_user(services.accounts, name="ana", role="analyst", password=PASSWORD)
    with TestClient(create_app(services.settings, services=services)) as client:
        assert login(client, "ana").status_code == 303
        page = client.get("/forecast?as_of=2026-03-01")
    assert page.status_code == 200, page.text
    camps = re.search(r'<table id="forecast-camps">.*?</table>', page.text, re.DOTALL).group(0)
    rows = re.findall(r"<tr><td>(.*?)</tr>", camps, re.DOTALL)
    assert len(rows) == 2
    idn = next(r for r in rows if "Indonesian contingent" in r)
    assert "rafah" in idn and "being prepared" in idn and "not reported" in idn and "capacity not reported" in idn
    assert 'href="https://www.sunnafiles.com/?p=80609"' in idn
    us = next(r for r in rows if "US base" in r)
    assert "not named" in us and "up to 5,000" in us and "no: no sector" in us
    assert "No camp has a known capacity, sector and opening day" in page.text


def test_backtest_prints_scores_and_writes_the_report(db_url, tmp_path):
    report = tmp_path / "bt.html"
    result = run(db_url, "backtest", "--json", "--runs", "1000", "--report", str(report))
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) >= {"coverage80", "crps", "crps_climatology", "crps_plan"}
    assert 0 <= scores["coverage80"] <= 1 and scores["crps"] > 0
    text = report.read_text()
    assert text.count("<svg") == scores["missions"] and "80% interval coverage" in text
