"""What a fact says, in words for people: one line per fact, written per kind.

Used by every page and by the CLI's tables, so that no face shows a payload as a Python or JSON
structure (``accepted=…, settles=[…]``, ``evidence=[{'sha256': …}]``). Values are words: numbers
with thousands separators, enum values with spaces, country codes with their names, lists joined,
evidence files by name with a short hash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from stabforce.ledger import Fact
from stabforce.ledger.vocab import SECTORS, country_name


def words(value: Any) -> str:
    """Return a value as plain words: never a Python or JSON structure."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, str):
        return value.replace("_", " ") if value.isidentifier() and "_" in value else value
    if isinstance(value, Mapping):
        if "name" in value and ("sha256" in value or "description" in value):
            return evidence_words([value])
        return ", ".join(f"{k.replace('_', ' ')} {words(v)}" for k, v in value.items() if _shown(v))
    if isinstance(value, Iterable):
        return "; ".join(words(v) for v in value)
    return str(value)


def _shown(value: Any) -> bool:
    return value not in (None, "", [], {}, ()) and value is not False


def _label(value: Any) -> str:
    return str(value).replace("_", " ")


def _country(code: str | None) -> str:
    return f"{country_name(code) or code} ({code})" if code else ""


def _count(n: Any, approx: bool = False) -> str:
    return "unknown" if n is None else ("about " if approx else "") + words(n)


def quantity_words(q: Mapping[str, Any]) -> str:
    """Return a personnel quantity as it was stated: "up to 20,000", "about 1,200", "9,000–15,000"."""
    low, high, text = q.get("low"), q.get("high"), q.get("text")
    approx = "about " if q.get("approx") else ""
    if low is None and high is None:
        return f'"{text}"'
    if low is None:
        figure = f"up to {high:,}"
    elif high is None:
        figure = f"{low:,} or more"
    elif low == high:
        figure = f"{approx}{low:,}"
    else:
        figure = f"{approx}{low:,}–{high:,}"
    conv = q.get("conversion")
    return figure + (f" ({conv['count']} {conv['unit']}s, converted)" if conv else "")


def evidence_words(evidence: Iterable[Mapping[str, Any]]) -> str:
    """Return evidence as names, each with the start of its file's SHA-256 and its description."""
    out = []
    for e in evidence:
        text = str(e.get("name") or "evidence")
        if e.get("sha256"):
            text += f" (file {str(e['sha256'])[:12]}…)"
        if e.get("description"):
            text += f": {e['description']}"
        out.append(text)
    return "; ".join(out)


def place_words(place: Mapping[str, Any] | None) -> str:
    """Return a place: its name, else its coordinates, and how precise it is."""
    if not place:
        return ""
    precision = {1: "", 2: " (near)", 3: " (region)"}.get(place.get("precision") or 1, "")
    where = place.get("name") or f"{place.get('lat'):.4f}, {place.get('lon'):.4f}"
    return f"{where}{precision}"


def _sector(value: str | None) -> str:
    return SECTORS.get(value or "", value or "")


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _pledge(p: Mapping[str, Any]) -> str:
    head = f"{quantity_words(p['personnel'])} {p.get('personnel_kind') or 'troops'}"
    return _join(head + (f" ({p['phase']})" if p.get("phase") else ""),
                 "tasks: " + ", ".join(map(_label, p["tasks"])) if p.get("tasks") else "",
                 "caveats: " + ", ".join(map(_label, p["caveats"])) if p.get("caveats") else "",
                 f"lead time {p['lead_time_days']} days" if p.get("lead_time_days") is not None else "",
                 f"earliest arrival {p['earliest_arrival']}" if p.get("earliest_arrival") else "")


def _stance(p: Mapping[str, Any]) -> str:
    return _label(p["stance"]) + (f" ({'; '.join(p['conditions'])})" if p.get("conditions") else "") + \
        (f"; caveats: {', '.join(map(_label, p['caveats']))}" if p.get("caveats") else "") + \
        (f"; {p['note']}" if p.get("note") else "")


def _requirement(p: Mapping[str, Any]) -> str:
    if p.get("quantity") is not None:
        text = f"{_count(p['quantity'], p.get('approx'))} {p.get('personnel_kind') or 'personnel'}"
    else:
        text = f"task: {_label(p.get('task'))}" if p.get("task") else ""
    return _join(text, f"capability: {p['capability']}" if p.get("capability") else "",
                 f"phase {p['phase']}" if p.get("phase") else "")


