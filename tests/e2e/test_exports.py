"""In a real browser: filter the facts page, click its CSV export link, and read the downloaded file."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import Page, expect

from tests.e2e.conftest import login


def test_facts_page_export_link_downloads_the_filtered_csv(live_server, page: Page):
    base = live_server["url"]
    login(page, base, "admin")
    page.goto(f"{base}/facts?kind=pledge&subject=contributor:IDN")
    link = page.get_by_test_id("export-facts-export-csv")
    expect(link).to_be_visible()
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename.startswith("stabforce-facts-") and download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8", newline="") as stream:
        text = stream.read()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][:5] == ["id", "seq", "kind", "subject", "says"]
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert body and {(r["kind"], r["subject"]) for r in body} == {("pledge", "contributor:IDN")}
    first = body[0]
    assert first["source_key"] and first["grade"] and len(first["hash"]) == 64
    assert "20,000" in " ".join(r["says"] for r in body)  # Indonesia's "up to 20,000" pledge of the scenario
