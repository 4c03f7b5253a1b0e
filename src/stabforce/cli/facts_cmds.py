"""`stabforce facts`: list, show and add facts."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from stabforce.cli.common import (
    KNOWN_AT,
    cli_actor,
    cli_reader,
    console,
    handle_errors,
    parse_day,
    parse_known_at,
    print_json,
    store,
)
from stabforce.errors import InvalidInput
from stabforce.services import facts, views
from stabforce.services.facts import FactFilter

app = typer.Typer(no_args_is_help=True)


@app.command("list")
@handle_errors
def list_(
    ctx: typer.Context,
    kind: str = typer.Option(None, "--kind", help="Only this kind, e.g. pledge."),
    subject: str = typer.Option(None, "--subject", help="Only this subject, e.g. contributor:IDN; a country may be given as IDN, Indonesia or Indonesian."),
    source: str = typer.Option(None, "--source", help="Source key or title contains this."),
    since: str = typer.Option(None, "--from", help="valid_from on or after this day."),
    until: str = typer.Option(None, "--to", help="valid_from on or before this day."),
    known_at: str = KNOWN_AT,
    limit: int = typer.Option(None, "--limit", min=1),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List facts in ledger order, filtered (only those known at --known-at, if given)."""
    flt = FactFilter(kind=kind, subject=facts.subject_of(subject), source=source, valid_from=parse_day(since, option="--from"),
                     valid_to=parse_day(until, option="--to"), known_at=parse_known_at(known_at) if known_at else None,
                     limit=limit)
    found = facts.list_facts(store(ctx), flt, reader=cli_reader(ctx))
    if json_out:
        print_json([f.to_json() for f in found])
        return
    table = Table("#", "id", "kind", "subject", "valid from", "source", "grade", "TLP", "what it says")
    for f in found:
        table.add_row(str(f.seq), f.id, f.kind, f.subject, f.valid_from.isoformat(),
                      f"{f.source.key} ({f.source.date})", f.grade, f.marking or "", _gist(views.describe(f)))
    console.print(table)
    console.print(f"{len(found)} facts")


@app.command("show")
@handle_errors
def show(ctx: typer.Context, fact_id: str, json_out: bool = typer.Option(False, "--json")) -> None:
    """Show one fact with its source, quote and hash."""
    fact = facts.get_fact(store(ctx), fact_id, reader=cli_reader(ctx))
    if json_out:
        print_json(fact.to_json())
        return
    console.print(f"[bold]says[/]: {views.describe(fact)}", highlight=False)
    for key, value in fact.to_json().items():
        console.print(f"[bold]{key}[/]: {json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value}",
                      highlight=False)


@app.command("add")
@handle_errors
def add(
    ctx: typer.Context,
    kind: str = typer.Option(..., "--kind"),
    subject: str = typer.Option(..., "--subject", help="e.g. contributor:IDN, mission:gaza-isf, zone:idf-held."),
    payload: str = typer.Option(..., "--payload", help="The payload as a JSON object."),
    valid_from: str = typer.Option(..., "--valid-from", help="The day the fact speaks about."),
    valid_to: str = typer.Option(None, "--valid-to"),
    source_key: str = typer.Option(..., "--source", help="Document name, URL or person:NAME."),
    source_date: str = typer.Option(..., "--source-date", help="The source's date."),
    source_title: str = typer.Option(None, "--source-title"),
    source_url: str = typer.Option(None, "--source-url"),
    attribution: str = typer.Option(None, "--attribution", help="Who in the source said it."),
    quote: str = typer.Option(None, "--quote", help="The words that support the fact."),
    grade: str = typer.Option(..., "--grade", help="Reliability A-F and credibility 1-6, e.g. B2."),
    supersedes: list[str] = typer.Option([], "--supersedes", help="Id of a fact this one revises."),
    fact_id: str = typer.Option(None, "--id", help="Give the fact this id instead of a random one."),
    marking: str = typer.Option(None, "--marking", help="TLP 2.0 marking: CLEAR, GREEN, AMBER, AMBER+STRICT or "
                                                        "RED (none = CLEAR); decides who may read the fact."),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """Validate and append one fact with its source, quote and grade."""
    try:
        body = json.loads(payload)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"--payload is not JSON: {exc.msg}", field="payload") from None
    data = {
        "kind": kind, "subject": subject, "payload": body, "valid_from": valid_from, "valid_to": valid_to,
        "source": {"key": source_key, "date": source_date, "title": source_title, "url": source_url,
                   "attribution": attribution},
        "quote": quote, "grade": grade, "supersedes": supersedes, "marking": marking,
    }
    if fact_id:
        data["id"] = fact_id
    fact = facts.record_fact(store(ctx), cli_actor(ctx), data)
    if json_out:
        print_json(fact.to_json())
    else:
        console.print(f"Recorded {fact.id} (#{fact.seq}), hash {fact.hash[:16]}…")


def _gist(text: str) -> str:
    return text if len(text) <= 90 else text[:89] + "…"