def _zone(p: Mapping[str, Any]) -> str:
    share = p.get("share_of_territory_pct")
    text = f"{p['controlled_by']} controls" + (f" {'about ' if p.get('approx') else ''}{words(share)}%"
                                               if share is not None else "")
    return _join(text, f"population {words(p['population'])}" if p.get("population") is not None else "",
                 f"{words(p['area_km2'])} km²" if p.get("area_km2") is not None else "")


def _command(p: Mapping[str, Any]) -> str:
    who = " ".join(x for x in (p.get("rank"), p.get("person")) if x)
    nationality = _country(p.get("nationality"))
    return f"{p['role']}: " + (who or "not named") + (f", {nationality}" if nationality else "") + \
        f" ({_label(p['status'])})"


def _movement(verb: str) -> Callable[[Mapping[str, Any]], str]:
    def say(p: Mapping[str, Any]) -> str:
        return f"{verb} {p['unit']}: {p['personnel']:,} {p.get('personnel_kind') or 'troops'}" + \
            (f", sector {_sector(p['sector'])}" if p.get("sector") else "")
    return say


def _mission(p: Mapping[str, Any]) -> str:
    return _join(f"{p['name']} authorized by {p['instrument']} ({p['authorized_by']}) on {p['adopted']}",
                 f"governed by {p['governing_body']}" if p.get("governing_body") else "",
                 "tasks: " + ", ".join(map(_label, p.get("tasks") or [])),
                 f"expires {p['expires']}" if p.get("expires") else "",
                 f"reports every {p['reporting_every_months']} months" + (f" to {p['reporting_to']}" if
                                                                          p.get("reporting_to") else "")
                 if p.get("reporting_every_months") else "")


def _phase(p: Mapping[str, Any]) -> str:
    return _join(f"{p['title']}: {_label(p['status'])}", f"since {p['started']}" if p.get("started") else "",
                 "entry conditions: " + "; ".join(p["entry_conditions"]) if p.get("entry_conditions") else "",
                 "blocked by: " + "; ".join(p["blockers"]) if p.get("blockers") else "")


def _milestone(p: Mapping[str, Any]) -> str:
    standard = p.get("standard")
    return _join(f"{p['title']}: {p['condition']}",
                 f"verified by {standard['verifier']} ({standard['evidence']})" if standard else "",
                 f"due {p['due']}" if p.get("due") else "", f"phase {p['phase']}" if p.get("phase") else "")


def _verified(p: Mapping[str, Any]) -> str:
    return _join(f"{_label(p['verdict'])}, by {p['verifier']}", "evidence: " + evidence_words(p["evidence"]),
                 p.get("note") or "")


def _stage(p: Mapping[str, Any]) -> str:
    share = p.get("idf_share_after_pct")
    return _join(f"stage {p['order']}: {p['title']} ({p['from_line']} → {p['to_line']})",
                 f"IDF holds {'about ' if p.get('approx') else ''}{words(share)}% after" if share is not None else "",
                 "gated by " + ", ".join(p["milestones"]) if p.get("milestones") else "")


def _stage_completed(p: Mapping[str, Any]) -> str:
    return _join(f"completed, verified by {p['verifier']}",
                 "evidence: " + evidence_words(p["evidence"]) if p.get("evidence") else "", p.get("note") or "")


def _weapons(p: Mapping[str, Any]) -> str:
    moved = f"{p['quantity']:,} {_label(p['weapon'])}: " + \
        (f"{_label(p['from_state'])} → {_label(p['to_state'])}" if p.get("from_state") else f"{p['to_state']}")
    custody = " → ".join(x for x in (p.get("custody_from"), p.get("custody_to")) if x)
    return _join(moved, f"at {p['site']}" if p.get("site") else "", f"custody {custody}" if custody else "",
                 f"verified by {p['verifier']}" if p.get("verifier") else "",
                 "evidence: " + evidence_words(p["evidence"]) if p.get("evidence") else "",
                 f"skipped a state because {p['skip_reason']}" if p.get("skip_reason") else "")


def _infrastructure(p: Mapping[str, Any]) -> str:
    return _join(f"{_label(p['type'])}: {_label(p['status'])}", place_words(p.get("place")),
                 f"{words(p['length_m'])} m long" if p.get("length_m") is not None else "",
                 f"re-inspect every {p['reinspect_every_days']} days" if p.get("reinspect_every_days") else "",
                 f"verified by {p['verifier']}" if p.get("verifier") else "",
                 "evidence: " + evidence_words(p["evidence"]) if p.get("evidence") else "")


