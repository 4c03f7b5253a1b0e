"""Plain-JSON views of the picture, shared by the CLI's --json output and (later) the API.

Contributors appear by ISO 3166 alpha-3 code; every figure carries the facts and sources behind it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from stabforce.engines.forcegen import ContributorLine, ForceGeneration, PledgeFigures, PledgeLine
from stabforce.ledger import Fact
from stabforce.model import Conflict, Snapshot
from stabforce.services import says


def source_view(fact: Fact) -> dict[str, Any]:
    """Return a fact's provenance: id, source, attribution, date, grade and quote."""
    return {
        "fact": fact.id, "source": fact.source.key, "source_date": fact.source.date.isoformat(),
        "title": fact.source.title, "url": fact.source.url, "attribution": fact.source.attribution,
        "grade": fact.grade, "quote": fact.quote, "paraphrase": fact.source.paraphrase,
    }


def figures_view(f: PledgeFigures) -> dict[str, int | None]:
    """Return low/likely/high."""
    return {"low": f.low, "likely": f.likely, "high": f.high}


def pledge_view(line: PledgeLine) -> dict[str, Any]:
    """Return one pledge group: current claim, standing claims and history."""
    p = line.current.payload
    return {
        "personnel_kind": line.personnel_kind, "phase": line.phase, "disputed": line.disputed,
        "figures": figures_view(line.figures), "personnel": dict(p["personnel"]), "tasks": list(p["tasks"]),
        "caveats": list(p["caveats"]), "lead_time_days": p.get("lead_time_days"),
        "earliest_arrival": p.get("earliest_arrival"), "valid_from": line.current.valid_from.isoformat(),
        **source_view(line.current),
        "claims": [{"personnel": dict(f.payload["personnel"]), "valid_from": f.valid_from.isoformat(),
                    **source_view(f)} for f in line.claims],
        "history": [f.id for f in line.history],
    }


def contributor_view(c: ContributorLine) -> dict[str, Any]:
    """Return a contributor's stance, pledges and figures."""
    return {
        "contributor": c.iso3, "name": c.name, "stance": c.stance, "counted": c.counted,
        "stance_source": source_view(c.stance_fact) if c.stance_fact else None,
        "stance_history": [{"stance": f.payload["stance"], "valid_from": f.valid_from.isoformat(),
                            "conditions": list(f.payload.get("conditions", ())), **source_view(f)}
                           for f in c.stance_history],
        "caveats": sorted(c.caveats), "figures": {k: figures_view(v) for k, v in c.figures.items()},
        "deployed": dict(c.deployed), "pledges": [pledge_view(p) for p in c.pledges],
    }


#: What the three headline levels of pledged personnel mean (every face shows these words).
LEVELS = {
    "firm": "committed contributors' stated figures (a range's lower end; a ceiling adds nothing)",
    "likely": "committed and conditional contributors' stated figures (a range's midpoint; "
              "a ceiling is never likely)",
    "possible": "every counted contributor's most, ceilings ('up to') and contributors only considering included",
}


def gaps_view(fg: ForceGeneration) -> dict[str, Any]:
    """Return totals, personnel gaps and task coverage with the caveat gap."""
    return {
        "totals": {k: {"firm": t.firm, "likely": t.likely, "possible": t.possible, "low": t.low, "high": t.high,
                       "deployed": t.deployed}
                   for k, t in fg.totals.items()},
        "levels": LEVELS,
        "personnel_gaps": [{
            "personnel_kind": g.personnel_kind, "required": g.required, "pledged_firm": g.pledged.firm,
            "pledged_likely": g.pledged.likely, "pledged_possible": g.pledged.possible, "pledged_low": g.pledged.low,
            "pledged_high": g.pledged.high, "gap_best": g.gap_best,
            "gap_likely": g.gap_likely, "gap_worst": g.gap_worst, "requirement": source_view(g.requirement),
        } for g in fg.personnel_gaps],
        "tasks": [{"task": t.task, "uncovered": t.uncovered, "will_do": list(t.will_do), "may_do": list(t.may_do),
                   "refuse": {k: list(v) for k, v in t.refuse.items()}} for t in fg.tasks],
        "caveat_gap": [t.task for t in fg.caveat_gap],
    }


