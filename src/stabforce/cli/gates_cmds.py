"""`stabforce gates`: each withdrawal stage and its milestones, met or not, term by term; and
`stabforce check-condition` to try a milestone condition before recording it."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Group
from rich.panel import Panel

from stabforce.cli.common import (
    console,
    coordinates,
    handle_errors,
    pictures,
    print_json,
    settings,
    status,
)
from stabforce.services import gates as gates_service

AS_OF = typer.Option(None, "--as-of", help="The day to judge (default today).")
KNOWN_AT = typer.Option(None, "--known-at", help="Judge by what was known then (default now).")
JSON = typer.Option(False, "--json", help="Print JSON: each stage with met (bool) and its failing terms.")
FORECAST = typer.Option(False, "--forecast", help="Also date each pending stage's force-strength terms "
                                                  "from the build-up forecast.")
SEED = typer.Option(2803, "--seed", help="Seed of the forecast (with --forecast).")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(gates)
    app.command("check-condition")(check_condition)


@handle_errors
def gates(ctx: typer.Context, as_of: str = AS_OF, known_at: str = KNOWN_AT, json_out: bool = JSON,
          forecast: bool = FORECAST, seed: int = SEED) -> None:
    """Withdrawal stages and milestones on a day: met or not, and why, term by term."""
    day, at = coordinates(as_of, known_at)
    with status("Evaluating the gates"):
        view = gates_service.gates_view(gates_service.gates_picture(pictures(ctx), as_of=day, known_at=at))
    if forecast:
        with status("Forecasting the build-up"):
            view["forecast"] = gates_service.gate_forecasts(pictures(ctx), settings(ctx), as_of=day, known_at=at,
                                                            runs=settings(ctx).forecast_runs, seed=seed)
    if json_out:
        print_json(view)
        return
    known = "everything recorded" if known_at is None else f"as known at {view['known_at']}"
    console.print(f"[bold]Gates on {view['as_of']}[/] ({known}; {view['facts_known']} facts)")
    for phase in view["phases"]:
        blockers = "; ".join(phase["blockers"]) or "none stated"
        console.print(f"  {phase['title']}: [bold]{phase['status']}[/]. Blockers: {blockers} "
                      f"[dim]({phase['provenance']['source']}, {phase['provenance']['grade']})[/]")
    if not view["stages"]:
        console.print("No withdrawal stages are recorded.")
    for stage in view["stages"]:
        console.print(_stage_panel(stage, {m["milestone"]: m for m in view["milestones"]}))
    pending = [s for s in view["stages"] if not s["completed"]]
    met = [s for s in pending if s["met"]]
    console.print(f"{len(met)} of {len(pending)} pending stage(s) met." if pending else "Every stage is completed.")
    if forecast:
        _print_forecast(view["forecast"])


def _print_forecast(outlook: dict[str, Any]) -> None:
    console.print(f"[bold]When the force-strength terms may be met[/] ({outlook['runs']:,} runs, seed {outlook['seed']}, "
                  f"ledger #{outlook['ledger_seq']}; conditioned on each stage pending on {outlook['as_of']})")
    for stage in outlook["stages"]:
        if not stage["troops_needed"]:
            console.print(f"  Stage {stage['order']}: no force-strength terms to date.")
            continue
        earliest = " (earliest: sector terms, whole-force forecast)" if stage["lower_bound"] else ""
        console.print(f"  Stage {stage['order']}: ≥ {stage['troops_needed']:,} troops{earliest}: median "
                      f"{stage['p50_date'] or 'beyond 24 months'}, 80% between {stage['p10_date'] or '—'} and "
                      f"{stage['p90_date'] or 'beyond 24 months'}; {stage['other_terms']} other term(s) not forecast")


def _stage_panel(stage: dict[str, Any], milestones: dict[str, dict[str, Any]]) -> Panel:
    share = stage["idf_share_after_pct"]
    lines = [f"{stage['from_line']} → {stage['to_line']}"
             + (f"; the IDF holds {'~' if stage['approx'] else ''}{share:g}% after it" if share is not None else "")]
    if stage["completed"]:
        lines.append(f"Completed on {stage['completed_on']} ({stage['completion_verifier']}).")
    if not stage["milestones"]:
        lines.append("No gating milestones are recorded for this stage.")
    lines += [f"[yellow]No milestone {slug!r} is recorded.[/]" for slug in stage["missing_milestones"]]
    for slug in stage["milestones"]:
        m = milestones[slug]
        verdict = "[green]met[/]" if m["met"] else "[red]not met[/]"
        lines.append(f"[bold]{m['title']}[/] ({slug}): {verdict}")
        lines += [("  [green]✓[/] " if t["holds"] else "  [red]✗[/] ") + t["explanation"] for t in m["terms"]]
        if m["needs_verification"]:
            v = m["verification"]
            seen = f"{v['verifier']} found it {v['verdict'].replace('_', ' ')} on {v['valid_from']}" if v else \
                f"no verification by {m['standard']['verifier']} is recorded"
            lines.append(("  [green]✓[/] " if m["verified"] else "  [red]✗[/] ") + seen)
    state = "[blue]COMPLETED[/]" if stage["completed"] else "[green]MET[/]" if stage["met"] else "[red]NOT MET[/]"
    return Panel(Group(*lines), title=f"Stage {stage['order']}: {stage['title']}: {state}", title_align="left")


def _n(value: float | None) -> str:
    if value is None:
        return "unknown"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


@handle_errors
def check_condition(ctx: typer.Context, condition: str = typer.Argument(..., help="The condition to try."),
                    as_of: str = AS_OF, known_at: str = KNOWN_AT, json_out: bool = JSON) -> None:
    """Parse a milestone condition and evaluate it on a day, storing nothing."""
    day, at = coordinates(as_of, known_at)
    result = gates_service.check_condition(pictures(ctx), condition, as_of=day, known_at=at)
    if json_out:
        print_json(result)
        return
    console.print(f"[bold]{'holds' if result['holds'] else 'does not hold'}[/] on {result['as_of']}")
    for term in result["terms"]:
        console.print(("  ✓ " if term["holds"] else "  ✗ ") + term["explanation"])
