"""Forecast commands: forecast (the ledger's mission or a mission file) and backtest."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.table import Table

from stabforce.bootstrap import build
from stabforce.cli.common import (
    check_writable,
    console,
    handle_errors,
    output_file,
    parse_day,
    parse_known_at,
    print_json,
    settings,
    status,
)

RUNS = typer.Option(None, "--runs", min=100, help="Monte Carlo runs (default from settings).")
SEED = typer.Option(2803, "--seed", help="Seed of the random generator (the result states it).")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(forecast)
    app.command()(backtest)


@handle_errors
def forecast(
    ctx: typer.Context,
    mission_file: Path = typer.Option(None, "--mission-file", exists=True, dir_okay=False,
                                      help="A mission as JSON (see docs); without it, the ledger's mission."),
    as_of: str = typer.Option(None, "--as-of", help="Use the ledger as of this day (default today)."),
    known_at: str = typer.Option(None, "--known-at", help="Use what the ledger knew then."),
    runs: int = RUNS, seed: int = SEED,
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Forecast troops on the ground: P10/P50/P90 at months 3, 6, 12 and 24 after authorization."""
    from stabforce.services import forecasts

    conf = settings(ctx)
    runs = runs or conf.forecast_runs
    housing = None
    with status(f"Simulating {runs:,} runs"):
        if mission_file is not None:
            result, target, state = forecasts.forecast_file(mission_file, conf, runs=runs, seed=seed), None, None
        else:
            services = build(conf)
            ctx.find_root().obj["services"] = services
            day = parse_day(as_of, option="--as-of") or datetime.now(UTC).date()
            made = forecasts.forecast_scenario(services.pictures, conf, as_of=day,
                                               known_at=parse_known_at(known_at) if known_at else None,
                                               runs=runs, seed=seed)
            result, target, state = made.result, made.target, made.ledger_head
            observed, housing = made.observed, made.camps
    view = forecasts.forecast_view(result, target=target, housing=housing)
    if state is not None:
        view["ledger"] = {"facts": state[0], "head": state[1]}
        view["observed"] = {"month": observed[0], "troops": observed[1]} if observed else None
    if json_out:
        print_json(view)
        return
    console.print(f"[bold]{result.inputs.mission}[/], authorized {result.inputs.authorized}: "
                  f"{result.runs:,} runs, seed {result.seed}" + (f", ledger #{state[0]} {state[1][:12]}…" if state else ""))
    table = Table("months after authorization", "P10", "P50", "P90", title="Troops on the ground")
    for k, v in view["months"].items():
        table.add_row(k, f"{v['p10']:,.0f}", f"{v['p50']:,.0f}", f"{v['p90']:,.0f}")
    console.print(table)
    if view.get("camps"):
        camps = Table("camp", "sector", "status", "capacity", "ready on", "in the forecast",
                      title="Camps (sources: --json)")
        for c in view["camps"]:
            camps.add_row(c["name"], c["sector"] or "not named", c["status"].replace("_", " "), c["capacity_text"],
                          c["ready_on"] or "not reported", "yes" if c["used"] else f"no: {c['unused']}")
        console.print(camps)
    for name, t in view.get("targets", {}).items():
        console.print(f"{name} of the target ({t['troops']:,}): median date {t['median_date'] or 'not within two years'};"
                      f" probability by " + ", ".join(f"{d}: {p:.0%}" for d, p in t["probability_by"].items()))
    for assumption in result.assumptions:
        console.print(f"[yellow]Assumed:[/] {assumption}", highlight=False)
    console.print(f"[dim]{result.method}[/]")


@handle_errors
def backtest(
    ctx: typer.Context, runs: int = typer.Option(4_000, "--runs", min=100), seed: int = SEED,
    report: Path = typer.Option(Path("backtest.html"), "--report", help="Where to write the HTML report."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Leave-one-mission-out back-test on past UN missions: coverage and CRPS against two baselines."""
    from stabforce.reports.backtest import render_html
    from stabforce.services import forecasts

    check_writable(report, option="--report")  # before the slow part
    with status("Back-testing on past missions"):
        result = forecasts.run_backtest(settings(ctx), runs=runs, seed=seed)
        with output_file(report, option="--report") as stream:
            stream.write(render_html(result))
    scores = {"coverage80": round(result.coverage80, 4), "crps": round(result.crps, 4),
              "crps_climatology": round(result.crps_climatology, 4), "crps_plan": round(result.crps_plan, 4),
              "crps_hindsight": round(result.crps_hindsight, 4), "missions": len(result.missions),
              "runs": result.runs, "seed": result.seed, "report": str(report)}
    if json_out:
        print_json(scores)
        return
    table = Table("mission", "coverage 80%", "CRPS", "climatology", "plan", "hindsight", "share of pooled CRPS")
    for m, share in zip(result.missions, result.shares(), strict=True):
        table.add_row(m.name, f"{m.coverage80:.0%}", f"{m.crps:.3f}", f"{m.crps_climatology:.3f}", f"{m.crps_plan:.3f}",
                      f"{m.crps_hindsight:.3f}", f"{share:.0%}")
    console.print(table)
    console.print(f"coverage80 {scores['coverage80']:.0%} · CRPS {scores['crps']:.3f} · climatology "
                  f"{scores['crps_climatology']:.3f} ({result.crps / result.crps_climatology:.2f}×) · plan "
                  f"{scores['crps_plan']:.3f} · hindsight {scores['crps_hindsight']:.3f} "
                  f"({result.crps_hindsight / result.crps_climatology:.2f}×) · report: {report}")
