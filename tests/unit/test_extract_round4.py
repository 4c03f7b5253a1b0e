"""Fifth round of general rules (2026-12-05), on sentences written for these tests, not taken from reports.

- a hedge before a willingness ("potentially willing to send") makes it a consideration;
- a hedge before a roster ("possible troop contributors are", "may include") makes its countries considerations.
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2025, 6, 2)


def kinds(text: str) -> set[tuple[str, str]]:
    return {(c.subject, c.kind) for c in extract(text, published=DAY)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Nations potentially willing to send soldiers to the mission include Chad, Niger and Togo.",
     {("TCD", "consideration"), ("NER", "consideration"), ("TGO", "consideration")}),
    ("Mongolia is possibly ready to deploy a company of soldiers.", {("MNG", "consideration")}),
    ("Other possible troop contributors are Fiji and Tonga.", {("FJI", "consideration"), ("TON", "consideration")}),
    ("Potential contributors to the force include Peru and Chile, officials said.",
     {("PER", "consideration"), ("CHL", "consideration")}),
])
def test_a_hedged_offer_or_roster_is_a_consideration(text: str, expected: set) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nations willing to send soldiers to the mission include Chad, Niger and Togo.",
     {("TCD", "pledge"), ("NER", "pledge"), ("TGO", "pledge")}),
    ("Other troop contributors are Fiji and Tonga.", {("FJI", "arrival"), ("TON", "arrival")}),
])
def test_without_the_hedge_the_kind_stays(text: str, expected: set) -> None:
    assert kinds(text) == expected


def test_a_month_is_no_hedge_before_a_roster() -> None:
    # lower-cased, "In May" reads "in may": the roster keeps the kind of its verb
    assert kinds("In May, troops from Chad, Niger and Togo will join the force.") == {
        ("TCD", "pledge"), ("NER", "pledge"), ("TGO", "pledge")}


@pytest.mark.parametrize(("text", "subject"), [
    ("Resolute Support will grow to 13,000 troops next year.", "RSM"),
    ("The ECOWAS Mission in Liberia will have 3,250 soldiers.", "ECOMIL"),
    ("The Multinational Force and Observers will keep 1,100 personnel in the Sinai.", "MFO"),
    ("MISCA will reach 6,000 troops by the end of the year.", "MISCA"),
    # named by the annotators of dev-2701..3220 (NOTES-J.md)
    ("SFOR will shrink to 12,000 troops by June.", "SFOR"),
    ("The Implementation Force will number 60,000 soldiers.", "IFOR"),
    ("UNAMSIL will grow to 17,500 peacekeepers.", "UNAMSIL"),
    ("The Multinational Joint Task Force will add 3,000 soldiers.", "MNJTF"),
    ("The EAC Regional Force will have 6,500 troops.", "EACRF"),
    ("The SADC Mission in the DRC will withdraw its 2,900 soldiers.", "SAMIDRC"),
    ("UNAMID will cut 4,000 troops this year.", "UNAMID"),
    ("MONUC will reach 17,000 peacekeepers.", "MONUC"),
    ("The United Nations Protection Force will receive 1,200 more troops.", "UNPROFOR"),
    # named by the annotators of dev-3901..4420 (NOTES-L.md)
    ("UNMIL will cut 2,000 peacekeepers by the end of the year.", "UNMIL"),
    ("The UN Operation in Côte d'Ivoire will grow to 9,000 troops.", "UNOCI"),
    ("The African Union Mission in the Sudan will reach 7,700 soldiers.", "AMIS"),
    ("ONUB will number 5,600 troops.", "ONUB"),
    ("Operation Amber Fox will have 700 soldiers.", "Amber Fox"),
    ("The Collective Security Treaty Organization will send 2,500 troops.", "CSTO"),
    ("The U.N. Preventive Deployment Force has 1,100 peacekeepers.", "UNPREDEP"),
])
def test_the_forces_the_annotators_named_are_subjects(text: str, subject: str) -> None:
    assert subject in {s for s, _ in kinds(text)}


@pytest.mark.parametrize(("day", "mission"), [(date(2001, 9, 1), "Essential Harvest"), (date(2002, 3, 1), "Amber Fox")])
def test_natos_force_in_macedonia_is_the_operation_of_its_day(day: date, mission: str) -> None:
    text = "NATO has about 700 troops in Macedonia."
    assert {(c.subject, c.low) for c in extract(text, published=day)} == {(mission, 700)}


def test_the_uns_troops_in_liberia_are_unmil_while_it_serves() -> None:
    text = "The UN has about 8,000 peacekeepers in Liberia."
    during, before = (extract(text, published=day) for day in (date(2010, 4, 1), date(2001, 4, 1)))
    assert {(c.subject, c.low) for c in during} == {("UNMIL", 8000)}
    assert {(c.subject, c.low) for c in before} == {("United Nations", 8000)}


def test_natos_force_in_afghanistan_is_resolute_support_after_2014() -> None:
    text = "NATO has about 13,000 troops in Afghanistan."
    after, before = (extract(text, published=day) for day in (date(2017, 5, 2), date(2010, 5, 2)))
    assert {(c.subject, c.kind, c.low) for c in after} == {("RSM", "arrival", 13000)}
    assert {(c.subject, c.kind, c.low) for c in before} == {("ISAF", "arrival", 13000)}


@pytest.mark.parametrize("homeward", [
    "A first group of 150 Ugandan soldiers flew from Somalia to Entebbe and on to Uganda's capital.",
    "More of the troops will be flown back to Uganda next month.",
    "The contingent is returning home to Uganda after two years.",
])
def test_a_country_troops_go_home_to_is_no_host(homeward: str) -> None:
    # "to <country>" after a homeward word is the contributor's home, not the place the force goes to
    text = f"The withdrawal of 800 Ugandan troops from Somalia has begun. {homeward}"
    assert ("UGA", "reduction_or_withdrawal") in kinds(text)


def test_a_country_troops_are_sent_to_stays_a_host() -> None:
    text = "Kenya sent 400 police officers to Haiti. Haiti's own police number about 9,000 officers."
    assert {s for s, _ in kinds(text)} == {"KEN"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The remaining battalions in the force are from Ghana, Nepal and Fiji.",
     {("GHA", "arrival"), ("NPL", "arrival"), ("FJI", "arrival")}),
    ("The police officers were from Chad and Togo.", {("TCD", "arrival"), ("TGO", "arrival")}),
])
def test_a_force_that_is_from_a_list_is_a_roster(text: str, expected: set) -> None:
    assert kinds(text) == expected


def test_a_republic_of_name_stays_in_the_roster() -> None:
    text = "Soldiers from four countries, namely Malawi, the Republic of Tanzania and Zambia, joined the force."
    assert kinds(text) == {("MWI", "arrival"), ("TZA", "arrival"), ("ZMB", "arrival")}


def test_a_person_from_a_country_is_no_roster() -> None:
    assert kinds("The two commanders are from Ghana and Nepal, an official said.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Nepal has 900 soldiers in Lebanon and Ghana has 300 soldiers.",
     {("NPL", "arrival", 900), ("GHA", "arrival", 300)}),
    ("Nepal has about 900 soldiers in the country, and Fiji now has about 300.",
     {("NPL", "arrival", 900), ("FJI", "arrival", 300)}),
    ("Nepal has 2,000 troops in the mission, while Ghana has 1,400.",
     {("NPL", "arrival", 2000), ("GHA", "arrival", 1400)}),
])
def test_a_second_country_that_has_a_figure_holds_it(text: str, expected: set) -> None:
    assert {(c.subject, c.kind, c.low) for c in extract(text, published=date(2024, 5, 2))} == expected


def test_a_bare_number_of_things_after_has_is_no_figure() -> None:
    text = "Nepal has 2,000 troops in the mission, while Ghana has 1,400 vehicles."
    assert {(c.subject, c.low) for c in extract(text, published=date(2024, 5, 2))} == {("NPL", 2000)}
