"""Recording, retracting, settling, listing and checking facts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from stabforce.engines.extract.gazetteer import gazetteer
from stabforce.errors import FactNotFound, InvalidFact, InvalidInput
from stabforce.ledger import ChainReport, Fact, FactDraft, parse_fact
from stabforce.ledger.marking import rank
from stabforce.ledger.vocab import country_name
from stabforce.services.actors import Actor, Role
from stabforce.services.picture import Pictures
from stabforce.services.registry import check_steps
from stabforce.store import FactFilter, LedgerStore

__all__ = ["FactFilter", "check_fact", "check_facts", "get_fact", "get_fact_with_successors", "list_facts",
           "page_facts", "record_fact", "record_facts", "retract_fact", "settle_conflict", "subject_of",
           "verify_ledger", "verify_view"]


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
    check_markings(store, actor, drafts)
    check_steps(store, actor, drafts)
    return drafts


def check_markings(store: LedgerStore, actor: Actor, drafts: Sequence[FactDraft]) -> None:
    """Refuse a draft that refers (supersedes, settles) to a fact its writer may not read, as if that
    fact did not exist, and one whose marking is less restricted than a fact it refers to, unless
    the writer is an admin: lowering a marking is a release, and only admins release."""
    batch = {d.id: d for d in drafts}
    clearance = actor.clearance
    for n, draft in enumerate(drafts, start=1):
        refs = [(ref, "supersedes") for ref in draft.supersedes]
        if draft.kind == "decision":
            refs += [(ref, "payload.settles") for ref in draft.payload["settles"]]
        for ref, field in refs:
            target: Fact | FactDraft | None = batch.get(ref)
            if target is None:
                stored = store.get(ref)
                if stored is None or not clearance.allows(stored):
                    raise InvalidFact(f"fact {draft.id} refers to {ref}, which is not in the ledger", field=field,
                                      fact_id=draft.id, missing=ref, item=n)
                target = stored
            if rank(draft.marking) < rank(target.marking) and actor.role != Role.ADMIN:
                raise InvalidFact(
                    f"marking: fact {draft.id} is marked {draft.marking or 'CLEAR (none)'} but refers to {ref}, "
                    f"marked {target.marking}; only an admin may lower a marking", field="marking",
                    fact_id=draft.id, item=n)


def record_fact(store: LedgerStore, actor: Actor, data: Mapping[str, Any]) -> Fact:
    """Validate and append one fact."""
    return record_facts(store, actor, [data])[0]


def retract_fact(
    store: LedgerStore, actor: Actor, *, fact_id: str, reason: str, on: date,
    source: Mapping[str, Any] | None = None, grade: str = "A2",
) -> Fact:
    """Append a retraction of `fact_id`; the retracted fact stays in the ledger, marked dead.

    Without a `source`, the actor's own statement on day `on` is the source. The retraction carries
    the retracted fact's marking.
    """
    target = get_fact(store, fact_id, reader=actor)
    return record_fact(store, actor, {
        "kind": "retraction", "subject": target.subject, "payload": {"reason": reason},
        "valid_from": on.isoformat(), "supersedes": [fact_id], "grade": grade, "marking": target.marking,
        "source": dict(source or {"key": f"person:{actor.id}", "date": on.isoformat(),
                                  "title": f"retraction by {actor.id}"}),
    })


def settle_conflict(
    store: LedgerStore, actor: Actor, *, fact_ids: Sequence[str], reason: str, on: date,
    accepted: str | None = None, source: Mapping[str, Any] | None = None, grade: str = "A2",
) -> Fact:
    """Append a decision settling a conflict between `fact_ids`, accepting one of them or none. The
    decision carries the most restricted marking among the settled facts."""
    facts = [get_fact(store, fid, reader=actor) for fid in fact_ids]
    subjects = {f.subject for f in facts}
    if len(subjects) != 1:
        raise InvalidInput(f"the facts to settle are about different subjects: {', '.join(sorted(subjects))}",
                           field="settles")
    marking = max((f.marking for f in facts), key=rank, default=None)
    return record_fact(store, actor, {
        "kind": "decision", "subject": subjects.pop(), "valid_from": on.isoformat(), "grade": grade,
        "marking": marking,
        "payload": {"settles": list(fact_ids), "accepted": accepted, "reason": reason},
        "source": dict(source or {"key": f"person:{actor.id}", "date": on.isoformat(),
                                  "title": f"decision recorded by {actor.id}"}),
    })


def get_fact(store: LedgerStore, fact_id: str, *, reader: Actor) -> Fact:
    """Return a fact by id or raise `FactNotFound`, also when `reader` may not read it (so that a
    hidden fact's existence does not show: 404, not 403)."""
    fact = store.get(fact_id)
    if fact is None or not reader.clearance.allows(fact):
        raise FactNotFound(f"no fact with id {fact_id}", fact_id=fact_id)
    return fact


def get_fact_with_successors(store: LedgerStore, fact_id: str, *, reader: Actor) -> tuple[Fact, list[Fact]]:
    """Return a fact and the facts that supersede it (revisions, corrections, retractions) that
    `reader` may read."""
    clearance = reader.clearance
    return get_fact(store, fact_id, reader=reader), [f for f in store.superseding(fact_id) if clearance.allows(f)]


def get_fact_with_links(store: LedgerStore, fact_id: str, *, reader: Actor) -> tuple[Fact, list[Fact], list[Fact]]:
    """Return a fact, the readable facts it supersedes and the readable facts that supersede it."""
    fact, later = get_fact_with_successors(store, fact_id, reader=reader)
    earlier = [f for f in (store.get(fid) for fid in fact.supersedes) if f is not None and reader.clearance.allows(f)]
    return fact, earlier, later


def visible_supersedes(store: LedgerStore, fact: Fact, *, reader: Actor) -> list[str]:
    """Return the ids `fact` supersedes that `reader` may read (a hidden one is not named)."""
    if reader.clearance.everything:
        return list(fact.supersedes)
    return [fid for fid in fact.supersedes if (f := store.get(fid)) is not None and reader.clearance.allows(f)]


def page_facts(store: LedgerStore, flt: FactFilter, *, reader: Actor,
               pictures: Pictures | None = None) -> tuple[list[Fact], int]:
    """Return one page of the matching facts `reader` may read and how many match in all (the count
    cached per ledger state and clearance when `pictures` is given)."""
    flt = replace(flt, clearance=reader.clearance)
    whole = replace(flt, limit=None, offset=0)
    if pictures is None:
        return store.find(flt), store.count_matching(whole)
    return store.find(flt), pictures.memo(("count", whole), lambda: store.count_matching(whole))


def subject_of(text: str | None) -> str | None:
    """Return the subject a filter means: ``contributor:IDN`` for "IDN", "idn", "Indonesia" or "Indonesian"
    (the extractor's gazetteer: names, short names, demonyms, capitals); other text as given."""
    text = (text or "").strip()
    if not text or ":" in text:
        return text or None
    code = text.upper() if country_name(text.upper()) else _country_forms().get(text.casefold())
    return f"contributor:{code}" if code else text


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, str]:
    forms = gazetteer()[1]
    out = {name.casefold(): entry.subject for name, entry in forms.items()
           if entry.kind == "country" and entry.subject}
    out.update({f"the {k}": v for k, v in list(out.items()) if not k.startswith("the ")})
    return out


def list_facts(store: LedgerStore, flt: FactFilter = FactFilter(), *, reader: Actor) -> list[Fact]:
    """Return the facts matching a filter that `reader` may read, in ledger order."""
    return store.find(replace(flt, clearance=reader.clearance))


def verify_ledger(store: LedgerStore) -> ChainReport:
    """Walk the stored hash chain and report the first fact that does not match."""
    return store.verify()


def verify_view(store: LedgerStore, *, reader: Actor) -> dict[str, Any]:
    """Return the chain check as `reader` may see it: everything for an admin; only whether the
    chain holds for anyone else (the count, positions and ids would tell of facts they may not read)."""
    r = store.verify()
    if reader.clearance.everything:
        return {"ok": r.ok, "checked": r.checked, "broken_seq": r.broken_seq, "broken_id": r.broken_id,
                "reason": r.reason, "head": r.head}
    return {"ok": r.ok}
