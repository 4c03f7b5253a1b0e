"""Ninth round of general rules (stop 27, 2026-12-07), on sentences written for these tests, not taken from reports.

- "N soldiers from A and M from B": when two or more figures of a sentence each name the country they come from,
  each figure is its own country's, whoever the verb belongs to; a single "from" may be a place left
  ("withdrew 500 troops from Mali"), and a withdrawal's "from" always is, so those keep the verb's subject.
"""

from __future__ import annotations

from datetime import date

from stabforce.engines.extract import extract

DAY = date(2019, 5, 14)


def claims(text: str) -> set[tuple[str, str, int | None]]:
    return {(c.subject, c.kind, c.low) for c in extract(text, published=DAY)}


def test_each_figure_takes_the_country_it_comes_from() -> None:
    got = claims("On Tuesday 400 soldiers from Benin and 150 from Togo landed at the airport.")
    assert {("BEN", "arrival", 400), ("TGO", "arrival", 150)} <= got
    assert ("TGO", "arrival", 400) not in got


def test_each_figure_takes_its_origin_even_when_another_sends_them() -> None:
    got = claims("The United Nations will send 600 troops from Ghana and 90 police officers from Senegal to the region.")
    assert {("GHA", "pledge", 600), ("SEN", "pledge", 90)} <= got


def test_a_withdrawal_from_two_places_stays_with_who_withdraws() -> None:
    got = claims("Chad withdrew 500 troops from Mali and 300 from Niger last year.")
    assert {("TCD", "reduction_or_withdrawal", 500), ("TCD", "reduction_or_withdrawal", 300)} <= got
    assert not {s for s, _, _ in got} & {"MLI", "NER"}


def test_a_single_figure_from_a_place_stays_with_the_verbs_subject() -> None:
    got = claims("Kenya moved 300 troops from Somalia to its border.")
    assert "SOM" not in {s for s, _, _ in got}
