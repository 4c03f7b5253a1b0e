"""The learned second pass without its model (engines/extract/pairs.py): candidates, labels, the model's text,
decoding, the second pass and the claims it adds. Probabilities here are written by hand; the model itself is
exercised in tests/integration/test_pair_model.py."""

from __future__ import annotations

import json
from datetime import date

from stabforce.engines.extract import claim_row, extract, pairs

TEXT = ("Chad will send 400 soldiers to the AU mission. It may add more troops later. The talks ended. "
        "Niger declined to send troops.")
DAY = date(2025, 6, 2)


def _probs(pair_list, rule):  # type: ignore[no-untyped-def]
    """A probability row per pair: `rule(pair)` gives (label, p) or None for "none"."""
    rows = []
    for p in pair_list:
        row = [0.0] * len(pairs.LABELS)
        got = rule(p)
        if got is None:
            row[0] = 1.0
        else:
            row[pairs.LABELS.index(got[0])], row[0] = got[1], 1 - got[1]
        rows.append(row)
    return rows


def test_candidates_pair_each_subject_with_each_figure_and_none() -> None:
    found = pairs.candidates(TEXT, "dev-001")
    first = {(p.subject, p.origin, p.figure.low if p.figure else None) for p in found if p.index == 0}
    assert ("TCD", "sentence", 400) in first and ("TCD", "sentence", None) in first
    # the sentence after names nobody: Chad comes from the sentence before, with no figure to pair
    second = {(p.subject, p.origin, p.figure) for p in found if p.index == 1}
    assert ("TCD", "previous", None) in second
    # a sentence with no force or personnel word has no pairs; offsets point into the report
    assert not any(p.index == 2 for p in found)
    fourth = next(p for p in found if p.index == 3)
    assert TEXT[fourth.offset:fourth.offset + len(fourth.sentence)] == fourth.sentence == "Niger declined to send troops."


def test_labels_come_from_the_gold_claim_of_the_sentence() -> None:
    found = pairs.candidates(TEXT, "dev-001")
    gold = {("dev-001", "Chad will send 400 soldiers to the AU mission."): [
        {"subject": "TCD", "kind": "pledge", "low": 400, "high": 400}]}
    labels = {(p.subject, p.figure.low if p.figure else None, p.index): pairs.label(p, gold) for p in found}
    assert labels[("TCD", 400, 0)] == "pledge"
    assert labels[("TCD", None, 0)] == "none"  # the gold claim has a figure
    assert labels[("TCD", None, 1)] == "none"


def test_training_pairs_label_a_corpus() -> None:
    corpus = [{"id": "dev-001", "text": TEXT}]
    claims = [{"source": "dev-001", "quote": "Niger declined to send troops.", "subject": "NER", "kind": "pledge",
               "low": None, "high": None}]
    found, labels = pairs.training_pairs(corpus, claims)
    assert len(found) == len(labels)
    assert {(p.subject, p.index) for p, lab in zip(found, labels, strict=True) if lab != "none"} == {("NER", 3)}


def test_segments_mark_the_subject_and_figure_and_carry_the_sentence_before() -> None:
    found = pairs.candidates("Earlier words. Chad will send 400 soldiers to the mission.", "d")
    with_figure = next(p for p in found if p.subject == "TCD" and p.figure is not None)
    head, body = pairs.marked(with_figure, "Earlier words.")
    assert head.endswith("; 400 soldiers ; sentence")
    assert body == "[ Chad ] will send << 400 soldiers >> to the mission. | Earlier words."
    head, body = pairs.marked(next(p for p in found if p.subject == "TCD" and p.figure is None), "")
    assert "no figure" in head and "<<" not in body and body.startswith("[ Chad ]")
    assert [b.split(" | ")[1] for _, b in pairs.segments(found) if "Chad" in b] == ["Earlier words."] * 2


def test_decode_keeps_one_subject_per_figure_and_drops_a_figureless_twin() -> None:
    found = pairs.candidates("Chad and Niger will send 400 soldiers.", "d")
    probs = _probs(found, lambda p: ("pledge", 0.9 if p.subject == "TCD" else 0.6) if p.figure else ("pledge", 0.8))
    claims = {(c["subject"], c["kind"], c["low"]) for c in pairs.decode(pairs.scored(found, probs), none_max=0.7)}
    assert claims == {("TCD", "pledge", 400), ("NER", "pledge", None)}


