"""The gates engine: for each milestone and withdrawal stage, met or not, which terms fail and by
how much, and what evidence supports the met ones.

A **milestone** is met on a day when its condition holds on the snapshot *and*, if it names a
standard (a verifier), the latest `milestone_verified` fact for it says "met". A **stage** is met
when it has gating milestones and every one of them is met; a stage with none recorded is not met
(nothing says what would let it go ahead). A stage is *completed* once a `stage_completed` fact
says so, whatever its gates show.

Metric values come from the other engines through `MetricContext`, one per snapshot, each engine
run at most once. A metric the ledger cannot give (no zone-control report, say) is NaN: its terms
neither hold nor fail by a number, and say "unknown".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from stabforce.engines.forcegen import force_generation
from stabforce.engines.incidents import count_recent, days_without, incidents_of
from stabforce.engines.police import Pipeline, police_pipeline
from stabforce.engines.registry import InfraItem, Registry, infra_count, infrastructure, registry_of
from stabforce.engines.sites import SitesPicture, civilian_sites
from stabforce.ledger import Fact
from stabforce.ledger.conditions import (
    Compare,
    Evaluation,
    Logic,
    Metric,
    Number,
    Term,
    evaluate,
    parse_condition,
)
from stabforce.model import Snapshot

UNKNOWN = float("nan")


class MetricContext:
    """Resolves metric calls against one snapshot, computing each engine's picture once."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._resolvers: dict[str, Callable[[Metric], float]] = {
            "isf.strength": lambda m: self._strength(m.arg("sector")),
            "isf.pledged": lambda m: float(self.pledged),
            "idf.share": lambda m: self._idf_share(),
            "infra.identified": lambda m: infra_count(self.infra, "identified", m.arg("type")),
            "infra.neutralized": lambda m: infra_count(self.infra, "neutralized", m.arg("type")),
            "infra.overdue": lambda m: sum(1 for i in self.infra if i.overdue),
            "police.deployed": lambda m: self._police("deployed", m.arg("sector")),
            "sites.open": lambda m: self.sites.by_status.get("open", 0),
            "sites.residents": lambda m: self.sites.residents_open,
            "days_without": lambda m: days_without(incidents_of(snapshot, m.arg("incident")), snapshot.as_of,
                                                   self.since),
            "incidents": lambda m: count_recent(incidents_of(snapshot, m.arg("incident", "any")), snapshot.as_of,
                                                int(m.arg("days", 30))),
        }
        for state in ("declared", "collected", "stored", "decommissioned", "destroyed"):
            self._resolvers[f"registry.{state}"] = lambda m, s=state: self.registry.reached(s, m.arg("category"))
        for stage in ("recruited", "vetted", "trained", "attrition"):
            self._resolvers[f"police.{stage}"] = lambda m, s=stage: self._police(s, None)

    def __call__(self, metric: Metric) -> float:
        """Return the value of one metric call."""
        return float(self._resolvers[metric.name](metric))

    def _police(self, stage: str, sector: str | None) -> float:
        """A police stage's total (in a sector): unknown when no cohort reported the stage, as on the
        Police page, never 0."""
        p = self.police
        if len(p.cohorts) - p.unknown[stage] == 0:
            return UNKNOWN
        return float(p.totals[stage] if sector is None else p.deployed_by_sector.get(sector, 0))

    @cached_property
    def registry(self) -> Registry:
        """The decommissioning registry on the day."""
        return registry_of(self.snapshot)

    @cached_property
    def infra(self) -> list[InfraItem]:
        """Infrastructure items on the day."""
        return infrastructure(self.snapshot)

    @cached_property
    def police(self) -> Pipeline:
        """The police pipeline on the day."""
        return police_pipeline(self.snapshot)

    @cached_property
    def sites(self) -> SitesPicture:
        """Civilian sites on the day."""
        return civilian_sites(self.snapshot)

    @cached_property
    def pledged(self) -> int:
        """Troops pledged by counted contributors (likely figures)."""
        troops = force_generation(self.snapshot).totals.get("troops")
        return troops.likely if troops is not None else 0

    @cached_property
    def troops_arrived(self) -> bool:
        """Whether any troop arrival is recorded by the day (else ISF strength is unknown, not 0)."""
        return any(f.payload.get("personnel_kind", "troops") == "troops" for f in self.snapshot.events_of("unit_arrived"))

    @cached_property
    def since(self) -> date:
        """The day quiet periods count from when no incident is recorded: the mandate's adoption."""
        adopted = [_day(c.current.payload["adopted"]) for c in self.snapshot.claims("mission_authorized") if c.current]
        return min(adopted, default=self.snapshot.as_of)

    def _strength(self, sector: str | None) -> float:
        """Troops on the ground (in a sector): unknown when no troop arrival is recorded at all, as in the force
        generation picture and the forecast, never 0."""
        if not self.troops_arrived:
            return UNKNOWN
        if sector is None:
            return float(sum(v.get("troops", 0) for v in self.snapshot.deployed.values()))
        total = 0
        for kind, sign in (("unit_arrived", 1), ("unit_departed", -1)):
            for fact in self.snapshot.events_of(kind):
                if fact.payload.get("sector") == sector and fact.payload.get("personnel_kind", "troops") == "troops":
                    total += sign * fact.payload["personnel"]
        return float(total)

    def _idf_share(self) -> float:
        fact = self.snapshot.current("zone_control", "zone:idf-held")
        if fact is None or fact.payload.get("share_of_territory_pct") is None:
            return UNKNOWN
        return float(fact.payload["share_of_territory_pct"])


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


