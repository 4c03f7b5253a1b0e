"""News documents (content-addressed) and the claims proposed from them, awaiting review.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("title", sa.String(500), nullable=True),
        sa.Column("publisher", sa.String(300), nullable=True),
        sa.Column("url", sa.String(1000), nullable=True),
        sa.Column("published", sa.Date, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingested_by", sa.String(200), nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("document", sa.String(64), sa.ForeignKey("documents.sha256"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("fact_id", sa.String(100), nullable=True),
        sa.Column("reviewed_by", sa.String(200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_index("ix_claims_status", "claims", ["status"])
    op.create_index("ix_claims_document", "claims", ["document", "position"])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("documents")
