"""Users and API tokens in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select, update

from stabforce.store.rows import TokenRow, UserRow

USERS = UserRow.__table__
TOKENS = TokenRow.__table__


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A stored user."""

    id: int
    name: str
    role: str
    contributor: str | None
    password_hash: str


@dataclass(frozen=True, slots=True)
class TokenRecord:
    """A stored token (never the token itself)."""

    id: int
    user_name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


class AccountStore:
    """Users and tokens. Unlike the ledger, rows here may change (a token is revoked)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add_user(self, *, name: str, role: str, contributor: str | None, password_hash: str) -> UserRecord:
        """Insert a user and return it."""
        with self.engine.begin() as conn:
            new_id = conn.execute(insert(USERS).values(
                name=name, role=role, contributor=contributor, password_hash=password_hash,
                created_at=datetime.now(UTC)).returning(USERS.c.id)).scalar_one()
        return UserRecord(new_id, name, role, contributor, password_hash)

    def user(self, name: str) -> UserRecord | None:
        """Return the user with that name, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(USERS).where(USERS.c.name == name)).mappings().first()
        return _user(row) if row else None

    def users(self) -> list[UserRecord]:
        """Return every user."""
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(select(USERS).order_by(USERS.c.name)).mappings()]

    def add_token(self, *, user_id: int, token_hash: str, prefix: str) -> int:
        """Store a token's hash and return its id."""
        with self.engine.begin() as conn:
            return int(conn.execute(insert(TOKENS).values(
                user_id=user_id, token_hash=token_hash, prefix=prefix, created_at=datetime.now(UTC),
            ).returning(TOKENS.c.id)).scalar_one())

    def user_for_token(self, token_hash: str) -> UserRecord | None:
        """Return the user owning a live (not revoked) token with that hash."""
        query = (select(USERS).join(TOKENS, TOKENS.c.user_id == USERS.c.id)
                 .where(TOKENS.c.token_hash == token_hash, TOKENS.c.revoked_at.is_(None)))
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return _user(row) if row else None

    def tokens(self, user_name: str | None = None) -> list[TokenRecord]:
        """Return tokens, optionally of one user."""
        query = select(TOKENS.c.id, USERS.c.name, TOKENS.c.prefix, TOKENS.c.created_at, TOKENS.c.revoked_at
                       ).join(USERS, TOKENS.c.user_id == USERS.c.id).order_by(TOKENS.c.id)
        if user_name:
            query = query.where(USERS.c.name == user_name)
        with self.engine.connect() as conn:
            return [TokenRecord(*row) for row in conn.execute(query)]

    def revoke_token(self, token_id: int) -> bool:
        """Mark a token revoked; return False if there was no live token with that id."""
        with self.engine.begin() as conn:
            done = conn.execute(update(TOKENS).where(TOKENS.c.id == token_id, TOKENS.c.revoked_at.is_(None))
                                .values(revoked_at=datetime.now(UTC)))
        return done.rowcount == 1


def _user(row) -> UserRecord:  # type: ignore[no-untyped-def]
    return UserRecord(row["id"], row["name"], row["role"], row["contributor"], row["password_hash"])
