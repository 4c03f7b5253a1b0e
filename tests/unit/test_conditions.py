"""The milestone condition language: parsing, the errors it names, evaluation term by term."""

from __future__ import annotations

import math

import pytest

from stabforce.errors import InvalidFact
from stabforce.ledger import parse_fact
from stabforce.ledger.conditions import ConditionError, evaluate, parse_condition
from tests.builders import fact_input

EXAMPLE = ('isf.strength(sector="rafah") >= 3000 and registry.decommissioned("heavy") >= 0.8 * '
           'registry.declared("heavy") and police.deployed >= 2000 and days_without("serious_violation") >= 30')


def values(**by_name: float):
    return lambda metric: by_name[metric.name.replace(".", "_")]


def test_the_issue_example_parses_and_each_term_is_explained():
    condition = parse_condition(EXAMPLE)
    assert [m.name for m in condition.metrics()] == ["isf.strength", "registry.decommissioned", "registry.declared",
                                                      "police.deployed", "days_without"]
    assert condition.metrics()[0].arg("sector") == "rafah"
    result = evaluate(condition, values(isf_strength=1200, registry_decommissioned=50, registry_declared=100,
                                        police_deployed=2500, days_without=12))
    assert result.holds is False
    assert [(t.text, t.holds, t.shortfall) for t in result.terms] == [
        ('isf.strength(sector="rafah") >= 3000', False, 1800),
        ('registry.decommissioned("heavy") >= 0.8 * registry.declared("heavy")', False, 30),
        ("police.deployed >= 2000", True, 0),
        ('days_without("serious_violation") >= 30', False, 18),
    ]
    assert [t.text for t in result.failing] == [result.terms[0].text, result.terms[1].text, result.terms[3].text]


def test_precedence_parentheses_or_and_not():
    c = parse_condition("not (police.deployed < 10 or police.trained * 2 - 1 > 5 + 4 / 2)")
    assert evaluate(c, values(police_deployed=20, police_trained=3)).holds is True   # 5 > 7 is false
    assert evaluate(c, values(police_deployed=20, police_trained=5)).holds is False  # 9 > 7
    assert evaluate(c, values(police_deployed=5, police_trained=0)).holds is False
    assert evaluate(parse_condition("-police.deployed < -3"), values(police_deployed=4)).holds is True


def test_every_term_is_evaluated_even_when_the_answer_is_known():
    c = parse_condition("police.deployed > 1 and police.trained > 1 and police.vetted > 1")
    result = evaluate(c, values(police_deployed=0, police_trained=0, police_vetted=5))
    assert [t.holds for t in result.terms] == [False, False, True]


@pytest.mark.parametrize(("text", "column", "name", "words"), [
    ("police.deployd >= 3", 1, "police.deployd", "did you mean police.deployed"),
    ("police.deployed >= ", 20, None, "expected a number"),
    ("police.deployed >= 3 and", 25, None, "expected a number"),
    ('isf.strength(sector="mars") > 1', 22, "mars", "unknown sector 'mars'"),
    ("isf.strength(sector=rafah) > 1", 21, "sector", "quoted word"),
    ("isf.strength(place=\"rafah\") > 1", 14, "place", "no argument 'place'"),
    ("days_without() > 3", 1, "days_without", "needs its incident argument"),
    ("1 < 2 < 3", 7, "<", "cannot be chained"),
    ("police.deployed", 1, None, "must be a comparison"),
    ("police.deployed + (1 > 0) > 2", 17, "+", "needs numbers"),
    ("police.deployed > 1 and 3", 21, "and", "joins comparisons"),
    ('__import__("os").system("x") > 0', 1, "__import__", "unknown metric"),
    ("police.deployed >= 3; drop", 21, ";", "unexpected character"),
    ("(police.deployed >= 3", 22, None, "expected ')'"),
    ("", 1, None, "empty"),
])
def test_errors_name_the_column_and_the_culprit(text, column, name, words):
    with pytest.raises(ConditionError) as caught:
        parse_condition(text)
    assert caught.value.column == column
    assert caught.value.name == name
    assert words in str(caught.value)
    assert str(caught.value).endswith(f"at column {column}")


def test_a_milestone_with_a_bad_condition_is_refused_with_column_and_name():
    data = fact_input("milestone", "milestone:police-ready",
                      payload={"title": "Police ready", "condition": "police.deployed >= 2000 and polce.trained > 1"})
    with pytest.raises(InvalidFact) as caught:
        parse_fact(data)
    assert caught.value.details == {"field": "payload.condition", "column": 29, "name": "polce.trained"}
    assert "unknown metric 'polce.trained'" in caught.value.message


def test_unknown_values_are_neither_met_nor_a_number():
    result = evaluate(parse_condition("idf.share <= 40"), lambda m: float("nan"))
    assert result.holds is False
    assert result.terms[0].left != result.terms[0].left  # NaN stays NaN: the faces show "unknown"


def test_division_by_zero_does_not_crash():
    c = parse_condition("registry.decommissioned() / registry.declared() >= 0.5")
    assert evaluate(c, values(registry_decommissioned=0, registry_declared=0)).holds is False
    assert evaluate(c, values(registry_decommissioned=3, registry_declared=0)).holds is True


@pytest.mark.parametrize("text", ["police.deployed != 500", "not (police.deployed >= 500)", "police.deployed < 1",
                                  "police.deployed >= 500 or police.trained < 0",
                                  "not (police.deployed >= 500 and police.trained >= 0)"])
def test_a_condition_that_depends_on_an_unknown_metric_is_not_met(text):
    nan = float("nan")
    result = evaluate(parse_condition(text), values(police_deployed=nan, police_trained=0))
    assert result.holds is False
    unknown = [t for t in result.terms if any(math.isnan(v) for _, v in t.metrics)]
    assert unknown and all(not t.holds and math.isnan(t.shortfall) for t in unknown)


def test_an_unknown_term_does_not_spoil_what_the_known_ones_decide():
    nan = float("nan")
    assert evaluate(parse_condition("police.deployed >= 500 or police.trained >= 0"),
                    values(police_deployed=nan, police_trained=0)).holds is True
    assert evaluate(parse_condition("police.deployed >= 500 and police.trained >= 1"),
                    values(police_deployed=nan, police_trained=0)).holds is False
