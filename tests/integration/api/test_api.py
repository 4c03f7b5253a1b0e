"""The REST API on SQLite and PostgreSQL: facts, the picture, errors, tokens."""

from __future__ import annotations

import json

from stabforce.services import accounts
from tests.builders import fact_input, pledge_input
from tests.integration.api.conftest import bearer


def test_health_needs_no_login_but_everything_else_does(client):
    assert client.get("/api/v1/health").json() == {"status": "ok"}
    for path in ("/api/v1/facts", "/api/v1/pledges", "/api/v1/forcegen", "/api/v1/conflicts", "/api/v1/sources",
                 "/api/v1/verify", "/api/v1/export", "/api/v1/snapshot"):
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.json()["error"]["code"] == "not_authenticated"


def test_append_list_read_and_page(client, tokens):
    h = bearer(tokens["analyst"])
    for n in range(3):
        created = client.post("/api/v1/facts", json=pledge_input(100 * (n + 1), 100 * (n + 1), id=f"p{n}"), headers=h)
        assert created.status_code == 201, created.text
    body = created.json()
    assert body["seq"] == 3 and body["recorded_by"] == "user:analyst" and len(body["hash"]) == 64
    page = client.get("/api/v1/facts", params={"limit": 2, "offset": 1}, headers=h).json()
    assert page["total"] == 3 and [f["id"] for f in page["items"]] == ["p1", "p2"]
    assert client.get("/api/v1/facts", params={"kind": "stance"}, headers=h).json()["total"] == 0
    one = client.get("/api/v1/facts/p1", headers=h).json()
    assert one["payload"]["personnel"]["low"] == 200 and one["superseded_by"] == []


def test_bad_input_gets_the_one_error_shape_and_nothing_is_stored(client, tokens):
    h = bearer(tokens["admin"])
    cases = [
        (fact_input(kind="gossip"), 422, "unknown kind"),
        (fact_input(payload={"personnel": {"low": -1}}), 422, "payload.personnel.low"),
        (fact_input(subject="contributor:ZZZ"), 422, "unknown country code"),
        (fact_input(supersedes=["ghost"]), 422, "refers to ghost"),
        ({**fact_input(), "valid_from": "2025-02-30"}, 422, "valid_from"),
        ({"kind": "pledge"}, 422, "is required"),
    ]
    for body, status, words in cases:
        response = client.post("/api/v1/facts", json=body, headers=h)
        assert response.status_code == status, (body, response.text)
        error = response.json()["error"]
        assert set(error) == {"code", "message", "details"} and words in error["message"], error
    assert client.get("/api/v1/facts", headers=h).json()["total"] == 0
    missing = client.get("/api/v1/facts/nope", headers=h)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "fact_not_found"
    client.post("/api/v1/facts", json=fact_input(id="dup"), headers=h)
    again = client.post("/api/v1/facts", json=fact_input(id="dup"), headers=h)
    assert again.status_code == 409 and again.json()["error"]["code"] == "duplicate_fact"


def test_retract_and_settle_through_the_api(client, tokens):
    h = bearer(tokens["admin"])
    client.post("/api/v1/facts", json=pledge_input(9000, 15000, source="a", id="a"), headers=h)
    client.post("/api/v1/facts", json=pledge_input(20000, 20000, source="b", id="b"), headers=h)
    conflicts = client.get("/api/v1/conflicts", params={"as_of": "2025-12-15"}, headers=h).json()["conflicts"]
    assert len(conflicts) == 1 and {f["fact"] for f in conflicts[0]["facts"]} == {"a", "b"}
    settled = client.post("/api/v1/conflicts/settle", json={"fact_ids": ["a", "b"], "accepted": "a",
                                                             "reason": "official"}, headers=h)
    assert settled.status_code == 201 and settled.json()["kind"] == "decision"
    assert client.get("/api/v1/conflicts", params={"as_of": "2025-12-15"}, headers=h).json()["conflicts"] == []
    retracted = client.post("/api/v1/facts/b/retract", json={"reason": "misread"}, headers=h)
    assert retracted.status_code == 201 and retracted.json()["supersedes"] == ["b"]
    assert client.get("/api/v1/facts/b", headers=h).json()["superseded_by"] == [retracted.json()["id"]]


