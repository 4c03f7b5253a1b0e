"""Implausible figures, future dates, empty quotes and links that are not http(s) on the pages: the
message beside the field, nothing stored; a stored link that is not http(s) is never rendered as a link."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from stabforce.ledger import SourceRef, parse_fact
from tests.builders import fact_input
from tests.integration.web.test_pages import login, pledge_form

HUGE = "99999999999999999999999"
TOMORROW = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
FAR = (datetime.now(UTC).date() + timedelta(days=6 * 366)).isoformat()


def _source(**fields):
    return {"key": "test-report-a.txt", "date": "2025-12-01", **fields}


@pytest.mark.parametrize(("fields", "field", "words"), [
    ({"low": "750", "high": HUGE}, "high", "at most 1,000,000"),
    ({"low": "99999999999", "high": "99999999999"}, "low", "at most 1,000,000"),
    ({"source_url": "javascript:alert(3)"}, "source_url", "http"),
    ({"source_key": "javascript:alert(3)"}, "source_key", "javascript"),
    ({"source_date": TOMORROW}, "source_date", "after today"),
    ({"valid_from": FAR}, "valid_from", "5 years"),
    ({"quote": "   "}, "quote", "empty"),
])
def test_the_pledge_form_shows_the_message_beside_the_field_and_stores_nothing(site, services, fields, field, words):
    login(site, "ana")
    count = services.ledger.count()
    response = pledge_form(site, **fields)
    assert response.status_code == 422, response.text[-1500:]
    message = re.search(rf'id="error-{field}">([^<]+)<', response.text)
    assert message and words in message.group(1), response.text[-2000:]
    assert services.ledger.count() == count


def test_a_stored_link_that_is_not_http_is_shown_as_text_never_as_a_link(site, services):
    """Facts imported from an old export (stored verbatim) may hold any URL; pages link only http(s)."""
    draft = parse_fact(fact_input(id="old-js-link"))
    bad = replace(draft, source=SourceRef(key="old-export.txt", date=draft.source.date, url="javascript:alert(3)"))
    services.ledger.append([bad], recorded_by="test")
    login(site, "ana")
    for path in ("/facts/old-js-link", "/source?key=old-export.txt"):
        page = site.get(path)
        assert page.status_code == 200
        assert "javascript:alert" not in page.text.replace("&#34;", '"'), path
    ok = parse_fact(fact_input(id="https-link", source=_source(key="r2.txt", url="https://example.org/r2")))
    services.ledger.append([ok], recorded_by="test")
    assert 'href="https://example.org/r2"' in site.get("/facts/https-link").text
