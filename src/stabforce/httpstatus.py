"""HTTP status for each kind of domain error, shared by the API and the pages."""

from __future__ import annotations

from stabforce.errors import Conflict, IntegrityError, InvalidInput, NotFound, PermissionDenied, StabforceError

STATUS: dict[type[StabforceError], int] = {
    NotFound: 404, Conflict: 409, InvalidInput: 422, PermissionDenied: 403, IntegrityError: 409,
}


class NotAuthenticated(StabforceError):
    """No valid login or token."""

    code = "not_authenticated"


STATUS[NotAuthenticated] = 401


def status_of(exc: StabforceError) -> int:
    """Return the HTTP status for a domain error (400 for anything unlisted)."""
    return next((STATUS[c] for c in type(exc).__mro__ if c in STATUS), 400)
