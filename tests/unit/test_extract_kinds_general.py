"""Triggers, kinds and quantities in general wordings (sentences written for these tests, not from reports).

Each group names a pattern; the rules are in tests/gold/GUIDELINE.md (§2 kinds, §4 quantities).
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2026, 3, 2)


def rows(text: str) -> set[tuple]:
    return {(c.subject, c.kind, c.low, c.high) for c in extract(text, published=DAY)}


# --- present deployments: arrivals (§2 "has N troops in", "keeps", "remain deployed", "part of the force") --------

@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana has 900 troops there under the UN flag.", ("GHA", "arrival", 900, 900)),
    ("Nepal keeps 900 soldiers in the country.", ("NPL", "arrival", 900, 900)),
    ("Senegal maintains about 650 troops with the mission.", ("SEN", "arrival", 650, 650)),
    ("Ireland's 1,200 troops remain deployed in the south.", ("IRL", "arrival", 1200, 1200)),
    ("Some 340 Fijian soldiers were part of the force.", ("FJI", "arrival", 340, 340)),
    ("Rwanda currently has 2,100 peacekeepers in the region.", ("RWA", "arrival", 2100, 2100)),
    ("Jamaica still has 24 police officers on the ground.", ("JAM", "arrival", 24, 24)),
    ("About 450 Chadian soldiers are serving with the mission.", ("TCD", "arrival", 450, 450)),
    ("Pakistan, which has 2,000 peacekeepers in the country, said it would stay.", ("PAK", "arrival", 2000, 2000)),
    ("Tanzania maintained 850 troops in the sector last year.", ("TZA", "arrival", 850, 850)),
    ("The Zambian contingent of 900 troops remains in the east.", ("ZMB", "arrival", 900, 900)),
])
def test_a_present_deployment_is_an_arrival(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


def test_having_a_present_force_is_not_a_future_pledge() -> None:
    assert rows("Kenya will keep its 400 police officers in Haiti.") == {("KEN", "pledge", 400, 400)}


# --- pledge verbs outside the core set ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya will avail 1,000 officers to the mission.", ("KEN", "pledge", 1000, 1000)),
    ("Chad is prepared to send 500 troops.", ("TCD", "pledge", 500, 500)),
    ("Indonesia is expected to deploy 2,000 soldiers next year.", ("IDN", "pledge", 2000, 2000)),
    ("Bangladesh has earmarked 750 troops for the force.", ("BGD", "pledge", 750, 750)),
    ("Morocco would contribute 300 soldiers if asked.", ("MAR", "pledge", 300, 300)),
    ("Japan's cabinet cleared the dispatch of 40 engineers.", ("JPN", "pledge", 40, 40)),
    ("Benin has set aside 2,000 soldiers for the mission.", ("BEN", "pledge", 2000, 2000)),
    ("Guatemala stands ready to deploy 150 troops.", ("GTM", "pledge", 150, 150)),
    ("Spain is willing to provide up to 600 soldiers.", ("ESP", "pledge", None, 600)),
    ("Kenya is providing 1,000 police, at a cost of $600 million.", ("KEN", "pledge", 1000, 1000)),
    ("Indonesia has allocated 300 soldiers to the force.", ("IDN", "pledge", 300, 300)),
])
def test_other_pledge_verbs_are_pledges(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- reductions --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("About 300 Nepalese troops are set to return home next month.", ("NPL", "reduction_or_withdrawal", 300, 300)),
    ("Italy cut its contingent to 300 from 1,000.", ("ITA", "reduction_or_withdrawal", 300, 300)),
    ("Germany will draw down 500 soldiers by June.", ("DEU", "reduction_or_withdrawal", 500, 500)),
    ("Ukraine scaled back its presence to 200 troops.", ("UKR", "reduction_or_withdrawal", 200, 200)),
    ("France will pull its 150-strong force out of the region.", ("FRA", "reduction_or_withdrawal", 150, 150)),
    ("Burundi is withdrawing 1,000 of its soldiers.", ("BDI", "reduction_or_withdrawal", 1000, 1000)),
    ("Poland reduced its force from 1,000 to 300 troops.", ("POL", "reduction_or_withdrawal", 300, 300)),
    ("The last 120 Dutch soldiers went home on Friday.", ("NLD", "reduction_or_withdrawal", 120, 120)),
    ("Uganda recalled 1,000 soldiers.", ("UGA", "reduction_or_withdrawal", 1000, 1000)),
    ("Poland will reduce its contingent from 1,200 to 800.", ("POL", "reduction_or_withdrawal", 800, 800)),
    ("Burundi's 400 soldiers headed home on Friday.", ("BDI", "reduction_or_withdrawal", 400, 400)),
    ("Japan will end its deployment of 300 engineers.", ("JPN", "reduction_or_withdrawal", 300, 300)),
])

def test_reduction_wordings_are_reductions(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize("text", [
    "Uganda recalled that 1,000 soldiers had served there.",
    "Kenya backs the talks to end the war and keeps 400 police officers in Haiti.",
    "Peru cut ties with the rebels but has 300 troops in the country.",
])
def test_recalling_a_fact_ending_a_war_or_cutting_ties_is_not_a_withdrawal(text: str) -> None:
    assert all(c.kind != "reduction_or_withdrawal" for c in extract(text, published=DAY))


@pytest.mark.parametrize(("text", "expected"), [
    ("The first 200 Kenyan police officers left for Haiti on Monday.", ("KEN", "arrival", 200, 200)),
    ("Some 150 Jamaican soldiers flew out to join the mission.", ("JAM", "arrival", 150, 150)),
    ("A contingent of 400 Ghanaian troops departed for Lebanon.", ("GHA", "arrival", 400, 400)),
    ("A first group of 250 Jamaican soldiers set off for Haiti.", ("JAM", "arrival", 250, 250)),
    ("The first contingent of 500 Rwandan troops reached Bangui.", ("RWA", "arrival", 500, 500)),
    (("The fourth Kenyan contingent of police officers joining the Multinational Security Support Mission reached "
      "Haiti on Thursday."), ("KEN", "arrival", None, None)),
    ("Kenya's 300 officers will leave for Haiti next week.", ("KEN", "pledge", 300, 300)),
])
def test_a_departure_to_the_mission_is_not_a_withdrawal(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- figures that are not personnel ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Fifteen member states, including Chad, will send troops.",
    "Chad said 15 member states have offered troops.",
    "Kenya said its troops would stay until 2027.",
    "Rwanda said the 3rd battalion of its army would stay home.",
    "Gunmen killed 12 Ghanaian soldiers near the base on Monday.",
    "Nigeria recorded 45 cases of cholera among its troops.",
    "Japan pledged $50 million to the force.",
    "Italy will send 40 armoured vehicles to the force.",
    "Egypt will train 5,000 Palestinian police officers.",
    "Jordan has recruited 1,200 Palestinian police officers.",
    "Italy will send 60 armoured personnel carriers to the force.",
    "Kenya will send 20 police dogs with its officers.",
    "Chad sent 40 troop transports to the mission.",
])
def test_non_personnel_numbers_are_not_figures(text: str) -> None:
    assert all(c.low is None and c.high is None for c in extract(text, published=DAY))


@pytest.mark.parametrize("text", [
    "Gunmen killed 12 Ghanaian soldiers near the base on Monday.",
    "Militants killed 7 Kenyan police officers in an ambush.",
    "Nigeria lost 5 soldiers in the ambush.",
    "Militants abducted 4 Kenyan police officers.",
    "Rebels captured 12 Chadian soldiers on Sunday.",
    "The attack left 7 Egyptian soldiers dead.",
    "The bodies of 3 Nepalese peacekeepers were flown home.",
])
def test_casualties_and_captives_are_not_a_claim(text: str) -> None:
    assert rows(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya has so far deployed 800 of the 1,000 officers it promised.", {("KEN", "arrival", 800, 800)}),
    ("Burundi pulled back 300 of its own troops.", {("BDI", "reduction_or_withdrawal", 300, 300)}),
    ("Kenya sent 400 police officers in June, and a further 200 arrived in July.",
     {("KEN", "arrival", 400, 400), ("KEN", "arrival", 200, 200)}),
    ("Indonesia has readied 1,000 soldiers for Gaza.", {("IDN", "pledge", 1000, 1000)}),
    ("Indonesia said it had prepared 20,000 troops for the mission.", {("IDN", "pledge", 20000, 20000)}),
])
def test_parts_continuations_and_readied_forces(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ethiopia has 3 069 troops in the country.", ("ETH", "arrival", 3069, 3069)),
    ("Egypt will send 1 200 soldiers.", ("EGY", "pledge", 1200, 1200)),
    ("Uganda keeps 6 200 troops in Somalia.", ("UGA", "arrival", 6200, 6200)),
    ("Italy will send 2.500 soldiers to Lebanon.", ("ITA", "pledge", 2500, 2500)),
    ("NATO's force in Kosovo currently numbers nearly 6 000.", ("KFOR", "arrival", 6000, 6000)),  # NATO's force in Kosovo is KFOR (GUIDELINE section 3)
    ("Uganda has offered to increase its contingent to 20 000, if others pay.", ("UGA", "pledge", 20000, 20000)),
    ("Chad will send 1.5 thousand troops.", ("TCD", "pledge", 1500, 1500)),
])
def test_a_space_as_thousands_separator(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- shares ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "pct"), [
    ("Israel controls 53 per cent of Gaza.", 53.0),
    ("Israel controls 58 percent of the territory.", 58.0),
    ("Israel holds 47% of the strip.", 47.0),
    ("Israel still controls more than half of Gaza.", 50.0),
    ("Israel would keep control of 53% of Gaza.", 53.0),
    ("Israel retains security control over about 40 percent of the strip.", 40.0),
    ("Israel still occupies 53pc of Gaza.", 53.0),
    ("Israel controls 58 pct of the enclave.", 58.0),
    ("Israel's army has pulled back from roughly 10% of the strip.", 10.0),
    ("Israel holds about a third of the enclave.", 33.3),
])
def test_shares_are_territory_control(text: str, pct: float) -> None:
    claims = extract(text, published=DAY)
    assert [(c.subject, c.kind, c.share_pct, c.low, c.high) for c in claims] == [
        ("ISR", "territory_control", pct, None, None)]


# --- unit words and vague amounts --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana will send a battalion.", ("GHA", "pledge", 500, 1000)),
    ("Chile offered two companies of engineers.", ("CHL", "pledge", 200, 400)),
    ("Nepal will send a 150-strong contingent.", ("NPL", "pledge", 150, 150)),
    ("Fiji will send a dozen police officers.", ("FJI", "pledge", 12, 12)),
    ("Peru will send a few hundred soldiers.", ("PER", "pledge", None, None)),
    ("Brazil could send several thousand troops.", ("BRA", "consideration", None, None)),
    ("Uruguay pledged hundreds of troops.", ("URY", "pledge", None, None)),
])
def test_unit_words_and_vague_amounts(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- starting a deployment ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Jamaica's 200 soldiers will start their deployment in May.", ("JAM", "pledge", 200, 200)),
    ("The first 150 Kenyan officers began patrols on Monday.", ("KEN", "arrival", 150, 150)),
    ("Some 1,000 Burundian soldiers began pulling out on Sunday.", ("BDI", "reduction_or_withdrawal", 1000, 1000)),
    ("A 395-strong Chinese peacekeeping force is set to begin missions in Mali.", ("CHN", "pledge", 395, 395)),
])
def test_starting_a_deployment_takes_its_tense(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- the kind from the right trigger -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Uruguay's 1,000 soldiers, deployed since 2004, will be withdrawn.",
     {("URY", "reduction_or_withdrawal", 1000, 1000)}),
    ("Poland will bring its 900 soldiers home in March.", {("POL", "reduction_or_withdrawal", 900, 900)}),
    ("Chile will send the last 200 troops home.", {("CHL", "reduction_or_withdrawal", 200, 200)}),
    ("The Italian contingent will be cut by half, to 1,100 troops.", {("ITA", "reduction_or_withdrawal", 1100, 1100)}),
    ("Belgium will halve its contingent to 200 soldiers.", {("BEL", "reduction_or_withdrawal", 200, 200)}),
    ("Kenya, which pledged 1,000 officers last year, has withdrawn 200.", {("KEN", "reduction_or_withdrawal", 200, 200)}),
    ("France, which has 700 troops in Lebanon, said it would send 1,300 more.",
     {("FRA", "arrival", 700, 700), ("FRA", "pledge", 1300, 1300)}),
])
def test_the_kind_comes_from_the_verb_that_governs_the_figure(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- common words that are not triggers here ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kenya said the mission would serve as a model for the region.",
    "The troops remain a key part of Kenya's strategy.",
    "Kenya's troops must keep the peace in the capital.",
    "Egypt said the talks had reached an impasse over the force.",
    "Kenya has cleared the way for the force.",
    "Kenya's officers were assigned to the airport.",
    "Kenya will start the training of 300 local police.",
    "The mission's mandate ends in October, Kenya said.",
    "Kenya is part of a coalition of 20 states backing the force.",
    "Chad has 20,000 troops in its army.",
    "Egypt had 450,000 soldiers in its army in 2020.",
    "Rwanda's foreign minister left for talks in Addis Ababa on the mission.",
    "Kenya's interior minister visited the troops, who remain in good spirits.",
    "Kenya's president flew to New York to attend the UN meeting on the force.",
    "Chad's troops killed 30 militants in the operation.",
    "Kenya flew to New York to discuss the force.",
    "Kenya's president reached Nairobi on Monday after talks on the force.",
    "Kenya's president will remain in Nairobi during the mission's launch.",
    "Kenya airlifted aid to Haiti for the mission.",
])
def test_common_words_are_not_triggers_out_of_context(text: str) -> None:
    assert rows(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya took part in the mission with 400 officers.", ("KEN", "arrival", 400, 400)),
    ("Pakistan has kept its promise to send 500 troops.", ("PAK", "pledge", 500, 500)),
    ("Ghana has ended its contribution of 300 troops.", ("GHA", "reduction_or_withdrawal", 300, 300)),
])
def test_more_verbs_of_taking_part_promising_and_ending(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- consideration and readiness in other words -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Brazil is assessing a request to send 500 troops.", ("BRA", "consideration", 500, 500)),
    ("Egypt is evaluating whether to contribute 1,000 soldiers.", ("EGY", "consideration", 1000, 1000)),
    ("Spain is thinking about sending 300 soldiers.", ("ESP", "consideration", 300, 300)),
    ("Chile is contemplating a deployment of 200 troops.", ("CHL", "consideration", 200, 200)),
    ("Jordan signalled willingness to send 500 troops.", ("JOR", "pledge", 500, 500)),
    ("Bangladesh is ready in principle to provide 1,000 troops.", ("BGD", "pledge", 1000, 1000)),
])
def test_consideration_and_readiness_wordings(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


def test_assessing_the_situation_is_not_a_consideration() -> None:
    assert rows("Kenyan officers are assessing the security situation in the capital.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Uruguay will send a 1,200-man battalion.", ("URY", "pledge", 1200, 1200)),
    ("Togo will send a contingent of 1,100 men.", ("TGO", "pledge", 1100, 1100)),
    ("Niger will send a 500-member contingent.", ("NER", "pledge", 500, 500)),
    ("Chad will send two dozen observers.", ("TCD", "pledge", 24, 24)),
    ("Peru will send a few dozen soldiers.", ("PER", "pledge", None, None)),
    ("Rwanda will send dozens of police officers.", ("RWA", "pledge", None, None)),
])
def test_more_quantity_wordings(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Jamaica, which already has 24 soldiers in Haiti, said it would avail a further 150.",
     {("JAM", "arrival", 24, 24), ("JAM", "pledge", 150, 150)}),
    ("Some 300 Kenyan officers were in Haiti by July.", {("KEN", "arrival", 300, 300)}),
    ("Chad had about 1,400 soldiers in the north at the time.", {("TCD", "arrival", 1400, 1400)}),
])
def test_continued_offers_and_past_strengths(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Italy's troop numbers fell from 1,000 to 300.", ("ITA", "reduction_or_withdrawal", 300, 300)),
    ("Italy will draw down to 300 troops from a peak of 1,000.", ("ITA", "reduction_or_withdrawal", 300, 300)),
    ("Italy will cut its force to 300 soldiers, down from 1,000.", ("ITA", "reduction_or_withdrawal", 300, 300)),
    ("Kenya's contingent has shrunk to 400 officers.", ("KEN", "reduction_or_withdrawal", 400, 400)),
])
def test_a_reduction_takes_the_new_level_not_the_old(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


def test_declining_to_send_is_a_refusal_not_a_reduction() -> None:
    (claim,) = extract("Norway declined to send troops.", published=DAY)
    assert (claim.kind, claim.negated) == ("pledge", True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya will send 20 armored personnel carriers and 300 officers.", {("KEN", "pledge", 300, 300)}),
    ("Kenya has 9,000 police officers at home and will send 1,000.", {("KEN", "pledge", 1000, 1000)}),
    ("Nigeria will send 120 military doctors.", {("NGA", "pledge", 120, 120)}),
    ("Ghana will deploy 1,000 troops, 10 helicopters and 30 vehicles.", {("GHA", "pledge", 1000, 1000)}),
])
def test_people_beside_things_and_forces_at_home(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "Egypt will pay 30 percent of the mission's costs.",
    "Kenya said 60 percent of its officers had arrived.",
])
def test_a_share_of_money_or_of_a_force_is_not_territory(text: str) -> None:
    assert all(c.kind != "territory_control" and c.low is None for c in extract(text, published=DAY))


# --- forces offered but not there: standby, agreements, "yet to" ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Chad has put 500 troops on standby for the mission.", ("TCD", "pledge", 500, 500)),
    ("Chad is keeping 500 soldiers on standby.", ("TCD", "pledge", 500, 500)),
    ("Chad has placed 1,000 troops at the disposal of the mission.", ("TCD", "pledge", 1000, 1000)),
    ("The Nepalese battalion kept on standby consists of 850 soldiers.", ("NPL", "pledge", 850, 850)),
    ("Chad signed an agreement to deploy 500 troops.", ("TCD", "pledge", 500, 500)),
    ("Chad has begun preparing 500 soldiers for deployment.", ("TCD", "pledge", 500, 500)),
    ("Chad's troops have yet to deploy.", ("TCD", "pledge", None, None)),
    ("Kenya has 1,000 officers in reserve for the mission.", ("KEN", "pledge", 1000, 1000)),
    ("Kenya has 600 more officers in preparation for deployment.", ("KEN", "pledge", 600, 600)),
])
def test_forces_offered_but_not_yet_there_are_pledges(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- arrivals in other words -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Some 150 Jamaican soldiers disembarked at the port on Monday.", ("JAM", "arrival", 150, 150)),
    ("Nepal's 870 troops took over the sector from the Irish battalion.", ("NPL", "arrival", 870, 870)),
    ("Kenyan officers, numbering about 400, are patrolling the capital.", ("KEN", "arrival", 400, 400)),
    ("A fresh contingent of 250 Bahamian officers rotated in on Friday.", ("BHS", "arrival", 250, 250)),
    ("Brazil's 1,300 troops relieved the Uruguayan contingent.", ("BRA", "arrival", 1300, 1300)),
    ("The first 200 Kenyan police officers reported for duty on Tuesday.", ("KEN", "arrival", 200, 200)),
    ("The Ghanaian battalion assumed responsibility for the eastern sector.", ("GHA", "arrival", None, None)),
])
def test_arrival_wordings(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya marked the departure of 400 officers for Haiti on Tuesday.", ("KEN", "arrival", 400, 400)),
    ("The departure of 800 Chadian troops from Mali was completed.", ("TCD", "reduction_or_withdrawal", 800, 800)),
    ("Rwanda airlifted 300 soldiers to Bangui.", ("RWA", "arrival", 300, 300)),
    ("Italian vessels carrying 2,500 troops sailed for Lebanon.", ("ITA", "arrival", 2500, 2500)),
    ("Spain will ferry 500 troops to Lebanon.", ("ESP", "pledge", 500, 500)),
])
def test_a_departure_is_read_by_where_it_goes(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Chad will send between two and three thousand troops.", ("TCD", "pledge", 2000, 3000)),
    ("Chad will send two to three thousand troops.", ("TCD", "pledge", 2000, 3000)),
    ("Chad will send one hundred and fifty soldiers.", ("TCD", "pledge", 150, 150)),
    ("Chad will send 2,000–3,000 troops.", ("TCD", "pledge", 2000, 3000)),
    ("Chad will send about 1 000 soldiers.", ("TCD", "pledge", 1000, 1000)),
])
def test_number_words_and_ranges(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


# --- refusals and retractions ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Egypt is unwilling to send troops.", ("EGY", "pledge", None, None, True)),
    ("Egypt denied it would send troops.", ("EGY", "pledge", None, None, True)),
    ("Egypt has turned down a request to send troops.", ("EGY", "pledge", None, None, True)),
    ("Egypt withdrew its offer of 1,000 troops.", ("EGY", "pledge", 1000, 1000, True)),
    ("Egypt backed away from its offer of 1,000 troops.", ("EGY", "pledge", 1000, 1000, True)),
    ("Egypt is reluctant to send troops.", ("EGY", "consideration", None, None, False)),
])
def test_refusals_and_retractions(text: str, expected: tuple) -> None:
    assert [(c.subject, c.kind, c.low, c.high, c.negated) for c in extract(text, published=DAY)] == [expected]


def test_a_figure_asked_for_is_not_a_contribution() -> None:
    assert all(c.low is None for c in extract("Egypt declined a UN request for 500 troops.", published=DAY))


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya said it would send 1,000 officers after the first 400 arrived.",
     {("KEN", "pledge", 1000, 1000), ("KEN", "arrival", 400, 400)}),
    ("Kenya has deployed 400 officers, and the other 600 will be deployed by March.",
     {("KEN", "arrival", 400, 400), ("KEN", "pledge", 600, 600)}),
    ("Kenya will send 1,000 officers and the first 200 will arrive next week.",
     {("KEN", "pledge", 1000, 1000), ("KEN", "pledge", 200, 200)}),
])
def test_a_figure_that_opens_a_new_clause_takes_its_own_verb(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Georgia, which has about 1,600 soldiers in Afghanistan, will boost its contingent by 750.",
     {("GEO", "arrival", 1600, 1600), ("GEO", "pledge", 750, 750)}),
    ("Slovakia will double its contingent to 500 troops.", {("SVK", "pledge", 500, 500)}),
    ("Poland currently has 2,600 troops in the country and plans to add 600.",
     {("POL", "arrival", 2600, 2600), ("POL", "pledge", 600, 600)}),
    ("Canada will end its combat mission in 2011, bringing home 2,800 troops.",
     {("CAN", "reduction_or_withdrawal", 2800, 2800)}),
    ("Denmark's 750 troops in Helmand will be reduced to 500 next year.",
     {("DNK", "reduction_or_withdrawal", 500, 500)}),
    ("Hungary is to send a 150-member infantry company.", {("HUN", "pledge", 150, 150)}),
])
def test_increases_homecomings_and_old_levels(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Indonesia's military said 20,000 troops were being trained for the mission in Gaza.",
     ("IDN", "pledge", 20000, 20000)),
    ("Jamaica's 24 officers were among the first to arrive.", ("JAM", "arrival", 24, 24)),
    ("Some 200 Kenyan officers are expected to arrive next week.", ("KEN", "pledge", 200, 200)),
])
def test_readied_forces_and_the_first_to_arrive(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("The arrival of 300 Kenyan officers was delayed again.", ("KEN", "pledge", 300, 300)),
    ("The arrival of 300 Kenyan officers on Tuesday eased fears.", ("KEN", "arrival", 300, 300)),
    ("The deployment of 400 Chadian troops last week raised the total.", ("TCD", "arrival", 400, 400)),
    ("The rotation of 800 Ghanaian troops took place in March.", ("GHA", "arrival", 800, 800)),
    ("The return of 300 Nepalese soldiers was marked by a ceremony.", ("NPL", "reduction_or_withdrawal", 300, 300)),
    ("The dispatch of 200 Japanese engineers was approved.", ("JPN", "pledge", 200, 200)),
])
def test_a_sentence_about_the_move_itself(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya pledged 1,000 officers but has so far deployed only 400.",
     {("KEN", "pledge", 1000, 1000), ("KEN", "arrival", 400, 400)}),
    ("Kenya pledged 1,000 officers and has sent fewer than 800.",
     {("KEN", "pledge", 1000, 1000), ("KEN", "arrival", None, 800)}),
])
def test_a_pledge_and_the_part_sent(text: str, expected: set) -> None:
    assert rows(text) == expected


# --- rotations: the incoming contingent only (GUIDELINE §2) -------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("A Ghanaian battalion of 850 soldiers replaced a Nepalese unit in the sector.", {("GHA", "arrival", 850, 850)}),
    ("The 300 Irish troops were replaced by 400 Polish soldiers.", {("POL", "arrival", 400, 400)}),
    ("Some 600 Senegalese troops are replacing the departing Togolese contingent.", {("SEN", "arrival", 600, 600)}),
    ("Fiji's 200 soldiers rotated out after a year.", set()),
])
def test_a_rotation_claims_the_incoming_contingent(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya's contingent stands at 800.", ("KEN", "arrival", 800, 800)),
    ("Kenya's deployment totals 1,200 officers.", ("KEN", "arrival", 1200, 1200)),
    ("Kenya's force has shrunk to 400 after a rotation.", ("KEN", "reduction_or_withdrawal", 400, 400)),
    ("The number of Kenyan officers in Haiti has risen to 800.", ("KEN", "arrival", 800, 800)),
    ("There are now 400 Kenyan officers on the ground.", ("KEN", "arrival", 400, 400)),
])
def test_a_present_strength_in_other_words(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya will send 200 more officers to reinforce its 400 officers who are deployed in the capital.",
     {("KEN", "pledge", 200, 200), ("KEN", "arrival", 400, 400)}),
    ("Officials said 245 Chinese troops would join a 150-strong Chinese contingent which has been stationed in Gao.",
     {("CHN", "pledge", 245, 245), ("CHN", "arrival", 150, 150)}),
])
def test_a_relative_clause_about_a_figure_gives_its_kind(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya’s 1,000-strong police contingent keeps order in the capital.", ("KEN", "arrival", 1000, 1000)),
    ("Some 300 Zambian soldiers guard the airport.", ("ZMB", "arrival", 300, 300)),
    ("Four hundred Kenyan officers arrived on Tuesday.", ("KEN", "arrival", 400, 400)),
    ("Twelve Jamaican soldiers flew out to join the mission.", ("JAM", "arrival", 12, 12)),
])
def test_a_force_at_work_is_there(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Sweden will repatriate its 250 soldiers by June.", ("SWE", "reduction_or_withdrawal", 250, 250)),
    ("Sweden will phase out its 300-strong contingent next year.", ("SWE", "reduction_or_withdrawal", 300, 300)),
    ("Sweden said its 300 troops would be out by December.", ("SWE", "reduction_or_withdrawal", 300, 300)),
    ("Sweden will not renew the mandate of its troops.", ("SWE", "reduction_or_withdrawal", None, None)),
    ("Sweden will extend its mission by a year.", ("SWE", "pledge", None, None)),
])
def test_more_ways_of_leaving_and_staying(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


def test_ruling_out_is_still_a_refusal() -> None:
    (claim,) = extract("Sweden ruled out sending troops.", published=DAY)
    assert (claim.kind, claim.negated) == ("pledge", True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya's 1,000 officers are due in Haiti by June.", ("KEN", "pledge", 1000, 1000)),
    ("Some 200 Kenyan officers are en route to Haiti.", ("KEN", "arrival", 200, 200)),
])
def test_due_is_to_come_en_route_is_on_the_way(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Rwanda dispatched 300 soldiers to Bangui last week.", ("RWA", "arrival", 300, 300)),
    ("Rwanda will dispatch 300 soldiers to Bangui.", ("RWA", "pledge", 300, 300)),
])
def test_dispatch_like_send(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey said the number of troops to be deployed would not exceed one thousand.", ("TUR", "pledge", None, 1000)),
    ("Kenya's contingent stands at five hundred.", ("KEN", "arrival", 500, 500)),
])
def test_a_size_in_number_words(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("An entry force of between one thousand and two thousand Italian soldiers will deploy.",
     {("ITA", "pledge", 1000, 2000)}),
    ("Spain will send between five hundred and six hundred soldiers.", {("ESP", "pledge", 500, 600)}),
    ("Poland's troop levels would be cut to nine hundred from about 1,500.",
     {("POL", "reduction_or_withdrawal", 900, 900)}),
    ("Britain will donate five hundred troops and Italy will contribute six hundred.",
     {("GBR", "pledge", 500, 500), ("ITA", "pledge", 600, 600)}),
])
def test_ranges_and_continuations_in_number_words(text: str, expected: set) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Poland said it would reduce its number of police officers by 600 next year.",
     {("POL", "reduction_or_withdrawal", 600, 600)}),
    ("Jamaica will raise its police officers to 300 by June.", {("JAM", "pledge", 300, 300)}),
])
def test_police_sizes_read_like_troop_sizes(text: str, expected: set) -> None:
    assert rows(text) == expected


def test_ruling_out_taking_part_is_a_refusal_not_a_presence() -> None:
    (claim,) = extract("Amman ruled out taking part in any disarmament mission.", published=DAY)
    assert (claim.subject, claim.kind, claim.negated) == ("JOR", "pledge", True)


def test_police_to_be_trained_elsewhere_are_not_a_mission_total() -> None:
    text = ("The ISF will deploy in stages.\n\nBetween 1,000 and 2,000 police officers from Morocco could be trained "
            "in Egypt.")
    assert all(c.low is None and c.high is None for c in extract(text, published=DAY))
