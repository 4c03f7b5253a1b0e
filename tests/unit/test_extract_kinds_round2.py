"""Triggers, kinds and quantities, second round (sentences written for these tests, not from reports).

Each group names a pattern; the rules are in tests/gold/GUIDELINE.md (§2 kinds, §4 quantities).
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2026, 3, 2)


def rows(text: str) -> set[tuple]:
    return {(c.subject, c.kind, c.low, c.high) for c in extract(text, published=DAY)}


# --- present strength in other words: arrivals ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Chad contributed more than 900 personnel to the regional force.", ("TCD", "arrival", 900, None)),
    ("Ghana has contributed 450 soldiers to the mission.", ("GHA", "arrival", 450, 450)),
    ("The mission welcomed 150 Malian peacekeepers.", ("MLI", "arrival", 150, 150)),
    ("On Monday the force welcomed 300 Rwandan troops in Bangui.", ("RWA", "arrival", 300, 300)),
    ("The Brazilian contingent is made up of 850 troops.", ("BRA", "arrival", 850, 850)),
])
def test_present_strength_in_other_words_is_an_arrival(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize("text", [
    "Norway contributed $5 million to the trust fund.",
    "Kenya welcomed the decision of the Security Council.",
    "The Kenyan cabinet is made up of twenty ministers.",
])
def test_contributed_money_or_welcomed_words_are_no_arrival(text: str) -> None:
    assert not any(k == "arrival" for _, k, _, _ in rows(text))


# --- pledges: totals of offers, orders, votes, authorizations ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Britain has pledged to send another 500 soldiers, bringing its total contribution to 10,000.",
     {("GBR", "pledge", 500, 500), ("GBR", "pledge", 10000, 10000)}),
    ("The president said Italy will send 1,000 more troops, bringing the total Italian force to 2,500.",
     {("ITA", "pledge", 1000, 1000), ("ITA", "pledge", 2500, 2500)}),
    ("The minister was ordering 600 more Spanish troops to join the force.", {("ESP", "pledge", 600, 600)}),
    ("Nepal's government voted last week to dispatch 850 soldiers to the mission.", {("NPL", "pledge", 850, 850)}),
    ("We have prepared a maximum of 20,000 Indonesian soldiers for the force.", {("IDN", "pledge", None, 20000)}),
])
def test_offers_orders_and_votes_are_pledges(text: str, expected: set) -> None:
    assert rows(text) == expected


def test_a_total_already_reached_stays_an_arrival() -> None:
    assert rows("Britain sent another 500 soldiers last week, bringing its total contribution to 10,000 troops.") == {
        ("GBR", "arrival", 500, 500), ("GBR", "arrival", 10000, 10000)}


# --- withdrawals and exits ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The remaining 200 Turkish troops are due home by June.", ("TUR", "reduction_or_withdrawal", 200, 200)),
    ("All 300 Irish soldiers will be home by Christmas.", ("IRL", "reduction_or_withdrawal", 300, 300)),
    ("Norway decided to terminate its contributions to the mission.", ("NOR", "reduction_or_withdrawal", None, None)),
    ("Officials confirmed no more New Zealand soldiers will take part after July.",
     ("NZL", "reduction_or_withdrawal", None, None)),
    ("Italy said its troops will no longer participate in the operation.", ("ITA", "reduction_or_withdrawal", None, None)),
])
def test_exit_wordings_are_withdrawals(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Australian contingent left Darwin bound for Dili.", ("AUS", "arrival", None, None)),
    ("The fourth contingent of Kenyan police left the country for Haiti's capital to join their counterparts.",
     ("KEN", "arrival", None, None)),
    ("The last Brazilian soldiers left the air base yesterday on their way to Haiti.", ("BRA", "arrival", None, None)),
])
def test_leaving_a_staging_point_for_the_mission_is_an_arrival(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


def test_leaving_a_place_without_a_destination_is_a_withdrawal() -> None:
    assert rows("The Dutch troops left the province on Monday.") == {("NLD", "reduction_or_withdrawal", None, None)}


# --- consideration -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Swedish parliament is due to announce whether it would send a contingent.", ("SWE", "consideration")),
    ("Italy will decide if it will send troops to the force.", ("ITA", "consideration")),
    ("The Polish government is having second thoughts about its troop offer.", ("POL", "consideration")),
])
def test_an_open_decision_is_a_consideration(text: str, expected: tuple) -> None:
    assert {(s, k) for s, k, _, _ in rows(text)} == {expected}


def test_second_thoughts_needs_second() -> None:
    assert not any(k == "consideration" for _, k, _, _ in rows("Spain said its thoughts are with the troops in Haiti."))


# --- hypotheticals ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "If Norway and Peru reduce their forces, the mission will shrink.",
    "Outside funding would be required if more than 1,500 Polish troops were needed.",
    "The force could collapse if Chad withdraws its 1,000 soldiers.",
])
def test_a_conditional_clause_gives_no_claim(text: str) -> None:
    assert rows(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("If approved, Italy will send 1,000 troops.", ("ITA", "pledge", 1000, 1000)),
    ("Italy will send 1,000 troops if the UN asks.", ("ITA", "pledge", 1000, 1000)),
    ("If and when the UN decides, Indonesia is prepared to deploy 20,000 troops.", ("IDN", "pledge", 20000, 20000)),
    ("Spain is ready to deploy 500 soldiers if needed.", ("ESP", "pledge", 500, 500)),
])
def test_a_claim_outside_the_condition_stays(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- figures ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Poland would send as many as 7'000 troops.", {("POL", "pledge", None, 7000)}),
    ("An Australian force of 2225 troops began arriving in Honiara.", {("AUS", "arrival", 2225, 2225)}),
    ("On 12 March Kenyan troops were deployed to Haiti.", {("KEN", "arrival", None, None)}),
    ("Ukraine had nearly one thousand troops in Iraq.", {("UKR", "arrival", 1000, 1000)}),
    ("Croatia will send two police mentoring teams (teams usually comprise 15-25 personnel).",
     {("HRV", "pledge", None, None)}),
    ("Poland will send two army units to the force.", {("POL", "pledge", None, None)}),
])
def test_figures(text: str, expected: set) -> None:
    assert rows(text) == expected


def test_a_conditional_clause_over_a_list_of_names_gives_no_claim() -> None:
    assert rows("If Australia, Britain, Italy and Japan reduce or recall their personnel, the force could be gone.") == set()


# --- moves still to come: pledges -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The German troops are to be fully deployed by the end of this week.", {("DEU", "pledge", None, None)}),
    ("The 600 Nepalese soldiers are expected to be deployed in March.", {("NPL", "pledge", 600, 600)}),
    ("The minister asked Congress to approve sending at least 800 more Brazilian soldiers.",
     {("BRA", "pledge", 800, None)}),
    ("The force will also be made up of troops from Tanzania.", {("TZA", "pledge", None, None)}),
])
def test_moves_still_to_come_are_pledges(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The German troops were fully deployed by the end of last week.", ("DEU", "arrival", None, None)),
    ("Some 1,600 Ugandan troops began work in March.", ("UGA", "arrival", 1600, 1600)),
])
def test_moves_done_are_arrivals(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- present strength: "are now in", "there are N", "has the largest contingent" --------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("First Togolese and Nigerian soldiers are now in Mali.", {("TGO", "arrival", None, None),
                                                               ("NGA", "arrival", None, None)}),
    ("Ukraine had the fifth largest contingent in the force, with nearly one thousand troops in the south.",
     {("UKR", "arrival", 1000, 1000)}),
    ("Britain has the second-largest contingent, with 8,000 in Iraq.", {("GBR", "arrival", 8000, 8000)}),
    ("There are now 830 Chadian soldiers on the ground, in a force that should eventually number 3,000.",
     {("TCD", "arrival", 830, 830)}),
])
def test_present_strength_is_an_arrival(text: str, expected: set) -> None:
    assert rows(text) == expected


def test_now_without_a_place_is_no_arrival() -> None:
    assert not any(k == "arrival" for _, k, _, _ in rows("Kenyan officials are now considering sending troops."))


# --- who the force will come from; sending with an adverb; ending contributions ---------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("About half of these forces will come from the French Army.", {("FRA", "pledge", None, None)}),
    ("Around 1000 of those troops are expected to come from Italy.", {("ITA", "pledge", 1000, 1000)}),
    ("Fiji and Tonga are also sending contingents of police and military.", {("FJI", "pledge", None, None),
                                                                             ("TON", "pledge", None, None)}),
    ("Benin has decided to terminate its military and police unit contributions to the mission.",
     {("BEN", "reduction_or_withdrawal", None, None)}),
])
def test_more_pledge_and_exit_wordings(text: str, expected: set) -> None:
    assert rows(text) == expected


def test_coming_from_a_place_is_not_a_pledge() -> None:
    assert rows("The minister, who had come from Nairobi, spoke to reporters.") == set()


# --- figures named by a people, floors after the noun, more personnel nouns --------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Around 10,000 troops were involved, including some 5500 Australians.", ("AUS", "arrival", 5500, 5500)),
    ("More than 12,000 soldiers, including 1,100 Germans, are present in Mali.", ("DEU", "arrival", 1100, 1100)),
    ("Indonesia is ready to deploy 20,000 soldiers or more in Gaza.", ("IDN", "pledge", 20000, None)),
    ("Kenya recently deployed 36 bomb experts to Iraq.", ("KEN", "arrival", 36, 36)),
    ("One report indicates Bulgaria may send some security guards to Iraq next year.", ("BGR", "consideration", None, None)),
])
def test_more_figures_and_personnel(text: str, expected: tuple) -> None:
    assert expected in rows(text)


def test_a_year_before_a_people_is_no_figure() -> None:
    assert rows("In 2006 Italians sent 300 soldiers to Lebanon.") == {("ITA", "arrival", 300, 300)}


# --- a force being set up: its size is a pledge -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("Talks continue on the formation of an International Stabilization Force (ISF) of approximately 20,000 troops.",
     "pledge"),
    ("The Security Council created the ISF of more than 3,000 troops last year.", "pledge"),
    ("The ISF currently has about 3,000 troops.", "arrival"),
])
def test_the_size_of_a_force_being_set_up_is_a_pledge(text: str, kind: str) -> None:
    assert {k for s, k, _, _ in rows(text) if s == "International Stabilization Force"} == {kind}


# --- command: holding the command, taking responsibility for a sector -------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    (("Ukraine had the largest contingent in the force, with nearly one thousand troops in the south, where Poland holds "
      "the command."), {("POL", "command", None, None), ("UKR", "arrival", 1000, 1000)}),
    ("Poland will take responsibility for the southern sector of the force.", {("POL", "command", None, None)}),
    ("The Irish battalion assumed responsibility for the sector of the force on Monday.", {("IRL", "arrival", None, None)}),
])
def test_command_of_a_force_or_sector(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- side mentions: money, things, others evacuated, commitments hoped for ----------------------------------------------

@pytest.mark.parametrize("text", [
    "The Dominican Republic has pledged $10 million to the fund alongside offering critical medical facilities.",
    "Finland's foreign minister said he hopes to have specific troop commitments from EU member states by Friday.",
    "The main mission of German soldiers is the evacuation of civilians.",
    "Japan will provide aircraft and medical supplies to the mission.",
])
def test_side_mentions_give_no_claim(text: str) -> None:
    assert rows(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Italy will provide aircraft and 300 troops to the force.", ("ITA", "pledge", 300, 300)),
    ("The Dutch troops were evacuated from the base.", ("NLD", "reduction_or_withdrawal", None, None)),
    ("The Nigerian Air Force confirmed the movement of a contingent of 200 men to Mali.", ("NGA", "arrival", 200, 200)),
])
def test_moves_of_the_force_itself_stay(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- list lines: underscore bullets, a heading without a kind -------------------------------------------------------

def test_list_lines_under_a_heading_without_a_kind_take_the_reports_lead_kind() -> None:
    text = ("Key allied pledges to the international force in Afghanistan.\n\nIn past week:\n\n_Albania: 85.\n\n"
            "_Georgia: up to 1,000.\n\nTwo countries have announced the withdrawal of their contingents:\n\n"
            "_Canada: 2,800 soldiers.")
    assert rows(text) == {("ALB", "pledge", 85, 85), ("GEO", "pledge", None, 1000),
                          ("CAN", "reduction_or_withdrawal", 2800, 2800)}


def test_list_lines_without_a_heading_take_the_reports_lead_kind() -> None:
    text = ("Twenty countries have pledged a total of around 7,000 more troops for the force.\n"
            "The following is a list of contributions.\nAlbania: 125 troops\nBritain: 1,200")
    assert {r for r in rows(text) if r[0] != "NATO"} >= {("ALB", "pledge", 125, 125), ("GBR", "pledge", 1200, 1200)}


def test_a_present_strength_report_gives_arrivals_to_its_list() -> None:
    text = "Troops currently serving with the force.\nNotes:\nKenya: 400\nJamaica: 24"
    assert rows(text) == {("KEN", "arrival", 400, 400), ("JAM", "arrival", 24, 24)}


# --- a mission's name is a force word; "plus N in reserve"; volunteers as people ---------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Of the eight countries that make up SAMIM, Botswana was the first to withdraw.",
     {("BWA", "reduction_or_withdrawal", None, None)}),
    ("Poland will send 600 troops, plus 400 in reserve.", {("POL", "pledge", 600, 600), ("POL", "pledge", 400, 400)}),
])
def test_mission_names_and_continued_figures(text: str, expected: set) -> None:
    assert rows(text) == expected


def test_un_volunteers_are_no_offer() -> None:
    assert rows("MINUSMA has bid farewell to 81 international staff and ten UN Volunteers.") == set()


# --- headlines, breakdowns, totals to come ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Chad to deploy 800 security personnel to Haiti as Kenya scales down",
     {("TCD", "pledge", 800, 800), ("KEN", "reduction_or_withdrawal", None, None)}),
    ("Kenya to send 1,000 police officers to Haiti", {("KEN", "pledge", 1000, 1000)}),
    ("188 Burundian soldiers including 186 men and two women have left for the mission.",
     {("BDI", "arrival", 188, 188)}),
    ("Around 200 EU troops, including eight Irish soldiers, are already on the ground.",
     {("European Union", "arrival", 200, 200), ("IRL", "arrival", 8, 8)}),
    ("Their arrival is part of the full deployment of 150 Guatemalan military personnel.",
     {("GTM", "pledge", 150, 150)}),
])
def test_headlines_breakdowns_and_totals_to_come(text: str, expected: set) -> None:
    assert rows(text) == expected


def test_a_sentence_with_to_later_is_no_headline() -> None:
    assert rows("Officials in Nairobi said they want to send troops soon.") == set()


# --- more wordings: make up the bulk, operational, fill the gaps, become a participant, commitments to stay -------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Ugandan troops make up the bulk of the African Union force.", ("UGA", "arrival", None, None)),
    ("The contingent from Botswana had been operational in Cabo Delgado since October.", ("BWA", "arrival", None, None)),
    ("France will fill the gaps in a European peacekeeping force for Chad.", ("FRA", "pledge", None, None)),
    ("Georgia too is set to become a major participant in the force.", ("GEO", "pledge", None, None)),
    ("Japan made commitments to stay in the force in spite of domestic opposition.", ("JPN", "pledge", None, None)),
])
def test_more_wordings(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize("text", [
    "The war will end in June, Kenyan officials said of the troops.",
    "Kenya's police make up their minds about the mission.",
    "Ghana said it would fill the vacancy at the ministry of defence for the force.",
])
def test_near_misses_of_those_wordings(text: str) -> None:
    assert not any(k in ("arrival", "pledge", "reduction_or_withdrawal") for _, k, _, _ in rows(text))


# --- adjectives are not predicates: "long-delayed support", "a planned 8,000-strong mission" ----------------------------

def test_an_arrival_next_to_a_delayed_adjective_stays_an_arrival() -> None:
    text = "The arrival of 300 Burundian soldiers marked the first phase of long-delayed support for the mission."
    assert rows(text) == {("BDI", "arrival", 300, 300)}


@pytest.mark.parametrize(("text", "kind"), [
    ("The arrival of 300 Kenyan officers was delayed.", "pledge"),
    ("The arrival of 300 Kenyan officers is expected next week.", "pledge"),
])
def test_a_delayed_arrival_is_a_pledge(text: str, kind: str) -> None:
    assert {k for _, k, _, _ in rows(text)} == {kind}


def test_a_planned_size_is_a_pledge_of_the_whole_mission() -> None:
    """GUIDELINE section 3: a planned size of the whole force is the mission's, not the vanguard country's."""
    found = rows("Some 1,600 Ugandan troops began work in March as the vanguard of a planned 8,000-strong AMISOM "
                 "mission.")
    assert ("AMISOM", "pledge", 8000, 8000) in found and ("UGA", "pledge", 8000, 8000) not in found, found


@pytest.mark.parametrize(("text", "expected"), [
    ("Eight Portuguese medics also reached the capital.", {("PRT", "arrival", 8, 8)}),
    ("The Portuguese minister reached the capital.", set()),
])
def test_medics_on_the_move_are_a_force(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The latest Nepalese contingent of 266 reported to have arrived on Tuesday.", {("NPL", "arrival", 266, 266)}),
    ("Kenya's battalion of about 850 arrived in Haiti.", {("KEN", "arrival", 850, 850)}),
    ("A Kenyan contingent of 12 vehicles arrived.", {("KEN", "arrival", None, None)}),
])
def test_a_contingent_of_n_is_a_figure(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Australian transport ship was due to land hundreds more soldiers at Red Beach.", {("AUS", "pledge", None, None)}),
    ("Advance units of Irish military personnel are due to fly to Chad next week.", {("IRL", "pledge", None, None)}),
    ("Irish soldiers fly home next week.", {("IRL", "reduction_or_withdrawal", None, None)}),
    ("The land was given to the Kenyan troops.", set()),
])
def test_landing_and_flying(text: str, expected: set) -> None:
    assert rows(text) == expected


def test_whether_or_not_is_an_open_question_not_a_refusal() -> None:
    claims = extract("The Swedish parliament is due to announce whether or not it would send a contingent.", published=DAY)
    assert [(c.subject, c.kind, c.negated) for c in claims] == [("SWE", "consideration", False)]


def test_a_figure_pleaded_for_is_a_request() -> None:
    claims = rows("Brazil will reinforce the mission after the UN chief's plea for 3,500 extra troops and police.")
    assert not any(low == 3500 for _, _, low, _ in claims)


@pytest.mark.parametrize(("text", "expected"), [
    ("The rest of the Burundian contingent of two battalions of 850 soldiers each should be on the ground soon.",
     {("BDI", "pledge", 1700, 1700)}),
    ("Chad and Niger will send 1,000 troops each.", {("TCD", "pledge", 1000, 1000), ("NER", "pledge", 1000, 1000)}),
])
def test_units_of_n_each_multiply_and_should_is_a_future(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "The US force in Iraq is supported by 24,000 mostly noncombat personnel from 27 countries.",
    "Kenya said that 5,000 police officers from ten nations would serve.",
])
def test_a_total_from_many_countries_is_no_single_countrys_figure(text: str) -> None:
    assert not any(low in (24000, 5000) for _, _, low, _ in rows(text))


def test_a_total_from_many_countries_goes_to_the_named_mission() -> None:
    assert ("UNIFIL", "arrival", 10000, 10000) in rows("UNIFIL has 10,000 troops from 40 countries in Lebanon.")
