"""Commands that set up, load, check and move the ledger: init, load, retract, settle, verify,
export, import, and the signing keys of exports."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from stabforce.cli.common import (
    check_writable,
    cli_actor,
    cli_reader,
    console,
    err_console,
    handle_errors,
    output_file,
    print_json,
    settings,
    status,
    store,
)
from stabforce.services import admin, exchange, facts, signing

keys_app = typer.Typer(help="The Ed25519 key pair that signs this installation's exports.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    for command in (init, load, retract, settle, verify, export, import_):
        app.command(name=command.__name__.rstrip("_"))(command)
    app.add_typer(keys_app, name="keys")


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
def verify(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    export_file: Path = typer.Option(None, "--export", dir_okay=False,
                                     help="Check this export file instead of the database."),
    public_key: list[str] = typer.Option(None, "--public-key",
                                         help="A public key (ed25519:..., or a file holding one) to check the "
                                              "export's signature against; repeatable."),
    allow_unsigned: bool = typer.Option(False, "--allow-unsigned", help="Accept an export without a signature."),
) -> None:
    """Walk the hash chain; exit 0 when it holds, 1 naming the first fact that does not match.

    With --export FILE, check an export file outside the database: its chain, every hash and its
    signature against --public-key (or the trusted keys of the settings).
    """
    if export_file is not None:
        _verify_export(ctx, export_file, public_key or [], json_out, allow_unsigned)
        return
    if not cli_reader(ctx).clearance.everything:  # only whether it holds: the rest tells of hidden facts
        with status("Verifying the hash chain"):
            ok = facts.verify_view(store(ctx), reader=cli_reader(ctx))["ok"]
        print_json({"ok": ok}) if json_out else console.print("[green]OK[/]" if ok else "[bold red]BROKEN[/]")
        if not ok:
            raise typer.Exit(1)
        return
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


def _verify_export(ctx: typer.Context, file: Path, keys: list[str], json_out: bool, allow_unsigned: bool) -> None:
    if not file.is_file():
        raise typer.BadParameter(f"no file {file}", param_hint="--export")
    trusted = signing.trusted_keys(keys) if keys else _trusted(ctx, [])
    try:
        with file.open(encoding="utf-8") as stream:
            checked = signing.check_export(stream, name=file.name, trusted=trusted, allow_unsigned=allow_unsigned)
    except (signing.ExportRefused, UnicodeDecodeError) as exc:
        message = exc.message if isinstance(exc, signing.ExportRefused) else f"{file.name} is not UTF-8 text"
        if json_out:
            print_json({"ok": False, "reason": message,
                        **(exc.details if isinstance(exc, signing.ExportRefused) else {})})
        else:
            err_console.print(f"[bold red]REFUSED[/]: {message}", highlight=False)
        raise typer.Exit(1) from None
    head = checked.facts[-1].hash if checked.facts else None
    if json_out:
        print_json({"ok": True, "facts": len(checked.facts), "head": head, "key_id": checked.key_id,
                    "signed": checked.signed})
    else:
        signer = f"signed by key {checked.key_id}" if checked.key_id else "[yellow]not signed[/]"
        console.print(f"[green]OK[/]: {len(checked.facts)} facts, chain intact, every hash reproduced, {signer}.")


def _trusted(ctx: typer.Context, keys: list[str]) -> dict:
    """Return the trusted public keys: those given, the settings' trusted keys and this installation's own."""
    config = settings(ctx)
    return signing.trusted_keys([*keys, *config.trusted_key_texts()], signing_key=config.signing_key)


@handle_errors
def export(ctx: typer.Context, file: Path = typer.Argument(..., help="Where to write the JSON Lines.")) -> None:
    """Export the whole ledger, hashes included, as JSON Lines (imports back losslessly), signed with
    the key at STABFORCE_SIGNING_KEY. With --read-as a role that may not read every fact: a filtered
    export, labelled so on its first line, unsigned, that cannot be imported."""
    check_writable(file, option="FILE")
    ledger = store(ctx)
    reader = cli_reader(ctx)
    whole = reader.clearance.everything
    key_path = settings(ctx).signing_key
    key = signing.load_private_key(key_path) if key_path is not None and whole else None
    total = ledger.count() if whole else None
    with _progress() as progress, output_file(file, option="FILE") as stream:
        task = progress.add_task("Exporting", total=total)
        written = exchange.export_ledger(ledger, stream, signing_key=key, reader=reader,
                                         progress=lambda n: progress.update(task, completed=n))
    if not whole:
        console.print(f"Exported the {written} facts {reader.id} may read to {file}: a filtered export, unsigned, "
                      "that cannot be imported.")
    elif key is None:
        console.print(f"Exported {written} facts to {file}, [yellow]unsigned[/]: set STABFORCE_SIGNING_KEY "
                      "(make a key with `stabforce keys create`) so that importers can tell it was not altered.")
    else:
        console.print(f"Exported {written} facts to {file}, signed by key {signing.key_id(key.public_key())}.")


@handle_errors
def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., exists=True, dir_okay=False),
    public_key: list[str] = typer.Option(None, "--public-key",
                                         help="Trust exports signed by this public key (ed25519:..., or a file "
                                              "holding one); repeatable. Also trusted: STABFORCE_TRUSTED_KEYS "
                                              "and this installation's own key."),
    allow_unsigned: bool = typer.Option(False, "--allow-unsigned",
                                        help="Import an export that carries no signature (its hashes are still "
                                             "checked, but anyone could have re-hashed an edit)."),
) -> None:
    """Import a signed export: every fact stored verbatim if the signature is good and the facts
    continue this ledger, else nothing."""
    trusted = _trusted(ctx, public_key or [])
    with status(f"Checking and importing {file.name}"), file.open(encoding="utf-8") as stream:
        checked = exchange.import_ledger(store(ctx), stream, name=file.name, trusted=trusted,
                                         allow_unsigned=allow_unsigned)
    signer = f"signed by key {checked.key_id}" if checked.key_id else "unsigned (allowed by --allow-unsigned)"
    console.print(f"Imported {len(checked.facts)} facts; every hash reproduced; {signer}.")


@keys_app.command("create")
@handle_errors
def keys_create(
    ctx: typer.Context,
    path: Path = typer.Option(None, "--path", dir_okay=False,
                              help="Where to write the private key (default: STABFORCE_SIGNING_KEY, else "
                                   "stabforce-signing.key here)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing key."),
) -> None:
    """Make this installation's signing key pair: the private key (mode 0600) and KEY.pub; print the public key."""
    target = path or settings(ctx).signing_key or Path("stabforce-signing.key")
    check_writable(target, option="--path")
    public = signing.create_key(target, force=force)
    err_console.print(f"Private key written to {target} (mode 0600); public key to {target}.pub. "
                      f"Key id {signing.key_id(public)}. Set STABFORCE_SIGNING_KEY={target} to sign exports.",
                      highlight=False)
    typer.echo(signing.public_text(public))


@keys_app.command("show")
@handle_errors
def keys_show(ctx: typer.Context) -> None:
    """Print the public key of the configured signing key (STABFORCE_SIGNING_KEY)."""
    path = settings(ctx).signing_key
    if path is None:
        raise typer.BadParameter("STABFORCE_SIGNING_KEY is not set")
    public = signing.load_private_key(path).public_key()
    err_console.print(f"Key id {signing.key_id(public)}", highlight=False)
    typer.echo(signing.public_text(public))


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console)


def _safe(url: str) -> str:
    head, sep, tail = url.partition("@")
    return f"{head.split(':')[0]}://…@{tail}" if sep else url
