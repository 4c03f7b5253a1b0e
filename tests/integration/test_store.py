"""The ledger store, the same contract on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import multiprocessing
from datetime import datetime

import pytest
from sqlalchemy import text

from stabforce.errors import ChainConflict, DuplicateFact, InvalidFact, PermissionDenied
from stabforce.services import exchange, facts
from stabforce.services.actors import Actor, Role
from stabforce.services.signing import ExportRefused
from stabforce.store import FactFilter, LedgerStore, create_db_engine
from tests.builders import fact_input, pledge_input


def test_appends_chain_and_read_back_exactly(store, admin_actor):
    added = facts.record_facts(store, admin_actor, [pledge_input(1000, 1000, id="a"), pledge_input(None, 20000, id="b")])
    assert [f.seq for f in added] == [1, 2]
    assert added[1].prev_hash == added[0].hash
    stored = store.get("b")
    assert stored == added[1] and stored.hash == added[1].hash
    assert stored.recorded_by == "test:admin" and stored.recorded_at.tzinfo is not None
    assert store.verify().ok and store.verify().checked == 2


def test_find_filters_by_kind_subject_source_and_dates(store, admin_actor):
    facts.record_facts(store, admin_actor, [
        pledge_input(1000, 1000, source="jakarta-report", day="2025-11-30"),
        pledge_input(15000, 15000, subject="contributor:PAK", source="wire", day="2025-12-12"),
        fact_input("stance", "contributor:PAK", payload={"stance": "considering"}, valid_from="2025-12-20"),
    ])
    assert len(store.find(FactFilter(kind="pledge"))) == 2
    assert len(store.find(FactFilter(subject="contributor:PAK"))) == 2
    assert [f.source.key for f in store.find(FactFilter(source="jakarta"))] == ["jakarta-report"]
    assert len(store.find(FactFilter(valid_from=datetime(2025, 12, 1).date()))) == 2
    assert len(store.find(FactFilter(valid_to=datetime(2025, 12, 12).date()))) == 2
    assert len(store.find(FactFilter(limit=1, offset=2))) == 1


@pytest.mark.parametrize(("bad", "error", "words"), [
    ({"kind": "gossip"}, InvalidFact, "unknown kind"),
    ({"payload": {"personnel": {"low": -1}}}, InvalidFact, "must be at least 0"),
    ({"payload": {"personnel": {"low": 5, "high": 2}}}, InvalidFact, "greater than high"),
    ({"valid_from": "2025-31-01"}, InvalidFact, "is not a date"),
    ({"subject": "contributor:QQQ"}, InvalidFact, "unknown country code"),
    ({"supersedes": ["no-such-fact"]}, InvalidFact, "refers to no-such-fact, which is not in the ledger"),
    ({"id": "first"}, DuplicateFact, "already in the ledger"),
])
def test_a_bad_fact_refuses_the_whole_batch_and_leaves_the_ledger_unchanged(store, admin_actor, bad, error, words):
    facts.record_fact(store, admin_actor, pledge_input(1, 1, id="first"))
    head = store.head()
    with pytest.raises(error, match=words):
        facts.record_facts(store, admin_actor, [pledge_input(2, 2, id="good"), fact_input(**bad)])
    assert store.head() == head and store.count() == 1 and store.get("good") is None
    assert store.verify().ok


def test_a_decision_must_settle_facts_that_exist(store, admin_actor):
    facts.record_fact(store, admin_actor, pledge_input(1, 1, id="a"))
    with pytest.raises(InvalidFact, match="refers to ghost"):
        facts.record_fact(store, admin_actor, fact_input("decision", payload={"settles": ["a", "ghost"], "reason": "r"}))


def test_retract_keeps_the_original_and_marks_it_superseded(store, admin_actor):
    facts.record_fact(store, admin_actor, pledge_input(1, 1, id="a"))
    retraction = facts.retract_fact(store, admin_actor, fact_id="a", reason="misread", on=datetime(2026, 1, 2).date())
    assert retraction.supersedes == ("a",) and retraction.subject == "contributor:IDN"
    assert store.get("a") is not None and store.count() == 2


def test_a_liaison_writes_only_for_its_own_country(store):
    liaison = Actor(id="liaison:idn", role=Role.LIAISON, contributor="IDN")
    facts.record_fact(store, liaison, pledge_input(600, 600))
    with pytest.raises(PermissionDenied, match="only write about contributor:IDN"):
        facts.record_fact(store, liaison, pledge_input(600, 600, subject="contributor:PAK"))
    with pytest.raises(PermissionDenied, match="may not record requirement"):
        facts.record_fact(store, liaison, fact_input("requirement", "mission:gaza-isf",
                                                     payload={"personnel_kind": "troops", "quantity": 1}))
    assert store.count() == 1


def tamper(store: LedgerStore, statement: str) -> None:
    """Edit a row behind the ledger's back, switching off the append-only guard first."""
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE facts DISABLE TRIGGER facts_append_only"))
        else:
            conn.execute(text("DROP TRIGGER facts_no_update"))
            conn.execute(text("DROP TRIGGER facts_no_delete"))
        conn.execute(text(statement))


