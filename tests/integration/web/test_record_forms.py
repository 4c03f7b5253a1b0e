"""The record forms: stance, camp, incident and milestone verification have their own inputs instead of
raw JSON; every problem of a refused form is shown at once, beside its field, in plain words (no
pydantic wording, no CLI flags); nothing is stored."""

from __future__ import annotations

import html
import re

import pytest

from tests.htmlforms import form
from tests.integration.web.test_pages import login, pledge_form

#: pydantic's own wording, which must not reach a page.
PYDANTIC = re.compile(r"Input should|String should|Field required|valid integer|List should|Value error|"
                      r"type=|pydantic|validation error", re.IGNORECASE)
SOURCE = {"valid_from": "2026-03-01", "source_key": "notes-written-for-this-test.txt", "source_date": "2026-03-01",
          "quote": "Words written for this test.", "grade": "B2"}


def _post(site, kind: str, **fields):
    page = site.get(f"/record/fact?kind={kind}")
    assert page.status_code == 200
    record = form(page.text, action="/record/fact", css_class="record")
    assert record.value("kind") == kind and not record.has("payload"), "the kind's own inputs, not JSON"
    return site.post("/record/fact", data=record.data(**{**SOURCE, **fields}), follow_redirects=False)


def _beside(page: str) -> dict[str, str]:
    """Return each error message shown beside a field, by field name."""
    return {name: html.unescape(text) for name, text in re.findall(r'id="error-([\w.]+)">([^<]+)<', page)}


def _shown_errors(page: str) -> str:
    found = re.search(r'id="form-errors">(.*?)</p>', page, re.DOTALL)
    return html.unescape(found.group(1)) + " " + " ".join(_beside(page).values()) if found else ""


def _fact(site, services, response):
    assert response.status_code == 303, re.findall(r'class="field-error"[^>]*>([^<]+)', response.text)
    return services.ledger.get(response.headers["location"].split("/")[-1].split("?")[0])


def test_a_stance_from_its_form(site, services):
    login(site, "ana")
    fact = _fact(site, services, _post(site, "stance", subject="contributor:MYS", **{
        "p.stance": "conditional", "p.conditions": "a full ceasefire\n\nparliament's approval\n",
        "p.caveats": ["no_combat", "requires_full_ceasefire"], "p.note": "said twice"}))
    assert dict(fact.payload) == {"stance": "conditional", "conditions": ["a full ceasefire", "parliament's approval"],
                                  "caveats": ["no_combat", "requires_full_ceasefire"], "note": "said twice"}


def test_a_camp_an_incident_and_a_verification_from_their_forms(site, services):
    login(site, "adm")
    camp = _fact(site, services, _post(site, "camp", subject="camp:test-north", **{
        "p.name": "Test camp", "p.status": "being_prepared", "p.sector": "rafah", "p.capacity": "",
        "p.capacity_high": "1,500", "p.ready_on": "2026-04-01", "p.for_contributor": "IDN"}))
    assert {k: camp.payload[k] for k in ("name", "status", "sector", "capacity", "capacity_high", "ready_on")} == {
        "name": "Test camp", "status": "being_prepared", "sector": "rafah", "capacity": None, "capacity_high": 1500,
        "ready_on": "2026-04-01"}
    assert camp.payload.get("place") is None
    incident = _fact(site, services, _post(site, "incident", subject="incident:test-1", **{
        "p.event_type": "battles", "p.violation": "serious", "p.actors": "Group A\nGroup B",
        "p.place.name": "Rafah", "p.place.lat": "31.29", "p.place.lon": "34.25", "p.place.precision": "2",
        "p.fatalities": "3"}))
    assert incident.payload["place"] == {"lat": 31.29, "lon": 34.25, "precision": 2, "name": "Rafah"}
    assert incident.payload["actors"] == ["Group A", "Group B"] and incident.payload["fatalities"] == 3
    verified = _fact(site, services, _post(site, "milestone_verified", subject="milestone:isf-in-rafah", **{
        "p.verdict": "not_met", "p.verifier": "the joint monitors",
        "p.evidence": "inspection report 7\nphotographs of the site"}))
    assert verified.payload["evidence"] == [{"name": "inspection report 7", "sha256": None, "description": None},
                                            {"name": "photographs of the site", "sha256": None, "description": None}]
    page = site.get(f"/facts/{verified.id}").text
    assert "not met, by the joint monitors; evidence: inspection report 7; photographs of the site" in page


