"""Subjects, second round: missions and the bodies that field them, on sentences written for these tests (not
taken from any report). Rules: tests/gold/GUIDELINE.md, sections 2 and 3.
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2022, 3, 2)


def rows(text: str, day: date = DAY) -> set[tuple]:
    return {(c.subject, c.kind, c.low, c.high) for c in extract(text, published=day)}


def subjects(text: str, day: date = DAY) -> set[str]:
    return {c.subject for c in extract(text, published=day)}


# --- missions known by their names (GUIDELINE section 3) -----------------------------------------------------------

@pytest.mark.parametrize(("text", "mission"), [
    ("The SADC Mission in Mozambique now has 2,000 troops on the ground.", "SAMIM"),
    ("SAMIM will grow to 3,000 personnel next year.", "SAMIM"),
    ("The Regional Assistance Mission currently has 300 soldiers in Honiara.", "RAMSI"),
    ("RAMSI now has 500 police officers deployed.", "RAMSI"),
    ("The International Force for East Timor now has 9,000 troops in Dili.", "INTERFET"),
    ("ECOMIG currently has 1,000 troops in Banjul.", "ECOMIG"),
    ("The United Nations Mission in South Sudan now has 13,000 peacekeepers.", "UNMISS"),
    ("EUFOR RD Congo will have 2,000 soldiers in Kinshasa.", "EUFOR"),
])
def test_a_mission_named_in_full_or_by_acronym_holds_its_total(text: str, mission: str) -> None:
    assert mission in subjects(text)
    assert subjects(text) <= {mission}


def test_a_mission_name_does_not_give_its_country_words_a_claim() -> None:
    # "EUFOR RD Congo" is one name: no claim for the Republic of the Congo.
    assert "COG" not in subjects("EUFOR RD Congo will have 2,000 soldiers in Kinshasa.")


# --- a body's troops in a report about its mission are the mission's ---------------------------------------------

@pytest.mark.parametrize(("text", "day", "expected"), [
    # The mission is named elsewhere in the report.
    ("EUFOR Althea keeps watch over the peace.\nAround 300 EU troops are on the ground in Sarajevo.",
     date(2023, 5, 1), ("EUFOR", "arrival", 300, 300)),
    ("SAMIM was launched last year.\nSome 1,200 SADC troops are now in Cabo Delgado.",
     date(2022, 5, 1), ("SAMIM", "arrival", 1200, 1200)),
    # No mission named: the body and the host country at the report's date tell which.
    ("There are now 12,000 UN peacekeepers in South Sudan.", date(2016, 9, 1), ("UNMISS", "arrival", 12000, 12000)),
    ("The EU will send 2,500 soldiers to Chad.", date(2008, 1, 10), ("EUFOR", "pledge", 2500, 2500)),
    ("About 400 ECOWAS troops remain stationed in Gambia.", date(2018, 2, 1), ("ECOMIG", "arrival", 400, 400)),
])
def test_a_body_figure_is_its_mission_figure(text: str, day: date, expected: tuple) -> None:
    found = rows(text, day)
    assert expected in found
    assert not {r for r in found if r[0] in ("United Nations", "European Union", "SADC", "ECOWAS")}


def test_a_body_figure_outside_its_missions_time_stays_the_body_figure() -> None:
    # The UN had no mission in South Sudan in 2005 (the country did not exist yet): nothing to map to.
    assert "UNMISS" not in subjects("There are now 12,000 UN peacekeepers in South Sudan.", date(2005, 1, 1))


def test_nato_sending_its_reserves_stays_nato() -> None:
    text = "KFOR keeps the peace in Kosovo.\nNATO will deploy 600 more troops from its reserve force."
    assert ("NATO", "pledge", 600, 600) in rows(text, date(2023, 6, 1))


def test_a_regional_body_withdrawing_its_troops_is_its_mission_withdrawing() -> None:
    text = ("SADC has begun withdrawing its troops from Cabo Delgado.\n"
            "The Southern African Development Community Mission in Mozambique will end in July.")
    assert ("SAMIM", "reduction_or_withdrawal", None, None) in rows(text, date(2024, 4, 1))
    assert "SADC" not in subjects(text, date(2024, 4, 1))


def test_an_authorized_mission_size_is_a_pledge() -> None:
    text = "MONUSCO serves in Congo.\nThe Security Council created a brigade of 3,000 UN troops for the mission."
    assert ("MONUSCO", "pledge", 3000, 3000) in rows(text, date(2013, 5, 1))


def test_what_nato_leads_now_is_its_missions() -> None:
    text = "NATO is leading some 20,000 troops under the Kosovo Force."
    assert ("KFOR", "arrival", 20000, 20000) in rows(text, date(2000, 6, 1))


# --- pledge lists in a wire-service layout -------------------------------------------------------------------------

def test_underscore_bullets_under_a_title_of_pledges() -> None:
    text = ("New troop pledges to the UN force in Lebanon.\n\nIn the past week:\n\n_Finland: 120.\n\n_Portugal 140.\n\n"
            "_Ireland: up to 400.\n")
    assert rows(text) == {("FIN", "pledge", 120, 120), ("PRT", "pledge", 140, 140), ("IRL", "pledge", None, 400)}


def test_a_sub_heading_without_a_kind_keeps_the_heading_above() -> None:
    text = "Troops offered so far:\nBy Monday:\n- Chile: 200\n- Peru: 150\n"
    assert rows(text) == {("CHL", "pledge", 200, 200), ("PER", "pledge", 150, 150)}


def test_a_later_heading_with_a_kind_wins() -> None:
    text = "Troops offered so far:\n_Chile: 200.\nContingents to be withdrawn next year:\n_Peru: 150.\n"
    assert rows(text) == {("CHL", "pledge", 200, 200), ("PER", "reduction_or_withdrawal", 150, 150)}


def test_a_bare_number_line_takes_the_kind_of_its_list() -> None:
    text = ("The following are the contributions announced so far.\nAustria: 90 troops\nNorway: 1,100\n"
            "Denmark: 300 troops\n")
    assert ("NOR", "pledge", 1100, 1100) in rows(text)


def test_an_unbulleted_mixed_case_name_and_number_is_running_text() -> None:
    assert "NPL" not in subjects("Troops offered so far:\nNepal 900 is a big number.\n")


# --- names that are not parties ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "absent"), [
    ("US allies have pledged at least 5,000 more troops for the mission.", "USA"),
    ("Britain's partners will send 2,000 soldiers.", "GBR"),
    ("The mission will cost 16 million euros (US $19 million) and have at least 900 troops.", "USA"),
])
def test_allies_and_currencies_are_not_the_country(text: str, absent: str) -> None:
    assert absent not in subjects(text)


def test_a_demonym_before_allies_is_still_the_country() -> None:
    assert "FRA" in subjects("Their French allies will send 500 soldiers.")


# --- a total of the whole force is not the country's (GUIDELINE section 3) ----------------------------------------

@pytest.mark.parametrize(("text", "day", "expected", "absent"), [
    ("UNIFIL keeps the peace in Lebanon.\nItaly will lead the 3,000-strong force, which includes troops from Ghana.",
     date(2007, 1, 10), ("UNIFIL", "arrival", 3000, 3000), "ITA"),
    ("MINUSMA serves in Mali.\nChinese engineers will be part of a UN force of 11,000 troops and 1,400 police.",
     date(2014, 1, 10), ("MINUSMA", "pledge", 1400, 1400), "CHN"),
    # No mission named: the host and the date tell which (RAMSI in Solomon Islands, 2003).
    ("Fiji will join a regional force of 2,000 troops to be deployed to Solomon Islands.",
     date(2003, 7, 20), ("RAMSI", "pledge", 2000, 2000), "FJI"),
    ("Chad will send police to Haiti.\nThe force is expected to reach its full strength of 5,000 personnel.",
     date(2026, 1, 10), ("GSF", "pledge", 5000, 5000), "TCD"),
])
def test_the_size_of_the_whole_force_is_the_missions(text: str, day: date, expected: tuple, absent: str) -> None:
    found = rows(text, day)
    assert expected in found
    assert not {r for r in found if r[0] == absent and r[2] == expected[2]}


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("Brazil has offered its own force of 1,200 troops for Haiti.", date(2004, 5, 31), ("BRA", "pledge", 1200, 1200)),
    ("They are part of a 1,280 man force from Tanzania that will deploy to Congo.", date(2013, 5, 1), None),
    ("A 400-strong Chinese peacekeeping force will deploy to Mali.", date(2014, 1, 10),
     ("CHN", "pledge", 400, 400)),
    ("Kenya sent 400 police to Haiti.\nThey will be joined by the 200-strong force on Tuesday.", date(2024, 7, 1),
     ("KEN", "pledge", 200, 200)),
    ("UNIFIL keeps the peace.\nMorocco pledged a 3,000-strong force.", date(2006, 9, 1), ("MAR", "pledge", 3000, 3000)),
])
def test_a_force_of_a_country_stays_the_countrys(text: str, day: date, expected: tuple | None) -> None:
    found = rows(text, day)
    assert not {r for r in found if r[0] in ("MINUSTAH", "MONUSCO", "MINUSMA", "MSS", "UNIFIL")}
    if expected is not None:
        assert expected in found


# --- counts of members and parts of a joint figure ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The force now has 4,500 troops contributed by 27 NATO member states and partners.",
    "Some 3,000 soldiers from 12 member countries are serving in the mission.",
    "The EU force, drawn from 14 nations, now has 2,000 troops in Chad.",
])
def test_a_count_of_members_is_not_a_figure(text: str) -> None:
    found = rows(text, date(2008, 3, 1))
    assert not {r for r in found if r[2] in (27, 12, 14) or r[3] in (27, 12, 14)}


def test_a_figure_from_countries_is_still_a_figure() -> None:
    text = "MINUSMA serves in Mali.\nThe 830 soldiers from countries including Togo and Benin are now in Bamako."
    assert ("MINUSMA", "arrival", 830, 830) in rows(text, date(2013, 8, 1))


@pytest.mark.parametrize(("text", "expected"), [
    (("MINUSMA serves in Mali.\nSome 12,000 soldiers, including 900 Germans, are present in Mali, which the mission "
      "was launched to protect."), ("DEU", "arrival", 900, 900)),
    ("UNIFIL keeps the peace.\nSome 10,000 troops are now deployed in Lebanon, among them 1,200 Italians.",
     ("ITA", "arrival", 1200, 1200)),
])
def test_a_people_included_in_a_figure_of_troops_is_part_of_it(text: str, expected: tuple) -> None:
    assert expected in rows(text, date(2014, 1, 10))


# --- anaphors across sentences (GUIDELINE section 3) ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Some 130 Dutch soldiers are already in Chad. In the coming days, 400 more troops will join them.",
     ("NLD", "pledge", 400, 400)),
    ("Romania will send 150 soldiers to Kosovo. It already has 80 soldiers in the current NATO force.",
     ("ROU", "arrival", 80, 80)),
    ("Mongolia is set to become a major participant in ISAF. It currently has 40 soldiers in Afghanistan.",
     ("MNG", "arrival", 40, 40)),
])
def test_a_pronoun_opening_a_sentence_is_the_country_named_before(text: str, expected: tuple) -> None:
    assert expected in rows(text, date(2010, 1, 10))


def test_a_pronoun_after_another_name_is_not_the_country_named_before() -> None:
    text = "Romania will send 150 soldiers to Kosovo. Italy said it already has 80 soldiers there."
    assert "ROU" not in {r[0] for r in rows(text, date(2010, 1, 10)) if r[2] == 80}


def test_part_of_the_whole_force_is_the_mission_even_after_a_country() -> None:
    text = ("MONUSCO serves in Congo.\nTanzania will send 1,000 soldiers. They will be part of the 3,000 strong force, "
            "with Malawi and South Africa.")
    found = rows(text, date(2013, 5, 1))
    assert ("MONUSCO", "pledge", 3000, 3000) in found and ("TZA", "pledge", 3000, 3000) not in found


# --- requests to lead, hyphenated place names, members of a regional body -----------------------------------------

@pytest.mark.parametrize("text", [
    "The United Nations asked Australia to lead the multinational force.",
    "It was the first time Australia had been asked by the United Nations to build and lead a multinational force.",
    "Fiji was invited to lead the regional mission.",
])
def test_a_request_to_lead_is_no_command_claim(text: str) -> None:
    assert not {r for r in rows(text, date(1999, 9, 10)) if r[1] == "command"}


def test_a_decision_to_lead_is_still_a_command_claim() -> None:
    assert ("AUS", "command", None, None) in rows("Australia agreed to lead the multinational force.", date(1999, 9, 10))


def test_a_name_inside_a_hyphenated_place_is_no_subject() -> None:
    text = "PORT-AU-PRINCE: Brazil will lead the new peacekeeping force in Haiti."
    assert "African Union" not in subjects(text, date(2004, 5, 1))


def test_members_of_a_regional_body_act_through_its_mission() -> None:
    text = "Rwanda sent troops to Mozambique.\nIn June, SADC countries also agreed to send a standby force to Mozambique."
    found = rows(text, date(2021, 8, 1))
    assert ("SAMIM", "pledge", None, None) in found and "SADC" not in {r[0] for r in found}


def test_nato_members_stay_nato() -> None:
    text = "KFOR keeps the peace in Kosovo.\nNATO member countries pledged 500 more troops."
    assert ("NATO", "pledge", 500, 500) in rows(text, date(2023, 6, 1))


# --- speakers across sentences and conditional asides ---------------------------------------------------------------

def test_first_person_after_a_sentence_naming_a_country_a_body_and_a_place() -> None:
    text = ("The president ordered 500 more Spanish troops to join the UN force in Lebanon.\n"
            "\"I have decided to send two extra companies to expand our UNIFIL contingent,\" he said.")
    found = rows(text, date(2006, 8, 30))
    assert ("ESP", "pledge", 200, 400) in found and "UNIFIL" not in {r[0] for r in found}


def test_a_pronoun_after_a_country_and_its_destination() -> None:
    text = "Kenyan police arrived in Haiti on Tuesday. The contingent of 400 officers will patrol the capital."
    assert "KEN" in {r[0] for r in rows(text, date(2024, 6, 30)) if r[2] == 400}


@pytest.mark.parametrize(("text", "subject"), [
    ("France is prepared, if the UN wishes, to continue to assume command of the force.", "FRA"),
    ("Italy would, if the EU agrees, take over command of the mission.", "ITA"),
])
def test_a_conditional_aside_does_not_take_the_subject(text: str, subject: str) -> None:
    assert {r[0] for r in rows(text, date(2006, 8, 30)) if r[1] == "command"} == {subject}


# --- parliaments, destinations, first parts of a whole, a pre-2025 "stabilisation force" -----------------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("The Bundestag voted on Thursday to send a maximum of 800 soldiers to a UN-mandated EU force.", "DEU"),
    ("The Sejm approved sending 300 soldiers to the EU force in Chad.", "POL"),
    ("The Storting voted to send 150 soldiers to join the UN force.", "NOR"),
])
def test_a_parliament_voting_to_send_is_its_country(text: str, subject: str) -> None:
    found = rows(text, date(2008, 1, 10))
    assert {r[0] for r in found if r[2] is not None or r[3] is not None} == {subject}


def test_the_force_troops_are_sent_to_is_not_who_sends_them() -> None:
    text = "EUFOR Chad/RCA is being formed.\nSweden would send a contingent of 200 soldiers to the EU force."
    found = rows(text, date(2008, 1, 10))
    assert ("SWE", "pledge", 200, 200) in found and "EUFOR" not in {r[0] for r in found}


def test_the_whole_a_first_detachment_belongs_to_is_the_missions() -> None:
    text = ("About 150 Nepalese peacekeepers have arrived in South Sudan, the first detachment of 3,000 extra troops "
            "approved by the UN.")
    found = rows(text, date(2016, 9, 1))
    assert ("UNMISS", "pledge", 3000, 3000) in found and "NPL" not in {r[0] for r in found if r[2] == 3000}


def test_a_first_contingent_itself_is_the_countrys() -> None:
    text = "A first contingent of 100 peacekeepers from Burundi deployed in Mogadishu on Sunday."
    assert ("BDI", "arrival", 100, 100) in rows(text, date(2007, 3, 10))


def test_a_stabilisation_force_before_2025_is_not_the_gaza_force() -> None:
    text = "The Iraq stabilisation force will have 20,000 troops, most of them deployed in Iraq."
    assert "International Stabilization Force" not in subjects(text, date(2003, 5, 9))


# --- ", with N troops" and strengths had in a place ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Ukraine had the fifth largest contingent in the coalition, with nearly one thousand troops in the south of Iraq.",
     ("UKR", "arrival", 1000, 1000)),
    ("Romania was 12th on the coalition list with about 400 troops in Iraq.", ("ROU", "arrival", 400, 400)),
    ("In the spring, Denmark had 500 troops in Iraq.", ("DNK", "arrival", 500, 500)),
])
def test_a_strength_a_country_has_in_a_place(text: str, expected: tuple) -> None:
    assert expected in rows(text, date(2005, 6, 1))


def test_a_with_clause_does_not_take_a_name_of_its_own_clause_for_the_one_before() -> None:
    text = "Ukraine had the fifth largest contingent, with Poland sending 2,500 troops to Iraq."
    assert "UKR" not in {r[0] for r in rows(text, date(2005, 6, 1)) if r[2] == 2500}


def test_a_strength_without_a_place_keeps_no_kind() -> None:
    assert not {r for r in rows("Chile had 300 soldiers.", date(2005, 6, 1)) if r[1] == "arrival"}


# --- hypotheses are not claims -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "If Australia, Britain, Italy and Japan reduce or recall their personnel, the coalition would shrink by half.",
    "If Chile sends 500 more troops, the mission will reach its target.",
    "Unless Peru withdraws its soldiers, the plan stands.",
])
def test_a_condition_opening_the_sentence_gives_no_claim(text: str) -> None:
    assert rows(text, date(2007, 5, 1)) == set()


def test_the_main_clause_after_a_condition_is_still_a_claim() -> None:
    text = "If and when the Security Council decides, Indonesia is prepared to deploy 20,000 soldiers."
    assert ("IDN", "pledge", 20000, 20000) in rows(text, date(2025, 9, 25))


# --- a force named by nobody, contingents a mission receives -------------------------------------------------------

def test_a_force_named_by_nobody_in_a_known_host_is_the_mission() -> None:
    text = "HONIARA - A regional force of 2,000 troops and police began arriving in the troubled Solomon Islands."
    assert ("RAMSI", "arrival", 2000, 2000) in rows(text, date(2003, 7, 24))


def test_a_figure_named_by_nobody_outside_any_known_mission_gives_no_claim() -> None:
    text = "A regional force of 2,000 troops began arriving in the troubled Solomon Islands."
    assert rows(text, date(1990, 1, 1)) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("MINUSCA welcomed 300 Rwandan peacekeepers on 3 August.", ("RWA", "arrival", 300, 300)),
    ("The mission has received 450 Zambian soldiers this week.", ("ZMB", "arrival", 450, 450)),
])
def test_contingents_a_mission_receives_have_arrived(text: str, expected: tuple) -> None:
    assert expected in rows(text, date(2021, 8, 5))


# --- a mission's name as a force word; a mission as the source of troops -------------------------------------------

def test_a_sentence_naming_a_mission_needs_no_other_force_word() -> None:
    text = "SAMIM deployed in 2021.\n\nOf the eight countries that make up SAMIM, Botswana was the first to withdraw."
    assert ("BWA", "reduction_or_withdrawal", None, None) in rows(text, date(2024, 4, 1))


def test_a_line_without_a_force_word_or_a_mission_gives_nothing() -> None:
    assert rows("Of the eight countries, Botswana was the first to withdraw.", date(2024, 4, 1)) == set()


def test_people_from_a_mission_are_their_country() -> None:
    text = "The first Australians from Interfet arrived in Dili on 20 September."
    found = rows(text, date(1999, 10, 1))
    assert ("AUS", "arrival", None, None) in found and "INTERFET" not in {r[0] for r in found}


# --- a bare number from a country ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Few countries are contributing more than a few hundred troops: 70 from Albania, 150 from Azerbaijan.",
     {("ALB", "pledge", 70, 70), ("AZE", "pledge", 150, 150)}),
    ("Spain will contribute 600 soldiers, with another 400 from Portugal.", {("PRT", "pledge", 400, 400)}),
])
def test_a_number_from_a_country_is_that_countrys(text: str, expected: set[tuple]) -> None:
    assert expected <= rows(text, date(2006, 6, 1))


@pytest.mark.parametrize("text", [
    "Chile will send 300 soldiers, most of them veterans of 2004 from Haiti.",
    "The summit drew 40 delegates from Peru.",
])
def test_a_year_or_a_count_without_personnel_is_no_figure(text: str) -> None:
    assert not {r for r in rows(text, date(2006, 6, 1)) if r[0] == "PER" or r[2] == 2004}


# --- a total with no known mission, inline pledge lists, serving in a mission ---------------------------------------

def test_a_force_total_is_nobodys_when_the_report_names_no_mission() -> None:
    text = "Kenya leads the 2,500-strong force, which includes troops from Chad."
    assert not {r for r in rows(text, date(2024, 8, 1)) if r[2] == 2500 and r[0] in ("KEN", "TCD")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Troop pledges: Indonesia, 20,000; Azerbaijan, 1,000",
     {("IDN", "pledge", 20000, 20000), ("AZE", "pledge", 1000, 1000)}),
    ("Pledges of troops so far: Chile, 300; Peru, about 150; Ecuador, 90.",
     {("CHL", "pledge", 300, 300), ("PER", "pledge", 150, 150), ("ECU", "pledge", 90, 90)}),
])
def test_an_inline_list_of_pledges(text: str, expected: set[tuple]) -> None:
    assert rows(text, date(2025, 11, 1)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Some 200 South African soldiers crossed the border on Monday.\nThey are part of the SADC mission.",
     ("ZAF", "arrival", None, None)),
    ("The Zambian troops began their withdrawal on Monday. They are part of SAMIM.", ("ZMB", "arrival", None, None)),
    ("Irish soldiers landed in Beirut. They are now serving with UNIFIL.", ("IRL", "arrival", None, None)),
])
def test_a_contingent_that_is_part_of_a_mission_is_deployed(text: str, expected: tuple) -> None:
    assert expected in rows(text, date(2022, 5, 1))


def test_being_part_of_something_else_is_no_claim() -> None:
    assert rows("Kenya is part of the regional bloc. It is part of the East African Community.", DAY) == set()