def _cohort(p: Mapping[str, Any]) -> str:
    approx = bool(p.get("approx"))
    counts = ", ".join(f"{stage} {_count(p.get(stage), approx)}" for stage in ("recruited", "vetted", "trained",
                                                                                 "deployed"))
    return _join(counts, f"attrition {_count(p['attrition'], approx)}" if p.get("attrition") is not None else "",
                 f"trained at {p['trained_at']}" if p.get("trained_at") else "",
                 f"course {p['course']}" if p.get("course") else "",
                 f"sector {_sector(p['sector'])}" if p.get("sector") else "")


def _capacity(low: Any, high: Any, approx: bool) -> str:
    if low is None and high is None:
        return "capacity not reported"
    if low is None:
        return f"capacity up to {high:,}"
    about = "about " if approx else ""
    return f"capacity {about}{low:,}" + (f"–{high:,}" if high is not None and high != low else "")


def _site(p: Mapping[str, Any]) -> str:
    return _join(f"{p['name']}: {_label(p['status'])}", place_words(p.get("place")),
                 "services: " + ", ".join(map(_label, p["services"])) if p.get("services") else "",
                 _capacity(p.get("capacity"), p.get("capacity_high"), bool(p.get("approx"))),
                 f"residents {_count(p.get('residents'), bool(p.get('approx')))}",
                 f"protected by {_country(p['protecting_contingent'])}" if p.get("protecting_contingent") else "",
                 f"zone {p['zone']}" if p.get("zone") else "")


def _camp(p: Mapping[str, Any]) -> str:
    return _join(f"{p['name']}: {_label(p['status'])}",
                 f"sector {_sector(p['sector'])}" if p.get("sector") else "no sector named",
                 _capacity(p.get("capacity"), p.get("capacity_high"), bool(p.get("approx"))),
                 f"ready on {p['ready_on']}" if p.get("ready_on") else "opening day not reported",
                 place_words(p.get("place")),
                 f"for {_country(p['for_contributor'])}" if p.get("for_contributor") else "", p.get("note") or "")


def _incident(p: Mapping[str, Any]) -> str:
    head = _label(p["event_type"]).capitalize() + (f" ({p['sub_event_type']})" if p.get("sub_event_type") else "")
    harm = ", ".join(x for x in (f"{p['fatalities']:,} killed" if p.get("fatalities") is not None else "",
                                 f"{p['injured']:,} injured" if p.get("injured") is not None else "") if x)
    return _join(head, f"{p['violation']} violation" if p.get("violation") not in (None, "none") else "",
                 f"at {p['time']}" if p.get("time") else "", place_words(p.get("place")), harm,
                 "actors: " + ", ".join(p["actors"]) if p.get("actors") else "", p.get("notes") or "")


def _decision(p: Mapping[str, Any]) -> str:
    accepted = f"accepts {p['accepted']}" if p.get("accepted") else "accepts none of them"
    return f"settles {', '.join(p['settles'])}: {accepted}, because {p['reason']}"


def _retraction(p: Mapping[str, Any]) -> str:
    return f"retracts it, because {p['reason']}"


SAYS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "mission_authorized": _mission, "requirement": _requirement, "stance": _stance, "pledge": _pledge,
    "command_appointment": _command, "unit_arrived": _movement("arrived:"), "unit_departed": _movement("left:"),
    "zone_control": _zone, "phase": _phase, "milestone": _milestone, "milestone_verified": _verified,
    "withdrawal_stage": _stage, "stage_completed": _stage_completed, "weapons_moved": _weapons,
    "infrastructure": _infrastructure, "police_cohort": _cohort, "civilian_site": _site, "camp": _camp,
    "incident": _incident, "decision": _decision, "retraction": _retraction,
}


def payload_words(kind: str, payload: Mapping[str, Any]) -> str:
    """Return what a payload of this kind says, in words."""
    say = SAYS.get(kind)
    if say is None:
        return words(payload)
    try:
        return say(payload)
    except (KeyError, TypeError, ValueError, AttributeError):  # a payload from an older kind's shape
        return words(payload)


def describe(fact: Fact) -> str:
    """Return what a fact says, in a few words."""
    return payload_words(fact.kind, fact.payload)
