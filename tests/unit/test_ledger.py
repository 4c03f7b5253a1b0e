"""The fact, its validation and the hash chain, without a database."""

from __future__ import annotations

from dataclasses import replace

import pytest

from stabforce.errors import InvalidFact
from stabforce.ledger import GENESIS, Fact, parse_fact, verify_chain
from tests.builders import T0, fact_input


def chain(n: int) -> list[Fact]:
    facts, prev = [], GENESIS
    for i in range(1, n + 1):
        fact = parse_fact(fact_input(id=f"f{i}")).record(recorded_at=T0, recorded_by="t", seq=i, prev_hash=prev)
        facts.append(fact)
        prev = fact.hash
    return facts


def test_a_chain_of_untouched_facts_verifies():
    report = verify_chain(chain(5))
    assert report.ok and report.checked == 5 and report.head == chain(5)[-1].hash


def test_editing_a_payload_breaks_the_chain_at_that_fact():
    facts = chain(5)
    edited = dict(facts[2].payload, personnel={"low": 9999, "high": 9999})
    facts[2] = replace(facts[2], payload=edited)
    report = verify_chain(facts)
    assert not report.ok
    assert (report.broken_seq, report.broken_id, report.checked) == (3, "f3", 2)
    assert "does not match its hash" in report.reason


def test_a_removed_fact_breaks_the_numbering():
    facts = chain(4)
    del facts[1]
    report = verify_chain(facts)
    assert not report.ok and report.broken_id == "f3" and "expected position 2" in report.reason


def test_rehashing_an_edited_fact_still_breaks_the_next_link():
    facts = chain(3)
    forged = replace(facts[1], quote="words nobody said")
    facts[1] = replace(forged, hash=forged.compute_hash())
    report = verify_chain(facts)
    assert report.broken_id == "f3" and "previous-hash link" in report.reason


def test_hash_is_deterministic_and_export_round_trips():
    fact = chain(1)[0]
    again = Fact.from_json(fact.to_json())
    assert again == fact and again.compute_hash() == fact.hash


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"kind": "rumour"}, "kind", "unknown kind 'rumour'"),
    ({"payload": {"personnel": {"low": -5, "high": 10}}}, "payload.personnel.low", "must be at least 0 (was -5)"),
    ({"payload": {"personnel": {"low": 20, "high": 10}}}, "payload.personnel", "low (20) is greater than high (10)"),
    ({"valid_from": "2025-02-30"}, "valid_from", "'2025-02-30' is not a date"),
    ({"subject": "contributor:ZZZ"}, "subject", "unknown country code 'ZZZ'"),
    ({"subject": "idn"}, "subject", "must look like contributor:NAME"),
    ({"grade": "G9"}, "grade", "grade is source reliability"),
    ({"payload": {"personnel": {"low": 1}, "tasks": ["juggling"]}}, "payload.tasks.0", "'juggling' is not one of: demilitarization"),
    ({"payload": {"personnel": {"low": 1}, "colour": "red"}}, "payload.colour", "unknown field"),
    ({"payload": {"personnel": {}}}, "payload.personnel", "give low, high or the text"),
    ({"valid_to": "2025-01-01"}, "valid_to", "before valid_from"),
    ({"id": "f1", "supersedes": ["f1"]}, "supersedes", "cannot supersede itself"),
    ({"source": {"key": "x"}}, "source.date", "source.date: is required"),
])
def test_bad_input_is_refused_naming_the_field(change, field, words):
    with pytest.raises(InvalidFact) as err:
        parse_fact(fact_input(**change))
    assert err.value.details["field"] == field
    assert words in err.value.message


def test_a_ceiling_a_range_and_a_converted_unit_word_are_all_valid():
    ceiling = parse_fact(fact_input(payload={"personnel": {"high": 20000}}))
    assert ceiling.payload["personnel"]["low"] is None
    brigades = parse_fact(fact_input(payload={"personnel": {"low": 9000, "high": 15000, "conversion": {
        "count": 3, "unit": "brigade", "per_unit_low": 3000, "per_unit_high": 5000, "assumption": "a brigade is 3-5k"}}}))
    assert brigades.payload["personnel"]["conversion"]["count"] == 3


def test_a_conversion_that_does_not_add_up_is_refused():
    with pytest.raises(InvalidFact, match="count × per-unit"):
        parse_fact(fact_input(payload={"personnel": {"low": 9000, "high": 16000, "conversion": {
            "count": 3, "unit": "brigade", "per_unit_low": 3000, "per_unit_high": 5000, "assumption": "x"}}}))


def test_kosovo_is_accepted_by_its_user_assigned_code():
    assert parse_fact(fact_input(subject="contributor:XKX")).subject == "contributor:XKX"


def test_a_retraction_must_name_what_it_retracts():
    with pytest.raises(InvalidFact, match="must name the facts"):
        parse_fact(fact_input("retraction", payload={"reason": "wrong"}))


def test_known_from_after_recording_is_refused():
    draft = parse_fact(fact_input(known_from="2026-06-01"))
    with pytest.raises(InvalidFact, match="known_from is later"):
        draft.record(recorded_at=T0, recorded_by="t")
