"""`stabforce report`: the Board of Peace's six-monthly report as PDF or printable HTML."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from stabforce.cli.common import (
    AS_OF,
    KNOWN_AT,
    check_writable,
    coordinates,
    err_console,
    handle_errors,
    output_file,
    pictures,
    settings,
)
from stabforce.errors import InvalidInput


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(report)


@handle_errors
def report(
    ctx: typer.Context, as_of: str = AS_OF, known_at: str = KNOWN_AT,
    out: Path = typer.Option(..., "--out", help="The file to write: report.pdf (PDF) or report.html (printable HTML)."),
) -> None:
    """The Board of Peace's report: mandate, force generation, forecast, gates, registry, police, sites,
    incidents, open conflicts, charts and a map, every figure with its sources; ends with the ledger state."""
    from stabforce.reports import board  # matplotlib and WeasyPrint load only for this command

    kind = board.output_kind(out)
    _probe(check_writable(out, option="--out"))
    day, known = coordinates(as_of, known_at)
    steps = [*board.STEPS, "layout", *(["PDF"] if kind == "pdf" else [])]
    columns = (TextColumn("[bold]Report[/]"), BarColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(steps[0], total=len(steps))

        def step(name: str) -> None:
            done = steps.index(name)
            progress.update(task, completed=done, description=name)

        made = board.gather(pictures(ctx), settings(ctx), as_of=day, known_at=known, progress=step)
        step("layout")
        text = board.render_html(made)
        content = text.encode("utf-8")
        if kind == "pdf":
            step("PDF")
            content = board.render_pdf(text)
        with output_file(out, option="--out", binary=True) as stream:
            stream.write(content)
        progress.update(task, completed=len(steps), description="written")
    seq, head = made.head
    err_console.print(f"Wrote {out} ({kind.upper()}, {len(content):,} bytes): as of {day}, "
                      f"known at {known.isoformat() if known else 'every fact recorded'}, ledger #{seq} {head}",
                      highlight=False)


def _probe(path: Path) -> None:
    """Refuse, before the report is built, a folder where no file can be created (permission bits say little
    to root, or on a read-only file system)."""
    try:
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
        os.close(handle)
        os.unlink(probe)
        if path.exists() and not os.access(path, os.W_OK):
            raise PermissionError(13, "the file is read-only")
    except OSError as exc:
        raise InvalidInput(f"cannot write {path} (--out): {exc.strerror or exc}", field="--out",
                           path=str(path)) from None
