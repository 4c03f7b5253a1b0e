"""The Board of Peace's six-monthly report: one printable HTML document (and a PDF of it) made from the
same plain-JSON views the pages, the API and the CLI show, for one ledger state.

`gather` reads every section through the services (no number is computed here a second time; the
report only chooses, lays out and cites), `render_html` lays it out with numbered notes naming each
figure's facts, sources, dates and grades, `render_pdf` prints that HTML with WeasyPrint. The ledger
state (head seq and hash, as_of, known_at) is printed so anyone can re-check the report.
"""

from __future__ import annotations

import base64
import html
import io
import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from stabforce.errors import InvalidInput, NotFound
from stabforce.ledger import Fact
from stabforce.ledger.vocab import SECTORS
from stabforce.services import forecasts, police, registry, views
from stabforce.services import gates as gates_service
from stabforce.services import incidents as incidents_service
from stabforce.services.picture import Pictures
from stabforce.settings import Settings

HERE = Path(__file__).resolve().parent
GEO = HERE.parent / "web" / "static" / "geo"
CSS = (HERE / "board.css").read_text(encoding="utf-8")
SEED = 2803
MISSION = "mission:gaza-isf"
UNIT_MOVES = ("unit_arrived", "unit_departed")
#: The section titles, in order (the tests look for each in the PDF's text).
SECTIONS = (
    "Mandate and expiry", "Force generation", "Deployment and forecast", "Gates and milestones",
    "Decommissioning registry", "Police pipeline", "Civilian sites", "Incidents", "Open conflicts", "Map",
    "Notes", "Ledger state",
)
#: The steps `gather` reports to its `progress` callback, in order; faces add "layout" and "PDF".
STEPS = ("force generation", "forecast", "gates", "registry", "police and sites", "incidents", "charts and map")

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
_env.filters["stated"] = views.stated_quantity


def force_levels(totals: Mapping[str, Any]) -> dict[str, int | None]:
    """Return firm / likely / possible of one personnel kind's totals (from `views.gaps_view`): the one
    place that reads the force-generation totals' names (`views.LEVELS` says what each means)."""
    return {"firm": totals.get("firm"), "likely": totals.get("likely"), "possible": totals.get("possible")}


#: What each level means, unless the force-generation view says it (`gaps_view`'s "levels").
LEVEL_WORDS = {"firm": "pledges of the contributors whose stance is committed",
               "likely": "the stated figures of counted contributors' pledges",
               "possible": "the stated ceilings of counted contributors' pledges"}


def level_words(gaps: Mapping[str, Any]) -> dict[str, str]:
    """Return what firm, likely and possible mean, in the force-generation view's own words when it has them."""
    return {**LEVEL_WORDS, **gaps.get("levels", {})}


@dataclass
class BoardReport:
    """Everything the report shows, as the services' plain-JSON views, for one ledger state."""

    as_of: date
    known_at: datetime | None
    head: tuple[int, str]
    facts: dict[str, Fact]
    data: dict[str, Any]
    charts: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    #: None when made from every fact; else the TLP markings its reader may read (others are left out)
    readable: tuple[str, ...] | None = None


def gather(pictures: Pictures, settings: Settings, *, as_of: date, known_at: datetime | None,
           progress: Callable[[str], None] = lambda step: None) -> BoardReport:
    """Read every section of the report through the services, for one ledger state.

    `pictures` is what the calling face reads with for its actor, so whatever that actor may not see
    is not in the report either. `progress` is called with each step's name (the CLI's progress bar).
    If the ledger grows while the report is read, it is read again, so every section has one state.
    """
    started = time.perf_counter()
    for _ in range(3):
        view = pictures.facts()
        report = _gather(pictures, settings, view, as_of=as_of, known_at=known_at, progress=progress)
        if pictures.facts()[1] == view[1]:
            report.seconds = time.perf_counter() - started
            return report
    raise InvalidInput("the ledger kept changing while the report was read; try again", field="ledger")


