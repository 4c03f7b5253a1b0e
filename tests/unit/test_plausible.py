"""Plausibility limits and the http(s)-only rule for links, at the ledger's one door (`parse_fact`)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from stabforce.errors import InvalidFact
from stabforce.ledger import parse_fact
from stabforce.ledger.plausible import (
    MAX_PERSONNEL,
    big_integer,
    is_http_url,
    latest_valid_from,
)
from tests.builders import fact_input

TODAY = date(2026, 12, 4)
HUGE = 99999999999999999999999  # does not fit 64 bits


def refused(data: dict, field: str, today: date = TODAY) -> str:
    with pytest.raises(InvalidFact) as err:
        parse_fact(data, today=today)
    assert err.value.details["field"] == field, err.value.message
    assert field in err.value.message
    return err.value.message


def source(**fields) -> dict:
    return {"key": "test-report-a.txt", "date": "2025-12-01", **fields}


@pytest.mark.parametrize("url", [
    "javascript:alert(3)", "JavaScript:alert(3)", " javascript:alert(3)", "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)", "file:///etc/passwd", "not a url", "example.org/report", "//example.org/report",
    "http://", "https:///path-only", "ftp://example.org/report.txt", "https://exa mple.org/",
])
def test_a_source_url_must_be_http_or_https_with_a_host(url):
    message = refused(fact_input(source=source(url=url)), "source.url")
    assert "http" in message


@pytest.mark.parametrize("url", ["https://example.org/report?id=3#p2", "http://example.org", "HTTPS://EXAMPLE.ORG/a"])
def test_http_and_https_urls_are_kept_as_given(url):
    assert parse_fact(fact_input(source=source(url=url)), today=TODAY).source.url == url


@pytest.mark.parametrize("key", ["javascript:alert(3)", "data:text/html,x", "VBScript:x", "   ", "http://", "https://"])
def test_a_source_key_that_runs_code_or_is_a_broken_link_is_refused(key):
    refused(fact_input(source=source(key=key)), "source.key")


@pytest.mark.parametrize("key", ["test-report-a.txt", "person:Jane Doe", "https://example.org/a", "seed-2025-11-30.txt",
                                 "acled.csv#PSE123"])
def test_source_keys_that_are_names_stay_allowed(key):
    assert parse_fact(fact_input(source=source(key=key)), today=TODAY).source.key == key


def test_only_http_urls_with_a_host_count_as_links():
    assert is_http_url("https://example.org/a") and is_http_url("http://example.org")
    for value in ("javascript:alert(3)", "person:Jane", "report.txt", "https://", None, 3):
        assert not is_http_url(value)


@pytest.mark.parametrize("figure", [99_999_999_999, HUGE, MAX_PERSONNEL + 1])
@pytest.mark.parametrize("end", ["low", "high"])
def test_a_pledge_larger_than_any_force_ever_fielded_is_refused(figure, end):
    personnel = {"low": 10, "high": 10, end: figure}
    if end == "low":
        personnel["high"] = figure
    message = refused(fact_input(payload={"personnel": personnel}), f"payload.personnel.{end}")
    assert "at most 1,000,000" in message


def test_a_pledge_of_a_million_is_accepted_and_hashes():
    draft = parse_fact(fact_input(payload={"personnel": {"low": MAX_PERSONNEL, "high": MAX_PERSONNEL}}), today=TODAY)
    fact = draft.record(recorded_at=datetime(2026, 1, 1, tzinfo=UTC), recorded_by="t", seq=1, prev_hash="0" * 64)
    assert len(fact.hash) == 64


#: (kind, subject, payload with a figure too large, the field named). Every kind with a number.
NUMBERS = [
    ("pledge", "contributor:IDN", {"personnel": {"low": 1, "high": 1}, "lead_time_days": HUGE}, "payload.lead_time_days"),
    ("pledge", "contributor:IDN", {"personnel": {"low": 3 * HUGE, "high": 3 * HUGE, "conversion": {
        "count": 3, "unit": "brigade", "per_unit_low": HUGE, "per_unit_high": HUGE, "assumption": "x"}}},
     "payload.personnel.low"),
    ("requirement", "mission:gaza-isf", {"personnel_kind": "troops", "quantity": 99_999_999_999}, "payload.quantity"),
    ("mission_authorized", "mission:gaza-isf", {"name": "ISF", "instrument": "r", "adopted": "2025-11-17",
                                                 "authorized_by": "UNSC", "tasks": ["border_security"],
                                                 "reporting_every_months": HUGE}, "payload.reporting_every_months"),
    ("unit_arrived", "contributor:IDN", {"unit": "a battalion", "personnel": HUGE}, "payload.personnel"),
    ("unit_departed", "contributor:IDN", {"unit": "a battalion", "personnel": 5_000_000}, "payload.personnel"),
    ("zone_control", "zone:idf-held", {"controlled_by": "IDF", "population": HUGE}, "payload.population"),
    ("zone_control", "zone:idf-held", {"controlled_by": "IDF", "area_km2": 1e12}, "payload.area_km2"),
    ("withdrawal_stage", "stage:one", {"order": HUGE, "title": "t", "from_line": "a", "to_line": "b"}, "payload.order"),
    ("weapons_moved", "registry:rifles", {"weapon": "rifles", "quantity": HUGE, "to_state": "declared"},
     "payload.quantity"),
    ("infrastructure", "infra:t1", {"type": "tunnel_shaft", "status": "identified", "reinspect_every_days": HUGE},
     "payload.reinspect_every_days"),
    ("infrastructure", "infra:t1", {"type": "tunnel_shaft", "status": "identified", "length_m": 1e300}, "payload.length_m"),
    ("police_cohort", "cohort:c1", {"recruited": 99_999_999_999}, "payload.recruited"),
    ("police_cohort", "cohort:c1", {"attrition": HUGE}, "payload.attrition"),
    ("civilian_site", "site:s1", {"name": "s", "status": "planned", "residents": HUGE}, "payload.residents"),
    ("civilian_site", "site:s1", {"name": "s", "status": "planned", "capacity": 99_999_999_999}, "payload.capacity"),
    ("camp", "camp:c1", {"name": "c", "status": "planned", "capacity": 99_999_999_999}, "payload.capacity"),
    ("camp", "camp:c1", {"name": "c", "status": "planned", "capacity_high": HUGE}, "payload.capacity_high"),
    ("incident", "incident:i1", {"event_type": "battles", "fatalities": HUGE}, "payload.fatalities"),
    ("incident", "incident:i1", {"event_type": "battles", "injured": 99_999_999_999}, "payload.injured"),
]


@pytest.mark.parametrize(("kind", "subject", "payload", "field"), NUMBERS,
                         ids=[f"{k}-{f}" for k, _, _, f in NUMBERS])
def test_every_kinds_numbers_are_bounded(kind, subject, payload, field):
    refused(fact_input(kind, subject, payload=payload), field)


def test_no_integer_outside_64_bits_reaches_the_hash_whatever_the_field():
    assert big_integer({"a": [1, {"b": HUGE}]}) == "a.1.b"
    assert big_integer({"a": [1, {"b": 2**63 - 1}], "c": True, "d": -(2**63)}) is None


def test_valid_from_may_be_a_plan_up_to_five_years_ahead_not_more():
    latest = latest_valid_from(TODAY)
    assert latest == date(2031, 12, 4)
    assert parse_fact(fact_input(valid_from=latest.isoformat()), today=TODAY).valid_from == latest
    message = refused(fact_input(valid_from=(latest + timedelta(days=1)).isoformat()), "valid_from")
    assert "5 years" in message
    assert latest_valid_from(date(2028, 2, 29)) == date(2033, 2, 28)


@pytest.mark.parametrize(("kind", "subject", "payload", "field"), [
    ("pledge", "contributor:IDN", {"personnel": {"low": 1, "high": 1}, "earliest_arrival": "9999-01-01"},
     "payload.earliest_arrival"),
    ("pledge", "contributor:IDN", {"personnel": {"low": 1, "high": 1}, "earliest_arrival": "0025-12-01"},
     "payload.earliest_arrival"),
    ("milestone", "milestone:m1", {"title": "A test milestone", "condition": "isf.strength >= 1", "due": "2040-01-01"},
     "payload.due"),
    ("mission_authorized", "mission:isf", {"name": "A test force", "instrument": "A test resolution",
                                           "adopted": "1899-12-31", "authorized_by": "A test council",
                                           "tasks": ["security"]}, "payload.adopted"),
])
def test_dates_inside_a_payload_are_plausible_too(kind, subject, payload, field):
    message = refused(fact_input(kind, subject, payload=payload), field)
    assert "ahead" in message or "check the year" in message


def test_payload_dates_up_to_five_years_ahead_are_plans_and_accepted():
    latest = latest_valid_from(TODAY).isoformat()
    fact = parse_fact(fact_input(payload={"personnel": {"low": 1, "high": 1}, "earliest_arrival": latest}),
                      today=TODAY)
    assert fact.payload["earliest_arrival"] == latest
    data = fact_input(payload={"personnel": {"low": 1, "high": 1}, "earliest_arrival": "2099-01-01"},
                      valid_from="2099-01-01")
    with pytest.raises(InvalidFact) as err:
        parse_fact(data, today=TODAY)
    fields = {e["field"] for e in err.value.details["errors"]}
    assert fields == {"valid_from", "payload.earliest_arrival"}  # every bad date at once


def test_a_source_cannot_be_dated_after_today():
    message = refused(fact_input(source=source(date="2026-12-05")), "source.date")
    assert "after today" in message
    assert parse_fact(fact_input(source=source(date="2026-12-04")), today=TODAY).source.date == TODAY


def test_knowledge_cannot_come_from_the_future():
    refused(fact_input(known_from="2026-12-05"), "known_from")
    assert parse_fact(fact_input(known_from="2026-12-04T10:00:00Z"), today=TODAY).known_from is not None


def test_today_is_the_clock_by_default():
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    with pytest.raises(InvalidFact):
        parse_fact(fact_input(source=source(date=tomorrow.isoformat())))


@pytest.mark.parametrize("quote", ["", "   ", "\n\t"])
def test_an_empty_quote_is_refused(quote):
    message = refused(fact_input(quote=quote), "quote")
    assert "empty" in message


def test_no_quote_at_all_stays_allowed():
    assert parse_fact(fact_input(quote=None), today=TODAY).quote is None


def test_the_shipped_scenario_passes_every_check():
    folder = Path(__file__).resolve().parents[2] / "src" / "stabforce" / "scenarios"
    lines = [line for path in sorted(folder.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    assert len(lines) > 50
    for line in lines:
        parse_fact(json.loads(line))
