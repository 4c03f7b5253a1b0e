"""The decommissioning registry: weapons by type through declared → collected → stored →
decommissioned → destroyed, and infrastructure identified → neutralized → re-inspected.

`weapons_registry` replays `weapons_moved` facts in the order given (the fold's: valid time, knowledge
time, ledger position). A step moves `quantity` of one weapon type out of `from_state` into
`to_state`; a step that asks for more than is held in `from_state` is **refused** (kept in `refused`
with the reason and what was available, and not applied), so no sequence of facts can make a stock
negative. New declarations (no `from_state`) add to `declared`. Every `registry:*` subject counts in
one registry.

`new_refusals(existing, added)` says which steps would be refused once `added` join the ledger that
were not refused before (the added steps themselves, or later steps left without stock): the
services refuse to record such facts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from stabforce.ledger import Fact
from stabforce.ledger.vocab import WEAPON_STATES, WeaponType, weapon_category
from stabforce.model import Snapshot, fold

CATEGORIES = ("heavy", "light")
INFRA_ORDER = ("identified", "neutralized", "reinspected")
_END_OF_TIME = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Step:
    """One registry fact as applied (or refused, with the reason)."""

    fact: Fact
    weapon: str
    quantity: int
    from_state: str | None
    to_state: str
    refused: str | None = None
    available: int | None = None  # for a refused step: what `from_state` held when it came

    def describe(self) -> str:
        """Return the step in a few words ("5 rifles collected → stored on 2026-01-03")."""
        came = self.from_state or "new"
        return f"{self.quantity:,} {self.weapon} {came} → {self.to_state} on {self.fact.valid_from}"


@dataclass(frozen=True)
class Registry:
    """Weapons held in each state now, and how many ever reached each state, by weapon type."""

    held: Mapping[tuple[str, str], int]
    steps: tuple[Step, ...]
    refused: tuple[Step, ...]
    reached_by: Mapping[tuple[str, str], int] = field(default_factory=dict)

    def reached(self, state: str, category: str | None = None) -> int:
        """Return the quantity that has reached `state` or a later one ("heavy", "light", a type or all)."""
        return sum(q for (w, s), q in self.reached_by.items() if s == state and _matches(w, category))

    def holding(self, state: str, category: str | None = None) -> int:
        """Return the quantity in exactly `state` now."""
        return sum(q for (w, s), q in self.held.items() if s == state and _matches(w, category))

    def facts_behind(self, weapon: str, state: str) -> tuple[Step, ...]:
        """Return the applied steps that moved `weapon` into or out of `state` (they fold to its holding)."""
        return tuple(s for s in self.steps if s.refused is None and s.weapon == weapon
                     and state in (s.from_state, s.to_state))

    def weapons(self) -> list[str]:
        """Return the weapon types with anything declared, in vocabulary order."""
        return [str(w) for w in WeaponType if self.reached_by.get((w, "declared"), 0)]

    def table(self) -> list[dict[str, int | str]]:
        """Return one row per weapon type with its holding in each state and its total declared."""
        rows = []
        for weapon in WeaponType:
            row: dict[str, int | str] = {"weapon": str(weapon), "category": weapon_category(weapon)}
            row.update({state: self.held.get((weapon, state), 0) for state in WEAPON_STATES})
            row["total_declared"] = self.reached_by.get((weapon, "declared"), 0)
            if row["total_declared"]:
                rows.append(row)
        return rows


def _matches(weapon: str, category: str | None) -> bool:
    return category is None or category == weapon or category == weapon_category(weapon)


def weapons_registry(facts: Iterable[Fact]) -> Registry:
    """Replay `weapons_moved` facts (in the given order) into stocks; refuse steps that overdraw."""
    held: dict[tuple[str, str], int] = defaultdict(int)
    steps: list[Step] = []
    refused: list[Step] = []
    for fact in facts:
        p = fact.payload
        weapon, qty, src, dst = p["weapon"], p["quantity"], p.get("from_state"), p["to_state"]
        if src is not None and held[(weapon, src)] < qty:
            have = held[(weapon, src)]
            step = Step(fact, weapon, qty, src, dst, available=have,
                        refused=f"moves {qty:,} {weapon} out of {src}, where only {have:,} are held")
            refused.append(step)
            steps.append(step)
            continue
        if src is not None:
            held[(weapon, src)] -= qty
        held[(weapon, dst)] += qty
        steps.append(Step(fact, weapon, qty, src, dst))
    reached: dict[tuple[str, str], int] = {}
    for weapon in WeaponType:
        running = 0
        for state in reversed(WEAPON_STATES):
            running += held.get((weapon, state), 0)
            if running:
                reached[(weapon, state)] = running
    return Registry({k: v for k, v in held.items() if v}, tuple(steps), tuple(refused), reached)


def registry_of(snapshot: Snapshot) -> Registry:
    """Return the registry on the snapshot's day."""
    return weapons_registry(snapshot.events_of("weapons_moved"))


def new_refusals(existing: Sequence[Fact], added: Sequence[Fact]) -> list[Step]:
    """Return the steps refused once `added` join `existing` that were not refused before.

    Both are folded with everything known and on the last day any of them speaks about, so a step
    recorded with an earlier valid day that would leave a later step without stock is caught too.
    `existing` should hold the registry's facts and whatever supersedes them (retractions).
    """
    if not added:
        return []
    last = max(f.valid_from for f in (*existing, *added))
    before = registry_of(fold(existing, as_of=last, known_at=_END_OF_TIME))
    after = registry_of(fold((*existing, *added), as_of=last, known_at=_END_OF_TIME))
    was = {s.fact.id for s in before.refused}
    return [s for s in after.refused if s.fact.id not in was]


@dataclass(frozen=True, slots=True)
class InfraItem:
    """One piece of infrastructure as it stands, with its due re-inspection."""

    subject: str
    type: str
    status: str
    since: date
    fact: Fact
    due: date | None
    overdue: bool


def infrastructure(snapshot: Snapshot) -> list[InfraItem]:
    """Return every infrastructure item's current status and due re-inspection on the snapshot's day.

    A neutralized or re-inspected item is due `reinspect_every_days` after its current status's day;
    when the current fact does not repeat the interval, the latest earlier fact that gave one holds.
    """
    items = []
    for group in snapshot.claims("infrastructure"):
        fact = group.current
        if fact is None:
            continue
        p = fact.payload
        every = p.get("reinspect_every_days") or next(
            (f.payload["reinspect_every_days"] for f in reversed(group.history)
             if f.valid_from <= fact.valid_from and f.payload.get("reinspect_every_days")
             and f.id not in snapshot.superseded_by), None)
        due = fact.valid_from + timedelta(days=every) if every and p["status"] != "identified" else None
        items.append(InfraItem(fact.subject, p["type"], p["status"], fact.valid_from, fact, due,
                               due is not None and due < snapshot.as_of))
    return items


def infra_count(items: Iterable[InfraItem], status: str, type_: str | None = None) -> int:
    """Return how many items have reached `status` (identified < neutralized < reinspected)."""
    return sum(1 for i in items if INFRA_ORDER.index(i.status) >= INFRA_ORDER.index(status) and type_ in (None, i.type))
