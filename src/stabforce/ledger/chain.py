"""Walk the hash chain and say where it breaks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stabforce.ledger.fact import GENESIS, Fact


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of a chain check: how many facts held, and the first that did not."""

    checked: int
    ok: bool
    broken_seq: int | None = None
    broken_id: str | None = None
    reason: str | None = None
    head: str = GENESIS


def verify_chain(facts: Iterable[Fact], *, start_hash: str = GENESIS, start_seq: int = 1) -> ChainReport:
    """Check that `facts` (in order) number up from `start_seq`, link hash to hash, and that each
    stored hash is the hash of the stored content."""
    prev, expected_seq, checked = start_hash, start_seq, 0
    for fact in facts:
        problem = None
        if fact.seq != expected_seq:
            problem = f"expected position {expected_seq}, found {fact.seq}"
        elif fact.prev_hash != prev:
            problem = "its previous-hash link does not match the fact before it"
        elif fact.compute_hash() != fact.hash:
            problem = "its content does not match its hash (edited after it was recorded)"
        if problem:
            return ChainReport(checked, False, fact.seq, fact.id, problem, prev)
        prev, expected_seq, checked = fact.hash or "", expected_seq + 1, checked + 1
    return ChainReport(checked, True, head=prev)
