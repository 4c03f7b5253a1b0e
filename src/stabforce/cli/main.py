"""`stabforce`: the command line. Each command parses options, calls one service, renders."""

from __future__ import annotations

import typer

from stabforce.cli import (
    exports_cmds,
    facts_cmds,
    forecast_cmds,
    gates_cmds,
    incidents_cmds,
    ledger_cmds,
    news_cmds,
    picture_cmds,
    police_cmds,
    registry_cmds,
    report_cmds,
    server_cmds,
)
from stabforce.cli.common import check_database_url, close_store, err_console
from stabforce.errors import InvalidInput
from stabforce.settings import Settings

app = typer.Typer(
    help="Plan, track and forecast a multinational stabilization force from a ledger of sourced facts.",
    no_args_is_help=True, pretty_exceptions_enable=False,
)


@app.callback()
def main(
    ctx: typer.Context,
    database_url: str = typer.Option(None, "--database-url", envvar="STABFORCE_DATABASE_URL",
                                     help="SQLAlchemy URL (default: sqlite:///stabforce.db)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
    read_as: str = typer.Option(None, "--read-as", envvar="STABFORCE_READ_AS",
                                help="Read as this role would (ROLE, liaison:ISO3 or public): only the facts its "
                                     "TLP markings allow. Default: the operator, who reads everything."),
) -> None:
    """Build the settings once for the command that follows."""
    settings = Settings(database_url=database_url) if database_url else Settings()
    try:
        check_database_url(settings.database_url)
    except InvalidInput as exc:
        err_console.print(f"[bold red]Error:[/] {exc.message}", highlight=False)
        raise typer.Exit(2) from None
    ctx.obj = {"settings": settings, "debug": debug, "read_as": read_as}
    ctx.call_on_close(lambda: close_store(ctx))


ledger_cmds.register(app)
picture_cmds.register(app)
server_cmds.register(app)
forecast_cmds.register(app)
gates_cmds.register(app)
registry_cmds.register(app)
police_cmds.register(app)
incidents_cmds.register(app)
news_cmds.register(app)
report_cmds.register(app)
exports_cmds.register(app)
app.add_typer(facts_cmds.app, name="facts", help="List, show and add facts.")


def run() -> None:
    """Entry point of the `stabforce` script."""
    app()


if __name__ == "__main__":
    run()
