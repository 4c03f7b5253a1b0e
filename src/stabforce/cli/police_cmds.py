"""Commands that show the Palestinian police pipeline and the civilian sites."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from stabforce.cli.common import (
    AS_OF,
    KNOWN_AT,
    console,
    coordinates,
    handle_errors,
    pictures,
    print_json,
    status,
)
from stabforce.engines.police import STAGES, TARGET_STAGES
from stabforce.ledger.vocab import SECTORS
from stabforce.services import police as police_service

JSON = typer.Option(False, "--json", help="Print JSON (unknown counts as null).")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    for command in (police, sites):
        app.command()(command)


@handle_errors
def police(ctx: typer.Context, as_of: str = AS_OF, known_at: str = KNOWN_AT, json_out: bool = JSON) -> None:
    """The Palestinian police pipeline: stages against the target, throughput per month, cohorts with sources."""
    day, known = coordinates(as_of, known_at)
    with status("Folding the ledger"):
        snapshot, pipeline = police_service.pipeline(pictures(ctx), as_of=day, known_at=known)
        view = police_service.police_view(snapshot, pipeline)
    if json_out:
        print_json(view)
        return
    _header(view)
    stages = Table("stage", "reported", "unknown in", "rate / month (3 months)", "months to target",
                   title=f"Pipeline against the target: {_n(view['target'])} police"
                         + (f" ({view['target_source']['source']})" if view["target_source"] else ""))
    for s in view["stages"]:
        total = "unknown" if s["unknown_cohorts"] and not s["facts"] else f"{s['total']:,}"
        m = view["months_to_target"].get(s["stage"])
        to_target = "—" if s["stage"] not in TARGET_STAGES else (
            "not at this rate" if m is None else "reached" if m == 0 else f"about {m}")
        stages.add_row(s["stage"], total, f"{s['unknown_cohorts']} cohort(s)" if s["unknown_cohorts"] else "—",
                       f"{view['recent_rate'][s['stage']]:,.0f}", to_target)
    console.print(stages)
    if view["throughput"]:
        months = Table("month", *TARGET_STAGES, title="Gained per month (reported counts)")
        for m in view["throughput"]:
            months.add_row(m["month"], *(f"{m['gained'][s]:,}" for s in TARGET_STAGES))
        console.print(months)
    cohorts = Table("cohort", *STAGES, "trained at / course", "sector", "source", "grade", show_lines=True,
                    title="Cohorts (unknown = not reported)")
    for c in view["cohorts"]:
        cohorts.add_row(c["cohort"] + (" (approx.)" if c["approx"] else ""), *(_count(c[s]) for s in STAGES),
                        " · ".join(x for x in (c["trained_at"], c["course"]) if x),
                        SECTORS.get(c["sector"], c["sector"]) if c["sector"] else "—", _src(c), c["grade"])
    console.print(cohorts if view["cohorts"] else "No police cohort reported by this day.")
    if view["plans"]:
        plans = Table("contributor", "police", "source", "grade", title="Stated plans to train or provide police")
        for p in view["plans"]:
            said = f"{p['low']:,}" if p["low"] is not None and p["low"] == p["high"] else (
                f'"{p["text"]}"' if p["low"] is None and p["high"] is None else f"{_n(p['low'])}–{_n(p['high'])}")
            plans.add_row(f"{p['name']} ({p['contributor']})", said, _src(p), p["grade"])
        console.print(plans)


@handle_errors
def sites(ctx: typer.Context, as_of: str = AS_OF, known_at: str = KNOWN_AT, json_out: bool = JSON) -> None:
    """The civilian sites: status, services, capacity, residents, protecting contingent and sources."""
    day, known = coordinates(as_of, known_at)
    with status("Folding the ledger"):
        snapshot, found = police_service.sites(pictures(ctx), as_of=day, known_at=known)
        view = police_service.sites_view(snapshot, found)
    if json_out:
        print_json(view)
        return
    _header(view)
    by_status = ", ".join(f"{k} {v}" for k, v in view["by_status"].items()) or "none"
    console.print(f"Sites by status: {by_status}. Residents in open sites: {view['residents_open']:,} "
                  f"(capacity {view['capacity_open']:,}).")
    table = Table("site", "status", "services", "capacity", "residents", "protecting contingent", "place", "source",
                  "grade", show_lines=True)
    for s in view["sites"]:
        capacity = "unknown" if s["capacity"] is None else (
            ("about " if s["approx"] else "") + f"{s['capacity']:,}" + (f"–{s['capacity_high']:,}" if s["capacity_high"] else ""))
        place = "not reported" if s["place"] is None else (
            f"{s['place'].get('name') or ''} ({s['place']['lat']}, {s['place']['lon']}; precision {s['place']['precision']})")
        table.add_row(f"{s['name']} ({s['site']})", s["status"], ", ".join(s["services"]) or "—", capacity,
                      _count(s["residents"]), s["protecting_contingent_name"] or s["protecting_contingent"] or "none reported",
                      place, _src(s), s["grade"])
    console.print(table if view["sites"] else "No civilian site reported by this day.")


def _header(view: dict[str, Any]) -> None:
    console.print(f"[bold]As of {view['as_of']}[/], as known at {view['known_at'][:16].replace('T', ' ')} UTC "
                  f"({view['facts_known']} facts known)")


def _src(v: dict[str, Any]) -> str:
    who = f", {v['attribution']}" if v.get("attribution") else ""
    return f"{v['source']} ({v['source_date']}{who}) [{v['fact']}]"


def _count(value: int | None) -> str:
    return "unknown" if value is None else f"{value:,}"


def _n(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"
