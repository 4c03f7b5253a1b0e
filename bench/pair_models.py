"""Pair-model architecture benchmark: the span model (`services.span_model`, one encoder pass a sentence) against the
marked model (`services.pair_model`, one pass a pair) on the same pairs, in the same run: the time to read every
pair and, with `--train`, to train one epoch on them (needs the 'learned' extra).

    .venv/bin/python bench/pair_models.py [--reports 20] [--train]

Pairs: every candidate pair of the first `--reports` dev reports (`pairs.training_pairs`). Both models start from
MiniLM with an untrained head: the work does not depend on what the head has learned. An epoch trains as
`extract-train` does (the marked model draws half of the "none" pairs; the span model reads every pair, "none"
weighed a half).

Last line: ``read_time_ratio=X`` (spans / marked) and, with `--train`, ``train_time_ratio=Y``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from stabforce.engines.extract import pairs
from stabforce.services.pair_model import PairModel
from stabforce.services.span_model import SpanModel

DEV = Path(__file__).resolve().parents[1] / "tests" / "gold" / "dev"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--train", action="store_true", help="also time one training epoch each way")
    args = parser.parse_args()
    corpus = _rows(DEV / "corpus.jsonl")[:args.reports]
    found, labels = pairs.training_pairs(corpus, _rows(DEV / "claims.jsonl"))
    sentences = len({(p.source, p.index) for p in found})
    print(f"{len(corpus)} reports, {len(found)} pairs in {sentences} sentences")
    read, trained = {}, {}
    for name, kind in (("marked", PairModel), ("spans", SpanModel)):
        model = kind.fresh(0)
        started = time.perf_counter()
        model.read(found)
        read[name] = time.perf_counter() - started
        if args.train:
            started = time.perf_counter()
            model.train(found, labels, epochs=1, none_keep=0.5)
            trained[name] = time.perf_counter() - started
        print(f"{name}: read {read[name]:.1f} s" + (f", one epoch {trained[name]:.1f} s" if args.train else ""))
    line = f"read_time_ratio={read['spans'] / read['marked']:.3f}"
    if args.train:
        line += f" train_time_ratio={trained['spans'] / trained['marked']:.3f}"
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
