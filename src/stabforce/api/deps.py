"""Who is calling: a Bearer token, a logged-in session, or (if allowed) an anonymous reader."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, Query, Request

from stabforce.bootstrap import Services
from stabforce.errors import PermissionDenied
from stabforce.httpstatus import NotAuthenticated
from stabforce.services import accounts
from stabforce.services.actors import ANONYMOUS, Actor, Role

#: The two coordinates every read of the picture takes.
AS_OF = Query(None, description="The day to show (default today).")
KNOWN_AT = Query(None, description="Show what was known at this time (default: everything recorded).")


def coordinates(as_of: date | None, known_at: datetime | None) -> tuple[date, datetime | None]:
    """Return the day to show (today if none) and the knowledge time (a naive time is taken as UTC)."""
    if known_at is not None and known_at.tzinfo is None:
        known_at = known_at.replace(tzinfo=UTC)
    return as_of or datetime.now(UTC).date(), known_at


def get_services(request: Request) -> Services:
    """Return the services built at start-up (every fact, whatever its marking: for who-is-calling)."""
    return request.app.state.services


AllServicesDep = Annotated[Services, Depends(get_services)]


def session_actor(request: Request) -> Actor | None:
    """Return the actor of the logged-in session, if any."""
    user = request.session.get("user") if "session" in request.scope else None
    if not user:
        return None
    return Actor(id=user["id"], role=Role(user["role"]), contributor=user.get("contributor"))


def _token_actor(request: Request, services: Services) -> Actor | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        return None
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated("send the API token as 'Authorization: Bearer TOKEN'")
    actor = accounts.actor_for_token(services.accounts, token.strip())
    if actor is None:
        raise NotAuthenticated("unknown or revoked API token")
    return actor


def reader(request: Request, services: AllServicesDep) -> Actor:
    """Return who may read: a token, a session, or anonymous when public reading is on."""
    actor = _token_actor(request, services) or session_actor(request)
    if actor is not None:
        return actor
    if services.settings.public_read:
        return ANONYMOUS
    raise NotAuthenticated("log in or send an API token")


def writer(request: Request, services: AllServicesDep) -> Actor:
    """Return who may write: a token, or a session that also sends its CSRF token."""
    actor = _token_actor(request, services)
    if actor is not None:
        return actor
    actor = session_actor(request)
    if actor is None:
        raise NotAuthenticated("log in or send an API token")
    expected = request.session.get("csrf", "")
    if not expected or not secrets.compare_digest(request.headers.get("x-csrf-token", ""), expected):
        raise PermissionDenied("a write from a browser session needs its X-CSRF-Token header")
    return actor


Reader = Annotated[Actor, Depends(reader)]
Writer = Annotated[Actor, Depends(writer)]


def reader_services(request: Request, actor: Reader) -> Services:
    """Return the services as the caller may see them: `pictures` holds only the facts the caller
    may read (TLP markings), so every read drawn from them leaves the others out."""
    return get_services(request).for_reader(actor)


ServicesDep = Annotated[Services, Depends(reader_services)]
