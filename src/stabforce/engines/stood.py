"""Which facts of a state group stood at some time (for series read from a group's history)."""

from __future__ import annotations

from stabforce.ledger import Fact
from stabforce.model import Claims, Snapshot


def stood(group: Claims, snapshot: Snapshot) -> tuple[Fact, ...]:
    """Return the facts of a group that stood at some time up to the snapshot's day, oldest first.

    Retracted facts and facts corrected by one of the same day are left out; a fact revised by a later
    one of its group stood until then. A fact replaced by something outside the group up to the day (a
    retraction, or a revision dated after the day) counts only while it is still the current one.
    """
    in_group = {f.id: f for f in group.history}
    current = group.current.id if group.current is not None else None
    kept = []
    for fact in group.history:
        by = snapshot.superseded_by.get(fact.id)
        if by is None or fact.id == current or (by in in_group and in_group[by].valid_from > fact.valid_from):
            kept.append(fact)
    return tuple(kept)
