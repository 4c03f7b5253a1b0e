"""Extraction benchmark: documents per second of `engines.extract.extract` on a synthetic corpus of
news-like reports (generated from this file's own templates), as a ratio against tokenizing the same
texts with spaCy's blank English pipeline (`spacy.blank("en")`, `nlp.pipe`) in the same run.

    .venv/bin/python bench/extract.py [--docs 2000] [--seed 7] [--repeat 3] [--model DIR [--model-docs 100]]

Last line: ``docs_per_second=X spacy_ratio=Y`` (ratio = extractor time / spaCy time; goal <= 2). With `--model`
(a pair model from `stabforce extract-train`), first a line for the rules with the learned second pass on the
first `--model-docs` documents: ``learned_docs_per_second=X rules_ratio=Y`` (its time / the rules' time there).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

import spacy

from stabforce.engines.extract import extract

#: Share of paragraphs that carry a claim (the two seed reports: about one sentence in five).
CLAIM_SHARE = 0.2
COUNTRIES = ["Indonesia", "Pakistan", "Azerbaijan", "Morocco", "Kazakhstan", "Kosovo", "Albania", "Egypt", "Jordan",
             "Italy", "Greece", "Bangladesh", "Malaysia", "Turkey"]
DEMONYMS = ["Indonesian", "Pakistani", "Azerbaijani", "Moroccan", "Kazakh", "Albanian", "Egyptian", "Jordanian",
            "Italian", "Greek", "Bangladeshi", "Malaysian", "Turkish"]
CAPITALS = ["Jakarta", "Islamabad", "Baku", "Rabat", "Astana", "Cairo", "Amman", "Rome", "Athens", "Dhaka", "Ankara"]
NUMBERS = ["500", "1,000", "1,200", "2,500", "4,000", "8,000", "20,000", "two thousand", "600", "3,500"]
QUALIFIERS = ["", "up to ", "about ", "around ", "some ", "nearly ", "as many as ", "at least "]
UNITS = ["a battalion", "two battalions", "three brigades", "a brigade", "four companies"]
TIMING = ["next month", "early next year", "within six months", "by April", "in the coming weeks", "mid-January",
          "by the end of the year", "later this year", ""]
CLAIMS = [
    "{C} has offered {Q}{N} troops for the stabilization force{T}.",
    "{C} said it is prepared to deploy {Q}{N} soldiers {T}to help with reconstruction and medical care.",
    "{C} is considering sending {U} to Gaza, officials in {K} said.",
    "{D} officials said the country would not send troops until a full ceasefire holds.",
    "{C} and {C2} pledged peacekeepers on Tuesday, while {C3} is still weighing its options.",
    "The {D} army plans to send {Q}{N} personnel during the initial phase{T}.",
    "{C} will scale back its contribution to {U}, a much smaller force than first announced.",
    "The first contingent of {N} {D} troops arrived in Rafah on Monday.",
    "A {D} general is expected to head the ISF, diplomats said.",
    "Israel still controls {P}% of the Strip, according to the latest map.",
    "{K} ruled out taking part in any disarmament mission.",
    "Between {N} and {N2} police officers from {C} could be trained in Egypt{T}.",
]
FILLER = [
    "The ministry did not respond to a request for comment on Friday.",
    "Talks on the rules of engagement continued behind closed doors in Doha.",
    "Aid agencies said the number of trucks entering the enclave rose in the past week.",
    "The Board of Peace is expected to meet again in Washington after the holidays.",
    "Residents described long queues for bread and water in the central camps.",
    "Analysts note that every announced date for the deployment has slipped so far.",
    "The resolution, adopted on Nov. 17, runs until the end of 2027.",
    "A spokesperson for the U.N. said the organization was ready to help coordinate.",
    "Several hundred people gathered near the crossing, witnesses told reporters.",
    "The plan sets out standards, milestones and timeframes for the handover of territory.",
    "Negotiators from Egypt and Qatar met with the delegation late into the night.",
    "Maj. Gen. John Doe told a briefing that logistics remained the main hurdle.",
]


def make_corpus(n: int, seed: int) -> list[tuple[str, date]]:
    """Return n synthetic reports (a headline-like lead, claim sentences and filler paragraphs)."""
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        paragraphs = []
        for _ in range(rng.randint(8, 16)):
            if rng.random() < CLAIM_SHARE:
                c, c2, c3 = rng.sample(COUNTRIES, 3)
                n1 = rng.choice(NUMBERS[:6])
                n2 = str(int(n1.replace(",", "")) * 2) if n1[0].isdigit() else "4,000"
                t = rng.choice(TIMING)
                paragraphs.append(rng.choice(CLAIMS).format(
                    C=c, C2=c2, C3=c3, D=rng.choice(DEMONYMS), K=rng.choice(CAPITALS), Q=rng.choice(QUALIFIERS),
                    N=n1, N2=n2, U=rng.choice(UNITS), P=rng.randint(40, 60), T=f" {t}" if t else ""))
            else:
                paragraphs.append(" ".join(rng.sample(FILLER, rng.randint(1, 3))))
        docs.append(("\n\n".join(paragraphs), date(2025, 11, 1) + timedelta(days=rng.randint(0, 120))))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings for each side")
    parser.add_argument("--model", help="a pair model folder: also time the learned second pass")
    parser.add_argument("--model-docs", type=int, default=100, help="documents for the learned pass's timing")
    args = parser.parse_args()
    corpus = make_corpus(args.docs, args.seed)
    if args.model:
        _learned(corpus[:args.model_docs], args.model)
    texts = [t for t, _ in corpus]
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.blank("en")
    extract("Indonesia offered 1,000 troops.", published=date(2025, 12, 1))  # compile the regexes once
    list(nlp.pipe(texts[:10]))

    spacy_time = extract_time = float("inf")
    claims = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        spacy_time = min(spacy_time, time.perf_counter() - t0)
        t0 = time.perf_counter()
        claims = sum(len(extract(text, published=day)) for text, day in corpus)
        extract_time = min(extract_time, time.perf_counter() - t0)
    ratio = extract_time / spacy_time
    print(f"corpus: {len(texts)} documents, {words:,} words, {tokens:,} spaCy tokens")
    print(f"spaCy blank('en') tokenization: {spacy_time:.3f} s ({len(texts) / spacy_time:,.0f} docs/s)")
    print(f"extract: {extract_time:.3f} s ({len(texts) / extract_time:,.0f} docs/s), {claims:,} claims")
    print(f"docs_per_second={len(texts) / extract_time:.0f} spacy_ratio={ratio:.2f}")


def _learned(corpus: list[tuple[str, date]], folder: str) -> None:
    """Time the rules alone and the rules with the learned second pass on the same documents."""
    from pathlib import Path

    from stabforce.services.pair_model import PairModel, read_claims

    model = PairModel.load(Path(folder))
    t0 = time.perf_counter()
    rules = sum(len(extract(text, published=day)) for text, day in corpus)
    rules_time = time.perf_counter() - t0
    t0 = time.perf_counter()
    added = sum(len(read_claims(text, day, model)) for text, day in corpus) - rules
    learned_time = time.perf_counter() - t0
    print(f"rules + learned pass on {len(corpus)} documents: {learned_time:.1f} s, {added} claims added")
    print(f"learned_docs_per_second={len(corpus) / learned_time:.1f} rules_ratio={learned_time / rules_time:.0f}")


if __name__ == "__main__":
    main()