def conflict_view(c: Conflict) -> dict[str, Any]:
    """Return a conflict with every disagreeing fact and its source."""
    prefix, _, name = c.subject.partition(":")
    return {
        "id": c.id, "kind": c.kind, "subject": c.subject,
        "contributor": name if prefix == "contributor" else None, "key": list(c.key),
        "settled": c.settled, "settled_by": c.settled_by.id if c.settled_by else None, "accepted": c.accepted,
        "facts": [{"says": _says(f), "valid_from": f.valid_from.isoformat(), **source_view(f)} for f in c.facts],
    }


def overview_numbers(picture: Any) -> dict[str, Any]:
    """Return the headline numbers of a picture: totals against requirements, gaps, conflicts."""
    fg = picture.forcegen
    return {
        **gaps_view(fg),
        "contributors": len(fg.contributors),
        "counted_contributors": sum(1 for c in fg.contributors if c.counted),
        "open_conflicts": sum(1 for c in picture.snapshot.conflicts if not c.settled),
    }


def known_by(facts: Iterable[Fact], known_at: datetime | None) -> list[Fact]:
    """Return the facts known at `known_at` (`known_from <= known_at`, as the fold keeps; None: all)."""
    return list(facts) if known_at is None else [f for f in facts if f.known_from <= known_at]


def sources_summary(facts: Iterable[Fact], *, known_at: datetime | None = None) -> list[dict[str, Any]]:
    """Return every source key with its title, date, URL and how many facts cite it (of the facts
    known at `known_at`, if given)."""
    found: dict[str, dict[str, Any]] = {}
    for fact in known_by(facts, known_at):
        entry = found.setdefault(fact.source.key, {"key": fact.source.key, "title": fact.source.title,
                                                   "date": fact.source.date, "url": fact.source.url, "facts": 0})
        entry["facts"] += 1
    return sorted(found.values(), key=lambda e: (e["date"], e["key"]))


def snapshot_header(s: Snapshot) -> dict[str, Any]:
    """Return the coordinates of a snapshot: as of, known at, facts known, and the newest fact."""
    return {"as_of": s.as_of.isoformat(), "known_at": s.known_at.isoformat(), "facts_known": s.known_count,
            "newest_fact": newest_view(s)}


def newest_view(s: Snapshot) -> dict[str, Any] | None:
    """Return how old the picture's newest information is: its fact, day and days before `as_of`."""
    fact = s.newest()
    if fact is None:
        return None
    return {"fact": fact.id, "date": fact.valid_from.isoformat(), "days_before_as_of": (s.as_of - fact.valid_from).days}


def stated_quantity(q: Any) -> str:
    """Return a personnel quantity as it was stated: "up to 20,000", "about 1,200", "9,000–15,000"."""
    return says.quantity_words(q)


def describe(fact: Fact) -> str:
    """Return what a fact says, in a few words (per kind; see `services.says`)."""
    return says.describe(fact)


def _says(fact: Fact) -> Any:
    p = fact.payload
    if fact.kind == "pledge":
        return dict(p["personnel"])
    if fact.kind == "zone_control":
        return {"controlled_by": p["controlled_by"], "share_of_territory_pct": p.get("share_of_territory_pct")}
    return dict(p)


def mandate_view(fact: Fact, as_of: date) -> dict[str, Any]:
    """Return the mandate as stated, with the days from `as_of` to its expiry and the report due dates it
    sets (adoption plus each reporting period): the last one by `as_of` and the next."""
    p = fact.payload
    adopted = date.fromisoformat(str(p["adopted"]))
    expires = date.fromisoformat(str(p["expires"])) if p.get("expires") else None
    every = p.get("reporting_every_months")
    due: list[date] = []
    for k in range(1, 100 if every else 0):
        due.append(_add_months(adopted, every * k))
        if due[-1] > as_of:
            break
    past = [d for d in due if d <= as_of]
    return {**p, "fact": fact.id, "days_to_expiry": (expires - as_of).days if expires else None,
            "last_report_due": past[-1].isoformat() if past else None,
            "next_report_due": next((d.isoformat() for d in due if d > as_of), None)}


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
