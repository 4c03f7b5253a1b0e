"""Recording, retracting, settling, listing and checking facts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from stabforce.errors import FactNotFound, InvalidInput
from stabforce.ledger import ChainReport, Fact, FactDraft, parse_fact
from stabforce.services.actors import Actor
from stabforce.services.picture import Pictures
from stabforce.services.registry import check_steps
from stabforce.store import FactFilter, LedgerStore

__all__ = ["FactFilter", "check_fact", "check_facts", "get_fact", "get_fact_with_successors", "list_facts",
           "page_facts", "record_fact", "record_facts", "retract_fact", "settle_conflict", "verify_ledger"]


def record_facts(store: LedgerStore, actor: Actor, inputs: Iterable[Mapping[str, Any]]) -> list[Fact]:
    """Validate every input, check the actor may write each, and append them as one batch.

    Nothing is stored unless every fact is valid: a bad one refuses the whole batch. The registry's
    stock is checked twice: before (a quick refusal) and again inside the append's locked transaction,
    so that two writers cannot both draw on the same stock.
    """
    drafts = check_facts(store, actor, inputs)
    return store.append(drafts, recorded_by=actor.id, guard=lambda reads: check_steps(reads, actor, drafts))


def check_fact(store: LedgerStore, actor: Actor, data: Mapping[str, Any]) -> FactDraft:
    """Do every check `record_fact` does, storing nothing; return the validated draft."""
    return check_facts(store, actor, [data])[0]


def check_facts(store: LedgerStore, actor: Actor, inputs: Iterable[Mapping[str, Any]]) -> list[FactDraft]:
    """Validate every input, check the actor may write each and that no registry stock is overdrawn
    (`services.registry.check_steps`); store nothing. Return the drafts."""
    drafts: list[FactDraft] = []
    for n, data in enumerate(inputs, start=1):
        try:
            draft = parse_fact(data)
        except InvalidInput as exc:
            exc.details["item"] = n
            raise
        actor.require_write(draft.kind, draft.subject)
        drafts.append(draft)
    check_steps(store, actor, drafts)
    return drafts


def record_fact(store: LedgerStore, actor: Actor, data: Mapping[str, Any]) -> Fact:
    """Validate and append one fact."""
    return record_facts(store, actor, [data])[0]


def retract_fact(
    store: LedgerStore, actor: Actor, *, fact_id: str, reason: str, on: date,
    source: Mapping[str, Any] | None = None, grade: str = "A2",
) -> Fact:
    """Append a retraction of `fact_id`; the retracted fact stays in the ledger, marked dead.

    Without a `source`, the actor's own statement on day `on` is the source.
    """
    target = get_fact(store, fact_id)
    return record_fact(store, actor, {
        "kind": "retraction", "subject": target.subject, "payload": {"reason": reason},
        "valid_from": on.isoformat(), "supersedes": [fact_id], "grade": grade,
        "source": dict(source or {"key": f"person:{actor.id}", "date": on.isoformat(),
                                  "title": f"retraction by {actor.id}"}),
    })


def settle_conflict(
    store: LedgerStore, actor: Actor, *, fact_ids: Sequence[str], reason: str, on: date,
    accepted: str | None = None, source: Mapping[str, Any] | None = None, grade: str = "A2",
) -> Fact:
    """Append a decision settling a conflict between `fact_ids`, accepting one of them or none."""
    facts = [get_fact(store, fid) for fid in fact_ids]
    subjects = {f.subject for f in facts}
    if len(subjects) != 1:
        raise InvalidInput(f"the facts to settle are about different subjects: {', '.join(sorted(subjects))}",
                           field="settles")
    return record_fact(store, actor, {
        "kind": "decision", "subject": subjects.pop(), "valid_from": on.isoformat(), "grade": grade,
        "payload": {"settles": list(fact_ids), "accepted": accepted, "reason": reason},
        "source": dict(source or {"key": f"person:{actor.id}", "date": on.isoformat(),
                                  "title": f"decision recorded by {actor.id}"}),
    })


def get_fact(store: LedgerStore, fact_id: str) -> Fact:
    """Return a fact by id or raise `FactNotFound`."""
    fact = store.get(fact_id)
    if fact is None:
        raise FactNotFound(f"no fact with id {fact_id}", fact_id=fact_id)
    return fact


def get_fact_with_successors(store: LedgerStore, fact_id: str) -> tuple[Fact, list[Fact]]:
    """Return a fact and the facts that supersede it (revisions, corrections, retractions)."""
    return get_fact(store, fact_id), store.superseding(fact_id)


def page_facts(store: LedgerStore, flt: FactFilter, *, pictures: Pictures | None = None) -> tuple[list[Fact], int]:
    """Return one page of matching facts and how many match in all (the count cached per ledger
    state when `pictures` is given)."""
    whole = replace(flt, limit=None, offset=0)
    if pictures is None:
        return store.find(flt), store.count_matching(whole)
    return store.find(flt), pictures.memo(("count", whole), lambda: store.count_matching(whole))


def list_facts(store: LedgerStore, flt: FactFilter = FactFilter()) -> list[Fact]:
    """Return the facts matching a filter, in ledger order."""
    return store.find(flt)


def verify_ledger(store: LedgerStore) -> ChainReport:
    """Walk the stored hash chain and report the first fact that does not match."""
    return store.verify()
