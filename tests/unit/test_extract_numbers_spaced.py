"""A space after the thousands comma ("6, 700 troops"), as some wire copy prints it; sentences written for the test."""

from __future__ import annotations

import pytest

from stabforce.engines.extract.numbers import find_number_figures


def figures(text: str) -> list[tuple[int | None, int | None]]:
    return [(f.low, f.high) for f in find_number_figures(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The force now counts around 6, 700 troops and 670 police.", [(6700, 6700), (670, 670)]),
    ("Another 5, 500 peacekeepers were authorized.", [(5500, 5500)]),
    ("Up to 12, 500 soldiers could follow.", [(None, 12500)]),  # the qualifier still applies
])
def test_a_spaced_thousands_comma_joins_the_number(text: str, expected: list) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "On May 6, 700 troops crossed the border.",
    "On Sept. 14, 300 soldiers landed.",
    "In phase 2, 300 troops will follow.",
    "Late on 6 March, 250 police arrived.",
])
def test_a_day_or_a_phase_before_the_comma_stays_apart(text: str) -> None:
    assert len(figures(text)) == 1 and figures(text)[0][0] < 1000
