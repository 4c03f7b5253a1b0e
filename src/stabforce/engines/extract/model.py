"""What the extractor proposes: one claim per subject x kind x figure in one sentence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The kinds of claim the extractor proposes.
KINDS = ("pledge", "consideration", "reduction_or_withdrawal", "arrival", "command", "territory_control", "other")


@dataclass(frozen=True)
class Conversion:
    """How unit words became personnel: count x per-unit strength under a stated assumption."""

    count: int
    unit: str
    per_unit_low: int
    per_unit_high: int
    assumption: str


@dataclass(frozen=True)
class ProposedClaim:
    """A claim found in a text, for an analyst to review before it becomes a fact."""

    subject: str
    subject_kind: str
    kind: str
    low: int | None
    high: int | None
    approx: bool
    personnel: str | None
    quantity_text: str | None
    conversion: Conversion | None
    tasks: tuple[str, ...]
    as_of: date
    timing_text: str | None
    timing_from: date | None
    timing_to: date | None
    share_pct: float | None
    negated: bool
    revision: bool
    quote: str
    start: int
    end: int
    confidence: float
    #: The words that named the subject ("Jakarta", "Pakistani", "Indonesia").
    subject_text: str = ""
    #: The words that decided the kind ("prepared to deploy", "reevaluated").
    trigger: str | None = None
    #: For command claims: "considered" or "decided".
    appointment: str | None = None
    #: A phase named with the figure ("initial").
    phase: str | None = None


def claim_row(claim: ProposedClaim, source: str) -> dict[str, object]:
    """Return the machine-readable row of a claim (the issue's JSON Lines layout, plus review fields)."""
    return {
        "source": source,
        "subject": claim.subject,
        "kind": claim.kind,
        "low": claim.low,
        "high": claim.high,
        "personnel": claim.personnel,
        "quantity_text": claim.quantity_text,
        "tasks": list(claim.tasks),
        "as_of": claim.as_of.isoformat(),
        "quote": claim.quote,
        "subject_kind": claim.subject_kind,
        "approx": claim.approx,
        "conversion": None if claim.conversion is None else {
            "count": claim.conversion.count, "unit": claim.conversion.unit,
            "per_unit_low": claim.conversion.per_unit_low, "per_unit_high": claim.conversion.per_unit_high,
            "assumption": claim.conversion.assumption,
        },
        "timing_text": claim.timing_text,
        "timing_from": None if claim.timing_from is None else claim.timing_from.isoformat(),
        "timing_to": None if claim.timing_to is None else claim.timing_to.isoformat(),
        "share_pct": claim.share_pct,
        "negated": claim.negated,
        "revision": claim.revision,
        "appointment": claim.appointment,
        "start": claim.start,
        "end": claim.end,
        "confidence": claim.confidence,
    }
