"""The Palestinian police pipeline: cohorts through recruited → vetted → trained → deployed.

Each cohort's current `police_cohort` fact holds its cumulative counts; a count not reported is
unknown, not zero, and totals say how many cohorts left it unknown.

Throughput is read from each cohort's fact history: a stage's count is the last one reported up to
a day (a later report that leaves it out does not unsay it), and the gain of a month is that count
at the month's end minus at the previous month's end, summed over cohorts (a revision downwards
gives a negative month). Retracted and corrected facts do not count; a fact replaced by a revision
dated after `as_of` counts only while it is still the current one. The recent rate is the gain over
the last `RECENT_MONTHS` months (ending on `as_of`) per month; months to target divide what is
missing by it (none when the rate is not positive).
"""

from __future__ import annotations

import math
from calendar import monthrange
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from stabforce.engines.stood import stood
from stabforce.ledger import Fact
from stabforce.model import Snapshot

STAGES = ("recruited", "vetted", "trained", "deployed", "attrition")
#: Stages measured against the target (attrition is not).
TARGET_STAGES = ("recruited", "vetted", "trained", "deployed")
RECENT_MONTHS = 3
#: Throughput lists at most this many months (the latest).
MAX_MONTHS = 60


@dataclass(frozen=True)
class MonthGain:
    """What the pipeline gained in one month (``YYYY-MM``), per stage, and its cumulative counts at the end."""

    month: str
    end: date
    gained: Mapping[str, int]
    cumulative: Mapping[str, int]


@dataclass(frozen=True)
class Pipeline:
    """Totals per stage over the cohorts, unknowns counted, deployed per sector, and the target."""

    cohorts: tuple[Fact, ...]
    totals: Mapping[str, int]
    unknown: Mapping[str, int]
    deployed_by_sector: Mapping[str, int]
    target: int | None
    target_fact: Fact | None = None
    #: Current police pledges (e.g. a government's plan to train a number of police), by contributor.
    plans: tuple[Fact, ...] = ()
    throughput: tuple[MonthGain, ...] = ()
    recent_rate: Mapping[str, float] = field(default_factory=dict)
    months_to_target: Mapping[str, int | None] = field(default_factory=dict)

    def deployed_in(self, sector: str | None) -> int:
        """Return police deployed in one sector (all sectors if None)."""
        return self.totals["deployed"] if sector is None else self.deployed_by_sector.get(sector, 0)


def police_pipeline(snapshot: Snapshot) -> Pipeline:
    """Return the pipeline on the snapshot's day."""
    groups = snapshot.claims("police_cohort")
    cohorts = tuple(g.current for g in groups if g.current is not None)
    totals = dict.fromkeys(STAGES, 0)
    unknown = dict.fromkeys(STAGES, 0)
    by_sector: dict[str, int] = defaultdict(int)
    for fact in cohorts:
        for stage in STAGES:
            value = fact.payload.get(stage)
            if value is None:
                unknown[stage] += 1
            else:
                totals[stage] += value
        if fact.payload.get("deployed") and fact.payload.get("sector"):
            by_sector[fact.payload["sector"]] += fact.payload["deployed"]
    target_fact = None
    for group in snapshot.claims("requirement"):
        p = group.current.payload if group.current is not None else {}
        if p.get("personnel_kind") == "police" and p.get("quantity") is not None and p.get("phase") is None:
            target_fact = group.current
    target = target_fact.payload["quantity"] if target_fact is not None else None
    plans = tuple(g.current for g in snapshot.claims("pledge")
                  if g.current is not None and g.key[0] == "police")
    timelines = [stood(g, snapshot) for g in groups]
    throughput = monthly_throughput(timelines, until=snapshot.as_of)
    rate = recent_rate(timelines, until=snapshot.as_of)
    to_target = {s: months_to_target(target, totals[s], rate[s]) for s in TARGET_STAGES}
    return Pipeline(cohorts, totals, unknown, dict(by_sector), target, target_fact, plans, throughput, rate, to_target)


def count_on(timeline: Sequence[Fact], stage: str, day: date) -> int:
    """Return a cohort's count of a stage on a day: the last one reported by then (0 if none)."""
    value = 0
    for fact in timeline:
        if fact.valid_from > day:
            break
        if fact.payload.get(stage) is not None:
            value = fact.payload[stage]
    return value


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def _months_back(day: date, months: int) -> date:
    """Return the same day `months` earlier (clamped to the month's length; date.min before year 1)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    if year < 1:
        return date.min
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def monthly_throughput(timelines: Sequence[Sequence[Fact]], *, until: date,
                       most: int = MAX_MONTHS) -> tuple[MonthGain, ...]:
    """Return the gain per stage in each month from the first cohort report to `until`'s month (the last `most`)."""
    starts = [t[0].valid_from for t in timelines if t]
    if not starts or min(starts) > until:
        return ()
    first = max(min(starts).replace(day=1), _months_back(until.replace(day=1), most - 1))
    before = first - timedelta(days=1) if first > date.min else None
    previous = {s: sum(count_on(t, s, before) for t in timelines) if before else 0 for s in STAGES}
    out: list[MonthGain] = []
    year, month = first.year, first.month
    while (year, month) <= (until.year, until.month):
        end = min(_month_end(year, month), until)
        cumulative = {s: sum(count_on(t, s, end) for t in timelines) for s in STAGES}
        out.append(MonthGain(f"{year:04d}-{month:02d}", end, {s: cumulative[s] - previous[s] for s in STAGES},
                             cumulative))
        previous = cumulative
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def recent_rate(timelines: Sequence[Sequence[Fact]], *, until: date, months: int = RECENT_MONTHS) -> dict[str, float]:
    """Return the gain per month of each stage over the `months` months ending on `until`."""
    start = _months_back(until, months)
    return {s: sum(count_on(t, s, until) - count_on(t, s, start) for t in timelines) / months for s in STAGES}


def months_to_target(target: int | None, reached: int, rate: float) -> int | None:
    """Return whole months until `reached` meets `target` at `rate` per month (0 if met; None if never)."""
    if target is None:
        return None
    if reached >= target:
        return 0
    if rate <= 0:
        return None
    return math.ceil((target - reached) / rate)
