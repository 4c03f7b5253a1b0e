"""CSV cells that spreadsheets will not run as formulas (OWASP "CSV injection"), and the way back.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
apostrophe, which spreadsheets show as text; a plain number (``-31.5``) is left alone, it is no
formula. So that the rule can be undone exactly, a cell that is one or more apostrophes followed by
one of those characters gets one more apostrophe too, and `restore` takes exactly one away from such
a cell: ``restore(neutralise(x)) == x`` for every text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

DANGEROUS = "=+-@\t\r"
_NEEDS = re.compile(r"^'*[=+\-@\t\r]")
_RESTORE = re.compile(r"^'+[=+\-@\t\r]")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")


def neutralise(text: str) -> str:
    """Return the cell text with a leading apostrophe if a spreadsheet could read it as a formula."""
    if _NEEDS.match(text) and not _NUMBER.match(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo `neutralise`: take one leading apostrophe off a cell it would have marked."""
    return text[1:] if _RESTORE.match(text) else text


def cell(value: Any) -> str:
    """Return a value as a safe CSV cell: None empty, booleans true/false, numbers as written, text
    neutralised, lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, list | tuple):
        return neutralise("; ".join(str(v) for v in value))
    return neutralise(str(value))


def document(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Return a CSV document (RFC 4180: CRLF line ends, quotes where needed) with every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()
