"""News in, sourced claims out: ingest documents, propose claims, review them into the ledger.

Ingest reads a document (the seeds' layout whose first line is " date YYYY-MM-DD", or plain text or
HTML with a date given), refuses empty, binary, oversized and undated ones naming the file, and
stores it once by the SHA-256 of its text together with the claims the extractor proposes — one
transaction per document, and a batch is fully checked before anything is stored.

Review turns a proposed claim (possibly corrected) into a ledger fact citing the document and
quoting the sentence, graded by the analyst, or rejects it. A claim whose figures disagree with a
live fact about the same subject is shown with it; once accepted, the fold lists the conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from typing import Any

import orjson

from stabforce.engines.extract import ProposedClaim, extract, parse_document
from stabforce.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from stabforce.ledger import Fact
from stabforce.ledger.plausible import http_url_problem
from stabforce.services import facts
from stabforce.services.actors import Actor, Role
from stabforce.services.picture import Pictures
from stabforce.services.views import source_view
from stabforce.store import LedgerStore
from stabforce.store.documents_repo import Document, DocumentStore, StoredClaim, text_sha256

#: Roles that may ingest documents and review claims (accepting also needs the right to write the fact's kind).
REVIEWERS = frozenset({Role.ADMIN, Role.ANALYST, Role.PLANNER})
KINDS = ("pledge", "consideration", "reduction_or_withdrawal", "arrival", "command", "territory_control", "other")
HTML_NAME = re.compile(r"\.x?html?$", re.IGNORECASE)


def require_reviewer(actor: Actor) -> None:
    """Refuse an actor whose role may not ingest or review."""
    if actor.role not in REVIEWERS:
        raise PermissionDenied(f"role {actor.role} may not ingest documents or review claims", role=str(actor.role))


# --------------------------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Incoming:
    """A document as submitted: its name, bytes and what the submitter says about it."""

    name: str
    raw: bytes
    published: date | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Ingested:
    """The outcome for one document."""

    document: Document
    created: bool
    claims: int


def read_incoming(item: Incoming, *, max_bytes: int) -> tuple[date, str | None, str]:
    """Check a document and return (publication date, title found in it, body text).

    Raises
    ------
    InvalidInput
        Empty, binary, oversized, not UTF-8, or undated; the message names the file.
    """
    name = item.name
    if item.url is not None and (problem := http_url_problem(item.url)) is not None:
        raise InvalidInput(f"{name}: the URL {problem}", field="url", document=name)
    if len(item.raw) > max_bytes:
        raise InvalidInput(f"{name}: {len(item.raw):,} bytes is over the limit of {max_bytes:,}", field="file",
                           document=name)
    if b"\x00" in item.raw:
        raise InvalidInput(f"{name}: looks binary (it holds NUL bytes); give plain text or HTML", field="file",
                           document=name)
    try:
        text = item.raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{name}: not UTF-8 text (byte {exc.start}); give plain text or HTML", field="file",
                           document=name) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InvalidInput(f"{name}: the document is empty", field="file", document=name)
    title = None
    if HTML_NAME.search(name) or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        title, text = html_text(text)
        if not text.strip():
            raise InvalidInput(f"{name}: the HTML holds no text", field="file", document=name)
    stated, body = parse_document(text)
    published = stated or item.published  # a date the document states wins over one given for the batch
    if published is None:
        raise InvalidInput(f"{name}: no date: give the day it was published, or start the text with "
                           "' date YYYY-MM-DD'", field="date", document=name)
    if published > datetime.now(UTC).date():
        raise InvalidInput(f"{name}: dated {published}, after today: a document cannot be published in the future",
                           field="date", document=name)
    return published, title, body


def ingest(store: DocumentStore, actor: Actor, items: Sequence[Incoming], *, max_bytes: int,
           progress: Callable[[int], None] = lambda n: None,
           read: Callable[[str, date], list[ProposedClaim]] | None = None) -> list[Ingested]:
    """Check every document, then store each with its proposed claims; return what happened to each.

    Nothing is stored if any document is refused. Ingesting a stored text again changes nothing. `read` gives a
    text's claims (default: the rules, `extract`; `pair_model.claim_reader` adds the learned second pass).
    """
    require_reviewer(actor)
    checked = [(item, *read_incoming(item, max_bytes=max_bytes)) for item in items]
    out = []
    for n, (item, published, title, body) in enumerate(checked, start=1):
        found = store.get(text_sha256(body))
        if found is not None:  # the same text again: nothing to extract or store
            out.append(Ingested(found, False, sum(store.counts(found.sha256).values())))
        else:
            found_claims = read(body, published) if read is not None else extract(body, published=published)
            claims = [orjson.loads(orjson.dumps(c)) for c in found_claims]
            document = Document(text_sha256(body), item.name[:300], (item.title or title or None), item.publisher,
                                item.url, published, body, datetime.now(UTC), actor.id)
            stored, created = store.add(document, claims)
            out.append(Ingested(stored, created, len(claims) if created else sum(store.counts(stored.sha256).values())))
        progress(n)
    return out


class _TextOfHtml(HTMLParser):
    BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header",
              "footer", "blockquote"})
    SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_text(html: str) -> tuple[str | None, str]:
    """Return (title, readable text) of an HTML page: scripts and styles dropped, blocks as lines."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    text = "\n\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title).split()) or None
    return title, text


