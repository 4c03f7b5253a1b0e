"""Third round of general rules (2026-12-05), each on sentences written for these tests, not taken from reports.

- a figure a plan, a mandate or an expectation governs is a pledge even when another clause says "deployed"
  (`engines/extract/kinds.py`);
- "with X expected to send N" is X acting in its own clause, like "with X sending N".
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2025, 6, 2)


def rows(text: str) -> set[tuple]:
    return {(c.subject, c.kind, c.low, c.high) for c in extract(text, published=DAY)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Some 1,200 Zambian soldiers headed for the Congo would start leaving next month.", ("ZMB", "pledge", 1200, 1200)),
    ("Under the new plan, 4,000 Moroccan troops are expected to help the Malian army deployed in the north.",
     ("MAR", "pledge", 4000, 4000)),
    ("The council mandated MINUSCA to have a troop strength of up to 14,400 military personnel.",
     ("MINUSCA", "pledge", None, 14400)),
    ("Fiji surprised its partners by announcing 300 more troops for the mission.", ("FJI", "pledge", 300, 300)),
])
def test_a_figure_still_to_come_is_a_pledge(text: str, expected: tuple) -> None:
    assert expected in rows(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("About 300 Zambian soldiers arrived in Bangui on Monday and more will follow.", ("ZMB", "arrival", 300, 300)),
    ("Kenya currently has 900 officers deployed in the capital, and will send more.", ("KEN", "arrival", 900, 900)),
    ("The 2,000 Nepalese troops currently deployed will be joined next month by a Thai battalion.",
     ("NPL", "arrival", 2000, 2000)),
])
def test_a_force_already_there_stays_an_arrival(text: str, expected: tuple) -> None:
    found = rows(text)
    assert expected in found, found
    assert not any(subject == expected[0] and kind == "pledge" and low == expected[2] and low is not None
                   for subject, kind, low, _ in found), found


def test_a_planned_strong_force_is_ahead_and_a_present_one_is_not() -> None:
    assert ("MINUSMA", "pledge", 11200, 11200) in rows(
        "MINUSMA troops arrived in Gao, the first of a planned 11,200-strong force.")
    assert ("UNIFIL", "arrival", 3000, 3000) in rows(
        "UNIFIL keeps the peace in Lebanon.\nItaly will lead the 3,000-strong force, which includes troops from Ghana.")


@pytest.mark.parametrize("lead", ["expected to contribute", "set to send", "due to deploy", "ready to provide"])
def test_with_a_country_expected_to_send_is_that_countrys_pledge(lead: str) -> None:
    found = rows(f"Asia is providing most of the force, with Malaysia {lead} 900 soldiers, Thailand 700 and "
                 "Vietnam more than 300.")
    assert {("MYS", "pledge", 900, 900), ("THA", "pledge", 700, 700), ("VNM", "pledge", 300, None)} <= found, found


def test_a_finite_deployed_keeps_its_figure_beside_a_later_cut() -> None:
    """"Uruguay's soldiers, deployed since 2004, will be withdrawn" drops the participle; a finite verb after its
    subject is that subject's own arrival."""
    found = rows("Niger deployed some 600 soldiers to the border in May after Benin publicly mulled reducing its force.")
    assert ("NER", "arrival", 600, 600) in found, found
    assert ("URY", "reduction_or_withdrawal", 1000, 1000) in rows(
        "Uruguay's 1,000 soldiers, deployed since 2004, will be withdrawn.")


def test_a_part_of_a_spaced_total_with_an_adjective_is_a_figure() -> None:
    assert ("GHA", "arrival", 700, 700) in rows("Ghana has already deployed 700 of the 2 000 additional troops.")


def test_left_with_is_the_strength_now() -> None:
    found = rows("The cuts left UNMISS with 11,500 troops in March, well below its authorised strength of 17,000.")
    assert {("UNMISS", "arrival", 11500, 11500), ("UNMISS", "pledge", 17000, 17000)} <= found, found


