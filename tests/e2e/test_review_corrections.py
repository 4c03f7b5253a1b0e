"""In the browser: an accept refused for its grade shows the claim again with the reviewer's
corrections, and the corrected accept records the fact and lands on the queue (it showed a 405
error page before, although the fact was stored)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import PASSWORD, _free_port, _sf, serving, shot

#: A report written for this test (not from any article).
REPORT = ("A defence ministry spokesman said on Monday that Indonesia will send up to 5,000 troops to the "
          "stabilization force, with engineers and medical units among them.")


@pytest.fixture(scope="module")
def analyst_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("review") / "ledger.db"
    env = {**os.environ, "STABFORCE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}
    _sf(env, "init")
    _sf(env, "users", "add", "ana", "--role", "analyst", stdin=PASSWORD + "\n")
    with serving(env, _free_port(), db.parent / "server.log") as url:
        yield url


def test_a_refused_accept_keeps_the_corrections_and_the_corrected_accept_lands_on_the_queue(analyst_server,
                                                                                            page: Page):
    base = analyst_server
    page.goto(f"{base}/login")
    page.fill("input[name=name]", "ana")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{base}/news")
    page.fill("textarea[name=text]", REPORT)
    page.fill("input[name=date]", "2026-03-02")
    page.click("#ingest-form button[type=submit]")
    expect(page.locator("#ingested")).to_contain_text("claim(s) proposed")

    page.goto(f"{base}/review")
    article = page.locator("article.claim-review[data-subject=IDN][data-kind=pledge]").first
    form = article.locator("form.accept-form")
    form.locator("input[name=low]").fill("4000")
    form.locator("input[name=phase]").fill("initial")
    form.locator("input[name=attribution]").fill("a defence ministry spokesman")
    form.locator("input[name=grade]").fill("Z9")
    form.locator("button[type=submit]").click()
    expect(page.locator("#form-errors")).to_contain_text("Nothing was stored")
    shot(page, "review-refused-grade")

    form = page.locator("article.claim-review form.accept-form").first
    expect(form.locator("input[name=low]")).to_have_value("4000")
    expect(form.locator("input[name=phase]")).to_have_value("initial")
    expect(form.locator("input[name=attribution]")).to_have_value("a defence ministry spokesman")
    form.locator("input[name=grade]").fill("B2")
    form.locator("button[type=submit]").click()
    expect(page.locator("p.ok")).to_contain_text("Recorded as fact")
    assert page.url.split("?")[0] == f"{base}/review"
    expect(page.locator("h1")).not_to_contain_text("405")

    page.locator("p.ok a").click()
    expect(page.locator("p.says")).to_contain_text("4,000")
    expect(page.locator("dl.fields")).to_contain_text("a defence ministry spokesman")
