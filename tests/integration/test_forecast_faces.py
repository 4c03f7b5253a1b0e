"""Forecasts through the command line and the pages (the engine itself is tested in tests/unit)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from stabforce.cli.main import app
from tests.conftest import SHARED
from tests.integration.test_scenario import scenario_lines

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
    assert out["observed"] == {"month": 3, "troops": 0.0}
    assert {"50%", "80%"} == set(out["targets"])


def test_backtest_prints_scores_and_writes_the_report(db_url, tmp_path):
    report = tmp_path / "bt.html"
    result = run(db_url, "backtest", "--json", "--runs", "1000", "--report", str(report))
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) >= {"coverage80", "crps", "crps_climatology", "crps_plan"}
    assert 0 <= scores["coverage80"] <= 1 and scores["crps"] > 0
    text = report.read_text()
    assert text.count("<svg") == scores["missions"] and "80% interval coverage" in text
