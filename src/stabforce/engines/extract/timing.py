"""Timing phrases resolved against the document date into a date range.

"next month", "early next year", "within six months", "by April", "in the coming weeks",
"mid-January", "by the end of the year", "take about 6 months", "Nov. 17"... Each gives
(from, to); "by X" runs from the document date to the end of X. Vague counts read as
"a few" = 3 and "several" = 4.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from stabforce.engines.extract.gazetteer import trie_pattern
from stabforce.engines.extract.numbers import words_to_int

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)")
_PART = r"(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of)"
_LEAD = r"(?:(?P<lead>by|before|until|till|no\s+later\s+than|as\s+early\s+as|as\s+soon\s+as|in|during|from|starting|on)\s+)?"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|several|a\s+few|few|a\s+couple\s+of)"

#: The words a TIMING match can start with (case aside): its leads, parts, relative words, months, "20" of a
#: year and duration leads. A look-ahead for them lets the regex skip every other position at once instead
#: of trying each alternative there; it adds no condition, so the matches are the same.
_FIRST_WORDS = (
    "by", "before", "until", "till", "no", "as", "in", "during", "from", "starting", "on", "early", "mid", "late",
    "the", "end", "beginning", "start", "middle", "next", "this", "later", "earlier", "year", "20", "within", "over",
    "take", "takes", "taking", "took", "after", "for", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sept.", "sep.", "oct.", "nov.", "dec.",
)

TIMING = re.compile(
    "(?=" + trie_pattern(list(_FIRST_WORDS)) + ")(?:" + "|".join([
        # next/this month, week, year with an optional part: "early next year", "by the end of this month".
        _LEAD + r"(?:(?P<p1>" + _PART + r")[\s-]+)?(?P<rel>next|this|the\s+coming|the\s+following)\s+(?P<unit1>week|month|year)\b",
        # "later this year", "by year-end".
        r"(?P<later>later|earlier)\s+this\s+year\b",
        r"(?:by\s+)?(?P<yearend>year[\s-]end|the\s+end\s+of\s+the\s+year)\b",
        # months and years: "by April", "mid-January", "early 2026", "in March 2026", "Nov. 17".
        _LEAD.replace("lead", "lead2") + r"(?:(?P<p2>" + _PART + r")[\s-]+)?(?P<month>" + _MONTH + r")(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?P<myear>20\d\d))?",
        _LEAD.replace("lead", "lead3") + r"(?:(?P<p3>" + _PART + r")[\s-]+)(?P<year>20\d\d)\b",
        r"(?P<lead4>by|in|before|until)\s+(?P<year2>20\d\d)\b",
        # durations: "within six months", "will take about 6 months", "in the coming weeks".
        r"(?P<dlead>within|in|over|during|take|takes|taking|took|after|for)\s+(?:the\s+)?(?:(?P<dnext>next|coming|first|following)\s+)?"
        r"(?:(?P<dq>about|around|roughly|some|approximately|at\s+least|up\s+to|at\s+most|nearly|almost)\s+)?"
        r"(?:(?P<count>" + _COUNT + r")\s+)?(?P<dunit>day|week|month|year)s?\b(?!-)",
    ]) + ")",
    re.IGNORECASE,
)
#: TIMING for lower-cased ASCII text (only the month names have capitals): the same matches, found faster
#: without case folding.
_TIMING_LOW = re.compile(TIMING.pattern.replace(_MONTH, _MONTH.lower()))


_PAST_BEFORE = re.compile(r"\b(?:\w+ed|said|made|began|met|took|gave|sent|held|announced)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Timing:
    """A timing phrase and the days it covers (offsets relative to the searched text)."""

    text: str
    start: int
    end: int
    from_: date | None
    to: date | None


def add_months(day: date, months: int) -> date:
    """Return the day `months` months after `day` (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _part_of_month(year: int, month: int, part: str | None) -> tuple[date, date]:
    part = (part or "").lower().replace("the ", "").strip()
    last = calendar.monthrange(year, month)[1]
    if part == "early" or part.startswith(("beginning", "start")):
        return date(year, month, 1), date(year, month, 10)
    if part == "mid" or part.startswith("middle"):
        return date(year, month, 11), date(year, month, 20)
    if part == "late" or part.startswith("end"):
        return date(year, month, 21), date(year, month, last)
    return date(year, month, 1), date(year, month, last)


def _part_of_year(year: int, part: str | None) -> tuple[date, date]:
    part = (part or "").lower().replace("the ", "").strip()
    if part == "early" or part.startswith(("beginning", "start")):
        return date(year, 1, 1), date(year, 4, 30)
    if part == "mid" or part.startswith("middle"):
        return date(year, 5, 1), date(year, 8, 31)
    if part == "late":
        return date(year, 9, 1), date(year, 12, 31)
    if part.startswith("end"):
        return date(year, 10, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


def _by(lead: str | None) -> bool:
    return (lead or "").lower().split()[0:1] in (["by"], ["before"], ["until"], ["till"], ["no"])


def _resolve(m: re.Match[str], published: date, text: str | None = None) -> tuple[date | None, date | None] | None:
    """Resolve a TIMING match (`text`: the original of a lower-cased string the match was found in)."""
    g = m.groupdict()
    if g["rel"]:
        unit, rel = g["unit1"].lower(), g["rel"].lower()
        step = 0 if rel == "this" else 1
        if unit == "week":
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
            lo, hi = monday, monday + timedelta(days=6)
        elif unit == "month":
            first = add_months(published.replace(day=1), step)
            lo, hi = _part_of_month(first.year, first.month, g["p1"])
        else:
            lo, hi = _part_of_year(published.year + step, g["p1"])
        if step == 0:
            lo = max(lo, published)
        return (published, hi) if _by(g["lead"]) else (lo, hi)
    if g["later"]:
        return (published, date(published.year, 12, 31)) if g["later"].lower() == "later" else (
            date(published.year, 1, 1), published)
    if g["yearend"]:
        return published, date(published.year, 12, 31)
    if g["month"]:
        month_word = g["month"].lower().rstrip(".")
        if month_word == "may" and not (g["lead2"] or g["p2"] or g["day"] or g["myear"]):
            return None
        if (text or m.string)[m.start("month")].islower():
            return None
        month = MONTHS[month_word]
        if g["myear"]:
            year = int(g["myear"])
        elif g["day"]:
            # A day: the year that puts it nearest to the document date.
            candidates = [y for y in (published.year - 1, published.year, published.year + 1)]
            year = min(candidates, key=lambda y: abs((_safe_day(y, month, int(g["day"])) - published).days))
        elif _PAST_BEFORE.search(m.string, max(0, m.start() - 20), m.start()) or (g["lead2"] or "").lower() == "since":
            year = published.year if month <= published.month else published.year - 1
        else:
            year = published.year if month >= published.month else published.year + 1
        if g["day"]:
            day = _safe_day(year, month, int(g["day"]))
            return (published, day) if _by(g["lead2"]) else (day, day)
        lo, hi = _part_of_month(year, month, g["p2"])
        return (published, hi) if _by(g["lead2"]) else (lo, hi)
    if g["year"]:
        lo, hi = _part_of_year(int(g["year"]), g["p3"])
        return (published, hi) if _by(g["lead3"]) else (lo, hi)
    if g["year2"]:
        year = int(g["year2"])
        if year < published.year:
            return None
        return (published, date(year, 12, 31)) if _by(g["lead4"]) else (date(year, 1, 1), date(year, 12, 31))
    if g["dunit"]:
        count_text = (g["count"] or "").lower()
        dlead = g["dlead"].lower()
        if not count_text:
            if not g["dnext"] or g["dnext"].lower() not in ("next", "coming"):
                return None
            count = {"day": 14, "week": 6, "month": 6, "year": 2}[g["dunit"].lower()]
        elif count_text.isdigit():
            count = int(count_text)
        elif "few" in count_text or "couple" in count_text:
            count = 3 if "few" in count_text else 2
        elif count_text == "several":
            count = 4
        else:
            count = words_to_int(count_text) or 0
        if not count or dlead == "for" or (dlead == "in" and not g["dnext"] and not count_text):
            return None
        unit = g["dunit"].lower()
        if unit == "day":
            end = published + timedelta(days=count)
        elif unit == "week":
            end = published + timedelta(weeks=count)
        elif unit == "month":
            end = add_months(published, count)
        else:
            end = add_months(published, 12 * count)
        if (g["dq"] or "").lower().startswith("at least"):
            return end, None
        return published, end
    return None


def _safe_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(max(day, 1), calendar.monthrange(year, month)[1]))


_HEAD_WORDS = ["next", "this", "coming", "following", "later", "earlier", "year-end", "day", "days", "week", "weeks",
               "month", "months", "year", "years", *(m for m in MONTHS if len(m) > 3), "jan.", "feb.", "mar.", "apr.",
               "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."]
_HEAD = re.compile(r"\b(?:20\d\d|" + trie_pattern(_HEAD_WORDS) + r")(?![a-z])")  # on lower-cased text


@lru_cache(maxsize=256)
def find_timings(text: str, published: date) -> list[Timing]:
    """Return every timing phrase in `text` that resolves to days, in order (cached per sentence).

    Only windows around anchor words (month names, next/this, units, years) are searched in full.
    """
    found: list[Timing] = []
    last_end = 0
    low = text.lower()
    # ASCII text is searched lower-cased without case folding (the same matches, faster).
    rx, searched = (_TIMING_LOW, low) if text.isascii() else (TIMING, text)
    for head in _HEAD.finditer(low):
        if head.start() < last_end:
            continue
        lo = max(last_end, head.start() - 48)
        for m in rx.finditer(searched, lo, min(len(text), head.end() + 24)):
            if m.end() < head.end() or m.start() < last_end:
                continue
            resolved = _resolve(m, published, text)
            if resolved is not None:
                found.append(Timing(text=text[m.start():m.end()], start=m.start(), end=m.end(), from_=resolved[0],
                                    to=resolved[1]))
                last_end = m.end()
            break
    return found


def find_timing(text: str, published: date) -> Timing | None:
    """Return the first timing phrase in `text` that resolves to days, or None."""
    for m in TIMING.finditer(text):
        resolved = _resolve(m, published)
        if resolved is not None:
            return Timing(text=m.group(0), start=m.start(), end=m.end(), from_=resolved[0], to=resolved[1])
    return None
