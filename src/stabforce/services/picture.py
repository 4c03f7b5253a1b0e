"""The picture of the mission: snapshot and force generation as of a day, as known at a time."""

from __future__ import annotations

from datetime import date, datetime

from stabforce.engines.forcegen import ForceGeneration, force_generation
from stabforce.model import Snapshot, fold
from stabforce.store import LedgerStore


def get_snapshot(store: LedgerStore, *, as_of: date, known_at: datetime) -> Snapshot:
    """Fold the whole ledger into the snapshot for `as_of` as known at `known_at`."""
    return fold(store.iter_all(), as_of=as_of, known_at=known_at)


def get_force_generation(store: LedgerStore, *, as_of: date, known_at: datetime) -> tuple[Snapshot, ForceGeneration]:
    """Return the snapshot and its force-generation picture."""
    snapshot = get_snapshot(store, as_of=as_of, known_at=known_at)
    return snapshot, force_generation(snapshot)
