"""The Board's report on the shipped scenario, on SQLite and PostgreSQL: the CLI writes a PDF that is read
back with pdftotext (every section, every note marker resolving to a note with a source, date and grade,
the ledger head equal to the store's) and drawn with pdftoppm (no blank page); bad input is refused
before anything is written; the page shows the same report and its PDF link answers a PDF."""

from __future__ import annotations

import html as htmlmod
import re
import shutil
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from typer.testing import CliRunner

from stabforce.app import create_app
from stabforce.cli.main import app as cli
from stabforce.reports import board
from stabforce.services import accounts, exchange, views
from stabforce.services import incidents as incidents_service
from stabforce.services.actors import Actor, Role
from stabforce.services.facts import record_facts
from stabforce.services.picture import Pictures
from stabforce.store import LedgerStore, create_db_engine
from tests.acled_fixtures import good_file
from tests.builders import fact_input
from tests.integration.api.conftest import PASSWORD
from tests.integration.web.test_pages import login

runner = CliRunner()
ADMIN = Actor(id="test:admin", role=Role.ADMIN)
AS_OF = "2026-03-01"
NOTE = re.compile(r"^\s*(\d+)\.\s", re.MULTILINE)
MARK = re.compile(r"\[(\d+)\]")
GRADE = re.compile(r"grade [A-F][1-6]")
pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
                                reason="poppler-utils missing: run scripts/ensure-poppler.sh")


@pytest.fixture
def loaded(db_url: str) -> str:
    store = LedgerStore(create_db_engine(db_url))
    try:
        exchange.load_scenario(store, ADMIN, "gaza-isf")
    finally:
        store.engine.dispose()
    return db_url


def _pdftotext(pdf: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _body_and_notes(text: str) -> tuple[str, dict[int, str]]:
    """Split the PDF's text at the Notes heading; return the body and each note's text by number."""
    body, rest = re.split(r"^\f?Notes$", text, maxsplit=1, flags=re.MULTILINE)
    notes_text = re.split(r"^\f?Ledger state$", rest, maxsplit=1, flags=re.MULTILINE)[0]
    notes: dict[int, str] = {}
    matches = list(NOTE.finditer(notes_text))
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        notes[int(m.group(1))] = " ".join(notes_text[m.end():nxt.start() if nxt else None].split())
    return body, notes


def test_scenario_report_pdf_has_every_section_resolving_notes_the_ledger_head_and_no_blank_page(loaded, tmp_path):
    out = tmp_path / "report.pdf"
    started = time.perf_counter()
    result = runner.invoke(cli, ["--database-url", loaded, "report", "--as-of", AS_OF, "--out", str(out)])
    seconds = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    text = _pdftotext(out)

    for title in board.SECTIONS:
        assert re.search(rf"^\f?{re.escape(title)}$", text, re.MULTILINE), f"section {title!r} missing"

    body, notes = _body_and_notes(text)
    used = {int(n) for n in MARK.findall(body)}
    assert used, "no note markers in the report"
    assert set(notes) == used, "every marker has a note and every note is used"
    for number, note in notes.items():
        assert GRADE.search(note), f"note {number} gives no grade: {note}"
        assert re.search(r"\d{4}-\d{2}-\d{2}", note), f"note {number} gives no source date: {note}"
        assert "fact" in note, f"note {number} names no fact: {note}"

    store = LedgerStore(create_db_engine(loaded))
    try:
        seq, head = store.head()
    finally:
        store.engine.dispose()
    state = " ".join(_pdftotext(out, layout=True).split())
    assert f"head seq {seq} · head hash {head} · as_of {AS_OF}" in state
    assert "stabforce report --as-of 2026-03-01" in state

    pages = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(pages)], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) >= 3
    for png in pngs:
        gray = Image.open(png).convert("L")
        inked = sum(gray.histogram()[:200])  # pixels clearly darker than white
        assert inked > 0.01 * gray.width * gray.height, f"{png.name} is (almost) blank"
    print(f"scenario report: {seconds:.2f} s, {len(pngs)} pages")  # shown with -s; the final note quotes it


