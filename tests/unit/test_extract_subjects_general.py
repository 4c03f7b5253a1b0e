"""Subjects and attribution on sentences written for these tests (not taken from any report).

Who a claim is about: list and table lines, elliptical coordination, demonym nouns and force names, mission
totals, requesters and speakers, first-person speakers and follow-on sentences. Rules: tests/gold/GUIDELINE.md.
"""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import extract

DAY = date(2026, 3, 2)


def rows(text: str) -> set[tuple]:
    return {(c.subject, c.kind, c.low, c.high) for c in extract(text, published=DAY)}


def subjects(text: str) -> set[str]:
    return {c.subject for c in extract(text, published=DAY)}


# --- list and table layouts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Pledged contributions:\nGHANA: 600 troops\nBENIN: 250 troops\n",
     {("GHA", "pledge", 600, 600), ("BEN", "pledge", 250, 250)}),
    ("Troop pledges so far:\nCzechia (120)\nSlovakia (45)\n",
     {("CZE", "pledge", 120, 120), ("SVK", "pledge", 45, 45)}),
    ("Countries that offered troops:\n1. Uruguay = 300\n2. Paraguay = 150\n",
     {("URY", "pledge", 300, 300), ("PRY", "pledge", 150, 150)}),
    ("Countries that offered troops:\n- Austria - 2,000 troops\n- Belgium - 400 troops\n",
     {("AUT", "pledge", 2000, 2000), ("BEL", "pledge", 400, 400)}),
    ("Contingents currently deployed:\n• Zambia: 800 soldiers\n• Malawi: 350 soldiers\n",
     {("ZMB", "arrival", 800, 800), ("MWI", "arrival", 350, 350)}),
])
def test_list_lines_give_each_line_its_country(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


def test_a_table_row_with_a_tab() -> None:
    text = "Troops pledged by country:\nSenegal\t1,200\nTogo\t300\n"
    assert rows(text) == {("SEN", "pledge", 1200, 1200), ("TGO", "pledge", 300, 300)}


# --- elliptical coordination --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana promised 500 troops, Togo 25 and Benin 70.",
     {("GHA", "pledge", 500, 500), ("TGO", "pledge", 25, 25), ("BEN", "pledge", 70, 70)}),
    ("Norway has sent 120 soldiers, Denmark 80, and Finland 60.",
     {("NOR", "arrival", 120, 120), ("DNK", "arrival", 80, 80), ("FIN", "arrival", 60, 60)}),
    ("Chile offered 300 police officers, Peru 150 and Ecuador 90.",
     {("CHL", "pledge", 300, 300), ("PER", "pledge", 150, 150), ("ECU", "pledge", 90, 90)}),
    ("Portugal will withdraw 200 troops and Spain 150.",
     {("PRT", "reduction_or_withdrawal", 200, 200), ("ESP", "reduction_or_withdrawal", 150, 150)}),
])
def test_elliptical_coordination_shares_the_kind(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


# --- demonym nouns and national force names -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("The Kenyans will deploy 400 more police officers next month.", "KEN"),
    ("Rwandans have sent 300 troops to the capital.", "RWA"),
    ("The Ghanaians pledged 250 soldiers.", "GHA"),
    ("The SANDF will deploy 1,200 soldiers to the mission.", "ZAF"),
    ("The Bundeswehr plans to send 600 soldiers.", "DEU"),
    ("The Army Rangers Wing sent 12 soldiers to the mission.", "IRL"),
    ("The Tatmadaw pledged 500 troops.", "MMR"),
    ("The Royal Marines deployed 150 troops to the mission.", "GBR"),
    ("The Pakistan Army has deployed 1,000 troops to the mission.", "PAK"),
    ("The Indian Army will send a battalion of 800 soldiers.", "IND"),
    ("The Gurkhas will deploy 200 soldiers with the British contingent.", "GBR"),
    ("Italy said the Carabinieri will deploy 150 officers to the mission.", "ITA"),
    ("The Guardia Civil will deploy 40 officers.", "ESP"),
    ("The Mexican Navy sent 90 marines.", "MEX"),
])
def test_force_names_and_demonym_nouns_are_their_country(text: str, subject: str) -> None:
    assert subject in subjects(text)


def test_carabinieri_alone_without_italy_give_no_country() -> None:
    assert "ITA" not in subjects("Carabinieri trainers arrived at the base with 40 police officers from Chile.")


