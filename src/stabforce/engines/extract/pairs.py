"""The learned second pass, without the model: candidate (subject, figure) pairs, their labels and text, and how
the model's probabilities become claims beside the rules' (pure; `services/pair_model.py` holds the model).

A **pair** is one subject and one figure (or no figure) in one sentence that has a force or personnel word
(`rules.FORCE_CONTEXT`, `rules.PERSONNEL_HINT`). Subjects: every name the gazetteer finds in the sentence, the
names of the sentence before, and the organizations the report names; figures: the personnel figures of the sentence (`extractor._figures`, the rules' own reading of numbers and units). A pair's **label** is
the kind of the gold claim with that subject and an overlapping figure in that sentence, else "none".

The model reads a pair as two segments (`segments`): "subject ; figure ; origin" and the sentence with the
subject's names in [ ] and the figure in << >>, then " | " and the sentence before. `decode` keeps a pair as a
claim when P(none) is at most `NONE_MAX`, one subject per figure (the likeliest), and no figure-less claim for a
subject with a figure claim in the sentence. `vetoed` drops a rule claim whose pair the model finds no claim
(P(none) at least `VETO_MIN`); `second_pass` adds the model's claims, when P(claim) is at least `ADD_MIN`, for
subjects and figures the rules left out of a sentence; `learned_claims` turns them into
`ProposedClaim`s (trigger "learned", a confidence below every rule's).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from stabforce.engines.extract import extractor, rules
from stabforce.engines.extract.gazetteer import Entry, gazetteer, name_matches, starts_word
from stabforce.engines.extract.model import ProposedClaim
from stabforce.engines.extract.numbers import Figure, words_to_int
from stabforce.engines.extract.sentences import split_sentences
from stabforce.ledger import vocab

LABELS = ("none", "pledge", "consideration", "reduction_or_withdrawal", "arrival", "command", "territory_control",
          "other")
ORIGINS = ("sentence", "previous", "report")
#: Decoding thresholds (measured on dev; docs/architecture.md, "A learned second pass"): a pair is a claim when
#: P(none) <= NONE_MAX, the second pass adds it when P(claim) >= ADD_MIN, and a rule claim takes the model's kind when
#: the model gives another kind at least KIND_MIN of its claim probability (P(kind) / (1 - P(none)): whether the pair
#: is a claim at all is the veto's question, VETO_MIN).
NONE_MAX, ADD_MIN, KIND_MIN = 0.7, 0.5, 0.8
#: A rule claim is dropped when the model gives its pair P(none) at least VETO_MIN (measured on the 374 dev reports
#: dev-4501..6221 with the model of 962 other reports: lenient F1 0.602 -> 0.616; 0.9: 0.614, 0.95: 0.611).
VETO_MIN = 0.8
#: The kinds the second pass may add: a territory share needs a share the pairs do not carry; "other" is no kind.
_ADDABLE = frozenset({"pledge", "consideration", "reduction_or_withdrawal", "arrival", "command"})
#: The rule kinds the model may change (a territory claim keeps its share and its kind).
_RELABELLED = _ADDABLE | {"other"}


@dataclass(frozen=True)
class Pair:
    source: str
    index: int  # the sentence's position in the report
    offset: int  # where the sentence starts in the report
    sentence: str
    subject: str
    origin: str  # where the subject was named: this sentence, the one before, or the report (an organization)
    spans: tuple[tuple[int, int], ...]  # the subject's names in this sentence
    figure: Figure | None
    previous: str = ""  # the sentence before, for context
    host: bool = False  # the subject is a place the report's force goes to (`extractor.report_setting`)


#: A word in capitals ("FIJI - Offered troops", "POLAND: ..."), read as a name written the usual way ("Fiji").
_CAPITALS = re.compile(r"\b[A-Z]{3,}\b")


def _mentions(text: str) -> list[tuple[str, Entry, int, int]]:
    forms = gazetteer()[1]
    found = []
    for m in name_matches(text):
        entry = forms.get(m.group(0))
        if starts_word(text, m.start()) and entry is not None and entry.subject and entry.kind != "blocked":
            found.append((entry.subject, entry, m.start(), m.end()))
    if _CAPITALS.search(text):  # a country in capitals: the same offsets in a copy with the word capitalized
        at = {start for *_, start, _ in found}
        plain = _CAPITALS.sub(lambda w: w.group(0).capitalize(), text)
        for m in name_matches(plain):
            entry = forms.get(m.group(0))
            if (m.start() not in at and starts_word(plain, m.start()) and entry is not None and entry.subject
                    and entry.kind == "country" and text[m.start():m.end()] != m.group(0)):
                found.append((entry.subject, entry, m.start(), m.end()))
        found.sort(key=lambda f: f[2])
    return found


@cache
def _units() -> tuple:  # type: ignore[type-arg]
    return extractor._units_rx(tuple(sorted(vocab.UNIT_STRENGTH.items())))


#: Any other count in a sentence ("the 400 already on the ground", "Six members of the RBDF", "peak at approximately
#: 1,000"): a figure the rules' reading of numbers left out, for the model to weigh. Not years, shares or money.
_LOOSE = re.compile(r"(?<![\w$€£.,/-])(?:\d{1,3}(?:,\d{3})+|\d{1,6}|(?i:two|three|four|five|six|seven|eight|nine|ten|"
                    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?i:hundred|"
                    r"thousand))?)(?![\w-]|[.,]\d|\s*(?:%|percent|per\s+cent|million|billion|years?\b|months?\b|"
                    r"days?\b|weeks?\b|km\b|kilomet))")


#: A unit named without a count ("the Rwandan battalion", "a company-strength unit", "its first infantry
#: battalion"): one unit of `vocab.UNIT_STRENGTH`, as the guideline reads it, when the rules' counted units left it out.
_BARE_UNIT = re.compile(r"\b(?:" + "|".join(sorted(vocab.UNIT_STRENGTH)) + r")\b", re.IGNORECASE)


def _taken(m: re.Match[str], figures: Sequence[Figure]) -> bool:
    """Whether a match overlaps one of `figures`."""
    return any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in figures)


def _loose_figures(sentence: str, read: Sequence[Figure]) -> list[Figure]:
    out = []
    for m in _LOOSE.finditer(sentence):
        value = int(m.group(0).replace(",", "")) if m.group(0)[0].isdigit() else words_to_int(m.group(0))
        if value is None or value < 2 or (1900 <= value <= 2100 and "," not in m.group(0)) or _taken(m, read):
            continue
        out.append(Figure(m.start(), m.end(), value, value, False, "troops", m.group(0)))
    for m in _BARE_UNIT.finditer(sentence):
        if not _taken(m, [*read, *out]):
            low, high = vocab.UNIT_STRENGTH[m.group(0).lower()]
            out.append(Figure(m.start(), m.end(), low, high, True, "troops", m.group(0)))
    return out


def _force_word(sentence: str) -> bool:
    low = sentence.lower()
    return rules.FORCE_CONTEXT.search(low) is not None or rules.PERSONNEL_HINT.search(low) is not None


def candidates(text: str, source: str = "", published: date | None = None) -> list[Pair]:
    """Every (subject, figure or none) pair of each sentence of a report; with its date, the mission the report is
    about counts as named in it even when it is only "the force" (`extractor.report_setting`)."""
    spans = split_sentences(text)
    sentences = [text[a:b] for a, b in spans]
    names = [_mentions(sentence) for sentence in sentences]  # each sentence read once (also as "the one before")
    organizations = {m[0] for m in _mentions(text) if m[1].kind == "organization"}
    mission, hosts = extractor.report_setting(text, published)
    if mission is not None:  # a mission the report names is among its organizations already
        organizations.add(mission)
    pairs = []
    forceful = [_force_word(sentence) for sentence in sentences]
    for i, ((start, _), sentence) in enumerate(zip(spans, sentences, strict=True)):
        here = names[i]
        if not forceful[i] and not here:
            continue  # no force word and nobody named: no claim
        named = list(dict.fromkeys(m[0] for m in here))
        before = {m[0] for m in names[i - 1]} - set(named) if i else set()
        subjects = [(s, "sentence", tuple((a, b) for x, _, a, b in here if x == s)) for s in named]
        subjects += [(s, "previous", ()) for s in sorted(before)]
        subjects += [(s, "report", ()) for s in sorted(organizations - set(named) - before)]
        read = extractor._figures(sentence, sentence.lower(), vocab.UNIT_STRENGTH, _units())
        figures: list[Figure | None] = sorted([*read, *_loose_figures(sentence, read)], key=lambda f: f.start)
        figures.append(None)
        previous = sentences[i - 1] if i else ""
        pairs += [Pair(source, i, start, sentence, s, origin, sp, f, previous, s in hosts) for s, origin, sp in subjects
                  for f in figures]
    return pairs


def figures_of(p: Pair) -> dict[str, int | None]:
    return {"low": p.figure.low if p.figure else None, "high": p.figure.high if p.figure else None}


def overlaps(gold: Mapping[str, object], pair: Mapping[str, int | None]) -> bool:
    """Whether a gold claim's figures and a pair's overlap: the scorer's lenient figure match without shares
    (scripts/score_extract.py: `figures_overlap`); what `label` and the experiment's `why` test pairs with."""
    glo, ghi, plo, phi = gold.get("low"), gold.get("high"), pair["low"], pair["high"]
    if (glo, ghi) == (None, None) or (plo, phi) == (None, None):
        return (glo, ghi) == (plo, phi)
    g = (float(glo if glo is not None else 0), float(ghi) if ghi is not None else float("inf"))  # type: ignore[arg-type]
    p = (float(plo if plo is not None else 0), float(phi) if phi is not None else float("inf"))
    return g[0] <= p[1] and p[0] <= g[1]


