"""Score the claim extractor against hand-written gold claims (rules: tests/gold/GUIDELINE.md, section 7).

    .venv/bin/python scripts/score_extract.py [--split seeds|dev|test|all] [--verbose]
    .venv/bin/python scripts/score_extract.py --seeds DIR --gold FILE      (the seed reports, as before)
    .venv/bin/python scripts/score_extract.py --agreement                  (annotators against each other)

Splits: `seeds` (tests/gold/seeds.jsonl over the seed reports), `dev` and `test` (tests/gold/<split>/corpus.jsonl
holds the report excerpts, claims.jsonl their gold claims), `all` (each split present, then their union).

Per split it prints three figures:
- strict: a prediction matches a gold claim when source, subject, kind, low and high are equal (and share_pct when
  the gold has one); each gold claim matches at most one prediction;
- lenient: source, subject and kind equal, and the figures overlap ([low or 0, high or inf] intersect, or both
  have none; shares within one point);
- kind accuracy: of the pairs that match leniently when the kind is ignored, the share whose kinds agree.
Importable: `score(gold, predicted)` (strict), `score_split(gold, predicted)` (all three), `load_split(name)`.
`--model DIR` scores the rules with the learned second pass of a trained pair model (`stabforce extract-train`).

`--agreement` measures how far annotators agree: tests/gold/agreement/annotator-*.jsonl are second annotations of
dev reports, made blind to the dev gold and to the extractor; every pair among the dev gold, those annotators and
the extractor is scored on the same reports with the same three figures (`agreement()`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
MATCH_FIELDS = ("source", "subject", "kind", "low", "high")
DETAIL_FIELDS = ("personnel", "tasks", "quantity_text", "as_of")
SPLITS = ("seeds", "dev", "test")

Row = Mapping[str, object]


def _key(row: Row) -> tuple:
    return tuple(row.get(f) for f in MATCH_FIELDS)


def score(gold_rows: Iterable[Row], predicted_rows: Iterable[Row]) -> dict:
    """Return precision, recall, f1, counts, the gold rows missed, the extra predictions and field
    disagreements on matched pairs (strict matching on source, subject, kind, low, high)."""
    gold = list(gold_rows)
    predicted = list(predicted_rows)
    left = Counter(_key(r) for r in gold)
    by_key: dict[tuple, list[Row]] = {}
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
                    gv, pv = sorted(gv or []), sorted(pv or [])  # type: ignore[type-var]
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
    return {**_prf(matched, len(gold), len(predicted)), "misses": misses, "extras": extras,
            "disagreements": disagreements}


def _prf(matched: int, gold: int, predicted: int) -> dict:
    precision = matched / predicted if predicted else (1.0 if not gold else 0.0)
    recall = matched / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "matched": matched, "gold": gold,
            "predicted": predicted}


def _interval(row: Row) -> tuple[float, float] | None:
    low, high = row.get("low"), row.get("high")
    if low is None and high is None:
        return None
    return (float(low) if low is not None else 0.0, float(high) if high is not None else float("inf"))  # type: ignore[arg-type]


def figures_equal(gold: Row, pred: Row) -> bool:
    """Strict figure test: low and high equal, and the share too when the gold states one."""
    if (gold.get("low"), gold.get("high")) != (pred.get("low"), pred.get("high")):
        return False
    return gold.get("share_pct") is None or gold.get("share_pct") == pred.get("share_pct")


def figures_overlap(gold: Row, pred: Row) -> bool:
    """Lenient figure test: both without a figure, or overlapping intervals; shares within one point."""
    g, p = _interval(gold), _interval(pred)
    if (g is None) != (p is None):
        return False
    if g is not None and p is not None and (g[0] > p[1] or p[0] > g[1]):
        return False
    gs, ps = gold.get("share_pct"), pred.get("share_pct")
    return gs is None or (ps is not None and abs(float(gs) - float(ps)) <= 1.0)  # type: ignore[arg-type]


def _pairs(gold: list[Row], predicted: list[Row], same: Callable[[Row, Row], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, prediction index), exact figures first, then the looser test."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for test in (lambda g, p: same(g, p) and figures_equal(g, p), same):
        for pi, p in enumerate(predicted):
            if pi in used_p:
                continue
            for gi, g in enumerate(gold):
                if gi not in used_g and test(g, p):
                    used_g.add(gi)
                    used_p.add(pi)
                    pairs.append((gi, pi))
                    break
    return pairs


def score_split(gold_rows: Iterable[Row], predicted_rows: Iterable[Row]) -> dict:
    """Return strict and lenient precision/recall/F1 and kind accuracy (see the module docstring)."""
    gold, predicted = list(gold_rows), list(predicted_rows)

    def same_strict(g: Row, p: Row) -> bool:
        return all(g.get(f) == p.get(f) for f in ("source", "subject", "kind")) and figures_equal(g, p)

    def same_lenient(g: Row, p: Row) -> bool:
        return all(g.get(f) == p.get(f) for f in ("source", "subject", "kind")) and figures_overlap(g, p)

    def same_but_kind(g: Row, p: Row) -> bool:
        return all(g.get(f) == p.get(f) for f in ("source", "subject")) and figures_overlap(g, p)

    strict = _pairs(gold, predicted, same_strict)
    lenient = _pairs(gold, predicted, same_lenient)
    # Pairs ignoring the kind: same-kind pairs first, so that a right kind is not spent on a wrong pairing.
    kind_pairs = list(lenient)
    used_g = {g for g, _ in kind_pairs}
    used_p = {p for _, p in kind_pairs}
    for pi, p in enumerate(predicted):
        if pi in used_p:
            continue
        for gi, g in enumerate(gold):
            if gi not in used_g and same_but_kind(g, p):
                used_g.add(gi)
                used_p.add(pi)
                kind_pairs.append((gi, pi))
                break
    same_kind = sum(1 for gi, pi in kind_pairs if gold[gi].get("kind") == predicted[pi].get("kind"))
    lenient_g = {g for g, _ in lenient}
    lenient_p = {p for _, p in lenient}
    return {
        "strict": _prf(len(strict), len(gold), len(predicted)),
        "lenient": _prf(len(lenient), len(gold), len(predicted)),
        "kind_accuracy": same_kind / len(kind_pairs) if kind_pairs else 1.0,
        "kind_pairs": len(kind_pairs),
        "misses": [dict(gold[i]) for i in range(len(gold)) if i not in lenient_g],
        "extras": [dict(predicted[i]) for i in range(len(predicted)) if i not in lenient_p],
        "wrong_kind": [(dict(gold[gi]), dict(predicted[pi])) for gi, pi in kind_pairs
                       if gold[gi].get("kind") != predicted[pi].get("kind")],
    }


def load_gold(path: Path) -> list[dict]:
    """Return the rows of a gold JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _src() -> None:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))