def _gather(pictures: Pictures, settings: Settings, view: tuple[list[Fact], tuple[int, str]], *, as_of: date,
            known_at: datetime | None, progress: Callable[[str], None]) -> BoardReport:
    facts, head = view
    progress("force generation")
    picture = pictures.get(as_of=as_of, known_at=known_at, view=view)
    snap, fg = picture.snapshot, picture.forcegen
    mandate = snap.current("mission_authorized", MISSION)
    data: dict[str, Any] = {
        "header": views.snapshot_header(snap),
        "mandate": views.mandate_view(mandate, as_of) if mandate else None,
        "gaps": views.gaps_view(fg),
        "contributors": [views.contributor_view(c) for c in fg.contributors],
        "task_requirements": [views.source_view(g.current) for g in snap.claims("requirement", MISSION)
                              if g.current is not None and g.current.payload.get("task")],
        "unit_moves": [f.id for kind in UNIT_MOVES for f in _live(facts, snap, kind)],
        "conflicts": [views.conflict_view(c) for c in snap.conflicts if not c.settled],
        "zones": [{"zone": g.subject.partition(":")[2], "controlled_by": g.current.payload["controlled_by"],
                   "share": g.current.payload.get("share_of_territory_pct"), "fact": g.current.id}
                  for g in snap.claims("zone_control") if g.current is not None],
    }
    progress("forecast")
    try:
        made = forecasts.forecast_scenario(pictures, settings, as_of=as_of, known_at=known_at,
                                           runs=settings.forecast_runs, seed=SEED)
        data["forecast"] = {**forecasts.forecast_view(made.result, target=made.target, housing=made.camps),
                            "fan": forecasts.fan(made.result), "target": made.target, "observed": made.observed}
        data["forecast_error"] = None
    except (NotFound, InvalidInput) as exc:  # no mandate or troop requirement to forecast from
        data["forecast"], data["forecast_error"] = None, exc.message
    progress("gates")
    data["gates"] = gates_service.gates_view(gates_service.gates_picture(pictures, as_of=as_of, known_at=known_at))
    progress("registry")
    data["registry"] = registry.registry_view(registry.registry_picture(pictures, as_of=as_of, known_at=known_at))
    progress("police and sites")
    data["police"] = police.police_view(*police.pipeline(pictures, as_of=as_of, known_at=known_at))
    data["sites"] = police.sites_view(*police.sites(pictures, as_of=as_of, known_at=known_at))
    progress("incidents")
    data["incidents"] = incidents_service.incidents_view(pictures, as_of=as_of, known_at=known_at)
    progress("charts and map")
    clearance = pictures.clearance
    report = BoardReport(as_of=as_of, known_at=known_at, head=head, facts={f.id: f for f in facts}, data=data,
                         readable=None if clearance.everything else tuple(sorted(clearance.markings)))
    report.charts = pictures.memo(("board-report-charts", as_of, known_at), lambda: _charts(data), head=head)
    return report


def _live(facts: list[Fact], snap: Any, kind: str) -> list[Fact]:
    """Return the facts of an event kind standing in the snapshot (known, valid by as_of, not superseded)."""
    return [f for f in facts if f.kind == kind and f.known_from <= snap.known_at and f.valid_from <= snap.as_of
            and f.id not in snap.superseded_by]


# --- notes -----------------------------------------------------------------------------------------------


@dataclass
class Note:
    """One numbered note: the facts behind a figure (each with its source, date and grade) and words."""

    number: int
    facts: tuple[Fact, ...]
    texts: list[str]

    def by_source(self) -> list[tuple[Any, str, list[str]]]:
        """Return the note's facts grouped by source and grade: (source, grade, fact ids), oldest source first."""
        groups: dict[tuple[str, str | None, str], tuple[Any, str, list[str]]] = {}
        for f in self.facts:
            key = (f.source.key, f.source.attribution, f.grade)
            groups.setdefault(key, (f.source, f.grade, []))[2].append(f.id + (f" (TLP:{f.marking})" if f.marking else ""))
        return sorted(groups.values(), key=lambda g: (g[0].date, g[0].key))


