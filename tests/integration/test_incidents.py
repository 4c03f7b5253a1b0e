"""Incidents end to end on each database: CSV import (all or nothing, skip bad rows, re-import), the
view, the API and its roles, the CLI and the page. The CSV files are synthetic (tests/acled_fixtures.py)."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stabforce.app import create_app
from stabforce.cli.main import app as cli
from stabforce.errors import InvalidInput, PermissionDenied
from stabforce.services import accounts, incidents
from stabforce.services.actors import Actor, Role
from stabforce.store import FactFilter
from tests.acled_fixtures import ACLED_COLUMNS, csv_text, event, good_file, mixed_file
from tests.integration.api.conftest import PASSWORD, bearer

runner = CliRunner()
MONDAY = date(2026, 3, 2)


def stored(store) -> list[str]:
    return [f.id for f in store.find(FactFilter(kind="incident"))]


# --- the service ------------------------------------------------------------------------------------


def test_a_file_with_bad_rows_imports_nothing_and_names_every_bad_row(store, admin_actor):
    with pytest.raises(incidents.CsvRefused) as caught:
        incidents.import_acled_csv(store, admin_actor, mixed_file(), name="synthetic-mixed.csv")
    details = caught.value.details
    assert [b["line"] for b in details["bad_rows"]] == [3, 5]
    assert [p["column"] for p in details["bad_rows"][1]["problems"]] == ["event_type", "latitude"]
    assert details["imported"] == 0 and details["rows"] == 5
    assert "lines 3, 5" in caught.value.message and "nothing was imported" in caught.value.message
    assert stored(store) == []


def test_skip_bad_stores_the_good_rows_in_one_batch_and_reports_the_bad(store, admin_actor):
    report = incidents.import_acled_csv(store, admin_actor, mixed_file(), name="synthetic-mixed.csv",
                                        skip_bad=True, grade="b2")
    assert report.imported == ["acled-tst1", "acled-tst3", "acled-tst5"]
    assert [b.line for b in report.bad_rows] == [3, 5] and report.rows == 5
    facts = store.find(FactFilter(kind="incident"))
    assert [f.seq for f in facts] == [1, 2, 3] and len({f.recorded_at for f in facts}) == 1
    first = facts[0]
    assert first.grade == "B2" and first.source.key == "synthetic-mixed.csv#TST1"
    assert first.source.attribution == "Test Wire Service" and first.valid_from == date(2026, 2, 11)
    assert first.known_from == datetime(2026, 2, 25, tzinfo=UTC) and first.recorded_by == admin_actor.id
    assert store.verify().ok


def test_re_importing_stores_nothing_new_and_says_how_many_were_there(store, admin_actor):
    first = incidents.import_acled_csv(store, admin_actor, good_file(3), name="synthetic.csv")
    assert len(first.imported) == 3
    again = incidents.import_acled_csv(store, admin_actor, good_file(3), name="synthetic.csv")
    assert again.imported == [] and again.already_present == ["acled-tst1", "acled-tst2", "acled-tst3"]
    more = incidents.import_acled_csv(store, admin_actor, good_file(4), name="synthetic-later.csv")
    assert more.imported == ["acled-tst4"] and len(more.already_present) == 3
    assert store.count() == 4


def test_a_missing_column_or_bad_grade_refuses_at_once(store, admin_actor):
    columns = tuple(c for c in ACLED_COLUMNS if c != "event_type")
    with pytest.raises(InvalidInput, match="has no event_type column"):
        incidents.import_acled_csv(store, admin_actor, csv_text([event(1)], columns), name="x.csv", skip_bad=True)
    with pytest.raises(InvalidInput, match="grade"):
        incidents.import_acled_csv(store, admin_actor, good_file(1), name="x.csv", grade="Z9")
    assert store.count() == 0


def test_a_viewer_or_board_member_may_not_import(store):
    for role in (Role.VIEWER, Role.BOARD, Role.LIAISON):
        with pytest.raises(PermissionDenied):
            incidents.import_acled_csv(store, Actor(id="x", role=role, contributor="IDN"), good_file(1), name="x.csv")
    assert store.count() == 0


def test_the_view_counts_weeks_types_violations_and_days_since_serious(services, admin_actor):
    columns = (*ACLED_COLUMNS, "violation")
    text = csv_text([event(1, violation="serious", fatalities="4"), event(2, event_type="Riots"),
                     event(8, violation="minor"), event(12, event_type="Battles", violation="serious")], columns)
    incidents.import_acled_csv(services.ledger, admin_actor, text, name="synthetic.csv")
    view = incidents.incidents_view(services.pictures, as_of=MONDAY, known_at=None)
    assert view["total"] == 4 and view["fatalities"] == 4 + 2 + 2 + 0
    assert [i["id"] for i in view["incidents"]] == ["acled-tst12", "acled-tst8", "acled-tst2", "acled-tst1"]
    assert view["by_type"]["explosions_remote_violence"] == 2 and view["by_type"]["battles"] == 1
    assert view["by_violation"] == {"none": 1, "minor": 1, "serious": 2}
    assert view["last_serious_violation"]["id"] == "acled-tst12"
    assert view["days_since_serious_violation"] == (MONDAY - date(2026, 2, 22)).days
    assert [(w["week"], w["total"]) for w in view["weeks"]] == [("2026-02-09", 2), ("2026-02-16", 2),
                                                                ("2026-02-23", 0), ("2026-03-02", 0)]
    # the week of 16 February holds the minor violation of the 18th and the serious one of Sunday the 22nd
    assert view["weeks"][1]["by_violation"] == {"none": 0, "minor": 1, "serious": 1}
    serious = incidents.incidents_view(services.pictures, as_of=MONDAY, known_at=None,
                                       incident_class="serious_violation")
    assert [i["id"] for i in serious["incidents"]] == ["acled-tst12", "acled-tst1"]
    riots = incidents.incidents_view(services.pictures, as_of=MONDAY, known_at=None, event_type="riots")
    assert [i["id"] for i in riots["incidents"]] == ["acled-tst2"]
    before = incidents.incidents_view(services.pictures, as_of=MONDAY,
                                      known_at=datetime(2026, 2, 24, tzinfo=UTC))
    assert before["total"] == 0 and before["days_since_serious_violation"] is None  # ACLED timestamp: 25 Feb
    assert incidents.incidents_view(services.pictures, as_of=date(2026, 2, 12), known_at=None)["total"] == 2


# --- the API ----------------------------------------------------------------------------------------


@pytest.fixture
def client(services):
    with TestClient(create_app(services.settings, services=services)) as test_client:
        yield test_client


@pytest.fixture
def tokens(services):
    out = {}
    for role in Role:
        accounts.add_user(services.accounts, name=role.value, role=role.value, password=PASSWORD,
                          contributor="IDN" if role == Role.LIAISON else None)
        out[role.value] = accounts.create_token(services.accounts, name=role.value)[1]
    return out


def upload(client, token, text, *, name="synthetic.csv", **form):
    return client.post("/api/v1/incidents/import", files={"file": (name, text.encode(), "text/csv")},
                       data={k: str(v).lower() if isinstance(v, bool) else v for k, v in form.items()},
                       headers=bearer(token) if token else {})


def test_api_import_roles(client, tokens):
    allowed = {"admin", "planner", "monitor", "analyst"}
    for role in sorted(tokens):
        response = upload(client, tokens[role], good_file(1), name=f"synthetic-{role}.csv")
        if role in allowed:
            assert response.status_code == 200, (role, response.text)
        else:
            assert response.status_code == 403, (role, response.text)
            assert response.json()["error"]["code"] == "permission_denied"
    assert upload(client, None, good_file(1)).status_code == 401
    body = upload(client, tokens["admin"], good_file(1)).json()
    assert body["imported"] == 0 and body["already_present"] == 1


def test_api_refuses_a_bad_file_with_every_bad_row_then_skip_bad_stores_the_good(client, tokens):
    refused = upload(client, tokens["monitor"], mixed_file())
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["code"] == "invalid_csv"
    assert [(b["line"], b["event_id"]) for b in error["details"]["bad_rows"]] == [(3, "TST2"), (5, "TST4")]
    assert client.get("/api/v1/incidents?as_of=2026-03-01", headers=bearer(tokens["viewer"])).json()["total"] == 0

    done = upload(client, tokens["monitor"], mixed_file(), skip_bad=True, grade="C2")
    assert done.status_code == 200
    body = done.json()
    assert (body["imported"], body["already_present"], body["bad"]) == (3, 0, 2)
    assert [b["line"] for b in body["bad_rows"]] == [3, 5]
    listed = client.get("/api/v1/incidents?as_of=2026-03-01", headers=bearer(tokens["viewer"])).json()
    assert listed["total"] == 3 and [i["grade"] for i in listed["incidents"]] == ["C2"] * 3
    assert listed["incidents"][0]["place"]["precision"] == 1 and listed["filters"] == {"type": None, "class": None}
    assert listed["weeks"][0]["week"] == "2026-02-09"
    one = client.get("/api/v1/incidents?as_of=2026-03-01&type=battles&class=serious_violation&limit=1",
                     headers=bearer(tokens["viewer"])).json()
    assert one["total"] == 0 and one["filters"] == {"type": "battles", "class": "serious_violation"}
    assert client.get("/api/v1/incidents?type=parades", headers=bearer(tokens["viewer"])).status_code == 422
    missing = upload(client, tokens["admin"], csv_text([event(1)], ACLED_COLUMNS[1:]))
    assert missing.status_code == 422 and "event_id_cnty" in missing.json()["error"]["message"]


def test_api_known_at_hides_incidents_not_yet_known(client, tokens):
    upload(client, tokens["admin"], good_file(2))
    path = "/api/v1/incidents?as_of=2026-03-01&known_at=2026-02-24"
    assert client.get(path, headers=bearer(tokens["viewer"])).json()["total"] == 0


# --- the CLI ----------------------------------------------------------------------------------------


def sf(url: str, *args: str):
    return runner.invoke(cli, ["--database-url", url, *args])


def test_cli_import_exit_codes_and_json_list(db_url, tmp_path):
    mixed, good, all_bad = tmp_path / "synthetic-mixed.csv", tmp_path / "synthetic.csv", tmp_path / "all-bad.csv"
    mixed.write_text(mixed_file(), encoding="utf-8")
    good.write_text(good_file(2), encoding="utf-8-sig")
    all_bad.write_text(csv_text([event(1, fatalities="x"), event(2, latitude="")]), encoding="utf-8")

    refused = sf(db_url, "incidents", "import", str(mixed))
    assert refused.exit_code == 2
    assert "line 3: event_date" in refused.stderr and "line 5: event_type" in refused.stderr
    assert "nothing was imported" in " ".join(refused.stderr.split())
    assert json.loads(sf(db_url, "incidents", "list", "--as-of", "2026-03-01", "--json").stdout)["total"] == 0

    nothing = sf(db_url, "incidents", "import", str(all_bad), "--skip-bad")
    assert nothing.exit_code == 2 and "line 2: fatalities" in nothing.stderr and "line 3: latitude" in nothing.stderr

    skipped = sf(db_url, "incidents", "import", str(mixed), "--skip-bad", "--grade", "B3")
    assert skipped.exit_code == 0, skipped.output
    assert "Imported 3 incidents" in " ".join(skipped.stdout.split()) and "line 3: event_date" in skipped.stderr

    again = sf(db_url, "incidents", "import", str(good), "--json")
    assert again.exit_code == 0
    report = json.loads(again.stdout)
    assert (report["imported"], report["already_present"]) == (1, 1)

    listed = json.loads(sf(db_url, "incidents", "list", "--as-of", "2026-03-01", "--json").stdout)
    assert listed["total"] == 4 and listed["incidents"][0]["id"] == "acled-tst5"
    assert {i["grade"] for i in listed["incidents"]} == {"B3", "C3"}
    table = sf(db_url, "incidents", "list", "--as-of", "2026-03-01")
    assert table.exit_code == 0 and "4 incidents" in " ".join(table.stdout.split())
    assert json.loads(sf(db_url, "incidents", "list", "--as-of", "2026-03-01", "--known-at", "2026-02-24",
                         "--json").stdout)["total"] == 0
    assert sf(db_url, "incidents", "list", "--type", "parades").exit_code == 2


# --- the page ---------------------------------------------------------------------------------------


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client, name: str) -> None:
    token = csrf(client.get("/login").text)
    response = client.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token, "next": "/"},
                           follow_redirects=False)
    assert response.status_code == 303


def page_upload(client, text, *, skip_bad=False, name="synthetic.csv"):
    token = csrf(client.get("/incidents").text)
    data = {"csrf_token": token, "grade": "C3", **({"skip_bad": "on"} if skip_bad else {})}
    return client.post("/incidents/import?as_of=2026-03-01", data=data,
                       files={"file": (name, text.encode(), "text/csv")})


def test_page_upload_refused_then_skip_bad_shows_chart_and_rows(client, tokens):
    login(client, "analyst")
    empty = client.get("/incidents?as_of=2026-03-01")
    assert empty.status_code == 200 and 'id="import-form"' in empty.text and "No incidents recorded" in empty.text

    refused = page_upload(client, mixed_file())
    assert refused.status_code == 422
    assert "Nothing was imported" in refused.text
    assert 'data-line="3"' in refused.text and 'data-line="5"' in refused.text
    assert "line 5: event_type: unknown event type &#39;Parades&#39;" in refused.text

    done = page_upload(client, mixed_file(), skip_bad=True)
    assert done.status_code == 200 and "Imported 3 incidents" in done.text and 'data-line="3"' in done.text
    page = client.get("/incidents?as_of=2026-03-01")
    assert 'id="incidents-chart"' in page.text and 'id="incidents-data"' in page.text
    data = json.loads(re.search(r'id="incidents-data">(.*?)</script>', page.text, re.DOTALL).group(1))
    assert data["labels"][0] == "2026-02-09"
    assert sum(sum(t["counts"]) for t in data["types"]) == 3
    rows = re.findall(r'<tr data-id="([^"]+)"', page.text)
    assert rows == ["acled-tst5", "acled-tst3", "acled-tst1"]
    assert "synthetic.csv#TST1" in page.text and "Test Wire Service" in page.text and "precision 1" in page.text
    assert client.get("/incidents?as_of=2026-03-01&type=riots").text.count("<tr data-id=") == 0
    assert client.get("/incidents?type=parades").status_code == 422

    layers = client.get("/map/layers.json?as_of=2026-03-01").json()
    assert [f["properties"]["id"] for f in layers["incidents"]["features"]] == ["acled-tst1", "acled-tst3", "acled-tst5"]
    assert layers["incidents"]["features"][0]["geometry"]["coordinates"] == [34.35, 31.31]
    assert 'id="incidents-legend"' in client.get("/map").text


def test_page_upload_form_is_hidden_from_viewers_and_their_post_is_refused(client, tokens):
    login(client, "viewer")
    page = client.get("/incidents")
    assert page.status_code == 200 and 'id="import-form"' not in page.text
    token = csrf(page.text) if 'name="csrf_token"' in page.text else ""
    response = client.post("/incidents/import", data={"csrf_token": token},
                           files={"file": ("synthetic.csv", good_file(1).encode(), "text/csv")})
    assert response.status_code == 403