def test_the_database_itself_refuses_updates_and_deletes(store, admin_actor):
    facts.record_fact(store, admin_actor, pledge_input(1, 1, id="a"))
    for statement in ("UPDATE facts SET grade = 'A1'", "DELETE FROM facts"):
        with pytest.raises(Exception, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(statement))
    assert store.verify().ok


@pytest.mark.parametrize("statement", [
    "UPDATE facts SET payload = replace(payload, '20000', '2000') WHERE id = 'b'",
    "UPDATE facts SET quote = 'words nobody said' WHERE id = 'b'",
    "UPDATE facts SET valid_from = '2025-01-01' WHERE id = 'b'",
    "UPDATE facts SET grade = 'A1' WHERE id = 'b'",
    "DELETE FROM facts WHERE id = 'b'",
])
def test_verify_names_the_first_fact_edited_behind_the_ledgers_back(store, admin_actor, statement):
    facts.record_facts(store, admin_actor, [pledge_input(1000, 1000, id="a"), pledge_input(None, 20000, id="b"),
                                            pledge_input(5, 5, id="c")])
    tamper(store, statement)
    report = store.verify()
    assert not report.ok
    assert report.broken_id == ("c" if statement.startswith("DELETE") else "b")


def test_export_then_import_into_an_empty_database_reproduces_every_hash(store, admin_actor, db_url, tmp_path):
    facts.record_facts(store, admin_actor, [pledge_input(1000, 1000, id="a"), pledge_input(None, 20000, id="b"),
                                            fact_input("retraction", payload={"reason": "r"}, supersedes=["a"])])
    out = io.StringIO()
    assert exchange.export_ledger(store, out) == 3
    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    from stabforce.services.admin import init_database
    init_database(other_url)
    other = LedgerStore(create_db_engine(other_url))
    assert len(exchange.import_ledger(other, io.StringIO(out.getvalue()), name="export.jsonl", trusted={},
                                     allow_unsigned=True).facts) == 3
    assert [f.hash for f in other.iter_all()] == [f.hash for f in store.iter_all()]
    assert list(other.iter_all()) == list(store.iter_all())
    assert other.verify().ok
    with pytest.raises(ChainConflict):
        exchange.import_ledger(other, io.StringIO(out.getvalue()), name="export.jsonl", trusted={},
                               allow_unsigned=True)
    assert other.count() == 3


def test_import_refuses_an_export_with_an_edited_line(store, admin_actor, tmp_path):
    facts.record_facts(store, admin_actor, [pledge_input(1000, 1000, id="a"), pledge_input(2, 2, id="b")])
    out = io.StringIO()
    exchange.export_ledger(store, out)
    edited = out.getvalue().replace('"low":1000', '"low":999').replace('"low": 1000', '"low": 999')
    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    from stabforce.services.admin import init_database
    init_database(other_url)
    other = LedgerStore(create_db_engine(other_url))
    with pytest.raises(ExportRefused, match="fact a"):
        exchange.import_ledger(other, io.StringIO(edited), name="x.jsonl", trusted={}, allow_unsigned=True)
    assert other.count() == 0


def _append_worker(url: str, worker: int, n: int) -> None:
    store = LedgerStore(create_db_engine(url))
    actor = Actor(id=f"worker-{worker}", role=Role.ADMIN)
    for i in range(n):
        facts.record_fact(store, actor, pledge_input(i, i, id=f"w{worker}-{i}"))
    store.engine.dispose()


def test_appends_from_several_processes_are_serialized_into_one_chain(db_url):
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_append_worker, args=(db_url, w, 25)) for w in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(120)
        assert p.exitcode == 0
    store = LedgerStore(create_db_engine(db_url))
    report = store.verify()
    assert report.ok and report.checked == 100
    assert len({f.recorded_by for f in store.iter_all()}) == 4
    store.engine.dispose()
