"""In the browser: a viewer is offered no write form and is told why; a liaison is offered only its
own country's stance, pledges and arrivals, with the subject fixed, and records a stance."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import PASSWORD, _free_port, _sf, serving, shot


@pytest.fixture(scope="module")
def roles_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("roles") / "ledger.db"
    env = {**os.environ, "STABFORCE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}
    _sf(env, "init")
    _sf(env, "load", "--scenario", "gaza-isf")
    _sf(env, "users", "add", "vic", "--role", "viewer", stdin=PASSWORD + "\n")
    _sf(env, "users", "add", "lia", "--role", "liaison", "--contributor", "IDN", stdin=PASSWORD + "\n")
    with serving(env, _free_port(), db.parent / "server.log") as url:
        yield url


def _login(page: Page, base: str, name: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_a_viewer_is_offered_nothing_to_write_and_told_why(roles_server, page: Page):
    base = roles_server
    _login(page, base, "vic")
    nav = page.locator("nav[aria-label=Main]")
    expect(nav).not_to_contain_text("Record a pledge")
    expect(nav).not_to_contain_text("Record a fact")
    nav.get_by_role("link", name="Conflicts").click()
    page.goto(f"{base}/conflicts?as_of=2025-12-15")
    expect(page.locator("[data-testid=conflict]").first).to_be_visible()
    expect(page.get_by_role("button", name="Settle")).to_have_count(0)
    expect(page.locator(".role-note").first).to_contain_text("Your role (viewer) reads only")
    shot(page, "roles-viewer-conflicts")
    page.locator("[data-testid=conflict] article.claim a").first.click()
    expect(page.get_by_role("button", name="Retract")).to_have_count(0)
    expect(page.locator(".role-note")).to_contain_text("may not retract facts")
    page.goto(f"{base}/news")
    expect(page.locator("#ingest-form")).to_have_count(0)
    expect(page.locator(".role-note")).to_contain_text("your role (viewer) may not ingest")
    response = page.goto(f"{base}/record/pledge")
    assert response is not None and response.status == 403
    expect(page.locator("main")).to_contain_text("reads only")


def test_a_liaison_is_offered_its_own_countrys_kinds_and_records_a_stance(roles_server, page: Page):
    base = roles_server
    _login(page, base, "lia")
    page.locator("nav[aria-label=Main]").get_by_role("link", name="Record a fact").click()
    kinds = page.locator("form.choose-kind select[name=kind] option").all_inner_texts()
    assert sorted(kinds) == ["pledge", "stance", "unit_arrived", "unit_departed"]
    subject = page.locator("form.record input[name=subject]")
    expect(subject).to_have_value("contributor:IDN")
    expect(subject).to_have_attribute("readonly", "")
    expect(page.locator("textarea[name=payload]")).to_have_count(0)  # a stance has its own inputs, not JSON
    page.select_option("select[name='p.stance']", "conditional")
    page.fill("textarea[name='p.conditions']", "a full ceasefire")
    page.check("input[name='p.caveats'][value=no_combat]")
    page.fill("input[name=valid_from]", "2026-03-01")
    page.fill("input[name=source_key]", "liaison-note-written-for-this-test.txt")
    page.fill("input[name=source_date]", "2026-03-01")
    page.fill("textarea[name=quote]", "A sentence written for this test.")
    page.fill("input[name=grade]", "A2")
    shot(page, "roles-liaison-record")
    page.click("form.record button[type=submit]")
    expect(page.locator("p.ok")).to_contain_text("Recorded as fact")
    expect(page.locator("p.says")).to_contain_text("conditional (a full ceasefire); caveats: no combat")
    expect(page.locator("dl.fields")).to_contain_text("contributor:IDN")
    page.goto(f"{base}/conflicts?as_of=2025-12-15")
    expect(page.get_by_role("button", name="Settle")).to_have_count(0)
    expect(page.locator(".role-note").first).to_contain_text("Your role (liaison) may not settle a conflict")
