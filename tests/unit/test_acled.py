"""Reading ACLED-layout CSV files: every bad row named with its line, dates, BOM, missing columns."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stabforce.errors import InvalidInput
from stabforce.ledger import parse_fact
from stabforce.services.acled import ACLED_DATE_HINT, event_type_of, parse_acled_csv, parse_day
from tests.acled_fixtures import ACLED_COLUMNS, csv_text, event, good_file, mixed_file

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def parse(text: str | bytes, **kw):
    return parse_acled_csv(text, name="synthetic.csv", grade=kw.pop("grade", "C3"), now=NOW, **kw)


def problems(text: str) -> dict[int, list[str]]:
    """Return {line: [column, ...]} of the bad rows."""
    return {b.line: [p.column for p in b.problems] for b in parse(text).bad}


def test_a_good_row_becomes_an_incident_fact_that_validates():
    parsed = parse(csv_text([event(1, assoc_actor_1="Test Militia B; Test Militia C", fatalities="2")]))
    assert not parsed.bad and parsed.rows == 1
    row = parsed.good[0]
    assert row.line == 2 and row.event_id == "TST1"
    fact = row.fact
    assert fact["id"] == "acled-tst1" and fact["subject"] == "incident:acled-tst1"
    assert fact["valid_from"] == "2026-02-11" and fact["grade"] == "C3"
    assert fact["source"] == {"key": "synthetic.csv#TST1", "date": "2026-02-25", "title": "synthetic.csv, event TST1",
                              "attribution": "Test Wire Service"}
    assert fact["known_from"] == "2026-02-25T00:00:00+00:00"
    p = fact["payload"]
    assert p["event_type"] == "explosions_remote_violence" and p["violation"] == "none"
    assert p["actors"] == ["Test Force A", "Test Militia B", "Test Militia C", "Civilians (Testland)"]
    assert p["place"] == {"lat": 31.31, "lon": 34.35, "precision": 1, "name": "Testville 1"}
    assert p["fatalities"] == 2 and p["external_id"] == "TST1" and p["notes"] == "Synthetic test event number 1."
    draft = parse_fact(fact)
    assert draft.kind == "incident" and draft.payload["place"]["precision"] == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-02-14", "2026-02-14"), ("14 February 2026", "2026-02-14"), ("14-February-2026", "2026-02-14"),
    ("4 Feb 2026", "2026-02-04"), ("14-Feb-2026", "2026-02-14"), ("  14  February 2026 ", "2026-02-14"),
])
def test_acled_date_formats(text, expected):
    assert parse_day(text).isoformat() == expected
    parsed = parse(csv_text([event(1, event_date=text)]))
    assert parsed.good[0].fact["valid_from"] == expected


@pytest.mark.parametrize("text", ["2026-02-30", "14/02/2026", "February 2026", "yesterday", "2026-2-14x"])
def test_bad_dates_are_named(text):
    bad = parse(csv_text([event(1, event_date=text)])).bad
    assert [(b.line, b.problems[0].column) for b in bad] == [(2, "event_date")]
    assert ACLED_DATE_HINT in bad[0].text()


@pytest.mark.parametrize(("words", "slug"), [
    ("Battles", "battles"), ("Explosions/Remote violence", "explosions_remote_violence"),
    ("Violence against civilians", "violence_against_civilians"), ("Protests", "protests"), ("Riots", "riots"),
    ("Strategic developments", "strategic_developments"), ("  explosions / remote VIOLENCE ", "explosions_remote_violence"),
])
def test_event_types_map_from_acled_words(words, slug):
    assert event_type_of(words) == slug


def test_every_kind_of_bad_row_is_reported_with_its_line_and_column():
    rows = [
        event(1),                                        # line 2: good
        event(2, event_date="31 February 2026"),         # 3
        event(3, event_type="Parades"),                  # 4
        event(4, latitude="91"),                         # 5
        event(5, longitude="east"),                      # 6
        event(6, fatalities="2.5"),                      # 7
        event(7, fatalities="-1"),                       # 8
        event(8, geo_precision="4"),                     # 9
        event(9, source=""),                             # 10
        event(10, grade="Z9"),                           # 11
        event(11, event_id_cnty=""),                     # 12
        event(12, event_id_cnty="TST1"),                 # 13: duplicate of line 2
        event(13, year="2025"),                          # 14
        event(14, timestamp="1893456000"),               # 15: 2030, in the future
        event(15, event_id_cnty="TST 15"),               # 16
        event(16, latitude="nan"),                       # 17
    ]
    rows_text = csv_text(rows, (*ACLED_COLUMNS, "grade"))
    assert problems(rows_text) == {
        3: ["event_date"], 4: ["event_type"], 5: ["latitude"], 6: ["longitude"], 7: ["fatalities"],
        8: ["fatalities"], 9: ["geo_precision"], 10: ["source"], 11: ["grade"], 12: ["event_id_cnty"],
        13: ["event_id_cnty"], 14: ["year"], 15: ["timestamp"], 16: ["event_id_cnty"], 17: ["latitude"],
    }
    bad = {b.line: b for b in parse(rows_text).bad}
    assert bad[13].text() == "line 13: event_id_cnty: TST1 is already on line 2"
    assert "'Parades'" in bad[4].text() and "91 is out of range" in bad[5].text()
    assert "'2.5' is not a whole number" in bad[7].text()


def test_all_problems_of_one_row_are_listed():
    bad = parse(csv_text([event(1, event_date="soon", latitude="99", fatalities="many")])).bad
    assert [p.column for p in bad[0].problems] == ["event_date", "latitude", "fatalities"]


def test_a_short_row_is_a_missing_column_on_its_line():
    text = csv_text([event(1), event(2)]) + "TST3,2026-02-13,2026\n"
    bad = parse(text).bad
    assert [b.line for b in bad] == [4]
    assert "the row has 3 fields but the header has 31" in bad[0].text() and "missing event_type" in bad[0].text()


def test_line_numbers_count_physical_lines_of_multi_line_notes():
    text = csv_text([event(1, notes="first line\nsecond line\nthird"), event(2, event_date="nope"),
                     event(3, notes="a\nb"), event(4, fatalities="x")])
    assert problems(text) == {5: ["event_date"], 8: ["fatalities"]}


def test_blank_lines_are_skipped_but_still_counted():
    text = csv_text([event(1)]) + "\n" + csv_text([event(2, fatalities="x")]).split("\n", 1)[1]
    assert problems(text) == {4: ["fatalities"]}


def test_a_broken_quote_is_reported_and_reading_goes_on():
    head = ",".join(ACLED_COLUMNS)
    good = csv_text([event(3)]).split("\n", 1)[1]
    text = head + '\nTST1,"2026-02-11"x,' + ",".join([""] * 29) + "\n" + good
    parsed = parse(text)
    assert [b.line for b in parsed.bad] == [2] and "not readable as CSV" in parsed.bad[0].text()
    assert [g.line for g in parsed.good] == [3]


def test_a_byte_order_mark_is_tolerated():
    for data in (good_file(2).encode("utf-8-sig"), csv_text([event(1), event(2)], bom=True)):
        parsed = parse(data)
        assert not parsed.bad and [g.event_id for g in parsed.good] == ["TST1", "TST2"]


def test_a_missing_required_column_refuses_the_file_naming_it():
    columns = tuple(c for c in ACLED_COLUMNS if c not in ("latitude", "fatalities"))
    with pytest.raises(InvalidInput, match="has no latitude, fatalities columns") as caught:
        parse(csv_text([event(1)], columns))
    assert caught.value.details["missing"] == ["latitude", "fatalities"]


def test_only_the_required_columns_are_needed_and_header_case_is_ignored():
    columns = ("EVENT_ID_CNTY", "Event_Date", "event_type", "actor1", "latitude", "longitude", "geo_precision",
               "source", "fatalities")
    rows = [{c: v for c, v in zip(columns, ("TST9", "9 March 2026", "Riots", "Rioters (Testland)", "31.4", "34.4", "3",
                                              "Test Paper", "0"), strict=True)}]
    parsed = parse(csv_text(rows, columns))
    assert not parsed.bad
    fact = parsed.good[0].fact
    assert fact["known_from"] is None and fact["source"]["date"] == "2026-03-09"
    assert fact["payload"]["place"] == {"lat": 31.4, "lon": 34.4, "precision": 3, "name": None}


def test_violation_column_classifies_and_is_checked():
    columns = (*ACLED_COLUMNS, "violation")
    text = csv_text([event(1, violation="serious"), event(2, violation="Minor"), event(3), event(4, violation="grave")],
                    columns)
    parsed = parse(text)
    assert [g.fact["payload"]["violation"] for g in parsed.good] == ["serious", "minor", "none"]
    assert [(b.line, b.problems[0].column) for b in parsed.bad] == [(5, "violation")]


def test_empty_and_non_utf8_files_are_refused():
    with pytest.raises(InvalidInput, match="is empty"):
        parse("")
    with pytest.raises(InvalidInput, match="not UTF-8"):
        parse(good_file(1).encode("utf-16"))


def test_the_mixed_fixture_has_its_bad_rows_on_lines_3_and_5():
    parsed = parse(mixed_file())
    assert [g.line for g in parsed.good] == [2, 4, 6]
    assert {b.line: [p.column for p in b.problems] for b in parsed.bad} == {3: ["event_date"],
                                                                          5: ["event_type", "latitude"]}


def test_progress_is_reported_per_row():
    seen: list[int] = []
    parse(good_file(4), progress=seen.append)
    assert seen == [1, 2, 3, 4]


def test_empty_fatalities_and_actor1_are_not_reported_and_a_grade_column_grades_each_row():
    parsed = parse(csv_text([event(1, fatalities="", actor1="", assoc_actor_1="", actor2="", grade="b2"),
                             event(2)], (*ACLED_COLUMNS, "grade")))
    assert not parsed.bad
    first, second = (row.fact for row in parsed.good)
    assert "fatalities" not in first["payload"] and first["payload"]["actors"] == [] and first["grade"] == "B2"
    assert second["payload"]["fatalities"] == 2 and second["grade"] == "C3"


def test_cells_marked_against_formula_injection_read_back_as_written():
    parsed = parse(csv_text([event(1, notes="'=HYPERLINK(\"x\")", sub_event_type="''@a", actor1="'+b")]))
    payload = parsed.good[0].fact["payload"]
    assert payload["notes"] == '=HYPERLINK("x")' and payload["sub_event_type"] == "'@a"
    assert payload["actors"][0] == "+b"
