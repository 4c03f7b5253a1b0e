"""The registry pages through TestClient: the page, the facts behind a quantity, and the form that records
a step with an evidence file. Made-up test figures only."""

from __future__ import annotations

import hashlib
import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from stabforce.app import create_app
from stabforce.services import accounts, facts
from stabforce.services.actors import Actor, Role
from tests.integration.api.conftest import PASSWORD
from tests.integration.web.test_pages import csrf, login
from tests.unit.test_registry import infra_input, step_input

ADMIN = Actor(id="test", role=Role.ADMIN)


@pytest.fixture
def site(services):
    for data in (step_input("rifles", 10, None, "declared", day=date(2026, 2, 1)),
                 step_input("rifles", 4, "declared", "collected", day=date(2026, 2, 3)),
                 step_input("rockets", 3, None, "declared", day=date(2026, 2, 1)),
                 infra_input("infra:shaft-1", "neutralized", "2026-02-01", reinspect_every_days=10,
                             place={"lat": 31.5, "lon": 34.45, "name": "test place"})):
        facts.record_fact(services.ledger, ADMIN, data)
    for name, role in (("mon", "monitor"), ("vic", "viewer")):
        accounts.add_user(services.accounts, name=name, role=role, password=PASSWORD)
    with TestClient(create_app(services.settings, services=services)) as client:
        yield client


def step_form(client: TestClient, *, file: tuple[str, bytes, str] | None = None, **fields: str):
    data = {"registry": "weapons", "weapon": "rifles", "quantity": "3", "from_state": "collected",
            "to_state": "stored", "valid_from": "2026-02-05", "site": "test depot", "verifier": "test monitor",
            "source_key": "test-monitor-report.txt", "source_date": "2026-02-05", "grade": "A2",
            "evidence_description": "photo of the racks", "csrf_token": csrf(client.get("/registry/record").text)}
    data.update(fields)
    files = {"file": file} if file else {"file": ("", b"", "application/octet-stream")}
    return client.post("/registry/record", data=data, files=files, follow_redirects=False)


def cell(html: str, weapon: str, state: str) -> str:
    row = re.search(rf'<tr data-weapon="{weapon}">(.*?)</tr>', html, re.DOTALL).group(1)
    return re.sub(r"<[^>]+>", "", re.search(rf'data-state="{state}">(.*?)</td>', row, re.DOTALL).group(1)).strip()


def test_the_registry_page_shows_holdings_refusals_and_overdue_reinspections(site):
    login(site, "vic")
    page = site.get("/registry?as_of=2026-03-01")
    assert page.status_code == 200
    assert cell(page.text, "rifles", "declared") == "6" and cell(page.text, "rifles", "collected") == "4"
    assert cell(page.text, "rockets", "declared") == "3"
    assert 'id="registry-chart"' in page.text and "/static/registry.js" in page.text
    assert "/registry/steps?as_of=2026-03-01&amp;weapon=rifles&amp;state=collected" in page.text
    assert 'class="overdue"' in page.text and "overdue 18 days" in page.text and "test place" in page.text
    assert "Record a registry step" not in page.text  # a viewer may not
    earlier = site.get("/registry?as_of=2026-02-02")
    assert cell(earlier.text, "rifles", "declared") == "10"
    assert site.get("/registry?as_of=March").status_code == 422
    assert site.get("/registry/record").status_code == 403


def test_each_quantity_links_to_the_steps_that_add_up_to_it(site):
    login(site, "vic")
    page = site.get("/registry/steps?as_of=2026-03-01&weapon=rifles&state=declared")
    assert page.status_code == 200
    assert 'id="steps-held">6<' in page.text and "+10" in page.text and "-4" in page.text
    heavy = site.get("/registry/steps?as_of=2026-03-01&category=heavy&state=declared")
    assert "rockets" in heavy.text and "rifles" not in heavy.text.split("<table")[1]
    assert site.get("/registry/steps?state=nowhere").status_code == 422


def test_a_monitor_records_a_step_with_an_evidence_file(site, services):
    login(site, "mon")
    assert "Record a registry step" in site.get("/registry").text
    content = b"\x89PNG test picture of stored rifles"
    response = step_form(site, file=("racks.png", content, "image/png"))
    assert response.status_code == 303, response.text
    fact_page = site.get(response.headers["location"])
    sha = hashlib.sha256(content).hexdigest()
    assert "Recorded as fact" in fact_page.text and sha in fact_page.text
    assert services.evidence.get(sha).content == content
    page = site.get("/registry?as_of=2026-03-01")
    assert cell(page.text, "rifles", "collected") == "1" and cell(page.text, "rifles", "stored") == "3"
    steps = site.get("/registry/steps?as_of=2026-03-01&weapon=rifles&state=stored")
    assert f"/api/v1/evidence/{sha}" in steps.text
    assert site.get(f"/api/v1/evidence/{sha}").content == content


def test_an_overdrawing_step_re_renders_the_form_saying_nothing_was_stored(site, services):
    login(site, "mon")
    count = services.ledger.count()
    response = step_form(site, quantity="5", file=("racks.png", b"a test file", "image/png"))
    assert response.status_code == 422
    assert "Nothing was stored." in response.text and 'id="error-quantity"' in response.text
    assert "only 4 rifles are collected" in response.text
    assert services.ledger.count() == count and services.evidence.count() == 0
    skipped = step_form(site, to_state="destroyed")
    assert skipped.status_code == 422 and "skip_reason" in skipped.text and 'id="error-to_state"' in skipped.text
    empty = step_form(site, file=("empty.png", b"", "image/png"))
    assert empty.status_code == 422 and "empty" in empty.text and 'id="error-file"' in empty.text
    services.settings.evidence_max_bytes = 4
    big = step_form(site, file=("big.png", b"12345", "image/png"))
    assert big.status_code == 422 and "larger than the limit of 4 bytes" in big.text
    assert services.ledger.count() == count and services.evidence.count() == 0


def test_the_form_needs_its_csrf_token(site, services):
    login(site, "mon")
    response = step_form(site, csrf_token="forged")
    assert response.status_code == 403 and services.ledger.count() == 4
