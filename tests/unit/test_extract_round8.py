"""Eighth round of general rules (stop 26, 2026-12-06), on sentences written for these tests, not taken from reports.

- "contributions from A, B and C" is a roster: each listed country gets a claim of the clause's kind, and "financial
  contributions from" is money, no roster;
- a roster's names may carry what each brings in brackets ("Chile (engineers), Peru (medics)");
- "contributions are to come from" is a future: a pledge each;
- a year after "by" is no figure ("hand over to the national army by 2029"); "cut its troops by 1500" still is one;
- "Korean troops" are the Republic of Korea's (KOR), "North Korean" stays PRK;
- "reduce the number of its troops in the south from 2,400 to 1,500": the new size, however many words lie between;
- "began sending troops" is an arrival, as "began deploying" is;
- troops that "return to their home country" withdraw; "return to their positions" is nothing;
- "led by A, with troop contributions from B and C": the list is a roster though ", with ... from" often sits beside a
  force's total (which still keeps its list out);
- "is expected to be the first Arab country to join" is a pledge, as "is the first to commit" is;
- "have agreed to be a part of the force" is a pledge; "is a part of the mission" a presence;
- "contributions are also expected from other member states A, B" and "troops from A and B were expected" are pledges;
- a sentence that opens on "Ruritania's deployment comes / is expected": an arrival, or a pledge when still to come;
- leading a unit of a force is command: "will lead the other two battle groups", "lead one of its brigades";
- "will provide the force commander" is command; "under German leadership" is Germany's command, while serving "under
  the overall command of the force" is nobody's;
- "a plan to pull the nation's troops from" a place is a withdrawal (a possessive in the object);
- soldiers who "arrived safely home" withdrew; troop numbers that "would fall to 750" are a reduction;
- "cut the force by 4,800 to 33,200" and "rose from 2,000 to 15,000" are a change and a new level, not a range;
- "Samim" written in lower case is SAMIM;
- "extended its deployment" is a pledge to stay (every form of extend and renew, as "extend" was); "will not renew the
  mandate of its troops" still a withdrawal;
- paratroopers and commandos are a force;
- "will make its navy available to the force" is a pledge, as "made available" was;
- countries "alongside" a country the sentence claims are its companions (as "along with" ones were; the roster pass
  now also looks at sentences whose only roster word is such a companion word);
- "a force that has 19,000 personnel": the force's size, as "a force, which has" was, not the contributor's.
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2014, 3, 9)


def claims(text: str) -> set[tuple[str, str, int | None]]:
    return {(c.subject, c.kind, c.low) for c in extract(text, published=DAY)}


def test_contributions_from_a_list_is_a_roster() -> None:
    got = claims("According to the envoy, UNIFIL is poised to include contributions from Norway, Chile and Malawi, "
                 "officials said.")
    assert {("NOR", "pledge", None), ("CHL", "pledge", None), ("MWI", "pledge", None)} <= got


def test_financial_contributions_are_no_roster() -> None:
    got = claims("The force thanked Norway for financial contributions from Chile and Malawi to its trust fund.")
    assert not {s for s, _, _ in got} & {"CHL", "MWI"}


def test_roster_names_may_carry_what_each_brings_in_brackets() -> None:
    got = claims("The new brigade will comprise troops from Chile (combat engineers), Peru (field medics) and Uruguay "
                 "(military police).")
    assert {("CHL", "pledge", None), ("PER", "pledge", None), ("URY", "pledge", None)} <= got


def test_a_number_in_brackets_still_breaks_the_roster() -> None:
    # a figure per country is not a name's description: the bracket rule of the figures reads it instead
    got = claims("The new brigade will comprise troops from Chile (1,200), Peru (800) and Uruguay (500).")
    assert ("CHL", "pledge", 1200) in got and ("PER", "pledge", 800) in got


def test_contributions_that_are_to_come_are_pledges() -> None:
    got = claims("The force still lacks soldiers. More contributions are to come from Ireland, Finland and Austria.")
    assert {("IRL", "pledge", None), ("FIN", "pledge", None), ("AUT", "pledge", None)} <= got


def test_a_year_after_by_is_no_figure() -> None:
    got = extract("The African Union mission plans to hand over its bases to the Somali national forces by 2029.", published=DAY)
    assert all(c.low != 2029 and c.high != 2029 for c in got)


def test_a_cut_by_a_number_keeps_its_figure() -> None:
    assert ("ETH", "reduction_or_withdrawal", 1500) in claims("Ethiopia cut its troops by 1500 last spring.")


@pytest.mark.parametrize(("text", "subject"), [
    ("The cabinet agreed to reduce the number of Korean troops in the country.", "KOR"),
    ("South Korean troops arrived in the port on Monday.", "KOR"),
    ("North Korean troops crossed into the region on Monday.", "PRK"),
])
def test_korean_troops_are_the_republic_of_koreas(text: str, subject: str) -> None:
    assert subject in {s for s, _, _ in claims(text)}


def test_a_reduction_from_one_size_to_another_far_from_its_verb() -> None:
    got = claims("Spain reduced the number of its soldiers serving in the eastern sector from 2,400 to 1,500 last year.")
    assert ("ESP", "reduction_or_withdrawal", 1500) in got


def test_began_sending_troops_is_an_arrival() -> None:
    assert ("NOR", "arrival", None) in claims("Norway began sending troops to the mission in March.")


@pytest.mark.parametrize(("text", "expected"), [
    ("The Nepalese peacekeepers will return to their home country once the mission closes.",
     {("NPL", "reduction_or_withdrawal", None)}),
    ("Some 300 Zambian soldiers returned to their country on Friday.", {("ZMB", "reduction_or_withdrawal", 300)}),
])
def test_returning_to_their_own_country_is_a_withdrawal(text: str, expected: set) -> None:
    assert expected <= claims(text)


def test_returning_to_positions_is_no_withdrawal() -> None:
    assert not {c for c in extract("The Zambian soldiers will return to their positions after the patrol.",
                                   published=DAY) if c.kind == "reduction_or_withdrawal"}


def test_troop_contributions_beside_a_lead_nation_are_a_roster() -> None:
    got = claims("The eastern battalion is led by Spain, with troop contributions from Latvia, Slovakia and Canada.")
    assert {("LVA", "arrival", None), ("SVK", "arrival", None), ("CAN", "arrival", None)} <= got


def test_police_from_a_list_beside_a_total_stay_out() -> None:
    got = claims("The 1,500-strong force, with police from Chile and Peru, landed in the capital on Monday.")
    assert "PER" not in {s for s, _, _ in got}


def test_expected_to_be_the_first_country_to_join_is_a_pledge() -> None:
    assert ("SEN", "pledge", None) in claims("Senegal is expected to be the first West African country to join the force.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Belize and Jamaica have agreed to be a part of the force.", {("BLZ", "pledge", None), ("JAM", "pledge", None)}),
    ("Ghana is a part of the mission in the south.", {("GHA", "arrival", None)}),
])
def test_being_a_part_of_the_force(text: str, expected: set) -> None:
    assert expected <= claims(text)


def test_contributions_expected_from_other_member_states_are_pledges() -> None:
    got = claims("The force is short of troops. Contributions are also expected from other EU member states Austria, "
                 "Greece and Portugal.")
    assert {("AUT", "pledge", None), ("GRC", "pledge", None), ("PRT", "pledge", None)} <= got


def test_troops_from_a_list_that_were_expected_are_pledges() -> None:
    got = claims("A spokesman for the regional force said more troops from Benin, Niger and Togo were expected soon.")
    assert {("BEN", "pledge", None), ("NER", "pledge", None), ("TGO", "pledge", None)} <= got


@pytest.mark.parametrize(("text", "expected"), [
    ("Zambia's deployment comes a week after the council asked for more troops.", ("ZMB", "arrival", None)),
    ("Zambia's deployment is expected to be completed by Friday.", ("ZMB", "pledge", None)),
])
def test_a_sentence_about_a_countrys_own_deployment(text: str, expected: tuple) -> None:
    assert expected in claims(text)


def test_a_persons_arrival_is_no_deployment() -> None:
    assert not claims("The minister's arrival was delayed by the storm.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway, Denmark and Latvia will lead the other three battle groups in the region.",
     {("NOR", "command", None), ("DNK", "command", None), ("LVA", "command", None)}),
    ("Chile agreed to send 800 troops to the force and lead one of its multinational brigades.",
     {("CHL", "command", None)}),
    ("Canada will lead the battle group.", {("CAN", "command", None)}),
])
def test_leading_a_unit_of_a_force_is_command(text: str, expected: set) -> None:
    assert expected <= claims(text)


def test_providing_the_force_commander_is_command() -> None:
    assert ("GHA", "command", None) in claims("Ghana will provide the force commander for the regional deployment.")


def test_under_a_countrys_leadership_is_its_command() -> None:
    assert ("DEU", "command", None) in claims("The mission will be deployed under German leadership this spring.")


@pytest.mark.parametrize("text", [
    "Malawi's troops will serve under the overall command of the force.",
    "Malawi's troops will serve under a unified command.",
])
def test_serving_under_the_forces_command_is_no_command(text: str) -> None:
    assert not {c for c in extract(text, published=DAY) if c.kind == "command"}


def test_pulling_the_nations_troops_from_a_place_is_a_withdrawal() -> None:
    got = claims("Japanese Prime Minister Sato announced a plan to pull the nation's engineering troops from the region.")
    assert ("JPN", "reduction_or_withdrawal", None) in got


def test_soldiers_who_arrived_home_withdrew() -> None:
    got = claims("Forty Republic of Fiji Military Force soldiers arrived safely home earlier this week.")
    assert "FJI" in {s for s, k, _ in got if k == "reduction_or_withdrawal"}
    assert "FJI" not in {s for s, k, _ in got if k == "arrival"}


def test_troop_numbers_that_would_fall_are_a_reduction() -> None:
    got = claims("She said Danish troop numbers at the base would fall to 750 next month.")
    assert ("DNK", "reduction_or_withdrawal", 750) in got


def test_crime_that_fell_is_no_reduction() -> None:
    assert not claims("Crime fell in the capital after the troops arrived.")


@pytest.mark.parametrize(("text", "expected"), [
    ("In May, NATO agreed to cut the peacekeeping force by 4,800 to 33,200 troops.",
     ("NATO", "reduction_or_withdrawal", 33200)),
    ("Troop numbers rose from 2,000 to 15,000 soldiers in UNIFIL.", ("UNIFIL", "arrival", 15000)),
])
def test_a_change_and_a_new_level_are_no_range(text: str, expected: tuple) -> None:
    assert {(c.subject, c.kind, c.low, c.high) for c in extract(text, published=DAY)} >= {(*expected, expected[2])}


def test_samim_in_lower_case() -> None:
    assert "SAMIM" in {s for s, _, _ in claims("The minister said Samim is leaving because it lacks money for troops.")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Zambia extended its deployment to the mission by another three months.", ("ZMB", "pledge", None)),
    ("Zambia will not renew the mandate of its 300 troops.", ("ZMB", "reduction_or_withdrawal", None)),
])
def test_extending_or_not_renewing_a_deployment(text: str, expected: tuple) -> None:
    assert expected in claims(text)


def test_an_extended_runway_is_nothing() -> None:
    assert not claims("Zambia extended its airport runway.")


def test_paratroopers_are_a_force() -> None:
    assert ("ITA", "pledge", 150) in claims("In addition, 150 Italian paratroopers will arrive next week.")


def test_making_a_force_available_is_a_pledge() -> None:
    assert ("BEL", "pledge", None) in claims("Belgium will make its navy and air force available to the force.")


def test_countries_alongside_a_claimed_country_are_its_companions() -> None:
    got = claims("Chad now has over 1,400 soldiers serving in the mission, alongside Niger, Togo and Benin.")
    assert {("NER", "arrival", None), ("TGO", "arrival", None), ("BEN", "arrival", None)} <= got


def test_fighting_alongside_host_forces_is_no_roster() -> None:
    assert not claims("Chadian troops fight alongside Malian forces in the north.") & {("MLI", "arrival", None)}


def test_a_force_that_has_a_size_is_the_forces() -> None:
    got = {(c.subject, c.low) for c in extract(
        "Nepal has more than 3,000 peacekeepers in Lebanon, one of the largest contributors to UNIFIL, a force that "
        "has 10,000 uniformed personnel.", published=DAY)}
    assert ("NPL", 10000) not in got and ("NPL", 3000) in got
