"""Persistence of the ledger (SQLAlchemy 2; SQLite and PostgreSQL). The only SQLAlchemy importer."""

from stabforce.store.accounts_repo import AccountStore
from stabforce.store.db import create_db_engine, migrate
from stabforce.store.ledger_repo import FactFilter, LedgerReads, LedgerStore

__all__ = ["AccountStore", "FactFilter", "LedgerReads", "LedgerStore", "create_db_engine", "migrate"]
