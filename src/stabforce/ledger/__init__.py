"""The ledger: fact kinds and their validation, canonical JSON and hashing, chain verification."""

from stabforce.ledger.chain import ChainReport, verify_chain
from stabforce.ledger.draft import FactDraft, parse_fact
from stabforce.ledger.fact import GENESIS, Fact, SourceRef
from stabforce.ledger.kinds import KINDS
from stabforce.ledger.marking import Clearance, Marking

__all__ = ["GENESIS", "KINDS", "ChainReport", "Clearance", "Fact", "FactDraft", "Marking", "SourceRef", "parse_fact", "verify_chain"]
