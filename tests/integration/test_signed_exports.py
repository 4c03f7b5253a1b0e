"""Signed JSON Lines exports: an export edited and re-hashed with the product's own code, or re-signed
with another key, is refused; a good one imports. SQLite and PostgreSQL; the CLI's exit codes."""

from __future__ import annotations

import io
import json
import stat
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from stabforce.cli.main import app
from stabforce.ledger import Fact
from stabforce.services import exchange, facts, signing
from stabforce.services.admin import init_database
from stabforce.store import LedgerStore, create_db_engine
from tests.builders import fact_input, pledge_input
from tests.conftest import POSTGRES_URL

runner = CliRunner()


def sf(url: str, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["--database-url", url, *args], env=env)


def three_facts(store, actor) -> None:
    facts.record_facts(store, actor, [pledge_input(1000, 1000, id="a"), pledge_input(None, 20000, id="b"),
                                      fact_input("retraction", payload={"reason": "r"}, supersedes=["a"])])


def export_text(store, key) -> str:
    out = io.StringIO()
    exchange.export_ledger(store, out, signing_key=key)
    return out.getvalue()


def tamper_and_rehash(text: str, *, low: int = 999) -> list[str]:
    """Edit fact a's figure, then re-hash and re-chain every fact with the product's own code (what an
    attacker holding the code can do); the signature line is kept as it was."""
    lines = text.splitlines()
    chained, prev = [], None
    for line in lines:
        data = json.loads(line)
        if "signature" in data:
            continue
        fact = Fact.from_json(data)
        if fact.id == "a":
            fact = replace(fact, payload={"personnel": {"low": low, "high": low}})
        fact = replace(fact, prev_hash=prev if prev is not None else fact.prev_hash)
        fact = replace(fact, hash=fact.compute_hash())
        prev = fact.hash
        chained.append(json.dumps(fact.to_json(), sort_keys=True))
    return chained + [line for line in lines if line.startswith('{"signature"')]


@pytest.fixture
def fresh(tmp_path, db_url) -> LedgerStore:
    """A second, empty database of the same kind as `db_url` (SQLite file or a PostgreSQL schema)."""
    schema = None
    if db_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'other.db'}"
    else:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        engine = create_engine(POSTGRES_URL)
        with engine.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        engine.dispose()
        url = f"{POSTGRES_URL}{'&' if '?' in POSTGRES_URL else '?'}options=-csearch_path%3D{schema}"
    init_database(url)
    other = LedgerStore(create_db_engine(url))
    yield other
    other.engine.dispose()
    if schema:
        engine = create_engine(POSTGRES_URL)
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


@pytest.fixture
def key():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    return Ed25519PrivateKey.generate()


def trusted(key) -> dict:
    public = key.public_key()
    return {signing.key_id(public): public}


def test_a_good_signed_export_imports_with_every_hash(store, admin_actor, fresh, key):
    three_facts(store, admin_actor)
    text = export_text(store, key)
    last = json.loads(text.splitlines()[-1])["signature"]
    assert last["algorithm"] == "ed25519" and last["key_id"] == signing.key_id(key.public_key())
    assert last["signed"]["count"] == 3 and last["signed"]["head_hash"] == store.head()[1]
    checked = exchange.import_ledger(fresh, io.StringIO(text), name="x.jsonl", trusted=trusted(key))
    assert checked.key_id == last["key_id"] and len(checked.facts) == 3
    assert list(fresh.iter_all()) == list(store.iter_all()) and fresh.verify().ok


def test_a_tampered_and_rehashed_export_is_refused(store, admin_actor, fresh, key):
    three_facts(store, admin_actor)
    forged = tamper_and_rehash(export_text(store, key))
    # the forgery is internally consistent: without the signature it would pass every hash check
    assert signing.check_export(forged[:-1], name="f", trusted={}, allow_unsigned=True).facts[0].payload[
        "personnel"]["low"] == 999
    with pytest.raises(signing.ExportRefused, match="head_hash") as caught:
        exchange.import_ledger(fresh, io.StringIO("\n".join(forged)), name="forged.jsonl", trusted=trusted(key))
    assert caught.value.details["reason"] == "not_what_was_signed"
    # rewriting the signed fields to match breaks the signature itself
    sig = json.loads(forged[-1])
    sig["signature"]["signed"]["head_hash"] = json.loads(forged[-2])["hash"]
    with pytest.raises(signing.ExportRefused, match="signature does not match"):
        exchange.import_ledger(fresh, io.StringIO("\n".join([*forged[:-1], json.dumps(sig)])), name="f.jsonl",
                               trusted=trusted(key))
    # without its signature line it is unsigned, refused unless explicitly allowed
    with pytest.raises(signing.ExportRefused, match="not signed.*--allow-unsigned"):
        exchange.import_ledger(fresh, io.StringIO("\n".join(forged[:-1])), name="f.jsonl", trusted=trusted(key))
    assert fresh.count() == 0


