"""Commands that set up, load, check and move the ledger: init, load, retract, settle, verify,
export, import."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from stabforce.cli.common import (
    cli_actor,
    console,
    err_console,
    handle_errors,
    print_json,
    settings,
    status,
    store,
)
from stabforce.services import admin, exchange, facts


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    for command in (init, load, retract, settle, verify, export, import_):
        app.command(name=command.__name__.rstrip("_"))(command)


@handle_errors
def init(ctx: typer.Context) -> None:
    """Create or upgrade the database schema (safe to run again)."""
    url = settings(ctx).database_url
    with status("Migrating the database"):
        admin.init_database(url)
    console.print(f"Database ready: {_safe(url)}")


@handle_errors
def load(
    ctx: typer.Context,
    file: Path = typer.Argument(None, exists=True, dir_okay=False, help="A facts file (JSON Lines)."),
    scenario: str = typer.Option(None, "--scenario", help="A shipped scenario, e.g. gaza-isf."),
) -> None:
    """Append the facts of a facts file or a shipped scenario, all or nothing."""
    if (file is None) == (scenario is None):
        raise typer.BadParameter("give either FILE or --scenario NAME")
    with status("Validating and appending facts"):
        if scenario:
            added = exchange.load_scenario(store(ctx), cli_actor(ctx), scenario)
        else:
            added = exchange.load_facts_file(store(ctx), cli_actor(ctx), file)
    console.print(f"Appended {len(added)} facts (ledger now ends at #{added[-1].seq})." if added
                  else "No facts to append.")


@handle_errors
def retract(
    ctx: typer.Context,
    fact_id: str = typer.Argument(..., help="Id of the fact to retract."),
    reason: str = typer.Option(..., "--reason", help="Why it is retracted."),
) -> None:
    """Retract a fact: a new fact marks it dead; the original stays in the ledger."""
    fact = facts.retract_fact(store(ctx), cli_actor(ctx), fact_id=fact_id, reason=reason,
                              on=datetime.now(UTC).date())
    console.print(f"Retracted {fact_id} with {fact.id} (#{fact.seq}).")


@handle_errors
def settle(
    ctx: typer.Context,
    fact_ids: list[str] = typer.Argument(..., help="The conflicting facts (two or more)."),
    reason: str = typer.Option(..., "--reason", help="Why the conflict is settled this way."),
    accept: str = typer.Option(None, "--accept", help="The fact to accept as current, if any."),
) -> None:
    """Settle a conflict with a decision fact, optionally accepting one of the facts."""
    fact = facts.settle_conflict(store(ctx), cli_actor(ctx), fact_ids=fact_ids, reason=reason,
                                 accepted=accept, on=datetime.now(UTC).date())
    console.print(f"Recorded decision {fact.id} (#{fact.seq}).")


@handle_errors
def verify(ctx: typer.Context, json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Walk the hash chain; exit 0 when it holds, 1 naming the first fact that does not match."""
    with status("Verifying the hash chain"):
        report = facts.verify_ledger(store(ctx))
    if json_out:
        print_json({"ok": report.ok, "checked": report.checked, "broken_seq": report.broken_seq,
                    "broken_id": report.broken_id, "reason": report.reason, "head": report.head})
    elif report.ok:
        console.print(f"[green]OK[/]: {report.checked} facts, chain intact, head {report.head[:16]}…")
    else:
        err_console.print(f"[bold red]BROKEN[/] at fact {report.broken_id} (#{report.broken_seq}): "
                          f"{report.reason}. {report.checked} facts before it hold.", highlight=False)
    if not report.ok:
        raise typer.Exit(1)


@handle_errors
def export(ctx: typer.Context, file: Path = typer.Argument(..., help="Where to write the JSON Lines.")) -> None:
    """Export the whole ledger, hashes included, as JSON Lines (imports back losslessly)."""
    ledger = store(ctx)
    total = ledger.count()
    tmp = file.with_name(file.name + ".part")
    with _progress() as progress, tmp.open("w", encoding="utf-8") as stream:
        task = progress.add_task("Exporting", total=total)
        written = exchange.export_ledger(ledger, stream, progress=lambda n: progress.update(task, completed=n))
    tmp.replace(file)
    console.print(f"Exported {written} facts to {file}.")


@handle_errors
def import_(ctx: typer.Context, file: Path = typer.Argument(..., exists=True, dir_okay=False)) -> None:
    """Import an export: every fact stored verbatim if it continues this ledger, else nothing."""
    with status(f"Checking and importing {file.name}"), file.open(encoding="utf-8") as stream:
        count = exchange.import_ledger(store(ctx), stream, name=file.name)
    console.print(f"Imported {count} facts; every hash reproduced.")


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console)


def _safe(url: str) -> str:
    head, sep, tail = url.partition("@")
    return f"{head.split(':')[0]}://…@{tail}" if sep else url
