"""The claim extractor on sentences written for these tests (none copied from a report)."""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import (
    KINDS,
    ProposedClaim,
    claim_row,
    extract,
    extract_document,
    parse_document,
    split_sentences,
)
from stabforce.ledger.vocab import UNIT_STRENGTH, Task, country_name

DAY = date(2026, 1, 10)


def claims(text: str, **kwargs: object) -> list[ProposedClaim]:
    found = extract(text, published=kwargs.pop("published", DAY), **kwargs)  # type: ignore[arg-type]
    for c in found:
        assert text[c.start:c.end] == c.quote
        assert c.kind in KINDS
        assert 0.0 <= c.confidence <= 1.0
        if c.subject_kind == "country":
            assert country_name(c.subject) is not None
        assert all(t in {x.value for x in Task} for t in c.tasks)
    return found


def one(text: str, **kwargs: object) -> ProposedClaim:
    found = claims(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


# --- subjects -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("Kazakhstan offered peacekeepers for the force.", "KAZ"),
    ("Kosovo has committed troops to the mission.", "XKX"),
    ("Jakarta pledged troops for the stabilization force.", "IDN"),
    ("Islamabad is weighing a contribution of troops.", "PAK"),
    ("Baku will send soldiers once the fighting stops.", "AZE"),
    ("Rabat plans to send police officers to the mission.", "MAR"),
    ("The Moroccan government pledged police for the mission.", "MAR"),
    ("Azerbaijani officials said Baku will not send troops.", "AZE"),
    ("Türkiye is ready to deploy troops to the force.", "TUR"),
    ("The UAE pledged troops for the mission.", "ARE"),
    ("IDN pledged troops for the mission.", "IDN"),
])
def test_subjects_from_names_demonyms_capitals_and_codes(text: str, subject: str) -> None:
    c = one(text)
    assert c.subject == subject and c.subject_kind == "country"


def test_organization_subject() -> None:
    c = one("Hamas controls roughly 45 percent of the Strip.")
    assert (c.subject, c.subject_kind, c.kind, c.share_pct, c.approx) == ("Hamas", "organization",
                                                                        "territory_control", 45.0, True)


def test_officials_who_are_the_subject_of_the_trigger_speak_for_their_state() -> None:
    c = one("Azerbaijani officials are weighing whether to send troops to the force.")
    assert (c.subject, c.kind) == ("AZE", "consideration")
    assert one("The Pakistani government is still considering sending troops.").subject == "PAK"
    # a reporting verb hands the action to someone else; another country in the clause acts itself
    assert claims("Two Chilean officials said international troops could begin deploying next month.") == []
    assert [c.subject for c in claims("Israeli officials are weighing whether Turkish troops could join.")] == ["TUR"]


def test_speakers_owners_places_and_media_are_not_subjects() -> None:
    assert claims("Two U.S. officials said international troops could begin deploying next month.") == []
    assert claims("The American plan to deploy international forces faces delays, the Washington Post said.") == []
    c = one("Officials in Amman said Egypt will send 300 police trainers.")
    assert c.subject == "EGY"


def test_the_speakers_own_country_through_a_pronoun() -> None:
    c = one("The Albanian foreign ministry said it would send 120 soldiers.")
    assert (c.subject, c.kind, c.low, c.high) == ("ALB", "pledge", 120, 120)


def test_two_countries_each_get_a_claim() -> None:
    found = claims("Indonesia and Pakistan offered troops for the force.")
    assert sorted((c.subject, c.kind) for c in found) == [("IDN", "pledge"), ("PAK", "pledge")]
    found = claims("Egypt pledged 500 police trainers, while Jordan is still considering a role in the mission.")
    assert [(c.subject, c.kind, c.high) for c in found] == [("EGY", "pledge", 500), ("JOR", "consideration", None)]


def test_coordinated_subject_continues_after_but() -> None:
    found = claims("Qatar and Bahrain said they would fund the force but will not send soldiers.")
    assert sorted(c.subject for c in found) == ["BHR", "QAT"]
    assert all(c.kind == "pledge" and c.negated for c in found)


