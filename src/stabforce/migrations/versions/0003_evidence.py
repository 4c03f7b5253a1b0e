"""Evidence files, content-addressed by SHA-256.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE_GUARDS = [
    ("CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence "
     "BEGIN SELECT RAISE(ABORT, 'evidence files cannot be changed'); END"),
    ("CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence "
     "BEGIN SELECT RAISE(ABORT, 'evidence files cannot be deleted'); END"),
]
POSTGRES_GUARDS = [
    ("CREATE FUNCTION evidence_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
     "RAISE EXCEPTION 'evidence files cannot be %', lower(TG_OP) || 'd'; END $$"),
    ("CREATE TRIGGER evidence_immutable BEFORE UPDATE OR DELETE ON evidence "
     "FOR EACH ROW EXECUTE FUNCTION evidence_immutable()"),
]


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("media_type", sa.String(200), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.String(200), nullable=False),
    )
    guards = POSTGRES_GUARDS if op.get_bind().dialect.name == "postgresql" else SQLITE_GUARDS
    for statement in guards:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS evidence_immutable ON evidence")
        op.execute("DROP FUNCTION IF EXISTS evidence_immutable()")
    op.drop_table("evidence")
