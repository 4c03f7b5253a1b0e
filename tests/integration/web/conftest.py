"""The site every page test uses: the scenario loaded, one user per role, a TestClient."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from stabforce.app import create_app
from stabforce.services import accounts, exchange
from stabforce.services.actors import Actor, Role
from tests.integration.api.conftest import PASSWORD

#: The users of the site: (name, role, contributor).
USERS = (("ana", "analyst", None), ("lia", "liaison", "IDN"), ("vic", "viewer", None), ("adm", "admin", None),
         ("pla", "planner", None), ("bod", "board", None), ("mon", "monitor", None))


@pytest.fixture
def site(services):
    exchange.load_scenario(services.ledger, Actor(id="test", role=Role.ADMIN), "gaza-isf")
    for name, role, contributor in USERS:
        accounts.add_user(services.accounts, name=name, role=role, password=PASSWORD, contributor=contributor)
    with TestClient(create_app(services.settings, services=services)) as client:
        yield client