# --- kinds ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("Mongolia volunteered a contingent for the force.", "pledge"),
    ("Bangladesh is ready to send troops once the mandate is clear.", "pledge"),
    ("Greece is in talks with Washington about joining the mission.", "consideration"),
    ("Malaysia is mulling whether to contribute troops.", "consideration"),
    ("Uzbekistan has reevaluated its plans for the mission.", "consideration"),
    ("Italy remains hesitant about sending soldiers.", "consideration"),
    ("Armenia will scale back its contingent.", "reduction_or_withdrawal"),
    ("Paraguay pulled out of the stabilization force.", "reduction_or_withdrawal"),
    ("The first Kazakh soldiers arrived in Rafah on Tuesday.", "arrival"),
    ("Albanian troops have already deployed to the southern sector.", "arrival"),
    ("A Jordanian general was appointed deputy commander of the ISF.", "command"),
    ("The Israeli army still holds about half of the Strip.", "territory_control"),
])
def test_kinds(text: str, kind: str) -> None:
    assert one(text).kind == kind


def test_command_considered_or_decided() -> None:
    considered = one("A Turkish general is reportedly being considered to lead the force.")
    assert (considered.subject, considered.kind, considered.appointment) == ("TUR", "command", "considered")
    decided = one("An Egyptian general will command the stabilization force.")
    assert decided.appointment == "decided"


def test_future_arrival_is_a_pledge() -> None:
    c = one("Pakistani troops are expected to arrive in the enclave in March.")
    assert c.kind == "pledge" and c.timing_text == "in March"


def test_territory_needs_a_share() -> None:
    assert claims("The camp lies in an area still under Israeli control.") == []
    c = one("Israel controls 58% of the enclave, the map shows.")
    assert (c.subject, c.share_pct, c.quantity_text, c.low, c.high, c.personnel) == (
        "ISR", 58.0, "58% of the enclave", None, None, None)


def test_no_claim_without_a_force() -> None:
    assert claims("Hamas offered a long truce in exchange for aid.") == []
    assert claims("Jordan is discussing trade quotas with Egypt.") == []


# --- figures --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "low", "high", "approx", "quantity"), [
    ("Morocco pledged 1,500 troops.", 1500, 1500, False, "1,500 troops"),
    ("Morocco pledged up to 1,500 troops.", None, 1500, False, "up to 1,500 troops"),
    ("Morocco pledged as many as 1,500 troops.", None, 1500, False, "as many as 1,500 troops"),
    ("Morocco pledged at least 1,500 troops.", 1500, None, False, "at least 1,500 troops"),
    ("Morocco pledged 1,500 or more troops.", 1500, None, False, "1,500 or more troops"),
    ("Morocco pledged 1,000 to 1,500 troops.", 1000, 1500, False, "1,000 to 1,500 troops"),
    ("Morocco pledged 1,000-1,500 troops.", 1000, 1500, False, "1,000-1,500 troops"),
    ("Morocco pledged 1,000–1,500 troops.", 1000, 1500, False, "1,000–1,500 troops"),
    ("Morocco pledged between 1,000 and 1,500 troops.", 1000, 1500, False, "between 1,000 and 1,500 troops"),
    ("Morocco pledged about 1,500 troops.", 1500, 1500, True, "about 1,500 troops"),
    ("Morocco pledged around 1,500 troops.", 1500, 1500, True, "around 1,500 troops"),
    ("Morocco pledged nearly 1,500 troops.", 1500, 1500, True, "nearly 1,500 troops"),
    ("Morocco pledged some 1,500 troops.", 1500, 1500, True, "some 1,500 troops"),
    ("Morocco pledged two thousand troops.", 2000, 2000, False, "two thousand troops"),
    ("Morocco pledged a 3,000-strong force.", 3000, 3000, False, "3,000-strong force"),
    ("Morocco pledged 2 thousand peacekeeping troops.", 2000, 2000, False, "2 thousand peacekeeping troops"),
])
def test_personnel_figures(text: str, low: int | None, high: int | None, approx: bool, quantity: str) -> None:
    c = one(text)
    assert (c.subject, c.kind, c.low, c.high, c.approx, c.personnel, c.quantity_text, c.conversion) == (
        "MAR", "pledge", low, high, approx, "troops", quantity, None)


