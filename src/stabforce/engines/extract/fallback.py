"""A last look at sentences the rules gave nothing: a national force that moves.

The trigger rules need a known verb in a known frame. Reports use many more ("advance units of Irish personnel
due to fly to Chad", "the recruits would join a battalion from Nepal", "a C-130 disgorged Australian troops").
When a sentence yields no claim, but names a country's force ("Irish troops", "a battalion from Nepal",
"the Nigerian contingent") next to a verb of movement or presence, the force is that country's and the verb's
tense gives the kind (GUIDELINE section 2): a future or plan is a pledge, a past or present move in is an
arrival, going home or pulling out is a reduction. The claim carries the figure written with the force
("350 Nepalese troops"), if any.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from stabforce.engines.extract.gazetteer import MISSIONS, Entry
from stabforce.engines.extract.model import ProposedClaim
from stabforce.engines.extract.numbers import find_number_figures

#: A force word right after a demonym ("Irish troops", "Nepalese military personnel", "the Nigerian contingent").
_FORCE_AFTER_DEMONYM = re.compile(r"(?:\s+[a-z-]+){0,2}?\s+(?:troops|soldiers|forces|peacekeepers|police|"
                                  r"officers|personnel|contingents?|battalions?|units?|marines|paratroopers|"
                                  r"engineers|medics|gendarmes|detachment|company|brigade|servicemen)\b"
                                  r"(?!\s+(?:officials?|chiefs?|spokes\w+|commanders?|sources|headquarters|academy|"
                                  r"college|school|union))")
#: A force word before "from <name>" ("a battalion from Nepal", "troops from Fiji").
_FORCE_FROM_BEFORE = re.compile(r"\b(?:troops|soldiers|forces|peacekeepers|police|officers|personnel|contingents?|"
                                r"battalions?|units?|marines|engineers|medics|gendarmes|detachment|company|brigade|"
                                r"military)\s+from\s+(?:the\s+)?$")
#: Right before "forces from <name>": a move out of that place ("withdraw combat forces from").
_LEAVING_BEFORE = re.compile(r"\b(?:withdr[ae]w\w*|pull\w*|evacuat\w*|leav\w*|exit\w*|repatriat\w*|redeploy\w*)\s+"
                             r"(?:[\w'’-]+\s+){0,3}$")
#: Verbs of going home or leaving the mission.
_OUT = re.compile(r"\b(?:withdr[ae]w\w*|suspend\w*|pull(?:ed|ing|s)?\s+out|pulled\s+back|went\s+home|go(?:ing)?\s+home|"
                  r"return(?:ed|ing|s)?\s+home|head(?:ed|ing)?\s+home|flew\s+home|fly\s+home|left\s+(?:the\s+)?"
                  r"(?:country|mission|island|region)|repatriat\w*|drawdown|draw\s+down|handed\s+over)\b")
#: Verbs of moving in or being there.
_IN = re.compile(r"\b(?:fl(?:y|ew|ying|own)\s+(?:in\s+)?(?:to|into|out\s+to)|join(?:s|ed|ing)?|arriv\w*|land(?:ed|ing)|"
                 r"reach(?:ed|ing|es)?|disgorg\w*|airlift\w*|deploy\w*|enter(?:ed|ing|s)?|cross(?:ed|ing)?|"
                 r"mov(?:e|ed|ing)\s+(?:in|into|to|towards?)|travel(?:l?ed|l?ing)?\s+to|head(?:ed|ing)?\s+(?:to|for)|"
                 r"set\s+off|embark\w*|board(?:ed|ing)|depart(?:ed|ing|s)?\s+for|left\s+for|took\s+over|"
                 r"take\s+over|relieve[sd]?|replac(?:e|ed|ing)|rotat\w*|serv(?:e|es|ed|ing)\s+(?:with|in|under)|"
                 r"stationed|based\s+in|patrol\w*|attached\s+to|assigned\s+to|operat(?:e|es|ed|ing)\s+in)\b")
#: Words that keep a move ahead: a plan, a schedule, a modal.
_AHEAD = re.compile(r"\b(?:will|would|shall|to\s+be|due\s+to|set\s+to|scheduled\s+to|slated\s+to|expected\s+to|"
                    r"planned|plans?\s+to|about\s+to|going\s+to|are\s+to|is\s+to|meant\s+to|ready\s+to|"
                    r"prepar\w+\s+to|poised\s+to|in\s+training|await\w*|allow\w*|permit\w*|approv\w*|"
                    r"authori[sz]\w*)\b")
#: What makes a move someone else's or no move: a question, a condition, a denial, a request.
_NOT_A_MOVE = re.compile(r"\b(?:if|whether|unless|not|never|no|asked|urged|called\s+on|requested|demanded|"
                         r"killed|wounded|injured|died|dead|lives|casualt\w*|attack\w*|ambush\w*|clash\w*|accused|trained|training\s+of|"
                         r"train)\b")


def force_moves(sentence: str, sl: str, s: int, e: int, names: Iterable[tuple[int, int, Entry]], hosts: frozenset[str],
                published: date) -> list[ProposedClaim]:
    """Return the claims of a sentence that the rules left empty (`names`: the sentence's gazetteer matches with
    offsets inside the sentence; `sl`: the sentence lower-cased)."""
    if _NOT_A_MOVE.search(sl):
        return []
    if _OUT.search(sl) is None and _IN.search(sl) is None:
        return []
    claims: list[ProposedClaim] = []
    seen: set[str] = set()
    for ns, ne, entry in names:
        span = force_named(sl, ns, ne, entry, hosts)
        if span is None or entry.subject in seen:
            continue
        f_start, f_end = span
        verb = _verb_near(sl, f_start, f_end)
        if verb is None:
            continue
        kind = _kind(sl, f_start, verb)
        figure = _figure_before(sentence, sl, f_start)
        seen.add(entry.subject or "")
        claims.append(ProposedClaim(
            subject=entry.subject, subject_kind="country", kind=kind,
            low=None if figure is None else figure[0], high=None if figure is None else figure[1],
            approx=False, personnel=None if figure is None else "troops",
            quantity_text=None if figure is None else figure[2], conversion=None, tasks=(), as_of=published,
            timing_text=None, timing_from=None, timing_to=None, share_pct=None, negated=False, revision=False,
            quote=sentence, start=s, end=e, confidence=0.4, subject_text=sentence[ns:ne],
            trigger=sl[verb.start():verb.end()]))
    return claims


def force_named(low: str, ns: int, ne: int, entry: Entry, hosts: frozenset[str]) -> tuple[int, int] | None:
    """Where a contributing country's force is named at the name low[ns:ne] ("Irish troops", "a battalion from
    Nepal"), or None: not a country, a host, or a name without a force word."""
    if entry.kind != "country" or entry.subject is None or entry.subject in hosts or entry.subject in MISSIONS:
        return None
    if entry.role == "demonym":
        force = _FORCE_AFTER_DEMONYM.match(low, ne)
        return None if force is None else (ns, force.end())
    from_ = _FORCE_FROM_BEFORE.search(low, max(0, ns - 40), ns)
    if from_ is None or _LEAVING_BEFORE.search(low, max(0, from_.start() - 40), from_.start()):
        return None  # "to withdraw combat forces from Afghanistan": the place they leave, not where they come from
    return from_.start(), ne


