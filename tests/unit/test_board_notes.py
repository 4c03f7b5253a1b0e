"""The Board report's notes: a figure without a fact is refused, the same facts give the same note, each
note lists its facts by source with the source's date and grade, and the force levels' one mapping."""

from __future__ import annotations

import pytest

from stabforce.reports.board import Notes, force_levels
from tests.builders import fact_input, make_fact


def _facts():
    a = make_fact(fact_input(id="a", source={"key": "report-1", "date": "2025-12-01"}, grade="B2"), seq=1)
    b = make_fact(fact_input(id="b", source={"key": "report-1", "date": "2025-12-01"}, grade="B2"), seq=2)
    c = make_fact(fact_input(id="c", source={"key": "report-0", "date": "2025-11-20"}, grade="C3"), seq=3)
    return {f.id: f for f in (a, b, c)}


def test_a_figure_needs_a_fact_the_reader_may_see():
    notes = Notes(_facts())
    with pytest.raises(ValueError, match="needs at least one known fact"):
        notes.fig(12000, [])
    with pytest.raises(ValueError):
        notes.fig(12000, ["hidden-from-this-reader"])
    assert notes.notes == []


def test_the_same_facts_give_the_same_note_and_each_derivation_is_said_once():
    notes = Notes(_facts())
    first = notes.fig(23000, ["a", "b"], "likely")
    again = notes.fig(28000, ["a", "b", "a"], "possible")
    other = notes.cite(["c"])
    assert '<span class="fig">23,000</span>' in first and "[1]" in first and "[1]" in again
    assert "[2]" in other
    notes.cite(["a", "b"], "likely")
    assert [n.texts for n in notes.notes] == [["likely", "possible"], []]


def test_a_note_groups_its_facts_by_source_oldest_first():
    notes = Notes(_facts())
    notes.cite(["a", "c", "b"])
    groups = notes.notes[0].by_source()
    assert [(s.key, grade, ids) for s, grade, ids in groups] == [("report-0", "C3", ["c"]),
                                                                 ("report-1", "B2", ["a", "b"])]


def test_force_levels_read_firm_likely_possible_from_the_totals():
    totals = {"low": 1, "likely": 2, "high": 4, "firm": 1, "possible": 4, "deployed": None}
    assert force_levels(totals) == {"firm": 1, "likely": 2, "possible": 4}


def test_mandate_view_gives_days_to_expiry_and_the_report_due_dates():
    from datetime import date

    from stabforce.services.views import mandate_view

    payload = {"name": "ISF", "instrument": "resolution 2803", "adopted": "2025-11-17", "authorized_by": "UNSC",
               "tasks": ["border_security"], "expires": "2027-12-31", "reporting_every_months": 6}
    fact = make_fact(fact_input("mission_authorized", "mission:gaza-isf", payload=payload, id="m"), seq=1)
    view = mandate_view(fact, date(2026, 6, 1))
    assert (view["last_report_due"], view["next_report_due"]) == ("2026-05-17", "2026-11-17")
    assert view["days_to_expiry"] == (date(2027, 12, 31) - date(2026, 6, 1)).days
    assert mandate_view(fact, date(2026, 1, 1))["last_report_due"] is None
    end_of_month = make_fact(fact_input("mission_authorized", "mission:x", id="x",
                                        payload={**payload, "adopted": "2025-08-31"}), seq=2)
    assert mandate_view(end_of_month, date(2026, 3, 1))["last_report_due"] == "2026-02-28"
