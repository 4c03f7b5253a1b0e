"""Documents and sentences: the seeds' date line, and sentence spans that respect abbreviations."""

from __future__ import annotations

import re
from datetime import date

_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?:[ \t]+|(?=\n)|\Z)")

#: Abbreviations after which a period does not end a sentence (lower case, without the final period).
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "lt", "col", "capt", "cpt", "sgt", "cpl", "adm", "brig",
    "cmdr", "cdr", "gov", "sen", "rep", "pres", "st", "sr", "jr", "no", "nos", "vs", "etc", "inc", "corp", "co",
    "ltd", "dept", "est", "approx", "fig", "vol", "art", "para", "sec", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "rev", "hon", "amb", "mt", "ft", "op", "cf", "al", "e.g", "i.e", "a.m", "p.m", "u.s", "u.n", "u.k",
    "e.u", "u.a.e", "u.s.a", "d.c", "govt",
})
#: Words that start a sentence even after an abbreviation such as "U.S." ("... by the U.S. The force ...").
_STARTERS = frozenset({
    "The", "A", "An", "It", "He", "She", "They", "We", "This", "That", "These", "Those", "In", "But", "And",
    "However", "Meanwhile", "On", "At", "Its", "His", "Her", "Their", "There", "I", "Officials", "According",
})
#: A sentence end ("." "?!" "…", closing quotes or brackets, then spaces; group 1 from the second character of
#: the punctuation to its end) or a line break (group 1 None). It starts with a character class so that the
#: regex engine skips other characters at once.
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)\s*|(?<=[.!?…])([.!?…]*[\"'”’)\]]*)\s+)")


def parse_document(raw: str) -> tuple[date | None, str]:
    """Split a seed document into its date and its body.

    The seeds' first line starts with `` date YYYY-MM-DD`` (a leading space), which may be followed by
    the first sentence on the same line. The marker and the spaces after it are removed; the rest of
    the text is returned unchanged, so character spans into the body are stable.
    """
    m = _DATE_LINE.match(raw)
    if not m:
        return None, raw
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, raw
    return day, raw[m.end():]


_MONTH_ABBR = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


_FOLLOWING_WORD = re.compile(r"[\"“‘]?([A-Za-z]+)")


def _ends_sentence(text: str, dot_end: int, next_start: int) -> bool:
    """Decide whether the punctuation ending at `dot_end` closes a sentence."""
    if next_start >= len(text):
        return True
    nxt = text[next_start]
    if nxt.islower() or nxt in ",;:)":
        return False
    if text[dot_end - 1] != ".":
        return True
    space = max(text.rfind(" ", 0, dot_end), text.rfind("\n", 0, dot_end), text.rfind("(", 0, dot_end))
    raw = text[space + 1:dot_end - 1].lstrip("\"“‘'(")
    if len(raw) > 6:
        return True  # an ordinary word ends the sentence
    word = raw.lower()
    if "." in word and len(word.replace(".", "")) <= 4:
        # Dotted abbreviations (U.S., U.N.): a boundary only before a typical sentence start.
        following = _FOLLOWING_WORD.match(text, next_start, next_start + 20)
        return bool(following and following.group(1) in _STARTERS)
    if word in _ABBREVIATIONS:
        if word in _MONTH_ABBR:
            return not nxt.isdigit()
        if word in ("no", "nos", "st", "art", "vol", "fig", "sec", "para", "op", "est", "co", "al"):
            return not nxt.isdigit()  # "No. 5" but "said no. Talks"
        return False
    # An initial ("John F. Kennedy") does not end a sentence.
    return not (len(raw) == 1 and raw.isalpha() and raw.isupper())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in `text`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(1) is None:  # a line break
            _add(text, start, m.start(), spans)
            start = m.end()
            continue
        cut = m.end(1)
        if not _ends_sentence(text, cut if text[cut - 1] == "." else m.start() + 1, m.end()):
            continue
        _add(text, start, cut, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    segment = text[start:end]
    stripped = segment.strip()
    if stripped:
        lead = len(segment) - len(segment.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
