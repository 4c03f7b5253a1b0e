"""The seed reports, ingested and reviewed through the web queue in a real browser, give the same
pledges and pledge conflicts as the scenario's hand-made facts for those documents.

The test acts as an analyst who knows the answer: for each proposed claim it looks for a scenario
pledge from the same document about the same subject whose quote overlaps the claim's sentence;
if there is one it accepts the claim, correcting figures, phase and attribution to the scenario's
where the extractor differs, else it rejects the claim. A scenario pledge no claim matched fails.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from importlib import resources

import pytest
from playwright.sync_api import Page, expect

from stabforce.ledger import parse_fact
from stabforce.model import fold
from stabforce.services.exchange import SCENARIOS
from tests.conftest import SHARED
from tests.e2e.conftest import PASSWORD, _free_port, _sf, serving, shot

SEEDS = SHARED / "seeds"
AS_OF = date(2025, 12, 20)
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed reports are not beside the project ({SEEDS})")


def scenario_seed_pledges() -> list[dict]:
    folder = resources.files("stabforce.scenarios")
    lines = [json.loads(line) for part in SCENARIOS["gaza-isf"]
             for line in folder.joinpath(part).read_text(encoding="utf-8").splitlines() if line.strip()]
    names = {p.name for p in SEEDS.glob("*.txt")}
    return [d for d in lines if d["kind"] == "pledge" and d["source"]["key"] in names]


def figures(payload: dict) -> tuple:
    q = payload["personnel"]
    return (q.get("low"), q.get("high"))


def expected_conflicts(pledges: list[dict]) -> set[tuple]:
    facts = [parse_fact(d).record(recorded_at=datetime.now(UTC), recorded_by="test") for d in pledges]
    facts = [replace(f, seq=n) for n, f in enumerate(facts, 1)]
    snapshot = fold(facts, as_of=AS_OF, known_at=datetime.now(UTC))
    return {(c.subject, c.kind, c.key[1]) for c in snapshot.conflicts}


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("news") / "ledger.db"
    port = _free_port()
    env = {**os.environ, "STABFORCE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}
    _sf(env, "init")
    _sf(env, "users", "add", "ana", "--role", "analyst", stdin=PASSWORD + "\n")
    with serving(env, port, db.parent / "server.log") as url:
        yield url


def overlaps(quote: str, sentence: str) -> bool:
    return quote in sentence or sentence in quote or quote[:60] in sentence or sentence[:60] in quote


def test_seeds_reviewed_in_the_browser_give_the_scenarios_pledges_and_conflicts(empty_server, page: Page):
    base = empty_server
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/login")
    page.fill("input[name=name]", "ana")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{base}/news")
    page.set_input_files("input[name=files]", [str(p) for p in sorted(SEEDS.glob("*.txt"))])
    page.click("#ingest-form button[type=submit]")
    expect(page.locator("#ingested")).to_contain_text("claim(s) proposed")
    expect(page.locator("#documents")).to_contain_text("2025-12-12")
    shot(page, "news")

    wanted = scenario_seed_pledges()
    open_ = list(wanted)
    decisions = 0
    copies: set[str] = set()
    while True:
        page.goto(f"{base}/review")
        article = page.locator("article.claim-review").first
        if article.count() == 0:
            break
        if decisions == 0:
            shot(page, "review-queue")
        subject = article.get_attribute("data-subject")
        name = article.get_attribute("data-document")
        sentence = article.locator("mark").inner_text()
        claim_figures = (article.get_attribute("data-low"), article.get_attribute("data-high"))
        candidates = [d for d in open_ if d["source"]["key"] == name and d["subject"] == f"contributor:{subject}"
                      and overlaps(d["quote"], sentence)]
        candidates.sort(key=lambda d: tuple(str(v) if v is not None else "" for v in figures(d["payload"]))
                        != claim_figures)
        copied = article.get_attribute("data-claim") in copies
        if len(candidates) > 1 and not copied:  # two facts read from one sentence: propose it again first
            copies.add(article.get_attribute("data-claim"))
            article.locator("form.copy-form button").click()
            expect(page.locator("p.ok")).to_contain_text("Proposed again")
            continue
        if candidates:
            match = candidates[0]
            open_.remove(match)
            low, high = figures(match["payload"])
            form = article.locator("form.accept-form")
            form.locator("select[name=kind]").select_option("pledge")
            form.locator("input[name=low]").fill("" if low is None else str(low))
            form.locator("input[name=high]").fill("" if high is None else str(high))
            form.locator("input[name=phase]").fill(match["payload"].get("phase") or "")
            form.locator("input[name=attribution]").fill(match["source"]["attribution"] or "")
            form.locator("input[name=grade]").fill(match["grade"])
            form.locator("button[type=submit]").click()
            expect(page.locator("p.ok")).to_contain_text("Recorded as fact")
        else:
            form = article.locator("form.reject-form")
            form.locator("input[name=reason]").fill("not one of the pledges the scenario records")
            form.locator("button[type=submit]").click()
            page.wait_for_load_state()
        decisions += 1
        assert decisions < 200
    assert open_ == [], f"no claim was proposed for: {[d['id'] for d in open_]}"

    stored = page.request.get(f"{base}/api/v1/facts?kind=pledge&limit=1000").json()["items"]
    got = Counter((f["subject"], figures(f["payload"]), f["payload"].get("phase"), f["source"]["key"],
                   f["source"]["attribution"]) for f in stored)
    want = Counter((d["subject"], figures(d["payload"]), d["payload"].get("phase"), d["source"]["key"],
                    d["source"]["attribution"]) for d in wanted)
    assert got == want
    assert expected_conflicts(wanted) == {("contributor:PAK", "pledge", None), ("contributor:IDN", "pledge", None)}
    conflicts = page.request.get(f"{base}/api/v1/conflicts?as_of={AS_OF}").json()["conflicts"]
    assert {(c["subject"], c["kind"], c["key"][1] if c.get("key") else None) for c in conflicts
            if c["kind"] == "pledge"} == expected_conflicts(wanted)
    page.goto(f"{base}/conflicts?as_of={AS_OF}")
    shot(page, "news-conflicts")