class Notes:
    """Numbered notes; citing the same facts with the same words again gives the same number."""

    def __init__(self, facts: Mapping[str, Fact]) -> None:
        self.facts = facts
        self.notes: list[Note] = []
        self._index: dict[tuple[str, ...], int] = {}

    def cite(self, ids: Iterable[str | None], text: str = "") -> Markup:
        """Return the note marker for these facts (ids the reader may not see are left out).

        The same facts cited again give the same note; each different `text` (how the figure is made from
        them) is added to it once."""
        found = tuple(dict.fromkeys(i for i in ids if i and i in self.facts))
        if not found:
            raise ValueError(f"a note needs at least one known fact ({text or 'no words'})")
        if found not in self._index:
            self._index[found] = len(self.notes) + 1
            self.notes.append(Note(len(self.notes) + 1, tuple(self.facts[i] for i in found), []))
        n = self._index[found]
        note = self.notes[n - 1]
        if text and text not in note.texts:
            note.texts.append(text)
        return Markup(f'<sup class="fn"><a href="#note-{n}">[{n}]</a></sup>')

    def fig(self, value: Any, ids: Iterable[str | None], text: str = "", *, unit: str = "") -> Markup:
        """Return a figure with its note marker; a figure without facts is refused (see `cite`)."""
        return Markup('<span class="fig">') + _fmt(value) + unit + Markup("</span>") + self.cite(ids, text)


def _fmt(value: Any) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


# --- charts and map ---------------------------------------------------------------------------------------


def _img(fig: Any, alt: str) -> str:
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    svg = buffer.getvalue()
    encoded = base64.b64encode(svg[svg.index("<svg"):].encode()).decode()
    return f'<img class="chart" alt="{html.escape(alt)}" src="data:image/svg+xml;base64,{encoded}">'


