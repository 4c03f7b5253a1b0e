"""Roles × pages: every page offers only what the logged-in role may do, and says plainly why
something is not offered; the kind selector offers only the kinds the role may write; a liaison's
subject is its own country. The server still refuses a write the page did not offer.

Expected outcomes are written out by hand (not computed from `services.actors.WRITABLE`)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from stabforce.ledger import KINDS
from stabforce.services import news
from stabforce.services.actors import Actor, Role
from tests.htmlforms import form, forms
from tests.integration.web.test_pages import csrf, login

#: The kinds each user's role may record.
KINDS_OF = {
    "adm": set(KINDS),
    "pla": {"requirement", "command_appointment", "unit_arrived", "unit_departed", "zone_control", "pledge", "stance",
            "retraction", "phase", "milestone", "withdrawal_stage", "police_cohort", "civilian_site", "camp",
            "incident"},
    "bod": {"decision", "mission_authorized", "requirement", "command_appointment", "phase", "milestone",
            "withdrawal_stage", "stage_completed"},
    "lia": {"stance", "pledge", "unit_arrived", "unit_departed"},
    "mon": {"zone_control", "unit_arrived", "unit_departed", "weapons_moved", "infrastructure", "milestone_verified",
            "stage_completed", "incident"},
    "ana": {"pledge", "stance", "zone_control", "command_appointment", "requirement", "mission_authorized",
            "retraction", "phase", "police_cohort", "civilian_site", "incident"},
    "vic": set(),
}
ROLE = {"adm": "admin", "pla": "planner", "bod": "board", "lia": "liaison", "mon": "monitor", "ana": "analyst",
        "vic": "viewer"}
#: What each page offers each user: pledge form, settle, retract, record a milestone, registry step,
#: incident import, document ingest, claim review.
OFFERS = {
    #       pledge settle retract milestone registry import ingest review
    "adm": (True, True, True, True, True, True, True, True),
    "pla": (True, False, True, True, False, True, True, True),
    "bod": (False, True, False, True, False, False, False, False),
    "lia": (True, False, False, False, False, False, False, False),
    "mon": (False, False, False, False, True, True, False, False),
    "ana": (True, False, True, False, False, True, True, True),
    "vic": (False, False, False, False, False, False, False, False),
}
REPORT = "A defence ministry spokesman said on Monday that Indonesia will send up to 5,000 troops to the force."


def _note(html: str, role: str) -> bool:
    return bool(re.search(rf'class="muted[^"]*role-note">[^<]*[Yy]our role \({role}\)', html))


@pytest.mark.parametrize("user", list(OFFERS))
def test_each_page_offers_only_what_the_role_may_do(site, services, user):
    news.ingest(services.documents, Actor(id="test", role=Role.ADMIN),
                [news.Incoming("report.txt", REPORT.encode(), date(2026, 3, 2))], max_bytes=1 << 20)
    login(site, user)
    role = ROLE[user]
    pledge, settle, retract, milestone, registry, incident_import, ingest, review = OFFERS[user]

    overview = site.get("/").text
    assert ('href="/record/pledge"' in overview) == pledge
    assert ('href="/record/fact"' in overview) == bool(KINDS_OF[user])
    assert (site.get("/record/pledge").status_code == 200) == pledge

    record = site.get("/record/fact")
    if KINDS_OF[user]:
        assert record.status_code == 200
        assert set(form(record.text, css_class="choose-kind").options("kind")) == KINDS_OF[user]
    else:
        assert record.status_code == 403 and "reads only" in record.text

    conflicts = site.get("/conflicts?as_of=2025-12-15").text
    assert ('action="/conflicts/settle"' in conflicts) == settle
    assert _note(conflicts, role) != settle

    fact = site.get("/facts/pak-pledge-2025-11-30-around-20000").text
    assert ("/retract" in fact) == retract
    assert _note(fact, role) != retract

    gates = site.get("/gates").text
    assert ('href="/gates/milestone"' in gates) == milestone and _note(gates, role) != milestone
    assert (site.get("/gates/milestone").status_code == 200) == milestone

    registry_page = site.get("/registry").text
    assert ('href="/registry/record"' in registry_page) == registry and _note(registry_page, role) != registry
    assert (site.get("/registry/record").status_code == 200) == registry

    incidents = site.get("/incidents").text
    assert ('id="import-form"' in incidents) == incident_import and _note(incidents, role) != incident_import

    news_page = site.get("/news").text
    assert ('id="ingest-form"' in news_page) == ingest and _note(news_page, role) != ingest

    queue = site.get("/review").text
    assert ("accept-form" in queue) == review and ("reject-form" in queue) == review
    assert _note(queue, role) != review


def test_a_liaisons_record_form_is_fixed_to_its_own_country_and_the_server_still_refuses_others(site, services):
    login(site, "lia")
    page = site.get("/record/fact?kind=incident")
    assert page.status_code == 200
    record = form(page.text, action="/record/fact", css_class="record")
    assert record.value("kind") == "stance"  # incident is not the liaison's to write: the form falls back
    subject = next(c for c in record.controls if c.get("name") == "subject")
    assert subject.get("value") == "contributor:IDN" and "readonly" in subject
    pledge = form(site.get("/record/pledge").text, action="/record/pledge")
    contributor = next(c for c in pledge.controls if c.get("name") == "contributor")
    assert contributor.get("value") == "IDN" and "readonly" in contributor

    count = services.ledger.count()
    refused = site.post("/record/fact", data={
        "csrf_token": record.value("csrf_token"), "kind": "stance", "subject": "contributor:PAK",
        "p.stance": "committed", "valid_from": "2026-03-01",
        "source_key": "notes.txt", "source_date": "2026-03-01", "grade": "B2"})
    assert refused.status_code == 403 and "may only write about contributor:IDN" in refused.text
    assert services.ledger.count() == count


def test_a_viewer_is_offered_no_write_form_anywhere(site):
    login(site, "vic")
    for path in ("/", "/contributors/IDN", "/facts", "/facts/pak-pledge-2025-11-30-around-20000", "/sources",
                 "/conflicts?as_of=2025-12-15", "/gates", "/registry", "/police", "/sites", "/incidents", "/news",
                 "/review", "/forecast", "/map"):
        page = site.get(path)
        assert page.status_code == 200, path
        posting = [f.action for f in forms(page.text) if f.attrs.get("method") == "post" and f.action != "/logout"]
        assert posting == [], (path, posting)
    refused = site.post("/conflicts/settle", data={"csrf_token": csrf(site.get("/facts").text),
                                                 "fact_ids": ["pak-pledge-2025-11-30-around-20000",
                                                              "pak-pledge-2025-11-30-three-brigades"],
                                                 "reason": "x"})
    assert refused.status_code == 403
