"""The learned-pass experiment's parts that need no model: candidates, labels, decoding and the second pass."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("pair_model_experiment", ROOT / "scripts" / "pair_model_experiment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


DOC = {"id": "dev-001", "text": "Chad will send 400 soldiers to the AU mission. It may add more later. Niger declined."}


def test_candidates_pair_each_subject_with_each_figure_and_none() -> None:
    m = _script()
    pairs = m.candidates(DOC)
    first = {(p.subject, p.origin, p.figure.low if p.figure else None) for p in pairs if p.index == 0}
    assert ("TCD", "sentence", 400) in first and ("TCD", "sentence", None) in first
    # the sentence after names nobody: Chad comes from the sentence before, with no figure to pair
    second = {(p.subject, p.origin, p.figure) for p in pairs if p.index == 1}
    assert ("TCD", "previous", None) in second


def test_labels_come_from_the_gold_claim_of_the_sentence() -> None:
    m = _script()
    pairs = m.candidates(DOC)
    gold = {("dev-001", "Chad will send 400 soldiers to the AU mission."): [
        {"subject": "TCD", "kind": "pledge", "low": 400, "high": 400}]}
    labels = {(p.subject, p.figure.low if p.figure else None, p.index): m.label(p, gold) for p in pairs}
    assert labels[("TCD", 400, 0)] == "pledge"
    assert labels[("TCD", None, 0)] == "none"  # the gold claim has a figure
    assert labels[("TCD", None, 1)] == "none"


def test_decode_keeps_one_subject_per_figure_and_drops_a_figureless_twin() -> None:
    m = _script()
    pairs = m.candidates({"id": "dev-002", "text": "Chad and Niger will send 400 soldiers."})
    labels = m.LABELS
    probabilities = []
    for p in pairs:
        row = [0.0] * len(labels)
        if p.figure is not None:
            row[labels.index("pledge")] = 0.9 if p.subject == "TCD" else 0.6
            row[0] = 1 - row[labels.index("pledge")]
        else:
            row[labels.index("pledge")], row[0] = 0.8, 0.2
        probabilities.append(row)
    claims = {(c["subject"], c["kind"], c["low"]) for c in m.decode(m.scored(pairs, probabilities), none_max=0.7)}
    assert claims == {("TCD", "pledge", 400), ("NER", "pledge", None)}


def test_scored_pairs_survive_a_json_round_trip() -> None:
    # --save writes scored pairs as JSON Lines and --load decodes them later against the rules as they are then
    import json

    m = _script()
    pairs = m.candidates({"id": "dev-002", "text": "Chad and Niger will send 400 soldiers."})
    probabilities = [[0.1, 0.9, 0, 0, 0, 0, 0, 0] if p.subject == "TCD" and p.figure else [0.95, 0.05, 0, 0, 0, 0, 0, 0]
                     for p in pairs]
    rows = m.scored(pairs, probabilities)
    again = [json.loads(json.dumps(r)) for r in rows]
    assert m.decode(again, none_max=0.7) == m.decode(rows, none_max=0.7)
    assert [(c["subject"], c["low"]) for c in m.decode(again, none_max=0.7)] == [("TCD", 400)]


def test_marked_puts_the_subject_and_figure_in_brackets() -> None:
    m = _script()
    pairs = m.candidates({"id": "dev-003", "text": "Chad will send 400 soldiers to the mission."})
    with_figure = next(p for p in pairs if p.subject == "TCD" and p.figure is not None)
    head, body = m.marked(with_figure, "Earlier words.")
    assert head.endswith("; 400 soldiers ; sentence")
    assert body == "[ Chad ] will send << 400 soldiers >> to the mission. | Earlier words."
    head, body = m.marked(next(p for p in pairs if p.subject == "TCD" and p.figure is None), "")
    assert "no figure" in head and "<<" not in body and body.startswith("[ Chad ]")


def test_the_second_pass_adds_only_what_the_rules_left_out() -> None:
    m = _script()
    rules = [{"source": "d", "quote": "q", "subject": "TCD", "kind": "pledge", "low": 400, "high": 400}]
    model = [{"source": "d", "quote": "q", "subject": "TCD", "kind": "arrival", "low": 400, "high": 400, "p": 0.9},
             {"source": "d", "quote": "q", "subject": "NER", "kind": "pledge", "low": 400, "high": 400, "p": 0.9},
             {"source": "d", "quote": "q", "subject": "MLI", "kind": "pledge", "low": None, "high": None, "p": 0.9},
             {"source": "d", "quote": "q", "subject": "TGO", "kind": "pledge", "low": None, "high": None, "p": 0.3}]
    added = [r["subject"] for r in m.second_pass(rules, model, add_min=0.5)[1:]]
    assert added == ["MLI"]  # Chad is the rules' already, 400 is Chad's figure, Togo is below the bar
