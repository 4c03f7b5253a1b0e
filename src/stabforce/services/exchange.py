"""Facts files in, JSON Lines export out (signed, see `services/signing.py`), and the lossless import
of a signed export."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from stabforce.errors import InvalidFact, InvalidInput, ScenarioNotFound
from stabforce.ledger import Fact
from stabforce.services import signing
from stabforce.services.actors import Actor
from stabforce.services.facts import record_facts
from stabforce.store import LedgerStore

#: Shipped scenarios: name -> its facts files, loaded in this order as one batch.
SCENARIOS: dict[str, tuple[str, ...]] = {
    "gaza-isf": ("gaza-isf.jsonl", "gaza-isf.gates.jsonl", "gaza-isf.police-sites.jsonl", "gaza-isf.camps.jsonl"),
}


def read_jsonl(stream: TextIO, *, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line; refuse a line that is not a JSON object."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"{name} line {number}: not JSON ({exc.msg})", line=number) from None
        if not isinstance(value, dict):
            raise InvalidInput(f"{name} line {number}: expected a JSON object", line=number)
        yield number, value


def load_facts_file(store: LedgerStore, actor: Actor, path: Path) -> list[Fact]:
    """Append every fact of a facts file (JSON Lines of fact inputs) as one batch, or none."""
    with path.open(encoding="utf-8") as stream:
        return _load(store, actor, stream, name=path.name)


def load_scenario(store: LedgerStore, actor: Actor, name: str) -> list[Fact]:
    """Append a shipped scenario's facts as one batch."""
    if name not in SCENARIOS:
        raise ScenarioNotFound(f"no scenario {name!r}; shipped: {', '.join(SCENARIOS)}", scenario=name)
    folder = resources.files("stabforce.scenarios")
    texts = [(part, folder.joinpath(part).read_text(encoding="utf-8")) for part in SCENARIOS[name]]
    return _load_parts(store, actor, texts)


def _load(store: LedgerStore, actor: Actor, stream: TextIO, *, name: str) -> list[Fact]:
    return _load_parts(store, actor, [(name, stream.read())])


def _load_parts(store: LedgerStore, actor: Actor, texts: list[tuple[str, str]]) -> list[Fact]:
    """Record the facts of several files as one batch; an error names the file and line."""
    lines = [(name, number, data) for name, text in texts for number, data in read_jsonl(io.StringIO(text), name=name)]
    try:
        return record_facts(store, actor, (data for _, _, data in lines))
    except InvalidFact as exc:
        item = exc.details.get("item")
        if item is not None:
            name, line, _ = lines[item - 1]
            exc.message = f"{name} line {line}: {exc.message}"
            exc.details["line"] = line
            exc.details["file"] = name
            exc.args = (exc.message,)
        raise


#: The first line of an export that leaves out facts its reader may not read (TLP markings).
FILTERED = "filtered"


def export_lines(store: LedgerStore, signing_key: Ed25519PrivateKey | None = None, *,
                 now: datetime | None = None, reader: Actor | None = None) -> Iterator[str]:
    """Yield every fact, hash included, as one JSON line, in ledger order; with a key, then the
    signature line over the head hash (`services/signing.py` gives the format).

    The whole ledger (a chain that imports and verifies) only for a reader who may read everything
    (admin, the command line's operator; `reader=None`). Anyone else gets a *filtered* export: a
    first line ``{"export": "filtered", ...}`` saying so, then only the facts they may read, never
    signed (it is not the ledger's chain), and refused by `import_ledger`.
    """
    clearance = reader.clearance if reader is not None else None
    if clearance is None or clearance.everything:
        yield from signing.signed_lines(store.iter_all(), signing_key, now=now)
        return
    yield json.dumps(filtered_header(reader), ensure_ascii=False, sort_keys=True) + "\n"
    for fact in store.iter_all():
        if clearance.allows(fact):
            yield json.dumps(fact.to_json(), ensure_ascii=False, sort_keys=True) + "\n"


def filtered_header(reader: Actor | None) -> dict[str, Any]:
    """Return the label line of a filtered export for `reader`."""
    readable = sorted(reader.clearance.markings) if reader is not None else []
    return {"export": FILTERED, "reader": reader.id if reader is not None else None, "readable_markings": readable,
            "note": "Only the facts this reader may read under their TLP markings; not the whole ledger, "
                    "so not a hash chain: it cannot be verified as one or imported, and it is not signed."}


def export_ledger(store: LedgerStore, stream: TextIO, *, signing_key: Ed25519PrivateKey | None = None,
                  progress: Callable[[int], None] = lambda n: None, reader: Actor | None = None) -> int:
    """Write the export lines to `stream` (signed when a key is given and the export is whole); return
    how many facts were written."""
    count = 0
    for line in export_lines(store, signing_key, reader=reader):
        stream.write(line)
        if not line.startswith(('{"signature"', '{"export"')):
            count += 1
            progress(count)
    return count


def import_ledger(store: LedgerStore, stream: TextIO, *, name: str, trusted: dict[str, Ed25519PublicKey],
                  allow_unsigned: bool = False) -> signing.CheckedExport:
    """Store an export's facts verbatim if it is signed by a trusted key (or unsigned and that is
    allowed) and its facts continue this ledger's chain; else store nothing."""
    checked = signing.check_export(stream, name=name, trusted=trusted, allow_unsigned=allow_unsigned)
    store.import_chain(checked.facts)
    return checked
