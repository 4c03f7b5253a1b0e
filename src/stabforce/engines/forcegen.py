"""Force generation: who pledged what, how firm, the totals, and the gaps against requirements.

Numbers from a pledge (`PledgeFigures`):

* low  — the stated floor; 0 for a ceiling ("up to 20,000") or for words with no number;
* high — the stated ceiling; the floor when only a floor was given ("10,000 or more");
* likely — the stated figure: the value of an exact or approximate figure, the midpoint of a range,
  the floor of "N or more". A ceiling is never likely: "up to 20,000" has no likely figure (None),
  nor have words with no number ("a much smaller force").

Where sources disagree about the same pledge, the range spans them all (low is the lowest low, high
the highest high) and likely is the (lower) median of their figures, so one outlying report neither
sets nor escapes the estimate; when the latest report gives only words ("a much smaller force")
likely is unknown. A conflict settled by accepting one fact counts only that fact. Across phases the whole-force figure
is used; a phase figure ("about 1,200 initially") raises the floor, since the force holds its first
phase. Contributors whose current stance is declined or withdrawn do not count toward totals.

Totals (`Totals`), three levels, each within the next:

* firm — contributors whose current stance is committed: their stated floor (an exact figure whole,
  a range's lower end; a ceiling or words add nothing);
* likely — contributors committed or conditional: their likely figure (a ceiling adds only its floor,
  i.e. what a phase figure states);
* possible (= high) — every counted contributor, considering and interested ones and those with no
  stance recorded included: the most they said (a ceiling, else the stated figure).

`low` is the stated floor of every counted contributor. Gaps: best = requirement − possible,
likely = requirement − likely, worst = requirement − firm, never negative.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from stabforce.ledger import Fact
from stabforce.ledger.vocab import ACTIVE_STANCES, CAVEAT_EXCLUDES, Caveat, Stance, Task, country_name
from stabforce.model import Claims, Snapshot

MISSION = "mission:gaza-isf"


@dataclass(frozen=True, slots=True)
class PledgeFigures:
    """Low, likely and high personnel of one claim or a set of claims."""

    low: int
    likely: int | None
    high: int | None

    @classmethod
    def of(cls, personnel: Mapping[str, Any]) -> PledgeFigures:
        """Read the figures of a pledge's personnel quantity."""
        low, high = personnel.get("low"), personnel.get("high")
        if low is None and high is None:
            return cls(0, None, None)
        if low is None:  # a ceiling: "up to" is never a likely figure
            return cls(0, None, high)
        if high is None:
            return cls(low, low, low)
        return cls(low, (low + high) // 2, high)


@dataclass(frozen=True, slots=True)
class PledgeLine:
    """One pledge group of a contributor (a personnel kind and phase) with its figures."""

    personnel_kind: str
    phase: str | None
    current: Fact
    claims: tuple[Fact, ...]
    history: tuple[Fact, ...]
    figures: PledgeFigures
    disputed: bool


@dataclass(frozen=True, slots=True)
class ContributorLine:
    """A contributor: current stance with its history, pledges, figures per personnel kind."""

    iso3: str
    name: str
    stance: str | None
    stance_fact: Fact | None
    stance_history: tuple[Fact, ...]
    pledges: tuple[PledgeLine, ...]
    figures: Mapping[str, PledgeFigures]
    caveats: frozenset[str]
    deployed: Mapping[str, int]
    counted: bool


@dataclass(frozen=True, slots=True)
class Totals:
    """Totals of one personnel kind: firm <= likely <= possible (see the module's docstring)."""

    personnel_kind: str
    low: int
    likely: int
    high: int
    firm: int
    #: troops on the ground (arrivals less departures); None when no unit move of this kind is recorded
    deployed: int | None

    @property
    def possible(self) -> int:
        """Return the most the counted contributors said they might send (ceilings included)."""
        return self.high


@dataclass(frozen=True, slots=True)
class PersonnelGap:
    """A personnel requirement against what is pledged; gaps are never negative."""

    personnel_kind: str
    required: int
    requirement: Fact
    pledged: Totals
    gap_best: int
    gap_likely: int
    gap_worst: int


@dataclass(frozen=True, slots=True)
class TaskCoverage:
    """Who will, may or will not do a required task. `uncovered` when nobody will."""

    task: str
    will_do: tuple[str, ...]
    may_do: tuple[str, ...]
    refuse: Mapping[str, tuple[str, ...]]

    @property
    def uncovered(self) -> bool:
        """Return whether no counted contributor has pledged the task without a caveat against it."""
        return not self.will_do


@dataclass(frozen=True, slots=True)
class ForceGeneration:
    """The force-generation picture of a snapshot."""

    contributors: tuple[ContributorLine, ...]
    totals: Mapping[str, Totals]
    personnel_gaps: tuple[PersonnelGap, ...]
    tasks: tuple[TaskCoverage, ...]

    @property
    def caveat_gap(self) -> tuple[TaskCoverage, ...]:
        """Return the required tasks that no pledged contingent will do."""
        return tuple(t for t in self.tasks if t.uncovered)


def force_generation(snapshot: Snapshot, *, mission: str = MISSION) -> ForceGeneration:
    """Compute contributors, totals, personnel gaps and task coverage from a snapshot.

    Parameters
    ----------
    snapshot:
        The folded ledger.
    mission:
        The mission subject whose requirements and mandated tasks are measured.
    """
    subjects = sorted(set(snapshot.subjects("contributor")) | set(snapshot.deployed))
    contributors = tuple(_contributor(snapshot, s) for s in subjects)
    totals = _totals(contributors)
    gaps, required_tasks = _requirements(snapshot, mission, totals)
    tasks = tuple(_coverage(task, contributors) for task in required_tasks)
    return ForceGeneration(contributors, totals, gaps, tasks)


def _contributor(snapshot: Snapshot, subject: str) -> ContributorLine:
    iso3 = subject.partition(":")[2]
    stance_group = snapshot.groups.get(("stance", subject, ()))
    stance_fact = stance_group.current if stance_group else None
    stance = stance_fact.payload["stance"] if stance_fact else None
    about = snapshot.conflicts_about(subject)
    disputed = {(c.kind, c.key) for c in about if not c.settled}
    accepted = {(c.kind, c.key) for c in about if c.accepted}
    pledges = tuple(_pledge_line(g, ("pledge", g.key) in disputed, ("pledge", g.key) in accepted)
                    for g in snapshot.claims("pledge", subject) if g.current is not None)
    caveats = {c for p in pledges for c in p.current.payload["caveats"]}
    if stance_fact:
        caveats |= set(stance_fact.payload.get("caveats", ()))
    return ContributorLine(
        iso3=iso3, name=country_name(iso3) or iso3, stance=stance, stance_fact=stance_fact,
        stance_history=stance_group.history if stance_group else (), pledges=pledges,
        figures=_contributor_figures(pledges), caveats=frozenset(caveats),
        deployed=dict(snapshot.deployed.get(subject, {})),
        counted=stance is None or Stance(stance) in ACTIVE_STANCES,
    )


def _pledge_line(group: Claims, disputed: bool, accepted: bool) -> PledgeLine:
    assert group.current is not None
    claims = (group.current,) if accepted or not group.live else group.live
    figures = [PledgeFigures.of(f.payload["personnel"]) for f in claims]
    current = PledgeFigures.of(group.current.payload["personnel"])
    highs = [f.high for f in figures if f.high is not None]
    lows = [f.low for f in figures if f.high is not None] or [0]
    numeric = sorted(f.likely for f in figures if f.likely is not None)
    if current.likely is None:
        likely: int | None = None if disputed or not numeric else numeric[-1]
    elif disputed:
        likely = numeric[(len(numeric) - 1) // 2]  # the (lower) median of the disputed figures
    else:
        likely = current.likely
    combined = PledgeFigures(min(lows), likely, max(highs) if highs else None)
    personnel_kind, phase = group.key
    return PledgeLine(personnel_kind, phase, group.current, claims, group.history, combined, disputed)


def _contributor_figures(pledges: tuple[PledgeLine, ...]) -> dict[str, PledgeFigures]:
    by_kind: dict[str, list[PledgeLine]] = defaultdict(list)
    for line in pledges:
        by_kind[line.personnel_kind].append(line)
    result = {}
    for kind, lines in by_kind.items():
        whole = next((ln.figures for ln in lines if ln.phase is None), None)
        phases = [ln.figures for ln in lines if ln.phase is not None]
        low = max([f.low for f in phases] + [whole.low if whole else 0])
        highs = [f.high for f in phases + ([whole] if whole else []) if f.high is not None]
        phase_likely = max((f.likely for f in phases if f.likely is not None), default=None)
        likely = whole.likely if whole and whole.likely is not None else phase_likely
        high = max(highs) if highs else None
        if likely is not None:
            likely = max(likely, low)
        result[kind] = PledgeFigures(low, likely, max(high, low) if high is not None else None)
    return result


#: Stances whose stated figures are likely to come (the others only possible).
LIKELY_STANCES = frozenset({Stance.COMMITTED, Stance.CONDITIONAL})


def _totals(contributors: tuple[ContributorLine, ...]) -> dict[str, Totals]:
    sums: dict[str, list[Any]] = defaultdict(lambda: [0, 0, 0, 0, None])
    for c in contributors:
        for kind, n in c.deployed.items():
            sums[kind][4] = (sums[kind][4] or 0) + n
        if not c.counted:
            continue
        for kind, f in c.figures.items():
            row = sums[kind]
            row[0] += f.low
            likely = f.likely if f.likely is not None else f.low
            if c.stance in LIKELY_STANCES:
                row[1] += likely
            row[2] += max(f.high if f.high is not None else 0, likely)
            if c.stance == Stance.COMMITTED:
                row[3] += f.low
    return {k: Totals(k, *v) for k, v in sorted(sums.items())}


def _requirements(
    snapshot: Snapshot, mission: str, totals: Mapping[str, Totals],
) -> tuple[tuple[PersonnelGap, ...], list[str]]:
    gaps: list[PersonnelGap] = []
    tasks: list[str] = []
    mandate = snapshot.current("mission_authorized", mission)
    if mandate is not None:
        tasks.extend(mandate.payload["tasks"])
    for group in snapshot.claims("requirement", mission):
        fact = group.current
        if fact is None:
            continue
        p = fact.payload
        if p.get("task") and p["task"] not in tasks:
            tasks.append(p["task"])
        if p.get("personnel_kind") and p.get("quantity") is not None and p.get("phase") is None:
            kind, need = p["personnel_kind"], p["quantity"]
            have = totals.get(kind, Totals(kind, 0, 0, 0, 0, None))
            gaps.append(PersonnelGap(kind, need, fact, have, max(0, need - have.possible),
                                     max(0, need - have.likely), max(0, need - have.firm)))
    return tuple(gaps), tasks


def _coverage(task: str, contributors: tuple[ContributorLine, ...]) -> TaskCoverage:
    will, may, refuse = [], [], {}
    for c in contributors:
        if not c.counted:
            continue
        blocking = tuple(sorted(cv for cv in c.caveats if Task(task) in CAVEAT_EXCLUDES[Caveat(cv)]))
        if blocking:
            refuse[c.iso3] = blocking
            continue
        offered = {t for p in c.pledges for t in p.current.payload["tasks"]}
        if task in offered:
            will.append(c.iso3)
        elif c.pledges and not offered:
            may.append(c.iso3)
    return TaskCoverage(task, tuple(will), tuple(may), refuse)
