"""Measure the learned second pass (`engines/extract/pairs.py`, `services/pair_model.py`) on dev reports it was not trained
on: the rules alone, the model alone, the rules with the model's additions, with the model's kinds too and, last (what
`read_claims` does), without the rule claims the model vetoes, with the scorer's three figures.

It needs the 'learned' extra (about 1 GB, CPU only): `.venv/bin/pip install -e '.[learned]'`.

    .venv/bin/python scripts/pair_model_experiment.py --train 1-1420 --eval 1501-2020 --epochs 3 --save pairs.jsonl
    .venv/bin/python scripts/pair_model_experiment.py --eval 1501-2020 --load pairs.jsonl     (no training: the saved
                                                   model output against the rules as they are now)
    .venv/bin/python scripts/pair_model_experiment.py --eval 3301-3820 --model var/models/pairs   (a model trained
                                                   before, e.g. by `make learned`, on reports it has not seen)
    .venv/bin/python scripts/pair_model_experiment.py --eval 1501-2020 --load seed0.jsonl seed1.jsonl seed2.jsonl
                                                   (an ensemble: each pair's probabilities averaged over the files)

Report numbers are those of the dev ids ("dev-1501" is 1501). Results are in docs/architecture.md ("A learned
second pass, measured").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from score_extract import GOLD_DIR, load_gold, predict_corpus, score_split

from stabforce.engines.extract import pairs
from stabforce.services.pair_model import ARCHITECTURES, SCHEDULES, model_class


def _number(doc_id: str) -> int:
    return int(doc_id.split("-")[1])


def _ranges(text: str) -> list[tuple[int, int]]:
    out = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out.append((int(lo), int(hi or lo)))
    return out


def _in(doc_id: str, ranges: list[tuple[int, int]]) -> bool:
    return any(lo <= _number(doc_id) <= hi for lo, hi in ranges)


def _eval_pairs(docs: list[dict]) -> list[pairs.Pair]:
    return [p for d in docs for p in pairs.candidates(d["text"], d["id"], date.fromisoformat(d["date"]))]


def _scored(model: object, test: list[pairs.Pair], save: Path | None) -> list[dict]:
    """The model's probabilities for the eval pairs, written to `save` (JSON Lines) when given."""
    rows = pairs.scored(test, model.read(test))  # type: ignore[attr-defined]
    if save is not None:
        save.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def _averaged(outputs: list[list[dict]]) -> list[dict]:
    """The rows of the first output with each pair's probabilities averaged over all the outputs (which must hold
    the same pairs in the same order)."""
    for rows in outputs[1:]:
        if [(r["source"], r["at"], r["subject"]) for r in rows] != [(r["source"], r["at"], r["subject"])
                                                                    for r in outputs[0]]:
            raise SystemExit("--load: the files do not hold the same pairs in the same order")
    return [{**first, "probs": [sum(col) / len(outputs) for col in zip(*(rows[k]["probs"] for rows in outputs))]}
            for k, first in enumerate(outputs[0])]


class EpochSums:
    """The sum of a network's weights after each training step, kept apart for each epoch, so that after one run the
    mean over any run of epochs (`--windows`) can be put into the network and scored: with a constant rate the
    first epochs of a longer run are the shorter run's, so one 5-epoch run answers for 3, 4 and 5 epochs."""

    def __init__(self, network: object) -> None:
        self._net = network
        self._sums: list[list[object]] = []
        self._steps: list[int] = []
        self._epoch = 0

    def step(self, done: int, total: int) -> None:  # PairModel's progress(done, total), called after each step
        params = [p.detach() for p in self._net.parameters()]  # type: ignore[attr-defined]
        if len(self._sums) <= self._epoch:
            self._sums.append([p.clone().double() for p in params])
            self._steps.append(1)
        else:
            for acc, p in zip(self._sums[self._epoch], params, strict=True):
                acc.add_(p.double())  # type: ignore[attr-defined]
            self._steps[self._epoch] += 1

    def epoch_done(self) -> None:
        self._epoch += 1

    def put(self, first: int, last: int) -> None:
        """Put the mean of the weights after every step of epochs `first`..`last` (from 1) into the network."""
        steps = sum(self._steps[first - 1:last])
        for k, p in enumerate(self._net.parameters()):  # type: ignore[attr-defined]
            p.data.copy_((sum(s[k] for s in self._sums[first - 1:last]) / steps).to(p.dtype))