def predict(seeds: Path, sources: Iterable[str]) -> list[dict]:
    """Run the extractor on the named seed files."""
    _src()
    from stabforce.engines.extract import extract_jsonl

    return extract_jsonl(*[seeds / name for name in sorted(set(sources))])


def predict_corpus(corpus: Iterable[Row], model: object = None) -> list[dict]:
    """Run the extractor on the excerpts of a corpus split (each with its publication date); with a `PairModel`
    (services/pair_model.py), add the learned second pass's claims."""
    _src()
    from stabforce.engines.extract.model import claim_row
    from stabforce.services.pair_model import read_claims

    rows: list[dict] = []
    for doc in corpus:
        published = date.fromisoformat(str(doc["date"]))
        rows.extend(claim_row(c, str(doc["id"])) for c in read_claims(str(doc["text"]), published, model))  # type: ignore[arg-type]
    return rows


def load_split(name: str, gold_dir: Path = GOLD_DIR, seeds: Path = SEEDS_DIR,
               model: object = None) -> tuple[list[dict], list[dict]] | None:
    """Return (gold claims, predictions) of a split, or None when the split is not present."""
    if name == "seeds":
        if not seeds.is_dir():
            return None
        gold = load_gold(gold_dir / "seeds.jsonl")
        return gold, predict(seeds, (r["source"] for r in gold))
    folder = gold_dir / name
    if not (folder / "corpus.jsonl").is_file():
        return None
    return load_gold(folder / "claims.jsonl"), predict_corpus(load_gold(folder / "corpus.jsonl"), model)


