"""The picture of the mission: snapshot and force generation as of a day, as known at a time.

`Pictures` keeps the ledger's facts in memory, reading only what was appended since the last call,
and caches folded pictures by (ledger head, as_of, known_at), so that pages and API reads do not
re-read or re-fold an unchanged ledger.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from stabforce.engines.forcegen import ForceGeneration, force_generation
from stabforce.ledger import Fact
from stabforce.model import Snapshot, fold
from stabforce.store import LedgerStore

END_OF_TIME = datetime.max.replace(tzinfo=UTC)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Picture:
    """A snapshot and its force-generation picture."""

    snapshot: Snapshot
    forcegen: ForceGeneration


class Pictures:
    """Folded pictures of one ledger, cached per ledger head."""

    def __init__(self, ledger: LedgerStore, *, cache_size: int = 64) -> None:
        self.ledger = ledger
        self._facts: list[Fact] = []
        self._head: tuple[int, str] = (0, "")
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._size = cache_size
        self._lock = threading.Lock()

    def facts(self) -> tuple[list[Fact], tuple[int, str]]:
        """Return every fact in ledger order and the head they end at, reading only new ones."""
        head = self.ledger.head()
        with self._lock:
            if head != self._head:
                seq, last_hash = self._head
                if seq and (head[0] < seq or not self._still_there(seq, last_hash)):
                    self._facts, seq = [], 0  # a different ledger (e.g. a fresh database): read it all
                self._facts = self._facts + list(self.ledger.iter_all(after=seq))
                self._head = (self._facts[-1].seq or 0, self._facts[-1].hash or "") if self._facts else (0, "")
                self._cache.clear()
            return self._facts, self._head

    def get(self, *, as_of: date, known_at: datetime | None = None,
            view: tuple[list[Fact], tuple[int, str]] | None = None) -> Picture:
        """Return the picture on `as_of` as known at `known_at` (None: everything recorded so far).

        Pass `view` (what `facts()` returned) to reuse one read of the ledger head for many pictures.
        """
        facts, head = view or self.facts()
        return self.memo(("picture", as_of, known_at), lambda: _picture(facts, as_of, known_at), head=head)

    def memo(self, key: tuple[Any, ...], compute: Callable[[], T], *, head: tuple[int, str] | None = None) -> T:
        """Return `compute()` cached for this ledger head under `key` (least recently used go first)."""
        full = (head or self.facts()[1], *key)
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]
        value = compute()
        with self._lock:
            self._cache[full] = value
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return value

    def _still_there(self, seq: int, last_hash: str) -> bool:
        fact = next(iter(self.ledger.iter_all(after=seq - 1, batch=1)), None)
        return fact is not None and fact.hash == last_hash


def _picture(facts: list[Fact], as_of: date, known_at: datetime | None) -> Picture:
    snapshot = fold(facts, as_of=as_of, known_at=known_at or END_OF_TIME)
    return Picture(snapshot, force_generation(snapshot))


def get_force_generation(store: LedgerStore, *, as_of: date, known_at: datetime) -> tuple[Snapshot, ForceGeneration]:
    """Fold the whole ledger and return the snapshot and its force-generation picture."""
    snapshot = fold(store.iter_all(), as_of=as_of, known_at=known_at)
    return snapshot, force_generation(snapshot)
