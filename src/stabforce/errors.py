"""Errors a user can act on.

::

    StabforceError      .code .message .details
    ├── NotFound          FactNotFound, ScenarioNotFound
    ├── Conflict          DuplicateFact, ChainConflict
    ├── InvalidInput      InvalidFact (bad kind, payload, date, country, grade, supersede)
    └── IntegrityError    the hash chain does not hold

Anything else raised inside stabforce is a bug. Faces map these to an exit code, an HTTP status or a
page; the domain does not know about either.
"""

from __future__ import annotations

from typing import Any


class StabforceError(Exception):
    """Base of every error a user can act on."""

    code = "stabforce_error"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def as_dict(self) -> dict[str, Any]:
        """Return the error as the one JSON shape every face uses."""
        return {"code": self.code, "message": self.message, "details": self.details}


class NotFound(StabforceError):
    """Something named does not exist."""

    code = "not_found"


class FactNotFound(NotFound):
    """No fact with that id."""

    code = "fact_not_found"


class ScenarioNotFound(NotFound):
    """No shipped scenario with that name."""

    code = "scenario_not_found"


class Conflict(StabforceError):
    """The request clashes with what is already stored."""

    code = "conflict"


class DuplicateFact(Conflict):
    """A fact with that id is already in the ledger."""

    code = "duplicate_fact"


class ChainConflict(Conflict):
    """Imported facts do not continue the ledger's chain."""

    code = "chain_conflict"


class InvalidInput(StabforceError):
    """Input that cannot be accepted as it is."""

    code = "invalid_input"


class InvalidFact(InvalidInput):
    """A fact that fails validation; `details['field']` names the field."""

    code = "invalid_fact"


class PermissionDenied(StabforceError):
    """The actor's role does not allow this write."""

    code = "permission_denied"


class IntegrityError(StabforceError):
    """The ledger's hash chain does not hold."""

    code = "integrity_error"
