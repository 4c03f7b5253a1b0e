"""TLP markings in a real browser: an AMBER pledge counts for an analyst, who sees its badge, and a
viewer never sees its figure on the overview or the facts pages (its URL is a 404 for them)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import _free_port, _sf, login, serving, shot

AMBER_TROOPS = 4321
FACT_ID = "e2e-amber-albania"
#: The AMBER figure as a whole number, written either way ("4,321" or "4321"), not part of another.
FIGURE = re.compile(r"(?<![\d,])4,?321(?![\d,])")


@pytest.fixture(scope="module")
def marked_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("e2e-markings") / "ledger.db"
    env = {**os.environ, "STABFORCE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}
    _sf(env, "init")
    _sf(env, "load", "--scenario", "gaza-isf")
    for name, role in (("admin", "admin"), ("ana", "analyst"), ("vic", "viewer")):
        _sf(env, "users", "add", name, "--role", role, stdin="e2e-password-1\n")
    _sf(env, "facts", "add", "--id", FACT_ID, "--kind", "pledge", "--subject", "contributor:ALB",
        "--payload", f'{{"personnel": {{"low": {AMBER_TROOPS}, "high": {AMBER_TROOPS}}}}}',
        "--valid-from", "2025-12-01", "--source", "e2e-closed-briefing.txt", "--source-date", "2025-12-01",
        "--grade", "B2", "--quote", "A sentence written for this test.", "--marking", "AMBER")
    with serving(env, _free_port(), db.parent / "server.log") as url:
        yield url


def _troops(page: Page) -> int:
    """The possible troops total: Albania has no stance yet on the day, so its pledge is possible, not likely."""
    return int(page.get_by_test_id("pledged-possible-troops").inner_text().replace(",", ""))


def test_a_viewer_never_sees_an_amber_figure_that_an_analyst_sees_with_its_badge(marked_server: str, page: Page):
    base = marked_server
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, "ana")
    page.goto(f"{base}/?as_of=2025-12-15")
    staff_total = _troops(page)
    page.goto(f"{base}/facts?kind=pledge&subject=contributor:ALB")
    expect(page.locator("#facts-table")).to_contain_text(f"{AMBER_TROOPS:,}")
    expect(page.locator("#facts-table .tlp-amber")).to_have_text("TLP:AMBER")
    assert page.locator("#facts-table .tlp-amber").evaluate("e => getComputedStyle(e).color") == "rgb(255, 192, 0)"
    page.goto(f"{base}/facts/{FACT_ID}")
    expect(page.locator("#marking .tlp-amber")).to_be_visible()
    shot(page, "markings-analyst-fact")
    page.context.clear_cookies()  # log out

    login(page, base, "vic")
    page.goto(f"{base}/?as_of=2025-12-15")
    assert _troops(page) == staff_total - AMBER_TROOPS
    body = page.locator("body").inner_text()
    assert not FIGURE.search(body) and FACT_ID not in body
    shot(page, "markings-viewer-overview")
    for path in ("/facts", "/facts?kind=pledge", "/facts?subject=contributor:ALB", "/sources"):
        page.goto(f"{base}{path}")
        text = page.locator("body").inner_text()
        assert not FIGURE.search(text) and FACT_ID not in text and "e2e-closed-briefing" not in text, path
    response = page.goto(f"{base}/facts/{FACT_ID}")
    assert response is not None and response.status == 404
    shot(page, "markings-viewer-404")
