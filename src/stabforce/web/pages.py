"""What every page shares: templates, the logged-in actor, CSRF, the "as known on" coordinates."""

from __future__ import annotations

import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from stabforce.bootstrap import Services
from stabforce.errors import InvalidInput, NotFound, PermissionDenied, StabforceError
from stabforce.httpstatus import status_of
from stabforce.ledger import KINDS
from stabforce.ledger.plausible import is_http_url
from stabforce.services import views
from stabforce.services.actors import ANONYMOUS, WRITABLE, Actor, Role

templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
templates.env.filters["stated"] = views.stated_quantity
templates.env.filters["describe"] = views.describe
templates.env.filters["num"] = lambda n: "—" if n is None else f"{n:,}"
templates.env.filters["tlp"] = lambda fact: Markup(
    '<span class="tlp tlp-{cls}" title="{title}">TLP:{label}</span>'.format(
        cls=(fact.marking or "CLEAR").lower().replace("+", "-"), label=fact.marking or "CLEAR",
        title=TLP_MEANING[fact.marking or "CLEAR"]))
#: What each TLP 2.0 label means here (the badge's tooltip; docs/architecture.md has the table).
TLP_MEANING = {
    "CLEAR": "Anyone may read it (unmarked facts are CLEAR).",
    "GREEN": "Logged-in users only (the community), not the public.",
    "AMBER": "The organisation's staff, and the liaison of the country it is about.",
    "AMBER+STRICT": "The organisation's staff only.",
    "RED": "Admins and the person who recorded it only.",
}
#: Only http(s) links with a host are ever rendered as links (a stored javascript: address stays text).
templates.env.tests["http_url"] = is_http_url
log = logging.getLogger("stabforce.web")


class LoginRequired(StabforceError):
    """The page needs a logged-in user."""

    code = "login_required"


@dataclass(frozen=True)
class When:
    """The page's coordinates: the day shown and when it was known (None = everything recorded)."""

    as_of: date
    known_at: datetime | None
    as_of_text: str
    known_text: str

    def query(self, **extra: Any) -> str:
        """Return the query string that keeps these coordinates on a link."""
        params = {k: v for k, v in {"as_of": self.as_of_text, "known_at": self.known_text, **extra}.items() if v}
        return "?" + urlencode(params) if params else ""


def services(request: Request) -> Services:
    """Return the app's services as this request's reader may see them: `pictures` holds only the
    facts the logged-in user (or the public visitor) may read under their TLP markings."""
    return request.app.state.services.for_reader(_session_actor(request) or ANONYMOUS)


def _session_actor(request: Request) -> Actor | None:
    user = request.session.get("user")
    if user:
        return Actor(id=user["id"], role=Role(user["role"]), contributor=user.get("contributor"))
    return None


def actor(request: Request) -> Actor:
    """Return the logged-in actor; anonymous viewer when public reading is on; else ask to log in."""
    who = _session_actor(request)
    if who is not None:
        return who
    if request.app.state.services.settings.public_read:
        return ANONYMOUS
    raise LoginRequired("log in to see this page")


def when(request: Request) -> When:
    """Read as_of and known_at (days) from the query string, naming a malformed one."""
    as_of_text = request.query_params.get("as_of", "")
    known_text = request.query_params.get("known_at", "")
    try:
        as_of = date.fromisoformat(as_of_text) if as_of_text else datetime.now(UTC).date()
    except ValueError:
        raise InvalidInput(f"as_of {as_of_text!r} is not a date (YYYY-MM-DD)", field="as_of") from None
    try:
        known = datetime.combine(date.fromisoformat(known_text), time.max, tzinfo=UTC) if known_text else None
    except ValueError:
        raise InvalidInput(f"known_at {known_text!r} is not a date (YYYY-MM-DD)", field="known_at") from None
    return When(as_of, known, as_of_text, known_text)


