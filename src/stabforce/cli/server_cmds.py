"""Serving the app, and the accounts that may use it: serve, users, token."""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import typer
from rich.table import Table

from stabforce.bootstrap import build
from stabforce.cli.common import PORT, check_writable, console, handle_errors, services, settings
from stabforce.services import accounts, exchange
from stabforce.services.actors import Actor, Role

users_app = typer.Typer(no_args_is_help=True, help="Add and list users.")
token_app = typer.Typer(no_args_is_help=True, help="Create, list and revoke API tokens.")


DEMO_USERS = (("admin", "admin", None), ("planner", "planner", None), ("board", "board", None),
              ("liaison-idn", "liaison", "IDN"), ("monitor", "monitor", None), ("analyst", "analyst", None),
              ("viewer", "viewer", None))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(serve)
    app.command()(demo)
    app.add_typer(users_app, name="users")
    app.add_typer(token_app, name="token")


def _accounts(ctx: typer.Context):  # type: ignore[no-untyped-def]
    return services(ctx).accounts


@handle_errors
def serve(
    ctx: typer.Context,
    host: str = typer.Option(None, "--host", help="Address to listen on (default from settings: 127.0.0.1)."),
    port: int = PORT,
) -> None:
    """Serve the dashboard and the REST API (OpenAPI at /docs)."""
    import uvicorn

    from stabforce.app import create_app

    conf = settings(ctx)
    app = create_app(conf)
    host, port = host or conf.host, port or conf.port
    console.print(f"stabforce on http://{host}:{port}  (API docs: http://{host}:{port}/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@handle_errors
def demo(
    ctx: typer.Context,
    db: Path = typer.Option(Path("demo.db"), "--db", help="The SQLite file to (re)create."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Prepare the database, do not serve."),
) -> None:
    """Recreate a demo database with the Gaza ISF scenario and one user per role, then serve it."""
    check_writable(db, option="--db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    conf = settings(ctx).model_copy(update={"database_url": f"sqlite:///{db}"})
    services = build(conf, migrate_schema=True)
    try:
        loaded = exchange.load_scenario(services.ledger, Actor(id="scenario:gaza-isf", role=Role.ADMIN), "gaza-isf")
        table = Table("user", "role", "password", title="Demo logins (made for this run only)")
        for name, role, contributor in DEMO_USERS:
            password = secrets.token_urlsafe(9)
            accounts.add_user(services.accounts, name=name, role=role, password=password, contributor=contributor)
            table.add_row(name, role + (f" ({contributor})" if contributor else ""), password)
    finally:
        services.close()
    console.print(f"Loaded {len(loaded)} facts of the Gaza ISF scenario into {db}.")
    console.print(table)
    if not no_serve:
        ctx.find_root().obj["settings"] = conf
        serve(ctx, host=None, port=None)


@users_app.command("add")
@handle_errors
def users_add(
    ctx: typer.Context,
    name: str = typer.Argument(...),
    role: str = typer.Option(..., "--role", help="admin, planner, board, liaison, monitor, analyst or viewer."),
    contributor: str = typer.Option(None, "--contributor", help="ISO3 code a liaison writes for."),
) -> None:
    """Add a user; the password is read from standard input (one line)."""
    password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else typer.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    user = accounts.add_user(_accounts(ctx), name=name, role=role, password=password, contributor=contributor)
    console.print(f"Added {user.name} ({user.role}{', ' + user.contributor if user.contributor else ''}).")


@users_app.command("list")
@handle_errors
def users_list(ctx: typer.Context) -> None:
    """List users."""
    table = Table("name", "role", "contributor")
    for user in _accounts(ctx).users():
        table.add_row(user.name, user.role, user.contributor or "")
    console.print(table)


@token_app.command("create")
@handle_errors
def token_create(ctx: typer.Context, name: str = typer.Argument(..., help="The user the token acts as.")) -> None:
    """Create an API token for a user and print it once (only its hash is stored)."""
    token_id, token = accounts.create_token(_accounts(ctx), name=name)
    console.print(f"Token {token_id} for {name} (shown only now):", highlight=False)
    sys.stdout.write(token + "\n")


@token_app.command("list")
@handle_errors
def token_list(ctx: typer.Context, name: str = typer.Argument(None)) -> None:
    """List tokens (id, user, first characters, revoked or not)."""
    table = Table("id", "user", "starts with", "created", "revoked")
    for t in accounts.list_tokens(_accounts(ctx), name=name):
        table.add_row(str(t.id), t.user_name, t.prefix + "…", f"{t.created_at:%Y-%m-%d %H:%M}",
                      f"{t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "")
    console.print(table)


@token_app.command("revoke")
@handle_errors
def token_revoke(ctx: typer.Context, token_id: int = typer.Argument(..., help="The token's id (see token list).")) -> None:
    """Revoke a token; requests that send it are refused from now on."""
    accounts.revoke_token(_accounts(ctx), token_id=token_id)
    console.print(f"Revoked token {token_id}.")
