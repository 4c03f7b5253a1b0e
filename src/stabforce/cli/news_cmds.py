"""News commands: ingest documents, extract claims (no database), and review them (claims list/accept/reject)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from stabforce.cli.common import (
    cli_actor,
    console,
    err_console,
    handle_errors,
    parse_day,
    print_json,
    services,
    settings,
)
from stabforce.engines.extract import claim_row, extract
from stabforce.services import news

claims_app = typer.Typer(help="Review the claims proposed from ingested documents.", no_args_is_help=True)
PATHS = typer.Argument(..., exists=True, help="Files or folders of documents (text or HTML).")
DATE = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for documents that do not state one.")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(ingest)
    app.command("extract")(extract_cmd)
    app.add_typer(claims_app, name="claims")


def _incoming(paths: list[Path], day: str | None, **about: str | None) -> list[news.Incoming]:
    published = parse_day(day, option="--date")
    return [news.Incoming(path.name, path.read_bytes(), published, **about) for path in news.iter_paths(paths)]


@handle_errors
def ingest(ctx: typer.Context, paths: list[Path] = PATHS, date: str = DATE,
           title: str = typer.Option(None, "--title", help="Title (for a single document)."),
           publisher: str = typer.Option(None, "--publisher", help="Publisher."),
           url: str = typer.Option(None, "--url", help="Where it was published."),
           json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Store documents once each (by content hash) with the claims proposed from them."""
    items = _incoming(paths, date, title=title, publisher=publisher, url=url)
    svc = services(ctx)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True) as progress:
        task = progress.add_task("Ingesting", total=len(items))
        done = news.ingest(svc.documents, cli_actor(ctx), items, max_bytes=settings(ctx).document_max_bytes,
                           progress=lambda n: progress.update(task, completed=n))
    if json_out:
        print_json([{**news.document_view(d.document), "created": d.created, "claims": d.claims} for d in done])
        return
    table = Table("document", "published", "sha256", "claims", "")
    for d in done:
        table.add_row(d.document.name, d.document.published.isoformat(), d.document.sha256[:12], str(d.claims),
                      "new" if d.created else "already stored: nothing changed")
    console.print(table)


@handle_errors
def extract_cmd(paths: list[Path] = PATHS, date: str = DATE,
                json_out: bool = typer.Option(False, "--json", help="One JSON object per claim and line.")) -> None:
    """Print the claims proposed from documents, without storing anything."""
    rows = []
    for item in _incoming(paths, date):
        published, _, body = news.read_incoming(item, max_bytes=10**9)
        rows += [claim_row(c, item.name) for c in extract(body, published=published)]
    if json_out:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    table = Table("source", "subject", "kind", "low", "high", "personnel", "as said", "tasks", "as of", show_lines=True)
    for r in rows:
        table.add_row(r["source"], r["subject"], r["kind"], _n(r["low"]), _n(r["high"]), r["personnel"] or "",
                      r["quantity_text"] or "", ", ".join(r["tasks"]), str(r["as_of"]))
    console.print(table)



def _n(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


@claims_app.command("list")
@handle_errors
def list_claims(ctx: typer.Context,
                status: str = typer.Option("proposed", "--status", help="proposed, accepted, rejected or all."),
                json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List claims (the review queue by default), with contradicting live facts."""
    svc = services(ctx)
    found = svc.documents.claims(status=None if status == "all" else status)
    docs = {d.sha256: d for d, _ in svc.documents.documents()}
    views = [{**news.claim_view(c, docs.get(c.document)),
              "contradicts": news.contradictions(svc.pictures, c) if c.status == "proposed" else []} for c in found]
    if json_out:
        print_json(views)
        return
    table = Table("id", "document", "subject", "kind", "figures", "sentence", "status", show_lines=True)
    for v in views:
        figures = v["quantity_text"] or (f"{_n(v['low'])}–{_n(v['high'])}" if v["low"] or v["high"] else "")
        clash = f"\n[red]contradicts {', '.join(x['fact'] for x in v['contradicts'])}[/]" if v["contradicts"] else ""
        table.add_row(v["id"], v["document_name"] or "", v["subject"] or "", v["kind"] + (" (negated)" if v["negated"] else ""),
                      figures + clash, v["quote"], v["status"] + (f" → {v['fact_id']}" if v["fact_id"] else ""))
    console.print(table if views else f"No {status} claims.")


@claims_app.command("accept")
@handle_errors
def accept(ctx: typer.Context, claim_id: str = typer.Argument(..., help="The claim's id."),
           grade: str = typer.Option(..., "--grade", help="Admiralty grade, e.g. B2."),
           kind: str = typer.Option(None, "--kind", help="Correct the kind."),
           subject: str = typer.Option(None, "--subject", help="Correct the subject (ISO alpha-3 or organization)."),
           low: int = typer.Option(None, "--low", help="Correct the low figure."),
           high: int = typer.Option(None, "--high", help="Correct the high figure."),
           phase: str = typer.Option(None, "--phase", help="The phase a pledge is for (e.g. initial)."),
           attribution: str = typer.Option(None, "--attribution", help="Who in the document said it."),
           json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Record a claim (with corrections) as a ledger fact citing its document."""
    svc = services(ctx)
    corrections = {"kind": kind, "subject": subject, "low": low, "high": high, "phase": phase,
                   "attribution": attribution}
    claim, fact = news.accept(svc.documents, svc.ledger, cli_actor(ctx), claim_id, grade=grade, corrections=corrections)
    if json_out:
        print_json({**news.claim_view(claim), "fact": fact.to_json()})
        return
    console.print(f"Accepted {claim.id} as fact {fact.id} ({fact.kind} about {fact.subject}, #{fact.seq}).")


@claims_app.command("copy")
@handle_errors
def copy(ctx: typer.Context, claim_id: str = typer.Argument(..., help="The claim's id.")) -> None:
    """Propose a claim's sentence again, to record a second fact from it."""
    claim = news.copy_claim(services(ctx).documents, cli_actor(ctx), claim_id)
    console.print(f"Proposed {claim.id}, a copy of {claim_id}.")


@claims_app.command("reject")
@handle_errors
def reject(ctx: typer.Context, claim_id: str = typer.Argument(..., help="The claim's id."),
           reason: str = typer.Option(..., "--reason", help="Why it is not a claim.")) -> None:
    """Reject a proposed claim, with the reason."""
    claim = news.reject(services(ctx).documents, cli_actor(ctx), claim_id, reason=reason)
    console.print(f"Rejected {claim.id}.")