@pytest.mark.parametrize(("text", "expected"), [
    ("Spain and Portugal have not yet committed themselves to sending more soldiers.",
     {("ESP", "consideration", None, None), ("PRT", "consideration", None, None)}),
    ("Norway could boost its contingent in the mission to 1,200 troops.", {("NOR", "consideration", 1200, 1200)}),
    ("Norway will boost its contingent in the mission to 1,200 troops.", {("NOR", "pledge", 1200, 1200)}),
    ("Austria is currently providing 167 soldiers to the force.", {("AUT", "arrival", 167, 167)}),
    ("Austria is providing 167 soldiers to the force.", {("AUT", "pledge", 167, 167)}),
])
def test_open_decisions_and_present_contributions(text: str, expected: set) -> None:
    assert rows(text) == expected


def test_a_participle_after_an_offer_is_an_offer_and_respectively_splits_thousands() -> None:
    found = rows("Ghana is set to provide 2,100 troops, followed by Togo and Benin, contributing 1,250 and 1,100 "
                 "personnel, respectively.")
    assert found == {("GHA", "pledge", 2100, 2100), ("TGO", "pledge", 1250, 1250), ("BEN", "pledge", 1100, 1100)}


def test_a_country_that_leaves_acts_as_a_force_in_a_report_about_one() -> None:
    report = ("About 1,100 peacekeepers serve in the mission.\n\n"
              "Finland and Ireland have also decided to leave the country.")
    found = rows(report)
    assert {("FIN", "reduction_or_withdrawal", None, None), ("IRL", "reduction_or_withdrawal", None, None)} <= found
    # without any force in the report, leaving a country is a trip, not a withdrawal
    assert rows("Finland and Ireland have also decided to leave the country.") == set()
    # nor is pledging money in a report about a force
    assert not any(s == "QAT" for s, *_ in rows(
        "About 1,100 peacekeepers serve in the mission.\n\nQatar and Kuwait have sent 7 billion dollars for relief."))


def test_a_bare_number_after_a_sending_verb_takes_the_reports_noun() -> None:
    found = rows("Chile is sending 1,000 troops to the force. Peru is also sending 400. Bolivia will send a further "
                 "250, officials said.")
    assert {("CHL", "pledge", 1000, 1000), ("PER", "pledge", 400, 400), ("BOL", "pledge", 250, 250)} <= found, found
    # "20,000 or even more" is not a bare 20
    assert not any(low == 20 for *_, low, _ in rows(
        "Chile is sending troops. Peru is prepared to deploy 20,000 or even more of its sons and daughters."))


@pytest.mark.parametrize(("text", "expected"), [
    ("The Finns and Swedes are likely to send more soldiers.",
     {("FIN", "consideration", None, None), ("SWE", "consideration", None, None)}),
    ("Chile's role in the peacekeeping force is under discussion.", {("CHL", "consideration", None, None)}),
    ("Peruvian defence officials have spoken of between 300 and 500 soldiers.", {("PER", "consideration", 300, 500)}),
    ("The Chilean president left the door open to sending more troops to the mission.",
     {("CHL", "consideration", None, None)}),
])
def test_floated_figures_and_open_doors_are_considerations(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany sends 1,000 troops to Mali.", {("DEU", "pledge", 1000, 1000)}),
    ("Ghana contributes 800 soldiers to the mission.", {("GHA", "arrival", 800, 800)}),
    ("The mission, which provides 300 soldiers for security, is based in Gao.", set()),
])
def test_present_tense_sending(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Chilean president will send 300 troops to the mission.", {("CHL", "pledge", 300, 300)}),
    ("Chile's President Gabriel Boric will send 300 troops.", {("CHL", "pledge", 300, 300)}),
    ("The Chilean president said Peru will send 300 troops.", {("PER", "pledge", 300, 300)}),
    ("Chilean officials bracing for further withdrawals said Peru will send 300 troops.", {("PER", "pledge", 300, 300)}),
])
def test_a_leader_who_opens_the_clause_acts_for_the_country(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- fallback.py: a national force next to a move verb, in a sentence the rules left empty ---------------------

REPORT = "About 2,000 peacekeepers serve in the mission.\n\n"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The EU force will resume work today, with Latvian troops scheduled to depart for the region next week.",
     ("LVA", "pledge", None, None)),
    ("Estonian troops have begun landing on the coast.", ("EST", "arrival", None, None)),
    ("The council allowed Slovenian soldiers to join the mission in January.", ("SVN", "pledge", None, None)),
    ("The minister suspended the deployment of Croatian soldiers in the region in August.",
     ("HRV", "reduction_or_withdrawal", None, None)),
])
def test_a_national_force_that_moves_is_claimed_when_the_rules_give_nothing(sentence: str, expected: tuple) -> None:
    assert expected in rows(REPORT + sentence)


