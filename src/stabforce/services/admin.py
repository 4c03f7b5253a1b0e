"""Setting up a database."""

from __future__ import annotations

from stabforce.store import migrate


def init_database(url: str) -> None:
    """Create or upgrade the schema of the database at `url` (safe to run again)."""
    migrate(url)