def label(p: Pair, gold: Mapping[tuple[str, str], Sequence[Mapping[str, object]]]) -> str:
    """The kind of the gold claim of the pair's sentence with its subject and an overlapping figure, else "none"."""
    for g in gold.get((p.source, p.sentence), []):
        if g["subject"] == p.subject and overlaps(g, figures_of(p)):
            return str(g["kind"])
    return "none"


def training_pairs(corpus: Sequence[Mapping[str, object]], claims: Sequence[Mapping[str, object]]
                   ) -> tuple[list[Pair], list[str]]:
    """The pairs of annotated reports (`id`, `text`) and their labels from the gold claims (tests/gold layout)."""
    by_sentence: dict[tuple[str, str], list[Mapping[str, object]]] = {}
    for g in claims:
        by_sentence.setdefault((str(g["source"]), str(g["quote"])), []).append(g)
    pairs = [p for doc in corpus for p in candidates(str(doc["text"]), str(doc["id"]), _date(doc.get("date")))]
    return pairs, [label(p, by_sentence) for p in pairs]


def _date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


@cache
def _entries() -> dict[str, Entry]:
    """A gazetteer entry per subject code (for the claims the second pass adds)."""
    return {e.subject: e for e in gazetteer()[1].values() if e.subject and e.role in ("name", "org", "code")}


