"""The scoring script: its matching rule, and the extractor's precision and recall on the seed reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "seeds.jsonl"
SEEDS = SHARED / "seeds"


def _script():  # type: ignore[no-untyped-def]
    return load_script("score_extract")


def row(subject: str, kind: str = "pledge", low: int | None = None, high: int | None = None, **extra: object) -> dict:
    return {"source": "a.txt", "subject": subject, "kind": kind, "low": low, "high": high, **extra}


def test_score_matches_on_source_subject_kind_low_high() -> None:
    score = _script().score
    gold = [row("IDN", high=20000), row("PAK", low=9000, high=15000), row("AZE", "consideration")]
    predicted = [row("IDN", high=20000, tasks=["health"]), row("PAK", low=9000, high=16000), row("ISR")]
    result = score(gold, predicted)
    assert (result["matched"], result["precision"], result["recall"]) == (1, 1 / 3, 1 / 3)
    assert {m["subject"] for m in result["misses"]} == {"PAK", "AZE"}
    assert {e["subject"] for e in result["extras"]} == {"PAK", "ISR"}
    assert result["f1"] == pytest.approx(1 / 3)


def test_score_counts_each_gold_row_once() -> None:
    score = _script().score
    result = score([row("IDN")], [row("IDN"), row("IDN")])
    assert (result["matched"], result["precision"], result["recall"]) == (1, 0.5, 1.0)
    assert score([], []) ["precision"] == 1.0


def test_score_reports_disagreements_on_matched_pairs() -> None:
    result = _script().score([row("IDN", tasks=["health"])], [row("IDN", tasks=["construction"])])
    assert result["disagreements"] == [{"key": {"source": "a.txt", "subject": "IDN", "kind": "pledge", "low": None,
                                                "high": None}, "field": "tasks", "gold": ["health"],
                                        "predicted": ["construction"]}]


def test_gold_quotes_are_sentences_of_the_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not present at {SEEDS}")
    from stabforce.engines.extract import parse_document, split_sentences

    module = _script()
    for gold in module.load_gold(GOLD):
        _, body = parse_document((SEEDS / gold["source"]).read_text(encoding="utf-8"))
        assert gold["quote"] in [body[s:e] for s, e in split_sentences(body)]


def test_precision_and_recall_on_the_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not present at {SEEDS}")
    module = _script()
    gold = module.load_gold(GOLD)
    result = module.score(gold, module.predict(SEEDS, (g["source"] for g in gold)))
    assert result["precision"] >= 0.9, result["extras"]
    assert result["recall"] >= 0.9, result["misses"]


def test_lenient_matching_accepts_overlapping_figures_and_kind_accuracy_ignores_the_kind() -> None:
    score_split = _script().score_split
    gold = [row("IDN", high=8000), row("PAK", low=9000, high=15000), row("AZE", "consideration"),
            row("ISR", "territory_control", share_pct=53)]
    predicted = [row("IDN", high=8000), row("PAK", low=15000, high=15000), row("AZE", "pledge"),
                 row("ISR", "territory_control", share_pct=60)]
    result = score_split(gold, predicted)
    assert result["strict"]["matched"] == 1  # IDN only
    assert result["lenient"]["matched"] == 2  # and PAK: 15,000 lies in 9,000-15,000
    assert result["kind_pairs"] == 3 and result["kind_accuracy"] == pytest.approx(2 / 3)  # AZE has the wrong kind
    assert [g["subject"] for g, _ in result["wrong_kind"]] == ["AZE"]


def test_lenient_matching_keeps_figures_and_no_figures_apart() -> None:
    result = _script().score_split([row("IDN")], [row("IDN", low=500, high=500)])
    assert result["lenient"]["matched"] == 0 and result["kind_pairs"] == 0


#: What the extractor measured on the development split when it was last tuned, rounded down: falling below it is
#: a regression. 2026-12-05: 185 reports, 1,040 claims, lenient F1 0.782, strict 0.776, kind accuracy 0.943 after the
#: fourth round of rules; then 302 reports by sixteen new annotators were added (dev-501..820, dev-901..1420 and
#: dev-1501..2020, 1,514 claims, each batch scored by the rules before anyone tuned on it: 0.551, 0.561, 0.504):
#: 487 reports, 2,554 claims, lenient F1 0.644, strict 0.639, kind accuracy 0.890; after stop 20's rules 0.677, 0.672,
#: 0.916. 2026-12-06: 118 reports by six more annotators (dev-2101..2620, 796 claims, scored by the rules before anyone
#: tuned on them: 0.536): 605 reports, 3,350 claims, lenient F1 0.646, strict 0.641, kind accuracy 0.900. 2026-12-06
#: (stop 23): 120 more (dev-2701..3220, 767 claims, rules before any tuning 0.481): 725 reports, 4,117 claims, lenient F1
#: 0.618, strict 0.613, kind accuracy 0.891; 0.619, 0.615, 0.891 once the nine forces they named joined the gazetteer.
#: Stop 24: 0.622, 0.618, 0.891 after two roster and host fixes; then 117 more (dev-3301..3820, 742 claims, rules
#: before any tuning 0.465, 0.478 once the eleven forces they named joined the gazetteer): 842 reports, 4,859 claims,
#: lenient F1 0.602, strict 0.596, kind accuracy 0.881. Then 120 more (dev-3901..4420, 881 claims, rules before any
#: tuning 0.479): 962 reports, 5,740 claims, lenient F1 0.584, strict 0.580, kind accuracy 0.875. Stop 25: the l
#: batch's forces in the gazetteer and four general rules (0.593), then 123 more on §6 missions (dev-4501..5021, 804
#: claims, rules before any tuning 0.512): 1,085 reports, 6,544 claims, lenient F1 0.583, strict 0.578, kind 0.870;
#: two more rules (0.584), then 123 more on §6 missions (dev-5101..5621, 763 claims, rules before any tuning 0.469):
#: 1,208 reports, 7,307 claims, lenient F1 0.572, strict 0.567, kind 0.866; five more rules (0.574), then 128 more,
#: mostly outside §6 (dev-5701..6221, 892 claims, rules before any tuning 0.424): 1,336 reports, 8,199 claims,
#: lenient F1 0.558, strict 0.552, kind 0.857. Stop 26: eleven general rules (0.562), then 135 more on §6 missions
#: (dev-6301..6822, 888 claims, rules before any tuning 0.439): 1,471 reports, 9,087 claims, lenient F1 0.551, strict
#: 0.544, kind 0.856; eight more rules, then 134 more on §6 missions (dev-6901..7420, 923 claims, rules before any tuning
#: 0.511): 1,605 reports, 10,010 claims, lenient F1 0.552, strict 0.545, kind 0.856; five more rules, then 135 more
#: (dev-7501..8022, 744 claims, rules before any tuning 0.435): 1,740 reports, 10,754 claims, lenient F1 0.547, strict
#: 0.540, kind 0.856; four more rules, then 135 more (dev-8101..8623, 861 claims, rules before any tuning 0.475), and the
#: EU's naval operations in the gazetteer: 1,875 reports, 11,615 claims, lenient F1 0.543, strict 0.536, kind 0.854.
DEV_FLOOR = {"lenient": 0.53, "strict": 0.53, "kind": 0.85}


def _dev() -> dict:
    module = _script()
    loaded = module.load_split("dev")
    assert loaded is not None, "tests/gold/dev is missing"
    return module.score_split(*loaded)


def test_the_development_split_holds_its_measured_floor() -> None:
    result = _dev()
    assert result["lenient"]["f1"] >= DEV_FLOOR["lenient"], (result["lenient"], result["misses"][:10])
    assert result["strict"]["f1"] >= DEV_FLOOR["strict"], result["strict"]
    assert result["kind_accuracy"] >= DEV_FLOOR["kind"], result["wrong_kind"][:10]


def test_second_annotations_are_sentences_of_dev_reports() -> None:
    from stabforce.engines.extract import split_sentences

    module = _script()
    texts = {d["id"]: d["text"] for d in module.load_gold(ROOT / "tests" / "gold" / "dev" / "corpus.jsonl")}
    files = sorted((ROOT / "tests" / "gold" / "agreement").glob("annotator-*.jsonl"))
    assert len(files) >= 2
    for path in files:
        rows = module.load_gold(path)
        assert rows, path
        for r in rows:
            text = texts[r["source"]]
            assert r["quote"] in {text[a:b] for a, b in split_sentences(text)}, (path.name, r["quote"])


def test_agreement_scores_every_pair_on_the_same_reports() -> None:
    pairs = _script().agreement()
    names = {n for a, b, _ in pairs for n in (a, b)}
    assert {"dev gold", "extractor", "annotator-h1", "annotator-h2"} <= names
    assert len(pairs) == len(names) * (len(names) - 1) // 2
    by = {(a, b): r for a, b, r in pairs}
    # the dev gold of the covered reports only: each pair is scored on one set of reports
    assert by[("dev gold", "extractor")]["lenient"]["gold"] == by[("dev gold", "annotator-h1")]["lenient"]["gold"]
    # a data check: blind annotators of the same guideline agree with the gold far above chance
    assert by[("dev gold", "annotator-h1")]["lenient"]["f1"] > 0.8
    assert by[("dev gold", "annotator-h2")]["lenient"]["f1"] > 0.8


def test_agreement_of_a_set_with_itself_is_perfect(tmp_path: Path) -> None:
    module = _script()
    (tmp_path / "dev").mkdir()
    (tmp_path / "agreement").mkdir()
    doc = {"id": "dev-001", "url": "https://example.org/a", "date": "2025-06-02", "outlet": "X", "mission": "other",
           "text": "Chad will send 400 soldiers. Niger is weighing a contribution."}
    claims = [{"source": "dev-001", "subject": "TCD", "kind": "pledge", "low": 400, "high": 400,
               "quote": "Chad will send 400 soldiers."},
              {"source": "dev-001", "subject": "NER", "kind": "consideration", "low": None, "high": None,
               "quote": "Niger is weighing a contribution."}]
    (tmp_path / "dev" / "corpus.jsonl").write_text(json.dumps(doc) + "\n")
    (tmp_path / "dev" / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    (tmp_path / "agreement" / "annotator-x.jsonl").write_text(json.dumps(claims[0]) + "\n")
    by = {(a, b): r for a, b, r in module.agreement(tmp_path)}
    assert set(by) == {("dev gold", "annotator-x"), ("dev gold", "extractor"), ("annotator-x", "extractor")}
    half = by[("dev gold", "annotator-x")]["lenient"]
    assert (half["precision"], half["recall"]) == (1.0, 0.5)  # the second annotator missed Niger
    assert by[("dev gold", "extractor")]["lenient"]["gold"] == 2
