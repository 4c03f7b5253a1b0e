"""The held-out test split (tests/gold/test/, tests/gold/GUIDELINE.md): its size, its force generations, that
every claim stands on a sentence of an existing report, and that no report of it is also in the dev split.

The checks shared by every split (record fields, quotes, URL in one split only) are in test_extract_corpus.py;
these are the test split's own promises, plus a stricter same-report check (the URL without its scheme, "www."
or trailing slash).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from stabforce.engines.extract import split_sentences

GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"
TEST = GOLD / "test"
#: Force-generation slugs of GUIDELINE.md section 6.
MISSIONS = {"gaza-isf", "haiti-mss", "haiti-gsf", "unifil-2006", "amisom", "atmis", "minusma", "kfor", "isaf",
            "eufor", "mnf-iraq", "minustah", "afisma", "monusco", "unmiss", "minusca", "ecomig", "samim",
            "rwanda-mozambique", "interfet", "ramsi", "other"}
KINDS = {"pledge", "consideration", "arrival", "reduction_or_withdrawal", "command", "territory_control"}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _same_report(url: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return _rows(TEST / "corpus.jsonl")


@pytest.fixture(scope="module")
def claims() -> list[dict]:
    return _rows(TEST / "claims.jsonl")


def test_test_split_has_40_reports_from_8_force_generations(corpus: list[dict], claims: list[dict]) -> None:
    assert len(corpus) >= 40
    missions = Counter(doc["mission"] for doc in corpus)
    assert set(missions) <= MISSIONS, set(missions) - MISSIONS
    assert len(set(missions) - {"other"}) >= 8, missions
    assert len(claims) >= 150


def test_every_test_report_has_a_url_a_date_and_an_outlet(corpus: list[dict]) -> None:
    for doc in corpus:
        assert urlsplit(doc["url"]).scheme in {"http", "https"} and urlsplit(doc["url"]).netloc, doc["id"]
        assert date(1990, 1, 1) <= date.fromisoformat(doc["date"]) <= date(2026, 12, 4), doc["id"]
        assert doc["outlet"].strip(), doc["id"]
        assert doc.get("date_basis", "x").strip(), doc["id"]  # when present, it says how the date was found


def test_every_test_claim_quotes_a_sentence_of_an_existing_report(corpus: list[dict], claims: list[dict]) -> None:
    texts = {doc["id"]: doc["text"] for doc in corpus}
    for claim in claims:
        assert claim["source"] in texts, claim
        text = texts[claim["source"]]
        assert claim["quote"] in [text[s:e] for s, e in split_sentences(text)], claim
        assert claim["kind"] in KINDS, claim
        date.fromisoformat(claim["as_of"])
        if claim["kind"] == "territory_control":
            assert 0 < claim["share_pct"] <= 100 and claim["low"] is None and claim["high"] is None, claim
        else:
            assert "share_pct" not in claim, claim
        if claim["low"] is None and claim["high"] is None:
            assert claim["personnel"] is None, claim


def test_every_test_report_carries_a_claim(corpus: list[dict], claims: list[dict]) -> None:
    assert {doc["id"] for doc in corpus} == {claim["source"] for claim in claims}


def test_no_test_report_is_in_the_dev_split(corpus: list[dict]) -> None:
    dev = GOLD / "dev" / "corpus.jsonl"
    if not dev.is_file():
        pytest.skip("no dev split")
    dev_reports = {_same_report(doc["url"]) for doc in _rows(dev)}
    shared = [doc["url"] for doc in corpus if _same_report(doc["url"]) in dev_reports]
    assert not shared, shared


def test_same_report_ignores_scheme_www_and_trailing_slash() -> None:
    assert _same_report("https://www.trtworld.com/article/a1/") == _same_report("http://trtworld.com/article/a1")
    assert _same_report("https://menafn.com/1/?p=2") != _same_report("https://menafn.com/1/?p=3")
