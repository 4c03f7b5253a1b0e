"""TLP 2.0 markings on facts: a nullable column (no marking = CLEAR); existing rows keep NULL, so
every stored hash stays valid.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("facts", sa.Column("marking", sa.String(12), nullable=True))


def downgrade() -> None:
    op.drop_column("facts", "marking")  # SQLite 3.35+ drops a column in place, keeping the guards
