"""The shipped Gaza ISF scenario: every fact sourced, and the picture the seeds describe."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from typer.testing import CliRunner

from stabforce.cli.main import app
from stabforce.ledger import parse_fact
from stabforce.services.exchange import SCENARIOS
from tests.conftest import SHARED

runner = CliRunner()
SEEDS = SHARED / "seeds"
#: The seed reports: the 30 Nov 2025 one (Washington Post-based) and the 12 Dec 2025 one (Reuters-based).
SEED_1130, SEED_1212 = "002_e834e5538de5cdbe.txt", "000_ce0f4f7e2263de6f.txt"


def scenario_lines() -> list[dict]:
    folder = resources.files("stabforce.scenarios")
    texts = [folder.joinpath(part).read_text(encoding="utf-8") for part in SCENARIOS["gaza-isf"]]
    return [json.loads(line) for text in texts for line in text.splitlines() if line.strip()]


@pytest.fixture
def loaded(db_url):
    result = runner.invoke(app, ["--database-url", db_url, "load", "--scenario", "gaza-isf"])
    assert result.exit_code == 0, result.output
    return db_url


def sf_json(url: str, *args: str):
    result = runner.invoke(app, ["--database-url", url, *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_fact_is_valid_sourced_dated_and_graded():
    lines = scenario_lines()
    assert len(lines) >= 40
    for data in lines:
        fact = parse_fact(data)
        assert fact.source.key and fact.source.date and fact.grade
        assert fact.quote, f"{fact.id} has no quote"
        assert fact.known_from is not None and fact.known_from.date() <= fact.source.date, fact.id


def test_seed_quotes_are_the_seeds_own_words():
    if not SEEDS.is_dir():
        pytest.skip(f"the seed reports are not beside the project ({SEEDS})")
    texts = {name: (SEEDS / name).read_text(encoding="utf-8") for name in (SEED_1130, SEED_1212)}
    cited = [parse_fact(d) for d in scenario_lines() if d["source"]["key"] in texts]
    assert {f.source.key for f in cited} == set(texts)
    for fact in cited:
        assert fact.quote in texts[fact.source.key], f"{fact.id}: quote not found in {fact.source.key}"
        assert fact.source.date.isoformat() in texts[fact.source.key].splitlines()[0]


def test_loading_it_twice_is_refused_and_changes_nothing(loaded):
    result = runner.invoke(app, ["--database-url", loaded, "load", "--scenario", "gaza-isf"])
    assert result.exit_code == 2 and "already in the ledger" in result.stderr
    assert sf_json(loaded, "verify")["checked"] == len(scenario_lines())


def test_pledges_on_1_december_2025_show_the_seeds_positions_with_sources(loaded):
    picture = sf_json(loaded, "pledges", "--as-of", "2025-12-01")
    by_code = {c["contributor"]: c for c in picture["contributors"]}
    assert {"IDN", "PAK", "AZE"} <= set(by_code)
    idn_sources = {claim["source"] for p in by_code["IDN"]["pledges"] for claim in p["claims"]}
    assert SEED_1130 in idn_sources
    idn_initial = [p for p in by_code["IDN"]["pledges"] if p["phase"]]
    assert any(p["personnel"]["low"] == 1200 and p["personnel"]["approx"] for p in idn_initial)
    pak_claims = [claim for p in by_code["PAK"]["pledges"] for claim in p["claims"]]
    assert {(c["personnel"]["low"], c["personnel"]["high"]) for c in pak_claims} >= {(9000, 15000), (15000, 15000), (20000, 20000)}
    assert all(c["source"] == SEED_1130 and c["quote"] for c in pak_claims)
    assert any(c["personnel"].get("conversion") for c in pak_claims)
    aze = by_code["AZE"]
    assert aze["stance_source"]["source"] == SEED_1130
    assert len(aze["stance_history"]) >= 2


def test_known_at_before_a_report_hides_its_facts(loaded):
    before = sf_json(loaded, "pledges", "--as-of", "2025-12-01", "--known-at", "2025-11-29")
    after = sf_json(loaded, "pledges", "--as-of", "2025-12-01", "--known-at", "2025-11-30")
    def sources(picture):
        return {claim["source"] for c in picture["contributors"] for p in c["pledges"] for claim in p["claims"]} | {
            c["stance_source"]["source"] for c in picture["contributors"] if c["stance_source"]}
    assert SEED_1130 not in sources(before)
    assert SEED_1130 in sources(after)
    assert before["facts_known"] < after["facts_known"]


def test_conflicts_list_indonesias_and_pakistans_disagreeing_figures(loaded):
    conflicts = sf_json(loaded, "conflicts", "--as-of", "2025-12-15")["conflicts"]
    pledge_conflicts = {c["contributor"] for c in conflicts if c["kind"] == "pledge"}
    assert {"IDN", "PAK"} <= pledge_conflicts
    pak = next(c for c in conflicts if c["contributor"] == "PAK" and c["kind"] == "pledge")
    assert len(pak["facts"]) == 3 and len({f["attribution"] for f in pak["facts"]}) >= 2


def test_gaps_show_the_caveat_gap_for_demilitarization(loaded):
    for day in ("2025-12-15", "2026-03-01"):
        gaps = sf_json(loaded, "gaps", "--as-of", day)
        assert "demilitarization" in gaps["caveat_gap"], day


def test_targets_mandate_and_control_are_in_the_picture(loaded):
    gaps = sf_json(loaded, "gaps", "--as-of", "2026-03-01")
    required = {g["personnel_kind"]: g["required"] for g in gaps["personnel_gaps"]}
    assert required == {"troops": 20000, "police": 12000}
    mandate = sf_json(loaded, "facts", "list", "--kind", "mission_authorized")
    assert any(f["payload"]["expires"] == "2027-12-31" and f["payload"]["adopted"] == "2025-11-17" for f in mandate)
    zones = sf_json(loaded, "facts", "list", "--kind", "zone_control", "--subject", "zone:idf-held")
    assert any(f["payload"]["share_of_territory_pct"] == 53 and f["source"]["key"] == SEED_1212 for f in zones)


def test_indonesia_moves_from_up_to_20000_to_a_much_smaller_force(loaded):
    pledges = sf_json(loaded, "facts", "list", "--kind", "pledge", "--subject", "contributor:IDN")
    said = [(f["valid_from"], f["payload"]["personnel"]) for f in pledges]
    assert any(p["high"] == 20000 and p["low"] is None for _, p in said)
    assert any(p["text"] and "much smaller" in p["text"] for _, p in said)
    assert any(p["low"] == 1200 for _, p in said)


def test_azerbaijan_changes_stance(loaded):
    stances = sf_json(loaded, "facts", "list", "--kind", "stance", "--subject", "contributor:AZE")
    values = [f["payload"]["stance"] for f in sorted(stances, key=lambda f: f["valid_from"])]
    assert len(set(values)) >= 2 and values[-1] == "declined"


def test_the_demo_summary_runs(loaded):
    result = runner.invoke(app, ["--database-url", loaded, "summary", "--as-of", "2026-03-01"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    demilitarization = next(line for line in result.stdout.splitlines() if "│ demilitarization" in line)
    assert "NO — caveat gap" in demilitarization and "Indonesia" in result.stdout


def test_the_camps_are_loaded_with_what_their_reports_left_unknown(loaded):
    facts = {f["subject"]: f for f in sf_json(loaded, "facts", "list", "--kind", "camp")}
    assert set(facts) == {"camp:idn-barracks", "camp:us-base-south"}
    idn, us = facts["camp:idn-barracks"]["payload"], facts["camp:us-base-south"]["payload"]
    assert (idn["sector"], idn["status"], idn["capacity"], idn["for_contributor"]) == (
        "rafah", "being_prepared", None, "IDN")
    assert "Khan Yunis" in idn["note"] and "Khan Yunis" in facts["camp:idn-barracks"]["quote"]
    assert (us["sector"], us["status"], us["capacity"], us["capacity_high"], us["ready_on"]) == (
        None, "planned", None, 5000, None)
    us_fact = facts["camp:us-base-south"]
    assert us_fact["grade"][1] >= "3" and "secondary report" in us_fact["quote"].lower()