@cache
def _names() -> dict[str, str]:
    """A readable name per subject code: its first 'name' form in the gazetteer (else the code)."""
    names: dict[str, str] = {}
    for form, entry in gazetteer()[1].items():
        if entry.subject and entry.role in ("name", "org") and entry.subject not in names:
            names[entry.subject] = form
    return names


def marked(p: Pair, previous: str) -> tuple[str, str]:
    """The model's two segments for a pair: "subject ; figure ; origin" and the sentence with the subject's names
    in [ ] and the figure in << >>, then the sentence before (cut first when too long)."""
    cuts = [(a, "[") for a, _ in p.spans] + [(b, "]") for _, b in p.spans]
    if p.figure is not None:
        cuts += [(p.figure.start, "<<"), (p.figure.end, ">>")]
    text = p.sentence
    for at, mark in sorted(cuts, key=lambda c: c[0], reverse=True):
        text = text[:at] + f" {mark} " + text[at:]
    head = f"{_names().get(p.subject, p.subject)} ; {p.figure.text if p.figure else 'no figure'} ; {p.origin}"
    return head, " ".join(text.split()) + " | " + previous


def segments(pairs: Sequence[Pair]) -> list[tuple[str, str]]:
    """`marked` for each pair, with the sentence before it in its report."""
    return [marked(p, p.previous) for p in pairs]


#: Between the sentence and the one before in a `SpanInput`'s text (as in `marked`'s second segment).
JOINT = " | "


@dataclass(frozen=True)
class SpanInput:
    """A pair as the span model reads it: a text shared by every pair of its sentence (the sentence, `JOINT`, the
    sentence before), where the subject is named in it (the sentence's names, else the one before's; none for an
    organization named elsewhere in the report), where the figure is (none for a figure-less pair) and the origin's
    index in `ORIGINS`."""

    text: str
    subject: tuple[tuple[int, int], ...]
    figure: tuple[int, int] | None
    origin: int


