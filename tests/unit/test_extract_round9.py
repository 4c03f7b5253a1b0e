"""Ninth round of general rules (stop 27, 2026-12-07), on sentences written for these tests, not taken from reports.

- "N soldiers from A and M from B": when two or more figures of a sentence each name the country they come from,
  each figure is its own country's, whoever the verb belongs to; a single "from" may be a place left
  ("withdrew 500 troops from Mali"), and a withdrawal's "from" always is, so those keep the verb's subject;
- troops "who now number more than 2,000" have that figure (a relative clause with the verb "number");
- bare counts that each name their origin ("seven from Peru, one from Norway") are figures, when two or more do;
- a breakdown by nationality (", of which 900 are Chilean and some 600 are Peruvian", "700 of whom will be
  Jamaican", "400 of them are from Kenya") gives each part to its country, and the whole to the force (or nobody),
  not to the named part; a breakdown by place keeps the whole with its owner;
- "left Feb. 3 for Lebanon", "left on Monday for Lebanon": a day between leaving and where to is still on the way
  in; "left a lasting impression" is no move at all;
- "with Zambia already contributing 240 officers": a contribution that is there now (as "is already contributing").
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


def test_troops_who_number_so_many_have_that_figure() -> None:
    got = claims("Rwandan soldiers, who now number more than 2,000, guard the northern towns.")
    assert any(s == "RWA" and low == 2000 for s, _, low in got)



def test_bare_counts_that_each_name_their_origin_are_figures() -> None:
    got = claims("The observers -- seven from Peru, one from Norway and three from Ghana -- reached the base on Friday.")
    assert {("PER", "arrival", 7), ("NOR", "arrival", 1), ("GHA", "arrival", 3)} <= got


def test_a_single_count_from_a_place_is_no_figure() -> None:
    got = claims("Two from Chad were hurt in 1995 when the convoy was attacked.")
    assert not any(low == 2 for _, _, low in got)


def test_a_breakdown_by_nationality_gives_each_part_to_its_country_and_not_the_whole() -> None:
    got = claims("The brigade has a total of 4,200 soldiers, of which 900 are Chilean and some 600 are Peruvian.")
    assert ("CHL", "arrival", 900) in got and any(s == "PER" and low == 600 for s, _, low in got)
    assert not any(low == 4200 and s in ("CHL", "PER") for s, _, low in got)


def test_a_part_of_whom_will_be_a_nationality_is_that_countrys() -> None:
    got = claims("The plan is to deploy 1,800 officers, 700 of whom will be Jamaican, before the rains.")
    assert ("JAM", "pledge", 700) in got
    assert not any(s == "JAM" and low == 1800 for s, _, low in got)


def test_a_part_given_by_place_is_no_breakdown() -> None:
    got = claims("More than 900 Nepali troops are on the island, of which 300 are deployed in the capital.")
    assert any(s == "NPL" and low == 900 for s, _, low in got)


def test_a_day_between_leaving_and_where_to_is_still_on_the_way_in() -> None:
    assert ("FIN", "arrival", None) in claims("The first Finnish soldiers left Feb. 3 for Lebanon with the UN force.")
    assert ("FIN", "arrival", None) in claims("The Finnish troops left on Monday for Lebanon to join UNIFIL.")


def test_leaving_a_place_on_a_day_is_still_a_withdrawal() -> None:
    assert ("FIN", "reduction_or_withdrawal", None) in claims("The Finnish troops left Lebanon on Monday.")


def test_leaving_an_impression_is_no_withdrawal() -> None:
    got = claims("The Finnish peacekeepers left a lasting impression on the villagers, the mayor said.")
    assert not any(k == "reduction_or_withdrawal" for _, k, _ in got)


def test_a_country_already_contributing_is_there() -> None:
    got = claims("The mission is part of a wider effort, with Zambia already contributing 240 officers.")
    assert ("ZMB", "arrival", 240) in got
