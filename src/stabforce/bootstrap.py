"""Composition root: settings in, the services a face needs out."""

from __future__ import annotations

from dataclasses import dataclass, replace

from stabforce.services.actors import Actor
from stabforce.services.picture import Pictures
from stabforce.settings import Settings
from stabforce.store import AccountStore, LedgerStore, create_db_engine, migrate
from stabforce.store.documents_repo import DocumentStore
from stabforce.store.evidence_repo import EvidenceStore


@dataclass
class Services:
    """What the faces work with, built once per process."""

    settings: Settings
    ledger: LedgerStore
    accounts: AccountStore
    pictures: Pictures
    evidence: EvidenceStore
    documents: DocumentStore

    def for_reader(self, reader: Actor) -> Services:
        """Return these services with `pictures` scoped to what `reader` may read (TLP markings): every
        fold, count and list drawn from them leaves out the facts `reader` may not see."""
        return replace(self, pictures=self.pictures.scoped(reader.clearance))

    def close(self) -> None:
        """Release database connections."""
        self.ledger.close()


def build(settings: Settings, *, migrate_schema: bool = False) -> Services:
    """Build the services for the configured database, migrating it first if asked."""
    if migrate_schema:
        migrate(settings.database_url)
    engine = create_db_engine(settings.database_url)
    ledger = LedgerStore(engine)
    return Services(settings, ledger, AccountStore(engine), Pictures(ledger), EvidenceStore(engine),
                    DocumentStore(engine))


def build_store(settings: Settings, *, migrate_schema: bool = False) -> LedgerStore:
    """Return only the ledger store for the configured database."""
    if migrate_schema:
        migrate(settings.database_url)
    return LedgerStore(create_db_engine(settings.database_url))
