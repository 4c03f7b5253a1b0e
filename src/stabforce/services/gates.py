"""Gates: phases, milestones and withdrawal stages on a day, as plain JSON for every face, and the
check of a condition before it is recorded."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Any

from stabforce.engines.gates import GatesPicture, MilestoneStatus, StageStatus, explain, gates, strength_terms
from stabforce.errors import InvalidInput
from stabforce.ledger import Fact
from stabforce.ledger.conditions import METRICS, ConditionError, Term, evaluate, parse_condition
from stabforce.services import forecasts
from stabforce.services.picture import Pictures
from stabforce.services.views import snapshot_header, source_view
from stabforce.settings import Settings


def gates_picture(pictures: Pictures, *, as_of: date, known_at: datetime | None) -> GatesPicture:
    """Return the gates on `as_of` as known at `known_at`, cached per ledger state."""
    view = pictures.facts()
    picture = pictures.get(as_of=as_of, known_at=known_at, view=view)
    return pictures.memo(("gates", as_of, known_at), lambda: gates(picture.snapshot), head=view[1])


def check_condition(pictures: Pictures, text: str, *, as_of: date, known_at: datetime | None) -> dict[str, Any]:
    """Parse a condition and evaluate it on the day, storing nothing.

    Raises
    ------
    InvalidInput
        The condition does not parse; `details` carry `column` and `name`.
    """
    try:
        condition = parse_condition(text)
    except ConditionError as exc:
        raise InvalidInput(f"condition: {exc}", field="condition", column=exc.column, name=exc.name) from None
    g = gates_picture(pictures, as_of=as_of, known_at=known_at)
    result = evaluate(condition, g.metrics)
    return {**snapshot_header(g.snapshot), "condition": text, "holds": result.holds,
            "terms": [term_view(t) for t in result.terms]}


def condition_caret(text: str) -> dict[str, Any] | None:
    """Where a condition stops parsing (`column`, 1-based, and the `name` at fault), or None when it parses:
    what a form points at under the condition, whatever else was wrong with the fact."""
    try:
        parse_condition(text)
    except ConditionError as exc:
        return {"column": exc.column, "name": exc.name}
    return None


def metrics_catalogue() -> list[dict[str, Any]]:
    """Return every metric a condition may use, with its arguments and allowed values."""
    return [{"name": m.name, "doc": m.doc,
             "params": [{"name": p.name, "required": p.required, "choices": list(p.choices) if p.choices else None,
                         "number": p.number} for p in m.params]} for m in METRICS.values()]


def gates_view(g: GatesPicture) -> dict[str, Any]:
    """Return phases, milestones and stages with their terms, reasons and evidence."""
    return {
        **snapshot_header(g.snapshot),
        "phases": [phase_view(f) for f in g.phases],
        "stages": [stage_view(s) for s in g.stages],
        "milestones": [milestone_view(m) for m in g.milestones],
    }


def phase_view(fact: Fact) -> dict[str, Any]:
    """Return a phase: status, entry conditions, blockers, source."""
    p = fact.payload
    return {"name": p["name"], "title": p["title"], "status": p["status"], "started": p.get("started"),
            "entry_conditions": list(p.get("entry_conditions", ())), "blockers": list(p.get("blockers", ())),
            "valid_from": fact.valid_from.isoformat(), "provenance": source_view(fact)}


def stage_view(s: StageStatus) -> dict[str, Any]:
    """Return a stage: lines, share after, met, completion and the failing terms of its milestones."""
    p = s.fact.payload
    return {
        "stage": s.subject, "order": s.order, "title": p["title"], "from_line": p["from_line"], "to_line": p["to_line"],
        "idf_share_after_pct": p.get("idf_share_after_pct"), "approx": p.get("approx", False),
        "met": s.met, "completed": s.completed is not None,
        "completed_on": s.completed.valid_from.isoformat() if s.completed else None,
        "completion": source_view(s.completed) if s.completed else None,
        "completion_verifier": s.completed.payload["verifier"] if s.completed else None,
        "milestones": [m.slug for m in s.milestones], "missing_milestones": list(s.missing),
        "failing_terms": [{"milestone": m.slug, **term_view(t)} for m in s.milestones for t in m.failing],
        "reasons": s.reasons(), "provenance": source_view(s.fact),
    }


def milestone_view(m: MilestoneStatus) -> dict[str, Any]:
    """Return a milestone: its condition term by term, its standard, verification and evidence."""
    p = m.fact.payload
    verification = m.verification
    return {
        "milestone": m.slug, "title": m.title, "condition": p["condition"], "phase": p.get("phase"),
        "standard": p.get("standard"), "due": p.get("due"), "overdue": m.overdue,
        "condition_holds": m.condition_holds, "needs_verification": m.needs_verification, "verified": m.verified,
        "met": m.met, "terms": [term_view(t) for t in m.evaluation.terms], "reasons": m.reasons(),
        "verification": None if verification is None else {
            "verdict": verification.payload["verdict"], "verifier": verification.payload["verifier"],
            "evidence": [dict(e) for e in verification.payload["evidence"]], "note": verification.payload.get("note"),
            "valid_from": verification.valid_from.isoformat(), "provenance": source_view(verification)},
        "provenance": source_view(m.fact),
    }


def term_view(t: Term) -> dict[str, Any]:
    """Return one comparison: text, values (null when unknown), holds, shortfall and its words."""
    return {"text": t.text, "op": t.op, "left": _num(t.left), "right": _num(t.right), "holds": t.holds,
            "shortfall": _num(t.shortfall), "metrics": [{"metric": n, "value": _num(v)} for n, v in t.metrics],
            "explanation": explain(t)}


def _num(value: float) -> float | None:
    return None if math.isnan(value) else value


def gate_forecasts(pictures: Pictures, settings: Settings, *, as_of: date, known_at: datetime | None,
                   runs: int, seed: int) -> dict[str, Any]:
    """Return, for each pending stage, when its force-strength terms may be met: the probability by
    checkpoints and the dates reached with 10/50/90% probability, from the build-up forecast.

    The forecast is of the whole force; a term about one sector needs at least that many troops in
    the whole force, so for sector terms the dates are the earliest possible (marked `lower_bound`).
    Terms on anything else (weapons, police, incidents) are counted, not forecast. Probabilities are
    conditioned on the stage still pending on `as_of`. Dates are month-ends after authorization; a
    null date is beyond the 24-month horizon.
    """
    made = forecasts.forecast_scenario(pictures, settings, as_of=as_of, known_at=known_at, runs=runs, seed=seed)
    result = made.result
    start = result.inputs.authorized
    g = gates_picture(pictures, as_of=as_of, known_at=known_at)
    stages = []
    for stage in g.stages:
        if stage.completed is not None:
            continue
        terms, others = [], 0
        for milestone in stage.milestones:
            found, rest = strength_terms(milestone)
            terms += found
            others += rest
        entry: dict[str, Any] = {
            "stage": stage.subject, "order": stage.order, "title": stage.fact.payload["title"],
            "strength_terms": [{"milestone": t.milestone, "text": t.text, "sector": t.sector, "troops": t.troops}
                               for t in terms],
            "other_terms": others, "troops_needed": None, "lower_bound": any(t.sector for t in terms),
            "probability_by": {}, "p10_date": None, "p50_date": None, "p90_date": None,
        }
        if terms:
            need = max(t.troops for t in terms)
            dates = [start + timedelta(days=int(d)) for d in result.days]
            probs = result.probability_by(need)
            # Known not reached by `as_of` (the stage is pending): condition on that. Running maxima are
            # nested events, so P(reached by d | not by t0) = (P(d) - P(t0)) / (1 - P(t0)).
            past = [k for k, d in enumerate(dates) if d <= as_of]
            k0 = past[-1] if past else -1
            p0 = float(probs[k0]) if k0 >= 0 else 0.0
            cond = [(float(probs[k]) - p0) / (1 - p0) if p0 < 1 else 0.0 for k in range(len(dates))]
            ahead = range(k0 + 1, len(dates))
            entry.update(
                troops_needed=need,
                probability_by={dates[k].isoformat(): round(cond[k], 3) for k in ahead
                                if k in (3, 6, 9, 12, 18, 24) or k == k0 + 1},
                **{f"p{round(q * 100)}_date": next((dates[k].isoformat() for k in ahead if cond[k] >= q), None)
                   for q in (0.1, 0.5, 0.9)},
            )
        stages.append(entry)
    return {"as_of": as_of.isoformat(), "seed": result.seed, "runs": result.runs, "method": result.method,
            "authorized": start.isoformat(), "ledger_seq": made.ledger_head[0],
            "ledger_hash": made.ledger_head[1],
            "stages": stages}
