"""Role × write endpoint: every write endpoint refuses the roles that may not use it (401/403)."""

from __future__ import annotations

import pytest

from stabforce.services.actors import Role
from tests.builders import fact_input, pledge_input
from tests.integration.api.conftest import bearer

ALL = {r.value for r in Role}
#: Written out by hand from the role descriptions, not derived from the code under test.
CASES = {
    "pledge for IDN": ({"admin", "planner", "liaison", "analyst"},
                       lambda: ("/api/v1/facts", pledge_input(600, 600))),
    "pledge for PAK": ({"admin", "planner", "analyst"},
                       lambda: ("/api/v1/facts", pledge_input(600, 600, subject="contributor:PAK"))),
    "stance for IDN": ({"admin", "planner", "liaison", "analyst"},
                       lambda: ("/api/v1/facts", fact_input("stance", payload={"stance": "committed"}))),
    "arrival for IDN": ({"admin", "planner", "liaison", "monitor"},
                        lambda: ("/api/v1/facts", fact_input("unit_arrived", payload={"unit": "1 bn", "personnel": 600}))),
    "requirement": ({"admin", "planner", "board", "analyst"},
                    lambda: ("/api/v1/facts", fact_input("requirement", "mission:gaza-isf",
                                                         payload={"personnel_kind": "troops", "quantity": 1}))),
    "zone control": ({"admin", "planner", "monitor", "analyst"},
                     lambda: ("/api/v1/facts", fact_input("zone_control", "zone:idf-held",
                                                          payload={"controlled_by": "IDF", "share_of_territory_pct": 53}))),
    "camp": ({"admin", "planner"},
             lambda: ("/api/v1/facts", fact_input("camp", "camp:test", payload={"name": "Test camp", "status": "planned",
                                                                               "sector": "rafah", "capacity": 500}))),
    "decision (as a fact)": ({"admin", "board"},
                             lambda: ("/api/v1/facts", fact_input("decision", payload={"settles": ["x1", "x2"],
                                                                                        "reason": "r"}))),
    "retract": ({"admin", "planner", "analyst"}, lambda: ("/api/v1/facts/x1/retract", {"reason": "wrong"})),
    "settle": ({"admin", "board"}, lambda: ("/api/v1/conflicts/settle", {"fact_ids": ["x1", "x2"], "reason": "r"})),
}


@pytest.fixture
def seeded(client, tokens):
    for fid, source in (("x1", "a"), ("x2", "b")):
        response = client.post("/api/v1/facts", json=pledge_input(1, 1, id=fid, source=source),
                               headers=bearer(tokens["admin"]))
        assert response.status_code == 201
    return client


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_role_is_allowed_or_refused(seeded, tokens, case):
    allowed, request = CASES[case]
    for role in sorted(ALL):
        path, body = request()
        response = seeded.post(path, json=body, headers=bearer(tokens[role]))
        if role in allowed:
            assert response.status_code == 201, (case, role, response.text)
        else:
            assert response.status_code == 403, (case, role, response.text)
            assert response.json()["error"]["code"] == "permission_denied"
    path, body = request()
    assert seeded.post(path, json=body).status_code == 401