def csrf_token(request: Request) -> str:
    """Return this session's CSRF token, making one if needed."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(24)
    return token


def check_csrf(request: Request, submitted: str | None) -> None:
    """Refuse a form post whose CSRF token is missing or wrong."""
    expected = request.session.get("csrf", "")
    if not expected or not submitted or not secrets.compare_digest(submitted, expected):
        raise PermissionDenied("the form has expired or did not come from this site; reload it and try again")


def may_write(who: Actor, kind: str) -> bool:
    """Return whether the actor's role may append facts of this kind at all."""
    allowed = WRITABLE[who.role]
    return "*" in allowed or kind in allowed


def writable_kinds(who: Actor | None) -> list[str]:
    """Return the fact kinds the actor may record, sorted (none for a visitor)."""
    return [] if who is None else [k for k in sorted(KINDS) if may_write(who, k)]


def roles_that_may(kind: str) -> list[str]:
    """Return the roles that may record facts of this kind (admin first)."""
    return [str(r) for r in Role if "*" in WRITABLE[r] or kind in WRITABLE[r]]


def why_not(who: Actor | None, kind: str, action: str | None = None) -> str:
    """Return, in plain words, why the actor is not offered to record facts of this kind."""
    doing = action or f"record {kind.replace('_', ' ')} facts"
    others = roles_that_may(kind)
    allowed = (", ".join(others[:-1]) + " or " + others[-1]) if len(others) > 1 else "".join(others)
    if who is None:
        return f"Log in to {doing}."
    if who.role == Role.VIEWER:
        return f"Your role (viewer) reads only: it may not {doing}. The {allowed} may."
    return f"Your role ({who.role}) may not {doing}; the {allowed} may."


def require_form(who: Actor, kind: str, action: str | None = None) -> None:
    """Refuse to show a form that records facts of this kind to a role that may not submit it."""
    if not may_write(who, kind):
        raise PermissionDenied(why_not(who, kind, action), kind=kind, role=str(who.role))


def form_errors(exc: StabforceError, fields: dict[str, str], default: str = "form") -> dict[str, str]:
    """Return every message of a refusal keyed by the form field that shows it (all at once).

    `fields` maps a fact field (``payload.personnel.low``) or a form field name to the form field; a
    fact field not in it is shown by its nearest mapped parent, else under `default`."""
    problems = exc.details.get("errors") or [{"field": exc.details.get("field", ""), "message": exc.message}]
    out: dict[str, str] = {}
    for problem in problems:
        name = _form_field(str(problem.get("field") or ""), fields, default)
        out[name] = f"{out[name]}; {problem['message']}" if name in out else str(problem["message"])
    return out


def _form_field(field: str, fields: dict[str, str], default: str) -> str:
    if field in fields.values():
        return field
    while field:
        if field in fields:
            return fields[field]
        field = field.rpartition(".")[0]
    return default


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with what every page needs."""
    who = context.pop("who", None)
    if who is None:
        try:
            who = actor(request)
        except LoginRequired:
            who = None
    base = {"request": request, "who": who, "csrf": csrf_token(request) if who else "",
            "may_write": (lambda kind: who is not None and may_write(who, kind)),
            "why_not": (lambda kind, action=None: why_not(who, kind, action)), "writable": writable_kinds(who)}
    return templates.TemplateResponse(request, template, {**base, **context}, status_code=status_code)


def error_page(request: Request, exc: Exception) -> Response:
    """Render an error as a page with the same message and status the API would give."""
    if isinstance(exc, LoginRequired):
        return RedirectResponse("/login?" + urlencode({"next": request.url.path}), status_code=303)
    if isinstance(exc, StabforceError):
        return render(request, "error.html", status_code=status_of(exc), message=exc.message, code=exc.code)
    request_id = uuid.uuid4().hex[:12]
    log.exception("unhandled error on a page, request %s", request_id)
    return render(request, "error.html", status_code=500, message=f"Something went wrong (request {request_id}).",
                  code="internal_error")


__all__ = ["LoginRequired", "NotFound", "When", "actor", "check_csrf", "render", "services", "when"]
