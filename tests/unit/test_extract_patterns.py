"""Extraction patterns met in reports the extractor was not built on (issue 12), on sentences written for these tests.

Each test names the pattern; the rules are in tests/gold/GUIDELINE.md.
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2026, 3, 2)


def rows(text: str) -> set[tuple]:
    return {(c.subject, c.kind, c.low, c.high) for c in extract(text, published=DAY)}


# --- list layouts -----------------------------------------------------------------------------------------------

def test_a_dash_list_under_a_heading_gives_each_line_its_country_and_the_headings_kind() -> None:
    text = "Offers made at the conference so far:\nNorway - 200 troops\nFinland – 150 soldiers\n"
    assert rows(text) == {("NOR", "pledge", 200, 200), ("FIN", "pledge", 150, 150)}


def test_a_list_of_deployed_strengths_gives_arrivals() -> None:
    assert rows("Contingents on the ground in May:\nPeru: 310 troops\nNepal: 880 troops\n") == {
        ("PER", "arrival", 310, 310), ("NPL", "arrival", 880, 880)}


def test_an_upper_case_label_names_the_country_of_its_line() -> None:
    text = "SOUTH KOREA: The government said it would send about 300 soldiers.\nCHILE: Officials are weighing a request."
    assert ("KOR", "pledge", 300, 300) in rows(text)


# --- police and gendarmes as personnel ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "low"), [
    ("Portugal will send 300 carabinieri to the mission.", 300),
    ("Senegal offered 140 gendarmes for the force.", 140),
    ("Rwanda pledged 1,000 police officers to the mission.", 1000),
])
def test_police_gendarmes_and_carabinieri_are_police_personnel(text: str, low: int) -> None:
    (claim,) = extract(text, published=DAY)
    assert (claim.low, claim.personnel) == (low, "police")


# --- unit words and counts ---------------------------------------------------------------------------------------

def test_a_stated_number_wins_over_the_unit_word_it_explains() -> None:
    assert rows("Ghana will send a battalion of 850 soldiers.") == {("GHA", "pledge", 850, 850)}
    assert rows("Chile is ready to deploy two battalions (up to 1,600 troops).") == {("CHL", "pledge", None, 1600)}


def test_counted_words_become_numbers() -> None:
    assert rows("Two dozen Fijian medics will arrive next month.") == {("FJI", "pledge", 24, 24)}
    assert rows("Brazil sent five military engineers to assess the roads.") == {("BRA", "arrival", 5, 5)}


def test_ships_are_not_personnel_but_the_quantity_is_kept() -> None:
    (claim,) = extract("Norway will contribute at least three ships to the naval task force.", published=DAY)
    assert (claim.subject, claim.kind, claim.low, claim.high) == ("NOR", "pledge", None, None)
    assert claim.quantity_text == "at least three ships"


def test_a_count_before_a_force_noun_is_not_a_year() -> None:
    assert ("ATMIS", "reduction_or_withdrawal", 2000, 2000) in rows(
        "The mission said the drawdown of 2000 ATMIS soldiers would end in June.")


# --- territory shares --------------------------------------------------------------------------------------------

def test_a_handover_of_an_additional_share_is_a_territory_claim() -> None:
    shares = {c.share_pct for c in extract("Israel controls 58 percent of the Strip and will hand over an additional "
                                           "8 percent.", published=DAY)}
    assert shares == {58.0, 8.0}
    (claim,) = extract("Israel will withdraw its forces from a further 12 percent of Gaza.", published=DAY)
    assert (claim.kind, claim.share_pct) == ("territory_control", 12.0)


# --- who sends ---------------------------------------------------------------------------------------------------

def test_the_sending_country_not_the_destination() -> None:
    assert rows("Spanish ships carrying 900 troops to Cyprus arrived on Monday.") == {("ESP", "arrival", 900, 900)}


def test_a_hosts_own_forces_are_not_a_contribution() -> None:
    text = ("Kenyan police arrived in Haiti on Monday. Some 9,000 Haitian police officers will work alongside the "
            "mission.")
    assert rows(text) == {("KEN", "arrival", None, None)}


def test_a_mission_total_belongs_to_the_mission_not_to_the_listed_countries() -> None:
    text = ("The UNMISS force, with troops from India and Rwanda, currently numbers about 12,000. "
            "UN troops have been leaving the south since March.")
    assert rows(text) == {("UNMISS", "arrival", 12000, 12000), ("UNMISS", "reduction_or_withdrawal", None, None)}


def test_a_body_that_receives_or_asks_is_not_the_sender() -> None:
    assert rows("The United Nations has received offers of 4,000 troops for MINUSCA.") == {
        ("MINUSCA", "pledge", 4000, 4000)}
    assert rows("The alliance had asked for up to 3,000 more troops; Norway will send 200 soldiers.") == {
        ("NOR", "pledge", 200, 200)}


def test_a_joint_figure_is_not_each_countrys_and_each_makes_it_so() -> None:
    assert rows("A battalion from Sweden and Finland will join the force.") == {
        ("SWE", "pledge", None, None), ("FIN", "pledge", None, None)}
    assert rows("Chad and Niger will send 500 troops each.") == {("TCD", "pledge", 500, 500), ("NER", "pledge", 500, 500)}


def test_a_trailing_as_well_as_adds_subjects() -> None:
    assert rows("Ghana agreed to send troops, in a first for the region, as well as Togo and Benin.") == {
        ("GHA", "pledge", None, None), ("TGO", "pledge", None, None), ("BEN", "pledge", None, None)}


# --- kinds: arrivals, withdrawals, rotations, pledges, considerations --------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Zambia deployed 420 additional soldiers last week.", ("ZMB", "arrival", 420, 420)),
    ("More than 300 Nepalese peacekeepers have left the country.", ("NPL", "reduction_or_withdrawal", 300, None)),
    ("An advance party of 90 Irish soldiers has left for the mission area.", ("IRL", "arrival", 90, 90)),
    ("The Dutch contingent will be cut to 400 troops.", ("NLD", "reduction_or_withdrawal", 400, 400)),
    ("Mongolia could contribute up to 850 personnel.", ("MNG", "consideration", None, 850)),
    ("Fiji has made a company of 150 soldiers available to the force.", ("FJI", "pledge", 150, 150)),
])
def test_kinds_from_the_verbs(text: str, expected: tuple) -> None:
    assert rows(text) == {expected}


def test_a_rotation_is_an_arrival_of_the_incoming_contingent() -> None:
    found = rows("The force deployed some 400 Danish troops in June, who were later replaced by Estonian soldiers.")
    assert found == {("DNK", "arrival", 400, 400), ("EST", "arrival", None, None)}


def test_casualties_requests_training_and_money_are_not_claims() -> None:
    for text in ("At least 40 Malian peacekeepers were killed in the attack on the camp.",
                 "Lebanon urged Ireland to send 500 more troops to the force.",
                 "Egypt pledged to train Palestinian police officers for the mission.",
                 "Britain said it would contribute £5m to the mission's trust fund."):
        assert rows(text) == set(), text
