"""Score the claim extractor against the hand-written gold claims of the seed reports.

    .venv/bin/python scripts/score_extract.py [--seeds DIR] [--gold FILE] [--verbose]

A predicted row matches a gold row when source, subject, kind, low and high are equal; each gold row
matches at most one prediction. Prints precision, recall and F1, and the misses and extras.
Importable: `score(gold_rows, predicted_rows) -> dict`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MATCH_FIELDS = ("source", "subject", "kind", "low", "high")
DETAIL_FIELDS = ("personnel", "tasks", "quantity_text", "as_of")


def _key(row: Mapping[str, object]) -> tuple:
    return tuple(row.get(f) for f in MATCH_FIELDS)


def score(gold_rows: Iterable[Mapping[str, object]], predicted_rows: Iterable[Mapping[str, object]]) -> dict:
    """Return precision, recall, f1, counts, the gold rows missed, the extra predictions and field
    disagreements on matched pairs."""
    gold = list(gold_rows)
    predicted = list(predicted_rows)
    left = Counter(_key(r) for r in gold)
    by_key: dict[tuple, list[Mapping[str, object]]] = {}
    for r in gold:
        by_key.setdefault(_key(r), []).append(r)
    matched, extras, disagreements = 0, [], []
    for row in predicted:
        k = _key(row)
        if left[k] > 0:
            left[k] -= 1
            matched += 1
            g = by_key[k][left[k]]
            for f in DETAIL_FIELDS:
                gv, pv = g.get(f), row.get(f)
                if f == "tasks":
                    gv, pv = sorted(gv or []), sorted(pv or [])
                if gv != pv:
                    disagreements.append({"key": dict(zip(MATCH_FIELDS, k, strict=True)), "field": f, "gold": gv,
                                          "predicted": pv})
        else:
            extras.append(dict(row))
    misses = []
    remaining = Counter(left)
    for r in gold:
        k = _key(r)
        if remaining[k] > 0:
            remaining[k] -= 1
            misses.append(dict(r))
    precision = matched / len(predicted) if predicted else (1.0 if not gold else 0.0)
    recall = matched / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "matched": matched, "gold": len(gold),
            "predicted": len(predicted), "misses": misses, "extras": extras, "disagreements": disagreements}


def load_gold(path: Path) -> list[dict]:
    """Return the rows of a gold JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(seeds: Path, sources: Iterable[str]) -> list[dict]:
    """Run the extractor on the named seed files."""
    sys.path.insert(0, str(ROOT / "src"))
    from stabforce.engines.extract import extract_jsonl

    return extract_jsonl(*[seeds / name for name in sorted(set(sources))])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "seeds.jsonl")
    parser.add_argument("--verbose", action="store_true", help="print every extra and disagreement")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    result = score(gold, predict(args.seeds, (r["source"] for r in gold)))
    for miss in result["misses"]:
        print("MISS ", *(miss.get(f) for f in MATCH_FIELDS), "|", str(miss.get("quote"))[:80])
    for extra in result["extras"]:
        print("EXTRA", *(extra.get(f) for f in MATCH_FIELDS), "|", str(extra.get("quote"))[:80])
    if args.verbose:
        for d in result["disagreements"]:
            print("DIFF ", d)
    print(f"matched={result['matched']} gold={result['gold']} predicted={result['predicted']}")
    print(f"precision={result['precision']:.3f} recall={result['recall']:.3f} f1={result['f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