def test_an_export_re_signed_with_another_key_is_refused(store, admin_actor, fresh, key):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    three_facts(store, admin_actor)
    forged = tamper_and_rehash(export_text(store, key))
    forged_facts = [Fact.from_json(json.loads(line)) for line in forged[:-1]]
    other = Ed25519PrivateKey.generate()
    resigned = "".join(signing.signed_lines(forged_facts, other))
    with pytest.raises(signing.ExportRefused, match="not trusted") as caught:
        exchange.import_ledger(fresh, io.StringIO(resigned), name="resigned.jsonl", trusted=trusted(key))
    assert caught.value.details["key_id"] == signing.key_id(other.public_key())
    # a trailing line after the signature is refused too
    good = export_text(store, key)
    with pytest.raises(signing.ExportRefused, match="after the signature"):
        exchange.import_ledger(fresh, io.StringIO(good + good.splitlines(keepends=True)[0]), name="g.jsonl",
                               trusted=trusted(key))
    assert fresh.count() == 0


def test_cli_keys_export_verify_and_import(db_url, tmp_path, admin_actor):
    keyfile = tmp_path / "signing.key"
    made = sf(db_url, "keys", "create", "--path", str(keyfile))
    assert made.exit_code == 0, made.output
    public = made.stdout.strip()
    assert public.startswith("ed25519:") and stat.S_IMODE(keyfile.stat().st_mode) == 0o600
    assert Path(str(keyfile) + ".pub").read_text().strip() == public
    again = sf(db_url, "keys", "create", "--path", str(keyfile))
    assert again.exit_code == 2 and "already exists" in again.stderr
    env = {"STABFORCE_SIGNING_KEY": str(keyfile)}
    store = LedgerStore(create_db_engine(db_url))
    three_facts(store, admin_actor)
    store.engine.dispose()
    out = tmp_path / "ledger.jsonl"
    exported = sf(db_url, "export", str(out), env=env)
    assert exported.exit_code == 0 and "signed by key" in exported.stdout
    ok = sf(db_url, "verify", "--export", str(out), "--public-key", public)
    assert ok.exit_code == 0 and "3 facts" in ok.stdout and "signed by key" in ok.stdout
    assert sf(db_url, "verify", "--export", str(out), "--public-key", str(keyfile) + ".pub").exit_code == 0

    forged = tmp_path / "forged.jsonl"
    forged.write_text("\n".join(tamper_and_rehash(out.read_text())) + "\n")
    bad = sf(db_url, "verify", "--export", str(forged), "--public-key", public)
    assert bad.exit_code == 1 and "head_hash" in bad.stderr
    stranger = signing.public_text(signing.create_key(tmp_path / "stranger.key"))
    wrong = sf(db_url, "verify", "--export", str(out), "--public-key", stranger)
    assert wrong.exit_code == 1 and "not trusted" in wrong.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_text(out.read_text().replace('"low": 1000', '"low": 1001', 1))
    chain = sf(db_url, "verify", "--export", str(broken), "--public-key", public, "--json")
    assert chain.exit_code == 1 and json.loads(chain.stdout)["fact_id"] == "a"
    garbled = sf(db_url, "verify", "--export", str(out), "--public-key", "ed25519:nonsense")
    assert garbled.exit_code == 2 and "not an Ed25519 public key" in garbled.stderr

    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    assert sf(empty, "init").exit_code == 0
    refused = sf(empty, "import", str(forged), "--public-key", public)
    assert refused.exit_code == 2 and "head_hash" in refused.stderr
    unknown = sf(empty, "import", str(out))  # no trusted key given, none configured
    assert unknown.exit_code == 2 and "not trusted" in unknown.stderr
    imported = sf(empty, "import", str(out), "--public-key", public)
    assert imported.exit_code == 0 and "Imported 3 facts" in imported.stdout
    assert sf(empty, "verify").exit_code == 0


def test_api_export_is_signed_when_the_server_has_a_key(services, tmp_path, admin_actor):
    from fastapi.testclient import TestClient

    from stabforce.app import create_app
    from stabforce.services import accounts
    keyfile = tmp_path / "server.key"
    public = signing.create_key(keyfile)
    services.settings.signing_key = keyfile
    three_facts(services.ledger, admin_actor)
    accounts.add_user(services.accounts, name="ad", role="admin", password="a-test-password")
    token = accounts.create_token(services.accounts, name="ad")[1]
    accounts.add_user(services.accounts, name="vi", role="viewer", password="a-test-password")
    viewer = accounts.create_token(services.accounts, name="vi")[1]
    with TestClient(create_app(services.settings, services=services)) as client:
        body = client.get("/api/v1/export", headers={"Authorization": f"Bearer {token}"}).text
        filtered = client.get("/api/v1/export", headers={"Authorization": f"Bearer {viewer}"}).text
    checked = signing.check_export(body.splitlines(), name="api", trusted={signing.key_id(public): public})
    assert len(checked.facts) == 3 and checked.key_id == signing.key_id(public)
    # anyone but an admin gets a filtered export (TLP markings): labelled, never signed, refused on import
    assert '"signature"' not in filtered and '"export": "filtered"' in filtered.splitlines()[0]
    with pytest.raises(signing.ExportRefused, match="filtered export"):
        signing.check_export(filtered.splitlines(), name="api", trusted={signing.key_id(public): public})
