"""The pages through TestClient: login, every page, the forms and their errors, CSRF, liaison scope."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.integration.api.conftest import PASSWORD

PAGES = ["/", "/?as_of=2025-12-15", "/?as_of=2025-12-15&known_at=2025-11-29", "/contributors", "/contributors/IDN",
         "/contributors/PAK?as_of=2025-12-15", "/map", "/map/layers.json", "/facts", "/facts?kind=pledge&page=1",
         "/sources", "/source?key=002_e834e5538de5cdbe.txt", "/conflicts?as_of=2025-12-15", "/conflicts?settled=1",
         "/facts/pak-pledge-2025-11-30-three-brigades"]


def csrf(page_html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page_html).group(1)


def login(client: TestClient, name: str, password: str = PASSWORD):
    token = csrf(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token, "next": "/"},
                       follow_redirects=False)


def pledge_form(client: TestClient, **fields):
    data = {"contributor": "IDN", "personnel_kind": "troops", "low": "750", "high": "750", "valid_from": "2026-03-01",
            "source_key": "my-notes-2026-03-01.txt", "source_date": "2026-03-01", "quote": "A sentence I wrote.",
            "grade": "B2", "tasks": ["health"], "csrf_token": csrf(client.get("/record/pledge").text)}
    data.update(fields)
    return client.post("/record/pledge", data=data, follow_redirects=False)


def test_visitors_see_only_the_login_page(site):
    for path in ("/", "/facts", "/map", "/contributors/IDN"):
        response = site.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login")
    assert site.get("/login").status_code == 200


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(site):
    response = login(site, "ana", "not-the-password")
    assert response.status_code == 401 and "wrong user name or password" in response.text
    assert login(site, "nobody", PASSWORD).status_code == 401


def test_a_login_without_the_forms_csrf_token_is_refused(site):
    site.get("/login")
    response = site.post("/login", data={"name": "ana", "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 403


def test_every_page_renders_for_a_logged_in_user(site):
    assert login(site, "vic").status_code == 303
    for path in PAGES:
        response = site.get(path)
        assert response.status_code == 200, path
    assert "Pakistan" in site.get("/contributors/PAK?as_of=2025-12-15").text
    assert site.get("/contributors/ZZZ").status_code == 404
    assert site.get("/?as_of=2025-99-01").status_code == 422


def test_recording_a_pledge_shows_it_on_the_timeline_and_in_the_totals(site):
    login(site, "ana")
    before = site.get("/contributors/ALB?as_of=2026-03-02").text
    response = pledge_form(site, contributor="ALB")
    assert response.status_code == 303, response.text
    fact_page = site.get(response.headers["location"])
    assert "750" in fact_page.text and "my-notes-2026-03-01.txt" in fact_page.text
    after = site.get("/contributors/ALB?as_of=2026-03-02").text
    assert "750 troops" in after and "750 troops" not in before


@pytest.mark.parametrize(("fields", "field", "words"), [
    ({"low": "900", "high": "100"}, "low", "low (900) is greater than high (100)"),
    ({"low": "many"}, "low", "is not a whole number"),
    ({"contributor": "XYZ"}, "contributor", "unknown country code"),
    ({"grade": "Z9"}, "grade", "grade is source reliability"),
    ({"source_key": ""}, "source_key", "source.key"),
    ({"valid_from": "2026-02-31"}, "valid_from", "valid_from"),
])
def test_an_invalid_pledge_form_comes_back_with_the_message_beside_the_field(site, services, fields, field, words):
    login(site, "ana")
    count = services.ledger.count()
    response = pledge_form(site, **fields)
    assert response.status_code == 422
    message = re.search(rf'id="error-{field}">([^<]+)<', response.text)
    assert message and words in message.group(1), response.text[-2000:]
    assert services.ledger.count() == count


def test_a_liaison_cannot_record_for_another_country_on_the_page(site, services):
    login(site, "lia")
    count = services.ledger.count()
    refused = pledge_form(site, contributor="PAK")
    assert refused.status_code == 403 and "may only write about contributor:IDN" in refused.text
    assert services.ledger.count() == count
    assert pledge_form(site, contributor="IDN").status_code == 303


def test_a_form_post_without_the_csrf_token_is_refused(site, services):
    login(site, "ana")
    count = services.ledger.count()
    response = pledge_form(site, csrf_token="forged")
    assert response.status_code == 403 and services.ledger.count() == count


def test_known_at_on_the_overview_hides_later_reports(site):
    login(site, "vic")
    early = site.get("/contributors/PAK?as_of=2025-12-15&known_at=2025-11-29").text
    late = site.get("/contributors/PAK?as_of=2025-12-15").text
    assert "three brigades" not in early and "three brigades" in late


def test_retract_from_the_fact_page(site):
    login(site, "ana")
    page = site.get("/facts/pak-pledge-2025-11-30-around-20000").text
    response = site.post("/facts/pak-pledge-2025-11-30-around-20000/retract",
                         data={"reason": "test retraction", "csrf_token": csrf(page)}, follow_redirects=False)
    assert response.status_code == 303
    assert "retraction" in site.get("/facts/pak-pledge-2025-11-30-around-20000").text


def test_unknown_paths_answer_a_page_or_the_json_error_shape(site):
    page = site.get("/no-such-page")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    api = site.get("/api/v1/no-such-thing")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
    assert site.options("/api/v1/facts").headers["allow"] == "GET, POST"
