"""The decommissioning registry: its picture on a day as known at a time, and the guard that refuses
any registry fact that would overdraw a stock.

`check_steps` is called by `facts.record_facts` for every batch, whatever face it came from: a
`weapons_moved` step (or a retraction or correction of one) is refused when it would move more out of
a state than is held there on its day, or would leave a step already recorded without stock.
`record_step` stores uploaded evidence files and the step that cites them (by SHA-256).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from stabforce.engines.registry import (
    CATEGORIES,
    INFRA_ORDER,
    InfraItem,
    Registry,
    Step,
    infra_count,
    infrastructure,
    new_refusals,
    registry_of,
)
from stabforce.errors import InvalidInput
from stabforce.ledger import Fact, FactDraft
from stabforce.ledger.vocab import WEAPON_STATES, weapon_category
from stabforce.model import Snapshot
from stabforce.services.actors import Actor
from stabforce.services.evidence import check_upload, clean_name, require_upload, sha256_of
from stabforce.services.picture import Pictures
from stabforce.store import FactFilter, LedgerReads, LedgerStore
from stabforce.store.evidence_repo import EvidenceStore

KIND = "weapons_moved"


@dataclass(frozen=True)
class RegistryPicture:
    """The registry and the infrastructure on a day, as known at a time."""

    snapshot: Snapshot
    registry: Registry
    infrastructure: tuple[InfraItem, ...]


@dataclass(frozen=True, slots=True)
class Upload:
    """An evidence file as it came from a form or a request."""

    name: str | None
    media_type: str | None
    content: bytes
    description: str | None = None


def _of(snapshot: Snapshot) -> RegistryPicture:
    return RegistryPicture(snapshot, registry_of(snapshot), tuple(infrastructure(snapshot)))


def registry_picture(pictures: Pictures, *, as_of: date, known_at: datetime | None = None) -> RegistryPicture:
    """Return the registry on `as_of` as known at `known_at` (None: everything), cached per ledger head."""
    view = pictures.facts()
    snapshot = pictures.get(as_of=as_of, known_at=known_at, view=view).snapshot
    return pictures.memo(("registry", as_of, known_at), lambda: _of(snapshot), head=view[1])


# --- the guard -------------------------------------------------------------------------------------


def _registry_facts(store: LedgerReads) -> list[Fact]:
    """Return the stored registry steps and whatever retracts or corrects them."""
    steps = store.find(FactFilter(kind=KIND))
    ids = {f.id for f in steps}
    if not ids:
        return steps
    others = [f for f in store.find(FactFilter(kind="retraction")) if ids.intersection(f.supersedes)]
    return sorted([*steps, *others], key=lambda f: f.seq or 0)


def check_steps(store: LedgerReads, actor: Actor, drafts: Sequence[FactDraft]) -> None:
    """Refuse a batch holding a registry fact that would overdraw a stock (see the module's doc).

    `store` is the ledger, or (from `LedgerStore.append`'s guard) reads inside the append's lock."""
    if not any(d.kind == KIND or d.subject.startswith("registry:") for d in drafts):
        return
    existing = _registry_facts(store)
    known = {f.id for f in existing} | {d.id for d in drafts if d.kind == KIND}
    touching = [d for d in drafts if d.kind == KIND or known.intersection(d.supersedes)]
    if not touching:
        return
    now = datetime.now(UTC)
    head = store.head()[0]
    added = [replace(d.record(recorded_at=max(now, d.known_from or now), recorded_by=actor.id), seq=head + n)
             for n, d in enumerate(touching, start=1)]
    refused = new_refusals(existing, added)
    if not refused:
        return
    raise _refusal(refused[0], {d.id for d in touching})


def _refusal(step: Step, new_ids: set[str]) -> InvalidInput:
    state = step.from_state or "declared"
    available = step.available or 0
    details = {"field": "payload.quantity", "weapon": step.weapon, "state": state, "quantity": step.quantity,
               "available": available, "on": step.fact.valid_from.isoformat()}
    if step.fact.id in new_ids:
        return InvalidInput(
            f"refused: this step moves {step.quantity:,} {step.weapon} out of {state} on {step.fact.valid_from}, "
            f"but only {available:,} {step.weapon} are {state} then; it would overdraw the registry", **details)
    return InvalidInput(
        f"refused: this would leave the step already recorded as fact {step.fact.id} ({step.describe()}) without "
        f"stock: it moves {step.quantity:,} {step.weapon} out of {state}, where only {available:,} would be held",
        fact_id=step.fact.id, **details)


# --- recording a step with evidence files ------------------------------------------------------------


def record_step(ledger: LedgerStore, evidence: EvidenceStore, actor: Actor, data: dict[str, Any],
                uploads: Sequence[Upload] = (), *, max_bytes: int) -> Fact:
    """Record one `weapons_moved` fact citing the uploaded files by SHA-256, storing the files.

    Everything is checked first (role, files, the fact, the stock); the files are stored before the
    fact, so a fact never cites a file that is not there.
    """
    from stabforce.services import facts  # facts imports this module for the guard

    if data.get("kind") != KIND:
        raise InvalidInput(f"a registry step is a {KIND} fact", field="kind")
    if uploads:
        require_upload(actor)
    for upload in uploads:
        check_upload(upload.content, max_bytes=max_bytes)
    payload = dict(data.get("payload") or {})
    cited = list(payload.get("evidence") or [])
    for upload in uploads:
        cited.append({k: v for k, v in {"name": clean_name(upload.name), "sha256": sha256_of(upload.content),
                                        "description": upload.description}.items() if v})
    payload["evidence"] = cited
    data = {**data, "payload": payload}
    facts.check_fact(ledger, actor, data)
    for upload in uploads:
        evidence.put(upload.content, name=clean_name(upload.name),
                     media_type=upload.media_type or "application/octet-stream", uploaded_by=actor.id)
    return facts.record_fact(ledger, actor, data)


# --- plain-JSON views, shared by the API and the CLI ---------------------------------------------------


def step_view(step: Step) -> dict[str, Any]:
    """Return one step as plain JSON."""
    p = step.fact.payload
    return {"fact_id": step.fact.id, "valid_from": step.fact.valid_from.isoformat(), "weapon": step.weapon,
            "category": weapon_category(step.weapon), "quantity": step.quantity, "from_state": step.from_state,
            "to_state": step.to_state, "site": p.get("site"), "verifier": p.get("verifier"),
            "evidence": [dict(e) for e in p.get("evidence") or []], "refused": step.refused,
            "available": step.available}


def weapons_rows(reg: Registry) -> list[dict[str, Any]]:
    """Return one row per weapon type: holding in each state, total declared, and the facts behind each."""
    rows = []
    for weapon in reg.weapons():
        held = {state: reg.held.get((weapon, state), 0) for state in WEAPON_STATES}
        rows.append({"weapon": weapon, "category": weapon_category(weapon), "held": held,
                     "total_declared": reg.reached_by.get((weapon, "declared"), 0),
                     "facts": {state: [s.fact.id for s in reg.facts_behind(weapon, state)] for state in WEAPON_STATES}})
    return rows


def category_rows(reg: Registry) -> list[dict[str, Any]]:
    """Return holdings by state, and how many reached each state, per category (heavy, light) and in all."""
    out = []
    for category in (*CATEGORIES, None):
        out.append({"category": category or "all",
                    "held": {state: reg.holding(state, category) for state in WEAPON_STATES},
                    "reached": {state: reg.reached(state, category) for state in WEAPON_STATES},
                    "total_declared": reg.reached("declared", category)})
    return out


def infra_view(item: InfraItem, as_of: date) -> dict[str, Any]:
    """Return one infrastructure item as plain JSON."""
    p = item.fact.payload
    place = p.get("place") or {}
    return {"subject": item.subject, "type": item.type, "status": item.status, "since": item.since.isoformat(),
            "due": item.due.isoformat() if item.due else None, "overdue": item.overdue,
            "days_overdue": (as_of - item.due).days if item.overdue and item.due else 0,
            "place": place.get("name"), "length_m": p.get("length_m"), "verifier": p.get("verifier"),
            "fact_id": item.fact.id}


def registry_view(rp: RegistryPicture) -> dict[str, Any]:
    """Return the whole registry picture as plain JSON (the API's and `stabforce registry --json`'s shape)."""
    s, reg = rp.snapshot, rp.registry
    items = sorted(rp.infrastructure, key=lambda i: (not i.overdue, i.due or date.max, i.subject))
    return {
        "as_of": s.as_of.isoformat(), "known_at": s.known_at.isoformat(), "facts_known": s.known_count,
        "states": list(WEAPON_STATES),
        "weapons": weapons_rows(reg),
        "categories": category_rows(reg),
        "steps": len(reg.steps) - len(reg.refused),
        "refused": [step_view(step) for step in reg.refused],
        "infrastructure": [infra_view(i, s.as_of) for i in items],
        "infrastructure_counts": {status: infra_count(rp.infrastructure, status) for status in INFRA_ORDER},
        "reinspections_overdue": sum(1 for i in rp.infrastructure if i.overdue),
    }
