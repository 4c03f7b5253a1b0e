"""Accounts: adding users, logging in, API tokens. Passwords are argon2id hashes; tokens are
stored as SHA-256 and shown once."""

from __future__ import annotations

import hashlib
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from stabforce.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from stabforce.ledger.vocab import country_name
from stabforce.services.actors import Actor, Role
from stabforce.store.accounts_repo import AccountStore, TokenRecord, UserRecord

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,99}$")
TOKEN_PREFIX = "sf_"
_hasher = PasswordHasher()
#: Verified against when a name is unknown, so a login takes as long whether or not the name exists.
_DUMMY_HASH = _hasher.hash("not a real password")


class LoginFailed(PermissionDenied):
    """Wrong name or password (never says which)."""

    code = "login_failed"


def add_user(accounts: AccountStore, *, name: str, role: str, password: str,
             contributor: str | None = None) -> UserRecord:
    """Create a user. A liaison must be tied to one contributor; other roles must not be."""
    if not NAME.match(name):
        raise InvalidInput("user names are 2-100 letters, digits and . _ @ -", field="name")
    try:
        role_ = Role(role)
    except ValueError:
        raise InvalidInput(f"unknown role {role!r}; roles: {', '.join(r.value for r in Role)}", field="role") from None
    if role_ == Role.LIAISON and not contributor:
        raise InvalidInput("a liaison needs --contributor ISO3 (the country they write for)", field="contributor")
    if contributor and role_ != Role.LIAISON:
        raise InvalidInput("only a liaison is tied to a contributor", field="contributor")
    if contributor and country_name(contributor) is None:
        raise InvalidInput(f"unknown country code {contributor!r}", field="contributor")
    if len(password) < 8:
        raise InvalidInput("passwords need at least 8 characters", field="password")
    if accounts.user(name) is not None:
        raise Conflict(f"a user named {name} already exists", field="name")
    return accounts.add_user(name=name, role=role_.value, contributor=contributor,
                             password_hash=_hasher.hash(password))


def actor_of(user: UserRecord) -> Actor:
    """Return the actor a user acts as."""
    return Actor(id=f"user:{user.name}", role=Role(user.role), contributor=user.contributor)


def authenticate(accounts: AccountStore, *, name: str, password: str) -> Actor:
    """Return the actor for a correct name and password; raise `LoginFailed` otherwise."""
    user = accounts.user(name)
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        raise LoginFailed("wrong user name or password") from None
    if user is None:
        raise LoginFailed("wrong user name or password")
    return actor_of(user)


def create_token(accounts: AccountStore, *, name: str) -> tuple[int, str]:
    """Create an API token for a user; return its id and the token (shown only now)."""
    user = accounts.user(name)
    if user is None:
        raise NotFound(f"no user named {name}", name=name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token_id = accounts.add_token(user_id=user.id, token_hash=_digest(token), prefix=token[:10])
    return token_id, token


def actor_for_token(accounts: AccountStore, token: str) -> Actor | None:
    """Return the actor of a live token, or None."""
    user = accounts.user_for_token(_digest(token))
    return actor_of(user) if user else None


def revoke_token(accounts: AccountStore, *, token_id: int) -> None:
    """Revoke a token by id."""
    if not accounts.revoke_token(token_id):
        raise NotFound(f"no live token with id {token_id}", token_id=token_id)


def list_tokens(accounts: AccountStore, *, name: str | None = None) -> list[TokenRecord]:
    """Return tokens (prefixes only), optionally of one user."""
    return accounts.tokens(name)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