def test_scored_pairs_survive_a_json_round_trip() -> None:
    found = pairs.candidates("Chad and Niger will send 400 soldiers.", "d")
    rows = pairs.scored(found, _probs(found, lambda p: ("pledge", 0.9) if p.subject == "TCD" and p.figure else None))
    again = [json.loads(json.dumps(r)) for r in rows]
    assert pairs.decode(again) == pairs.decode(rows)
    assert [(c["subject"], c["low"]) for c in pairs.decode(again)] == [("TCD", 400)]


def test_the_second_pass_adds_only_what_the_rules_left_out() -> None:
    rules = [{"source": "d", "quote": "q", "subject": "TCD", "kind": "pledge", "low": 400, "high": 400}]
    model = [{"source": "d", "quote": "q", "subject": "TCD", "kind": "arrival", "low": 400, "high": 400, "p": 0.9},
             {"source": "d", "quote": "q", "subject": "NER", "kind": "pledge", "low": 400, "high": 400, "p": 0.9},
             {"source": "d", "quote": "q", "subject": "MLI", "kind": "pledge", "low": None, "high": None, "p": 0.9},
             {"source": "d", "quote": "q", "subject": "BEN", "kind": "other", "low": None, "high": None, "p": 0.9},
             {"source": "d", "quote": "q", "subject": "TGO", "kind": "pledge", "low": None, "high": None, "p": 0.3}]
    added = [r["subject"] for r in pairs.second_pass(rules, model, add_min=0.5)]
    assert added == ["MLI"]  # Chad is the rules' already, 400 is Chad's, "other" is no kind, Togo is below the bar


def test_learned_claims_are_full_claims_below_every_rules_confidence() -> None:
    text = "The summit ended. Senegal is studying the request, and 300 Senegalese soldiers could follow."
    rules = extract(text, published=DAY)
    found = pairs.candidates(text, "r")
    probs = _probs(found, lambda p: ("consideration", 0.9) if p.subject == "SEN" and p.figure else None)
    added = pairs.learned_claims(text, DAY, [], found, probs)
    assert [(c.subject, c.kind, c.low, c.personnel, c.trigger) for c in added] == [
        ("SEN", "consideration", 300, "troops", "learned")]
    (claim,) = added
    assert text[claim.start:claim.end] == claim.quote and claim.quote.startswith("Senegal is studying")
    assert claim.confidence < min([0.45, *(c.confidence for c in rules)])
    row = claim_row(claim, "r")
    assert len(row) == 23 and row["quantity_text"] == "300 Senegalese soldiers" and row["as_of"] == "2025-06-02"


def test_learned_claims_skip_what_the_rules_claim() -> None:
    text = "Senegal will send 300 soldiers."
    rules = extract(text, published=DAY)
    assert [(c.subject, c.low) for c in rules] == [("SEN", 300)]
    found = pairs.candidates(text, "r")
    probs = _probs(found, lambda p: ("arrival", 0.95))
    assert pairs.learned_claims(text, DAY, rules, found, probs) == []


def _figures_of(text: str, subject: str) -> list[tuple[str, int | None]]:
    return [(p.figure.text, p.figure.low) for p in pairs.candidates(text, "r") if p.subject == subject and p.figure]


def test_any_other_count_is_a_candidate_figure_but_not_years_shares_or_money() -> None:
    text = ("Kenya: the 217 join the 400 already there since 2024, for 12 months, at a cost of $20 million, 5% more, "
            "in the 3rd battalion, with 35.5 tonnes and 1,200,000 rounds.")
    assert _figures_of(text, "KEN") == [("217", 217), ("400", 400), ("battalion", 500), ("1,200,000", 1200000)]
    # counts in words, which the rules' reading leaves out without a personnel noun
    assert _figures_of("Six members of the Royal Bahamas Defence Force departed for Haiti.", "BHS") == [("Six", 6)]
    assert _figures_of("Fiji offered troops.", "FJI") == []  # no count, only the figure-less pair


def test_a_unit_named_without_a_count_is_one_unit() -> None:
    found = [p.figure for p in pairs.candidates("The Rwandan battalion and a company-strength Irish unit deployed, "
                                                 "with two brigades.", "r") if p.subject == "RWA" and p.figure]
    assert [(f.text, f.low, f.high, f.approx) for f in found] == [
        ("battalion", 500, 1000, True), ("company", 100, 200, True), ("two brigades", 6000, 10000, False)]
    # a unit the rules counted is not read again alone
    assert len([p for p in pairs.candidates("Ghana sent a battalion of peacekeepers.", "r") if p.figure]) == 1