# --- mission totals -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The 2,500-strong force includes troops from Ghana, Togo and Benin.",
    "The 4,000-strong mission is made up of soldiers from Chad, Niger and Burkina Faso.",
    "The mission, which now numbers 3,000 personnel, includes police from Kenya and Jamaica.",
    "The force of 2,000 troops comprises contingents from Nepal, Peru and Fiji.",
])
def test_a_force_total_is_not_a_listed_countrys(text: str) -> None:
    got = {(c.subject, c.low) for c in extract(text, published=DAY)}
    assert not any(low is not None and len(subject) == 3 and subject.isupper() for subject, low in got), got


# --- requesters and speakers --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "subject", "low"), [
    ("The UN asked Kenya to send 1,000 police officers, and Nairobi agreed.", "KEN", 1000),
    ("U.S. officials said Indonesia would send 2,000 troops.", "IDN", 2000),
    ("French diplomats said Chad will deploy 1,500 soldiers.", "TCD", 1500),
    ("Italian ships carrying 2,500 troops to Lebanon left port on Friday.", "ITA", 2500),
    ("The African Union said Burundi had agreed to send 800 troops.", "BDI", 800),
])
def test_speakers_requesters_and_destinations_are_not_the_sender(text: str, subject: str, low: int) -> None:
    got = {(c.subject, c.low) for c in extract(text, published=DAY)}
    assert (subject, low) in got
    assert all(s == subject for s, lo in got if lo == low), got


# --- first-person speakers ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("\u201cWe will send 300 soldiers,\u201d said the Kenyan president.", "KEN"),
    ("\u201cWe are ready to deploy 500 troops,\u201d Ghana's defence minister told reporters.", "GHA"),
    ("Chile's president spoke in Santiago. \u201cI have authorised the deployment of 200 soldiers,\u201d he said.", "CHL"),
    ("\u201cI have ordered 400 troops to be ready,\u201d the Nigerian president said on Monday.", "NGA"),
])
def test_first_person_is_the_speakers_country(text: str, subject: str) -> None:
    assert subject in subjects(text)


# --- follow-on sentences ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya will lead the mission. It will send 1,000 police officers.", ("KEN", "pledge", 1000, 1000)),
    ("Ghana confirmed its participation in the force. The contingent of 600 soldiers will arrive in May.",
     ("GHA", "pledge", 600, 600)),
    ("Chad has agreed to join the mission. The country will deploy 1,500 troops.", ("TCD", "pledge", 1500, 1500)),
    ("Nepal offered troops for the force. Its 800 soldiers are expected in June.", ("NPL", "pledge", 800, 800)),
])
def test_a_following_sentence_keeps_the_subject(text: str, expected: tuple) -> None:
    assert expected in rows(text)


def test_the_next_line_keeps_the_subject_and_a_host_is_not_inherited() -> None:
    assert ("NPL", "pledge", 800, 800) in rows("Nepal hosted a meeting on the force.\nIts 800 soldiers will deploy in June.")
    assert rows("The force will be deployed in Haiti. It will have 2,500 personnel.") == set()
    assert rows("Kenya and Chad met on Monday. The contingent of 600 soldiers will arrive in May.") == set()


def test_a_first_person_wish_is_no_claim() -> None:
    assert rows("\u201cWe need at least 2,000 more troops,\u201d said the UN envoy.") == set()