def test_every_problem_of_a_kind_form_is_shown_at_once_beside_its_field(site, services):
    login(site, "adm")
    count = services.ledger.count()
    refused = _post(site, "camp", subject="camp:Bad Name", **{
        "p.name": "", "p.capacity": "many", "p.ready_on": "2026-02-31", "p.place.lat": "91", "p.place.lon": "34"},
        grade="Z9", source_key="")
    assert refused.status_code == 422
    assert services.ledger.count() == count
    beside = _beside(refused.text)
    assert "'many' is not a whole number" in beside["p.capacity"]
    assert "'2026-02-31' is not a date" in beside["p.ready_on"]
    assert "is required" in beside["p.name"]
    assert "must be at most 90" in beside["p.place.lat"]
    assert "grade is source reliability" in beside["grade"]
    assert "must not be empty" in beside["source_key"]
    assert "subject name 'Bad Name'" in beside["subject"]
    assert PYDANTIC.search(_shown_errors(refused.text)) is None
    again = form(refused.text, action="/record/fact", css_class="record")  # what was typed is kept
    assert again.value("p.capacity") == "many" and again.value("p.place.lat") == "91"


def test_every_problem_of_the_pledge_form_is_shown_at_once(site, services):
    login(site, "ana")
    count = services.ledger.count()
    refused = pledge_form(site, low="many", high="", grade="Z9", source_key="", valid_from="2026-02-31")
    assert refused.status_code == 422 and services.ledger.count() == count
    beside = _beside(refused.text)
    assert "'many' is not a whole number" in beside["low"]
    assert "grade is source reliability" in beside["grade"]
    assert "must not be empty" in beside["source_key"]
    assert "is not a date" in beside["valid_from"]
    assert PYDANTIC.search(_shown_errors(refused.text)) is None


@pytest.mark.parametrize(("kind", "fields", "field", "words"), [
    ("stance", {"p.stance": "maybe"}, "p.stance", "'maybe' is not one of: committed, conditional"),
    ("incident", {"p.event_type": "battles", "p.time": "2pm"}, "p.time", "'2pm' is not in the expected form"),
    ("incident", {"p.event_type": "battles", "p.place.name": "Rafah"}, "p.place.lat", "is required"),
    ("milestone_verified", {"p.verdict": "met", "p.verifier": "x", "p.evidence": ""}, "p.evidence",
     "must list at least one item"),
])
def test_kind_form_errors_are_plain_sentences_beside_the_field(site, services, kind, fields, field, words):
    login(site, "adm")
    subject = {"stance": "contributor:IDN", "incident": "incident:t", "milestone_verified": "milestone:isf-in-rafah"}
    refused = _post(site, kind, subject=subject[kind], **fields)
    assert refused.status_code == 422
    beside = _beside(refused.text)
    assert words in beside[field], beside
    assert PYDANTIC.search(_shown_errors(refused.text)) is None


def test_a_web_error_names_no_command_line_option(site):
    login(site, "ana")
    page = site.get("/news").text
    refused = site.post("/news", data={"csrf_token": form(page, action="/news").value("csrf_token"),
                                       "text": "Indonesia will send troops.", "name": "undated.txt"})
    assert refused.status_code == 422 and "no date" in refused.text
    assert re.search(r"(?<![<!-])--[a-z]", refused.text.split("<main>")[1]) is None


def test_the_milestone_form_shows_every_problem_beside_its_field_and_points_at_the_condition(site, services):
    login(site, "adm")
    page = site.get("/gates/milestone")
    record = form(page.text, action="/gates/milestone", css_class="record")
    before = services.ledger.head()
    refused = site.post("/gates/milestone", follow_redirects=False, data=record.data(
        title="A milestone written for this test", condition="police.deployed >= 500 andd 1 > 0",
        valid_from="2026-03-01", source_key="javascript:alert(1)", source_date="2026-03-01",
        quote="Words written for this test.", grade="Z9"))
    assert refused.status_code == 422 and services.ledger.head() == before  # nothing stored
    beside = _beside(refused.text)
    assert set(beside) == {"condition", "source_key", "grade"}, beside  # all at once, each beside its field
    assert "unexpected 'andd' at column 24" in beside["condition"]
    assert "^ andd" in html.unescape(refused.text)  # the caret under the condition
    assert not PYDANTIC.search(_shown_errors(refused.text))
    # dates inside the payload are checked once the payload is well formed
    late = site.post("/gates/milestone", follow_redirects=False, data=record.data(
        title="A milestone written for this test", condition="police.deployed >= 500", due="2099-01-01",
        valid_from="2026-03-01", source_key="notes-written-for-this-test.txt", source_date="2026-03-01",
        quote="Words written for this test.", grade="B2"))
    assert late.status_code == 422 and services.ledger.head() == before
    assert "2099-01-01 is more than 5 years ahead" in _beside(late.text)["due"] and "^" not in _beside(late.text)["due"]
    fixed = site.post("/gates/milestone", follow_redirects=False, data=record.data(
        title="A milestone written for this test", condition="police.deployed >= 500", due="2026-06-01",
        valid_from="2026-03-01", source_key="notes-written-for-this-test.txt", source_date="2026-03-01",
        quote="Words written for this test.", grade="B2"))
    assert fixed.status_code == 303
    assert services.ledger.get(fixed.headers["location"].split("/")[-1].split("?")[0]).payload["due"] == "2026-06-01"