def test_a_country_written_in_capitals_is_a_subject() -> None:
    found = pairs.candidates("FIJI - Offered troops. BANGLADESH: 300 police. NATO - no reply.", "r")
    named = {(p.index, p.subject) for p in found if p.origin == "sentence"}
    assert {(0, "FJI"), (1, "BGD"), (2, "NATO")} <= named
    assert sum(1 for p in found if p.index == 2 and p.subject == "NATO" and p.figure is None) == 1  # not twice
    assert next(p.spans for p in found if p.index == 0 and p.subject == "FJI") == ((0, 4),)


def test_a_sentence_without_a_force_word_is_read_when_it_names_someone() -> None:
    # after a sentence with a force word, or not ("Rwanda: considering." in a list of answers): of the 288 dev
    # sentences that named someone and were skipped before stop 32, 130 held a gold claim of a subject they name
    text = "Four countries have sent troops. These are Angola, Botswana and Malawi. The talks ended. Rwanda: considering."
    found = pairs.candidates(text, "r")
    assert {(p.index, p.subject) for p in found} == {(1, "AGO"), (1, "BWA"), (1, "MWI"), (3, "RWA")}
    # a sentence naming nobody is read only for a force word, whoever the one before named
    assert not any(p.index == 2 for p in found)


def test_with_its_date_a_report_s_mission_is_a_subject_even_when_it_is_only_the_force() -> None:
    text = "SADC troops arrived in Mozambique last week. The regional force now numbers about 2,000."
    in_2022 = pairs.candidates(text, "r", date(2022, 3, 1))
    dated = {(p.subject, p.origin, p.figure.low if p.figure else None) for p in in_2022}
    assert ("SAMIM", "report", 2000) in dated
    assert not any(p.subject == "SAMIM" for p in pairs.candidates(text, "r"))  # undated: no mission inferred
    # before the mission existed (2021-2024), the same words name none
    assert not any(p.subject == "SAMIM" for p in pairs.candidates(text, "r", date(2019, 3, 1)))


def test_the_second_pass_adds_nothing_for_a_country_the_force_goes_to() -> None:
    text = "French troops arrived in Rwanda on Friday to end the massacres. Senegal sent 300 soldiers to Rwanda."
    found = pairs.candidates(text, "r")
    assert {p.subject for p in found if p.host} == {"RWA"}
    assert not any(p.host for p in found if p.subject in ("FRA", "SEN"))
    probs = _probs(found, lambda p: ("arrival", 0.9) if p.figure is None and p.index == 0 else None)
    rows = pairs.decode(pairs.scored(found, probs))
    assert {r["subject"] for r in rows} == {"FRA", "RWA"}  # the model may read Rwanda as a subject ...
    assert [r["subject"] for r in pairs.second_pass([], rows)] == ["FRA"]  # ... the second pass does not add it


def _row(**probs: float) -> list[float]:
    row = [0.0] * len(pairs.LABELS)
    for label, p in probs.items():
        row[pairs.LABELS.index(label)] = p
    return row


def test_the_model_changes_a_rule_kind_only_for_another_kind_it_is_sure_of() -> None:
    assert pairs.learned_kind("pledge", _row(none=0.1, arrival=0.85)) == "arrival"
    # Sure of the kind given a claim (0.45 / 0.5 = 0.9), though not of the claim: the veto judges that, not the kind.
    assert pairs.learned_kind("pledge", _row(none=0.5, arrival=0.45, pledge=0.05)) == "arrival"
    assert pairs.learned_kind("pledge", _row(none=0.3, arrival=0.5, pledge=0.2)) is None  # 0.5 / 0.7 < KIND_MIN (0.8)
    assert pairs.learned_kind("pledge", _row(none=1.0)) is None  # no claim at all: no kind
    assert pairs.learned_kind("arrival", _row(arrival=0.95)) is None  # the same kind
    assert pairs.learned_kind("other", _row(reduction_or_withdrawal=0.9)) == "reduction_or_withdrawal"
    assert pairs.learned_kind("territory_control", _row(pledge=0.99)) is None  # a share keeps its kind
    assert pairs.learned_kind("pledge", _row(territory_control=0.99)) is None  # and none is made
    assert pairs.learned_kind("pledge", _row(none=0.9)) is None


def test_relabelled_rows_keep_everything_but_the_kind() -> None:
    claims = [{"source": "d", "quote": "q", "subject": "TCD", "kind": "pledge", "low": 400, "high": 400},
              {"source": "d", "quote": "q", "subject": "NER", "kind": "pledge", "low": None, "high": None}]
    rows = [{"source": "d", "quote": "q", "subject": "TCD", "low": 400, "high": 400, "probs": _row(arrival=0.9)},
            {"source": "d", "quote": "q", "subject": "NER", "low": 400, "high": 400, "probs": _row(arrival=0.9)}]
    assert pairs.relabelled(claims, rows) == [{**claims[0], "kind": "arrival"}, claims[1]]  # Niger's pair has a figure