def test_the_picture_endpoints_follow_as_of_and_known_at(client, tokens):
    h = bearer(tokens["admin"])
    client.post("/api/v1/facts", json=fact_input("requirement", "mission:gaza-isf", payload={
        "personnel_kind": "troops", "quantity": 20000}, valid_from="2025-11-07"), headers=h)
    client.post("/api/v1/facts", json=pledge_input(1200, 1200, day="2025-11-30", known_from="2025-11-30"), headers=h)
    late = client.get("/api/v1/forcegen", params={"as_of": "2025-12-01"}, headers=h).json()
    # no stance recorded: the pledge is possible, not likely (issue 11 item 5)
    assert late["totals"]["troops"]["possible"] == 1200 and late["personnel_gaps"][0]["gap_best"] == 18800
    assert late["totals"]["troops"]["likely"] == 0 and late["personnel_gaps"][0]["gap_likely"] == 20000
    early = client.get("/api/v1/forcegen", params={"as_of": "2025-12-01", "known_at": "2025-11-29T12:00:00Z"},
                       headers=h).json()
    assert early["totals"] == {}
    pledges = client.get("/api/v1/pledges", params={"as_of": "2025-12-01"}, headers=h).json()
    assert pledges["contributors"][0]["contributor"] == "IDN"
    snap = client.get("/api/v1/snapshot", params={"as_of": "2025-12-01"}, headers=h).json()
    assert snap["contributors"] == 1 and snap["facts_known"] == 2


def test_export_is_json_lines_with_hashes_and_verify_reports_the_chain(client, tokens):
    h = bearer(tokens["admin"])
    client.post("/api/v1/facts", json=pledge_input(1, 1), headers=h)
    response = client.get("/api/v1/export", headers=h)
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert response.headers["x-stabforce-export"] == "whole"
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 1 and lines[0]["seq"] == 1 and len(lines[0]["hash"]) == 64
    assert client.get("/api/v1/verify", headers=h).json()["ok"] is True
    viewer = bearer(tokens["viewer"])
    assert client.get("/api/v1/sources", headers=viewer).json()[0]["facts"] == 1
    # anyone but an admin gets a filtered export, labelled so on its first line (TLP markings)
    filtered = client.get("/api/v1/export", headers=viewer)
    assert filtered.headers["x-stabforce-export"] == "filtered"
    head, *rest = [json.loads(line) for line in filtered.text.splitlines()]
    assert head["export"] == "filtered" and [f["seq"] for f in rest] == [1]


def test_a_revoked_or_unknown_token_is_refused(client, services, tokens):
    h = bearer(tokens["viewer"])
    assert client.get("/api/v1/facts", headers=h).status_code == 200
    token_id = accounts.list_tokens(services.accounts, name="viewer")[0].id
    accounts.revoke_token(services.accounts, token_id=token_id)
    assert client.get("/api/v1/facts", headers=h).status_code == 401
    assert client.get("/api/v1/facts", headers=bearer("sf_made_up")).status_code == 401
    assert client.get("/api/v1/facts", headers={"Authorization": "Basic abc"}).status_code == 401


def test_every_write_records_its_actor(client, tokens):
    client.post("/api/v1/facts", json=pledge_input(600, 600), headers=bearer(tokens["liaison"]))
    facts = client.get("/api/v1/facts", headers=bearer(tokens["viewer"])).json()["items"]
    assert facts[0]["recorded_by"] == "user:liaison"


def test_public_read_lets_anonymous_visitors_read_but_never_write(client, services):
    services.settings.public_read = True
    try:
        assert client.get("/api/v1/facts").status_code == 200
        response = client.post("/api/v1/facts", json=pledge_input(1, 1))
        assert response.status_code == 401
    finally:
        services.settings.public_read = False
