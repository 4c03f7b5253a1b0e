"""The Board's report page in a real browser: every section shows, the PDF link answers a PDF, and the
as-of control redraws the figures."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from stabforce.reports.board import SECTIONS
from tests.e2e.conftest import login, shot


def test_report_page_sections_pdf_link_and_as_of_control(live_server, page: Page):
    base = live_server["url"]
    page.set_viewport_size({"width": 1100, "height": 900})
    login(page, base, "admin")
    page.click("nav >> text=Report")
    page.goto(f"{base}/report?as_of=2026-03-01")
    for title in SECTIONS:
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
    expect(page.locator("img.chart").first).to_be_visible()
    assert page.locator("img.map").evaluate("img => img.complete && img.naturalWidth > 0")
    expect(page.locator("#ledger-hash")).to_contain_text("head seq")
    troops = page.locator("#forcegen-totals tr", has_text="troops")
    expect(troops).to_contain_text("28,000")  # possible troops on 1 March 2026 (the overview says the same)
    march = troops.inner_text()
    shot(page, "report")

    pdf_link = page.locator("#report-pdf")
    href = pdf_link.get_attribute("href")
    assert href and "as_of=2026-03-01" in href
    response = page.request.get(base + href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"

    page.fill("input[name=as_of]", "2025-12-01")
    page.click("nav.controls button[type=submit]")
    page.wait_for_url("**as_of=2025-12-01**")
    troops = page.locator("#forcegen-totals tr", has_text="troops")
    expect(troops).not_to_have_text(march)
    assert "as_of=2025-12-01" in (page.locator("#report-pdf").get_attribute("href") or "")
