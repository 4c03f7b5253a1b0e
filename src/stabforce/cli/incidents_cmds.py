"""`stabforce incidents`: list the incidents of a day; import a CSV in ACLED's layout."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from stabforce.cli.common import (
    cli_actor,
    console,
    coordinates,
    err_console,
    handle_errors,
    pictures,
    print_json,
    status,
    store,
)
from stabforce.ledger.vocab import IncidentType
from stabforce.services import incidents

app = typer.Typer(help="Incidents (security events, ceasefire violations): list, import an ACLED-layout CSV.",
                  no_args_is_help=True)


def register(main: typer.Typer) -> None:
    """Add the `incidents` command group to the app."""
    main.add_typer(app, name="incidents")


@app.command("list")
@handle_errors
def list_(
    ctx: typer.Context,
    as_of: str = typer.Option(None, "--as-of", help="The day to show (default today)."),
    known_at: str = typer.Option(None, "--known-at", help="Show what was known then: a date (end of day, UTC) or "
                                                          "a datetime (default: everything recorded)."),
    event_type: str = typer.Option(None, "--type", help=f"Only this event type: {', '.join(IncidentType)}."),
    incident_class: str = typer.Option(None, "--class", help="Only violation or serious_violation."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON: incidents, weekly counts, days since the "
                                                        "last serious violation."),
) -> None:
    """The incidents up to a day (newest first), with counts and days since the last serious violation."""
    day, moment = coordinates(as_of, known_at)
    with status("Folding the ledger"):
        view = incidents.incidents_view(pictures(ctx), as_of=day, known_at=moment, event_type=event_type,
                                        incident_class=incident_class)
    if json_out:
        print_json(view)
        return
    since = view["days_since_serious_violation"]
    console.print(f"[bold]Incidents up to {view['as_of']}[/] ({view['facts_known']} facts known): {view['total']} "
                  f"incidents, {view['fatalities']} fatalities; days since the last serious violation: "
                  f"{since if since is not None else 'none recorded'}.", highlight=False)
    table = Table("date", "event", "violation", "place (precision)", "actors", "killed", "source", "grade")
    for i in view["incidents"]:
        place = i["place"]
        table.add_row(i["date"], i["event_type"] + (f"\n{i['sub_event_type']}" if i["sub_event_type"] else ""),
                      i["violation"], f"{place.get('name') or ''} ({place['precision']})" if place else "—",
                      "; ".join(i["actors"]), "—" if i["fatalities"] is None else str(i["fatalities"]),
                      i["attribution"] or i["source"], i["grade"])
    console.print(table)


@app.command("import")
@handle_errors
def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CSV in ACLED's export layout (UTF-8)."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Store the good rows and list the bad ones, instead "
                                                            "of refusing the whole file."),
    grade: str = typer.Option(incidents.DEFAULT_GRADE, "--grade", help="Admiralty grade of every imported incident."),
    json_out: bool = typer.Option(False, "--json", help="Print the import report as JSON."),
) -> None:
    """Import incidents from a CSV in ACLED's layout: all rows, or none (unless --skip-bad).

    Exit 0 when the rows were stored or were already there; 2 when the file was refused, or when
    --skip-bad found no good row. Every bad row is printed with its CSV line (the header is line 1).
    """
    data = file.read_bytes()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True) as progress:
        task = progress.add_task(f"Reading {file.name}", total=max(data.count(b"\n") - 1, 1))
        try:
            report = incidents.import_acled_csv(store(ctx), cli_actor(ctx), data, name=file.name, grade=grade,
                                                skip_bad=skip_bad,
                                                progress=lambda n: progress.update(task, completed=n))
        except incidents.CsvRefused as exc:
            progress.stop()
            if json_out:
                print_json(exc.as_dict())
            _print_bad(exc.details["bad_rows"])
            raise
    if json_out:
        print_json(report.to_json())
    else:
        console.print(f"Imported {len(report.imported)} incidents from {report.file} ({report.rows} rows); "
                      f"{len(report.already_present)} already in the ledger; {len(report.bad_rows)} bad rows "
                      "skipped.", highlight=False)
    _print_bad([b.to_json() for b in report.bad_rows])
    if report.bad_rows and not report.imported and not report.already_present:
        err_console.print("[bold red]Error:[/] no row could be imported.", highlight=False)
        raise typer.Exit(2)


def _print_bad(rows: list[dict]) -> None:
    for row in rows:
        err_console.print(f"[red]{row['message']}[/]", highlight=False, soft_wrap=True)
