"""The model: fold the ledger into a snapshot of the mission on a day, as known at a time."""

from stabforce.model.fold import fold
from stabforce.model.snapshot import Claims, Conflict, Snapshot

__all__ = ["Claims", "Conflict", "Snapshot", "fold"]
