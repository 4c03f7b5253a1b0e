"""What every command shares: settings, the store, the actor, dates, output and errors."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from functools import wraps
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console

from stabforce.bootstrap import Services, build, build_store
from stabforce.errors import InvalidInput, StabforceError
from stabforce.services.actors import Actor, Role
from stabforce.services.picture import Pictures
from stabforce.settings import Settings

if TYPE_CHECKING:
    from stabforce.store import LedgerStore

console = Console()
err_console = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])


def settings(ctx: typer.Context) -> Settings:
    """Return the settings the main callback built."""
    return ctx.find_root().obj["settings"]


def store(ctx: typer.Context) -> LedgerStore:
    """Return the ledger store for the configured database (built once per command)."""
    obj = ctx.find_root().obj
    if "store" not in obj:
        obj["store"] = build_store(obj["settings"])
    return obj["store"]


def services(ctx: typer.Context) -> Services:
    """Return every service for the configured database (built once per command)."""
    obj = ctx.find_root().obj
    if "services" not in obj:
        obj["services"] = build(obj["settings"])
    return obj["services"]


def close_store(ctx: typer.Context) -> None:
    """Release the store's database connections when the command ends."""
    obj = ctx.find_root().obj
    for name in ("store", "services"):
        built = obj.pop(name, None)
        if built is not None:
            built.close()


def cli_actor(ctx: typer.Context) -> Actor:
    """Return the actor for writes from the command line: the operator, as admin."""
    name = settings(ctx).actor or f"cli:{getpass.getuser()}"
    return Actor(id=name, role=Role.ADMIN)


def cli_reader(ctx: typer.Context) -> Actor:
    """Return who the command line reads as: the operator (admin, every fact), or the role given with
    the global `--read-as ROLE[:ISO3]` (what that role may read under the facts' TLP markings)."""
    operator = cli_actor(ctx)
    read_as = ctx.find_root().obj.get("read_as")
    if not read_as:
        return operator
    role, _, country = read_as.partition(":")
    if role == "public":
        return Actor(id=f"{operator.id} as public", role=Role.VIEWER, public=True)
    try:
        as_role = Role(role)
    except ValueError:
        raise typer.BadParameter(f"{role!r} is not a role ({', '.join(r.value for r in Role)}, public)",
                                 param_hint="--read-as") from None
    if as_role == Role.LIAISON and len(country) != 3:
        raise typer.BadParameter("a liaison reads for one country: liaison:ISO3, e.g. liaison:IDN",
                                 param_hint="--read-as")
    return Actor(id=f"{operator.id} as {read_as}", role=as_role, contributor=country.upper() or None)


def handle_errors(func: F) -> F:
    """Turn a StabforceError into its message on stderr and exit code 2 (tracebacks with --debug)."""
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StabforceError as exc:
            ctx = kwargs.get("ctx")
            if isinstance(ctx, typer.Context) and ctx.find_root().obj.get("debug"):
                raise
            err_console.print(f"[bold red]Error:[/] {exc.message}", highlight=False)
            raise typer.Exit(2) from None
    return wrapper  # type: ignore[return-value]


def parse_day(value: str | None, *, option: str) -> date | None:
    """Parse an ISO date option, naming the option when it is malformed."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


#: The `--as-of` and `--known-at` options of the commands that show the picture on a day.
AS_OF = typer.Option(None, "--as-of", help="The day to show (default today).")
KNOWN_AT = typer.Option(None, "--known-at", help="Show what was known then: a date (end of day, UTC) "
                                                  "or a datetime (default now).")


def coordinates(as_of: str | None, known_at: str | None) -> tuple[date, datetime | None]:
    """Parse --as-of (default today) and --known-at (None: everything recorded)."""
    return parse_day(as_of, option="--as-of") or datetime.now(UTC).date(), parse_known_at(known_at) if known_at else None


def pictures(ctx: typer.Context) -> Pictures:
    """Return folded pictures of the configured ledger (built once per command)."""
    obj = ctx.find_root().obj
    if "pictures" not in obj:
        obj["pictures"] = Pictures(store(ctx)).scoped(cli_reader(ctx).clearance)
    return obj["pictures"]


def parse_known_at(value: str | None) -> datetime:
    """Parse --known-at: a date means the end of that day (UTC); a datetime is taken as given."""
    if value is None:
        return datetime.now(UTC)
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time.max, tzinfo=UTC)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date or datetime", param_hint="--known-at") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def print_json(value: Any) -> None:
    """Print machine-readable output on stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


@contextmanager
def status(message: str) -> Iterator[None]:
    """Show a spinner on stderr while something slow runs."""
    with err_console.status(message):
        yield


def check_writable(path: Path, *, option: str) -> Path:
    """Refuse (an `InvalidInput` naming `option` and the path: exit 2) a file the command could not write:
    its folder missing or not a folder, or the path itself a folder. Call it before any work is done."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise InvalidInput(f"cannot write {path} ({option}): it is a folder, not a file", field=option, path=str(path))
    if not folder.is_dir():
        raise InvalidInput(f"cannot write {path} ({option}): the folder {folder} does not exist", field=option, path=str(path))
    return path


@contextmanager
def output_file(path: Path, *, option: str, binary: bool = False) -> Iterator[IO[Any]]:
    """Open `path` for writing, all or nothing: written to PATH.part and moved over PATH when the block
    ends without error (an existing PATH is never left half-written). Any OS error (no such folder,
    permission denied, disk full) becomes an `InvalidInput` naming `option` and the path: exit 2, no
    traceback."""
    check_writable(path, option=option)
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("wb") if binary else tmp.open("w", encoding="utf-8") as stream:
            yield stream
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput(f"cannot write {path} ({option}): {exc.strerror or exc}", field=option,
                           path=str(path)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_database_url(url: str) -> None:
    """Refuse a SQLite database whose folder does not exist (SQLite cannot create it), naming the file."""
    head, sep, rest = url.partition(":///")
    if not head.startswith("sqlite") or not sep:
        return
    name = rest.split("?", 1)[0]
    if name and name != ":memory:" and not Path(name).parent.is_dir():
        raise InvalidInput(f"cannot open the database {name} (--database-url): the folder {Path(name).parent} "
                           "does not exist", field="--database-url", path=name)


#: `--port`: a TCP port, 1-65535 (Typer refuses anything else with exit 2, naming the option).
PORT = typer.Option(None, "--port", min=1, max=65535, help="Port, 1-65535 (default from settings: 8000).")