# --------------------------------------------------------------------------------------------- review


def claim_context(claim: StoredClaim, document: Document, *, around: int = 240) -> dict[str, str]:
    """Return the claim's sentence with the text before and after it, for highlighting."""
    start, end = int(claim.data["start"]), int(claim.data["end"])
    return {"before": document.text[max(0, start - around):start], "sentence": document.text[start:end],
            "after": document.text[end:end + around]}


def fact_input(claim: StoredClaim, document: Document, *, grade: str,
               corrections: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the ledger fact a (corrected) claim becomes, citing the document and quoting the sentence.

    Corrections may set: kind, subject, low, high, approx, personnel, tasks, as_of, phase, stance,
    role, attribution, note. Raises InvalidInput for a claim that cannot become a fact as it is.
    """
    c = {**claim.data, **{k: v for k, v in (corrections or {}).items() if v is not None}}
    kind, subject = c.get("kind"), str(c.get("subject") or "").strip()
    country = len(subject) == 3 and subject.isupper()
    source = {"key": document.name, "date": document.published.isoformat(), "title": document.title,
              "url": document.url, "publisher": document.publisher, "attribution": c.get("attribution") or None}
    base = {"valid_from": str(c.get("as_of") or document.published.isoformat()),
            "known_from": document.published.isoformat(), "source": source, "quote": claim.data["quote"],
            "grade": grade.strip().upper()}
    quantity = {"low": _int(c.get("low")), "high": _int(c.get("high")), "approx": bool(c.get("approx")),
                "text": c.get("quantity_text") or None}
    if c.get("conversion") and (quantity["low"], quantity["high"]) == (claim.data.get("low"), claim.data.get("high")):
        conv = c["conversion"]
        quantity["conversion"] = {k: conv[k] for k in ("count", "unit", "per_unit_low", "per_unit_high", "assumption")}
    if kind in ("pledge", "reduction_or_withdrawal") and not c.get("negated"):
        _need_country(subject, country)
        if quantity["low"] is None and quantity["high"] is None and not quantity["text"]:
            quantity["text"] = "a smaller force" if kind == "reduction_or_withdrawal" else "troops (no number given)"
        payload = {"personnel": quantity, "personnel_kind": c.get("personnel") or "troops",
                   "tasks": list(c.get("tasks") or []), "phase": c.get("phase") or None}
        return {"kind": "pledge", "subject": f"contributor:{subject}", "payload": payload, **base}
    if kind in ("pledge", "consideration", "reduction_or_withdrawal"):
        _need_country(subject, country)
        stance = c.get("stance") or ("declined" if c.get("negated") else "considering")
        return {"kind": "stance", "subject": f"contributor:{subject}",
                "payload": {"stance": stance, "note": c.get("note") or None}, **base}
    if kind == "arrival":
        _need_country(subject, country)
        personnel = quantity["high"] or quantity["low"]
        if personnel is None:
            raise InvalidInput("an arrival needs the number of personnel: correct low/high", field="low")
        return {"kind": "unit_arrived", "subject": f"contributor:{subject}",
                "payload": {"unit": quantity["text"] or f"{personnel} {c.get('personnel') or 'troops'}",
                            "personnel": personnel, "personnel_kind": c.get("personnel") or "troops"}, **base}
    if kind == "command":
        payload = {"role": c.get("role") or "commander", "status": c.get("status") or "considered",
                   "nationality": subject if country else None}
        return {"kind": "command_appointment", "subject": "mission:gaza-isf", "payload": payload, **base}
    if kind == "territory_control":
        share = c.get("share_pct")
        if share is None:
            raise InvalidInput("territory control needs the share: correct share_pct", field="share_pct")
        zone = "idf-held" if subject in ("ISR", "IDF", "Israel") else "hamas-held" if subject == "Hamas" else None
        if zone is None:
            raise InvalidInput(f"no zone for {subject!r}: correct the subject to ISR or Hamas", field="subject")
        return {"kind": "zone_control", "subject": f"zone:{zone}",
                "payload": {"controlled_by": "IDF" if zone == "idf-held" else "Hamas",
                            "share_of_territory_pct": float(share), "approx": bool(c.get("approx"))}, **base}
    raise InvalidInput(f"a claim of kind {kind!r} cannot become a fact: correct its kind to one of "
                       f"{', '.join(k for k in KINDS if k != 'other')}", field="kind")


def _need_country(subject: str, country: bool) -> None:
    if not country:
        raise InvalidInput(f"this kind speaks about a contributing country; {subject!r} is not an ISO 3166 "
                           "alpha-3 code: correct the subject", field="subject")


def _int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{value!r} is not a whole number", field="low") from None


def accept(documents: DocumentStore, ledger: LedgerStore, actor: Actor, claim_id: str, *, grade: str,
           corrections: Mapping[str, Any] | None = None) -> tuple[StoredClaim, Fact]:
    """Record the (corrected) claim as a fact and mark it accepted; nothing changes on an error."""
    require_reviewer(actor)
    claim = documents.claim(claim_id)
    if claim.status != "proposed":
        raise Conflict(f"claim {claim_id} was already {claim.status}", claim=claim_id, status=claim.status)
    document = documents.get(claim.document)
    if document is None:  # cannot happen: claims reference their document
        raise NotFound(f"the document of claim {claim_id} is missing", claim=claim_id)
    fact = facts.record_fact(ledger, actor, fact_input(claim, document, grade=grade, corrections=corrections))
    note = "corrected: " + ", ".join(sorted(k for k, v in (corrections or {}).items() if v is not None)) \
        if corrections and any(v is not None for v in corrections.values()) else None
    return documents.review(claim_id, status="accepted", by=actor.id, fact_id=fact.id, note=note), fact


def copy_claim(documents: DocumentStore, actor: Actor, claim_id: str) -> StoredClaim:
    """Propose the same sentence again, for a second fact the extractor did not separate
    (e.g. the earlier figure a revision departs from)."""
    require_reviewer(actor)
    return documents.copy(claim_id, by=actor.id)


def reject(documents: DocumentStore, actor: Actor, claim_id: str, *, reason: str) -> StoredClaim:
    """Mark a claim rejected, with the reason."""
    require_reviewer(actor)
    if not reason.strip():
        raise InvalidInput("give the reason for rejecting the claim", field="reason")
    return documents.review(claim_id, status="rejected", by=actor.id, note=reason.strip())


def contradictions(pictures: Pictures, claim: StoredClaim) -> list[dict[str, Any]]:
    """Return live facts about the claim's subject that state other figures for the same thing."""
    data = claim.data
    if data.get("kind") not in ("pledge", "reduction_or_withdrawal") or data.get("negated"):
        return []
    figures = (data.get("low"), data.get("high"))
    if figures == (None, None):
        return []
    picture = pictures.get(as_of=date.fromisoformat(str(data["as_of"])))
    found = []
    for group in picture.snapshot.claims("pledge", f"contributor:{data['subject']}"):
        if group.key[0] != (data.get("personnel") or "troops"):
            continue
        for fact in group.live:
            q = fact.payload["personnel"]
            if (q.get("low"), q.get("high")) != figures and fact.quote != data.get("quote"):
                found.append({"fact": fact.id, "says": q, "valid_from": fact.valid_from.isoformat(),
                              "phase": fact.payload.get("phase"), **{k: v for k, v in source_view(fact).items()
                                                                     if k in ("source", "grade", "attribution")}})
    return found


def claim_view(claim: StoredClaim, document: Document | None = None) -> dict[str, Any]:
    """Return a claim as plain JSON: its fields, status, review and document."""
    data = dict(claim.data)
    return {"id": claim.id, "document": claim.document, "document_name": document.name if document else None,
            "status": claim.status, "fact_id": claim.fact_id, "reviewed_by": claim.reviewed_by,
            "reviewed_at": claim.reviewed_at.isoformat() if claim.reviewed_at else None, "note": claim.note,
            **{k: data.get(k) for k in ("subject", "kind", "low", "high", "approx", "personnel", "quantity_text",
                                        "tasks", "as_of", "timing_text", "timing_from", "timing_to", "share_pct",
                                        "negated", "revision", "quote", "start", "end", "confidence")},
            "conversion": data.get("conversion"),
            "method": _method(data.get("trigger"))}


def _method(trigger: object) -> str:
    """Who proposed a claim: the rules, the learned pass (an addition), or the rules with the learned pass's kind."""
    if trigger == "learned":
        return "learned"
    return "learned_kind" if str(trigger or "").startswith("learned kind") else "rules"


def document_view(document: Document, counts: Mapping[str, int] | None = None) -> dict[str, Any]:
    """Return a document's record (without its text unless asked) and its claim counts."""
    return {"sha256": document.sha256, "name": document.name, "title": document.title,
            "publisher": document.publisher, "url": document.url, "published": document.published.isoformat(),
            "ingested_at": document.ingested_at.isoformat(), "ingested_by": document.ingested_by,
            "size": len(document.text), "claims": dict(counts or {})}


def iter_paths(paths: Iterable[Any]) -> list[Any]:
    """Expand folders into their files (sorted; hidden files skipped), keeping files as given."""
    out = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            out.append(path)
    return out
