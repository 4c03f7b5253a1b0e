"""Journeys in a real browser: log in, record a pledge, see it, travel back in knowledge time,
liaison scope on page and API, the map's zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.conftest import login, shot


def likely_troops(page: Page) -> int:
    return int(page.get_by_test_id("total-likely-troops").inner_text().replace(",", ""))


def test_log_in_record_a_pledge_see_it_then_go_back_before_it(live_server, page: Page):
    base = live_server["url"]
    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, base, "admin")
    expect(page.locator("h1")).to_contain_text("Overview")
    before = likely_troops(page)
    shot(page, "overview")

    page.goto(f"{base}/record/pledge")
    page.fill("input[name=contributor]", "ALB")
    page.fill("input[name=low]", "750")
    page.fill("input[name=high]", "750")
    page.check("input[name=tasks][value=civilian_protection]")
    page.fill("input[name=valid_from]", "2026-03-01")
    page.fill("input[name=source_key]", "e2e-test-note.txt")
    page.fill("input[name=source_date]", "2026-03-01")
    page.fill("input[name=attribution]", "a test liaison officer")
    page.fill("textarea[name=quote]", "Albania will send 750 troops, a sentence written for this test.")
    page.fill("input[name=grade]", "B2")
    page.click("form.record button[type=submit]")
    expect(page.locator("p.ok")).to_contain_text("Recorded as fact")
    shot(page, "fact-recorded")

    page.goto(f"{base}/contributors/ALB")
    timeline = page.locator("#timeline")
    expect(timeline).to_contain_text("750 troops")
    expect(timeline).to_contain_text("Albania will send 750 troops")
    expect(timeline).to_contain_text("e2e-test-note.txt")
    shot(page, "contributor-timeline")

    page.goto(f"{base}/")
    assert likely_troops(page) == before + 750

    yesterday = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    page.fill("#known_at", yesterday)
    page.click("form.asof button[type=submit]")
    expect(page.locator("form.asof .hint")).to_contain_text(yesterday)
    assert likely_troops(page) == before
    page.goto(f"{base}/contributors/ALB?known_at={yesterday}")
    expect(page.locator("#timeline")).not_to_contain_text("750 troops")


def test_a_liaison_cannot_write_for_another_country(live_server, page: Page):
    base = live_server["url"]
    login(page, base, "lia")
    page.goto(f"{base}/record/pledge")
    expect(page.locator("input[name=contributor]")).to_have_value("IDN")
    page.evaluate("document.querySelector('input[name=contributor]').removeAttribute('readonly')")
    page.fill("input[name=contributor]", "PAK")
    page.fill("input[name=low]", "100")
    page.fill("input[name=high]", "100")
    page.fill("input[name=valid_from]", "2026-03-01")
    page.fill("input[name=source_key]", "e2e-liaison.txt")
    page.fill("input[name=source_date]", "2026-03-01")
    page.fill("input[name=grade]", "B2")
    page.click("form.record button[type=submit]")
    expect(page.locator("#error-contributor")).to_contain_text("may only write about contributor:IDN")
    shot(page, "liaison-refused")

    body = {"kind": "pledge", "subject": "contributor:PAK", "payload": {"personnel": {"low": 5, "high": 5}},
            "valid_from": "2026-03-01", "source": {"key": "e2e-api.txt", "date": "2026-03-01"}, "grade": "B2"}
    headers = {"Authorization": f"Bearer {live_server['liaison_token']}"}
    refused = httpx.post(f"{base}/api/v1/facts", json=body, headers=headers)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "permission_denied"
    own = httpx.post(f"{base}/api/v1/facts", json={**body, "subject": "contributor:IDN"}, headers=headers)
    assert own.status_code == 201


def test_the_map_draws_the_zones_and_sectors(live_server, page: Page):
    base = live_server["url"]
    login(page, base, "admin")
    page.goto(f"{base}/map?as_of=2025-12-15")
    expect(page.locator("#map[data-ready='1']")).to_be_visible()
    expect(page.locator("path[data-zone='idf-held']")).to_have_count(1)
    expect(page.locator("path[data-zone='hamas-held']")).to_have_count(1)
    expect(page.locator(".leaflet-tooltip", has_text="Rafah")).to_be_visible()
    expect(page.locator("#zones-table")).to_contain_text("53")
    shot(page, "map")


def test_pages_work_on_a_phone_sized_screen(live_server, page: Page):
    base = live_server["url"]
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, base, "admin")
    for path, name in (("/", "phone-overview"), ("/contributors/IDN?as_of=2025-12-15", "phone-contributor"),
                       ("/conflicts?as_of=2025-12-15", "phone-conflicts"), ("/facts", "phone-facts"),
                       ("/record/pledge", "phone-record")):
        page.goto(base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, f"{path} is {width}px wide on a 390px screen"
        shot(page, name)
    page.goto(f"{base}/conflicts?as_of=2025-12-15")
    expect(page.get_by_test_id("conflict").first).to_be_visible()
    shot(page, "conflicts")


def test_the_api_docs_render_from_vendored_files(live_server, page: Page):
    page.goto(f"{live_server['url']}/docs")
    expect(page.locator(".swagger-ui .title")).to_contain_text("stabforce")
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/facts").first).to_be_visible()


def test_the_forecast_fan_and_the_backtest_report(live_server, page: Page):
    base = live_server["url"]
    login(page, base, "admin")
    expect(page.locator("#fan-chart")).to_be_visible()
    page.goto(f"{base}/forecast?as_of=2026-03-01")
    expect(page.locator("#forecast-provenance")).to_contain_text("seed 2803")
    expect(page.locator("#forecast-months")).to_contain_text("24")
    camps = page.locator("#forecast-camps tbody tr")
    expect(camps).to_have_count(2)
    expect(camps.filter(has_text="Indonesian contingent")).to_contain_text("not reported")
    expect(camps.filter(has_text="US base")).to_contain_text("up to 5,000")
    shot(page, "forecast")
    page.goto(f"{base}/forecast/backtest")
    expect(page.locator("h1")).to_contain_text("Back-test")
    assert page.locator("svg").count() >= 10
    shot(page, "backtest")


def test_a_camp_recorded_from_the_forecast_page_holds_back_the_pledge_housed_there(live_server, page: Page):
    base = live_server["url"]
    login(page, base, "admin")
    page.goto(f"{base}/forecast?as_of=2026-03-01")
    expect(page.locator("#forecast-camps tbody tr")).to_have_count(2)
    page.click("text=Record a camp")
    expect(page.locator("form.choose-kind select[name=kind]")).to_have_value("camp")
    expect(page.locator("textarea[name=payload]")).to_have_count(0)  # the camp's own inputs, not JSON
    page.fill("input[name=subject]", "camp:e2e-rafah-north")
    page.fill("input[name='p.name']", "Test camp written for this test")
    page.select_option("select[name='p.sector']", "rafah")
    page.select_option("select[name='p.status']", "planned")
    page.fill("input[name='p.capacity']", "300")
    page.fill("input[name='p.ready_on']", "2026-04-01")
    page.fill("input[name='p.for_contributor']", "IDN")
    page.fill("input[name=valid_from]", "2026-02-28")
    page.fill("input[name=source_key]", "e2e-camp-note.txt")
    page.fill("input[name=source_date]", "2026-02-28")
    page.fill("textarea[name=quote]", "A test camp for 300 troops in Rafah, a sentence written for this test.")
    page.fill("input[name=grade]", "B2")
    page.click("form.record button[type=submit]")
    expect(page.locator("p.ok")).to_contain_text("Recorded as fact")

    page.goto(f"{base}/forecast?as_of=2026-03-01")
    camp = page.locator("#forecast-camps tbody tr").filter(has_text="Test camp written for this test")
    expect(camp).to_contain_text("300")
    expect(camp).to_contain_text("yes")
    expect(page.locator("#forecast-pledges tbody tr").filter(has_text="IDN")).to_contain_text("held to its camps")
    shot(page, "forecast-with-camp")
