"""News commands: ingest documents, extract claims (no database), and review them (claims list/accept/reject)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
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
from stabforce.engines.extract import claim_row, pairs
from stabforce.errors import InvalidInput
from stabforce.services import ensemble_model, news, pair_model
from stabforce.services.exchange import read_jsonl

claims_app = typer.Typer(help="Review the claims proposed from ingested documents.", no_args_is_help=True)
PATHS = typer.Argument(..., exists=True, help="Files or folders of documents (text or HTML).")
DATE = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for documents that do not state one.")
GOLD_DEV = Path("tests/gold/dev")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(ingest)
    app.command("extract")(extract_cmd)
    app.command("extract-train")(extract_train)
    app.add_typer(claims_app, name="claims")


def _incoming(paths: list[Path], day: str | None, **about: str | None) -> list[news.Incoming]:
    published = parse_day(day, option="--date")
    return [news.Incoming(path.name, path.read_bytes(), published, **about) for path in news.iter_paths(paths)]


@handle_errors
def ingest(ctx: typer.Context, paths: list[Path] = PATHS, date: str = DATE,
           title: str = typer.Option(None, "--title", help="Title (for a single document)."),
           publisher: str = typer.Option(None, "--publisher", help="Publisher."),
           url: str = typer.Option(None, "--url", help="Where it was published."),
           model_dir: Path = typer.Option(None, "--model", help="A pair model from `extract-train` (default: "
                                          "STABFORCE_PAIR_MODEL): also propose the claims it finds."),
           json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Store documents once each (by content hash) with the claims proposed from them."""
    items = _incoming(paths, date, title=title, publisher=publisher, url=url)
    svc = services(ctx)
    read = pair_model.claim_reader(model_dir or settings(ctx).pair_model)
    with _progress() as progress:
        task = progress.add_task("Ingesting", total=len(items))
        done = news.ingest(svc.documents, cli_actor(ctx), items, max_bytes=settings(ctx).document_max_bytes,
                           progress=lambda n: progress.update(task, completed=n), read=read)
    if json_out:
        print_json([{**news.document_view(d.document), "created": d.created, "claims": d.claims} for d in done])
        return
    table = Table("document", "published", "sha256", "claims", "")
    for d in done:
        table.add_row(d.document.name, d.document.published.isoformat(), d.document.sha256[:12], str(d.claims),
                      "new" if d.created else "already stored: nothing changed")
    console.print(table)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console, transient=True)


@handle_errors
def extract_cmd(paths: list[Path] = PATHS, date: str = DATE,
                json_out: bool = typer.Option(False, "--json", help="One JSON object per claim and line."),
                model_dir: Path = typer.Option(None, "--model", help="A pair model from `extract-train`: add the "
                                               "claims it finds that the rules left out (confidence 0.35 or less).")
                ) -> None:
    """Print the claims proposed from documents, without storing anything."""
    items = _incoming(paths, date)
    read = pair_model.claim_reader(model_dir)
    rows = []
    with _progress() as progress:
        task = progress.add_task("Reading with the pair model" if model_dir else "Extracting", total=len(items))
        for n, item in enumerate(items, 1):
            published, _, body = news.read_incoming(item, max_bytes=10**9)
            rows += [claim_row(c, item.name) for c in read(body, published)]
            progress.update(task, completed=n)
    if json_out:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    table = Table("source", "subject", "kind", "low", "high", "personnel", "as said", "tasks", "as of", show_lines=True)
    for r in rows:
        table.add_row(r["source"], r["subject"], r["kind"], _n(r["low"]), _n(r["high"]), r["personnel"] or "",
                      r["quantity_text"] or "", ", ".join(r["tasks"]), str(r["as_of"]))
    console.print(table)



