"""Alembic environment: the URL comes from the caller's config (stabforce.store.db.migrate) or,
when run as `alembic upgrade head` from the repository, from STABFORCE_DATABASE_URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from stabforce.settings import Settings
from stabforce.store.rows import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or Settings().database_url


def run_migrations() -> None:
    """Run the migrations online against `url` (batch mode, so that they also work on SQLite)."""
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
