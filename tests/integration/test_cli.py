"""The command line, end to end on a real database (CliRunner)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from stabforce.cli.main import app
from stabforce.store import LedgerStore, create_db_engine

runner = CliRunner()


def sf(url: str, *args: str):
    return runner.invoke(app, ["--database-url", url, *args])


def add(url: str, subject="contributor:IDN", payload='{"personnel": {"high": 20000}}', *extra: str):
    return sf(url, "facts", "add", "--kind", "pledge", "--subject", subject, "--payload", payload,
              "--valid-from", "2025-12-12", "--source", "my-test-report.txt", "--source-date", "2025-12-12",
              "--quote", "A sentence I wrote for this test.", "--grade", "B2", "--json", *extra)


def test_init_is_safe_to_run_again(db_url):
    assert sf(db_url, "init").exit_code == 0
    assert sf(db_url, "init").exit_code == 0


def test_add_then_list_as_json(db_url):
    result = add(db_url)
    assert result.exit_code == 0, result.output
    fact = json.loads(result.stdout)
    assert fact["seq"] == 1 and fact["source"]["key"] == "my-test-report.txt" and len(fact["hash"]) == 64
    listed = json.loads(sf(db_url, "facts", "list", "--kind", "pledge", "--json").stdout)
    assert [f["id"] for f in listed] == [fact["id"]]
    assert json.loads(sf(db_url, "facts", "list", "--source", "nothing-like-this", "--json").stdout) == []


@pytest.mark.parametrize(("args", "words"), [
    (("contributor:ABC",), "unknown country code 'ABC'"),
    (("contributor:IDN", '{"personnel": {"low": -3}}'), "payload.personnel.low"),
    (("contributor:IDN", '{"personnel": {"low": 9, "high": 3}}'), "low (9) is greater than high (3)"),
    (("contributor:IDN", "{not json"), "--payload is not JSON"),
    (("contributor:IDN", '{"personnel": {"low": 1}}', "--supersedes", "missing-id"), "refers to missing-id"),
])
def test_bad_input_exits_non_zero_naming_the_problem_and_stores_nothing(db_url, args, words):
    result = add(db_url, *args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert json.loads(sf(db_url, "facts", "list", "--json").stdout) == []


def test_a_malformed_date_option_is_refused(db_url):
    result = sf(db_url, "pledges", "--as-of", "2025-14-01")
    assert result.exit_code == 2 and "not a date" in result.output


def test_verify_passes_then_fails_naming_the_edited_fact(db_url):
    first = json.loads(add(db_url).stdout)
    second = json.loads(add(db_url, "contributor:PAK", '{"personnel": {"low": 15000, "high": 15000}}').stdout)
    ok = sf(db_url, "verify")
    assert ok.exit_code == 0 and "2 facts" in ok.stdout
    store = LedgerStore(create_db_engine(db_url))
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE facts DISABLE TRIGGER facts_append_only"))
        else:
            conn.execute(text("DROP TRIGGER facts_no_update"))
        conn.execute(text("UPDATE facts SET payload = replace(payload, '15000', '25000') WHERE id = :id"),
                     {"id": second["id"]})
    store.engine.dispose()
    broken = sf(db_url, "verify")
    assert broken.exit_code == 1
    assert second["id"] in broken.stderr and "#2" in broken.stderr and first["id"] not in broken.stderr
    report = json.loads(sf(db_url, "verify", "--json").stdout)
    assert report["ok"] is False and report["broken_id"] == second["id"] and report["checked"] == 1


def test_retract_hides_a_fact_from_the_picture_but_keeps_it(db_url):
    fact = json.loads(add(db_url).stdout)
    before = json.loads(sf(db_url, "pledges", "--as-of", "2025-12-20", "--json").stdout)
    assert [c["contributor"] for c in before["contributors"]] == ["IDN"]
    result = sf(db_url, "retract", fact["id"], "--reason", "misread the report")
    assert result.exit_code == 0, result.output
    after = json.loads(sf(db_url, "pledges", "--as-of", "2025-12-20", "--json").stdout)
    assert after["contributors"][0]["pledges"] == []
    assert sf(db_url, "facts", "show", fact["id"]).exit_code == 0
    assert sf(db_url, "retract", "no-such-id", "--reason", "x").exit_code == 2


def test_export_import_round_trip_through_files(db_url, tmp_path):
    add(db_url)
    add(db_url, "contributor:PAK", '{"personnel": {"low": 9000, "high": 15000}}')
    out = tmp_path / "ledger.jsonl"
    assert sf(db_url, "export", str(out)).exit_code == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    assert sf(empty, "init").exit_code == 0
    result = sf(empty, "import", str(out))
    assert result.exit_code == 2 and "is not signed" in result.stderr and "--allow-unsigned" in result.stderr
    result = sf(empty, "import", str(out), "--allow-unsigned")
    assert result.exit_code == 0, result.output
    again = [json.loads(line) for line in (tmp_path / "again.jsonl").write_text("") or []]
    assert sf(empty, "export", str(tmp_path / "again.jsonl")).exit_code == 0
    again = [json.loads(line) for line in (tmp_path / "again.jsonl").read_text().splitlines()]
    assert again == lines and [f["hash"] for f in again] == [f["hash"] for f in lines]
    assert sf(empty, "verify").exit_code == 0


def test_load_a_facts_file_reports_the_bad_line_and_stores_nothing(db_url, tmp_path):
    good = {"kind": "stance", "subject": "contributor:AZE", "payload": {"stance": "considering"},
            "valid_from": "2025-11-30", "source": {"key": "t.txt", "date": "2025-11-30"}, "grade": "C3"}
    bad = dict(good, payload={"stance": "enthusiastic"})
    path = tmp_path / "facts.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n")
    result = sf(db_url, "load", str(path))
    assert result.exit_code == 2 and "facts.jsonl line 3" in result.stderr and "payload.stance" in result.stderr
    assert json.loads(sf(db_url, "facts", "list", "--json").stdout) == []
    path.write_text(json.dumps(good) + "\n")
    assert sf(db_url, "load", str(path)).exit_code == 0


def test_unknown_scenario_is_refused(db_url):
    result = sf(db_url, "load", "--scenario", "atlantis")
    assert result.exit_code == 2 and "no scenario 'atlantis'" in result.stderr


def test_users_and_tokens_from_the_command_line(db_url):
    added = runner.invoke(app, ["--database-url", db_url, "users", "add", "lia", "--role", "liaison",
                                "--contributor", "IDN"], input="a-long-password\n")
    assert added.exit_code == 0, added.output
    no_country = runner.invoke(app, ["--database-url", db_url, "users", "add", "bob", "--role", "liaison"],
                               input="a-long-password\n")
    assert no_country.exit_code == 2 and "needs --contributor" in no_country.stderr
    bad_role = runner.invoke(app, ["--database-url", db_url, "users", "add", "eve", "--role", "king"],
                             input="a-long-password\n")
    assert bad_role.exit_code == 2 and "unknown role 'king'" in bad_role.stderr
    short = runner.invoke(app, ["--database-url", db_url, "users", "add", "sam", "--role", "viewer"], input="short\n")
    assert short.exit_code == 2 and "at least 8 characters" in short.stderr
    created = sf(db_url, "token", "create", "lia")
    token = created.stdout.strip().splitlines()[-1]
    assert created.exit_code == 0 and token.startswith("sf_")
    listed = sf(db_url, "token", "list")
    assert "lia" in listed.stdout and token not in listed.stdout
    assert sf(db_url, "token", "revoke", "1").exit_code == 0
    assert sf(db_url, "token", "revoke", "1").exit_code == 2
    assert sf(db_url, "token", "create", "nobody").exit_code == 2