@dataclass(frozen=True)
class MilestoneStatus:
    """One milestone on the day: its condition's terms, its verification, and whether it is met."""

    subject: str
    fact: Fact
    evaluation: Evaluation
    verification: Fact | None
    overdue: bool

    @property
    def slug(self) -> str:
        """Return the milestone's name (the subject without its prefix)."""
        return self.subject.partition(":")[2]

    @property
    def title(self) -> str:
        """Return the milestone's title."""
        return str(self.fact.payload["title"])

    @property
    def needs_verification(self) -> bool:
        """Return whether a standard names who must verify it."""
        return self.fact.payload.get("standard") is not None

    @property
    def verified(self) -> bool:
        """Return whether the latest verification says met."""
        return self.verification is not None and self.verification.payload["verdict"] == "met"

    @property
    def condition_holds(self) -> bool:
        """Return whether the condition holds on the snapshot."""
        return self.evaluation.holds

    @property
    def met(self) -> bool:
        """Return whether the condition holds and, where a standard asks for it, a verifier said met."""
        return self.evaluation.holds and (self.verified or not self.needs_verification)

    @property
    def failing(self) -> tuple[Term, ...]:
        """Return the terms that do not hold."""
        return self.evaluation.failing

    def reasons(self) -> list[str]:
        """Return, in words, why the milestone is not met (empty when it is)."""
        if self.met:
            return []
        out = [explain(t) for t in self.failing]
        if self.evaluation.holds and self.needs_verification:
            verifier = self.fact.payload["standard"]["verifier"]
            out.append(f"condition holds but is not yet verified as met by {verifier}"
                       if self.verification is None else
                       f"{self.verification.payload['verifier']} found it not met on {self.verification.valid_from}")
        if not out:
            out.append("the condition does not hold")
        return out


@dataclass(frozen=True)
class StageStatus:
    """One withdrawal stage on the day."""

    subject: str
    fact: Fact
    milestones: tuple[MilestoneStatus, ...]
    missing: tuple[str, ...]
    completed: Fact | None

    @property
    def order(self) -> int:
        """Return the stage's place in the sequence."""
        return int(self.fact.payload["order"])

    @property
    def met(self) -> bool:
        """Return whether the stage has gating milestones and all are met."""
        return bool(self.milestones) and not self.missing and all(m.met for m in self.milestones)

    def reasons(self) -> list[str]:
        """Return why the stage is not met, milestone by milestone."""
        if self.met:
            return []
        out = [f"no milestone {slug!r} is recorded" for slug in self.missing]
        if not self.milestones and not self.missing:
            out.append("no gating milestones are recorded for this stage")
        for m in self.milestones:
            out.extend(f"{m.slug}: {r}" for r in m.reasons())
        return out


