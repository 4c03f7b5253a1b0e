"""Scenario quotes: verbatim unless marked as paraphrases; the marker keeps old hashes valid."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from importlib import resources

import pytest

from stabforce.ledger import parse_fact
from stabforce.ledger.fact import Fact, SourceRef, canonical_json
from stabforce.services.exchange import SCENARIOS
from tests.conftest import SHARED

NOTE = SHARED / "research" / "domain-facts.md"


def scenario_lines() -> list[dict]:
    folder = resources.files("stabforce.scenarios")
    return [json.loads(line) for part in SCENARIOS["gaza-isf"]
            for line in folder.joinpath(part).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_paraphrases_are_marked_and_carry_no_label_in_their_text():
    lines = [d for d in scenario_lines() if d.get("quote")]
    paraphrases = [d for d in lines if d["source"].get("paraphrase")]
    assert paraphrases and len(paraphrases) < len(lines)
    assert not [d["id"] for d in lines if "paraphrase" in d["quote"].lower()]
    assert all(parse_fact(d).source.paraphrase for d in paraphrases)


@pytest.mark.skipif(not NOTE.is_file(), reason="the research note is not beside the project")
def test_every_quote_not_marked_as_a_paraphrase_is_verbatim_from_its_source():
    seeds = {p.name: p.read_text(encoding="utf-8") for p in (SHARED / "seeds").glob("*.txt")}
    note = " ".join(NOTE.read_text(encoding="utf-8").split())
    for d in scenario_lines():
        if d.get("quote") and not d["source"].get("paraphrase"):
            text = seeds.get(d["source"]["key"], note)
            assert " ".join(d["quote"].split()) in " ".join(text.split()), d["id"]


def test_a_fact_without_the_marker_hashes_as_before_it_existed():
    source = SourceRef(key="notes.txt", date=date(2026, 3, 1), attribution="a spokesman")
    moment = datetime(2026, 3, 1, tzinfo=UTC)
    fact = Fact(id="f-1", kind="retraction", subject="contributor:IDN", payload={"reason": "x"},
                valid_from=date(2026, 3, 1), valid_to=None, recorded_at=moment, known_from=moment, recorded_by="t",
                source=source, quote="words", grade="B2", supersedes=("f-0",), seq=1, prev_hash="0" * 64)
    before = {**fact.body(), "source": {"key": "notes.txt", "date": "2026-03-01", "title": None, "url": None,
                                       "publisher": None, "attribution": "a spokesman"}}
    assert fact.compute_hash() == hashlib.sha256(canonical_json(before).encode()).hexdigest()
    marked = Fact(**{**{k: getattr(fact, k) for k in fact.__dataclass_fields__},
                     "source": SourceRef(key="notes.txt", date=date(2026, 3, 1), attribution="a spokesman",
                                         paraphrase=True)})
    assert marked.compute_hash() != fact.compute_hash()
    assert Fact.from_json(marked.to_json()) == marked and marked.to_json()["source"]["paraphrase"] is True
