"""User-facing text: no Python (or JSON) structures on the pages of the demo scenario or in the CLI's
tables; payloads are written per kind as words."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from urllib.parse import urlencode

import pytest
from typer.testing import CliRunner

from stabforce.cli.main import app
from stabforce.services import facts
from stabforce.services.actors import Actor, Role
from tests.integration.web.test_pages import login

#: What a Python repr (or a dumped structure) looks like in text.
REPR = re.compile(r"=\[|\{'|\['|datetime\.|Decimal\(|mappingproxy|\w=\{|\w='|None\]|\[None")
SHA = "ab" * 32
ADMIN = Actor(id="test:admin", role=Role.ADMIN)
SOURCE = {"key": "test-notes.txt", "date": "2026-03-01", "title": "Notes written for this test"}


def _extra_facts(services) -> list[str]:
    """Record the kinds the scenario lacks whose payloads hold lists of objects: a decision, a milestone
    verification and a weapons step with evidence, an incident, infrastructure, a retraction."""
    ledger = services.ledger
    decision = facts.settle_conflict(ledger, ADMIN, fact_ids=["pak-pledge-2025-11-30-three-brigades",
                                                              "pak-pledge-2025-11-30-around-20000"],
                                     accepted="pak-pledge-2025-11-30-three-brigades", reason="the official figure",
                                     on=date(2025, 12, 14))
    base = {"valid_from": "2026-03-01", "source": SOURCE, "grade": "B2", "quote": "Words written for this test."}
    recorded = facts.record_facts(ledger, ADMIN, [
        {**base, "kind": "milestone_verified", "subject": "milestone:isf-in-rafah",
         "payload": {"verdict": "not_met", "verifier": "the joint monitors",
                     "evidence": [{"name": "inspection report 7", "sha256": SHA, "description": "photographs"}]}},
        {**base, "kind": "weapons_moved", "subject": "registry:weapons",
         "payload": {"weapon": "rifles", "quantity": 1200, "to_state": "declared",
                     "evidence": [{"name": "declaration list", "sha256": SHA}]}},
        {**base, "kind": "incident", "subject": "incident:test-1",
         "payload": {"event_type": "explosions_remote_violence", "violation": "serious", "actors": ["A", "B"],
                     "place": {"lat": 31.29, "lon": 34.25, "precision": 2, "name": "Rafah"}, "fatalities": 2}},
        {**base, "kind": "infrastructure", "subject": "infra:shaft-1",
         "payload": {"type": "tunnel_shaft", "status": "neutralized", "evidence": [{"name": "video", "sha256": SHA}]}},
    ])
    retraction = facts.retract_fact(ledger, ADMIN, fact_id="pak-pledge-2025-11-30-perhaps-15000",
                                    reason="read twice", on=date(2026, 3, 2))
    return [decision.id, *(f.id for f in recorded), retraction.id]


def test_no_page_of_the_demo_scenario_shows_a_python_structure(site, services):
    extra = _extra_facts(services)
    login(site, "adm")
    all_facts, _ = services.pictures.facts()
    pages = ["/", "/?as_of=2025-12-15", "/contributors", "/contributors/IDN", "/contributors/PAK?as_of=2025-12-15",
             "/map", "/forecast", "/gates", "/gates?as_of=2026-03-05", "/registry", "/police", "/sites", "/incidents",
             "/news", "/review", "/sources", "/conflicts?as_of=2025-12-15&settled=1", "/conflicts?settled=1",
             "/record/fact", "/record/pledge", "/gates/milestone", "/registry/record",
             *(f"/facts?kind={k}" for k in sorted({f.kind for f in all_facts})),
             *(f"/facts/{f.id}" for f in all_facts),
             *sorted({"/source?" + urlencode({"key": f.source.key}) for f in all_facts})]
    for path in pages:
        response = site.get(path)
        assert response.status_code == 200, path
        shown = re.sub(r"<(script|pre|code)\b.*?</\1>", "", response.text, flags=re.DOTALL)  # JSON blocks are data
        text = re.sub(r"<[^>]+>", " ", shown)
        found = REPR.search(text)
        assert found is None, (path, text[max(0, found.start() - 80):found.end() + 80])
    decision = site.get(f"/facts/{extra[0]}").text
    assert "accepts pak-pledge-2025-11-30-three-brigades, because the official figure" in decision
    verified = site.get(f"/facts/{extra[1]}").text
    assert f"evidence: inspection report 7 (file {SHA[:12]}…): photographs" in verified


def test_the_cli_tables_show_no_python_structure(db_url, site, services):
    _extra_facts(services)
    runner = CliRunner()
    for args in (["facts", "list"], ["conflicts", "--all", "--as-of", "2025-12-15"], ["facts", "show",
                                                                                    "pak-pledge-2025-11-30-around-20000"]):
        result = runner.invoke(app, ["--database-url", db_url, *args], env={"COLUMNS": "300"})
        assert result.exit_code == 0, result.output
        lines = [line for line in result.output.splitlines() if not re.match(r"\s*(payload|source|supersedes):", line)]
        text = "\n".join(lines)
        found = REPR.search(text)
        assert found is None, (args, text[max(0, found.start() - 80):found.end() + 80])
    decision = next(f for f in services.pictures.facts()[0] if f.kind == "decision")
    shown = runner.invoke(app, ["--database-url", db_url, "facts", "show", decision.id]).output
    assert "says: settles pak-pledge-2025-11-30-three-brigades" in " ".join(shown.split())


@pytest.mark.parametrize(("kind", "payload", "says"), [
    ("decision", {"settles": ["a", "b"], "accepted": None, "reason": "no way to tell"},
     "settles a, b: accepts none of them, because no way to tell"),
    ("milestone_verified", {"verdict": "met", "verifier": "UNOPS", "evidence": [{"name": "report"}]},
     "met, by UNOPS; evidence: report"),
    ("camp", {"name": "Barracks", "sector": "rafah", "status": "being_prepared", "capacity": None,
              "capacity_high": 5000, "for_contributor": "IDN"},
     "Barracks: being prepared; sector Rafah; capacity up to 5,000; opening day not reported; for Indonesia (IDN)"),
    ("police_cohort", {"trained": 500, "approx": True},
     "recruited unknown, vetted unknown, trained about 500, deployed unknown"),
    ("stance", {"stance": "conditional", "conditions": ["a full ceasefire"], "caveats": ["no_combat"]},
     "conditional (a full ceasefire); caveats: no combat"),
])
def test_payloads_are_written_per_kind_in_words(kind, payload, says):
    from stabforce.services.says import payload_words
    assert payload_words(kind, payload) == says


@pytest.mark.parametrize("typed", ["IDN", "idn", "Indonesia", "indonesia", "Indonesian", "contributor:IDN"])
def test_the_facts_filter_takes_a_country_as_code_name_or_demonym(site, typed):
    login(site, "vic")
    page = site.get("/facts", params={"subject": typed, "kind": "pledge"}).text
    count = int(re.search(r'id="facts-count">(\d+) fact', page).group(1))
    subjects = set(re.findall(r"<td>(contributor:[A-Z]{3})</td>", page))
    assert count >= 5 and subjects == {"contributor:IDN"}, (typed, count, subjects)


def test_the_cli_facts_filter_takes_a_demonym(db_url, site, services):
    listed = CliRunner().invoke(app, ["--database-url", db_url, "facts", "list", "--subject", "Pakistani", "--json"])
    assert listed.exit_code == 0 and {f["subject"] for f in json.loads(listed.stdout)} == {"contributor:PAK"}


def test_paraphrases_are_shown_as_paraphrases_not_as_quotations(site, services):
    login(site, "vic")
    paraphrased = services.ledger.get("aze-stance-2026-01-05-declined")
    verbatim = services.ledger.get("idn-pledge-2025-11-14-max-20000")
    assert paraphrased.source.paraphrase and not verbatim.source.paraphrase
    for path in ("/facts/aze-stance-2026-01-05-declined", "/contributors/AZE?as_of=2026-02-01",
                 "/source?" + urlencode({"key": paraphrased.source.key})):
        page = html.unescape(site.get(path).text)
        assert paraphrased.quote in page, path
        assert f"<blockquote>{paraphrased.quote}" not in page and f"“{paraphrased.quote}" not in page, path
        shown = re.findall(r'<p class="paraphrase"><span class="tag"[^>]*>paraphrase</span> ([^<]+)</p>', page)
        assert paraphrased.quote in shown, path
    page = html.unescape(site.get("/facts/idn-pledge-2025-11-14-max-20000").text)
    assert f"<blockquote>{verbatim.quote}</blockquote>" in page
