"""Implausible figures, future dates, empty quotes and links that are not http(s) are refused by the API
(422 naming the field) and the CLI (exit 2 with the message), and nothing is stored (the pages:
tests/integration/web/test_plausible_pages.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from stabforce.cli.main import app
from tests.builders import fact_input, pledge_input
from tests.integration.api.conftest import bearer

runner = CliRunner()
HUGE = "99999999999999999999999"
TOMORROW = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
FAR = (datetime.now(UTC).date() + timedelta(days=6 * 366)).isoformat()


def _source(**fields):
    return {"key": "test-report-a.txt", "date": "2025-12-01", **fields}


API_CASES = [
    (pledge_input(99_999_999_999, 99_999_999_999), "payload.personnel.low", "at most 1,000,000"),
    (pledge_input(10, int(HUGE)), "payload.personnel.high", "at most 1,000,000"),
    (fact_input("unit_arrived", payload={"unit": "a battalion", "personnel": int(HUGE)}), "payload.personnel",
     "at most 1,000,000"),
    (fact_input(source=_source(url="javascript:alert(3)")), "source.url", "http"),
    (fact_input(source=_source(url="not a url")), "source.url", "http"),
    (fact_input(source=_source(key="javascript:alert(3)")), "source.key", "javascript"),
    (fact_input(source=_source(date=TOMORROW)), "source.date", "after today"),
    (fact_input(valid_from=FAR), "valid_from", "5 years"),
    (fact_input(quote=""), "quote", "empty"),
    (fact_input(quote="   "), "quote", "empty"),
]


@pytest.mark.parametrize(("body", "field", "words"), API_CASES, ids=[c[1] + "-" + str(i) for i, c in enumerate(API_CASES)])
def test_the_api_refuses_with_422_naming_the_field_and_stores_nothing(client, tokens, services, body, field, words):
    response = client.post("/api/v1/facts", json=body, headers=bearer(tokens["admin"]))
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["details"]["field"] == field and words in error["message"], error
    assert services.ledger.count() == 0


def test_the_api_refuses_a_news_document_whose_url_is_not_http(client, tokens, services):
    response = client.post("/api/v1/documents", headers=bearer(tokens["analyst"]),
                           json={"name": "r.txt", "text": "Indonesia will send 500 troops.", "date": "2026-03-02",
                                 "url": "javascript:alert(3)"})
    assert response.status_code == 422 and "URL" in response.json()["error"]["message"]
    assert services.documents.count() == (0, 0)


def add(url: str, *extra: str, payload: str = '{"personnel": {"low": 100, "high": 100}}'):
    base = {"--kind": "pledge", "--subject": "contributor:IDN", "--payload": payload, "--valid-from": "2025-12-12",
            "--source": "my-test-report.txt", "--source-date": "2025-12-12", "--quote": "A sentence I wrote.",
            "--grade": "B2"}
    given = dict(zip(extra[::2], extra[1::2], strict=True))
    args = [a for k, v in {**base, **given}.items() for a in (k, v)]
    return runner.invoke(app, ["--database-url", url, "facts", "add", *args])


@pytest.mark.parametrize(("extra", "words"), [
    (("--payload", '{"personnel": {"low": 100, "high": ' + HUGE + '}}'), "payload.personnel.high: must be at most"),
    (("--payload", '{"personnel": {"low": 99999999999, "high": 99999999999}}'), "payload.personnel.low"),
    (("--source-url", "javascript:alert(3)"), "source.url"),
    (("--source", "javascript:alert(3)"), "source.key"),
    (("--source-date", TOMORROW), "source.date"),
    (("--valid-from", FAR), "valid_from"),
    (("--quote", " "), "quote"),
])
def test_the_cli_exits_2_with_the_message_and_stores_nothing(db_url, extra, words):
    result = add(db_url, *extra)
    assert result.exit_code == 2, result.output
    assert words in result.stderr.replace("\n", "") and "Traceback" not in result.output
    listed = runner.invoke(app, ["--database-url", db_url, "facts", "list", "--json"])
    assert json.loads(listed.stdout) == []


def test_the_cli_refuses_to_ingest_a_document_whose_url_is_not_http(db_url, tmp_path):
    doc = tmp_path / "r.txt"
    doc.write_text("Indonesia will send 500 troops.", encoding="utf-8")
    result = runner.invoke(app, ["--database-url", db_url, "ingest", str(doc), "--date", "2026-03-02",
                                 "--url", "javascript:alert(3)"])
    assert result.exit_code == 2 and "URL" in result.stderr




def test_the_api_refuses_a_news_document_dated_after_today(client, tokens, services):
    response = client.post("/api/v1/documents", headers=bearer(tokens["analyst"]),
                           json={"name": "r.txt", "text": "Indonesia will send 500 troops.", "date": TOMORROW})
    assert response.status_code == 422 and "after today" in response.json()["error"]["message"]
    assert services.documents.count() == (0, 0)
