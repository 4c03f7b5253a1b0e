"""The export links of the list pages: present on each, keeping the page's filters and "as known on",
and downloading with the logged-in session (no token)."""

from __future__ import annotations

import csv
import html
import io
import re

from tests.integration.web.test_pages import login


def links(page: str) -> dict[str, str]:
    return {m.group(2): html.unescape(m.group(1))
            for m in re.finditer(r'<a class="export" href="([^"]+)" download data-testid="([^"]+)"', page)}


def test_each_list_page_links_its_exports(site):
    assert login(site, "vic").status_code == 303
    expected = {
        "/facts": {"export-facts-export-csv", "export-stix-stix-2.1"},
        "/contributors": {"export-pledges-pledges-csv"},
        "/incidents": {"export-incidents-export-csv-(acled-layout)", "export-incidents-geojson"},
        "/sites": {"export-sites-geojson"},
        "/map": {"export-zones-zones-geojson", "export-sectors-sectors-geojson", "export-sites-sites-geojson",
                 "export-incidents-incidents-geojson"},
    }
    for path, names in expected.items():
        found = links(site.get(path).text)
        assert set(found) == names, path
        for url in found.values():
            assert site.get(url).status_code == 200, url


def test_the_facts_export_link_keeps_the_filters_and_known_on(site):
    assert login(site, "vic").status_code == 303
    page = site.get("/facts?kind=pledge&as_of=2025-12-15&known_at=2025-11-29").text
    url = links(page)["export-facts-export-csv"]
    assert "kind=pledge" in url and "as_of=2025-12-15" in url and "known_at=2025-11-29T23%3A59%3A59" in url
    rows = list(csv.DictReader(io.StringIO(site.get(url).text, newline="")))
    assert rows and {r["kind"] for r in rows} == {"pledge"}
    assert max(r["known_from"] for r in rows) <= "2025-11-29T23:59:59.999999Z"
    assert max(r["valid_from"] for r in rows) <= "2025-12-15"
    # the htmx table (what a filter change swaps in) carries the link too
    fragment = site.get("/facts?kind=stance", headers={"HX-Request": "true"}).text
    assert "kind=stance" in links(fragment)["export-facts-export-csv"]
