"""A refused fact names every bad field at once, each in a plain sentence (no pydantic wording)."""

from __future__ import annotations

import re

import pytest

from stabforce.errors import InvalidFact
from stabforce.ledger import parse_fact

PYDANTIC = re.compile(r"Input should|String should|Field required|valid integer|List should|Value error",
                      re.IGNORECASE)
GOOD = {"kind": "stance", "subject": "contributor:IDN", "payload": {"stance": "committed"},
        "valid_from": "2026-03-01", "source": {"key": "notes.txt", "date": "2026-03-01"}, "grade": "B2"}


def refusal(**changes) -> InvalidFact:
    with pytest.raises(InvalidFact) as caught:
        parse_fact({**GOOD, **changes})
    return caught.value


def test_every_bad_field_is_reported_at_once():
    exc = refusal(subject="contributor:ZZZ", grade="Z9", valid_from="2026-13-01",
                  payload={"stance": "maybe", "caveats": ["no_such_caveat"], "colour": "red"})
    fields = [e["field"] for e in exc.details["errors"]]
    assert fields == ["valid_from", "grade", "subject", "payload.stance", "payload.caveats.0", "payload.colour"]
    assert exc.details["field"] == "valid_from"
    for error in exc.details["errors"]:
        assert error["message"] in exc.message and PYDANTIC.search(error["message"]) is None


@pytest.mark.parametrize(("changes", "message"), [
    ({"valid_from": "2026-02-31"}, "valid_from: '2026-02-31' is not a date (YYYY-MM-DD): the day value is outside"),
    ({"payload": {"stance": "maybe"}}, "payload.stance: 'maybe' is not one of: committed, conditional, considering"),
    ({"payload": {}}, "payload.stance: is required"),
    ({"source": {"key": "", "date": "2026-03-01"}}, "source.key: must not be empty"),
    ({"kind": "pledge", "payload": {"personnel": {"low": "many"}}}, "payload.personnel.low: 'many' is not a whole"),
    ({"kind": "zone_control", "subject": "zone:x", "payload": {"controlled_by": "IDF", "share_of_territory_pct": 120}},
     "payload.share_of_territory_pct: must be at most 100 (was 120)"),
    ({"kind": "milestone_verified", "subject": "milestone:m", "payload": {"verdict": "met", "verifier": "v",
                                                                          "evidence": []}},
     "payload.evidence: must list at least one item"),
    ({"payload": "committed"}, "payload: must be an object with named fields"),
])
def test_messages_are_plain_sentences_naming_the_field(changes, message):
    exc = refusal(**changes)
    assert message in exc.message
    assert PYDANTIC.search(exc.message) is None


def test_a_single_problem_keeps_the_one_field_shape():
    exc = refusal(grade="Z9")
    assert exc.details == {"field": "grade"}


@pytest.mark.parametrize("value", [0, 1, "yes", "true", None])
def test_paraphrase_takes_only_true_or_false(value):
    """The API's schema says boolean; 0, 1 or a word must not be read as one (schemathesis found 0 accepted)."""
    exc = refusal(source={"key": "notes.txt", "date": "2026-03-01", "paraphrase": value})
    assert exc.details["field"] == "source.paraphrase" and PYDANTIC.search(exc.message) is None
    assert parse_fact({**GOOD, "source": {"key": "notes.txt", "date": "2026-03-01", "paraphrase": True}}).source.paraphrase
