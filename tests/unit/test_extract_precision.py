"""Precision checks over the finished claims (sentences written for these tests, not from reports).

Each group is a class of wrong proposals: a date's day, a departure for the mission area, a part of a total, a
national total over other operations, someone else's plea, a body that voted a mission's size, a target someone
hopes for, a rotation, money, a past contribution. The rules are in tests/gold/GUIDELINE.md (§2, §3, §4).
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2024, 6, 1)


def rows(text: str) -> set[tuple]:
    return {(c.subject, c.kind, c.low, c.high) for c in extract(text, published=DAY)}


# --- a date's day is no figure (§4.4) -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("On 12 March Kenyan police were deployed to Haiti under the MSS.", {("KEN", "arrival", None, None)}),
    ("On March 12 Kenyan police were deployed to Haiti under the MSS.", {("KEN", "arrival", None, None)}),
    ("On 12 March, 400 Kenyan police were deployed to Haiti under the MSS.", {("KEN", "arrival", 400, 400)}),
    ("Kenya deployed 200 police officers to Haiti on 25 June.", {("KEN", "arrival", 200, 200)}),
])
def test_a_day_of_a_date_is_no_figure(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- leaving a place for the mission area is an arrival; leaving for home a reduction (§2) -------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The 120-strong Fijian contingent left Suva on Monday bound for the Solomon Islands to join RAMSI.",
     {("FJI", "arrival", 120, 120)}),
    ("The contingent of 300 Kenyan police left Nairobi for Haiti on Tuesday.", {("KEN", "arrival", 300, 300)}),
    ("The 200 Kenyan police officers left Haiti for home on Tuesday.",
     {("KEN", "reduction_or_withdrawal", 200, 200)}),
    ("Kenyan troops have been leaving Haiti for months.", {("KEN", "reduction_or_withdrawal", None, None)}),
])
def test_a_departure_for_the_mission_area_is_an_arrival(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- a part of a total just given is not a second figure (§2: one claim per subject x kind x figure) ---------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Rwanda sent 300 soldiers including 280 men and 20 women to MINUSCA.", {("RWA", "arrival", 300, 300)}),
    ("Rwanda sent 300 soldiers to MINUSCA, including 40 medics.", {("RWA", "arrival", 300, 300)}),
    ("Chad deployed 500 soldiers to Mali, including 120 from its special forces.", {("TCD", "arrival", 500, 500)}),
])
def test_a_part_of_a_total_is_not_claimed(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- a national total over other operations is not this mission's (§2) --------------------------------------------

@pytest.mark.parametrize("text", [
    "With over 150,000 troops deployed in more than 30 UN operations, Bangladesh is ready to contribute to the ISF.",
    # across all its missions (stop 20: the dev gold never claims these)
    "Bangladesh has 150,000 troops in UN missions.",
])
def test_a_total_over_other_operations_is_not_claimed(text: str) -> None:
    assert not any(c.low == 150000 for c in extract(text, published=DAY))


@pytest.mark.parametrize(("text", "expected"), [
    ("Bangladesh will send 1,000 troops to the ISF in Gaza.", ("BGD", "pledge", 1000, 1000)),
    ("Bangladesh has 6,000 troops in the UN mission.", ("BGD", "arrival", 6000, 6000)),
])
def test_a_figure_for_the_mission_stays(text: str, expected: tuple) -> None:
    assert expected in rows(text)


# --- someone else's plea is not the responder's figure (§2 "Not claims": requests by others) -----------------------

@pytest.mark.parametrize(("text", "absent"), [
    ("Brazil will reinforce MINUSTAH in response to a plea for 2,000 extra troops.", 2000),
    ("Argentina answered an appeal for 500 more peacekeepers for MINUSTAH.", 500),
    ("Uruguay is weighing a response to the UN's request for 300 additional police for MINUSTAH.", 300),
])
def test_a_plea_gives_the_responder_no_figure(text: str, absent: int) -> None:
    assert not any(c.low == absent or c.high == absent for c in extract(text, published=DAY))


def test_a_plea_keeps_the_responders_own_figure() -> None:
    assert ("ARG", "pledge", 500, 500) in rows("Argentina will send 500 more peacekeepers to MINUSTAH.")


# --- a size voted by the UN is the mission's; a hoped-for size is the mission's pledge (§2 mission totals) ----------

@pytest.mark.parametrize(("text", "expected"), [
    ("The United Nations authorized 2,500 police for the MSS in Haiti.", ("MSS", "pledge", 2500, 2500)),
    ("The United Nations hopes 2,000 troops can deploy to Lebanon within a month to reinforce UNIFIL.",
     ("UNIFIL", "pledge", 2000, 2000)),
    ("Nepal will send 800 troops to UNMISS after the Security Council resolution.", ("NPL", "pledge", 800, 800)),
])
def test_a_voted_or_hoped_size_is_the_missions(text: str, expected: tuple) -> None:
    found = rows(text)
    assert expected in found and not any(r[0] == "United Nations" for r in found)


def test_a_country_that_could_deploy_stays_a_consideration() -> None:
    assert rows("Italy could deploy 2,000 troops to UNIFIL.") == {("ITA", "consideration", 2000, 2000)}


# --- a rotation: the outgoing contingent is no reduction (§2 rotations) ---------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The first Burundian battalion has ended its mission at AMISOM and is being replaced by the second battalion.",
     {("BDI", "arrival", None, None)}),
    ("The Kenyan contingent has ended its mission in Haiti and is being replaced by Chadian troops.",
     {("TCD", "arrival", None, None)}),
    ("Kenya has ended its mission in Haiti.", {("KEN", "reduction_or_withdrawal", None, None)}),
])
def test_a_rotation_is_the_incoming_contingents_arrival(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- money is no personnel pledge (§2 "Not claims": funding in money) ----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Japan has pledged $10 million to the MSS trust fund while offering medical facilities for wounded personnel.",
     set()),
    ("Canada pledged $40 million to the MSS and offered to send police trainers.", {("CAN", "pledge", None, None)}),
    ("Canada pledged to send 70 police trainers to the MSS.", {("CAN", "pledge", 70, 70)}),
])
def test_money_alone_is_no_pledge(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- a past contribution is a deployment (§2 present deployments) --------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Nigeria contributed 200 troops to ECOMIG.", ("NGA", "arrival", 200, 200)),
    ("Ghana contributed more than 300 soldiers to the ECOMIG force.", ("GHA", "arrival", 300, None)),
    ("Ghana will contribute 300 soldiers to the ECOMIG force.", ("GHA", "pledge", 300, 300)),
])
def test_a_past_contribution_is_an_arrival(text: str, expected: tuple) -> None:
    assert expected in rows(text)


# --- a unit's usual size, and a count of teams, are no contingent's figure (§4.4, §4.5) ----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Each Senegalese battalion counts 750 soldiers.", set()),
    ("Senegal will send two battalions to MINUSMA; each battalion usually has about 750 soldiers.",
     {("SEN", "pledge", 1000, 2000)}),
    ("Senegal will send 750 soldiers to MINUSMA.", {("SEN", "pledge", 750, 750)}),
    ("Chad and Niger each have 500 troops in Mali.", {("TCD", "arrival", 500, 500), ("NER", "arrival", 500, 500)}),
    ("A battalion usually has about 750 soldiers.", set()),
    ("Estonia: three police training teams", {("EST", "pledge", None, None)}),
    ("Estonia will send 12 medics to ISAF.", {("EST", "pledge", 12, 12)}),
])
def test_a_units_usual_size_or_a_count_of_teams_is_no_figure(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- a share from other countries is not the named country's (§3) --------------------------------------------------

def test_a_figure_from_other_countries_is_not_the_named_countrys() -> None:
    found = rows("The force numbered 40,000 soldiers, 30,000 from the U.S. and 10,000 from other countries.")
    assert ("USA", "arrival", 30000, 30000) in found and not any(r[2] == 10000 for r in found)


# --- "bringing its total to N" takes the kind of the move it follows (§2) ------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Spain has pledged to send another 300 soldiers, bringing its total contribution to 1,300.",
     {("ESP", "pledge", 300, 300), ("ESP", "pledge", 1300, 1300)}),
    ("Spain will send another 300 soldiers, bringing the total number of Spanish troops to 1,300.",
     {("ESP", "pledge", 300, 300), ("ESP", "pledge", 1300, 1300)}),
    ("Another 300 Spanish soldiers arrived on Monday, bringing the Spanish total in Lebanon to 1,300.",
     {("ESP", "arrival", 300, 300), ("ESP", "arrival", 1300, 1300)}),
])
def test_a_new_total_takes_the_kind_of_its_move(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- "Bulgaria's 380" is Bulgaria's; a figure before "as Kenya scales down" is not Kenya's (§3) ---------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The pullout removed a final 500 Polish troops and Lithuania's 50 from Iraq.",
     {("POL", "reduction_or_withdrawal", 500, 500), ("LTU", "reduction_or_withdrawal", 50, 50)}),
    ("Spain withdrew 1,300 troops and Honduras's 370 from Iraq.",
     {("ESP", "reduction_or_withdrawal", 1300, 1300), ("HND", "reduction_or_withdrawal", 370, 370)}),
    ("Ukraine's 1,600 soldiers left Iraq in December.", {("UKR", "reduction_or_withdrawal", 1600, 1600)}),
])
def test_a_possessor_owns_the_figure_after_it(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chad to deploy 800 security personnel to Haiti as Kenya scales down.",
     ("KEN", "reduction_or_withdrawal", None, None)),
    ("Rwanda will deploy 1,000 troops to Mozambique while Botswana scales down its contingent.",
     ("BWA", "reduction_or_withdrawal", None, None)),
    ("Kenya will withdraw 400 officers from Haiti.", ("KEN", "reduction_or_withdrawal", 400, 400)),
])
def test_a_figure_before_another_clause_is_not_its_subjects(text: str, expected: tuple) -> None:
    found = rows(text)
    assert expected in found
    if expected[2] is None:
        assert not any(r[0] == expected[0] and r[2] is not None for r in found)


# --- "due home" is a reduction (§2: leaving home is a reduction) ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The 500 remaining Dutch troops are due home by March.", {("NLD", "reduction_or_withdrawal", 500, 500)}),
    ("The 500 remaining Dutch troops are set to return home next month.",
     {("NLD", "reduction_or_withdrawal", 500, 500)}),
    ("The Netherlands will send 500 more troops to Uruzgan next month.", {("NLD", "pledge", 500, 500)}),
])
def test_due_home_is_a_reduction(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- evacuating civilians is no withdrawal; sending peacekeepers elsewhere is not this mission's -------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The main mission of the French soldiers is the evacuation of foreign nationals.", set()),
    ("France began the evacuation of its troops from Mali.", {("FRA", "reduction_or_withdrawal", None, None)}),
    ("Indonesia is also willing to send peacekeepers elsewhere, including Sudan.", set()),
    ("Indonesia is willing to send peacekeepers to Gaza.", {("IDN", "pledge", None, None)}),
    ("Indonesia is willing to send peacekeepers to Gaza and elsewhere.", {("IDN", "pledge", None, None)}),
])
def test_evacuees_and_other_missions_give_no_claim(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- a relative clause sizing the mission just named is the mission's (§3 mission totals) --------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Together with Italy, Spain is providing most soldiers for the EUFOR mission, which involves 2,500 troops.",
     {("ESP", "pledge", None, None), ("ITA", "pledge", None, None), ("EUFOR", "arrival", 2500, 2500)}),
    ("Ireland contributes to the KFOR force, which numbers about 4,000 troops.",
     {("IRL", "arrival", None, None), ("KFOR", "arrival", 4000, 4000)}),
    ("Spain is sending 300 soldiers to the EUFOR mission, which is based in Sarajevo.", {("ESP", "pledge", 300, 300)}),
])
def test_a_which_clause_sizes_the_mission(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- the whole planned deployment an arrival is part of is a pledge (§2) -------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Their arrival is part of the full deployment of 200 Salvadoran soldiers.", {("SLV", "pledge", 200, 200)}),
    ("The first 100 arrived, part of the planned contingent of 300 Salvadoran soldiers.",
     {("SLV", "pledge", 300, 300)}),
    ("About 100 Salvadoran soldiers arrived in Haiti on Monday.", {("SLV", "arrival", 100, 100)}),
])
def test_a_whole_planned_deployment_is_a_pledge(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- a request to others is no claim of theirs (§2 "Not claims": requests by others) -------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Obama asked his NATO allies to contribute between 5,000 and 7,000 more troops to ISAF.", set()),
    ("France urged its EU partners to send 2,000 more troops to EUFOR.", set()),
    ("NATO allies agreed to contribute 7,000 more troops to ISAF.", {("NATO", "pledge", 7000, 7000)}),
])
def test_a_request_to_others_is_not_their_pledge(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- an aircraft's model number is no figure (§4.4) ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "figures"), [
    ("An Australian air force C-130 Hercules disgorged troops and police at the airport.", set()),
    ("New Zealand sent 35 police and 105 military, and a C-130 Hercules disgorged troops at the airport.", {35, 105}),
    ("Fiji sent 120 troops aboard a C-130 to join RAMSI.", {120}),
])
def test_a_model_number_is_no_figure(text: str, figures: set) -> None:
    found = extract(text, published=DAY)
    assert {c.low for c in found if c.low is not None} == figures
    assert all(c.low is not None for c in found) or not figures


# --- "from 27 countries" is no single country's; "from NATO member countries" is NATO's (§3) -----------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The 160,000-member U.S. force in Iraq is supported by 24,000 personnel from 27 countries.",
     lambda found: not any(r[2] == 24000 for r in found)),
    ("NATO is leading some 32,000 troops from 37 nations under ISAF.",
     lambda found: ("ISAF", "arrival", 32000, 32000) in found),
    ("The strategy has elicited promises totaling more than 7,000 extra troops from NATO member countries.",
     lambda found: found == {("NATO", "pledge", 7000, None)}),
    ("The strategy has elicited promises of 3,000 extra troops from Germany.",
     lambda found: found == {("DEU", "pledge", 3000, 3000)}),
])
def test_figures_from_many_countries(text: str, expected) -> None:
    assert expected(rows(text))


# --- what remains of an original force is a reduction (§2) ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("About 400 Senegalese troops remain in Gambia of the original 7,000.",
     {("SEN", "reduction_or_withdrawal", 400, 400)}),
    ("About 400 Senegalese troops remain in Gambia.", {("SEN", "arrival", 400, 400)}),
    ("Only 300 Senegalese soldiers remain in Gambia out of the initial 2,000.",
     {("SEN", "reduction_or_withdrawal", 300, 300)}),
])
def test_what_remains_of_an_original_force_is_a_reduction(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- a conditional offer of "our sons and daughters" is a pledge with its figure (§2, §4.2) -------------------------

@pytest.mark.parametrize(("text", "expected"), [
    (("\u201cIf and when the Council decides, Malaysia is prepared to deploy 5,000 or even more of our sons and "
      "daughters to Gaza,\u201d he said."), {("MYS", "pledge", 5000, None)}),
    ("Malaysia is prepared to deploy its sons and daughters to Gaza.", {("MYS", "pledge", None, None)}),
    ("If the Council approves a mandate, Malaysia will send 1,000 troops to Gaza.", {("MYS", "pledge", 1000, 1000)}),
])
def test_a_conditional_offer_of_our_people_keeps_its_figure(text: str, expected: set) -> None:
    assert rows(text) == expected