@pytest.mark.parametrize(("text", "personnel"), [
    ("Egypt will train 5,000 police officers.", "police"),
    ("Jordan offered 40 instructors to the mission.", "trainers"),
    ("Norway pledged 25 military observers to the mission.", "observers"),
    ("Chile pledged 400 soldiers to the mission.", "troops"),
])
def test_personnel_kinds(text: str, personnel: str) -> None:
    assert one(text).personnel == personnel


def test_unit_words_are_converted_with_stated_assumptions() -> None:
    c = one("Bangladesh offered three brigades for the force.")
    assert (c.low, c.high, c.personnel, c.quantity_text) == (9000, 15000, "troops", "three brigades")
    assert c.conversion is not None
    assert (c.conversion.count, c.conversion.unit, c.conversion.per_unit_low, c.conversion.per_unit_high) == (
        3, "brigade", *UNIT_STRENGTH["brigade"])
    assert "planning assumption" in c.conversion.assumption
    c = one("Nepal offered a battalion to the mission.")
    assert (c.low, c.high, c.conversion and c.conversion.count) == (500, 1000, 1)


def test_unit_strengths_are_configurable() -> None:
    c = one("Bangladesh offered two battalions for the force.", units={**UNIT_STRENGTH, "battalion": (600, 800)})
    assert (c.low, c.high) == (1200, 1600)
    assert c.conversion is not None and c.conversion.per_unit_low == 600


def test_two_figures_for_one_subject_are_two_claims() -> None:
    found = claims("Senegalese forces will number two brigades, or possibly 8,000 soldiers.")
    assert [(c.subject, c.kind, c.low, c.high) for c in found] == [("SEN", "pledge", 6000, 10000),
                                                                  ("SEN", "pledge", 8000, 8000)]


@pytest.mark.parametrize("text", [
    "Kuwait pledged $10 billion for the 2 million people of the enclave under resolution 2803.",
    "Kuwait said the recruits, aged 18-35, would be vetted from Nov. 17 at the 10,046th meeting.",
    "Kuwait controls none of the territory, and 53% of residents oppose the force.",
])
def test_numbers_that_are_not_personnel(text: str) -> None:
    assert all(c.low is None and c.high is None for c in claims(text))


def test_elliptic_second_figure_keeps_its_noun() -> None:
    found = claims("Jakarta says 1,000 troops will be ready by April and 6,000 by July.")
    assert [(c.low, c.timing_text) for c in found] == [(1000, "by April"), (6000, "by July")]
    assert all(c.personnel == "troops" for c in found)


def test_tasks_map_news_words_to_the_vocabulary() -> None:
    c = one("Kazakhstan will send 300 troops for medical care, demining and rebuilding homes.")
    assert set(c.tasks) == {"health", "engineering", "construction"}
    c = one("Egypt committed to train Palestinian police and help secure border crossings.")
    assert set(c.tasks) == {"police_training", "border_security"}


# --- negation and revision ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Saudi Arabia will not send troops to the enclave.",
    "Saudi Arabia won't send troops to the enclave.",
    "Saudi Arabia ruled out deploying soldiers in the enclave.",
    "Saudi Arabia declined to contribute troops to the force.",
    "Saudi Arabia has no plans to send troops to the enclave.",
])
def test_negation(text: str) -> None:
    c = one(text)
    assert (c.subject, c.kind, c.negated) == ("SAU", "pledge", True)


def test_rejecting_someone_elses_troops_is_not_a_negated_pledge() -> None:
    found = claims("Turkey is ready to send 2,000 troops, but Israel rejected any Turkish role.")
    assert [(c.subject, c.negated) for c in found] == [("TUR", False)]


def test_revision_keeps_the_old_figure_out() -> None:
    c = one("Pakistan, which earlier promised 15,000 soldiers, now plans a much smaller force than announced.")
    assert (c.subject, c.kind, c.revision, c.low, c.high) == ("PAK", "reduction_or_withdrawal", True, None, None)
    c = one("Malaysia will field a far smaller contingent than the 3,000 announced last year.")
    assert (c.kind, c.revision, c.high) == ("reduction_or_withdrawal", True, None)


