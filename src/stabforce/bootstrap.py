"""Composition root: settings in, a ready ledger store out."""

from __future__ import annotations

from stabforce.settings import Settings
from stabforce.store import LedgerStore, create_db_engine, migrate


def build_store(settings: Settings, *, migrate_schema: bool = False) -> LedgerStore:
    """Return the ledger store for the configured database, migrating it first if asked."""
    if migrate_schema:
        migrate(settings.database_url)
    return LedgerStore(create_db_engine(settings.database_url))
