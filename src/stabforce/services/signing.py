"""Ed25519 signatures on JSON Lines exports: keys, the signature line, and checking an export.

An export is the ledger's facts, one JSON object per line, followed by one signature line:

    {"signature": {"algorithm": "ed25519", "key_id": "<16 hex>", "signed": {...}, "value": "<base64>"}}

`signed` is what the signature covers (the Ed25519 signature of its canonical JSON: sorted keys, no
spaces, UTF-8, the ledger's `canonical_json`):

    {"format": "stabforce-export/1", "count": N, "first_seq": S, "prev_hash": P, "last_seq": L,
     "head_hash": H, "exported_at": "2026-12-04T17:00:00.000000Z", "key_id": "<16 hex>"}

`head_hash` is the hash of the last fact, and every fact's hash covers its content, its position and
the hash before it, so signing the head signs every line; `count`, `first_seq` and `prev_hash` say
which stretch of the chain the file holds. A key id is the first 16 hex digits of the SHA-256 of the
raw 32-byte public key. Public keys are written ``ed25519:<base64 of the raw 32 bytes>`` (PEM is read too).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from stabforce.errors import IntegrityError, InvalidInput
from stabforce.ledger import Fact
from stabforce.ledger.chain import verify_chain
from stabforce.ledger.fact import canonical_json, iso_utc
from stabforce.ledger.marking import parse_marking

FORMAT = "stabforce-export/1"
PREFIX = "ed25519:"


class ExportRefused(IntegrityError):
    """An export that is unsigned, signed by an untrusted key, badly signed or broken."""

    code = "export_refused"


class KeyUnusable(InvalidInput):
    """A key file or public key text that cannot be read."""

    code = "invalid_key"


# --- keys -----------------------------------------------------------------------------------------------


def key_id(public: Ed25519PublicKey) -> str:
    """Return the key's id: the first 16 hex digits of the SHA-256 of its raw bytes."""
    return hashlib.sha256(_raw(public)).hexdigest()[:16]


def public_text(public: Ed25519PublicKey) -> str:
    """Return the public key as one line: ``ed25519:<base64>``."""
    return PREFIX + base64.b64encode(_raw(public)).decode("ascii")


def parse_public_key(text: str) -> Ed25519PublicKey:
    """Read a public key from ``ed25519:<base64>``, a PEM block, or a file holding either."""
    value = text.strip()
    if value and not value.startswith((PREFIX, "-----")) and len(value) < 4096 and Path(value).is_file():
        value = Path(value).read_text(encoding="utf-8").strip()
    try:
        if value.startswith(PREFIX):
            raw = base64.b64decode(value[len(PREFIX):], validate=True)
            return Ed25519PublicKey.from_public_bytes(raw)
        if value.startswith("-----BEGIN PUBLIC KEY-----"):
            key = serialization.load_pem_public_key(value.encode("ascii"))
            if isinstance(key, Ed25519PublicKey):
                return key
    except (ValueError, TypeError):
        pass
    raise KeyUnusable(f"{_short(text)} is not an Ed25519 public key (expected ed25519:<base64 of 32 bytes>, a PEM "
                    "public key, or a file holding one)", field="public_key")


def create_key(path: Path, *, force: bool = False) -> Ed25519PublicKey:
    """Make a key pair: the private key (PEM, PKCS #8) at `path`, readable by its owner only (0600),
    and the public key beside it at `<path>.pub`. Refuses to overwrite a key unless `force`."""
    if path.exists() and not force:
        raise InvalidInput(f"{path} already exists; a new key would make earlier signatures unverifiable with "
                           "it (use --force to replace it)", field="path")
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as stream:
        stream.write(pem)
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    public = private.public_key()
    path.with_name(path.name + ".pub").write_text(public_text(public) + "\n", encoding="utf-8")
    return public


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """Read a private key written by `create_key`, naming the file when it cannot be used."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise KeyUnusable(f"no signing key at {path}; make one with `stabforce keys create`", field="signing_key") \
            from None
    except (ValueError, TypeError) as exc:
        raise KeyUnusable(f"{path} is not a PEM private key ({exc})", field="signing_key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyUnusable(f"{path} holds a {type(key).__name__}, not an Ed25519 key", field="signing_key")
    return key


def trusted_keys(texts: Iterable[str], *, signing_key: Path | None = None) -> dict[str, Ed25519PublicKey]:
    """Return the trusted public keys by id: those given, and this installation's own if it has one."""
    keys = {}
    for text in texts:
        if text.strip():
            key = parse_public_key(text)
            keys[key_id(key)] = key
    if signing_key is not None and signing_key.exists():
        own = load_private_key(signing_key).public_key()
        keys[key_id(own)] = own
    return keys


# --- signing --------------------------------------------------------------------------------------------


def signed_fields(facts_seen: _Tally, *, exported_at: datetime, kid: str) -> dict[str, Any]:
    """Return the fields the signature covers for the facts tallied."""
    return {"format": FORMAT, "count": facts_seen.count, "first_seq": facts_seen.first_seq,
            "prev_hash": facts_seen.prev_hash, "last_seq": facts_seen.last_seq, "head_hash": facts_seen.head_hash,
            "exported_at": iso_utc(exported_at), "key_id": kid}


@dataclass(slots=True)
class _Tally:
    count: int = 0
    first_seq: int | None = None
    prev_hash: str | None = None
    last_seq: int | None = None
    head_hash: str | None = None

    def add(self, fact: Fact) -> None:
        if self.count == 0:
            self.first_seq, self.prev_hash = fact.seq, fact.prev_hash
        self.count += 1
        self.last_seq, self.head_hash = fact.seq, fact.hash


