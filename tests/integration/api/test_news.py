"""News end to end on both databases: ingest (once by content hash; refusals), the review queue,
accepting into the ledger with contradictions shown, and the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from stabforce.cli.main import app
from stabforce.services import exchange
from stabforce.services.actors import Actor, Role
from tests.conftest import SHARED
from tests.integration.api.conftest import bearer

runner = CliRunner()
SEEDS = SHARED / "seeds"
#: A report written for these tests (not from any article).
REPORT = ("A defence ministry spokesman said on Monday that Indonesia will send up to 5,000 troops to the "
          "stabilization force, with engineers and medical units among them.\n\nThe force has no commander yet.")


def post(client, token, **body):
    return client.post("/api/v1/documents", json={"name": "test-report.txt", **body}, headers=bearer(token))


def test_a_document_is_stored_once_with_its_proposed_claims(services, tokens, client):
    first = post(client, tokens["analyst"], text=REPORT, date="2026-03-02", publisher="Test Wire")
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["created"] is True and body["proposed"] >= 1
    assert body["document"]["published"] == "2026-03-02" and body["document"]["claims"] == {"proposed": body["proposed"]}
    again = post(client, tokens["analyst"], text=REPORT, date="2026-03-02")
    assert again.status_code == 201 and again.json()["created"] is False
    assert services.documents.count() == (1, body["proposed"])
    claims = client.get("/api/v1/claims", headers=bearer(tokens["viewer"])).json()
    pledge = next(c for c in claims if c["subject"] == "IDN" and c["kind"] == "pledge")
    assert (pledge["low"], pledge["high"], pledge["personnel"]) == (None, 5000, "troops")
    assert REPORT[pledge["start"]:pledge["end"]] == pledge["quote"]
    text = client.get(f"/api/v1/documents/{body['document']['sha256']}", headers=bearer(tokens["viewer"])).json()
    assert text["text"] == REPORT and text["publisher"] == "Test Wire"


@pytest.mark.parametrize(("body", "words"), [
    ({"text": "   \n  "}, "empty"),
    ({"text": "Indonesia will send troops."}, "no date"),
    ({"text": "<html><body><script>x()</script></body></html>", "name": "page.html", "date": "2026-03-02"},
     "holds no text"),
    ({"text": "Indonesia \u0000 will send troops.", "date": "2026-03-02"}, "binary"),
    ({"text": "x" * 5_000, "date": "2026-03-02"}, "over the limit of 4,096"),
])
def test_bad_documents_are_refused_with_the_reason_and_nothing_is_stored(services, tokens, client, body, words):
    services.settings.document_max_bytes = 4_096
    response = post(client, tokens["analyst"], **body)
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]
    assert services.documents.count() == (0, 0)


def test_html_gives_its_title_and_text(services, tokens, client):
    html = ("<!doctype html><html><head><title>Test wire: a pledge</title><style>p{}</style></head><body>"
            "<p>Indonesia will send up to 5,000 troops to the force.</p><script>track()</script></body></html>")
    body = post(client, tokens["analyst"], text=html, name="page.html", date="2026-03-02").json()
    assert body["document"]["title"] == "Test wire: a pledge"
    text = client.get(f"/api/v1/documents/{body['document']['sha256']}", headers=bearer(tokens["analyst"])).json()["text"]
    assert text == "Indonesia will send up to 5,000 troops to the force."


def test_roles_and_review_decisions(services, tokens, client):
    assert post(client, tokens["viewer"], text=REPORT, date="2026-03-02").status_code == 403
    assert post(client, tokens["monitor"], text=REPORT, date="2026-03-02").status_code == 403
    assert post(client, tokens["analyst"], text=REPORT, date="2026-03-02").status_code == 201
    claims = client.get("/api/v1/claims", headers=bearer(tokens["analyst"])).json()
    pledge = next(c for c in claims if c["subject"] == "IDN" and c["kind"] == "pledge")
    url = f"/api/v1/claims/{pledge['id']}"
    assert client.post(f"{url}/accept", json={"grade": "B2"}, headers=bearer(tokens["viewer"])).status_code == 403
    bad = client.post(f"{url}/accept", json={"grade": "B2", "corrections": {"subject": "Atlantis"}},
                      headers=bearer(tokens["analyst"]))
    assert bad.status_code == 422 and "not an ISO 3166 alpha-3 code" in bad.json()["error"]["message"]
    assert services.ledger.head()[0] == 0
    done = client.post(f"{url}/accept", json={"grade": "b2", "corrections": {"attribution": "a ministry spokesman"}},
                       headers=bearer(tokens["analyst"]))
    assert done.status_code == 201, done.text
    fact = done.json()["fact"]
    assert fact["kind"] == "pledge" and fact["subject"] == "contributor:IDN" and fact["grade"] == "B2"
    assert fact["payload"]["personnel"]["high"] == 5000 and fact["quote"] == pledge["quote"]
    assert fact["source"]["key"] == "test-report.txt" and fact["source"]["date"] == "2026-03-02"
    assert fact["source"]["attribution"] == "a ministry spokesman"
    assert done.json()["claim"]["status"] == "accepted" and done.json()["claim"]["fact_id"] == fact["id"]
    again = client.post(f"{url}/accept", json={"grade": "B2"}, headers=bearer(tokens["analyst"]))
    assert again.status_code == 409 and services.ledger.head()[0] == 1
    others = [c for c in client.get("/api/v1/claims", headers=bearer(tokens["analyst"])).json()]
    for c in others:
        no_reason = client.post(f"/api/v1/claims/{c['id']}/reject", json={"reason": ""}, headers=bearer(tokens["analyst"]))
        assert no_reason.status_code == 422
        rejected = client.post(f"/api/v1/claims/{c['id']}/reject", json={"reason": "not about the force"},
                               headers=bearer(tokens["analyst"]))
        assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert client.get("/api/v1/claims", headers=bearer(tokens["analyst"])).json() == []


def test_a_claim_that_contradicts_a_live_fact_is_shown_with_it_and_becomes_a_conflict(services, tokens, client):
    exchange.load_scenario(services.ledger, Actor(id="test", role=Role.ADMIN), "gaza-isf")
    post(client, tokens["analyst"], text=REPORT, date="2026-03-02")
    claims = client.get("/api/v1/claims", headers=bearer(tokens["analyst"])).json()
    pledge = next(c for c in claims if c["subject"] == "IDN" and c["kind"] == "pledge")
    shown = {x["fact"] for x in pledge["contradicts"]}
    assert "idn-pledge-2026-02-19-bop-up-to-8000" in shown
    before = {c["id"] for c in client.get("/api/v1/conflicts", params={"as_of": "2026-03-03"},
                                          headers=bearer(tokens["analyst"])).json()["conflicts"]}
    client.post(f"/api/v1/claims/{pledge['id']}/accept", json={"grade": "C3"}, headers=bearer(tokens["analyst"]))
    after = client.get("/api/v1/conflicts", params={"as_of": "2026-03-03"}, headers=bearer(tokens["analyst"])).json()
    new = [c for c in after["conflicts"] if c["id"] not in before]
    assert len(new) == 1 and new[0]["subject"] == "contributor:IDN"
    assert "test-report.txt" in json.dumps(new[0])


def test_cli_ingest_extract_and_review(db_url, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "one.txt").write_text(" date 2026-03-02 " + REPORT, encoding="utf-8")
    (folder / "two.txt").write_text("Pakistan is weighing whether to send three brigades.", encoding="utf-8")
    refused = runner.invoke(app, ["--database-url", db_url, "ingest", str(folder)])
    assert refused.exit_code != 0 and "two.txt: no date" in refused.output
    listed = runner.invoke(app, ["--database-url", db_url, "claims", "list", "--json"])
    assert json.loads(listed.stdout) == []  # nothing of the batch was stored
    done = runner.invoke(app, ["--database-url", db_url, "ingest", str(folder), "--date", "2026-03-03", "--json"])
    assert done.exit_code == 0, done.output
    stored = json.loads(done.stdout)
    assert [(d["name"], d["published"], d["created"]) for d in stored] == [
        ("one.txt", "2026-03-02", True), ("two.txt", "2026-03-03", True)]
    rows = [json.loads(line) for line in runner.invoke(app, ["extract", str(folder / "two.txt"), "--date",
                                                             "2026-03-03", "--json"]).stdout.splitlines()]
    pak = next(r for r in rows if r["subject"] == "PAK")
    assert pak["kind"] == "consideration" and (pak["low"], pak["high"]) == (9000, 15000)
    assert set(pak) >= {"source", "subject", "kind", "low", "high", "personnel", "quantity_text", "tasks", "as_of", "quote"}
    claims = json.loads(runner.invoke(app, ["--database-url", db_url, "claims", "list", "--json"]).stdout)
    idn = next(c for c in claims if c["subject"] == "IDN" and c["kind"] == "pledge")
    accepted = runner.invoke(app, ["--database-url", db_url, "claims", "accept", idn["id"], "--grade", "B2", "--json"])
    assert accepted.exit_code == 0, accepted.output
    assert json.loads(accepted.stdout)["fact"]["payload"]["personnel"]["high"] == 5000
    rejected = runner.invoke(app, ["--database-url", db_url, "claims", "reject", idn["id"], "--reason", "twice"])
    assert rejected.exit_code != 0 and "already accepted" in rejected.output


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed reports are not beside the project ({SEEDS})")
def test_the_seeds_ingest_with_their_dates_and_claims(services, tokens, client):
    for path in sorted(SEEDS.glob("*.txt")):
        response = post(client, tokens["analyst"], name=path.name, text=path.read_text(encoding="utf-8"))
        assert response.status_code == 201, response.text
    docs = {d["name"]: d for d in client.get("/api/v1/documents", headers=bearer(tokens["analyst"])).json()}
    assert docs["000_ce0f4f7e2263de6f.txt"]["published"] == "2025-12-12"
    assert docs["002_e834e5538de5cdbe.txt"]["published"] == "2025-11-30"
    assert all(d["claims"].get("proposed", 0) >= 3 for d in docs.values())


def test_a_claim_can_be_proposed_again_for_a_second_fact_from_its_sentence(services, tokens, client):
    post(client, tokens["analyst"], text=REPORT, date="2026-03-02")
    claims = client.get("/api/v1/claims", headers=bearer(tokens["analyst"])).json()
    first = claims[0]
    assert client.post(f"/api/v1/claims/{first['id']}/copy", headers=bearer(tokens["viewer"])).status_code == 403
    copy = client.post(f"/api/v1/claims/{first['id']}/copy", headers=bearer(tokens["analyst"]))
    assert copy.status_code == 201
    body = copy.json()
    assert body["id"] != first["id"] and body["quote"] == first["quote"] and body["status"] == "proposed"
    assert body["note"].startswith(f"copied from {first['id']} by ")
    assert len(client.get("/api/v1/claims", headers=bearer(tokens["analyst"])).json()) == len(claims) + 1