def test_relabelled_claims_say_the_rules_kind_and_drop_to_the_learned_confidence() -> None:
    text = "The talks ended. Chad will send 400 soldiers to Mali, and may take a command post."
    rules = extract(text, published=DAY)
    assert [(c.subject, c.kind, c.low) for c in rules] == [("TCD", "pledge", 400)]
    found = pairs.candidates(text, "r")
    probs = [_row(none=0.05, command=0.95) if p.subject == "TCD" and p.figure else _row(none=1.0) for p in found]
    (claim,) = pairs.relabelled_claims(rules, found, probs)
    assert (claim.kind, claim.trigger, claim.appointment, claim.confidence) == (
        "command", "learned kind; rules: pledge", "considered", 0.35)
    assert claim.tasks == () and (claim.quote, claim.low, claim.start) == (rules[0].quote, 400, rules[0].start)
    unsure = [_row(none=0.3, command=0.5, pledge=0.2) if p.subject == "TCD" and p.figure else _row(none=1.0) for p in found]
    assert pairs.relabelled_claims(rules, found, unsure) == rules


def test_the_model_vetoes_a_rule_claim_only_when_it_is_sure_there_is_none() -> None:
    claims = [{"source": "d", "quote": "q", "subject": "TCD", "kind": "pledge", "low": 400, "high": 400},
              {"source": "d", "quote": "q", "subject": "NER", "kind": "pledge", "low": None, "high": None},
              {"source": "d", "quote": "q", "subject": "MLI", "kind": "arrival", "low": None, "high": None}]
    rows = [{"source": "d", "quote": "q", "subject": "TCD", "low": 400, "high": 400, "probs": _row(none=0.85)},
            {"source": "d", "quote": "q", "subject": "NER", "low": None, "high": None, "probs": _row(none=0.75)}]
    # Chad's pair is a claim for nobody (0.85 >= VETO_MIN); Niger's not surely (0.75); Mali's pair was not read
    assert pairs.vetoed(claims, rows) == claims[1:]
    assert pairs.vetoed(claims, rows, veto_min=0.9) == claims


def test_vetoed_claims_drop_the_rule_claim_and_free_its_subject_for_the_model() -> None:
    text = "The talks ended. Chad will send 400 soldiers to Mali, and may take a command post."
    rules = extract(text, published=DAY)
    found = pairs.candidates(text, "r")
    sure_none = [_row(none=0.95) if p.subject == "TCD" and p.figure else _row(none=1.0) for p in found]
    assert pairs.vetoed_claims(rules, found, sure_none) == []
    unsure = [_row(none=0.6, pledge=0.4) if p.subject == "TCD" and p.figure else _row(none=1.0) for p in found]
    assert pairs.vetoed_claims(rules, found, unsure) == rules


class _Stub:
    """A model that gives each pair the probabilities `fn(pair)` (`read`, what `read_claims` calls on a `PairModel`)."""

    def __init__(self, found: list, fn) -> None:  # type: ignore[no-untyped-def]
        self._probs = {pairs.marked(p, p.previous): fn(p) for p in found}

    def read(self, found: list) -> list:  # type: ignore[type-arg]
        return [self._probs[pairs.marked(p, p.previous)] for p in found]


def test_read_claims_drops_a_vetoed_rule_claim_and_lets_the_model_give_that_subject_its_own() -> None:
    from stabforce.services.pair_model import read_claims

    text = "The talks ended. Chad will send 400 soldiers to Mali, and may take a command post."
    found = pairs.candidates(text, published=DAY)
    # the rules' pledge of 400 is no claim for the model; Chad without a figure is a consideration
    model = _Stub(found, lambda p: _row(none=0.9) if p.subject == "TCD" and p.figure else
                  _row(none=0.2, consideration=0.8) if p.subject == "TCD" else _row(none=1.0))
    read = read_claims(text, DAY, model)  # type: ignore[arg-type]
    assert [(c.subject, c.kind, c.low, c.trigger) for c in read] == [("TCD", "consideration", None, "learned")]
    assert [(c.subject, c.kind, c.low) for c in read_claims(text, DAY)] == [("TCD", "pledge", 400)]


