"""A pledge of unknown size reaches the forecast from a mission file and from the ledger, with the assumption
stated in the output (the engine: tests/unit/test_forecast_unknown.py)."""

from __future__ import annotations

import json

from tests.integration.test_forecast_faces import MISSION, run

UNKNOWN = {**MISSION, "pledges": [*MISSION["pledges"],
                                  {"contributor": "AZE", "low": None, "high": None, "stance": "committed"}]}


def test_a_mission_file_with_a_pledge_of_unknown_size_is_forecast_stating_the_assumption(db_url, tmp_path):
    path = tmp_path / "mission.json"
    path.write_text(json.dumps(UNKNOWN), encoding="utf-8")
    result = run(db_url, "forecast", "--mission-file", str(path), "--json", "--runs", "2000")
    assert result.exit_code == 0, result.output
    view = json.loads(result.stdout)
    aze = next(p for p in view["inputs"]["pledges"] if p["contributor"] == "AZE")
    assert aze["low"] is None and aze["high"] is None
    assert any("AZE" in a and "pledge" in a for a in view["assumptions"])
    assert max(v["p90"] for v in view["months"].values()) <= 20000
    table = run(db_url, "forecast", "--mission-file", str(path), "--runs", "2000")
    assert table.exit_code == 0 and "Assumed:" in table.stdout


def test_a_ledger_pledge_in_words_only_feeds_the_forecast(db_url):
    assert run(db_url, "load", "--scenario", "gaza-isf").exit_code == 0
    common = ["--valid-from", "2026-01-10", "--source", "my-test-notes.txt", "--source-date", "2026-01-10",
              "--quote", "A sentence I wrote for this test.", "--grade", "C3"]
    assert run(db_url, "facts", "add", "--kind", "stance", "--subject", "contributor:AZE",
               "--payload", '{"stance": "committed"}', *common).exit_code == 0
    added = run(db_url, "facts", "add", "--kind", "pledge", "--subject", "contributor:AZE",
                "--payload", '{"personnel": {"text": "will send troops"}}', *common)
    assert added.exit_code == 0, added.output
    result = run(db_url, "forecast", "--as-of", "2026-03-01", "--json", "--runs", "2000")
    assert result.exit_code == 0, result.output
    view = json.loads(result.stdout)
    aze = [p for p in view["inputs"]["pledges"] if p["contributor"] == "AZE"]
    assert aze and aze[0]["high"] is None
    assert any("AZE" in a for a in view["assumptions"])
