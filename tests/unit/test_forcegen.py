"""Force generation over small snapshots whose answers are known."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stabforce.engines.forcegen import PledgeFigures, force_generation
from stabforce.model import fold
from tests.builders import day, fact_input, make_fact, pledge_input

LATER = datetime(2030, 1, 1, tzinfo=UTC)
MISSION = "mission:gaza-isf"


def picture(*inputs, as_of="2025-12-15"):
    facts = [make_fact(data, seq=n) for n, data in enumerate(inputs, start=1)]
    return force_generation(fold(facts, as_of=day(as_of), known_at=LATER))


def requirement(**payload):
    return fact_input("requirement", MISSION, payload=payload)


def stance(subject, value, **payload):
    return fact_input("stance", subject, payload={"stance": value, **payload})


@pytest.mark.parametrize(("personnel", "expected"), [
    ({"low": 1200, "high": 1200}, PledgeFigures(1200, 1200, 1200)),
    ({"low": 5000, "high": 8000}, PledgeFigures(5000, 6500, 8000)),
    ({"high": 20000}, PledgeFigures(0, None, 20000)),  # a ceiling is never likely
    ({"low": 10000}, PledgeFigures(10000, 10000, 10000)),
    ({"text": "a much smaller force"}, PledgeFigures(0, None, None)),
])
def test_figures_of_a_stated_quantity(personnel, expected):
    assert PledgeFigures.of(personnel) == expected


def test_disagreeing_reports_widen_the_range_and_mark_the_pledge_disputed():
    fg = picture(pledge_input(9000, 15000, source="a", subject="contributor:PAK"),
                 pledge_input(15000, 15000, source="b", subject="contributor:PAK"),
                 pledge_input(20000, 20000, source="c", subject="contributor:PAK", day="2025-12-02"))
    (pak,) = fg.contributors
    assert pak.figures["troops"] == PledgeFigures(9000, 15000, 20000)  # likely: median of 12,000, 15,000, 20,000
    assert pak.pledges[0].disputed


def test_a_phase_figure_raises_the_floor_of_a_ceiling():
    fg = picture(pledge_input(None, 20000, source="a"),
                 pledge_input(1200, 1200, source="b", payload_extra={"phase": "initial"}))
    assert fg.contributors[0].figures["troops"] == PledgeFigures(1200, 1200, 20000)


def test_words_without_a_number_leave_likely_to_the_phase_figure():
    fg = picture(pledge_input(None, 20000, source="a", day="2025-11-14"),
                 fact_input(payload={"personnel": {"text": "a much smaller force"}}, source={"key": "b", "date": "2025-11-30"},
                            valid_from="2025-11-30"),
                 pledge_input(1200, 1200, source="c", day="2025-11-30", payload_extra={"phase": "initial"}))
    assert fg.contributors[0].figures["troops"] == PledgeFigures(1200, 1200, 20000)


def test_totals_skip_declined_contributors_and_count_committed_as_firm():
    fg = picture(pledge_input(1000, 1000, subject="contributor:IDN"), stance("contributor:IDN", "committed"),
                 pledge_input(500, 700, subject="contributor:MAR"), stance("contributor:MAR", "considering"),
                 pledge_input(900, 900, subject="contributor:AZE"), stance("contributor:AZE", "declined"))
    totals = fg.totals["troops"]
    assert (totals.low, totals.firm, totals.likely, totals.possible) == (1500, 1000, 1000, 1700)
    assert [c.iso3 for c in fg.contributors if not c.counted] == ["AZE"]


def test_firm_likely_and_possible_are_separate_and_a_ceiling_is_never_likely():
    fg = picture(requirement(personnel_kind="troops", quantity=20000),
                 pledge_input(5000, 8000, subject="contributor:IDN"), stance("contributor:IDN", "committed"),
                 pledge_input(None, 20000, subject="contributor:ALB"), stance("contributor:ALB", "committed"),
                 pledge_input(1000, 1000, subject="contributor:MAR"), stance("contributor:MAR", "conditional"),
                 pledge_input(3000, 3000, subject="contributor:PAK"), stance("contributor:PAK", "considering"),
                 pledge_input(None, 4000, subject="contributor:KAZ"))  # no stance recorded
    totals = fg.totals["troops"]
    assert totals.firm == 5000  # committed floors: IDN's 5,000; ALB's "up to 20,000" adds nothing
    assert totals.likely == 6500 + 1000  # committed and conditional figures: IDN's midpoint, MAR's 1,000
    assert totals.possible == 8000 + 20000 + 1000 + 3000 + 4000  # every counted contributor's most
    assert totals.firm <= totals.likely <= totals.possible
    (gap,) = fg.personnel_gaps
    assert (gap.gap_best, gap.gap_likely, gap.gap_worst) == (0, 20000 - 7500, 20000 - 5000)


def test_personnel_gap_against_the_requirement_never_goes_negative():
    fg = picture(requirement(personnel_kind="troops", quantity=20000), requirement(personnel_kind="police", quantity=100),
                 pledge_input(5000, 8000),
                 pledge_input(300, 300, subject="contributor:MAR", payload_extra={"personnel_kind": "police"}))
    gaps = {g.personnel_kind: g for g in fg.personnel_gaps}
    # no stance recorded: the pledge is possible, neither likely nor firm
    assert (gaps["troops"].gap_best, gaps["troops"].gap_likely, gaps["troops"].gap_worst) == (12000, 20000, 20000)
    assert gaps["police"].gap_best == 0 and gaps["police"].gap_worst == 100


def test_the_caveat_gap_names_a_required_task_nobody_will_do():
    fg = picture(
        requirement(task="demilitarization"), requirement(task="health"),
        pledge_input(None, 20000, payload_extra={"tasks": ["health", "construction"]}),
        pledge_input(15000, 15000, subject="contributor:PAK", payload_extra={"caveats": ["no_disarmament"]}),
        pledge_input(500, 500, subject="contributor:MAR"),
    )
    demil, health = fg.tasks
    assert demil.task == "demilitarization" and demil.uncovered
    assert demil.refuse == {"PAK": ("no_disarmament",)} and demil.may_do == ("MAR",) and demil.will_do == ()
    assert not health.uncovered and health.will_do == ("IDN",)
    assert [t.task for t in fg.caveat_gap] == ["demilitarization"]


def test_a_stance_caveat_also_blocks_a_task_and_a_willing_contingent_closes_the_gap():
    fg = picture(requirement(task="demilitarization"),
                 stance("contributor:IDN", "committed", caveats=["no_use_of_force"]),
                 pledge_input(1000, 1000, payload_extra={"tasks": ["demilitarization"]}),
                 pledge_input(800, 800, subject="contributor:ALB", payload_extra={"tasks": ["demilitarization"]}))
    (demil,) = fg.tasks
    assert demil.refuse == {"IDN": ("no_use_of_force",)} and demil.will_do == ("ALB",) and not demil.uncovered


def test_mandated_tasks_count_as_required():
    fg = picture(fact_input("mission_authorized", MISSION, payload={
        "name": "ISF", "instrument": "resolution", "adopted": "2025-11-17", "authorized_by": "UNSC",
        "tasks": ["border_security", "demilitarization"]}))
    assert [t.task for t in fg.caveat_gap] == ["border_security", "demilitarization"]


def test_a_settled_conflict_counts_only_the_accepted_figure():
    fg = picture(pledge_input(9000, 15000, source="a", subject="contributor:PAK", id="a"),
                 pledge_input(20000, 20000, source="b", subject="contributor:PAK", id="b"),
                 fact_input("decision", "contributor:PAK", payload={"settles": ["a", "b"], "accepted": "a",
                                                                    "reason": "official figure"}))
    (pak,) = fg.contributors
    assert pak.figures["troops"] == PledgeFigures(9000, 12000, 15000) and not pak.pledges[0].disputed
