"""Use cases: the only callers of the store and the engines. Permissions are checked here."""
