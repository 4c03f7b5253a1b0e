"""Shared fixtures: the same tests run on SQLite and PostgreSQL (``--db sqlite postgresql``)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from stabforce.bootstrap import Services, build
from stabforce.services.actors import Actor, Role
from stabforce.services.admin import init_database
from stabforce.settings import Settings
from stabforce.store import LedgerStore, create_db_engine

POSTGRES_URL = os.environ.get("STABFORCE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
SHARED = Path(__file__).resolve().parents[2] / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--db", nargs="+", default=["sqlite"], choices=["sqlite", "postgresql"],
                     help="databases to run the store tests on")
    parser.addoption("--e2e", action="store_true", help="run the browser tests (needs Chromium)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_url" in metafunc.fixturenames:
        metafunc.parametrize("db_url", metafunc.config.getoption("db"), indirect=True)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database: a temp SQLite file, or a new schema on PostgreSQL."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@contextmanager
def fresh_database(kind: str, folder: Path) -> Iterator[str]:
    """Make a fresh, migrated database of `kind` (sqlite: a file in `folder`; postgresql: a new
    schema, dropped afterwards) and yield its URL."""
    if kind == "sqlite":
        url = f"sqlite:///{folder / 'ledger.db'}"
        init_database(url)
        yield url
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in POSTGRES_URL else "?"
    url = f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    try:
        init_database(url)
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[LedgerStore]:
    """A ledger store on the fresh database."""
    ledger = LedgerStore(create_db_engine(db_url))
    yield ledger
    ledger.engine.dispose()


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    """The services a face uses, on the fresh database."""
    built = build(Settings(database_url=db_url, _env_file=None))
    yield built
    built.close()


@pytest.fixture
def admin_actor() -> Actor:
    return Actor(id="test:admin", role=Role.ADMIN)


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, _env_file=None)
