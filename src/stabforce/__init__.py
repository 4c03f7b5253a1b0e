"""stabforce: plan, track and forecast a multinational stabilization force from a ledger of sourced facts."""

__version__ = "0.1.0"
