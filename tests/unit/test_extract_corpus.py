"""The gold corpus splits (tests/gold/GUIDELINE.md): sizes, force generations, records, and no report in two splits."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from stabforce.engines.extract import split_sentences
from stabforce.engines.extract.model import KINDS

GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"
SPLITS = [name for name in ("dev", "test") if (GOLD / name / "corpus.jsonl").is_file()]
PERSONNEL = {None, "troops", "police", "trainers", "observers"}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _corpus(split: str) -> list[dict]:
    return _rows(GOLD / split / "corpus.jsonl")


def test_dev_split_size_and_force_generations() -> None:
    corpus = _corpus("dev")
    assert len(corpus) >= 45
    assert len({doc["mission"] for doc in corpus}) >= 8
    assert len(_rows(GOLD / "dev" / "claims.jsonl")) >= 150


@pytest.mark.parametrize("split", SPLITS)
def test_every_report_has_url_date_outlet_mission_and_a_short_excerpt(split: str) -> None:
    ids = set()
    for doc in _corpus(split):
        assert doc["id"].startswith(f"{split}-") and doc["id"] not in ids, doc["id"]
        ids.add(doc["id"])
        assert re.match(r"https?://\S+$", doc["url"]), doc["id"]
        assert date.fromisoformat(doc["date"]) <= date(2026, 12, 31), doc["id"]
        assert doc["outlet"].strip() and doc["mission"].strip(), doc["id"]
        assert 0 < len(doc["text"].split()) < 200, doc["id"]  # an excerpt, never a whole article


@pytest.mark.parametrize("split", SPLITS)
def test_every_gold_claim_quotes_a_sentence_of_its_report(split: str) -> None:
    texts = {doc["id"]: doc["text"] for doc in _corpus(split)}
    for claim in _rows(GOLD / split / "claims.jsonl"):
        text = texts[claim["source"]]
        assert claim["quote"] in [text[s:e] for s, e in split_sentences(text)], claim
        assert claim["kind"] in KINDS and claim["kind"] != "other", claim
        assert claim["personnel"] in PERSONNEL, claim
        low, high = claim["low"], claim["high"]
        assert low is None or high is None or low <= high, claim
        assert claim["subject"].strip(), claim


def test_no_report_is_in_two_splits() -> None:
    urls: dict[str, str] = {}
    for split in SPLITS:
        for doc in _corpus(split):
            assert doc["url"] not in urls, f"{doc['url']} is in {urls.get(doc['url'])} and {split}"
            urls[doc["url"]] = split
