"""Seventh round of general rules (stop 25, 2026-12-06), on sentences written for these tests, not taken from reports.

- troops "pulled from" a force are withdrawn, as troops "pulled out" are; a plan or a plug pulled is nothing;
- several countries that "have begun their deployments" arrive, as one that "has begun its deployment" does;
- "drawing down" a contingent is a reduction, as "draw down" is; "drawing" alone is nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2012, 6, 2)


def claims(text: str) -> set[tuple[str, str, int | None]]:
    return {(c.subject, c.kind, c.low) for c in extract(text, published=DAY)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway and Chile have pulled their soldiers from the observer force.",
     {("NOR", "reduction_or_withdrawal", None), ("CHL", "reduction_or_withdrawal", None)}),
    ("Fiji pulled its 180 peacekeepers from the mission last week.", {("FJI", "reduction_or_withdrawal", 180)}),
])
def test_troops_pulled_from_a_force_are_withdrawn(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "The army pulled its troops from the border to fight the rebels at home.",
    "Norway pulled the plug on the troop deal.",
])
def test_what_is_pulled_elsewhere_or_a_plug_is_no_withdrawal(text: str) -> None:
    assert not {c for c in extract(text, published=DAY) if c.kind == "reduction_or_withdrawal"}


def test_several_countries_that_have_begun_their_deployments_arrive() -> None:
    assert claims("Ghana, Togo and Benin have also begun their deployments.") == {
        ("GHA", "arrival", None), ("TGO", "arrival", None), ("BEN", "arrival", None)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Poland said it will start drawing down its 2,400-strong contingent in March.",
     {("POL", "reduction_or_withdrawal", 2400)}),
    ("Spain drew down its forces to 600 troops.", {("ESP", "reduction_or_withdrawal", 600)}),
])
def test_drawing_down_a_force_is_a_reduction(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_a_drawing_is_no_reduction() -> None:
    found = extract("The drawing of lots decided which Polish battalion of 400 soldiers goes first.", published=DAY)
    assert not any(c.kind == "reduction_or_withdrawal" for c in found)


def test_respectively_pairs_numbers_when_the_first_carries_the_noun() -> None:
    text = "Peru, Chile and Ghana keep the largest contingents with 520 troops, 410 and 380 respectively."
    assert claims(text) == {("PER", "arrival", 520), ("CHL", "arrival", 410), ("GHA", "arrival", 380)}


@pytest.mark.parametrize("text", ["The first 180 Zambian soldiers flew in on Sunday.",
                                  "Some 180 Zambian soldiers flew in, officials said."])
def test_troops_that_flew_in_arrived(text: str) -> None:
    assert claims(text) == {("ZMB", "arrival", 180)}


def test_a_leader_who_flew_in_is_no_arrival() -> None:
    assert claims("Zambia's president flew in on Sunday for talks with the prime minister.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("As of March 2021, MINUSCA had 12,870 personnel.", ("MINUSCA", "arrival", 12870)),
    ("UNMISS now has about 13,500 troops and police.", ("UNMISS", "arrival", 13500)),
])
def test_a_missions_strength_after_has_is_on_the_ground(text: str, expected: tuple) -> None:
    assert expected in claims(text)


@pytest.mark.parametrize(("text", "subject"), [
    ("The EU force will be commanded by an Irish general.", "IRL"),
    ("The regional force will be headed by General Amadou Diallo from Senegal.", "SEN"),
    ("The mission is led by a Rwandan general.", "RWA"),
])
def test_the_country_of_the_officer_a_force_is_commanded_by_commands_it(text: str, subject: str) -> None:
    assert (subject, "command", None) in claims(text)


@pytest.mark.parametrize("text", [
    "The contingent, led by Colonel Amadou Diallo of Senegal, flew out on Monday.",
    "The Senegalese soldiers, commanded by Brigadier-General Amadou Diallo, are the vanguard of the force.",
])
def test_a_national_units_own_officer_is_no_command(text: str) -> None:
    assert not any(c.kind == "command" for c in extract(text, published=DAY))


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile and Uruguay have confirmed their participation in the mission.",
     {("CHL", "pledge", None), ("URY", "pledge", None)}),
    ("Peru announced its participation in the force on Monday.", {("PER", "pledge", None)}),
])
def test_a_participation_confirmed_is_a_pledge(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_a_participation_welcomed_by_others_is_no_pledge() -> None:
    assert claims("The council welcomed Peru's participation in the mission.") == set()


@pytest.mark.parametrize(("text", "kind"), [
    ("Russia surprised the alliance by quickly deploying some 200 troops at the airport.", "arrival"),
    ("Russia will respond by deploying 200 troops at the airport.", "pledge"),
])
def test_a_past_act_done_by_deploying_is_an_arrival(text: str, kind: str) -> None:
    assert claims(text) == {("RUS", kind, 200)}


def test_the_seats_of_a_council_are_no_figure() -> None:
    text = ("Following the resolution passed by the 15-member Security Council last month, ECOWAS offered to send a "
            "force of about 3,000 soldiers.")
    assert claims(text) == {("ECOWAS", "pledge", 3000)}


def test_the_whole_after_out_of_is_the_missions() -> None:
    text = "Ghana is one of the leading contributors to UNMISS with its 710 troops out of 13,000 peacekeepers."
    assert claims(text) == {("GHA", "arrival", 710), ("UNMISS", "arrival", 13000)}


def test_troops_that_took_up_positions_arrived() -> None:
    assert claims("About a dozen Fijian troops quickly took up defensive positions.") == {("FJI", "arrival", 12)}


@pytest.mark.parametrize(("text", "kind"), [
    ("Chile suspended its participation in the mission in May.", "reduction_or_withdrawal"),
    ("Chile suspends its military operations in the mission.", "reduction_or_withdrawal"),
])
def test_a_participation_suspended_is_a_withdrawal(text: str, kind: str) -> None:
    assert claims(text) == {("CHL", kind, None)}


def test_aid_suspended_is_no_withdrawal() -> None:
    assert not any(c.kind == "reduction_or_withdrawal" for c in extract(
        "Chile suspended aid to the 400 troops of the mission.", published=DAY))


@pytest.mark.parametrize(("text", "subject"), [
    ("UNTSO has 151 unarmed military observers in the region.", "UNTSO"),
    ("MICEGA will keep 1,000 troops in The Gambia.", "ECOMIG"),
])
def test_the_forces_the_latest_annotators_named_are_subjects(text: str, subject: str) -> None:
    assert subject in {s for s, _, _ in claims(text)}
