"""In a real browser: a monitor records registry steps, the last with an evidence file uploaded from disk,
sees the holdings change on /registry and the file's SHA-256 on the fact. Made-up test figures only."""

from __future__ import annotations

import hashlib
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import login, shot

AS_OF = "2026-03-01"


def record_step(page: Page, base: str, quantity: int, from_state: str, to_state: str, day: str,
                file: Path | None = None) -> None:
    page.goto(f"{base}/registry/record")
    page.select_option("select[name=weapon]", "rifles")
    page.fill("input[name=quantity]", str(quantity))
    page.select_option("select[name=from_state]", from_state)
    page.select_option("select[name=to_state]", to_state)
    page.fill("input[name=valid_from]", day)
    page.fill("input[name=verifier]", "e2e test monitor")
    page.fill("input[name=source_key]", "e2e-monitor-report.txt")
    page.fill("input[name=source_date]", day)
    if file is not None:
        page.set_input_files("input[name=file]", str(file))
        page.fill("input[name=evidence_description]", "a picture written for this test")
    page.click("form.record button[type=submit]")


def held(page: Page, state: str) -> str:
    return page.locator(f"#registry-weapons tr[data-weapon='rifles'] td[data-state='{state}']").inner_text()


def test_a_monitor_records_a_decommissioning_step_with_evidence_and_sees_the_registry_change(
        live_server, page: Page, tmp_path: Path):
    base = live_server["url"]
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, "mon")
    for quantity, src, dst, day in ((12, "", "declared", "2026-02-01"), (12, "declared", "collected", "2026-02-02"),
                                    (12, "collected", "stored", "2026-02-03")):
        record_step(page, base, quantity, src, dst, day)
        expect(page.locator("p.ok")).to_contain_text("Recorded as fact")

    page.goto(f"{base}/registry?as_of={AS_OF}")
    expect(page.locator("#registry-chart[data-ready='1']")).to_be_visible()
    assert held(page, "stored") == "12" and held(page, "decommissioned") == "0"

    record_step(page, base, 50, "stored", "decommissioned", "2026-02-04")  # more than is stored
    expect(page.locator("#form-errors")).to_contain_text("Nothing was stored.")
    expect(page.locator("#error-quantity")).to_contain_text("only 12 rifles are stored")
    shot(page, "registry-refused")

    evidence = tmp_path / "decommissioning-certificate.png"
    evidence.write_bytes(b"\x89PNG\r\n\x1a\n an e2e test picture of cut rifles")
    sha = hashlib.sha256(evidence.read_bytes()).hexdigest()
    record_step(page, base, 5, "stored", "decommissioned", "2026-02-04", file=evidence)
    expect(page.locator("p.ok")).to_contain_text("Recorded as fact")
    expect(page.locator("p.says")).to_contain_text(f"decommissioning-certificate.png (file {sha[:12]}…)")
    shot(page, "registry-fact-with-evidence")

    page.goto(f"{base}/registry?as_of={AS_OF}")
    assert held(page, "stored") == "7" and held(page, "decommissioned") == "5"
    expect(page.get_by_test_id("beyond-use-heavy")).to_have_text("0")
    expect(page.get_by_test_id("beyond-use-light")).to_have_text("5")
    expect(page.locator("#registry-refused")).to_contain_text("None")
    shot(page, "registry")

    page.click("#registry-weapons tr[data-weapon='rifles'] td[data-state='decommissioned'] a")
    expect(page.locator("#steps-held")).to_have_text("5")
    link = page.locator(f"#registry-steps a[href='/api/v1/evidence/{sha}']")
    expect(link).to_have_text("decommissioning-certificate.png")
    with page.expect_download() as download:
        link.click()
    assert Path(download.value.path()).read_bytes() == evidence.read_bytes()

    page.goto(f"{base}/registry?as_of=2026-02-03")  # before the decommissioning day
    assert held(page, "stored") == "12" and held(page, "decommissioned") == "0"


def test_the_registry_pages_fit_a_phone_screen(live_server, page: Page):
    base = live_server["url"]
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, base, "mon")
    for path in (f"/registry?as_of={AS_OF}", f"/registry/steps?as_of={AS_OF}&category=all&state=stored",
                 "/registry/record"):
        page.goto(base + path)
        width = page.evaluate("document.querySelector('main').scrollWidth")
        assert width <= 390, f"{path} is {width}px wide on a 390px screen"
    shot(page, "phone-registry-record")
