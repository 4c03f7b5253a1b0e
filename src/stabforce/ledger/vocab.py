"""Controlled vocabularies: personnel kinds, stances, tasks, caveats, grades, countries.

Kept in one place so that validation, the fold, the engines and the faces speak the same words.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

import pycountry


class PersonnelKind(StrEnum):
    """What kind of people a requirement or pledge counts."""

    TROOPS = "troops"
    POLICE = "police"
    TRAINERS = "trainers"
    OBSERVERS = "observers"


class Stance(StrEnum):
    """A contributor's position toward sending personnel, weakest commitment last."""

    COMMITTED = "committed"
    CONDITIONAL = "conditional"
    CONSIDERING = "considering"
    INTERESTED = "interested"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


#: Stances whose pledges still count toward what may arrive.
ACTIVE_STANCES = frozenset({Stance.COMMITTED, Stance.CONDITIONAL, Stance.CONSIDERING, Stance.INTERESTED})


class Task(StrEnum):
    """Tasks a mandate requires or a contingent offers (resolution 2803 wording, abridged)."""

    DEMILITARIZATION = "demilitarization"
    WEAPONS_DECOMMISSIONING = "weapons_decommissioning"
    INFRASTRUCTURE_DESTRUCTION = "infrastructure_destruction"
    BORDER_SECURITY = "border_security"
    CIVILIAN_PROTECTION = "civilian_protection"
    HUMANITARIAN_CORRIDORS = "humanitarian_corridors"
    POLICE_TRAINING = "police_training"
    CEASEFIRE_MONITORING = "ceasefire_monitoring"
    SECURITY = "security"
    HEALTH = "health"
    CONSTRUCTION = "construction"
    ENGINEERING = "engineering"
    LOGISTICS = "logistics"


class Caveat(StrEnum):
    """National caveats: limits a contributor puts on what its contingent may be asked to do."""

    NO_USE_OF_FORCE = "no_use_of_force"
    NO_DISARMAMENT = "no_disarmament"
    NO_COMBAT = "no_combat"
    NON_COMBAT_ROLES_ONLY = "non_combat_roles_only"
    REQUIRES_FULL_CEASEFIRE = "requires_full_ceasefire"
    REQUIRES_PARLIAMENT_APPROVAL = "requires_parliament_approval"
    REQUIRES_PA_CONSENT = "requires_pa_consent"
    REQUIRES_UN_MANDATE = "requires_un_mandate"


#: Tasks a contingent with this caveat will not do. Caveats that are conditions for deploying at all
#: (approval, consent, mandate) exclude no task; they show up as stance conditions instead.
CAVEAT_EXCLUDES: dict[Caveat, frozenset[Task]] = {
    Caveat.NO_USE_OF_FORCE: frozenset({Task.DEMILITARIZATION, Task.WEAPONS_DECOMMISSIONING,
                                       Task.INFRASTRUCTURE_DESTRUCTION}),
    Caveat.NO_DISARMAMENT: frozenset({Task.DEMILITARIZATION, Task.WEAPONS_DECOMMISSIONING}),
    Caveat.NO_COMBAT: frozenset({Task.DEMILITARIZATION, Task.INFRASTRUCTURE_DESTRUCTION}),
    Caveat.NON_COMBAT_ROLES_ONLY: frozenset({Task.DEMILITARIZATION, Task.WEAPONS_DECOMMISSIONING,
                                             Task.INFRASTRUCTURE_DESTRUCTION, Task.SECURITY}),
    Caveat.REQUIRES_FULL_CEASEFIRE: frozenset(),
    Caveat.REQUIRES_PARLIAMENT_APPROVAL: frozenset(),
    Caveat.REQUIRES_PA_CONSENT: frozenset(),
    Caveat.REQUIRES_UN_MANDATE: frozenset(),
}
#: Caveats that are conditions for deploying at all (they exclude no task): the forecast lowers the chance
#: that such a pledge arrives.
DEPLOY_CONDITIONS: frozenset[Caveat] = frozenset(c for c, tasks in CAVEAT_EXCLUDES.items() if not tasks)


class AppointmentStatus(StrEnum):
    """How settled a command appointment is."""

    CONSIDERED = "considered"
    DECIDED = "decided"


#: Planning assumptions for converting unit words into personnel. Each conversion records the
#: assumption it used, so a reader can see and change it. Ranges are typical, not doctrine.
UNIT_STRENGTH: dict[str, tuple[int, int]] = {
    "company": (100, 200),
    "battalion": (500, 1_000),
    "brigade": (3_000, 5_000),
    "division": (10_000, 20_000),
}