def _charts(data: dict[str, Any]) -> dict[str, str]:
    """Draw the report's charts and map (fixed margins: `tight_layout` would draw each figure twice)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 7, "svg.hashsalt": "stabforce", "svg.fonttype": "none"})
    charts = {}
    gaps = [g for g in data["gaps"]["personnel_gaps"]]
    if gaps:
        fig, ax = plt.subplots(figsize=(6.2, 1.2 + 0.45 * len(gaps)), dpi=100)
        names = [g["personnel_kind"] for g in gaps]
        totals = data["gaps"]["totals"]
        for row, g in enumerate(gaps):
            lv = force_levels(totals.get(g["personnel_kind"], {}))
            for level, colour in (("possible", "#cfe0f3"), ("likely", "#7aa6d8"), ("firm", "#1f5fa8")):
                ax.barh(row, lv[level] or 0, color=colour, height=0.55, label=level if row == 0 else None)
            ax.plot([g["required"]] * 2, [row - 0.38, row + 0.38], color="#a3300b", lw=2,
                    label="required" if row == 0 else None)
        ax.set_yticks(range(len(names)), names)
        ax.set_xlabel("personnel")
        ax.legend(fontsize=6, loc="lower right", ncol=4)
        fig.subplots_adjust(left=0.09, right=0.98, top=0.95, bottom=0.3)
        charts["forcegen"] = _img(fig, "Pledged personnel (firm, likely, possible) against the requirement")
    fc = data.get("forecast")
    if fc:
        fan = fc["fan"]
        days = [date.fromisoformat(d) for d in fan["labels"]]
        fig, ax = plt.subplots(figsize=(6.2, 2.5), dpi=100)
        ax.fill_between(days, fan["p10"], fan["p90"], color="#7aa6d8", alpha=0.45, label="80% interval")
        ax.plot(days, fan["p50"], color="#1f5fa8", lw=1.6, label="median")
        ax.axhline(fc["target"], color="#222", ls="--", lw=1, label="requirement")
        ax.axvline(date.fromisoformat(data["header"]["as_of"]), color="#a3300b", lw=1, label="as of")
        ax.set_ylabel("troops in Gaza")
        ax.legend(fontsize=6, loc="upper left")
        fig.autofmt_xdate()
        fig.subplots_adjust(left=0.1, right=0.98, top=0.96, bottom=0.2)
        charts["fan"] = _img(fig, "Forecast of troops on the ground: median and 80% interval")
    pol = [s for s in data["police"]["stages"] if s["stage"] != "attrition"]
    if any(s["facts"] for s in pol):
        fig, ax = plt.subplots(figsize=(6.2, 2.0), dpi=100)
        ax.bar([s["stage"] for s in pol], [s["total"] or 0 for s in pol], color="#1f5fa8")
        if data["police"]["target"]:
            ax.axhline(data["police"]["target"], color="#a3300b", ls="--", lw=1, label="target")
            ax.legend(fontsize=6)
        ax.set_ylabel("police")
        fig.subplots_adjust(left=0.1, right=0.98, top=0.95, bottom=0.14)
        charts["police"] = _img(fig, "Police pipeline by stage against the target")
    weeks = data["incidents"]["weeks"]
    if data["incidents"]["total"]:
        fig, ax = plt.subplots(figsize=(6.2, 2.0), dpi=100)
        days = [date.fromisoformat(w["week"]) for w in weeks]
        bottom = [0] * len(weeks)
        for violation, colour in (("none", "#9bb3cc"), ("minor", "#e3a33b"), ("serious", "#a3300b")):
            values = [w["by_violation"].get(violation, 0) for w in weeks]
            ax.bar(days, values, width=6, bottom=bottom, color=colour, label=violation)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_ylabel("incidents per week")
        ax.legend(fontsize=6, title="violation", title_fontsize=6)
        fig.autofmt_xdate()
        fig.subplots_adjust(left=0.08, right=0.98, top=0.95, bottom=0.22)
        charts["incidents"] = _img(fig, "Incidents per week by violation class")
    charts["map"] = _map(data)
    return charts


def _map(data: dict[str, Any]) -> str:
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Polygon

    outline = json.loads((GEO / "gaza-outline.geojson").read_text(encoding="utf-8"))
    zones = json.loads((GEO / "zones-approximate.geojson").read_text(encoding="utf-8"))
    sectors = json.loads((GEO / "sectors-approximate.geojson").read_text(encoding="utf-8"))
    shares = {z["zone"]: z for z in data["zones"]}
    fig, ax = plt.subplots(figsize=(4.2, 4.6), dpi=100)
    colours = {"idf": "#d9a6a0", "hamas": "#a8c3a0", "isf": "#9db7d9"}
    handles: list[Any] = []
    for feature in zones["features"]:
        props = feature["properties"]
        ledger = shares.get(props["zone"])
        colour = colours.get(str((ledger or {}).get("controlled_by", "")).lower(), "#dddddd")
        for ring in _rings(feature["geometry"]):
            ax.add_patch(Polygon(ring, closed=True, facecolor=colour, edgecolor="#555", lw=0.6, alpha=0.8))
        label = props.get("name", props["zone"]).replace("-", " ")
        if ledger and ledger["share"] is not None:
            label += f" ({ledger['controlled_by']} {ledger['share']:g}%)"
        handles.append(Patch(facecolor=colour, edgecolor="#555", lw=0.6, label=label))
    for feature in outline["features"]:
        for ring in _rings(feature["geometry"]):
            xs, ys = zip(*ring, strict=True)
            ax.plot(xs, ys, color="#1d2330", lw=1.2)
    for feature in sectors["features"]:
        lon, lat = feature["geometry"]["coordinates"][:2]
        ax.plot(lon, lat, "s", color="#1f5fa8", ms=5)
        ax.annotate(f"{feature['properties']['order']}. {feature['properties']['name']}", (lon, lat),
                    xytext=(4, 3), textcoords="offset points", fontsize=6, color="#1f5fa8")
    for site in data["sites"]["sites"]:
        if site["place"]:
            ax.plot(site["place"]["lon"], site["place"]["lat"], "o", mfc="none", mec="#6a3d9a", ms=9,
                    ls="none", mew=1.2, dashes=(2, 2) if site["place"].get("precision", 1) > 1 else (None, None))
    for inc in data["incidents"]["incidents"]:
        if inc["place"]:
            ax.plot(inc["place"]["lon"], inc["place"]["lat"], "x", color="#a3300b", ms=4)
    ax.legend(handles=handles, fontsize=6, loc="lower right", title="control zones (illustrative shapes)",
              title_fontsize=6)
    ax.set_aspect(1 / 0.855)  # cos(31.4°): degrees of longitude are shorter than degrees of latitude here
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.tick_params(labelsize=6)
    fig.subplots_adjust(left=0.14, right=0.98, top=0.98, bottom=0.09)
    return _img(fig, "Map of Gaza: outline, control zones, planned ISF sectors, civilian sites and incidents")


def _rings(geometry: Mapping[str, Any]) -> list[list[tuple[float, float]]]:
    if geometry["type"] == "Polygon":
        return [[tuple(p[:2]) for p in geometry["coordinates"][0]]]
    if geometry["type"] == "MultiPolygon":
        return [[tuple(p[:2]) for p in poly[0]] for poly in geometry["coordinates"]]
    if geometry["type"] == "LineString":
        return [[tuple(p[:2]) for p in geometry["coordinates"]]]
    if geometry["type"] == "MultiLineString":
        return [[tuple(p[:2]) for p in line] for line in geometry["coordinates"]]
    return []


# --- layout -----------------------------------------------------------------------------------------------


def render_html(report: BoardReport, *, stylesheet: str | None = None, controls: Mapping[str, str] | None = None) -> str:
    """Return the report as one HTML document.

    `stylesheet`: a URL to link the style sheet from (the page); None puts it inline (files, PDF).
    `controls`: the page's as_of / known_at texts and the PDF link; None for a file (no form, no link).
    """
    notes = Notes(report.facts)
    data = report.data
    template = _env.get_template("board.html")
    return template.render(
        r=report, d=data, notes=notes, fig=notes.fig, cite=notes.cite, levels=force_levels,
        words=level_words(data["gaps"]), sectors=SECTORS,
        css=None if stylesheet else Markup(CSS), stylesheet=stylesheet, controls=controls,
        head_seq=report.head[0], head_hash=report.head[1], sections=SECTIONS,
        known_text=report.known_at.isoformat() if report.known_at else None,
        pledge_ids=_pledge_ids, stance_ids=_stance_ids, fmt=_fmt, committed=_committed,
    )


def _pledge_ids(contributors: list[dict[str, Any]], kind: str | None = None, *, counted_only: bool = True,
                codes: Iterable[str] | None = None) -> list[str]:
    """Return the pledge facts (every standing claim) of the contributors, optionally of one personnel kind."""
    wanted = set(codes) if codes is not None else None
    ids = []
    for c in contributors:
        if (counted_only and not c["counted"]) or (wanted is not None and c["contributor"] not in wanted):
            continue
        for p in c["pledges"]:
            if kind is None or p["personnel_kind"] == kind:
                ids += [claim["fact"] for claim in p["claims"]]
    return ids


def _committed(contributors: list[dict[str, Any]], *stances: str) -> list[dict[str, Any]]:
    """Return the counted contributors whose stance is committed (or one of `stances`, if given)."""
    wanted = set(stances or ("committed",))
    return [c for c in contributors if c["counted"] and c["stance"] in wanted]


def _stance_ids(contributors: list[dict[str, Any]], *, counted_only: bool = True) -> list[str]:
    return [c["stance_source"]["fact"] for c in contributors
            if c["stance_source"] and (c["counted"] or not counted_only)]


def render_pdf(html_text: str) -> bytes:
    """Print the report's HTML (with its style sheet inline) to PDF with WeasyPrint."""
    from weasyprint import HTML

    return HTML(string=html_text, base_url=str(HERE)).write_pdf()


def output_kind(path: Path) -> str:
    """Return "pdf" or "html" from an output file's suffix (.pdf, .html or .htm), refusing anything else."""
    suffix = path.suffix.lower()
    kind = "pdf" if suffix == ".pdf" else "html" if suffix in (".html", ".htm") else None
    if kind is None:
        raise InvalidInput(f"--out {path}: the file name must end in .pdf or .html", field="--out")
    return kind
