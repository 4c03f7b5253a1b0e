"""Who is acting, and what their role lets them write."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stabforce.errors import PermissionDenied


class Role(StrEnum):
    """Roles of people using stabforce."""

    ADMIN = "admin"
    PLANNER = "planner"
    BOARD = "board"
    LIAISON = "liaison"
    MONITOR = "monitor"
    ANALYST = "analyst"
    VIEWER = "viewer"


#: Fact kinds each role may append. A liaison's writes are further limited to its own contributor.
WRITABLE: dict[Role, frozenset[str]] = {
    Role.ADMIN: frozenset({"*"}),
    Role.PLANNER: frozenset({"requirement", "command_appointment", "unit_arrived", "unit_departed",
                             "zone_control", "pledge", "stance", "retraction", "phase", "milestone",
                             "withdrawal_stage", "police_cohort", "civilian_site", "camp", "incident"}),
    Role.BOARD: frozenset({"decision", "mission_authorized", "requirement", "command_appointment", "phase",
                           "milestone", "withdrawal_stage", "stage_completed"}),
    Role.LIAISON: frozenset({"stance", "pledge", "unit_arrived", "unit_departed"}),
    Role.MONITOR: frozenset({"zone_control", "unit_arrived", "unit_departed", "weapons_moved", "infrastructure",
                             "milestone_verified", "stage_completed", "incident"}),
    Role.ANALYST: frozenset({"pledge", "stance", "zone_control", "command_appointment", "requirement",
                             "mission_authorized", "retraction", "phase", "police_cohort", "civilian_site",
                             "incident"}),
    Role.VIEWER: frozenset(),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or process writing to the ledger; `contributor` scopes a liaison to one country."""

    id: str
    role: Role
    contributor: str | None = None

    def require_write(self, kind: str, subject: str) -> None:
        """Raise `PermissionDenied` unless this actor may append a fact of `kind` about `subject`."""
        allowed = WRITABLE[self.role]
        if "*" not in allowed and kind not in allowed:
            raise PermissionDenied(f"role {self.role} may not record {kind} facts", kind=kind, role=str(self.role))
        if self.role == Role.LIAISON and subject != f"contributor:{self.contributor}":
            raise PermissionDenied(
                f"a liaison for {self.contributor} may only write about contributor:{self.contributor}, "
                f"not {subject}", subject=subject)