# --- requests: no claim for the asked country until it accepts; never the requester's --------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The UN asked Kenya to send 1,000 police officers.", set()),
    ("The African Union urged Burundi to deploy 500 troops.", set()),
    ("Kenya agreed to a UN request to send 1,000 police officers.", {("KEN", "pledge", 1000, 1000)}),
    ("Jordan accepted an invitation from the African Union to deploy 300 soldiers.", {("JOR", "pledge", 300, 300)}),
    ("The UN asked Kenya to send 1,000 police officers, and Chad agreed.", set()),
])
def test_requests_and_their_acceptance(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


# --- inline lists: names with bracketed numbers, and more elliptical forms ------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Contributors: Kenya (1,000), Chad (400), Benin (2,000).",
     {("KEN", "arrival", 1000, 1000), ("TCD", "arrival", 400, 400), ("BEN", "arrival", 2000, 2000)}),
    ("Troop contributors include Pakistan (1,200 troops), Bangladesh (900) and Nepal (850).",
     {("PAK", "arrival", 1200, 1200), ("BGD", "arrival", 900, 900), ("NPL", "arrival", 850, 850)}),
    ("Brazil will contribute 800 troops, followed by Uruguay with 300.",
     {("BRA", "pledge", 800, 800), ("URY", "pledge", 300, 300)}),
    ("Nigeria has 1,200 troops in the mission, Ghana 800, and Senegal 600.",
     {("NGA", "arrival", 1200, 1200), ("GHA", "arrival", 800, 800), ("SEN", "arrival", 600, 600)}),
])
def test_inline_lists(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


def test_a_bracketed_year_is_not_a_figure() -> None:
    assert {c.low for c in extract("Kenya (2004) sent troops to Somalia.", published=DAY)} == {None}


@pytest.mark.parametrize(("text", "expected"), [
    ("The force, which includes troops from Ghana and Togo, numbers 2,500.", set()),
    ("The mission, made up of police from Kenya and Jamaica, now numbers 1,000 personnel.", set()),
    ("The 5,000-strong mission comprises soldiers from Chad, Niger and Senegal.", set()),
    ("The MSS will have 2,500 personnel. The mission, with police from Kenya, numbers 1,000.",
     {("MSS", "pledge", 2500, 2500), ("MSS", "arrival", 1000, 1000)}),
    ("AMISOM was set up in 2007. The 22,000-strong force includes troops from Uganda, Burundi and Kenya.",
     {("AMISOM", "arrival", 22000, 22000)}),
    ("The force includes 500 troops from Ghana.", {("GHA", "arrival", 500, 500)}),
])
def test_a_force_total_goes_to_the_force_not_its_members(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Italy will send 300 troops, with Spain sending 200.", {("ITA", "pledge", 300, 300), ("ESP", "pledge", 200, 200)}),
    ("France pledged 400 soldiers, with Belgium contributing 120 and Portugal providing 90.",
     {("FRA", "pledge", 400, 400), ("BEL", "pledge", 120, 120), ("PRT", "pledge", 90, 90)}),
])
def test_a_with_clause_names_its_own_sender(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "subject"), [
    ("A 600-strong Ghanaian battalion is set to deploy before the end of May.", "GHA"),
    ("An 850-strong Nepalese contingent will arrive in July.", "NPL"),
])
def test_a_demonym_right_after_a_strength_names_the_force(text: str, subject: str) -> None:
    assert subject in subjects(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenyans arrived in the capital in June.", {("KEN", "arrival", None, None)}),
    ("Jamaicans landed at the airport on Friday.", {("JAM", "arrival", None, None)}),
    ("Israelis protested in Tel Aviv on Sunday.", set()),
    ("The Swiss arrived late for the talks.", set()),
])
def test_a_people_that_arrives_is_its_force(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("According to the Dutch ministry, the battalion recently landed near the border.", {("NLD", "arrival", None, None)}),
    ("Kenyan officials said the first contingent has arrived.", {("KEN", "arrival", None, None)}),
    ("Officials in Rome said the contingent would deploy in May.", set()),
    ("U.S. officials said the troops would arrive next month.", set()),
])
def test_an_unnamed_national_unit_belongs_to_the_country_that_speaks(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Current deployments:\nBANGLADESH 1,200\nNEPAL 900\n", {("BGD", "arrival", 1200, 1200), ("NPL", "arrival", 900, 900)}),
    ("Guatemala sent 150 soldiers and El Salvador 8 to Haiti.",
     {("GTM", "arrival", 150, 150), ("SLV", "arrival", 8, 8)}),
])
def test_capitals_tables_and_an_ellipsis_before_a_place(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


def test_a_relative_clause_describing_the_leader_is_no_command_claim() -> None:
    assert rows("Kenya, which leads the mission, has 800 officers in Haiti.") == {("KEN", "arrival", 800, 800)}
    assert rows("Chad, which heads the force, will send 300 more troops.") == {("TCD", "pledge", 300, 300)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Somalia asked Ethiopia to withdraw its 3,000 troops.", set()),
    ("Ethiopia, asked by Somalia to leave, said it would withdraw 3,000 troops.",
     {("ETH", "reduction_or_withdrawal", 3000, 3000)}),
    ("At the request of the UN, Kenya will send 1,000 police.", {("KEN", "pledge", 1000, 1000)}),
    ("At Haiti's request, Kenya will send 1,000 police.", {("KEN", "pledge", 1000, 1000)}),
    ("Kenya was asked to send 1,000 police.", {("KEN", "consideration", 1000, 1000)}),
])
def test_who_asks_is_not_who_sends(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("- France: pledged 2,000 troops\n- Italy: has 1,100 troops on the ground\n",
     {("FRA", "pledge", 2000, 2000), ("ITA", "arrival", 1100, 1100)}),
    ("The contributors are:\n• Kenya, 1,000 police officers\n• Jamaica, 200 soldiers\n",
     {("KEN", "arrival", 1000, 1000), ("JAM", "arrival", 200, 200)}),
    ("Top troop contributors: Indonesia 1,200, Italy 1,100, India 900.",
     {("IDN", "arrival", 1200, 1200), ("ITA", "arrival", 1100, 1100), ("IND", "arrival", 900, 900)}),
])
def test_more_list_forms(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya and Jamaica have deployed 1,000 and 200 officers respectively.",
     {("KEN", "arrival", 1000, 1000), ("JAM", "arrival", 200, 200)}),
    ("Kenya, Jamaica and the Bahamas will send 1,000, 200 and 150 police officers, respectively.",
     {("KEN", "pledge", 1000, 1000), ("JAM", "pledge", 200, 200), ("BHS", "pledge", 150, 150)}),
])
def test_respectively_pairs_names_and_numbers(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


def test_a_first_person_quote_on_the_next_line() -> None:
    text = "Kenyan President William Ruto spoke on Monday.\n\u201cWe will send 1,000 officers,\u201d he said."
    assert "KEN" in subjects(text)
    assert subjects("\u201cWe will send 1,000 officers,\u201d he said.") == set()


def test_a_number_of_a_people_is_that_many_of_its_troops() -> None:
    assert rows("About 300 Rwandans will join the force next month.") == {("RWA", "pledge", 300, 300)}
    assert ("AUT", "pledge", 100, 100) in rows("The battalion will deploy 600 German troops and 100 Austrians.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey and Egypt were named. They will send 2,000 troops each.",
     {("TUR", "pledge", 2000, 2000), ("EGY", "pledge", 2000, 2000)}),
    ("Chad and Niger signed the deal. Both countries will deploy 1,000 soldiers.",
     {("TCD", "pledge", None, None), ("NER", "pledge", None, None)}),
])
def test_a_plural_anaphor_takes_the_countries_of_the_sentence_before(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "The Lebanese army will deploy 15,000 soldiers in the south alongside UNIFIL.",
    "The MSS is in Haiti. Haiti's national police will add 2,000 officers, MSS officials said.",
])
def test_the_hosts_own_forces_are_not_the_missions(text: str) -> None:
    assert not any(c.low for c in extract(text, published=DAY)), rows(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("We will send 300 soldiers, the Kenyan president said.", {("KEN", "pledge", 300, 300)}),
    ("We are ready to deploy 500 troops, said Ghana's defence minister.", {("GHA", "pledge", 500, 500)}),
    ("We need 2,000 troops, the UN envoy said.", set()),
])
def test_first_person_without_quotation_marks(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("| Country | Troops pledged |\n|---|---|\n| Kenya | 1,000 |\n| Jamaica | 200 |\n",
     {("KEN", "pledge", 1000, 1000), ("JAM", "pledge", 200, 200)}),
    ("Country | Troops deployed\nKenya | 1,000\nJamaica | 200\n",
     {("KEN", "arrival", 1000, 1000), ("JAM", "arrival", 200, 200)}),
])
def test_pipe_tables_under_a_header_row(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "subject"), [
    ("The Italian contingent bound for Lebanon numbers 2,500.", "ITA"),
    ("Germany pledged 500 soldiers for Mali.", "DEU"),
    ("Lebanese Prime Minister Fouad Siniora said 3,000 Italian soldiers would arrive.", "ITA"),
    ("Mali's government said 1,200 Chadian soldiers had arrived in Kidal.", "TCD"),
])
def test_the_destination_is_not_the_sender(text: str, subject: str) -> None:
    assert subjects(text) == {subject}


@pytest.mark.parametrize(("text", "expected"), [
    ("Chad, Niger and Burkina Faso each pledged 500 soldiers.",
     {("TCD", "pledge", 500, 500), ("NER", "pledge", 500, 500), ("BFA", "pledge", 500, 500)}),
    ("Chad and Niger will send 2,000 troops.", {("TCD", "pledge", None, None), ("NER", "pledge", None, None)}),
    ("Uganda pledged 1,000 troops; Burundi, 800.", {("UGA", "pledge", 1000, 1000), ("BDI", "pledge", 800, 800)}),
])
def test_each_before_the_verb_and_a_comma_ellipsis(text: str, expected: set[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "\u201cWe have lost 12 soldiers,\u201d the Kenyan commander said.",
    "Over 500 Ethiopians were wounded in the attack on the base of the troops.",
    "The mission evacuated 150 Americans.",
    "Delegates from France (12), Germany (9) and Italy (7) attended the summit on the mission.",
    "Italy: the minister said the troops would not be ready before 2025.",
])
def test_no_figure_claims_from_distractors(text: str) -> None:
    assert not any(c.low or c.high for c in extract(text, published=DAY)), rows(text)