def test_every_figure_in_the_report_carries_a_note_marker(loaded):
    """Each figure is a `fig` span followed by its marker, and no number of a thousand or more stands in
    the text without a marker after it in its line (stated quantities carry theirs after the words)."""
    made = _made(loaded)
    page = board.render_html(made)
    body = page.split('<section id="notes">')[0]
    figs = re.findall(r'<span class="fig">(.*?)</span>(<sup class="fn">)?', body)
    assert len(figs) > 40
    assert all(marker for _, marker in figs), [value for value, marker in figs if not marker]
    body = re.sub(r"<(style|code)[^>]*>.*?</\1>", " ", body, flags=re.DOTALL)
    lines = re.sub(r"</(td|th|p|li|tr|h\d|figcaption)>|<br>", "\n", body)
    lines = htmlmod.unescape(re.sub(r"<[^>]+>", "", lines))
    for line in lines.splitlines():
        for m in re.finditer(r"\d{1,3}(?:,\d{3})+", line):
            assert MARK.search(line[m.end():]), f"{m.group()} has no note marker: {line.strip()!r}"


def test_the_report_shows_the_services_figures(loaded):
    """No second computation: the force-generation figures are the view's, and change with the day."""
    made = _made(loaded)
    pictures = _pictures(loaded)
    gaps = views.gaps_view(pictures.get(as_of=made.as_of).forcegen)
    pictures.ledger.engine.dispose()
    troops = board.force_levels(gaps["totals"]["troops"])
    page = board.render_html(made)
    row = re.search(r"<tr><td>troops</td>.*?</tr>", page, re.DOTALL).group()
    shown = [int(v.replace(",", "")) for v in re.findall(r'<span class="fig">([\d,]+)</span>', row)]
    assert shown[:4] == [20000, troops["firm"], troops["likely"], troops["possible"]]
    earlier = board.render_html(_made(loaded, as_of="2025-12-01"))
    assert re.search(r"<tr><td>troops</td>.*?</tr>", earlier, re.DOTALL).group() != row


@pytest.mark.parametrize(("as_of", "known_at"), [("2025-10-01", None), ("2025-11-20", "2025-11-20"),
                                                  ("2025-12-15", "2025-11-29"), ("2027-06-30", None)])
def test_the_report_renders_on_other_days_with_a_note_for_every_figure(loaded, as_of, known_at):
    known = datetime.fromisoformat(known_at + "T23:59:59+00:00") if known_at else None
    page = board.render_html(_made(loaded, as_of=as_of, known_at=known))
    figs = re.findall(r'<span class="fig">(.*?)</span>(<sup class="fn">)?', page)
    assert figs and all(marker for _, marker in figs)
    assert page.count("<h2>") == len(board.SECTIONS)


def test_registry_and_incident_figures_cite_their_facts(loaded):
    """With weapons declared and collected and incidents imported, those sections show the services'
    figures, each with a note naming the very facts behind it."""
    store = LedgerStore(create_db_engine(loaded))
    try:
        for n, (state, qty) in enumerate([(None, 40), ("declared", 15)], start=1):
            payload = {"weapon": "rockets", "quantity": qty, "to_state": "collected" if state else "declared",
                       **({"from_state": state} if state else {})}
            record_facts(store, ADMIN, [fact_input("weapons_moved", "registry:weapons", payload=payload,
                                                   valid_from=f"2026-02-2{n}", id=f"rockets-{n}",
                                                   source={"key": "monitor-note.txt", "date": f"2026-02-2{n}"})])
        incidents_service.import_acled_csv(store, ADMIN, good_file(3), name="acled.csv", grade="C3")
    finally:
        store.engine.dispose()
    made = _made(loaded)
    page = board.render_html(made)
    notes = dict(re.findall(r'<li id="note-(\d+)"[^>]*>(.*?)</li>', page, re.DOTALL))
    registry_row = re.search(r'<table id="registry-categories">.*?<tr><td>heavy</td>(.*?)</tr>', page, re.DOTALL)
    declared, collected = re.findall(r'<span class="fig">([\d,]+)</span><sup class="fn"><a href="#note-(\d+)">',
                                     registry_row.group(1))[:2]
    assert (declared[0], collected[0]) == ("25", "15")  # 40 declared, 15 of them moved on to collected
    assert "rockets-1" in notes[declared[1]] and "rockets-2" in notes[declared[1]]
    assert "monitor-note.txt" in notes[declared[1]] and "grade B2" in notes[declared[1]]
    total = re.search(r'<section id="incidents">.*?<span class="fig">(\d+)</span><sup class="fn"><a href="#note-(\d+)">',
                      page, re.DOTALL)
    assert total.group(1) == "3"
    assert all(f"acled-tst{n}" in notes[total.group(2)] for n in (1, 2, 3)) and "grade C3" in notes[total.group(2)]
    assert "Figure 4. Incidents per week" in page


