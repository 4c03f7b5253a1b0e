"""Who is acting, what their role lets them write, and which TLP markings they may read."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stabforce.errors import PermissionDenied
from stabforce.ledger.marking import EVERYTHING, PUBLIC, Clearance, Marking


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


#: The organisation's own staff: they read AMBER and AMBER+STRICT facts (TLP's "organization").
STAFF = frozenset({Role.ADMIN, Role.PLANNER, Role.BOARD, Role.MONITOR, Role.ANALYST})
_COMMUNITY = frozenset({Marking.CLEAR.value, Marking.GREEN.value})
_ORGANISATION = _COMMUNITY | {Marking.AMBER.value, Marking.AMBER_STRICT.value}


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or process using the ledger; `contributor` scopes a liaison to one country;
    `public` marks the visitor who is not logged in (public reading on)."""

    id: str
    role: Role
    contributor: str | None = None
    public: bool = False

    @property
    def clearance(self) -> Clearance:
        """Return what this actor may read (the access rule table in docs/architecture.md).

        Not logged in: CLEAR. Any logged-in account (the community): CLEAR and GREEN. The
        organisation's staff (admin, planner, board, monitor, analyst): AMBER and AMBER+STRICT too. A
        liaison: AMBER facts about its own country (`contributor:ISO3`), never AMBER+STRICT. RED: admin,
        and the account that recorded the fact. Admin (and the command line, which acts as admin) reads
        everything.
        """
        if self.role == Role.ADMIN:
            return EVERYTHING
        if self.public:
            return PUBLIC
        if self.role in STAFF:
            return Clearance(_ORGANISATION, red_recorder=self.id)
        own = f"contributor:{self.contributor}" if self.role == Role.LIAISON and self.contributor else None
        return Clearance(_COMMUNITY, amber_subject=own, red_recorder=self.id)

    def require_write(self, kind: str, subject: str) -> None:
        """Raise `PermissionDenied` unless this actor may append a fact of `kind` about `subject`."""
        allowed = WRITABLE[self.role]
        if "*" not in allowed and kind not in allowed:
            raise PermissionDenied(f"role {self.role} may not record {kind} facts", kind=kind, role=str(self.role))
        if self.role == Role.LIAISON and subject != f"contributor:{self.contributor}":
            raise PermissionDenied(
                f"a liaison for {self.contributor} may only write about contributor:{self.contributor}, "
                f"not {subject}", subject=subject)


#: The visitor who is not logged in, when `STABFORCE_PUBLIC_READ` is on: reads CLEAR facts only.
ANONYMOUS = Actor(id="anonymous", role=Role.VIEWER, public=True)
