"""The registry API: GET /registry, evidence upload (monitor and admin only) and download, and the
overdraw guard on POST /facts. Made-up test figures only."""

from __future__ import annotations

import hashlib

import pytest

from tests.integration.api.conftest import bearer
from tests.unit.test_registry import step_input


def post_fact(client, token, data):
    return client.post("/api/v1/facts", json=data, headers=bearer(token))


@pytest.mark.parametrize(("role", "status"), [
    ("monitor", 201), ("admin", 201), ("viewer", 403), ("analyst", 403), ("planner", 403), ("liaison", 403),
    ("board", 403),
])
def test_only_monitors_and_admins_may_upload_evidence(client, tokens, role, status):
    response = client.post("/api/v1/evidence", files={"file": ("photo.jpg", b"test image bytes", "image/jpeg")},
                           headers=bearer(tokens[role]))
    assert response.status_code == status, response.text
    if status == 201:
        assert response.json()["sha256"] == hashlib.sha256(b"test image bytes").hexdigest()
        assert response.json()["uploaded_by"] == f"user:{role}"
    else:
        assert response.json()["error"]["code"] == "permission_denied"


def test_upload_then_download_the_same_bytes_as_an_attachment(client, tokens):
    content = b"<html><script>alert(1)</script></html>"
    first = client.post("/api/v1/evidence", files={"file": ("note.html", content, "text/html")},
                        headers=bearer(tokens["monitor"]))
    again = client.post("/api/v1/evidence", files={"file": ("copy.html", content, "text/html")},
                        headers=bearer(tokens["admin"]))
    assert first.status_code == again.status_code == 201
    assert first.json()["sha256"] == again.json()["sha256"] and again.json()["name"] == "note.html"
    sha = first.json()["sha256"]
    got = client.get(f"/api/v1/evidence/{sha}", headers=bearer(tokens["monitor"]))  # no fact cites it yet
    assert got.status_code == 200 and got.content == content
    assert got.headers["content-type"] == "application/octet-stream"  # never rendered by the browser
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["x-content-type-options"] == "nosniff"
    assert client.get(f"/api/v1/evidence/{sha}", headers=bearer(tokens["viewer"])).status_code == 404  # see markings
    assert client.get(f"/api/v1/evidence/{'0' * 64}", headers=bearer(tokens["viewer"])).status_code == 404
    assert client.get("/api/v1/evidence/xyz", headers=bearer(tokens["viewer"])).status_code == 422
    assert client.get(f"/api/v1/evidence/{sha}").status_code == 401


def test_empty_and_oversized_uploads_are_refused(client, tokens, services):
    empty = client.post("/api/v1/evidence", files={"file": ("e.txt", b"", "text/plain")},
                        headers=bearer(tokens["monitor"]))
    assert empty.status_code == 422 and "empty" in empty.json()["error"]["message"]
    services.settings.evidence_max_bytes = 100
    big = client.post("/api/v1/evidence", files={"file": ("big.bin", b"x" * 101, "application/octet-stream")},
                      headers=bearer(tokens["monitor"]))
    assert big.status_code == 422 and "limit of 100 bytes" in big.json()["error"]["message"]
    missing = client.post("/api/v1/evidence", headers=bearer(tokens["monitor"]))
    assert missing.status_code == 422
    assert services.evidence.count() == 0


def test_an_overdrawing_step_is_refused_on_the_api_and_the_registry_shows_the_rest(client, tokens, services):
    token = tokens["monitor"]
    assert post_fact(client, token, step_input("rifles", 10, None, "declared")).status_code == 201
    collected = post_fact(client, token, step_input("rifles", 4, "declared", "collected"))
    assert collected.status_code == 201
    count = services.ledger.count()
    refused = post_fact(client, token, step_input("rifles", 5, "collected", "stored"))
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert "5 rifles out of collected" in error["message"] and error["details"]["available"] == 4
    assert services.ledger.count() == count
    assert post_fact(client, tokens["viewer"], step_input("rifles", 1, "collected", "stored")).status_code == 403

    view = client.get("/api/v1/registry", params={"as_of": "2026-03-01"}, headers=bearer(tokens["viewer"])).json()
    row = view["weapons"][0]
    assert row["weapon"] == "rifles" and row["category"] == "light" and row["total_declared"] == 10
    assert row["held"] == {"declared": 6, "collected": 4, "stored": 0, "decommissioned": 0, "destroyed": 0}
    assert row["facts"]["collected"] == [collected.json()["id"]] and len(row["facts"]["declared"]) == 2
    light = next(c for c in view["categories"] if c["category"] == "light")
    assert light["reached"]["collected"] == 4 and view["refused"] == [] and view["steps"] == 2
    before = client.get("/api/v1/registry", params={"as_of": "2026-01-01"}, headers=bearer(tokens["viewer"])).json()
    assert before["weapons"] == []
    assert client.get("/api/v1/registry", params={"as_of": "March"},
                      headers=bearer(tokens["viewer"])).status_code == 422
