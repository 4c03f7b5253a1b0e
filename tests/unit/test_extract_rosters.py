"""Contributor rosters: sentences that list contributing countries without a figure per country (sentences written
for these tests, none copied from a report)."""

from __future__ import annotations

from datetime import date

import pytest

from stabforce.engines.extract import ProposedClaim, extract

DAY = date(2026, 1, 10)


def claims(text: str) -> list[ProposedClaim]:
    found = extract(text, published=DAY)
    for c in found:
        assert text[c.start:c.end] == c.quote
    return found


def kinds(text: str) -> dict[str, str]:
    """subject -> kind of the figure-less claims (every claim here must be figure-less)."""
    found = claims(text)
    out = {}
    for c in found:
        if c.subject_kind == "country":
            assert c.low is None and c.high is None, c
            out[c.subject] = c.kind
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("The peacekeepers are drawn from Argentina, Brazil, Chile and Uruguay.",
     dict.fromkeys(("ARG", "BRA", "CHL", "URY"), "arrival")),
    ("The mission is made up of troops from Ghana, Nigeria and Togo.",
     dict.fromkeys(("GHA", "NGA", "TGO"), "arrival")),
    ("Other troop contributing countries include Angola, Malawi and Zambia.",
     dict.fromkeys(("AGO", "MWI", "ZMB"), "arrival")),
    ("Other police-contributing countries (PCCs) to the operation are Benin, Niger and Togo.",
     dict.fromkeys(("BEN", "NER", "TGO"), "arrival")),
    ("The force will comprise troops mainly from Germany and France.", dict.fromkeys(("DEU", "FRA"), "pledge")),
    (("Half of the soldiers will come from Poland's army. The remainder will come mostly from Ireland, Belgium and "
      "Sweden."), {"POL": "pledge", **dict.fromkeys(("IRL", "BEL", "SWE"), "pledge")}),
    ("Fiji, Tonga and Samoa are also sending contingents of police and military.",
     dict.fromkeys(("FJI", "TON", "WSM"), "pledge")),
    ("The battalion will be part of the brigade, to which Kenya and Uganda are the other contributing countries.",
     dict.fromkeys(("KEN", "UGA"), "pledge")),
    ("Aside from Tanzania, the brigade will also be made up of troops from Kenya and Uganda.",
     dict.fromkeys(("TZA", "KEN", "UGA"), "pledge")),
    ("The other contingents, namely Angola, Lesotho and Zambia, will be leaving the country by the end of June.",
     dict.fromkeys(("AGO", "LSO", "ZMB"), "reduction_or_withdrawal")),
    ("These are soldiers from Spain and Portugal who will stay in the region for a month.",
     dict.fromkeys(("ESP", "PRT"), "arrival")),
    ("For now the force consists mainly of Ghanaian and Senegalese officers.",
     dict.fromkeys(("GHA", "SEN"), "arrival")),
    ("Among the countries that have expressed willingness to contribute troops are Chile, Peru and Colombia.",
     dict.fromkeys(("CHL", "PER", "COL"), "pledge")),
    (("The force, now in its third year, is composed of troops from the Democratic Republic of Congo (DRC), Burundi "
      "and Rwanda."), dict.fromkeys(("COD", "BDI", "RWA"), "arrival")),
    ("Ugandan and Burundian troops make up the bulk of the force.", dict.fromkeys(("UGA", "BDI"), "arrival")),
    ("The mission's police officers come from Senegal, Niger and Togo.",
     dict.fromkeys(("SEN", "NER", "TGO"), "arrival")),
    ("Troops from Malawi already started patrolling the town.", {"MWI": "arrival"}),
    ("Ghana and Togo also contribute troops to the mission.", dict.fromkeys(("GHA", "TGO"), "arrival")),
    ("Further contingents are expected from Chad and Niger.", dict.fromkeys(("TCD", "NER"), "pledge")),
    ("First Togolese and Nigerian soldiers are now in the capital.", dict.fromkeys(("TGO", "NGA"), "arrival")),
    ("Ethiopia and Rwanda are among the largest troop contributors to the mission.",
     dict.fromkeys(("ETH", "RWA"), "arrival")),
    ("Troops from Rwanda have been in the province since 2021.", {"RWA": "arrival"}),
    ("The countries sending troops are Kenya and Jamaica.", dict.fromkeys(("KEN", "JAM"), "pledge")),
    ("Other participants in the force are Italy and Spain.", dict.fromkeys(("ITA", "ESP"), "arrival")),
    ("The mission, which has troops from Jamaica and Belize, patrols the capital.",
     dict.fromkeys(("JAM", "BLZ"), "arrival")),
])
def test_a_roster_gives_each_listed_country_a_claim_without_a_figure(text: str, expected: dict[str, str]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize("text", [
    # places, not contributors
    "The mission patrols the border areas of Mali, Niger and Burkina Faso.",
    "Peacekeepers are deployed in Mali, Niger and Chad to protect civilians.",
    # money, not personnel
    "The mission is funded by contributions from Norway, Japan and Germany.",
    "The troops are paid with money from Norway, Japan and Germany.",
    # asked for, not offered
    "The United Nations has asked for troops from Ghana, Nigeria and Senegal.",
    "Washington approached Egypt, Jordan and Morocco about troops for the force.",
    # refused
    "Countries that refused to contribute troops include Brazil and Chile.",
    # an institution, not a list of countries
    "The officers have been drawn from the Rwanda National Police.",
    # not a force, or a force that is not a contribution
    "Refugees from Sudan and Eritrea have crossed the border.",
    "The commander, who comes from Nigeria, said the troops were ready.",
    "Soldiers from Mali and Burkina Faso clashed with jihadists near the border.",
    "Peacekeepers from India and Nepal were killed in the attack.",
    "The UN wants troops from Brazil and Argentina.",
    "The contributing countries, including Ireland and Finland, met in Brussels.",
    "The biggest contributors of funding are Norway and Japan.",
    "The biggest contributors are the United States and Canada, which have given $100 million.",
    # not about a force
    "Countries participating in the talks include Egypt and Qatar.",
    "The largest contributors to the fund are Norway and Japan.",
    "Participating countries include Fiji, Tonga and Samoa.",
    # peacekeeping at large, not this force
    "Bangladesh and Nepal are among the largest troop contributors to UN peacekeeping.",
    "A decision is expected from Kenya and Jamaica next week, officials of the force said.",
])
def test_places_money_requests_and_refusals_are_not_rosters(text: str) -> None:
    found = [c for c in claims(text) if c.kind in ("pledge", "arrival") and not c.negated]
    assert found == []


def test_the_hosts_of_a_roster_force_are_not_contributors() -> None:
    got = kinds("Troops from Ghana and Nigeria were deployed to Mali and Niger.")
    assert set(got) == {"GHA", "NGA"}


def test_a_force_leaving_a_country_is_not_drawn_from_it() -> None:
    got = kinds("France completed the withdrawal of its troops from Mali and Niger.")
    assert "MLI" not in got and "NER" not in got


def test_the_contributors_beside_a_mission_total_are_the_missions() -> None:
    found = claims("The MSS, with police from Kenya, Jamaica and Guatemala, has about 1,000 personnel.")
    assert {c.subject for c in found} <= {"MSS"}
    found = claims("Officials described a four-nation force comprising at least 4,000 troops from Egypt, Turkey and "
                   "Indonesia.")
    assert not {"EGY", "TUR", "IDN"} & {c.subject for c in found}


def test_a_country_with_a_claim_in_the_sentence_gets_no_second_claim() -> None:
    found = claims("Around 1,000 of those troops are expected to come from Italy.")
    assert not [c for c in found if c.subject == "ITA" and c.low is None and c.high is None]
    found = claims("Chad will send 1,000 soldiers to the brigade, which will also include troops from Niger and Chad.")
    chad = [c for c in found if c.subject == "TCD"]
    assert [(c.kind, c.low) for c in chad] == [("pledge", 1000)]
    assert [(c.kind, c.low) for c in found if c.subject == "NER"] == [("pledge", None)]


def test_claims_stay_in_text_order() -> None:
    text = ("The troops are drawn from Argentina and Chile. Brazil will send 500 more soldiers.")
    found = claims(text)
    assert [c.start for c in found] == sorted(c.start for c in found)
    assert [c.subject for c in found] == ["ARG", "CHL", "BRA"]


def test_a_companion_of_a_claimed_country_shares_its_kind() -> None:
    got = kinds("Together with Ghana, Nigeria will provide most of the troops.")
    assert got == dict.fromkeys(("GHA", "NGA"), "pledge")
    found = claims("Along with Chad, Niger has deployed 500 soldiers, officials from the mission said.")
    assert {(c.subject, c.kind, c.low) for c in found} == {("NER", "arrival", 500), ("TCD", "arrival", None)}
    found = claims("Besides Chad, the force will also be made up of troops from Niger and Mali.")
    assert {(c.subject, c.kind) for c in found} == {("TCD", "pledge"), ("NER", "pledge"), ("MLI", "pledge")}