def _same_sentence(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    """Whether two rows quote the same sentence of the same report (an annotator's quote may be cut shorter)."""
    qa, qb = str(a["quote"]), str(b["quote"])
    return a["source"] == b["source"] and (qa[:60] in qb or qb[:60] in qa)


def why(gold: Sequence[Mapping[str, object]], claims: Sequence[Mapping[str, object]],
        rows: Sequence[Mapping[str, object]], result: dict | None = None) -> tuple[Counter[str], Counter[str]]:
    """Why each gold claim that `claims` miss (leniently) was missed, and why each claim that matches none was made:
    `rows` are the scored pairs the claims were decoded from; `result` is `score_split(gold, claims)` when the caller
    has it already (scoring a large split takes seconds)."""
    if result is None:
        result = score_split(gold, claims)

    def key(r: Mapping[str, object]) -> tuple:  # type: ignore[type-arg]
        return r["source"], r["quote"], r["subject"], r.get("low"), r.get("high"), r["kind"]

    wrong_gold = Counter(key(g) for g, _ in result["wrong_kind"])
    wrong_claim = Counter(key(c) for _, c in result["wrong_kind"])
    by_subject: dict[tuple, list[Mapping[str, object]]] = {}  # type: ignore[type-arg]
    for name, found in (("rows", rows), ("claims", claims), ("gold", gold)):
        for r in found:
            by_subject.setdefault((name, r["source"], r["subject"]), []).append(r)
    misses: Counter[str] = Counter()
    for g in result["misses"]:
        if wrong_gold[key(g)] > 0:
            wrong_gold[key(g)] -= 1
            misses["the right pair, another kind"] += 1
        elif not any(pairs.overlaps(g, r) and _same_sentence(g, r)
                     for r in by_subject.get(("rows", g["source"], g["subject"]), [])):
            misses["no pair for it (subject or figure not found in its sentence)"] += 1
        elif any(c["kind"] == g["kind"] and _same_sentence(g, c)
                 for c in by_subject.get(("claims", g["source"], g["subject"]), [])):
            misses["its subject and kind claimed with another figure or none"] += 1
        else:
            misses["its pair read as no claim (or another subject given the figure)"] += 1
    extras: Counter[str] = Counter()
    for c in result["extras"]:
        same_subject = by_subject.get(("gold", c["source"], c["subject"]), [])
        if wrong_claim[key(c)] > 0:
            wrong_claim[key(c)] -= 1
            extras["the right pair, another kind"] += 1
        elif any(_same_sentence(g, c) for g in same_subject):
            extras["a subject of its sentence's gold, another figure or kind"] += 1
        elif same_subject:
            extras["a subject the gold gives elsewhere in the report"] += 1
        else:
            extras["a subject the report's gold does not have"] += 1
    return misses, extras


def _report(rows: list[dict], rules: list[dict], gold: list[dict], args: argparse.Namespace) -> None:
    """Print the scorer's figures for the rules alone, the model alone and each step of the second pass."""
    model_rows = pairs.decode(rows, args.none_max)
    both = rules + pairs.second_pass(rules, model_rows, args.add_min)
    kinds = pairs.relabelled(rules, rows, args.kind_min) + pairs.second_pass(rules, model_rows, args.add_min)
    kept = pairs.vetoed(rules, rows, args.veto_min)
    vetoes = pairs.relabelled(kept, rows, args.kind_min) + pairs.second_pass(kept, model_rows, args.add_min)
    for name, claims in (("rules", rules), ("model", model_rows), ("rules + model", both),
                         ("+ model's kinds", kinds), ("+ model's vetoes", vetoes)):
        r = score_split(gold, claims)
        le = r["lenient"]
        print(f"{name:<16} lenient P={le['precision']:.3f} R={le['recall']:.3f} F1={le['f1']:.3f} | strict "
              f"F1={r['strict']['f1']:.3f} | kind accuracy={r['kind_accuracy']:.3f}")
    if args.why:  # r: the last line's, the vetoes'
        misses, extras = why(gold, vetoes, rows, r)
        for title, counts in (("missed", misses), ("extra", extras)):
            print(f"{title} ({sum(counts.values())}): " + "; ".join(f"{n} {cause}" for cause, n in counts.most_common()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", help="dev report numbers to train on, e.g. 1-499,501-899")
    parser.add_argument("--eval", required=True, help="dev report numbers to score, e.g. 901-1420")
    parser.add_argument("--epochs", type=int, help="passes over the pairs (default: the architecture's)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--none-max", type=float, default=pairs.NONE_MAX)
    parser.add_argument("--add-min", type=float, default=pairs.ADD_MIN)
    parser.add_argument("--kind-min", type=float, default=pairs.KIND_MIN)
    parser.add_argument("--veto-min", type=float, default=pairs.VETO_MIN)
    parser.add_argument("--none-keep", type=float, default=0.5, help="share of 'none' pairs drawn per epoch")
    parser.add_argument("--schedule", choices=SCHEDULES, default="constant", help="the learning rate over the run")
    parser.add_argument("--average", type=float, help="keep the mean of the weights over this last share of the "
                        "training steps (0: the last step's weights; default: the architecture's, 1/4 for spans)")
    parser.add_argument("--windows", help="when training, keep each epoch's mean weights and score the mean over each "
                        "run of epochs listed, e.g. 3,2-3,4,3-4 (no other averaging)")
    parser.add_argument("--why", action="store_true", help="say why the final claims miss gold claims and make extra "
                        "ones (counts by cause)")
    parser.add_argument("--each-epoch", action="store_true", help="when training, score the eval reports after "
                        "every epoch")
    parser.add_argument("--architecture", choices=ARCHITECTURES, default="spans",
                        help="marked: a pass a pair (pair_model); spans: a pass a sentence (span_model)")
    parser.add_argument("--save", type=Path, help="write the eval pairs with the model's probabilities (JSON Lines)")
    parser.add_argument("--load", type=Path, nargs="+", help="read pairs written by --save instead of training; "
                        "several files (the same pairs from models of other seeds): their probabilities averaged")
    parser.add_argument("--model", type=Path, help="a trained model's folder (stabforce extract-train) instead of training")
    args = parser.parse_args(argv)
    if sum(x is not None for x in (args.train, args.load, args.model)) != 1:
        parser.error("give one of --train (and train a model), --model (a trained one) or --load (a saved model output)")
    eval_at = _ranges(args.eval)
    corpus = load_gold(GOLD_DIR / "dev" / "corpus.jsonl")
    gold = load_gold(GOLD_DIR / "dev" / "claims.jsonl")
    eval_docs = [d for d in corpus if _in(d["id"], eval_at)]
    eval_ids = {d["id"] for d in eval_docs}
    eval_gold = [g for g in gold if g["source"] in eval_ids]
    if args.load is not None:
        rows = _averaged([[r for r in load_gold(path) if r["source"] in eval_ids] for path in args.load])
    elif args.model is not None:
        from stabforce.services.pair_model import PairModel

        model = PairModel.load(args.model)
        test = _eval_pairs(eval_docs)
        print(f"model {args.model} (meta: {model.meta.get('reports')!r} reports); eval: {len(eval_docs)} reports, "
              f"{len(test)} pairs", file=sys.stderr)
        rows = _scored(model, test, args.save)
    else:

        train_docs = [d for d in corpus if _in(d["id"], _ranges(args.train)) and d["id"] not in eval_ids]
        train, labels = pairs.training_pairs(train_docs, gold)
        test = _eval_pairs(eval_docs)
        print(f"train: {len(train_docs)} reports, {len(train)} pairs; eval: {len(eval_docs)} reports, {len(test)} "
              "pairs", file=sys.stderr)
        model = model_class(args.architecture).fresh(args.seed)
        args.epochs = args.epochs or model.epochs
        rules = predict_corpus(eval_docs)

        sums = EpochSums(model._network) if args.windows else None  # type: ignore[attr-defined]

        def each(done: int, losses: list[float]) -> None:
            if sums is not None:
                sums.epoch_done()
            if args.each_epoch and done < args.epochs:
                print(f"after epoch {done} (loss {losses[-1]:.1f}):")
                _report(pairs.scored(test, model.read(test)), rules, eval_gold, args)

        started = time.time()
        losses = model.train(train, labels, epochs=args.epochs, none_keep=args.none_keep, seed=args.seed,
                             schedule=args.schedule, average=0.0 if sums else args.average, on_epoch=each,
                             progress=sums.step if sums else None)
        print(f"trained in {time.time() - started:.0f} s, losses {[round(x, 1) for x in losses]}", file=sys.stderr)
        started = time.time()
        rows = _scored(model, test, args.save)
        print(f"read {len(test)} pairs in {time.time() - started:.1f} s", file=sys.stderr)
        if args.each_epoch:
            print(f"after epoch {args.epochs}:")
        if sums is not None:
            print(f"the last step's weights (epoch {args.epochs}):")
            _report(rows, rules, eval_gold, args)
            for first, last in _ranges(args.windows):
                sums.put(first, last)
                print(f"mean weights of epochs {first}-{last}:")
                _report(pairs.scored(test, model.read(test)), rules, eval_gold, args)
            return 0
    _report(rows, rules if args.train else predict_corpus(eval_docs), eval_gold, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
