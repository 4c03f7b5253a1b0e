"""Exports for other tools: `stabforce export-csv`, `export-geojson`, `export-stix` (to a file or stdout)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from stabforce.cli.common import (
    AS_OF,
    KNOWN_AT,
    cli_reader,
    coordinates,
    err_console,
    handle_errors,
    parse_day,
    parse_known_at,
    pictures,
    status,
)
from stabforce.services import exports

OUT = typer.Option(None, "--out", "-o", dir_okay=False, help="Write to this file (default: standard output).")


def register(app: typer.Typer) -> None:
    """Add the export commands to the app."""
    app.command("export-csv")(export_csv)
    app.command("export-geojson")(export_geojson)
    app.command("export-stix")(export_stix)


def _write(text: str, out: Path | None, what: str) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(text, encoding="utf-8", newline="")
    tmp.replace(out)
    err_console.print(f"Wrote {what} to {out}.", highlight=False)


@handle_errors
def export_csv(
    ctx: typer.Context,
    table: str = typer.Argument(..., help="facts, pledges or incidents (incidents in ACLED's column layout)."),
    out: Path = OUT, as_of: str = AS_OF, known_at: str = KNOWN_AT,
    kind: str = typer.Option(None, "--kind", help="facts: only this kind."),
    subject: str = typer.Option(None, "--subject", help="facts: only this subject."),
    source: str = typer.Option(None, "--source", help="facts: the source contains this."),
    grade: str = typer.Option(None, "--grade", help="facts: grade starts with this (B, B2)."),
) -> None:
    """Export facts, pledges or incidents as CSV (cells a spreadsheet could run as formulas are neutralised)."""
    if table not in ("facts", "pledges", "incidents"):
        raise typer.BadParameter(f"{table!r}: choose facts, pledges or incidents", param_hint="TABLE")
    with status(f"Exporting {table}"):
        if table == "facts":
            query = exports.FactQuery(kind=kind, subject=subject, source=source, grade=grade,
                                      as_of=parse_day(as_of, option="--as-of"),
                                      known_at=parse_known_at(known_at) if known_at else None)
            text = exports.facts_csv(pictures(ctx), cli_reader(ctx), query)
        else:
            day, moment = coordinates(as_of, known_at)
            make = exports.pledges_csv if table == "pledges" else exports.incidents_csv
            text = make(pictures(ctx), cli_reader(ctx), as_of=day, known_at=moment)
    _write(text, out, f"{table} CSV")


@handle_errors
def export_geojson(
    ctx: typer.Context,
    layer: str = typer.Argument(..., help="zones, sectors, sites or incidents."),
    out: Path = OUT, as_of: str = AS_OF, known_at: str = KNOWN_AT,
) -> None:
    """Export a map layer as a GeoJSON FeatureCollection."""
    day, moment = coordinates(as_of, known_at)
    with status(f"Exporting {layer}"):
        body = exports.geojson(pictures(ctx), cli_reader(ctx), layer, as_of=day, known_at=moment)
    _write(exports.json_text(body) + "\n", out, f"{layer} GeoJSON ({len(body['features'])} features)")


@handle_errors
def export_stix(
    ctx: typer.Context, out: Path = OUT, as_of: str = AS_OF, known_at: str = KNOWN_AT,
    kind: str = typer.Option(None, "--kind", help="Only this kind."),
    subject: str = typer.Option(None, "--subject", help="Only this subject."),
) -> None:
    """Export facts as a STIX 2.1 bundle: sources as reports, facts as notes with grade and TLP marking."""
    query = exports.FactQuery(kind=kind, subject=subject, as_of=parse_day(as_of, option="--as-of"),
                              known_at=parse_known_at(known_at) if known_at else None)
    with status("Building the STIX bundle"):
        text = exports.stix_bundle(pictures(ctx), cli_reader(ctx), query)
    _write(text + "\n", out, "STIX 2.1 bundle")
