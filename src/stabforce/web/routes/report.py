"""The Board's report as a page (printable HTML, with the as-of / known-at controls) and as a PDF."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stabforce.web.pages import When, actor, services, when

router = APIRouter()


def _report(request: Request, at: When):  # type: ignore[no-untyped-def]
    from stabforce.reports import board  # matplotlib loads on the first report, not at start-up

    actor(request)
    svc = services(request)
    return board, board.gather(svc.pictures, svc.settings, as_of=at.as_of, known_at=at.known_at)


@router.get("/report", response_class=HTMLResponse)
def report_page(request: Request) -> HTMLResponse:
    """The report as printable HTML, with controls for its day and knowledge time and a PDF link."""
    at = when(request)
    board, made = _report(request, at)
    controls = {"action": "/report", "as_of": at.as_of.isoformat(), "known_at": at.known_text,
                "pdf": "/report.pdf" + at.query(as_of=at.as_of.isoformat())}
    return HTMLResponse(board.render_html(made, stylesheet="/report.css", controls=controls))


@router.get("/report.pdf")
def report_pdf(request: Request) -> Response:
    """The same report printed to PDF by WeasyPrint."""
    at = when(request)
    board, made = _report(request, at)
    pdf = board.render_pdf(board.render_html(made))
    name = f"board-report-{at.as_of.isoformat()}.pdf"
    return Response(pdf, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'})


@router.get("/report.css")
def report_css() -> Response:
    """The report's style sheet (the page links it; files and the PDF carry it inline)."""
    from stabforce.reports.board import CSS
    return Response(CSS, media_type="text/css", headers={"Cache-Control": "max-age=300"})
