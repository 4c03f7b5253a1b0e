"""fold(facts, as_of, known_at) -> Snapshot: the whole picture computed from the ledger.

Rules, in order:

1. Knowledge time: only facts with ``known_from <= known_at`` exist.
2. Retractions remove the facts they name on every day. Other superseding facts (revisions and
   corrections) replace the facts they name from their own ``valid_from`` on, so a revision made in
   February does not rewrite what held in December.
3. Valid time: a fact speaks from ``valid_from``; it stops standing after ``valid_to``.
4. Facts are grouped by kind, subject and the kind's key. ``state`` kinds: the latest holds.
   ``claim`` kinds: all live facts stand side by side; ``event`` kinds are kept in order (by valid
   time, knowledge time, position) in ``Snapshot.events``, and unit moves add up into ``deployed``.
5. Conflicts: in a group, the facts standing on the day that come from more than one source and
   say more than one thing. A decision settles the conflict when it is known, not retracted (nor
   replaced by a correction on the day), names every standing fact in ``settles`` and accepts one
   of them or none; the fact it accepts becomes current. A decision whose accepted fact is not
   standing on the day (not yet valid, expired, retracted) does not settle that day's conflict, so
   the picture of an earlier day is the unsettled one. Of several such decisions the latest known
   holds. Like a retraction, a decision rules on the reports themselves, so it applies on every day
   they speak about, from the time it is known.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from stabforce.ledger import KINDS, Fact
from stabforce.model.snapshot import Claims, Conflict, GroupKey, Snapshot

UNIT_MOVES = ("unit_arrived", "unit_departed")


def fold(facts: Iterable[Fact], *, as_of: date, known_at: datetime) -> Snapshot:
    """Return the mission on day `as_of` as the ledger knew it at `known_at`.

    Parameters
    ----------
    facts:
        Ledger facts in any order (they are ordered by valid time, knowledge time and position).
    as_of:
        The day the picture speaks about (valid time).
    known_at:
        An aware datetime: facts that became known later are ignored (knowledge time).
    """
    known = [f for f in facts if f.known_from <= known_at]
    dead, superseded_by, decisions = _meta(known, as_of)
    live_decisions = sorted((d for d in decisions if d.id not in dead), key=lambda d: (d.known_from, d.seq or 0))
    grouped: dict[GroupKey, list[Fact]] = defaultdict(list)
    deployed: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    events: dict[str, list[Fact]] = defaultdict(list)
    for fact in known:
        spec = KINDS[fact.kind]
        if spec.mode == "meta" or fact.valid_from > as_of:
            continue
        if spec.mode == "event":
            if fact.id not in dead:
                events[fact.kind].append(fact)
                if fact.kind in UNIT_MOVES:
                    sign = 1 if fact.kind == "unit_arrived" else -1
                    deployed[fact.subject][fact.payload["personnel_kind"]] += sign * fact.payload["personnel"]
            continue
        grouped[(fact.kind, fact.subject, spec.key(fact.payload))].append(fact)
    groups: dict[GroupKey, Claims] = {}
    conflicts: list[Conflict] = []
    for gkey, members in grouped.items():
        group, conflict = _fold_group(gkey, members, dead, as_of, live_decisions)
        groups[gkey] = group
        if conflict is not None:
            conflicts.append(conflict)
    conflicts.sort(key=lambda c: (c.subject, c.kind, repr(c.key)))
    return Snapshot(
        as_of=as_of, known_at=known_at, known_count=len(known), groups=groups,
        conflicts=tuple(conflicts), superseded_by=superseded_by,
        deployed={s: dict(v) for s, v in deployed.items()},
        events={kind: tuple(sorted(found, key=_order)) for kind, found in events.items()},
    )


def _meta(known: list[Fact], as_of: date) -> tuple[set[str], dict[str, str], list[Fact]]:
    """Return the ids dead on `as_of`, who superseded whom, and the decisions."""
    dead: set[str] = set()
    superseded_by: dict[str, str] = {}
    decisions: list[Fact] = []
    for fact in known:
        if fact.kind == "decision":
            decisions.append(fact)
        for old in fact.supersedes:
            superseded_by[old] = fact.id
            if fact.kind == "retraction" or fact.valid_from <= as_of:
                dead.add(old)
    return dead, superseded_by, decisions


def _order(fact: Fact) -> tuple[date, datetime, int]:
    return (fact.valid_from, fact.known_from, fact.seq or 0)


def _fold_group(
    gkey: GroupKey, members: list[Fact], dead: set[str], as_of: date, decisions: list[Fact],
) -> tuple[Claims, Conflict | None]:
    kind, subject, key = gkey
    members.sort(key=_order)
    standing = [f for f in members if f.id not in dead and (f.valid_to is None or f.valid_to >= as_of)]
    spec = KINDS[kind]
    if spec.mode == "state" and standing:
        latest_day = standing[-1].valid_from
        standing = [f for f in standing if f.valid_from == latest_day]
    conflict = _conflict(kind, subject, key, standing, decisions)
    current = standing[-1] if standing else None
    if conflict is not None and conflict.accepted:
        current = next((f for f in standing if f.id == conflict.accepted), current)
    live = tuple(standing) if spec.mode == "claim" else ((current,) if current else ())
    return Claims(kind, subject, key, current, live, tuple(members)), conflict


def _conflict(
    kind: str, subject: str, key: tuple, standing: list[Fact], decisions: list[Fact],
) -> Conflict | None:
    if len(standing) < 2:
        return None
    value = KINDS[kind].value
    if len({value(f.payload) for f in standing}) < 2 or len({f.source.identity for f in standing}) < 2:
        return None
    ids = {f.id for f in standing}
    settled_by = None
    for decision in decisions:  # alive, oldest first: the latest that applies holds
        accepted = decision.payload.get("accepted")
        if ids <= set(decision.payload["settles"]) and (accepted is None or accepted in ids):
            settled_by = decision
    digest = hashlib.sha256("|".join(sorted(ids)).encode()).hexdigest()[:10]
    return Conflict(f"c-{digest}", kind, subject, key, tuple(standing), settled_by)
