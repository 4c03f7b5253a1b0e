"""`stabforce registry`: the decommissioning registry (weapons by type and state, refused steps,
infrastructure and due re-inspections)."""

from __future__ import annotations

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
from stabforce.services import registry as registry_service

JSON = typer.Option(False, "--json", help="Print JSON (the shape of GET /api/v1/registry).")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(registry)


@handle_errors
def registry(ctx: typer.Context, as_of: str = AS_OF, known_at: str = KNOWN_AT, json_out: bool = JSON) -> None:
    """The decommissioning registry: weapons by type and state, refused steps, infrastructure."""
    day, moment = coordinates(as_of, known_at)
    with status("Folding the ledger"):
        rp = registry_service.registry_picture(pictures(ctx), as_of=day, known_at=moment)
    view = registry_service.registry_view(rp)
    if json_out:
        print_json(view)
        return
    s = rp.snapshot
    known = f"as known at {moment:%Y-%m-%d %H:%M} UTC" if moment else "everything recorded"
    console.print(f"[bold]As of {s.as_of}[/], {known} ({s.known_count} facts known)")
    states = view["states"]
    weapons = Table("weapon", "category", *states, "total declared", title="Weapons held in each state")
    for row in view["weapons"]:
        weapons.add_row(row["weapon"], row["category"], *(f"{row['held'][st]:,}" for st in states),
                        f"{row['total_declared']:,}")
    for row in view["categories"]:
        weapons.add_row(f"[bold]{row['category']}[/]", "", *(f"[bold]{row['held'][st]:,}[/]" for st in states),
                        f"[bold]{row['total_declared']:,}[/]", end_section=row["category"] == "heavy")
    console.print(weapons if view["weapons"] else "No weapons recorded in the registry.")
    if view["refused"]:
        refused = Table("fact", "day", "step", "why refused", title="Refused steps (not applied)")
        for step in view["refused"]:
            refused.add_row(step["fact_id"], step["valid_from"],
                            f"{step['quantity']:,} {step['weapon']} {step['from_state']} → {step['to_state']}",
                            step["refused"])
        console.print(refused)
    else:
        console.print("No refused steps.")
    if not view["infrastructure"]:
        console.print("No infrastructure recorded.")
        return
    infra = Table("item", "type", "status", "since", "re-inspection due", "place", "fact",
                  title="Infrastructure (overdue re-inspections first)")
    for item in view["infrastructure"]:
        due = item["due"] or "—"
        if item["overdue"]:
            due = f"[bold red]{due} (overdue {item['days_overdue']} days)[/]"
        infra.add_row(item["subject"], item["type"], item["status"], item["since"], due, item["place"] or "",
                      item["fact_id"])
    console.print(infra)
    counts = view["infrastructure_counts"]
    console.print(f"Identified {counts['identified']}, neutralized {counts['neutralized']}, re-inspected "
                  f"{counts['reinspected']}; re-inspections overdue: {view['reinspections_overdue']}.")
