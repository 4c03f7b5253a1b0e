"""Commands that show the picture: pledges, gaps, conflicts, and the demo summary."""

from __future__ import annotations

from datetime import UTC, date, datetime

import typer
from rich.table import Table

from stabforce.cli.common import (
    AS_OF,
    KNOWN_AT,
    console,
    handle_errors,
    parse_day,
    parse_known_at,
    pictures,
    print_json,
    status,
)
from stabforce.engines.forcegen import ForceGeneration
from stabforce.model import Snapshot
from stabforce.services import views

JSON = typer.Option(False, "--json", help="Print JSON (contributors as ISO 3166 alpha-3 codes).")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    for command in (pledges, gaps, conflicts, summary):
        app.command()(command)


def _picture(ctx: typer.Context, as_of: str | None, known_at: str | None) -> tuple[Snapshot, ForceGeneration]:
    day = parse_day(as_of, option="--as-of") or datetime.now(UTC).date()
    with status("Folding the ledger"):
        p = pictures(ctx).get(as_of=day, known_at=parse_known_at(known_at))
        return p.snapshot, p.forcegen


@handle_errors
def pledges(ctx: typer.Context, as_of: str = AS_OF, known_at: str = KNOWN_AT, json_out: bool = JSON) -> None:
    """Each contributor's stance and pledges, with sources, as of a day and as known at a time."""
    snapshot, fg = _picture(ctx, as_of, known_at)
    if json_out:
        print_json({**views.snapshot_header(snapshot), "contributors": [views.contributor_view(c) for c in fg.contributors]})
        return
    _header(snapshot)
    table = Table("contributor", "stance", "pledge (as stated)", "phase", "tasks / caveats", "source", "grade",
                  show_lines=True)
    for c in fg.contributors:
        stance = (c.stance or "—") + ("" if c.counted else " (not counted)")
        if not c.pledges:
            src = c.stance_fact
            table.add_row(f"{c.name} ({c.iso3})", stance, "—", "", ", ".join(sorted(c.caveats)),
                          _src(src) if src else "", src.grade if src else "")
        for line in c.pledges:
            for fact in line.claims:
                p = fact.payload
                said = views.stated_quantity(p["personnel"]) + f" {p['personnel_kind']}"
                marks = " [red](disputed)[/]" if line.disputed else ""
                table.add_row(f"{c.name} ({c.iso3})", stance, said + marks, line.phase or "whole force",
                              ", ".join(p["tasks"] + [f"caveat: {x}" for x in p["caveats"]]),
                              _src(fact), fact.grade)
    console.print(table)


@handle_errors
def gaps(ctx: typer.Context, as_of: str = AS_OF, known_at: str = KNOWN_AT, json_out: bool = JSON) -> None:
    """Totals as firm / likely / possible, gaps to each requirement, the caveat gap, the newest fact."""
    snapshot, fg = _picture(ctx, as_of, known_at)
    if json_out:
        print_json({**views.snapshot_header(snapshot), **views.gaps_view(fg)})
        return
    _header(snapshot)
    _print_gaps(fg)


@handle_errors
def conflicts(
    ctx: typer.Context, as_of: str = AS_OF, known_at: str = KNOWN_AT, json_out: bool = JSON,
    all_: bool = typer.Option(False, "--all", help="Include settled conflicts."),
) -> None:
    """Reports that disagree about the same thing, side by side with their sources."""
    snapshot, _ = _picture(ctx, as_of, known_at)
    shown = [c for c in snapshot.conflicts if all_ or not c.settled]
    if json_out:
        print_json({**views.snapshot_header(snapshot), "conflicts": [views.conflict_view(c) for c in shown]})
        return
    _header(snapshot)
    if not shown:
        console.print("No open conflicts.")
    for c in shown:
        table = Table("fact", "says", "source", "attribution", "grade", "quote",
                      title=f"{c.id}: {c.kind} about {c.subject}"
                            + (f" ({', '.join(str(k) for k in c.key if k is not None)})" if any(c.key) else "")
                            + (f" — settled by {c.settled_by.id}" if c.settled_by else ""))
        for f in c.facts:
            table.add_row(f.id, views.describe(f),
                          f"{f.source.key} ({f.source.date})", f.source.attribution or "", f.grade,
                          ("(paraphrase) " if f.source.paraphrase and f.quote else "") + (f.quote or ""))
        console.print(table)


@handle_errors
def summary(ctx: typer.Context, as_of: str = AS_OF, known_at: str = KNOWN_AT) -> None:
    """The force-generation summary: contributors, totals, gaps and conflicts."""
    snapshot, fg = _picture(ctx, as_of, known_at)
    _header(snapshot)
    table = Table("contributor", "stance", "low", "likely", "high", "kind")
    for c in fg.contributors:
        for kind, f in c.figures.items():
            table.add_row(f"{c.name} ({c.iso3})", (c.stance or "—") + ("" if c.counted else " (not counted)"),
                          f"{f.low:,}", _n(f.likely), _n(f.high), kind)
        if not c.figures:
            table.add_row(f"{c.name} ({c.iso3})", c.stance or "—", "", "", "", "no figures")
    console.print(table)
    _print_gaps(fg)
    open_conflicts = [c for c in snapshot.conflicts if not c.settled]
    console.print(f"Open conflicts: {len(open_conflicts)} "
                  f"({', '.join(sorted({c.subject for c in open_conflicts}))}) — see `stabforce conflicts`.")


def _print_gaps(fg: ForceGeneration) -> None:
    table = Table("personnel", "required", "firm", "likely", "possible", "gap (firm)", "gap (likely)",
                  "gap (possible)", title="Personnel against requirements")
    for g in fg.personnel_gaps:
        t = g.pledged
        table.add_row(g.personnel_kind, f"{g.required:,}", f"{t.firm:,}", f"{t.likely:,}", f"{t.possible:,}",
                      f"{g.gap_worst:,}", f"{g.gap_likely:,}", f"{g.gap_best:,}")
    console.print(table)
    for level, meaning in views.LEVELS.items():
        console.print(f"  [bold]{level}[/]: {meaning}", highlight=False)
    tasks = Table("required task", "will do", "may do (tasks not stated)", "will not (caveats)", "covered?",
                  title="Tasks against caveats")
    for t in fg.tasks:
        refuse = "; ".join(f"{k}: {', '.join(v)}" for k, v in t.refuse.items())
        tasks.add_row(t.task, ", ".join(t.will_do) or "—", ", ".join(t.may_do) or "—", refuse or "—",
                      "[bold red]NO — caveat gap[/]" if t.uncovered else "yes")
    console.print(tasks)


def _header(s: Snapshot) -> None:
    console.print(f"[bold]As of {s.as_of}[/], as known at {s.known_at:%Y-%m-%d %H:%M} UTC "
                  f"({s.known_count} facts known)")
    console.print(newest_line(views.newest_view(s)), highlight=False)


def newest_line(newest: dict | None) -> str:
    """Return how old the picture's newest fact is, in words."""
    if newest is None:
        return "Newest fact: none (nothing stands on this day)."
    days = newest["days_before_as_of"]
    when = "on the as-of day" if days == 0 else f"{days:,} day{'s' if days != 1 else ''} before as-of"
    day = date.fromisoformat(newest["date"])
    return f"Newest fact: {day.day} {day:%b %Y} ({when}) — {newest['fact']}"


def _src(fact) -> str:  # type: ignore[no-untyped-def]
    who = f", {fact.source.attribution}" if fact.source.attribution else ""
    return f"{fact.source.key} ({fact.source.date}{who})"


def _n(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


