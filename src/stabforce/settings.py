"""Settings read from STABFORCE_* environment variables (or a .env file)."""

from __future__ import annotations

from pathlib import Path

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
    secret_key: str | None = Field(
        None, description="Key that signs session cookies. Unset: a random key per process start, so "
                          "logins end when the server restarts; set it for a shared server.",
    )
    cookie_secure: bool = Field(
        False, description="Send the session cookie only over HTTPS (set true behind TLS).",
    )
    public_read: bool = Field(
        False, description="Let visitors who are not logged in read pages and the API (never write).",
    )
    host: str = Field("127.0.0.1", description="Address `stabforce serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `stabforce serve` listens on.")
    peacekeeping_data: str | None = Field(
        None, description="Folder with missions.csv and ipi_mission_month.csv (past UN build-ups) for the "
                          "forecast's reference class; default: the nearest shared/data/peacekeeping above "
                          "the working directory or the project.",
    )
    forecast_runs: int = Field(20_000, gt=0, le=5_000_000, description="Monte Carlo runs per forecast.")
    evidence_max_bytes: int = Field(
        10 * 1024 * 1024, gt=0, description="Largest evidence file that may be uploaded, in bytes (default 10 MiB).",
    )
    document_max_bytes: int = Field(
        2 * 1024 * 1024, gt=0, description="Largest news document that may be ingested, in bytes (default 2 MiB).",
    )
    pair_model: Path | None = Field(
        None, description="A pair model folder (made by `stabforce extract-train`): ingesting a document adds the "
                          "claims it finds that the rules left out, at confidence 0.35 or less (needs the 'learned' "
                          "extra, about 1 GB; slower, 5-10 reports/s). Unset: the rules only.",
    )
    actor: str | None = Field(
        None, description="Name recorded as the author of facts written from the command line "
                          "(default: cli:<login name>).",
    )
    signing_key: Path | None = Field(
        None, description="This installation's Ed25519 private key (made by `stabforce keys create`), which signs "
                          "JSON Lines exports; unset: exports are not signed. Its public key is always trusted "
                          "on import.",
    )
    trusted_keys: str | None = Field(
        None, description="Public keys whose signed exports may be imported, comma-separated: ed25519:<base64> "
                          "texts or files holding one (as `stabforce keys create` prints and writes to KEY.pub).",
    )

    def trusted_key_texts(self) -> list[str]:
        """Return the trusted public keys as given (texts or file names)."""
        return [t.strip() for t in (self.trusted_keys or "").split(",") if t.strip()]
