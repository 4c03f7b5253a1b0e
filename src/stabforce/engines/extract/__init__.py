"""Claim extraction: dated news text in, proposed claims out (pure; no I/O frameworks).

`extract(text, published=...)` returns `ProposedClaim`s; `parse_document` reads the seeds' layout;
`claim_row` gives the machine-readable row the CLI prints.
"""

from stabforce.engines.extract.extractor import extract, extract_document, extract_jsonl
from stabforce.engines.extract.model import KINDS, Conversion, ProposedClaim, claim_row
from stabforce.engines.extract.sentences import parse_document, split_sentences
from stabforce.engines.extract.timing import find_timing

__all__ = [
    "KINDS", "Conversion", "ProposedClaim", "claim_row", "extract", "extract_document", "extract_jsonl",
    "find_timing", "parse_document", "split_sentences",
]
