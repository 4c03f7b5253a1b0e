"""The gates board in a real browser: stages and failing terms on 20 Feb 2026, trying a condition
(the error points at its column), and a milestone refused then recorded."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import login, shot


def test_gates_board_explains_why_no_stage_is_met(live_server, page: Page):
    base = live_server["url"]
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, "admin")
    page.goto(f"{base}/gates?as_of=2026-02-20")
    stages = page.locator("#gates-board article.stage")
    expect(stages).to_have_count(3)
    expect(page.locator("#gates-board [data-met=false]")).to_have_count(3)
    expect(stages.nth(0)).to_contain_text("completed 2025-10-10")
    rafah = stages.nth(1).locator("[data-milestone=isf-in-rafah]")
    # no troop arrival is recorded: strength unknown, not 0 (issue 11 item 5)
    expect(rafah).to_contain_text('isf.strength(sector="rafah") > 0 is unknown (isf.strength(sector="rafah") = unknown)')
    expect(rafah).to_contain_text("no verification by IDF, ISF, guarantors and the United States")
    expect(stages.nth(2)).to_contain_text("IDF holds ~18% after")
    shot(page, "gates-board")

    page.fill("input[name=condition]", "police.deployed >= 2000 and sitez.open > 0")
    page.click("text=Evaluate")
    result = page.locator("#condition-result")
    expect(result).to_contain_text("unknown metric 'sitez.open'")
    expect(result).to_contain_text("at column 29")
    expect(result.locator("pre.caret")).to_contain_text("^ sitez.open")
    page.fill("input[name=condition]", "police.deployed >= 2000")
    page.click("text=Evaluate")
    # no police cohort reported deployed officers: unknown, not 0 (issue 11 item 5)
    expect(page.locator("#condition-result")).to_contain_text("police.deployed >= 2000 is unknown (police.deployed = unknown)")


def test_a_milestone_with_a_bad_condition_is_refused_then_a_good_one_appears(live_server, page: Page):
    base = live_server["url"]
    login(page, base, "admin")
    page.goto(f"{base}/gates/milestone")

    def fill(condition: str) -> None:
        page.fill("input[name=title]", "Police deployed in Rafah (test)")
        page.fill("input[name=slug]", "police-in-rafah-test")
        page.fill("textarea[name=condition]", condition)
        page.fill("input[name=valid_from]", "2026-02-01")
        page.fill("input[name=source_key]", "e2e-gates-note.txt")
        page.fill("input[name=source_date]", "2026-02-01")
        page.fill("textarea[name=quote]", "A planning note written for this test.")
        page.fill("input[name=grade]", "B2")
        page.click("form.record button[type=submit]")

    fill('police.deployed(sector="rafah") >= 500 and')
    errors = page.locator("#form-errors")
    expect(errors).to_contain_text("Nothing was stored")
    expect(errors).to_contain_text("found the end of the condition at column 43")
    page.goto(f"{base}/facts?kind=milestone")
    expect(page.locator("body")).not_to_contain_text("police-in-rafah-test")

    page.goto(f"{base}/gates/milestone")
    fill('police.deployed(sector="rafah") >= 500')
    expect(page.locator("p.ok")).to_contain_text("Recorded as fact")
    page.goto(f"{base}/gates?as_of=2026-02-20")
    loose = page.locator("[data-milestone=police-in-rafah-test]")
    expect(loose).to_contain_text("not met")
    expect(loose).to_contain_text('police.deployed(sector="rafah") >= 500 is unknown')
