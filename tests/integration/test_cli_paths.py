"""Commands that write a file refuse a path they cannot write with exit 2 and a message naming it (no
traceback), before doing any work; `serve` refuses a port outside 1-65535."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from stabforce.cli.main import app

runner = CliRunner()


def sf(url: str, *args: str):
    return runner.invoke(app, ["--database-url", url, *args])


def _refused(result, path) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert str(path) in _text(result.stderr) and "Traceback" not in result.output


def _text(output: str) -> str:
    return output.replace("\n", "")  # Rich wraps long paths


def test_export_into_a_missing_folder_is_refused_naming_the_path(db_url, tmp_path):
    target = tmp_path / "nonexistent" / "dir" / "x.jsonl"
    result = sf(db_url, "export", str(target))
    _refused(result, target)
    assert "does not exist" in _text(result.stderr)
    assert not target.parent.exists()


def test_export_onto_a_folder_is_refused(db_url, tmp_path):
    result = sf(db_url, "export", str(tmp_path))
    _refused(result, tmp_path)
    assert "is a folder" in _text(result.stderr)


def test_an_export_the_system_refuses_to_create_is_an_error_naming_the_path(db_url):
    target = "/proc/stabforce-export-test.jsonl"  # /proc takes no new files, whoever asks (root included)
    result = sf(db_url, "export", target)
    _refused(result, target)


def test_a_folder_that_is_a_file_is_refused(db_url, tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = tmp_path / "a-file" / "x.jsonl"
    _refused(sf(db_url, "export", str(target)), target)


def test_backtest_report_into_a_missing_folder_is_refused_before_the_backtest_runs(db_url, tmp_path):
    target = tmp_path / "nonexistent" / "dir" / "r.html"
    result = sf(db_url, "backtest", "--json", "--runs", "100", "--report", str(target))
    _refused(result, target)
    assert "(--report)" in _text(result.stderr) and result.stdout == ""


def test_demo_with_a_database_in_a_missing_folder_is_refused(tmp_path):
    target = tmp_path / "nonexistent" / "dir" / "x.db"
    result = runner.invoke(app, ["demo", "--db", str(target), "--no-serve"])
    _refused(result, target)
    assert "(--db)" in _text(result.stderr)


@pytest.mark.parametrize("port", ["99999", "0", "-1", "65536"])
def test_serve_refuses_a_port_outside_1_to_65535(port):
    result = runner.invoke(app, ["serve", "--port", port])
    assert result.exit_code == 2
    assert "--port" in result.output and ("65535" in result.output or "greater than or equal to 1" in result.output)


def test_export_to_a_good_path_still_works(db_url, tmp_path):
    target = tmp_path / "ok.jsonl"
    result = sf(db_url, "export", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == "" and not (tmp_path / "ok.jsonl.part").exists()
    assert json.loads(sf(db_url, "facts", "list", "--json").stdout) == []


@pytest.mark.parametrize("command", [["init"], ["pledges"], ["facts", "list"]])
def test_a_sqlite_database_in_a_missing_folder_is_refused_naming_it(tmp_path, command):
    target = tmp_path / "nonexistent" / "dir" / "x.db"
    result = runner.invoke(app, ["--database-url", f"sqlite:///{target}", *command])
    _refused(result, target)
    assert "(--database-url)" in _text(result.stderr)


def test_keys_create_into_a_missing_folder_is_refused(tmp_path):
    target = tmp_path / "nonexistent" / "dir" / "k.key"
    result = runner.invoke(app, ["keys", "create", "--path", str(target)])
    _refused(result, target)