def test_reduction_to_a_new_figure() -> None:
    c = one("Azerbaijan will reduce its contingent from 2,000 to 800 troops.")
    assert (c.kind, c.low, c.high) == ("reduction_or_withdrawal", 800, 800)


def test_anaphor_carries_the_subject_into_the_next_sentence() -> None:
    text = "Officials expect the Chadian contingent to be two battalions. These forces could grow to about 3,000 troops."
    found = claims(text)
    assert [(c.subject, c.low, c.approx) for c in found] == [("TCD", 1000, False), ("TCD", 3000, True)]
    assert found[1].confidence < found[0].confidence


# --- timing ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "start", "end"), [
    ("next month", date(2026, 2, 1), date(2026, 2, 28)),
    ("early next year", date(2027, 1, 1), date(2027, 4, 30)),
    ("within six months", DAY, date(2026, 7, 10)),
    ("by April", DAY, date(2026, 4, 30)),
    ("in the coming weeks", DAY, date(2026, 2, 21)),
    ("in mid-January", date(2026, 1, 11), date(2026, 1, 20)),
    ("by the end of the year", DAY, date(2026, 12, 31)),
    ("later this year", DAY, date(2026, 12, 31)),
    ("in early 2027", date(2027, 1, 1), date(2027, 4, 30)),
    ("by mid-March", DAY, date(2026, 3, 20)),
])
def test_timing_is_resolved_against_the_document_date(phrase: str, start: date, end: date) -> None:
    c = one(f"Morocco will send 500 troops {phrase}.")
    assert (c.timing_text, c.timing_from, c.timing_to, c.as_of) == (phrase, start, end, DAY)


def test_a_past_day_sets_as_of() -> None:
    c = one("On Jan. 6, Kosovo pledged 100 soldiers to the force.")
    assert c.as_of == date(2026, 1, 6)


def test_a_month_in_december_means_next_year() -> None:
    c = one("Morocco will send 500 troops in March.", published=date(2025, 12, 12))
    assert (c.timing_from, c.timing_to) == (date(2026, 3, 1), date(2026, 3, 31))


# --- sentences, documents and rows ----------------------------------------------------------------------------

def test_sentence_splitting_keeps_abbreviations() -> None:
    text = ("Maj. Gen. Ada Lovelace met U.N. envoys on Nov. 3 in the U.S. capital. The U.S. said no. "
            "Talks ended. \"We will see,\" he said.\n\nA new paragraph.")
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == ["Maj. Gen. Ada Lovelace met U.N. envoys on Nov. 3 in the U.S. capital.", "The U.S. said no.",
                         "Talks ended.", "\"We will see,\" he said.", "A new paragraph."]


def test_spans_point_into_the_text() -> None:
    text = "Filler first. Nepal offered 200 peacekeepers.\nIndonesia will send 1,000 troops next month."
    found = claims(text)
    assert [c.quote for c in found] == ["Nepal offered 200 peacekeepers.",
                                        "Indonesia will send 1,000 troops next month."]


def test_parse_document_removes_only_the_date_marker() -> None:
    raw = " date 2026-02-03 Nepal offered 200 peacekeepers.\n\nMore text."
    day, body = parse_document(raw)
    assert day == date(2026, 2, 3)
    assert body == "Nepal offered 200 peacekeepers.\n\nMore text."
    assert raw.endswith(body)
    assert parse_document("no marker here") == (None, "no marker here")


def test_rows_for_the_cli() -> None:
    rows = extract_document(" date 2026-02-03 Nepal offered about 200 peacekeepers for health tasks.", "x.txt")
    assert len(rows) == 1
    row = rows[0]
    for key, value in {"source": "x.txt", "subject": "NPL", "kind": "pledge", "low": 200, "high": 200,
                       "personnel": "troops", "quantity_text": "about 200 peacekeepers", "tasks": ["health"],
                       "as_of": "2026-02-03"}.items():
        assert row[key] == value
    assert row["quote"] == "Nepal offered about 200 peacekeepers for health tasks."
    assert claim_row(extract("Nepal offered 200 troops.", published=DAY)[0], "y")["source"] == "y"