def test_grouped_batches_hold_every_pair_once_in_batches_of_like_length() -> None:
    import random

    from stabforce.services.pair_model import grouped_batches

    rng = random.Random(3)
    lengths = [rng.randrange(20, 300) for _ in range(1000)]
    order = list(range(1000))
    rng.shuffle(order)
    batches = grouped_batches(order, lengths, 32, 10, random.Random(0))
    assert sorted(k for b in batches for k in b) == list(range(1000))
    assert all(1 <= len(b) <= 32 for b in batches) and len(batches) == 32
    padded = sum(len(b) * max(lengths[k] for k in b) for b in batches)
    plain = sum(len(order[i:i + 32]) * max(lengths[k] for k in order[i:i + 32]) for i in range(0, 1000, 32))
    assert padded < 0.8 * plain  # like lengths: far less padding than the same pairs in random batches
    # the same seed makes the same batches; another seed shuffles them otherwise
    assert grouped_batches(order, lengths, 32, 10, random.Random(0)) == batches
    assert grouped_batches(order, lengths, 32, 10, random.Random(1)) != batches


def test_grouped_batches_refuse_an_empty_batch_size() -> None:
    import random

    import pytest

    from stabforce.services.pair_model import grouped_batches

    with pytest.raises(ValueError, match="at least 1"):
        grouped_batches([0, 1], [5, 6], 0, 10, random.Random(0))


def test_span_inputs_share_a_text_per_sentence_and_find_the_subject_in_the_sentence_before() -> None:
    found = pairs.candidates("Kenya and Chad met on Monday. They will send 400 soldiers to the mission.", "d")
    inputs = pairs.span_inputs(found)
    second = [(p, x) for p, x in zip(found, inputs, strict=True) if p.index == 1]
    assert second and {x.text for _, x in second} == {
        "They will send 400 soldiers to the mission. | Kenya and Chad met on Monday."}
    for p, x in second:
        assert p.origin == "previous" and x.origin == pairs.ORIGINS.index("previous")
        names = {x.text[a:b] for a, b in x.subject}
        assert names == ({"Kenya"} if p.subject == "KEN" else {"Chad"} if p.subject == "TCD" else names)
        assert x.figure is None if p.figure is None else x.text[x.figure[0]:x.figure[1]] == "400 soldiers"
    assert {p.subject for p, _ in second} >= {"KEN", "TCD"}


def test_span_inputs_point_at_the_names_in_the_sentence_and_none_for_an_organization_named_elsewhere() -> None:
    found = pairs.candidates("The UN mission is short of troops. Ghana will send 200 police officers to UNMISS.", "d")
    inputs = pairs.span_inputs(found)
    ghana = [x for p, x in zip(found, inputs, strict=True) if p.subject == "GHA" and p.index == 1]
    assert ghana and all([x.text[a:b] for a, b in x.subject] == ["Ghana"] for x in ghana)
    assert all(x.origin == 0 for x in ghana)
    report_wide = [x for p, x in zip(found, inputs, strict=True) if p.origin == "report"]
    assert all(x.subject == () and x.origin == pairs.ORIGINS.index("report") for x in report_wide)


def test_the_experiment_says_why_each_claim_was_missed_or_made() -> None:
    from tests.scripts import load_script

    why = load_script("pair_model_experiment").why
    one, two = "Alpha will send 100 troops and Beta may help.", "Gamma sent 200 soldiers, Delta its police."

    def row(subject: str, kind: str, low: int | None, quote: str) -> dict:
        return {"source": "r", "subject": subject, "kind": kind, "low": low, "high": low, "quote": quote}

    gold = [row("A", "pledge", 100, one), row("B", "consideration", None, one), row("C", "arrival", 200, two),
            row("D", "arrival", None, two)]
    # the pairs the claims came from: none for B (say the gazetteer missed it)
    found = [row("A", "none", 100, one), row("C", "none", 200, two), row("C", "none", None, two),
             row("D", "none", None, two), row("E", "none", None, one), row("A", "none", None, two)]
    claims = [row("A", "arrival", 100, one),  # the right pair, another kind
              row("C", "arrival", None, two),  # C's kind, without its figure
              row("E", "pledge", None, one),  # nobody the gold has in the report
              row("A", "pledge", None, two)]  # A, but in a sentence where the gold gives A nothing
    misses, extras = why(gold, claims, found)
    assert misses == {"the right pair, another kind": 1,
                      "no pair for it (subject or figure not found in its sentence)": 1,
                      "its subject and kind claimed with another figure or none": 1,
                      "its pair read as no claim (or another subject given the figure)": 1}
    assert extras == {"the right pair, another kind": 1,
                      "a subject of its sentence's gold, another figure or kind": 1,
                      "a subject the report's gold does not have": 1,
                      "a subject the gold gives elsewhere in the report": 1}
    assert why(gold, gold, found) == ({}, {})  # a perfect extraction has nothing to explain
