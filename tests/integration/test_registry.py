"""The registry on a real database (SQLite and PostgreSQL): evidence files, the overdraw guard on every
recording path, the registry picture, and `stabforce registry --json`. Made-up test figures only."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from stabforce.cli.main import app
from stabforce.errors import InvalidInput, NotFound, PermissionDenied
from stabforce.services import evidence, exchange, facts, registry
from stabforce.services.actors import Actor, Role
from tests.unit.test_registry import infra_input, step_input

MONITOR = Actor(id="user:mon", role=Role.MONITOR)
VIEWER = Actor(id="user:vic", role=Role.VIEWER)
runner = CliRunner()


def record(services, *inputs):
    return [facts.record_fact(services.ledger, MONITOR, data) for data in inputs]


def test_evidence_is_stored_once_per_content_and_read_back_byte_for_byte(services):
    content = bytes(range(256)) * 40
    first = evidence.store_evidence(services.evidence, MONITOR, content=content, name="C:\\photos\\site-7.jpg",
                                    media_type="image/jpeg", max_bytes=services.settings.evidence_max_bytes)
    assert first.sha256 == hashlib.sha256(content).hexdigest() and first.size == len(content)
    assert first.name == "site-7.jpg" and first.uploaded_by == "user:mon"
    again = evidence.store_evidence(services.evidence, Actor(id="user:other", role=Role.ADMIN), content=content,
                                    name="renamed.jpg", media_type="image/jpeg", max_bytes=10**7)
    assert again.sha256 == first.sha256 and again.name == "site-7.jpg"  # the first upload's record stays
    assert services.evidence.count() == 1
    found = evidence.get_evidence(services.evidence, first.sha256)
    assert found.content == content and found.info.media_type == "image/jpeg"
    with pytest.raises(NotFound):
        evidence.get_evidence(services.evidence, "0" * 64)
    with pytest.raises(NotFound):
        evidence.get_evidence(services.evidence, "not-a-hash")


def test_empty_oversized_and_unauthorized_uploads_are_refused_and_nothing_is_stored(services):
    with pytest.raises(InvalidInput, match="empty"):
        evidence.store_evidence(services.evidence, MONITOR, content=b"", name="x", media_type=None, max_bytes=10)
    with pytest.raises(InvalidInput, match="11 bytes; the limit is 10 bytes"):
        evidence.store_evidence(services.evidence, MONITOR, content=b"x" * 11, name="x", media_type=None,
                                max_bytes=10)
    with pytest.raises(PermissionDenied, match="may not upload"):
        evidence.store_evidence(services.evidence, VIEWER, content=b"ok", name="x", media_type=None, max_bytes=10)
    assert services.evidence.count() == 0


def test_stored_evidence_cannot_be_changed_or_deleted(services):
    sha = services.evidence.put(b"a file", name="a.txt", media_type="text/plain", uploaded_by="test")
    for statement in ("UPDATE evidence SET name = 'b.txt'", "DELETE FROM evidence"):
        with pytest.raises(Exception, match="cannot be"), services.evidence.engine.begin() as conn:
            conn.execute(text(statement))
    assert services.evidence.get(sha).info.name == "a.txt"


def test_a_step_that_would_overdraw_is_refused_naming_weapon_state_and_quantities_and_nothing_is_stored(services):
    record(services, step_input("rifles", 10, None, "declared", day=date(2026, 2, 1)),
           step_input("rifles", 6, "declared", "collected", day=date(2026, 2, 3)))
    before = services.ledger.count()
    with pytest.raises(InvalidInput) as refused:
        facts.record_fact(services.ledger, MONITOR, step_input("rifles", 7, "collected", "stored",
                                                                day=date(2026, 2, 4)))
    message = refused.value.message
    assert "7 rifles out of collected" in message and "only 6 rifles are collected" in message
    assert refused.value.details["available"] == 6 and refused.value.details["state"] == "collected"
    # as of its own day: on 2 February nothing had been collected yet
    with pytest.raises(InvalidInput, match="only 0 rifles are collected"):
        facts.record_fact(services.ledger, MONITOR, step_input("rifles", 1, "collected", "stored",
                                                                day=date(2026, 2, 2)))
    assert services.ledger.count() == before
    record(services, step_input("rifles", 6, "collected", "stored", day=date(2026, 2, 4)))  # exactly what is held


def test_two_writers_drawing_on_the_same_stock_cannot_both_succeed(services, monkeypatch):
    # Writer A passes its pre-check; before it appends, writer B records a step drawing on the same stock
    # (what a second app process could do). A's append re-checks inside its locked transaction: refused.
    record(services, step_input("rifles", 10, None, "declared", day=date(2026, 2, 1)))
    checked = facts.check_facts

    def check_then_race(store, actor, inputs):
        drafts = checked(store, actor, inputs)
        monkeypatch.setattr(facts, "check_facts", checked)  # writer B goes through the normal path
        facts.record_fact(services.ledger, MONITOR, step_input("rifles", 8, "declared", "collected",
                                                                day=date(2026, 2, 2)))
        return drafts

    monkeypatch.setattr(facts, "check_facts", check_then_race)
    with pytest.raises(InvalidInput, match="only 2 rifles are declared"):
        facts.record_fact(services.ledger, MONITOR, step_input("rifles", 5, "declared", "collected",
                                                                day=date(2026, 2, 3)))
    held = registry.registry_picture(services.pictures, as_of=date(2026, 3, 1)).registry
    assert services.ledger.count() == 2
    assert [s.quantity for s in held.steps if s.from_state == "declared"] == [8]


def test_a_back_dated_step_that_would_leave_a_recorded_step_without_stock_is_refused(services):
    _, later = record(services, step_input("mortars", 5, None, "declared", day=date(2026, 2, 1)),
                      step_input("mortars", 5, "declared", "collected", day=date(2026, 2, 10)))
    with pytest.raises(InvalidInput, match=f"leave the step already recorded as fact {later.id}"):
        facts.record_fact(services.ledger, MONITOR, step_input("mortars", 3, "declared", "destroyed",
                                                                day=date(2026, 2, 5)))
    # retracting the declaration would leave the collection without stock: refused too
    with pytest.raises(InvalidInput, match="without stock"):
        facts.retract_fact(services.ledger, Actor(id="user:adm", role=Role.ADMIN),
                           fact_id=facts.list_facts(services.ledger, reader=Actor(id="user:adm", role=Role.ADMIN))[0].id, reason="test", on=date(2026, 3, 1))
    assert services.ledger.count() == 2


def test_a_facts_file_batch_is_checked_as_a_whole(services, tmp_path):
    path = tmp_path / "steps.jsonl"
    lines = [step_input("grenades", 4, None, "declared"), step_input("grenades", 5, "declared", "collected")]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    with pytest.raises(InvalidInput, match="5 grenades out of declared"):
        exchange.load_facts_file(services.ledger, MONITOR, path)
    assert services.ledger.count() == 0


def test_record_step_stores_the_file_and_cites_its_sha256_and_refuses_without_storing_either(services):
    record(services, step_input("launchers", 3, None, "declared"))
    content = b"%PDF-1.4 a test certificate of decommissioning"
    upload = registry.Upload("certificate.pdf", "application/pdf", content, "signed by the test monitor")
    fact = registry.record_step(services.ledger, services.evidence, MONITOR,
                                step_input("launchers", 3, "declared", "collected"), [upload], max_bytes=1000)
    sha = hashlib.sha256(content).hexdigest()
    assert fact.payload["evidence"] == [{"name": "certificate.pdf", "sha256": sha,
                                         "description": "signed by the test monitor"}]
    assert services.evidence.get(sha).content == content
    other = registry.Upload("other.pdf", "application/pdf", b"another test file")
    with pytest.raises(InvalidInput, match="only 0 launchers are declared"):
        registry.record_step(services.ledger, services.evidence, MONITOR,
                             step_input("launchers", 1, "declared", "collected"), [other], max_bytes=1000)
    with pytest.raises(InvalidInput, match="limit"):
        registry.record_step(services.ledger, services.evidence, MONITOR,
                             step_input("launchers", 1, "collected", "stored"), [other], max_bytes=5)
    assert services.evidence.count() == 1 and services.ledger.count() == 2


def test_the_registry_picture_is_cached_per_ledger_head_and_shows_infrastructure(services):
    record(services, step_input("pistols", 20, None, "declared", day=date(2026, 2, 1)),
           step_input("pistols", 15, "declared", "collected", day=date(2026, 2, 2)))
    admin = Actor(id="user:adm", role=Role.ADMIN)
    facts.record_fact(services.ledger, admin, infra_input("infra:t1", "neutralized", "2026-02-01",
                                                          reinspect_every_days=14))
    rp = registry.registry_picture(services.pictures, as_of=date(2026, 3, 1))
    assert registry.registry_picture(services.pictures, as_of=date(2026, 3, 1)) is rp
    view = registry.registry_view(rp)
    assert view["weapons"][0]["held"] == {"declared": 5, "collected": 15, "stored": 0, "decommissioned": 0,
                                          "destroyed": 0}
    assert view["infrastructure"][0]["overdue"] and view["infrastructure"][0]["days_overdue"] == 14
    assert view["reinspections_overdue"] == 1
    early = registry.registry_view(registry.registry_picture(services.pictures, as_of=date(2026, 2, 1)))
    assert early["weapons"][0]["held"]["declared"] == 20


def test_cli_registry_json_and_tables(db_url, services):
    record(services, step_input("rockets", 12, None, "declared", day=date(2026, 2, 1)),
           step_input("rockets", 12, "declared", "collected", day=date(2026, 2, 2)),
           step_input("rockets", 2, "collected", "destroyed", day=date(2026, 2, 3)))
    result = runner.invoke(app, ["--database-url", db_url, "registry", "--as-of", "2026-03-01", "--json"])
    assert result.exit_code == 0, result.output
    view = json.loads(result.stdout)
    assert view["as_of"] == "2026-03-01" and view["refused"] == []
    assert view["weapons"][0]["held"]["collected"] == 10 and view["weapons"][0]["held"]["destroyed"] == 2
    heavy = next(c for c in view["categories"] if c["category"] == "heavy")
    assert heavy["reached"]["collected"] == 12 and heavy["reached"]["decommissioned"] == 2
    before = runner.invoke(app, ["--database-url", db_url, "registry", "--as-of", "2026-02-01", "--json"])
    assert json.loads(before.stdout)["weapons"][0]["held"]["declared"] == 12
    shown = runner.invoke(app, ["--database-url", db_url, "registry", "--as-of", "2026-03-01"])
    assert shown.exit_code == 0 and "rockets" in shown.stdout and "No refused steps" in shown.stdout
    bad = runner.invoke(app, ["--database-url", db_url, "registry", "--as-of", "March"])
    assert bad.exit_code == 2
