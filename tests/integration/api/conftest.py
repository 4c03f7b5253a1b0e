"""An app on a fresh database, with one user and one API token per role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from stabforce.app import create_app
from stabforce.bootstrap import Services
from stabforce.services import accounts
from stabforce.services.actors import Role

PASSWORD = "a-test-password"


@pytest.fixture
def tokens(services: Services) -> dict[str, str]:
    """One user per role (the liaison writes for Indonesia) and their API tokens."""
    out = {}
    for role in Role:
        contributor = "IDN" if role == Role.LIAISON else None
        accounts.add_user(services.accounts, name=role.value, role=role.value, password=PASSWORD,
                          contributor=contributor)
        out[role.value] = accounts.create_token(services.accounts, name=role.value)[1]
    return out


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    app = create_app(services.settings, services=services)
    with TestClient(app) as test_client:
        yield test_client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