def signature_line(signed: dict[str, Any], private: Ed25519PrivateKey) -> str:
    """Return the signature line (with its newline) for the `signed` fields."""
    value = private.sign(canonical_json(signed).encode("utf-8"))
    body = {"signature": {"algorithm": "ed25519", "key_id": signed["key_id"], "signed": signed,
                          "value": base64.b64encode(value).decode("ascii")}}
    return json.dumps(body, sort_keys=True) + "\n"


def signed_lines(facts: Iterable[Fact], private: Ed25519PrivateKey | None, *,
                 now: datetime | None = None) -> Iterator[str]:
    """Yield each fact as an export line, then (with a key) the signature line over what was yielded."""
    tally = _Tally()
    for fact in facts:
        tally.add(fact)
        yield json.dumps(fact.to_json(), ensure_ascii=False, sort_keys=True) + "\n"
    if private is not None:
        kid = key_id(private.public_key())
        yield signature_line(signed_fields(tally, exported_at=now or datetime.now(UTC), kid=kid), private)


# --- checking -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckedExport:
    """An export read and checked: its facts, and who signed it (None when unsigned and allowed)."""

    facts: list[Fact]
    key_id: str | None
    signed: dict[str, Any] | None


def read_export(lines: Iterable[str], *, name: str) -> tuple[list[Fact], dict[str, Any] | None]:
    """Read an export's fact lines and its signature line (None if it has none); refuse anything else."""
    facts: list[Fact] = []
    signature: dict[str, Any] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ExportRefused(f"{name} line {number}: not JSON ({exc.msg})", line=number) from None
        if signature is not None:
            raise ExportRefused(f"{name} line {number}: a line after the signature line (the signature must be "
                                "the last line)", line=number)
        if isinstance(data, dict) and set(data) == {"signature"}:
            if not isinstance(data["signature"], dict):
                raise ExportRefused(f"{name} line {number}: the signature line is malformed", line=number)
            signature = data["signature"]
            continue
        if not isinstance(data, dict):
            raise ExportRefused(f"{name} line {number}: expected a JSON object", line=number)
        if data.get("export") == "filtered":
            raise ExportRefused(f"{name} line {number}: a filtered export (only the facts one reader may read "
                                "under their TLP markings) is not the ledger's chain and cannot be imported or "
                                "verified; export as an admin", line=number, reason="filtered")
        marking = data.get("marking")
        if marking is not None and (not isinstance(marking, str) or parse_marking(marking) != marking):
            raise ExportRefused(f"{name} line {number}: marking {marking!r} is not a TLP 2.0 label "
                                "(CLEAR, GREEN, AMBER, AMBER+STRICT, RED)", line=number)
        try:
            facts.append(Fact.from_json(data))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ExportRefused(f"{name} line {number}: not an exported fact ({exc})", line=number) from None
    return facts, signature


def check_export(lines: Iterable[str], *, name: str, trusted: dict[str, Ed25519PublicKey],
                 allow_unsigned: bool = False) -> CheckedExport:
    """Check an export outside any database: the chain within the file (numbering, links, every
    hash), then the signature against the trusted keys. Raise `ExportRefused` naming what is wrong."""
    facts, signature = read_export(lines, name=name)
    if facts:
        report = verify_chain(facts, start_hash=facts[0].prev_hash or "", start_seq=facts[0].seq or 0)
        if not report.ok:
            raise ExportRefused(f"{name}: fact {report.broken_id} (#{report.broken_seq}) breaks the chain: "
                                f"{report.reason}", fact_id=report.broken_id, seq=report.broken_seq)
    if signature is None:
        if allow_unsigned:
            return CheckedExport(facts, None, None)
        raise ExportRefused(f"{name} is not signed, so nothing says who made it or that it was not re-hashed "
                            "after an edit; import it only if you trust where it came from, with --allow-unsigned",
                            reason="unsigned")
    signed = signature.get("signed")
    kid = signature.get("key_id")
    if signature.get("algorithm") != "ed25519" or not isinstance(signed, dict) or not isinstance(kid, str) \
            or signed.get("key_id") != kid or signed.get("format") != FORMAT:
        raise ExportRefused(f"{name}: the signature line is malformed (expected algorithm ed25519, key_id and "
                            f"signed fields of format {FORMAT})", reason="malformed")
    key = trusted.get(kid)
    if key is None:
        known = ", ".join(sorted(trusted)) or "none"
        raise ExportRefused(f"{name} is signed by key {kid}, which is not trusted (trusted: {known}); pass its "
                            "public key with --public-key if you trust it", reason="untrusted_key", key_id=kid)
    try:
        key.verify(base64.b64decode(str(signature.get("value", "")), validate=True),
                   canonical_json(signed).encode("utf-8"))
    except (InvalidSignature, ValueError):
        raise ExportRefused(f"{name}: the signature does not match (the file was changed after it was signed, "
                            f"or was not signed by key {kid})", reason="bad_signature", key_id=kid) from None
    tally = _Tally()
    for fact in facts:
        tally.add(fact)
    expected = signed_fields(tally, exported_at=datetime.now(UTC), kid=kid)
    for field in ("count", "first_seq", "prev_hash", "last_seq", "head_hash"):
        if signed.get(field) != expected[field]:
            raise ExportRefused(f"{name}: the signature covers {field} {signed.get(field)!r} but the file has "
                                f"{expected[field]!r} (lines were added or removed after signing)",
                                reason="not_what_was_signed", field=field)
    return CheckedExport(facts, kid, signed)


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")