GRADE_PATTERN = re.compile(r"^[A-F][1-6]$")
#: Source reliability (Admiralty scale).
RELIABILITY = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
#: Information credibility (Admiralty scale).
CREDIBILITY = {
    "1": "confirmed by other sources", "2": "probably true", "3": "possibly true",
    "4": "doubtful", "5": "improbable", "6": "truth cannot be judged",
}

#: Codes outside ISO 3166-1 that contributors use: Kosovo's widely used user-assigned code.
EXTRA_COUNTRIES = {"XKX": "Kosovo"}


@lru_cache(maxsize=512)
def country_name(iso3: str) -> str | None:
    """Return the English short name for an ISO 3166 alpha-3 code, or None if it is not one."""
    if iso3 in EXTRA_COUNTRIES:
        return EXTRA_COUNTRIES[iso3]
    if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
        return None
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    return str(getattr(country, "common_name", None) or country.name)


#: Planned ISF sectors in the order deployment is to expand (approximate; see the sectors GeoJSON).
SECTORS: dict[str, str] = {
    "rafah": "Rafah", "north_gaza": "North Gaza", "gaza_city": "Gaza City",
    "deir_el_balah": "Deir el-Balah", "khan_yunis": "Khan Yunis",
}


class WeaponType(StrEnum):
    """Weapon types the decommissioning registry counts, each in one category (heavy or light)."""

    ROCKETS = "rockets"
    LAUNCHERS = "launchers"
    MORTARS = "mortars"
    ANTI_TANK = "anti_tank"
    EXPLOSIVES = "explosives"
    RIFLES = "rifles"
    MACHINE_GUNS = "machine_guns"
    PISTOLS = "pistols"
    GRENADES = "grenades"


HEAVY_WEAPONS = frozenset({WeaponType.ROCKETS, WeaponType.LAUNCHERS, WeaponType.MORTARS, WeaponType.ANTI_TANK,
                           WeaponType.EXPLOSIVES})


def weapon_category(weapon: str) -> str:
    """Return "heavy" or "light" for a weapon type."""
    return "heavy" if weapon in HEAVY_WEAPONS else "light"


class WeaponState(StrEnum):
    """Where weapons are in the decommissioning chain, in order (IDDRS / IICD practice)."""

    DECLARED = "declared"
    COLLECTED = "collected"
    STORED = "stored"
    DECOMMISSIONED = "decommissioned"
    DESTROYED = "destroyed"


WEAPON_STATES: tuple[str, ...] = tuple(WeaponState)


class InfrastructureType(StrEnum):
    """Military infrastructure to be neutralized (plan point 13)."""

    TUNNEL_SHAFT = "tunnel_shaft"
    TUNNEL_SEGMENT = "tunnel_segment"
    WORKSHOP = "workshop"
    LAUNCH_SITE = "launch_site"


class InfrastructureStatus(StrEnum):
    """Status of one infrastructure item, in order."""

    IDENTIFIED = "identified"
    NEUTRALIZED = "neutralized"
    REINSPECTED = "reinspected"


class SiteStatus(StrEnum):
    """Status of a planned civilian site."""

    PLANNED = "planned"
    BUILDING = "building"
    OPEN = "open"
    CLOSED = "closed"


class CampStatus(StrEnum):
    """Status of a camp housing the force's personnel (barracks, base)."""

    PLANNED = "planned"
    BEING_PREPARED = "being_prepared"
    OPEN = "open"
    CLOSED = "closed"


class SiteService(StrEnum):
    """Services a civilian site offers."""

    GOVERNMENT_OFFICES = "government_offices"
    BAKERY = "bakery"
    CLINIC = "clinic"
    SCHOOL = "school"
    WORKPLACES = "workplaces"
    HOUSING = "housing"
    WATER = "water"


class IncidentType(StrEnum):
    """ACLED's event types (snake case)."""

    BATTLES = "battles"
    EXPLOSIONS_REMOTE_VIOLENCE = "explosions_remote_violence"
    VIOLENCE_AGAINST_CIVILIANS = "violence_against_civilians"
    PROTESTS = "protests"
    RIOTS = "riots"
    STRATEGIC_DEVELOPMENTS = "strategic_developments"


class Violation(StrEnum):
    """Whether an incident breaches the ceasefire, and how gravely."""

    NONE = "none"
    MINOR = "minor"
    SERIOUS = "serious"


#: Incident classes a condition may name: any incident, any violation, serious violations, or a type.
INCIDENT_CLASSES: tuple[str, ...] = ("any", "violation", "serious_violation", *IncidentType)


class PhaseStatus(StrEnum):
    """Where a phase of the plan stands."""

    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETE = "complete"


class Verdict(StrEnum):
    """A verifier's finding on a milestone."""

    MET = "met"
    NOT_MET = "not_met"
