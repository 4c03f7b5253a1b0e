"""Sixth round of general rules (2026-12-06), on sentences written for these tests, not taken from reports.

- a state's leaders, lawmakers or congress act for it even with a destination named after the verb;
- approval, permission or a green light to send is a decision (a pledge); seeking it is a consideration; approving
  a proposal or plan to send is a pledge;
- a clause that counts countries before a dash or colon, or after the list ("are the first countries to ..."),
  gives each listed country the clause's kind;
- talks with listed countries about contributing make each a consideration;
- "have been in <place>" with a force is a presence; "cut the number of soldiers by N" is a cut;
- "would go to <place>" with a force is a move in;
- "pledged forces or are considering it" is a consideration for those named.
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2025, 6, 2)


def claims(text: str) -> set[tuple[str, str, int | None]]:
    return {(c.subject, c.kind, c.low) for c in extract(text, published=DAY)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Norwegian leaders approved sending 120 soldiers to Lebanon.", {("NOR", "pledge", 120)}),
    ("Chile's lawmakers approved sending 90 engineers to Haiti.", {("CHL", "pledge", 90)}),
    ("Peru's Congress has approved a proposal to send a contingent of soldiers to Haiti.", {("PER", "pledge", None)}),
    ("The Estonian cabinet gave final approval to send 40 soldiers.", {("EST", "pledge", 40)}),
    ("Latvia's army got the green light to deploy 30 soldiers.", {("LVA", "pledge", 30)}),
])
def test_a_decision_to_send_is_a_pledge(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Estonia's government sought parliamentary approval to send 40 soldiers.", {("EST", "consideration", 40)}),
    ("Latvia is awaiting the green light to deploy 30 soldiers.", {("LVA", "consideration", 30)}),
])
def test_seeking_approval_is_a_consideration(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_a_named_speaker_for_a_destination_is_still_not_the_sender() -> None:
    # The officials speak for their state; the sender named in the clause stays the subject.
    assert claims("Swedish officials said Ghana would send 300 soldiers to Mali.") == {("GHA", "pledge", 300)}


@pytest.mark.parametrize(("text", "expected"), [
    ("The first three countries have pledged troops to the force - Fiji, Tonga and Samoa.",
     {("FJI", "pledge", None), ("TON", "pledge", None), ("WSM", "pledge", None)}),
    ("Four nations offered soldiers for the mission: Chad, Niger, Benin and Togo.",
     {("TCD", "pledge", None), ("NER", "pledge", None), ("BEN", "pledge", None), ("TGO", "pledge", None)}),
    ("Fiji and Tonga are among the countries that have withdrawn troops from the mission.",
     {("FJI", "reduction_or_withdrawal", None), ("TON", "reduction_or_withdrawal", None)}),
])
def test_countries_counted_beside_a_list(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "The summit drew countries from the region - Egypt, Qatar and Jordan.",
    "Egypt, Qatar and Jordan are the countries that mediated the truce.",
])
def test_counted_countries_without_a_contribution_get_nothing(text: str) -> None:
    assert claims(text) == set()


def test_counted_countries_that_refused_are_refusals() -> None:
    found = extract("Two countries refused to send troops: Chad and Niger.", published=DAY)
    assert {(c.subject, c.kind, c.negated) for c in found} == {("TCD", "pledge", True), ("NER", "pledge", True)}


def test_talks_with_listed_countries_about_contributing() -> None:
    assert claims("London says it has talked with Ghana, Kenya and Rwanda about contributing to the force.") == {
        ("GHA", "consideration", None), ("KEN", "consideration", None), ("RWA", "consideration", None)}
    # talks about something else: no claim
    assert claims("London says it has talked with Ghana, Kenya and Rwanda about trade and tariffs.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Dutch troops have been in the port for three weeks.", {("NLD", "arrival", None)}),
    ("Rwandan soldiers would go to Bangui next month.", {("RWA", "pledge", None)}),
    ("Other nations that have either pledged forces or are considering it include Fiji and Tonga.",
     {("FJI", "consideration", None), ("TON", "consideration", None)}),
])
def test_presence_cut_move_and_either_or(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_a_cut_in_the_number_of_soldiers() -> None:
    # GUIDELINE section 2: the change or the new level; both are the cut's figures.
    found = claims("Oslo also cut the maximum number of soldiers in the mission by 200 to 600.")
    assert len(found) == 1
    ((subject, kind, low),) = found
    assert (subject, kind) == ("NOR", "reduction_or_withdrawal") and low in (200, 600)


@pytest.mark.parametrize("text", [
    "The Dutch minister has been in talks with France.",
    "The Dutch minister has been in Paris for two days.",
    "The government cut the number of road projects by 20.",
    "Rwandan voters would go to the polls next month.",
])
def test_the_near_misses_give_nothing(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Peru's Defense Agency plans to deploy 600 troops.", {("PER", "pledge", 600)}),
    ("Chile's senate has narrowly approved the dispatch of 300 troops to Haiti.", {("CHL", "pledge", 300)}),
    # a state named in the clause is the one who acts, not the institution that speaks
    ("Peru's Defense Agency says Ghana plans to deploy 600 troops.", {("GHA", "pledge", 600)}),
])
def test_an_institution_acts_for_its_state(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana is also due to send an assessment mission to Mali in the coming days.", set()),
    ("Ghana will send a fact-finding team to Mali.", set()),
    # a team with a figure of personnel is a contribution
    ("Ghana will send a technical team of 20 officers to Mali.", {("GHA", "pledge", 20)}),
    ("The blast left 12 soldiers - eight Ghanaians and four Nigerians - wounded.", set()),
])
def test_a_survey_visit_or_the_wounded_are_not_a_force(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Greece might withdraw its troops from the force in protest.", {("GRC", "consideration", None)}),
    ("Greece will withdraw its troops from the force in May.", {("GRC", "reduction_or_withdrawal", None)}),
    ("Spain and Italy are uncertain about increasing their forces.",
     {("ESP", "consideration", None), ("ITA", "consideration", None)}),
    ("Estonia and Latvia could each give 30-50 soldiers.",
     {("EST", "consideration", 30), ("LVA", "consideration", 30)}),
    ("Latvia would give 40 soldiers to the force.", {("LVA", "pledge", 40)}),
])
def test_hedged_moves_are_considerations(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "Latvia would give support to the mission.",
    "Spain is uncertain about the weather.",
])
def test_giving_or_doubting_something_else_is_no_claim(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Greece's army has agreed to take over the reins of the force.", {("GRC", "command", None)}),
    ("Greece prepared to take over leadership of the U.N. force.", {("GRC", "command", None)}),
    ("Greece, the lead nation in the mission, will send 300 soldiers.",
     {("GRC", "command", None), ("GRC", "pledge", 300)}),
    # the force's name before "command" is what is taken over, not who takes it
    ("Greece is expected to take over UNIFIL command by May.", {("GRC", "command", None)}),
])
def test_command_in_other_words(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "The party leadership said the force would be ready soon.",
    "Greece is a lead donor to the mission.",
])
def test_leadership_and_lead_elsewhere_are_not_command(text: str) -> None:
    assert not any(kind == "command" for _, kind, _ in claims(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana contributed 200 soldiers to the mission with a mandate to keep the peace.", {("GHA", "arrival", 200)}),
    ("Rutte said the decision to deploy Belgian troops was a tough one.", {("BEL", "pledge", None)}),
    ("The Belgian cabinet will take the formal decision to send troops on Friday.", {("BEL", "consideration", None)}),
    ("Belgian troops are almost certain to take part in the mission.", {("BEL", "pledge", None)}),
    ("A video showed Belgian troops arriving in Kosovo.", {("BEL", "arrival", None)}),
    ("Belgian troops are expected to arrive in Kosovo next week.", {("BEL", "pledge", None)}),
])
def test_decisions_certainties_and_seen_arrivals(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chad planned to deploy 1,000 additional UN peacekeepers to Mali.", {("TCD", "pledge", 1000)}),
    ("Uganda will send 2,000 more AU troops.", {("UGA", "pledge", 2000)}),
    ("With 1,400 troops, Zambia is among the top troop contributors to MINUSCA.", {("ZMB", "arrival", 1400)}),
    ("With about 900 troops, Zambia has the largest force in the region.", {("ZMB", "arrival", 900)}),
])
def test_the_owner_of_a_figure(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_a_force_joined_is_not_the_joiners() -> None:
    # "will join the 3,800 AU peacekeepers": the 3,800 are not Rwanda's
    assert ("RWA", "pledge", 3800) not in claims("Rwandan troops will join the 3,800 African Union peacekeepers.")


def test_the_new_level_of_a_demonyms_forces_is_theirs() -> None:
    found = claims("Forty Bolivian soldiers arrived on Monday to reinforce the mission, bringing the number of Bolivian "
                   "forces to 95 personnel.")
    assert found == {("BOL", "arrival", 40), ("BOL", "arrival", 95)}


@pytest.mark.parametrize(("text", "expected"), [
    ('Bhutan is "quite willing" to send peacekeepers.', {("BTN", "pledge", None)}),
    ("Denmark, Greece and Turkey also participate in the naval mission.",
     {("DNK", "arrival", None), ("GRC", "arrival", None), ("TUR", "arrival", None)}),
    ("Denmark will participate in the naval mission.", {("DNK", "pledge", None)}),
    ("Zambia was the first country to deploy its troops to the mission.", {("ZMB", "arrival", None)}),
    ("Zambia is the first country to commit police to the mission.", {("ZMB", "pledge", None)}),
    ("Zambia is among the main contributors of AMISOM troops.", {("ZMB", "arrival", None)}),
    ('Sweden is "investigating the possibilities" of sending a force.', {("SWE", "consideration", None)}),
    ("Troops will be sent soon. Additional commitments came from Ghana, Togo and Benin.",
     {("GHA", "pledge", None), ("TGO", "pledge", None), ("BEN", "pledge", None)}),
])
def test_presence_offers_and_weighing_in_other_words(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "Zambia is among the main contributors to the fund.",
    "Zambia was the first country to recognise the new government.",
])
def test_contributors_and_firsts_elsewhere_are_no_claim(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway will send 300 sailors to the naval force.", {("NOR", "pledge", 300)}),
    ("Norway will send 40 airmen to the mission.", {("NOR", "pledge", 40)}),
])
def test_sailors_and_airmen_are_personnel(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Benin has offered 2,000 troops to support a planned Kenyan-led force.", {("BEN", "pledge", 2000)}),
    ("Egypt is still being consulted on whether the force should be a full U.N.-led operation.", set()),
    ("Some 1,200 Polish troops already serve as part of the NATO-led mission.", {("POL", "arrival", 1200)}),
])
def test_a_led_compound_describes_the_force(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_an_offer_by_another_country_is_that_countrys() -> None:
    found = extract("Israel had previously rejected an offer by Indonesia to send troops.", published=DAY)
    assert {(c.subject, c.kind, c.negated) for c in found} == {("IDN", "pledge", False)}
    assert claims("Mali welcomed pledges from Chad and Niger to send troops.") == {
        ("TCD", "pledge", None), ("NER", "pledge", None)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Fiji has promised to send 15-hundred troops to the force.", {("FJI", "pledge", 1500)}),
    ("Fiji will send 2 hundred soldiers.", {("FJI", "pledge", 200)}),
])
def test_digits_with_hundred(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Polish government agreed Friday to contribute up to 300 troops to the force.", {("POL", "pledge", None)}),
    ("Poland has about 300 troops near the city of Kandahar.", {("POL", "arrival", 300)}),
    ("So far, some 200 Polish peacekeepers have returned.", {("POL", "reduction_or_withdrawal", 200)}),
    ("Polish police officers have returned from Haiti.", {("POL", "reduction_or_withdrawal", None)}),
])
def test_days_nearness_and_returns(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "Polish officials have returned to the talks.",
    "The Polish minister has returned from Paris.",
])
def test_people_who_return_are_not_a_force(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Japanese troops are now arriving in Iraq.", {("JPN", "arrival", None)}),
    ("Japanese troops are arriving in Iraq next week.", {("JPN", "pledge", None)}),
    ("Britain will send more troops to its contingent, which already numbers 400 British soldiers.",
     {("GBR", "arrival", 400)}),
    ("Around 1,100 South African troops currently in the DRC would join the brigade.", {("ZAF", "arrival", 1100)}),
    ("The first Belizean troops arrived on Thursday to join the 400 Kenyan officers already in Haiti.",
     {("BLZ", "arrival", None), ("KEN", "arrival", 400)}),
])
def test_present_and_past_beside_a_future(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Belgian troops also took up position to secure the airport.", {("BEL", "arrival", None)}),
    ("Police personnel from Ghana and Togo are scheduled for deployment in Mogadishu.",
     {("GHA", "pledge", None), ("TGO", "pledge", None)}),
    ("Poland formally closed its mission on October 4.", {("POL", "reduction_or_withdrawal", None)}),
    ("Ghana closed the border with Togo.", set()),
])
def test_positions_schedules_and_closures(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_no_date_set_for_a_deployment_is_not_a_schedule() -> None:
    found = claims("While no date has yet been set for the deployment, two Greek officers have already been assigned "
                   "to the coordination center.")
    assert ("GRC", "pledge", 2) not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("The government of Jamaica will be sending soldiers to Haiti.", {("JAM", "pledge", None)}),
    ("Jamaica will also be providing 50 police officers.", {("JAM", "pledge", 50)}),
    ("The US will send 3,000 soldiers, and the President asked his allies to contribute between 500 and 700 more.",
     {("USA", "pledge", 3000)}),
])
def test_future_progressive_and_requested_figures(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_a_force_beside_is_not_the_subject() -> None:
    found = claims("The contingent will be deploying shortly into the south, where it will operate alongside the "
                   "Kenyan contingent.")
    assert not any(subject == "KEN" for subject, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("The president said he would carry out his pledge to withdraw combat forces from Afghanistan by year's end.",
     set()),
    ("After its withdrawal from Afghanistan, Hungary has moved its forces to beef up its contingent in Kosovo.",
     {("HUN", "pledge", None)}),
    ("By next year, France is set to have about 3,000 soldiers in the Sahel, down from 5,100 at its peak.",
     {("FRA", "reduction_or_withdrawal", 3000)}),
    ("France now has 3,000 soldiers in the Sahel, up from 2,000.", {("FRA", "arrival", 3000)}),
])
def test_places_left_and_levels_fallen_from(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("That leaves Malawi and Zambia with troops on the ground in Cabo Delgado.",
     {("MWI", "arrival", None), ("ZMB", "arrival", None)}),
    ("SAMIM has been on the ground in Cabo Delgado since July.", {("SAMIM", "arrival", None)}),
    ("The European Union has announced dramatic cuts to its peacekeeping force in Bosnia (EUFOR).",
     {("EUFOR", "reduction_or_withdrawal", None)}),
    ("KFOR's troops come from 20 NATO states and 11 other countries, including Chile and Morocco.",
     {("CHL", "arrival", None), ("MAR", "arrival", None)}),
    ("Israel's share of territory in Gaza is expected to be reduced to 40%.", {("ISR", "territory_control", None)}),
])
def test_rosters_presences_cuts_and_shares(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "The UK's share of the budget is 15%.",
    "Malawi and Zambia met with troops of the host nation.",
])
def test_shares_and_meetings_elsewhere_are_no_claim(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Poland would take responsibility for one of the three zones.", {("POL", "command", None)}),
    ("Poland will take command of the sector.", {("POL", "command", None)}),
    ("Belgium would provide 302 troops and could eventually lift the number to nearly 400.",
     {("BEL", "pledge", 302), ("BEL", "consideration", 400)}),
    ("Nigeria plans to send a total of 900 troops, with a possibility of going up to 1,200.",
     {("NGA", "pledge", 900), ("NGA", "consideration", None)}),
    ("Belgium will raise its contingent to 400 soldiers.", {("BEL", "pledge", 400)}),
])
def test_zones_lifts_and_possible_figures(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "The ministry will lift the ban on travel.",
    "Belgium will raise funds for the mission.",
    "The sector's economy grew by 5% last year.",
])
def test_lifting_raising_and_sectors_elsewhere_are_no_claim(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize("text", [
    "Spain has a total of 2,129 troops involved in peacekeeping missions in Kosovo, Bosnia and Afghanistan.",
    "In July, two Chinese peacekeepers, Li Lei and Yang Shupeng, died after their vehicle was struck.",
    "KFOR currently consists of well over 4,500 troops contributed by 27 NATO members and partners.",
])
def test_figures_that_are_no_contribution_to_this_force(text: str) -> None:
    assert not any(low in (2129, 2, 27) for _, _, low in claims(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Hungary has 350 soldiers in NATO's KFOR mission.", {("HUN", "arrival", 350)}),
    ("The 95 members are the second batch of Chinese police to leave Haiti.",
     {("CHN", "reduction_or_withdrawal", 95)}),
    ("Some 900 Nigerian troops are already on the ground to extend peacekeeping operations in Liberia.",
     {("NGA", "arrival", 900)}),
])
def test_members_and_operations_stay_figures(text: str, expected: set) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya will send 800 cops.", {("KEN", "pledge", 800)}),
    ("Senegalese troops have moved towards the Gambian border.", {("SEN", "arrival", None)}),
    (("The Uruguayan parliament had approved an extension until April 15 for the Uruguayan contingent's "
      "participation in the mission."), {("URY", "pledge", None)}),
])
def test_cops_moves_and_extensions(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_an_extension_of_something_else_is_no_claim() -> None:
    assert claims("The court approved an extension of the deadline for the troops' pay claims.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey, the only Muslim nation that is a member of NATO, had been lined up to replace the UK as head of ISAF.",
     {("TUR", "command", None)}),
    ("NATO supports the agreement between Belgrade and Pristina and will not reduce the current number of troops.",
     {("NATO", "reduction_or_withdrawal", None)}),
    ("Bangladeshi troops will arrive early next year to replace Kenyan peacekeepers, who are withdrawing.",
     {("BGD", "pledge", None), ("KEN", "reduction_or_withdrawal", None)}),
])
def test_parties_members_and_the_replaced(text: str, expected: set) -> None:
    assert claims(text) == expected


def test_a_month_named_may_is_no_hedge() -> None:
    assert claims("The Chilean troops that arrived in May left on Friday.") == {("CHL", "reduction_or_withdrawal", None)}
    assert claims("Chile may withdraw its troops.") == {("CHL", "consideration", None)}
