"""Settings read from STABFORCE_* environment variables (or a .env file)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything a deployment may set. Built once by a face, then passed down."""

    model_config = SettingsConfigDict(env_prefix="STABFORCE_", env_file=".env", extra="ignore")

    database_url: str = Field(
        "sqlite:///stabforce.db",
        description="SQLAlchemy URL of the ledger database: a SQLite file (default, in the working "
                    "directory) or postgresql+psycopg://user@host:5432/dbname for a shared server.",
    )
    actor: str | None = Field(
        None, description="Name recorded as the author of facts written from the command line "
                          "(default: cli:<login name>).",
    )