@dataclass(frozen=True)
class GatesPicture:
    """Phases, milestones and stages on one day."""

    snapshot: Snapshot
    phases: tuple[Fact, ...]
    milestones: tuple[MilestoneStatus, ...]
    stages: tuple[StageStatus, ...]
    metrics: MetricContext = field(repr=False)

    def next_stage(self) -> StageStatus | None:
        """Return the first stage not yet completed."""
        return next((s for s in self.stages if s.completed is None), None)


def gates(snapshot: Snapshot) -> GatesPicture:
    """Evaluate every milestone and stage on the snapshot's day."""
    context = MetricContext(snapshot)
    milestones = {}
    for fact in snapshot.states("milestone"):
        condition = parse_condition(fact.payload["condition"])
        due = fact.payload.get("due")
        verification = snapshot.current("milestone_verified", fact.subject)
        status = MilestoneStatus(fact.subject, fact, evaluate(condition, context), verification, False)
        if due is not None and not status.met and _day(due) < snapshot.as_of:
            status = MilestoneStatus(fact.subject, fact, status.evaluation, verification, True)
        milestones[fact.subject] = status
    stages = []
    for fact in snapshot.states("withdrawal_stage"):
        slugs = fact.payload.get("milestones", [])
        gating = tuple(milestones[f"milestone:{s}"] for s in slugs if f"milestone:{s}" in milestones)
        missing = tuple(s for s in slugs if f"milestone:{s}" not in milestones)
        stages.append(StageStatus(fact.subject, fact, gating, missing, snapshot.current("stage_completed", fact.subject)))
    stages.sort(key=lambda s: (s.order, s.subject))
    phases = tuple(g.current for g in snapshot.claims("phase") if g.current is not None)
    return GatesPicture(snapshot, phases, tuple(milestones.values()), tuple(stages), context)


def explain(term: Term) -> str:
    """Return a term in words: whether it holds, its values, and by how much it fails."""
    values = ", ".join(f"{name} = {_fmt(v)}" for name, v in term.metrics)
    if math.isnan(term.left) or math.isnan(term.right):
        return f"{term.text} is unknown ({values or 'no value'})"
    simple = len(term.metrics) == 1 and term.metrics[0][0] == term.text.split(term.op)[0].strip()
    seen = f"it is {_fmt(term.left)}" if simple else f"{_fmt(term.left)} {term.op} {_fmt(term.right)} ({values})"
    if term.holds:
        return f"{term.text} holds: {seen}"
    return f"{term.text} fails: {seen}, short by {_fmt(term.shortfall)}"


def _fmt(value: float) -> str:
    if math.isnan(value):
        return "unknown"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


@dataclass(frozen=True)
class StrengthTerm:
    """A comparison of ISF strength against a fixed number: what a build-up forecast can date."""

    milestone: str
    text: str
    sector: str | None
    troops: int


def strength_terms(milestone: MilestoneStatus) -> tuple[list[StrengthTerm], int]:
    """Return a milestone's `isf.strength(...) >= N` / `> N` terms that must all hold (joined by
    `and` at the top) and how many other terms it has."""
    condition = parse_condition(milestone.fact.payload["condition"])
    found: list[StrengthTerm] = []
    compares: list[Compare] = []
    others = _compares(condition.tree, compares)
    for node in compares:
        left, right = node.left, node.right
        if isinstance(left, Metric) and left.name == "isf.strength" and isinstance(right, Number) and node.op in (">=", ">"):
            need = right.value if node.op == ">=" else math.floor(right.value) + 1
            found.append(StrengthTerm(milestone.slug, condition.source(node), left.arg("sector"), math.ceil(need)))
    return found, others + len(compares) - len(found)


def _compares(node: object, out: list[Compare]) -> int:
    """Collect the comparisons joined by `and` from the top; return how many sit under or/not."""
    if isinstance(node, Compare):
        out.append(node)
        return 0
    if isinstance(node, Logic) and node.op == "and":
        return sum(_compares(item, out) for item in node.items)
    return _count(node)


def _count(node: object) -> int:
    if isinstance(node, Compare):
        return 1
    return sum(_count(item) for item in getattr(node, "items", ()))
