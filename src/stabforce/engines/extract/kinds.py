"""Second look at a finished claim's kind, from the words right around its figure.

The sentence-level rules give a figure the kind of the sentence's nearest trigger, so a figure that a future,
a plan or a mandate governs ("15,000 troops are expected to help", "mandated to have up to 12,500", "the 1,500
troops headed for Somalia") can be called an arrival because another clause says "deployed". GUIDELINE section 2:
a strength still to come, authorised or planned is a pledge; an arrival needs the force to be there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from stabforce.engines.extract.model import ProposedClaim

#: Words that put a figure in the future or on paper: a plan, an expectation, a mandate, an offer.
_TO_COME = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to|expected|set\s+to|due\s+to|planned|planning|plans?\s+to|"
                      r"to\s+be|authori[sz]ed|mandated|eventually|swell|grow|increase|expand|raise|adding|add|"
                      r"announc\w*|pledg\w*|promis\w*|offer\w*|headed|bound\s+for|in\s+training|ready\s+to|"
                      r"prepared\s+to|approved|strength|envisag\w*|envision\w*|projected|requested|calls?\s+for|"
                      r"wants?\s+to|hopes?\s+to)\b")
#: Words that put the force there now, which win over the words above when they stand close to the figure.
_THERE = re.compile(r"\b(?:arriv\w*|landed|landing|on\s+the\s+ground|already|currently|now|stationed|serving|served|"
                    r"has\s+been|have\s+been|were\s+deployed|was\s+deployed|are\s+deployed|is\s+deployed|began|begun|"
                    r"started|touched\s+down|there\s+are|there\s+were|present|left\s+with|leaving|remain\w*|so\s+far|"
                    r"current|deployed|reached|(?<!to\s)(?:has|have|had))\b")
#: "3,000-strong", "3,000 strong": an attribute of the force named next.
_STRONG = re.compile(r"[\s-]*(?:strong|member|man|person)\b")
_PLANNED_BEFORE = re.compile(r"\b(?:planned|proposed|envisaged|envisioned|projected|future|eventual|expected|"
                             r"authori[sz]ed|mandated|would-be)\s+(?:[\w-]+\s+)?(?:of\s+)?$")
#: After a figure of no kind: the force is there now ("1,100 soldiers participate in the mission", "serve with").
_THERE_NOW_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:participate|serve|operate|are\s+(?:\w+ly\s+)?(?:deployed|stationed|"
                              r"based|serving|involved|present|taking\s+part))\s+(?:in|with|under|on|at)\b")
#: Right before a figure: a possibility ("with a possibility of going up to 1,200", "the option of adding 300").
_POSSIBLY_BEFORE = re.compile(r"\b(?:possibility|possibilities|option|prospect|chance)\s+(?:of|to)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:up\s+to\s+|to\s+|another\s+|a\s+further\s+|about\s+|some\s+)?$")
#: After a figure: the level it fell from ("3,000 soldiers in the Sahel, down from 5,100").
_DOWN_FROM_AFTER = re.compile(r"[^.;]{0,40}?\bdown\s+from\s+(?:a\s+(?:peak|high|maximum)\s+of\s+)?(?:about\s+|some\s+|around\s+)?\d")
#: How far before the figure the words above are looked for, and how far after it.
_BEFORE, _NEAR_BEFORE, _AFTER = 70, 45, 40


def figure_at(c: ProposedClaim) -> int:
    """Where the claim's figure stands in its quote, -1 when it has none there."""
    if c.low is None and c.high is None or not c.quantity_text:
        return -1
    at = c.quote.find(c.quantity_text)
    while at >= 0 and (at > 0 and (c.quote[at - 1].isalnum() or c.quote[at - 1] in ",.") or (
            c.quote[at + len(c.quantity_text):at + len(c.quantity_text) + 1].isdigit())):
        at = c.quote.find(c.quantity_text, at + 1)  # "50,000" is not inside "250,000", nor "50" inside "500"
    return at


def still_to_come(c: ProposedClaim) -> ProposedClaim:
    """An arrival (or a figure of no kind) that a plan, a mandate or an expectation governs, with nothing close by
    saying the force is there, becomes a pledge; a figure of no kind that a present-tense "participate in", "serve
    with" follows is an arrival; a figure "down from" a larger one is a cut (GUIDELINE section 2: the new level)."""
    if c.kind not in ("arrival", "other", "pledge"):
        return c
    at = figure_at(c)
    if at < 0:
        return c
    ql = c.quote.lower()
    end = at + len(c.quantity_text or "")
    if _DOWN_FROM_AFTER.match(ql, end):
        return replace(c, kind="reduction_or_withdrawal")  # "about 3,000 soldiers in the Sahel, down from 5,100": a cut
    if c.kind == "pledge":
        # "plans to send 900 troops, with a possibility of going up to 1,200": the larger figure is only weighed
        return replace(c, kind="consideration") if _POSSIBLY_BEFORE.search(ql, max(0, at - 45), at) else c
    if c.kind == "other" and _THERE_NOW_AFTER.match(ql, end):
        return replace(c, kind="arrival")  # "about 1,100 soldiers participate in the mission": there now
    # "will lead the 3,000-strong force": the force's size now; only "a planned 8,000-strong force" puts it ahead.
    if _STRONG.match(ql, end) is not None or "strong" in (c.quantity_text or "").lower():
        return replace(c, kind="pledge") if _PLANNED_BEFORE.search(ql, max(0, at - 40), at) else c
    before = ql[max(0, at - _BEFORE):at]
    after = re.split(r"[,;:()]", ql[end:end + _AFTER])[0]
    if _TO_COME.search(f"{before} {after}") and not _THERE.search(f"{before[-_NEAR_BEFORE:]} {after}"):
        return replace(c, kind="pledge")
    return c