def agreement(gold_dir: Path = GOLD_DIR) -> list[tuple[str, str, dict]]:
    """Score every pair among the dev gold, the second annotators (`agreement/annotator-*.jsonl`) and the extractor,
    on the reports the second annotators covered. Returns (first, second, score_split result) per pair."""
    folder = gold_dir / "agreement"
    annotators = {f.stem: load_gold(f) for f in sorted(folder.glob("annotator-*.jsonl"))}
    if not annotators:
        return []
    sources = {str(r["source"]) for rows in annotators.values() for r in rows}
    corpus = [d for d in load_gold(gold_dir / "dev" / "corpus.jsonl") if d["id"] in sources]
    sets = {"dev gold": [r for r in load_gold(gold_dir / "dev" / "claims.jsonl") if r["source"] in sources],
            **annotators, "extractor": predict_corpus(corpus)}
    names = list(sets)
    return [(a, b, score_split(sets[a], sets[b])) for i, a in enumerate(names) for b in names[i + 1:]]


def _line(name: str, result: dict) -> str:
    s, le = result["strict"], result["lenient"]
    return (f"{name:<6} gold={s['gold']} predicted={s['predicted']} | lenient P={le['precision']:.3f} "
            f"R={le['recall']:.3f} F1={le['f1']:.3f} | strict P={s['precision']:.3f} R={s['recall']:.3f} "
            f"F1={s['f1']:.3f} | kind accuracy={result['kind_accuracy']:.3f} ({result['kind_pairs']} pairs)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), help="score a corpus split (default: the seeds)")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR)
    parser.add_argument("--gold", type=Path, default=None, help="a gold file for the seed reports")
    parser.add_argument("--verbose", action="store_true", help="print every miss, extra and wrong kind")
    parser.add_argument("--agreement", action="store_true", help="score annotators and the extractor against each other")
    parser.add_argument("--model", type=Path, help="a pair model (stabforce extract-train): score the rules with the "
                        "learned second pass (dev and test splits)")
    args = parser.parse_args(argv)
    model = None
    if args.model is not None:
        _src()
        from stabforce.services.pair_model import PairModel

        model = PairModel.load(args.model)
    if args.agreement:
        pairs = agreement()
        if not pairs:
            print("no second annotations in tests/gold/agreement", file=sys.stderr)
            return 2
        for a, b, r in pairs:
            le = r["lenient"]
            print(f"{a:>21} vs {b:<21} claims {le['gold']}/{le['predicted']} | lenient F1={le['f1']:.3f} | strict "
                  f"F1={r['strict']['f1']:.3f} | kind accuracy={r['kind_accuracy']:.3f} ({r['kind_pairs']} pairs)")
        return 0
    if args.split is None and args.gold is not None:
        gold = load_gold(args.gold)
        loaded: dict[str, tuple[list[dict], list[dict]]] = {"seeds": (gold, predict(args.seeds, (r["source"] for r in gold)))}
    else:
        names = SPLITS if args.split in (None, "all") else (args.split,)
        if args.split is None:
            names = ("seeds",)
        loaded = {}
        for name in names:
            found = load_split(name, seeds=args.seeds, model=model)
            if found is None:
                if args.split not in (None, "all"):
                    print(f"split {name!r} is not present", file=sys.stderr)
                    return 2
                continue
            loaded[name] = found
    results = {name: score_split(g, p) for name, (g, p) in loaded.items()}
    for name, result in results.items():
        if args.verbose:
            for miss in result["misses"]:
                print("MISS ", *(miss.get(f) for f in MATCH_FIELDS), "|", str(miss.get("quote"))[:90])
            for extra in result["extras"]:
                print("EXTRA", *(extra.get(f) for f in MATCH_FIELDS), "|", str(extra.get("quote"))[:90])
            for g, p in result["wrong_kind"]:
                print("KIND ", g["source"], g["subject"], "gold", g["kind"], "predicted", p["kind"], "|",
                      str(g.get("quote"))[:70])
        print(_line(name, result))
    if len(results) > 1:
        gold = [r for g, _ in loaded.values() for r in g]
        pred = [r for _, p in loaded.values() for r in p]
        print(_line("all", score_split(gold, pred)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
