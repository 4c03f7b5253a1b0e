"""The Review page through TestClient: a refused accept keeps the reviewer's corrections, and the
corrected accept lands back on the queue (it answered 405 on the claim's URL before)."""

from __future__ import annotations

from datetime import date

from stabforce.services import news
from stabforce.services.actors import Actor, Role
from tests.htmlforms import form
from tests.integration.web.test_pages import login

#: A report written for these tests (not from any article).
REPORT = ("A defence ministry spokesman said on Monday that Indonesia will send up to 5,000 troops to the "
          "stabilization force, with engineers and medical units among them.\n\nThe force has no commander yet.")


def _ingest(services) -> str:
    news.ingest(services.documents, Actor(id="test", role=Role.ADMIN),
                [news.Incoming("test-report.txt", REPORT.encode(), date(2026, 3, 2))], max_bytes=1 << 20)
    return next(c.id for c in services.documents.claims(status="proposed")
                if c.data["subject"] == "IDN" and c.data["kind"] == "pledge")


def test_accepting_after_a_refused_grade_keeps_the_corrections_and_returns_to_the_queue(site, services):
    claim = _ingest(services)
    login(site, "ana")
    queue = site.get("/review?status=proposed").text
    accept = form(queue, action=f"/review/{claim}", css_class="accept-form")
    count = services.ledger.count()
    refused = site.post(accept.action, data=accept.data(low="4000", high="5000", phase="initial",
                                                       attribution="a defence ministry spokesman", grade="Z9"),
                        follow_redirects=False)
    assert refused.status_code == 422 and "Nothing was stored" in refused.text
    assert services.ledger.count() == count
    again = form(refused.text, action=f"/review/{claim}", css_class="accept-form")
    # The reviewer's corrections are still in the form, and the wrong grade is there to correct.
    assert (again.value("low"), again.value("high"), again.value("phase"), again.value("attribution"),
            again.value("grade")) == ("4000", "5000", "initial", "a defence ministry spokesman", "Z9")
    assert again.value("back").startswith("/review?")
    done = site.post(again.action, data=again.data(grade="B2"), follow_redirects=True)
    assert done.status_code == 200, done.text[-1500:]
    assert "Recorded as fact" in done.text and str(done.url).split("?")[0].endswith("/review")
    stored = services.documents.claim(claim)
    assert stored.status == "accepted"
    fact = services.ledger.get(stored.fact_id)
    assert fact.payload["personnel"]["low"] == 4000 and fact.payload["phase"] == "initial"
    assert fact.source.attribution == "a defence ministry spokesman" and fact.grade == "B2"


def test_the_claims_own_address_shows_the_claim_instead_of_405(site, services):
    claim = _ingest(services)
    login(site, "ana")
    page = site.get(f"/review/{claim}")
    assert page.status_code == 200 and f'data-claim="{claim}"' in page.text


def test_a_back_address_off_the_review_pages_is_not_followed(site, services):
    claim = _ingest(services)
    login(site, "ana")
    accept = form(site.get("/review").text, action=f"/review/{claim}", css_class="accept-form")
    done = site.post(accept.action, data=accept.data(grade="B2", back="https://evil.example/x"),
                     follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith("/review?")


def test_a_claim_of_the_learned_pass_says_so_on_the_page_and_in_the_api(site, services):
    # A reader as `pair_model.claim_reader` builds it, with the model's probabilities written by hand: the rules'
    # claims, and one the learned pass adds for a sentence the rules leave alone.
    from stabforce.engines.extract import extract, pairs

    text = ("The summit ended. A decision on sending Senegalese troops to Mali is in process and has yet to be "
            "finalised. Chad will send 400 soldiers to Mali.")
    arrival = [0.05, 0, 0, 0, 0.95, 0, 0, 0]  # LABELS: none, pledge, consideration, reduction, arrival, ...

    def read(body, published):  # type: ignore[no-untyped-def]
        rules = extract(body, published=published)
        assert ("TCD", "pledge", 400) in [(c.subject, c.kind, c.low) for c in rules]
        found = pairs.candidates(body)
        probs = [[0.05, 0, 0.95, 0, 0, 0, 0, 0] if p.subject == "SEN" and p.index == 1 else arrival if p.subject == "TCD" and p.figure
                 else [1.0] + [0.0] * 7 for p in found]
        rules = pairs.relabelled_claims(rules, found, probs)
        return rules + pairs.learned_claims(body, published, rules, found, probs)

    news.ingest(services.documents, Actor(id="test", role=Role.ADMIN),
                [news.Incoming("learned.txt", text.encode(), date(2026, 3, 2))], max_bytes=1 << 20, read=read)
    stored = [news.claim_view(c) for c in services.documents.claims(status="proposed")]
    learned = [c for c in stored if c["method"] == "learned"]
    assert [(c["subject"], c["kind"], c["low"]) for c in learned] == [("SEN", "consideration", None)]
    assert all(c["confidence"] > 0.35 for c in stored if c["method"] == "rules")
    relabelled = [c for c in stored if c["method"] == "learned_kind"]
    assert [(c["subject"], c["kind"], c["low"], c["confidence"]) for c in relabelled] == [("TCD", "arrival", 400, 0.35)]
    login(site, "ana")
    page = site.get("/review?status=proposed").text
    assert page.count("found by the learned pass") == 1 and page.count("kind set by the learned pass") == 1
