"""scripts/check_gold.py: an annotator's folder is refused, with each problem named, before it joins a split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Malawi will send 850 soldiers to the force in May.\nThe ministry gave no further details."


def _script():  # type: ignore[no-untyped-def]
    return load_script("check_gold")


def _report(**changes: object) -> dict:
    return {"id": "dev-9901", "url": "https://example.org/news/malawi-850", "date": "2024-05-02",
            "outlet": "Example Outlet", "mission": "samim", "text": TEXT, **changes}


def _claim(**changes: object) -> dict:
    return {"source": "dev-9901", "subject": "MWI", "kind": "pledge", "low": 850, "high": 850, "personnel": "troops",
            "quantity_text": "850 soldiers", "tasks": [], "as_of": "2024-05-02",
            "quote": "Malawi will send 850 soldiers to the force in May.", **changes}


def _write(folder: Path, reports: list[dict], claims: list[dict], extra_line: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    (folder / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims) + extra_line,
                                         encoding="utf-8")
    return folder


def test_a_clean_folder_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write(tmp_path / "a1", [_report()], [_claim()])
    assert _script().main([str(folder)]) == 0
    assert capsys.readouterr().out.strip() == "ok: 1 reports, 1 claims"


@pytest.mark.parametrize(("report", "claim", "problem"), [
    ({}, {"quote": "Malawi will send 850 soldiers"}, "quote is not one sentence"),
    ({}, {"kind": "promise"}, "unknown kind 'promise'"),
    ({}, {"low": True}, "low and high must be whole numbers"),
    ({}, {"low": 900}, "low > high"),
    ({}, {"low": None, "high": None}, "personnel without a figure"),
    ({}, {"kind": "territory_control", "low": None, "high": None, "personnel": None}, "needs share_pct"),
    ({}, {"share_pct": 40}, "share_pct is only for territory_control"),
    ({}, {"as_of": "May 2024"}, "bad as_of"),
    ({}, {"source": "dev-9999"}, "source not in corpus.jsonl"),
    ({"date": "2024-13-01"}, {}, "bad date '2024-13-01'"),
    ({"date": "1980-01-01"}, {}, "out of range"),
    ({"mission": "narnia"}, {}, "unknown mission 'narnia'"),
    ({"url": "ftp://example.org/x"}, {}, "url is not an http(s) address"),
    ({"outlet": " "}, {}, "missing outlet"),
    ({"text": TEXT + " " + "word " * 200}, {}, "keep it under 200"),
])
def test_each_bad_field_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], report: dict, claim: dict,
                                 problem: str) -> None:
    folder = _write(tmp_path / "a1", [_report(**report)], [_claim(**claim)])
    assert _script().main([str(folder)]) == 1
    assert problem in capsys.readouterr().out


def test_a_broken_line_and_a_report_without_claims_are_named(tmp_path: Path) -> None:
    folder = _write(tmp_path / "a1", [_report(), _report(id="dev-9902", url="https://example.org/b")], [_claim()],
                    extra_line="{not json\n[1, 2]\n")
    found, reports, claims = _script().problems(folder)
    assert (reports, claims) == (2, 1)
    assert "claims.jsonl line 2: not JSON" in found[0] and found[1] == "claims.jsonl line 3: not a JSON object"
    assert found[2:] == ["dev-9902: report has no claim"]


def test_a_url_already_taken_by_dev_or_another_annotator_is_refused(tmp_path: Path) -> None:
    check = _script()
    dev_url = json.loads((ROOT / "tests" / "gold" / "dev" / "corpus.jsonl").read_text().splitlines()[0])["url"]
    taken_by_dev = dev_url.replace("https://", "http://").rstrip("/") + "/"
    _write(tmp_path / "a2", [_report(id="dev-9801", url="https://www.example.org/news/malawi-850/")], [])
    folder = _write(tmp_path / "a1", [_report(), _report(id="dev-9902", url=taken_by_dev)],
                    [_claim(), _claim(source="dev-9902")])
    found, _, _ = check.problems(folder, tmp_path)
    assert found == [f"dev-9901: URL already in {tmp_path / 'a2' / 'corpus.jsonl'}",
                     f"dev-9902: URL already in {ROOT / 'tests' / 'gold' / 'dev' / 'corpus.jsonl'}"]
    assert check.problems(folder)[0] == found[1:]  # without --others, only the splits are checked


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    check = _script()
    assert check.main([]) == 2
    assert check.main([str(tmp_path), "--other", "x"]) == 2
    assert check.main([str(tmp_path)]) == 2  # no corpus.jsonl
