"""Settings: every field documented, read from STABFORCE_* variables."""

from __future__ import annotations

from stabforce.settings import Settings


def test_every_setting_is_documented():
    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 20, name


def test_database_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("STABFORCE_DATABASE_URL", "sqlite:///elsewhere.db")
    assert Settings(_env_file=None).database_url == "sqlite:///elsewhere.db"
    monkeypatch.delenv("STABFORCE_DATABASE_URL")
    assert Settings(_env_file=None).database_url == "sqlite:///stabforce.db"
