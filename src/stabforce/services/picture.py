"""The picture of the mission: snapshot and force generation as of a day, as known at a time.

`Pictures` keeps the ledger's facts in memory, reading only what was appended since the last call,
and caches folded pictures by (ledger head, reader's clearance, as_of, known_at), so that pages and
API reads do not re-read or re-fold an unchanged ledger. `Pictures.scoped(clearance)` is the same
cache seen by one reader: its `facts()` are only the facts that reader may read (TLP markings), and
everything folded from them is folded from those alone, before any engine sees them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from stabforce.engines.forcegen import ForceGeneration, force_generation
from stabforce.ledger import Fact, Marking
from stabforce.ledger.marking import EVERYTHING, Clearance
from stabforce.model import Snapshot, fold
from stabforce.store import LedgerStore

END_OF_TIME = datetime.max.replace(tzinfo=UTC)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Picture:
    """A snapshot and its force-generation picture."""

    snapshot: Snapshot
    forcegen: ForceGeneration


class _Shared:
    """What every scoped view of one ledger shares: its facts in memory, the head they end at, the
    recorders of RED facts, and the LRU of derived values."""

    def __init__(self, cache_size: int) -> None:
        self.facts: list[Fact] = []
        self.head: tuple[int, str] = (0, "")
        self.red_by: set[str] = set()
        self.cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.size = cache_size
        self.lock = threading.Lock()


class Pictures:
    """Folded pictures of one ledger as one reader may see them, cached per ledger head and clearance."""

    def __init__(self, ledger: LedgerStore, *, cache_size: int = 128, clearance: Clearance = EVERYTHING,
                 shared: _Shared | None = None) -> None:
        self.ledger = ledger
        self.clearance = clearance
        self._shared = shared or _Shared(cache_size)

    def scoped(self, clearance: Clearance) -> Pictures:
        """Return the pictures a reader with `clearance` may see, sharing this ledger's cache. Scoping
        never widens: pictures already scoped to one reader stay within that reader's clearance."""
        return Pictures(self.ledger, clearance=self.clearance.narrowed(clearance), shared=self._shared)

    def all_facts(self) -> tuple[list[Fact], tuple[int, str]]:
        """Return every fact in ledger order, whatever its marking, and the head they end at, reading
        only new ones. For checks inside services, never for showing to a reader."""
        head = self.ledger.head()
        core = self._shared
        with core.lock:
            if head != core.head:
                seq, last_hash = core.head
                if seq and (head[0] < seq or not self._still_there(seq, last_hash)):
                    core.facts, core.red_by, seq = [], set(), 0  # a different ledger: read it all
                new = list(self.ledger.iter_all(after=seq))
                core.red_by |= {f.recorded_by for f in new if f.marking == Marking.RED}
                core.facts = core.facts + new
                core.head = (core.facts[-1].seq or 0, core.facts[-1].hash or "") if core.facts else (0, "")
                core.cache.clear()
            return core.facts, core.head

    def facts(self) -> tuple[list[Fact], tuple[int, str]]:
        """Return the facts this reader may read, in ledger order, and the head they end at: for a
        reader who may not read everything, the position and hash of the last fact they may read (the
        ledger's own head would count the hidden facts). Derived values cached under that head stay
        right: a hidden fact appended later does not change what this reader sees."""
        every, head = self.all_facts()
        clearance = self._effective()
        if clearance.everything:
            return every, head
        visible = self._memo(head, clearance, ("visible",), lambda: [f for f in every if clearance.allows(f)])
        return visible, ((visible[-1].seq or 0, visible[-1].hash or "") if visible else (0, ""))

    def get(self, *, as_of: date, known_at: datetime | None = None,
            view: tuple[list[Fact], tuple[int, str]] | None = None) -> Picture:
        """Return the picture on `as_of` as known at `known_at` (None: everything recorded so far).

        Pass `view` (what `facts()` returned) to reuse one read of the ledger head for many pictures.
        """
        facts, head = view or self.facts()
        return self.memo(("picture", as_of, known_at), lambda: _picture(facts, as_of, known_at), head=head)

    def memo(self, key: tuple[Any, ...], compute: Callable[[], T], *, head: tuple[int, str] | None = None) -> T:
        """Return `compute()` cached for this ledger head and this reader's clearance under `key`
        (least recently used go first)."""
        head = head or self.all_facts()[1]
        return self._memo(head, self._effective(), key, compute)

    def _memo(self, head: tuple[int, str], clearance: Clearance, key: tuple[Any, ...],
              compute: Callable[[], T]) -> T:
        core = self._shared
        full = (head, clearance.key, *key)
        with core.lock:
            if full in core.cache:
                core.cache.move_to_end(full)
                return core.cache[full]
        value = compute()
        with core.lock:
            core.cache[full] = value
            while len(core.cache) > core.size:
                core.cache.popitem(last=False)
        return value

    def _effective(self) -> Clearance:
        """The clearance, without its RED recorder when that reader recorded no RED fact, so that
        readers of one role share one cache entry."""
        c = self.clearance
        if c.red_recorder is not None and c.red_recorder not in self._shared.red_by:
            return Clearance(c.markings, amber_subject=c.amber_subject, everything=c.everything)
        return c

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
