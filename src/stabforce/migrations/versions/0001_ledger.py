"""The append-only ledger of facts.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_GUARDS = [
    ("CREATE TRIGGER facts_no_update BEFORE UPDATE ON facts "
     "BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: facts cannot be updated'); END"),
    ("CREATE TRIGGER facts_no_delete BEFORE DELETE ON facts "
     "BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: facts cannot be deleted'); END"),
]
POSTGRES_GUARDS = [
    ("CREATE FUNCTION facts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
     "RAISE EXCEPTION 'the ledger is append-only: facts cannot be %', lower(TG_OP); END $$"),
    ("CREATE TRIGGER facts_append_only BEFORE UPDATE OR DELETE ON facts "
     "FOR EACH ROW EXECUTE FUNCTION facts_append_only()"),
]


def upgrade() -> None:
    op.create_table(
        "facts",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(100), nullable=False, unique=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(120), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("valid_from", sa.Date, nullable=False),
        sa.Column("valid_to", sa.Date, nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("known_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.Column("source_key", sa.String(500), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("quote", sa.Text, nullable=True),
        sa.Column("grade", sa.String(2), nullable=False),
        sa.Column("supersedes", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    for column in ("kind", "subject", "source_key", "valid_from"):
        op.create_index(f"ix_facts_{column}", "facts", [column])
    guards = POSTGRES_GUARDS if op.get_bind().dialect.name == "postgresql" else SQLITE_GUARDS
    for statement in guards:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER facts_append_only ON facts")
        op.execute("DROP FUNCTION facts_append_only()")
    op.drop_table("facts")