def span_inputs(pairs: Sequence[Pair]) -> list[SpanInput]:
    """`SpanInput` for each pair: offsets in the sentence as they are, in the sentence before shifted past the
    sentence and `JOINT`."""
    before: dict[str, list[tuple[str, Entry, int, int]]] = {}
    out = []
    for p in pairs:
        spans = p.spans
        if not spans and p.origin == "previous":
            if p.previous not in before:
                before[p.previous] = _mentions(p.previous)
            shift = len(p.sentence) + len(JOINT)
            spans = tuple((a + shift, b + shift) for s, _, a, b in before[p.previous] if s == p.subject)
        figure = None if p.figure is None else (p.figure.start, p.figure.end)
        out.append(SpanInput(p.sentence + JOINT + p.previous, spans, figure, ORIGINS.index(p.origin)))
    return out


def scored(pairs: Sequence[Pair], probabilities: Sequence[Sequence[float]]) -> list[dict]:
    """Each pair as a row with the model's probabilities over LABELS (JSON-ready)."""
    return [{"source": p.source, "subject": p.subject, **figures_of(p), "quote": p.sentence,
             "at": [p.index, p.figure.start if p.figure else None], "host": p.host,
             "probs": [round(float(x), 5) for x in prob]}
            for p, prob in zip(pairs, probabilities, strict=True)]


def decode(rows_in: Sequence[Mapping[str, object]], none_max: float = NONE_MAX) -> list[dict]:
    """Claims from scored pairs: P(none) at most `none_max`; one subject per figure; no figure-less twin."""
    rows = []
    for r in rows_in:
        prob: Sequence[float] = r["probs"]  # type: ignore[assignment]
        if prob[0] > none_max:
            continue
        kind = max(range(1, len(LABELS)), key=lambda k: prob[k])
        at: Sequence[int | None] = r["at"]  # type: ignore[assignment]
        rows.append({**{k: v for k, v in r.items() if k != "probs"}, "kind": LABELS[kind], "p": 1 - prob[0],
                     "at": (at[0], at[1])})
    best: dict[tuple, dict] = {}  # type: ignore[type-arg]
    for r in rows:
        key = (r["source"], r["at"]) if r["at"][1] is not None else (r["source"], r["at"], r["subject"], r["kind"])
        if key not in best or r["p"] > best[key]["p"]:
            best[key] = r
    with_figure = {(r["source"], r["at"][0], r["subject"]) for r in best.values() if r["at"][1] is not None}
    return [r for r in best.values() if r["at"][1] is not None or (r["source"], r["at"][0], r["subject"]) not in with_figure]


def second_pass(rules: Sequence[Mapping[str, object]], model: Sequence[Mapping[str, object]],
                add_min: float = ADD_MIN) -> list[dict]:
    """The model's claims, when likely enough, for subjects and figures the rules left out of their sentence; never
    for a country the report's force goes to (on dev-1501..2020, 3 of 17 such additions were right)."""
    subjects = {(r["source"], r["quote"], r["subject"]) for r in rules}
    figures = {(r["source"], r["quote"], r["low"], r["high"]) for r in rules if (r["low"], r["high"]) != (None, None)}
    return [dict(m) for m in model if float(m["p"]) >= add_min  # type: ignore[arg-type]
            and m["kind"] in _ADDABLE and not m.get("host") and (m["source"], m["quote"], m["subject"]) not in subjects
            and ((m["low"], m["high"]) == (None, None) or (m["source"], m["quote"], m["low"], m["high"]) not in figures)]


def _row_probs(rows: Sequence[Mapping[str, object]]) -> dict[tuple, Sequence[float]]:  # type: ignore[type-arg]
    """`scored` rows' probabilities by (source, quote, subject, low, high), the keys of a claim row."""
    return {(r["source"], r["quote"], r["subject"], r["low"], r["high"]): r["probs"] for r in rows}  # type: ignore[misc]


def _pair_probs(pairs: Sequence[Pair], probabilities: Sequence[Sequence[float]]) -> dict[tuple, Sequence[float]]:  # type: ignore[type-arg]
    """Pairs' probabilities by (sentence, subject, low, high), the keys of a `ProposedClaim`."""
    return {(p.sentence, p.subject, *figures_of(p).values()): prob for p, prob in zip(pairs, probabilities, strict=True)}


def vetoed(claims: Sequence[Mapping[str, object]], rows: Sequence[Mapping[str, object]],
           veto_min: float = VETO_MIN) -> list[dict]:
    """Rule claims (rows) without those whose pair the model finds no claim at all (P(none) >= `veto_min`); `rows`
    are `scored` pairs."""
    probs = _row_probs(rows)
    return [dict(c) for c in claims if not _vetoed(probs.get((c["source"], c["quote"], c["subject"], c["low"],
                                                               c["high"])), veto_min)]  # type: ignore[arg-type]


