"""In a real browser: upload a synthetic ACLED-layout CSV with one bad row, see the line-numbered error
and nothing stored; upload it again skipping bad rows and see the incidents, the chart and the map layer."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.acled_fixtures import csv_text, event
from tests.e2e.conftest import login, shot

#: Four synthetic events; the one on line 4 has a latitude out of range.
FILE = csv_text([event(1), event(2), event(3, latitude="123.4"), event(4)])


def upload(page: Page, *, skip_bad: bool) -> None:
    page.set_input_files("input[name=file]", files=[{"name": "synthetic-e2e.csv", "mimeType": "text/csv",
                                                     "buffer": FILE.encode("utf-8")}])
    if skip_bad:
        page.check("input[name=skip_bad]")
    page.click("#import-form button[type=submit]")


def test_upload_refused_for_one_bad_row_then_skip_bad_shows_the_incidents(live_server, page: Page):
    base = live_server["url"]
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, "admin")
    page.goto(f"{base}/incidents?as_of=2026-03-01")
    expect(page.get_by_test_id("incidents-total")).to_have_text("0")

    upload(page, skip_bad=False)
    errors = page.locator("#import-errors")
    expect(errors).to_contain_text("Nothing was imported")
    expect(errors.locator("li")).to_have_count(1)
    expect(errors.locator("li")).to_contain_text("line 4: latitude: 123.4 is out of range")
    expect(page.get_by_test_id("incidents-total")).to_have_text("0")
    shot(page, "incidents-refused")

    upload(page, skip_bad=True)
    expect(page.locator("#import-report")).to_contain_text("Imported 3 incidents")
    expect(page.locator("#import-report li")).to_contain_text("line 4: latitude")
    page.goto(f"{base}/incidents?as_of=2026-03-01")
    expect(page.get_by_test_id("incidents-total")).to_have_text("3")
    expect(page.locator("#incidents-table tbody tr")).to_have_count(3)
    expect(page.locator("#incidents-table")).to_contain_text("synthetic-e2e.csv#TST1")
    expect(page.locator("#incidents-chart")).to_have_attribute("data-ready", "1")
    shot(page, "incidents")

    page.goto(f"{base}/map?as_of=2026-03-01")
    expect(page.locator("#map")).to_have_attribute("data-ready", "1")
    expect(page.locator("[data-incident]")).to_have_count(3)
    shot(page, "map-incidents")
