"""Numbers in news text: digits, number words, ranges, qualifiers, personnel nouns and unit words.

A *figure* is a quantity of people: a number (or range) followed, within a few words, by a personnel
noun ("20,000 peacekeeping troops", "a 5,000-strong force") or a count of unit words ("three
brigades", "a battalion"), converted to personnel with a stated per-unit strength.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from stabforce.engines.extract.gazetteer import trie_pattern
from stabforce.engines.extract.model import Conversion

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
#: Any number word, as a trie (each is followed by a word boundary, so it is always the whole word that matches).
_NUMWORD = trie_pattern([*_UNITS_WORDS, *_SCALES, "dozen"])

#: Units and tens, the words that may follow "hundred and".
_SMALL_WORD = trie_pattern([w for w in _UNITS_WORDS if w != "zero"])
#: Words after which "6, 700" is two numbers: months ("on May 6, 700 troops") and words that number things ("in phase
#: 2, 300 troops").
_NOT_THOUSANDS_AFTER = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "phase", "stage", "wave", "batch", "group", "round", "article", "chapter", "no",
)
#: "6, 700 troops" (a space after the thousands comma) is 6,700, except after `_NOT_THOUSANDS_AFTER`.
_SPACED_THOUSANDS = (r"(?=\d{1,3}, \d{3}(?!\d|[,.]\d))"
                     + "".join(rf"(?<!\b(?i:{m}) )(?<!\b(?i:{m})\. )" for m in _NOT_THOUSANDS_AFTER)
                     + r"\d{1,3}(?:, \d{3})+(?!\d|[,.]\d)")
#: One number: digits (with thousands separators or decimals, optional scale word) or a run of words.
NUMBER = re.compile(
    r"(?<![\w$€£.,'’])(?:(?P<digits>\d{1,3}(?:,\d{3})+|" + _SPACED_THOUSANDS + r"|\d{1,3}(?:['’]\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)|\d+(?:\.\d+)?)(?:[\s-]*(?P<scale>thousand|million|hundred|k)\b)?"
    r"|(?P<words>(?:\b(?:a|an)\s+)?\b(?:" + _NUMWORD + r")\b(?:[\s-]+(?:" + _NUMWORD + r")\b)*"
    # "one hundred and fifty", but not "between one thousand and two thousand" or "five hundred and six hundred"
    r"(?:(?<=hundred)\s+and\s+(?:" + _SMALL_WORD + r")\b(?:[\s-]+(?:" + _SMALL_WORD + r")\b)?"
    r"(?![\s-]+(?:hundred|thousand|million|dozen)\b))?))",
    re.IGNORECASE,
)
#: NUMBER for lower-cased ASCII text: the same matches, found faster without case folding.
NUMBER_LOW = re.compile(NUMBER.pattern)

_PERSONNEL_NOUNS: dict[str, str] = {
    "troops": "troops", "troop": "troops", "soldiers": "troops", "soldier": "troops", "personnel": "troops",
    "peacekeepers": "troops", "peacekeeper": "troops", "servicemen": "troops", "servicemembers": "troops",
    "marines": "troops", "paratroopers": "troops", "engineers": "troops", "medics": "troops",
    "men": "troops", "forces": "troops", "units": "troops", "strong": "troops", "member": "troops",
    "members": "troops", "infantrymen": "troops", "commandos": "troops", "officers": "troops",
    "man": "troops", "person": "troops", "doctors": "troops", "nurses": "troops", "paramedics": "troops",
    "sappers": "troops", "pilots": "troops", "experts": "troops", "specialists": "troops", "guards": "troops",
    "deminers": "troops", "sailors": "troops", "airmen": "troops", "seamen": "troops", "crew": "troops",
    "crewmembers": "troops", "peace-keepers": "troops", "operatives": "troops",
    "police": "police", "carabinieri": "police", "carabiniere": "police", "gendarmerie": "police",
    "policemen": "police", "policewomen": "police", "gendarmes": "police", "cops": "police",
    "policing": "police",
    "trainers": "trainers", "instructors": "trainers", "advisers": "trainers", "advisors": "trainers",
    "observers": "observers", "monitors": "observers",
}
#: Up to three words may stand between a number and its personnel noun ("20,000 peacekeeping troops").
_NOUN_AFTER = re.compile(
    r"(?P<bridge>(?:(?:[\s-]+|\s+of\s+(?:its|their|the|his|her|those|these)\s+)(?!(?:and|or|but|to|than|in|on|at|for|with|by|from|"
    r"of|who|which|that|were|was|will|would|have|has|had|are|is|be|been|said|say|says|months?|weeks?|days?|years?|"
    r"people|percent|hours?|minutes?|kilometers?|km|miles?|dollars?|million|billion|countries|nations|states|entities|"
    r"allies|partners|contributors|sectors|bases|camps|vessels|ships|helicopters|vehicles|lives|civilians)\b)[A-Za-z][\w']*){0,3}?)"
    r"(?:[\s-]+|\s+of\s+(?:its|their|the|his|her|those|these)\s+(?:own\s+)?(?:\d[\d, ]*\s+)?(?:(?:extra|additional|new|more|remaining|promised|pledged|planned|authori[sz]ed|other)\s+)?)(?P<noun>" + "|".join(sorted(_PERSONNEL_NOUNS, key=len, reverse=True)) + r"|military(?=\s+and\b|\s*[,.;]))\b",
    re.IGNORECASE,
)

_NOUN_AFTER_LOW = re.compile(_NOUN_AFTER.pattern)  # lower-cased ASCII text

_SECOND_NOUN = re.compile(r"[\s-]+(?:officers|personnel|observers|troops|soldiers|force|contingent|forces|"
                          r"brigade|battalion|unit|mission)\b", re.IGNORECASE)
_ELLIPSIS_BEFORE = re.compile(r"\b(?:(?:and|plus|then|rising\s+to|growing\s+to|increasing\s+to|to|or)(?:\s+[A-Z][\w-]+"
                              r"(?:\s+[A-Z][\w-]+)?['’]s)?|sending|contributing|providing|offering|pledging|deploying|"
                              r"send|deploy|contribute|provide|add|avail|offer|pledge|commit|deployed|sent|dispatched|withdraw|withdrawn|withdrawing|withdrew|"
                              r"pull(?:ed|ing)?\s+out|the\s+(?:first|last|other|remaining|next|final)|"
                              r"[A-Z][\w-]+\s+(?:now\s+|currently\s+|still\s+)?(?:has|had))\s+"
                              r"(?:(?:about|around|some|up\s+to|another|a\s+further|nearly|only|just|fewer\s+than|"
                              r"less\s+than|more\s+than|over|at\s+least|roughly|almost)\s+)?$", re.IGNORECASE)
_ELLIPSIS_AFTER = re.compile(r"\s*(?:[.,;)]|$|\s+(?:by|in|later|more|after|before|during|within|from|at|the|"
                             r"following|next|when|once|arrived|arriving|landed|left|followed|expected|will|were|are)\b)",
                             re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(
    r"(?P<q>up\s+to(?:\s+(?:about|around|some))?|as\s+many\s+as|a\s+maximum\s+of|maximum\s+of|no\s+more\s+than|"
    r"at\s+most|not\s+more\s+than|fewer\s+than|less\s+than|at\s+least|a\s+minimum\s+of|minimum\s+of|no\s+fewer\s+than|"
    r"no\s+less\s+than|more\s+than|over|in\s+excess\s+of|about|around|approximately|roughly|some|nearly|almost|"
    r"close\s+to|an\s+estimated|estimated|perhaps|possibly|between|from|only|just)\s+$",
    re.IGNORECASE,
)
_QUALIFIER_BEFORE_LOW = re.compile(_QUALIFIER_BEFORE.pattern)  # lower-cased ASCII text
_CEILING = ("up to", "as many as", "a maximum of", "maximum of", "no more than", "at most", "not more than",
            "fewer than", "less than")
_FLOOR = ("at least", "a minimum of", "minimum of", "no fewer than", "no less than", "more than", "over",
          "in excess of")
_APPROX = ("about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to", "an estimated",
           "estimated")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and|or)\s*", re.IGNORECASE)
_OR_MORE = re.compile(r"\s+or\s+(?:more|so)\b", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|till|of|from|year|early|late|mid|before|after|during)[\s-]+|-)$",
                          re.IGNORECASE)
_FORCE_WITH_BEFORE = re.compile(r"\b(?:contingent|force|presence|deployment)\s*,?\s+with\s+(?:(?:about|around|some|nearly|"
                                r"roughly|almost|more\s+than|over|up\s+to|at\s+least)\s+)?$", re.IGNORECASE)
#: "the latest contingent of 266", "a battalion of about 850": the noun before the number.
_FORCE_OF_BEFORE = re.compile(r"\b(?:contingent|battalion|detachment)\s+of\s+(?:(?:about|around|some|nearly|roughly|almost|"
                              r"more\s+than|over|up\s+to|at\s+least)\s+)?$", re.IGNORECASE)
_NOT_PEOPLE_AFTER = re.compile(r"[\s-]*(?:%|percent|per\s+cent|years?|months?|weeks?|days?|vehicles|aircraft|\w+s\b)",
                               re.IGNORECASE)
_WHERE_AFTER = re.compile(r"\s+(?:in|on\s+the\s+ground|there|deployed|stationed)\b", re.IGNORECASE)
_UNITS_OF_BEFORE = re.compile(r"\b(?P<c>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+)?(?:battalions|"
                              r"companies|contingents|units|groups|teams|rotations|brigades)\s+of\s+$", re.IGNORECASE)
_EACH_AFTER = re.compile(r"\s+each\b", re.IGNORECASE)
_UNITS_AFTER = re.compile(r"[\s-]+(?:[\w-]+\s+)?units?\b", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?(?!\s+(?:troops|soldiers))",
                          re.IGNORECASE)
_TYPICAL_BEFORE = re.compile(r"\b(?:usually|typically|normally|generally|each\s+(?:team|unit)\s+(?:of|has|comprises))\s+"
                             r"(?:(?:comprise|comprises|consist\s+of|consists\s+of|number|numbers|have|has|include|"
                             r"includes)\s+)?(?:(?:about|around|some|between|up\s+to)\s+)?$", re.IGNORECASE)
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:reduc\w*|cut\w*|increas\w*|rais\w*|lower\w*|scal\w*|down|boost\w*|trim\w*|expand\w*|shrink\w*|"
    r"grow\w*|drop\w*|fell|fall\w*|revis\w*)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


_WORD_SPLIT = re.compile(r"[\s-]+")
#: Thousands separators: "3,069", "3 069" (a space, a no-break space or a narrow no-break space).
#: After a personnel noun: things, not people ("armoured personnel carriers", "police dogs", "troop transports").
_THINGS_AFTER = re.compile(r"[\s-]+(?:carriers?|vehicles?|cars?|trucks?|dogs?|horses?|stations?|posts?|boats?|"
                           r"transports?|equipment|uniforms?|helicopters?|aircraft|planes?|budgets?|salaries|"
                           r"allowances?|stipends?|barracks|camps?|bases?|academy|academies|colleges?)\b", re.IGNORECASE)
_PART_OF_TOTAL_BEFORE = re.compile(r"\d\s+of\s+(?:its|their|the|his|her)\s+$", re.IGNORECASE)
_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f'’]")
#: "15 member states", "member countries": a count of states, not of people.
#: "the 15-member Security Council", "a 38-member coalition": a body's seats or members, not people under arms.
_MEMBER_STATES_AFTER = re.compile(r"\s+(?:states?|countries|nations|governments|organi[sz]ations|parties|(?:security\s+)?"
                                  r"council|board|committee|panel|commission|delegation|parliament|cabinet|bloc|"
                                  r"alliance|coalition|union|community|league|assembly|senate|jury|club)\b", re.IGNORECASE)
#: "the drawdown of 2000 ATMIS soldiers": a count, not a year.
_NOUN_DIRECT = re.compile(r"[\s-]+(?:[A-Z]{2,}\s+)?(?:soldiers|troops|peacekeepers|personnel|police|officers)\b")
_OF_AFTER = re.compile(r"\s+of\b")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
_YEARS_AFTER = re.compile(r"[\s-]*(?:years?\b|-year)")
_POLICE = re.compile(r"\bpolice\b", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A quantity of people found in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    low: int | None
    high: int | None
    approx: bool
    personnel: str
    text: str
    conversion: Conversion | None = None
    #: The figure is the old value of a change ("from 5,000 to 3,000": the 5,000).
    base: bool = False


def words_to_int(text: str) -> int | None:
    """Return the value of a run of number words ("twenty-five thousand", "a dozen"), or None."""
    tokens = [t for t in _WORD_SPLIT.split(text.lower()) if t and t != "and"]
    total, current, seen = 0, 0, False
    for i, tok in enumerate(tokens):
        if tok in ("a", "an") and i == 0:
            current = 1
            continue
        if tok in _UNITS_WORDS:
            current += _UNITS_WORDS[tok]
            seen = True
        elif tok == "dozen":
            current = (current or 1) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in ("thousand", "million"):
            total += (current or 1) * _SCALES[tok]
            current = 0
            seen = True
        else:
            return None
    if not seen:
        return None
    return total + current


def number_value(match: re.Match[str]) -> int | None:
    """Return the integer value of a NUMBER match."""
    if match.group("digits"):
        digits = match.group("digits")
        scale = (match.group("scale") or "").lower()
        if not scale and _DOT_THOUSANDS.fullmatch(digits):
            digits = digits.replace(".", "")  # "2.500 soldiers": a dot as thousands separator (people are not decimals)
        value = float(_SEPARATORS.sub("", digits))
        if scale in ("thousand", "k"):
            value *= 1_000
        elif scale == "hundred":
            value *= 100  # "15-hundred troops" (radio scripts)
        elif scale == "million":
            value *= 1_000_000
        return round(value)
    return words_to_int(match.group("words"))


def unit_pattern(units: Mapping[str, tuple[int, int]]) -> re.Pattern[str]:
    """Return the regex for counted unit words ("three brigades", "a composite brigade", "2 battalions")."""
    names = []
    for unit in units:
        names.append(re.escape(unit))
        names.append(re.escape(unit[:-1] + "ies") if unit.endswith("y") else re.escape(unit) + "s")
    return re.compile(
        r"(?<![\w-])(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
        r"(?P<mods>(?:\s+(?!of\b|and\b|or\b|to\b|one\b|two\b|three\b|four\b|five\b|six\b)[a-z][a-z-]*){0,2}?)\s+(?P<unit>" + "|".join(sorted(names, key=len, reverse=True))
        + r")\b",
        re.IGNORECASE,
    )


def unit_hint(units: Mapping[str, tuple[int, int]]) -> re.Pattern[str] | None:
    """Return a regex that finds every unit word of `unit_pattern(units)` in lower-cased ASCII text (None when
    a unit name is not ASCII), to skip sentences without one."""
    names = [n for unit in units for n in (unit, unit[:-1] + "ies" if unit.endswith("y") else unit + "s")]
    if not all(n.isascii() for n in names):
        return None
    return re.compile("|".join(re.escape(n.lower()) for n in sorted(names, key=len, reverse=True)))


def _unit_name(word: str, units: Mapping[str, tuple[int, int]]) -> str | None:
    word = word.lower()
    if word in units:
        return word
    for unit in units:
        if word in (unit + "s", unit[:-1] + "ies"):
            return unit
    return None


def find_unit_figures(sentence: str, units: Mapping[str, tuple[int, int]],
                      rx: re.Pattern[str]) -> list[Figure]:
    """Return figures given as counts of units, converted with the per-unit strengths in `units`."""
    found = []
    for m in rx.finditer(sentence):
        unit = _unit_name(m.group("unit"), units)
        if unit is None:
            continue
        count_text = m.group("count").lower()
        if count_text in ("several", "a few"):
            continue
        count = int(count_text) if count_text.isdigit() else 1 if count_text in ("a", "an") else words_to_int(count_text)
        if not count:
            continue
        # "a company" alone is too often a business: require a plural count or "company of".
        if unit == "company" and count == 1 and not _OF_AFTER.match(sentence, m.end()):
            continue
        per_low, per_high = units[unit]
        plural = unit if count == 1 else m.group("unit").lower()
        assumption = (f"{count} {plural} x {per_low:,}-{per_high:,} personnel per {unit} "
                      "(planning assumption, configurable)")
        found.append(Figure(
            start=m.start(), end=m.end(), low=count * per_low, high=count * per_high, approx=False,
            personnel="troops", text=m.group(0),
            conversion=Conversion(count=count, unit=unit, per_unit_low=per_low, per_unit_high=per_high,
                                  assumption=assumption),
        ))
    return found


def _qualify(sentence: str, start: int, lowered: str | None = None) -> tuple[str | None, int]:
    """Return the qualifier right before `start` (lower case, spaces normalized) and where it starts.

    `lowered`: the sentence lower-cased when it is ASCII (the same matches, found faster without case folding).
    """
    if lowered is not None:
        before = lowered[max(0, start - 40):start]
        m = _QUALIFIER_BEFORE_LOW.search(before)
    else:
        before = sentence[max(0, start - 40):start]
        m = _QUALIFIER_BEFORE.search(before)
    if not m:
        return None, start
    return " ".join(m.group("q").lower().split()), start - (len(before) - m.start())


def find_number_figures(sentence: str, lowered: str | None = None) -> list[Figure]:
    """Return the personnel figures given as numbers in a sentence (`lowered`: the sentence lower-cased, if known).

    An ASCII sentence is searched lower-cased with the case-sensitive twins of the regexes: the same matches,
    found faster than with case folding.
    """
    found: list[Figure] = []
    if lowered is not None and sentence.isascii():
        matches = list(NUMBER_LOW.finditer(lowered))
    else:
        lowered = None
        matches = list(NUMBER.finditer(sentence))
    skip_until = -1
    for i, m in enumerate(matches):
        if m.start() < skip_until:
            continue
        value = number_value(m)
        if value is None:
            continue
        end = m.end()
        tail = sentence[end:end + 3]
        if tail[:1] == "%" or _ORDINAL.match(tail) or sentence[end:end + 8].lower().lstrip().startswith(
                ("percent", "per cent", "pc ", "pc.", "pc,", "pct")):
            continue
        head = sentence[max(0, m.start() - 14):m.start()]
        if _PART_OF_TOTAL_BEFORE.search(head):
            continue  # "800 of the 1,000 officers": the figure is the 800
        if head.endswith(("$", "€", "£", "US$", "USD ")) or _MONTH_BEFORE.search(head):
            continue
        if value <= 31 and _MONTH_AFTER.match(sentence, m.end()):
            continue  # "On 12 March Kenyan troops were deployed": a date, not a figure
        if m.group("digits") and m.group("digits").isdigit() and 1900 <= value <= 2100 and _YEAR_BEFORE.search(head) and (
                not _NOUN_DIRECT.match(sentence, m.end())):
            continue
        words_only = m.group("words") is not None
        if words_only and m.group(0).lower().strip() in ("a", "an", "one"):
            continue
        if words_only and m.group("words").lower().split()[0] in ("hundred", "thousand", "million", "dozen"):
            continue  # a scale without its count: "a few hundred soldiers", "several thousand troops" are vague
        low, high = value, value
        # A range: "15,000 to 20,000", "5,000-8,000", "between 5,000 and 8,000".
        if i + 1 < len(matches):
            nxt = matches[i + 1]
            join = sentence[end:nxt.start()]
            if _RANGE_JOIN.fullmatch(join):
                value2 = number_value(nxt)
                joiner = join.strip().lower()
                if value2 is not None and value2 > value and (
                        joiner != "and" or _qualify(sentence, m.start(), lowered)[0] == "between") and not (
                        joiner == "to" and head.lower().endswith(("by ", "from "))):
                    # (not "cut the force by 4,800 to 33,200", "from 2,000 to 15,000": a change and a new level)
                    # "15 to 20 thousand": the scale word of the second number applies to the first.
                    if m.group("digits") and not m.group("scale") and nxt.group("digits") and nxt.group("scale"):
                        low = number_value(nxt) // int(float(_SEPARATORS.sub("", nxt.group("digits")))) * value
                    elif m.group("words") and nxt.group("words") and value < 100:
                        # "between two and three thousand": the scale word of the second applies to the first.
                        scale = _SCALES.get(nxt.group("words").lower().split()[-1])
                        if scale and value * scale < value2:
                            low = value * scale
                    high = value2
                    end = nxt.end()
                    skip_until = nxt.end()
        if _TYPICAL_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # "(teams usually comprise 15-25 personnel)": a typical size, not a figure of this report
        if head.lower().endswith(("aged ", "ages ", "age ", "aged between ")) or _YEARS_AFTER.match(
                sentence[end:end + 8]):
            continue
        or_more = _OR_MORE.match(sentence, end)
        at = or_more.end() if or_more else end
        noun = _NOUN_AFTER.match(sentence, at) if lowered is None else _NOUN_AFTER_LOW.match(lowered, at)
        if noun is None and (_FORCE_WITH_BEFORE.search(sentence, max(0, m.start() - 60), m.start()) and (
                _WHERE_AFTER.match(sentence, end)) or _FORCE_OF_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
                and not _NOT_PEOPLE_AFTER.match(sentence, end)):
            # "has the second-largest contingent, with 8,000 in Iraq": the force's size, its noun said before
            qualifier, qstart = _qualify(sentence, m.start(), lowered)
            low, high = (None, value) if qualifier in _CEILING else (value, None) if qualifier in _FLOOR else (low, high)
            text_start = qstart if qualifier else m.start()
            found.append(Figure(start=text_start, end=end, low=low, high=high, approx=qualifier in _APPROX,
                                personnel="troops", text=sentence[text_start:end]))
            continue
        if noun is None:
            continue
        if words_only and value < 10 and noun.group("noun").lower() in ("men", "members", "member", "forces"):
            continue
        if value < 10 and (noun.group("noun").lower() == "units" or _UNITS_AFTER.match(sentence, noun.end())):
            continue  # "two police training units": a count of units of unstated size
        if noun.group("noun").lower() in ("member", "members") and _MEMBER_STATES_AFTER.match(sentence, noun.end()):
            continue  # "15 member states"
        if _THINGS_AFTER.match(sentence, noun.end()):
            continue  # "60 armoured personnel carriers", "20 police dogs", "12 military vehicles"
        noun_end = noun.end()
        more = _SECOND_NOUN.match(sentence, noun_end)
        if more:
            noun_end = more.end()  # "police officers", "military observers", "5,000-strong force"
        personnel = _PERSONNEL_NOUNS.get(noun.group("noun").lower(), "troops")
        if personnel == "troops" and noun.group("noun").lower() == "officers" and "police" in noun.group("bridge").lower():
            personnel = "police"
        if noun.group("noun").lower() == "officers" and _POLICE.search(sentence):
            personnel = "police"
        qualifier, qstart = _qualify(sentence, m.start(), lowered)
        approx = qualifier in _APPROX
        base = False
        if qualifier == "from" and low != high and _CHANGE_BEFORE.search(sentence[:qstart]):
            low = high  # "reduced from 5,000 to 3,000 troops": the new figure is the second
        elif qualifier in _CEILING:
            low = None
        elif qualifier in _FLOOR:
            high = None
        if or_more or _OR_MORE.match(sentence, noun_end):
            high = None  # "20,000 or more soldiers", "20,000 soldiers or more"
        text_start = qstart if qualifier and qualifier not in ("from", "only", "just", "perhaps", "possibly") else m.start()
        if qualifier == "between":
            text_start = qstart
        units_of = _UNITS_OF_BEFORE.search(sentence, max(0, text_start - 40), text_start)
        if units_of and _EACH_AFTER.match(sentence, noun_end):
            # "two battalions of 850 soldiers each": the whole is 1,700
            count = int(units_of.group("c")) if units_of.group("c").isdigit() else _UNITS_WORDS.get(units_of.group("c").lower())
            if count:
                low, high = (low * count if low is not None else None), (high * count if high is not None else None)
                noun_end = _EACH_AFTER.match(sentence, noun_end).end()
        found.append(Figure(start=text_start, end=noun_end, low=low, high=high, approx=approx,
                            personnel=personnel, text=sentence[text_start:noun_end], base=base))
    return found + _elliptic(sentence, matches, found, lowered)


def _elliptic(sentence: str, matches: list[re.Match[str]], found: list[Figure],
              lowered: str | None = None) -> list[Figure]:
    """Return bare numbers that continue an earlier figure ("1,000 troops by April and 8,000 by June")."""
    if not found:
        return []
    extra = []
    for m in matches:
        if m.start() < found[0].end or any(f.start <= m.start() < f.end for f in found):
            continue
        if not (m.group("digits") or (m.group("words") or "").lower().split()[-1] in ("hundred", "thousand")) or not (
                _ELLIPSIS_BEFORE.search(sentence, max(0, m.start() - 16), m.start())):
            continue
        if not _ELLIPSIS_AFTER.match(sentence, m.end()):
            continue
        value = number_value(m)
        if value is None or value < 100 or ((m.group("digits") or "").isdigit() and 1900 <= value <= 2100):
            continue
        prior = [f for f in found if f.end <= m.start()][-1]
        qualifier, qstart = _qualify(sentence, m.start(), lowered)
        low, high = value, value
        if qualifier in _CEILING:
            low = None
        elif qualifier in _FLOOR:
            high = None
        start = qstart if qualifier in (*_CEILING, *_FLOOR, *_APPROX) else m.start()
        extra.append(Figure(start=start, end=m.end(), low=low, high=high, approx=qualifier in _APPROX,
                            personnel=prior.personnel, text=sentence[start:m.end()]))
    return extra