def vetoed_claims(claims: Sequence[ProposedClaim], pairs: Sequence[Pair], probabilities: Sequence[Sequence[float]],
                  veto_min: float = VETO_MIN) -> list[ProposedClaim]:
    """A report's rule claims without those whose pair the model finds no claim at all (`vetoed`)."""
    probs = _pair_probs(pairs, probabilities)
    return [c for c in claims if not _vetoed(probs.get((c.quote, c.subject, c.low, c.high)), veto_min)]


def _vetoed(probabilities: Sequence[float] | None, veto_min: float) -> bool:
    return probabilities is not None and float(probabilities[0]) >= veto_min


def learned_kind(kind: str, probabilities: Sequence[float], kind_min: float = KIND_MIN) -> str | None:
    """The model's kind for a rule claim of `kind` when it is another one and likely enough given that the pair is a
    claim (P(kind) / (1 - P(none)) at least `kind_min`), else None."""
    best = max(range(1, len(LABELS)), key=lambda k: probabilities[k])
    new, claim = LABELS[best], 1 - float(probabilities[0])
    if new != kind and new in _ADDABLE and kind in _RELABELLED and claim > 0 and probabilities[best] >= kind_min * claim:
        return new
    return None


def relabelled(claims: Sequence[Mapping[str, object]], rows: Sequence[Mapping[str, object]],
               kind_min: float = KIND_MIN) -> list[dict]:
    """Rule claims (rows) with the model's kind where `learned_kind` gives one; `rows` are `scored` pairs."""
    probs = _row_probs(rows)
    out = []
    for c in claims:
        prob: Sequence[float] | None = probs.get((c["source"], c["quote"], c["subject"], c["low"], c["high"]))  # type: ignore[assignment]
        new = learned_kind(str(c["kind"]), prob, kind_min) if prob is not None else None
        out.append({**c, "kind": new} if new else dict(c))
    return out


def relabelled_claims(claims: Sequence[ProposedClaim], pairs: Sequence[Pair], probabilities: Sequence[Sequence[float]],
                      kind_min: float = KIND_MIN) -> list[ProposedClaim]:
    """A report's rule claims with the model's kind where `learned_kind` gives one: such a claim's trigger says so
    ("learned kind; rules: pledge") and its confidence drops to the learned pass's."""
    probs = _pair_probs(pairs, probabilities)
    out = []
    for c in claims:
        prob = probs.get((c.quote, c.subject, c.low, c.high))
        new = learned_kind(c.kind, prob, kind_min) if prob is not None else None
        if new is None:
            out.append(c)
            continue
        appointment = None
        if new == "command":
            appointment = "considered" if rules.CONSIDERED.search(c.quote.lower()) else "decided"
        out.append(replace(c, kind=new, trigger=f"learned kind; rules: {c.kind}", appointment=appointment,
                           tasks=c.tasks if new in extractor._TASK_KINDS else (),
                           confidence=min(c.confidence, extractor._CONFIDENCE["learned"])))
    return out


def learned_claims(text: str, published: date, rules: Sequence[ProposedClaim], pairs: Sequence[Pair],
                   probabilities: Sequence[Sequence[float]], *, none_max: float = NONE_MAX,
                   add_min: float = ADD_MIN) -> list[ProposedClaim]:
    """The claims the model adds to the rules' claims of one report (its pairs from `candidates(text)`)."""
    source = pairs[0].source if pairs else ""
    rule_rows = [{"source": source, "quote": c.quote, "subject": c.subject, "low": c.low, "high": c.high}
                 for c in rules]
    added = second_pass(rule_rows, decode(scored(pairs, probabilities), none_max), add_min)
    by_at = {(p.index, p.figure.start if p.figure else None, p.subject): p for p in pairs}
    entries = _entries()
    out = []
    for row in added:
        p = by_at[(row["at"][0], row["at"][1], row["subject"])]
        entry = entries.get(p.subject)
        if entry is None:
            continue
        a, b = p.spans[0] if p.spans else (0, 0)
        mention = extractor._Mention(start=a, end=b, text=p.sentence[a:b] or _names().get(p.subject, p.subject),
                                     entry=entry, agent=True)
        out.append(extractor._claim(text, p.offset, p.offset + len(p.sentence), p.sentence, (0, len(p.sentence)),
                                    mention, row["kind"], p.figure, False, False, published, "learned", "learned",
                                    None))
    return out