@handle_errors
def extract_train(out: Path = typer.Option(..., "--out", help="Folder to write the trained model to."),
                  gold: list[Path] = typer.Option([GOLD_DEV], "--gold", help="Annotated reports to train on: a folder "
                                                  "with corpus.jsonl and claims.jsonl (tests/gold layout); repeatable."),
                  epochs: int | None = typer.Option(None, "--epochs", min=1, max=20, help="Passes over the pairs "
                                                    "(default: the architecture's, 4 for spans, 3 for marked)."),
                  seed: int = typer.Option(0, "--seed", help="Random seed."),
                  limit: int = typer.Option(0, "--limit", min=0, help="Train on the first N reports only (0: all)."),
                  architecture: str = typer.Option("spans", "--architecture", help="spans: the encoder reads each "
                                                   "sentence once for all its pairs; marked: once a pair, with the "
                                                   "pair marked in it (the model of stops 20-27; 5.5 times slower to "
                                                   "train, as good on reports neither saw)."),
                  seeds: int = typer.Option(1, "--seeds", min=1, max=10, help="Train this many models (seeds SEED, "
                                            "SEED+1, ...) into OUT/seed-N and save them as one ensemble that "
                                            "averages their probabilities."),
                  average: float | None = typer.Option(None, "--average", min=0.0, max=1.0, help="Keep the mean of the weights "
                                                "over this last share of the training steps (0: the last step's "
                                                "weights; default: the architecture's, the last epoch of four for "
                                                "spans, none for marked)."),
                  ) -> None:
    """Train the pair model of the learned second pass on annotated reports (needs the 'learned' extra)."""
    corpus: list[dict] = []
    claims: list[dict] = []
    for folder in gold:
        corpus += _gold_rows(folder / "corpus.jsonl", ("id", "text"))
        claims += _gold_rows(folder / "claims.jsonl", ("source", "quote", "subject", "kind", "low", "high"))
    held_out = sorted({str(d.get("id")) for d in corpus if str(d.get("id", "")).startswith("test-")})
    if held_out:
        raise InvalidInput(f"refusing to train on the held-out test split ({held_out[0]} ...): it is only for "
                           "scoring", reports=held_out[:5])
    if limit:
        corpus = corpus[:limit]
    if architecture not in pair_model.ARCHITECTURES:
        raise InvalidInput(f"--architecture must be {' or '.join(map(repr, pair_model.ARCHITECTURES))}, not {architecture!r}",
                           architecture=architecture)
    epochs = pair_model.model_class(architecture).epochs if epochs is None else epochs
    found, labels = pairs.training_pairs(corpus, claims)
    about = {"trained_on": [str(f) for f in gold], "reports": len(corpus), "pairs": len(found), "epochs_planned": epochs}
    members: list[str] = []
    with _progress() as progress:
        for member_seed in range(seed, seed + seeds):
            folder = out if seeds == 1 else out / f"seed-{member_seed}"
            task = progress.add_task(f"Training on {len(corpus)} reports ({len(found)} pairs)"
                                     + (f", seed {member_seed}" if seeds > 1 else ""), total=None)
            _train_one(folder, architecture, member_seed, found, labels, epochs, average, about,
                       lambda done, total, task=task: progress.update(task, completed=done, total=total))
            if seeds > 1:
                # After every member, so that a run cut short still leaves an ensemble of the members trained so far.
                members.append(folder.name)
                ensemble_model.Ensemble.write_meta(out, members, seeds_planned=seeds, **about)
    console.print(f"Trained on {len(corpus)} reports ({len(found)} pairs, {epochs} epochs"
                  + (f", {seeds} seeds" if seeds > 1 else "") + f"); saved to {out}.")


def _train_one(out: Path, architecture: str, seed: int, found: list[pairs.Pair], labels: list[str], epochs: int,
               average: float | None, about: dict, progress: Callable[[int, int], None]) -> None:
    """Train one model and save it to `out` after every epoch (a run cut short still leaves the last whole epoch's
    model; its meta.json says how many)."""
    model = pair_model.model_class(architecture).fresh(seed)

    def save(done: int, losses: list[float]) -> None:
        model.save(out, **about, epochs=done, seed=seed, losses=[round(x, 2) for x in losses],
                   batching=f"like lengths, runs of {pair_model.GROUP_WINDOW}", architecture=architecture)

    model.train(found, labels, epochs=epochs, seed=seed, average=average, progress=progress, on_epoch=save)


def _gold_rows(path: Path, fields: tuple[str, ...]) -> list[dict]:
    """The rows of an annotation file, each with `fields`; an error naming the file, line and field otherwise."""
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file (a gold folder holds corpus.jsonl and claims.jsonl)", path=str(path))
    rows = []
    with path.open(encoding="utf-8") as stream:
        for number, row in read_jsonl(stream, name=str(path)):
            missing = [f for f in fields if f not in row]
            if missing:
                raise InvalidInput(f"{path} line {number}: missing {', '.join(missing)}", line=number, missing=missing)
            rows.append(row)
    return rows


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
