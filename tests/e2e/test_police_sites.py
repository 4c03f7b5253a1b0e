"""In a real browser on the demo scenario: the police pipeline chart and the planned site on the maps."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import login, shot


def test_police_chart_and_the_rafah_site_on_the_sites_page_and_the_map(live_server, page: Page):
    base = live_server["url"]
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, "admin")

    page.goto(f"{base}/police?as_of=2026-03-01")
    expect(page.locator("#police-chart[data-ready='1']")).to_be_visible()
    assert page.locator("#police-chart").evaluate("c => c.width > 0 && c.height > 0")
    expect(page.get_by_test_id("police-trained")).to_have_text("500")
    expect(page.get_by_test_id("police-deployed")).to_have_text("unknown")
    expect(page.locator("#police-target")).to_contain_text("12,000")
    expect(page.locator("#police-cohorts")).to_contain_text("cairo-2025-03")
    shot(page, "police")

    page.goto(f"{base}/sites?as_of=2026-03-01")
    expect(page.locator("#sites-map[data-ready='1']")).to_be_visible()
    expect(page.locator("#sites-map [data-site='rafah-asc-1']")).to_have_count(1)
    expect(page.locator("#sites-table")).to_contain_text("near Rafah")
    expect(page.get_by_test_id("sites-planned")).to_have_text("1")
    shot(page, "sites")

    page.goto(f"{base}/map?as_of=2026-03-01")
    expect(page.locator("#map[data-ready='1']")).to_be_visible()
    expect(page.locator("#map [data-site='rafah-asc-1']")).to_have_count(1)