@pytest.mark.parametrize("sentence", [
    "The deployment, which has cost the lives of 17 Latvian soldiers, is unpopular.",
    "A senior Latvian police official said more deployments would follow soon.",
    "The land was given to the Latvian troops.",
    "If Latvian troops join the mission, the border will be safer.",
])
def test_no_move_no_claim(sentence: str) -> None:
    assert not any(subject == "LVA" for subject, *_ in rows(REPORT + sentence))


def test_the_fallback_needs_a_force_not_just_a_people() -> None:
    assert rows(REPORT + "Latvian tourists have begun landing on the coast.") == set()


def test_a_figure_that_participates_is_there() -> None:
    assert rows("In total, about 900 Bundeswehr soldiers participate in the UN mission.") == {("DEU", "arrival", 900, 900)}


@pytest.mark.parametrize(("text", "expected"), [
    ("UNIFIL troops patrol the south. Spain offered to take over command of UNIFIL from Italy.",
     ("ESP", "command", None, None)),
    ("Reports say Spain would command the UNIFIL deployment.", ("ESP", "command", None, None)),
])
def test_command_of_a_named_mission_or_deployment(text: str, expected: tuple) -> None:
    assert expected in rows(text)


def test_leading_for_years_is_a_description() -> None:
    assert not any(kind == "command" for _, kind, *_ in rows(
        "NATO has been leading a peacekeeping operation in Kosovo since 1999."))


@pytest.mark.parametrize(("text", "expected"), [
    ("The United States has received pledges of up to 7,500 security personnel for a gang suppression force in Haiti.",
     ("GSF", "pledge", None, 7500)),
    ("Nearly 11,000 military personnel have been authorized to participate in AUSSOM.", ("AUSSOM", "pledge", 11000, 11000)),
])
def test_missions_by_their_longer_or_lower_case_names(text: str, expected: tuple) -> None:
    assert expected in rows(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway is already the biggest single contributor to the mission.", {("NOR", "arrival", None, None)}),
    ("Norway has the third-largest troop deployment in the force.", {("NOR", "arrival", None, None)}),
    ("Norway will be the largest contributor to the force.", {("NOR", "pledge", None, None)}),
    ("Norway is the largest economy in the region.", set()),
    ("Sweden agreed to Norway's contribution of 400 soldiers to the mission.", {("NOR", "pledge", 400, 400)}),
])
def test_largest_contributors_and_possessed_contributions(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "The resolution ending the war between Israel and Hezbollah calls for adding up to 15,000 troops to the force.",
    "Hamas said it would deploy 300 police officers to guard the crossings.",
    "The mission, expanded to monitor the ceasefire between Hizbollah and Israel, now has 9,000 troops.",
])
def test_armed_groups_and_parties_to_a_war_are_not_contributors(text: str) -> None:
    assert not any(subject in ("Hamas", "Hezbollah", "ISR") for subject, *_ in rows(text))


def test_a_share_held_by_an_armed_group_is_still_a_territory_claim() -> None:
    found = {(s, k) for s, k, *_ in rows("Hamas still controls 47% of Gaza, officials said.")}
    assert found == {("Hamas", "territory_control")}


def test_the_un_fields_no_troops_in_a_force_it_only_authorizes() -> None:
    report = ("The Multinational Security Support Mission is led by Kenya.\n\n"
              "The U.N. Security Council agreed to more than double the size of the mission.")
    assert not any(subject == "United Nations" for subject, *_ in rows(report))
    own = ("INTERFET restored calm in Dili.\n\n"
           "With calm restored, a large United Nations peacekeeping force took over from Interfet in February.")
    assert any(subject == "United Nations" for subject, *_ in rows(own))