def test_bad_input_is_refused_before_anything_is_written(loaded, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    cases = [
        (["--as-of", "2026-02-30", "--out", str(tmp_path / "a.pdf")], "--as-of"),
        (["--known-at", "yesterday", "--out", str(tmp_path / "b.pdf")], "--known-at"),
        (["--out", str(tmp_path / "missing" / "c.pdf")], "does not exist"),
        (["--out", str(tmp_path / "d.docx")], "must end in .pdf or .html"),
        (["--out", str(tmp_path)], "--out"),
        (["--out", "/proc/e.pdf"], "cannot write /proc/e.pdf (--out)"),
    ]
    for args, message in cases:
        result = runner.invoke(cli, ["--database-url", loaded, "report", *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in " ".join(result.output.split()), (args, result.output)
    assert list(tmp_path.iterdir()) == []


def test_html_report_and_known_at(loaded, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["--database-url", loaded, "report", "--as-of", "2025-12-15",
                                 "--known-at", "2025-11-29", "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<style>" in page and 'id="report-pdf"' not in page  # a file: style inline, no page controls
    assert "known_at 2025-11-29T23:59:59.999999+00:00" in page
    later = board.render_html(_made(loaded, as_of="2025-12-15"))
    assert page.count('class="fn"') != later.count('class="fn"')  # what was known then is less


def test_report_page_and_its_pdf_link(loaded, tmp_path):
    from stabforce.bootstrap import build
    from stabforce.settings import Settings

    services = build(Settings(database_url=loaded, _env_file=None))
    try:
        accounts.add_user(services.accounts, name="vic", role="viewer", password=PASSWORD)
        with TestClient(create_app(services.settings, services=services)) as client:
            assert client.get("/report", follow_redirects=False).status_code == 303  # log in first
            login(client, "vic")
            page = client.get(f"/report?as_of={AS_OF}")
            assert page.status_code == 200
            assert '<link rel="stylesheet" href="/report.css">' in page.text and "<script" not in page.text
            for title in board.SECTIONS:
                assert f">{title}</h2>" in page.text
            link = htmlmod.unescape(re.search(r'<a href="([^"]+)" id="report-pdf"', page.text).group(1))
            assert link == f"/report.pdf?as_of={AS_OF}"
            pdf = client.get(link)
            assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
            assert pdf.content.startswith(b"%PDF")
            assert client.get("/report.css").headers["content-type"].startswith("text/css")
            bad = client.get("/report?as_of=2026-99-01")
            assert bad.status_code == 422 and "as_of" in bad.text
    finally:
        services.close()


def test_a_reader_s_report_leaves_out_what_their_marking_hides(loaded):
    """The page reads through the reader's scoped services: an AMBER+STRICT pledge is cited (and labelled)
    in the admin's report, and left out of the viewer's, which says it was made for a restricted reader."""
    from stabforce.bootstrap import build
    from stabforce.settings import Settings

    services = build(Settings(database_url=loaded, _env_file=None))
    try:
        record_facts(services.ledger, ADMIN, [fact_input(
            "pledge", "contributor:BRA", id="bra-strict", marking="AMBER+STRICT", valid_from="2026-02-20",
            payload={"personnel_kind": "troops", "personnel": {"low": 700, "high": 700}},
            source={"key": "closed-briefing.txt", "date": "2026-02-20"})])
        for name, role in (("vic", "viewer"), ("ada", "admin")):
            accounts.add_user(services.accounts, name=name, role=role, password=PASSWORD)
        pages = {}
        for name in ("vic", "ada"):
            with TestClient(create_app(services.settings, services=services)) as client:
                login(client, name)
                pages[name] = client.get(f"/report?as_of={AS_OF}").text
        assert "bra-strict (TLP:AMBER+STRICT)" in pages["ada"] and 'id="report-reader"' not in pages["ada"]
        assert "bra-strict" not in pages["vic"] and "closed-briefing" not in pages["vic"]
        assert 'id="report-reader"' in pages["vic"]
    finally:
        services.close()


def _pictures(db_url: str) -> Pictures:
    return Pictures(LedgerStore(create_db_engine(db_url)))


def _made(db_url: str, *, as_of: str = AS_OF, known_at: datetime | None = None) -> board.BoardReport:
    from stabforce.settings import Settings

    pictures = _pictures(db_url)
    try:
        return board.gather(pictures, Settings(database_url=db_url, _env_file=None),
                            as_of=datetime.fromisoformat(as_of).date(), known_at=known_at)
    finally:
        pictures.ledger.engine.dispose()