def _verb_near(sl: str, f_start: int, f_end: int) -> re.Match[str] | None:
    """The move verb that governs the force: right after it (its verb), or just before it (its object)."""
    best = None
    for rx in (_OUT, _IN):
        m = rx.search(sl, f_end, min(len(sl), f_end + 60))  # the first verb after the force, in the same clause
        if m is not None and re.search(r"[;:]|,\s+(?:but|while|and)\b", sl[f_end:m.start()]) is None and (
                best is None or m.start() < best.start()):
            best = m
        for m in rx.finditer(sl, max(0, f_start - 50), f_start):  # else the last verb before it
            if re.search(r"[;:]", sl[m.end():f_start]) is None and (best is None or best.start() >= f_end):
                best = m
    return best


def _kind(sl: str, f_start: int, verb: re.Match[str]) -> str:
    lo = min(f_start, verb.start())
    ahead = _AHEAD.search(sl, max(0, lo - 40), verb.end()) is not None
    if _OUT.fullmatch(verb.group()):
        return "reduction_or_withdrawal"
    return "pledge" if ahead else "arrival"


_FIG_BEFORE = re.compile(r"(?:(?:about|around|some|nearly|roughly|more\s+than|over|at\s+least|the|a|an|its|their|"
                         r"first|last|another|additional)\s+)*$")


def _figure_before(sentence: str, sl: str, f_start: int) -> tuple[int | None, int | None, str] | None:
    """A figure written with the force ("350 Nepalese troops", "about 105 military from New Zealand")."""
    for fig in find_number_figures(sentence, sl):
        if fig.start <= f_start < fig.end + 2 or (fig.end <= f_start and _FIG_BEFORE.fullmatch(sl, fig.end, f_start)):
            return fig.low, fig.high, fig.text
    return None
