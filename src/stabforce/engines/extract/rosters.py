"""Contributor rosters: sentences that list the countries a force is drawn from, without a figure per country.

Frames (each around a list of names joined by commas, "and", "or", with what each brings in brackets): "troops
(mainly) from A, B and C" (with a sign that they belong to the force: "made up of", "include", "join", "along with",
"these are", a trigger, staying or patrolling after, "were expected" after), "drawn from", "will come mostly from",
"are expected from", "contributions (are also expected) from (other member states)"; "is made up of", "consists mainly of";
"(troop) contributing countries (TCCs) include / are", "A and B are the other contributing countries", "the
countries sending troops are", "among the countries willing to contribute soldiers are"; "A and B are (also)
sending / providing contingents", "A and B contribute troops"; "Ugandan troops make up the bulk of", "Togolese
soldiers are now in"; "the remaining six, namely A and B, leaving" (with a trigger); "leaves A and B with troops on
the ground"; talks with the listed countries about contributing (a consideration each); a clause that counts
countries before a dash or colon or after the list ("The first five countries have committed troops - A, B ...",
"A and B are among the countries that have withdrawn"); "troops come from ... countries, including A and B"; and
companions ("Aside from A, ...", "Together with A, ...", "alongside A and B") of a roster or of a country the sentence
already claims.

Each listed country gets one claim without a figure (tests/gold/GUIDELINE.md, sections 2 and 3). The kind comes
from the nearest trigger in the list's clause when there is one (leaving: a withdrawal), else from the words
before the list (a future or willingness: a pledge; otherwise a present deployment: an arrival). Nothing for a
country that already has a claim in the sentence, a host or destination named in a weak frame, a list someone asked
for, wants, refused, paid for, left or lost (casualties), contributors to peacekeeping at large, an institution
("the Rwanda National Police"), a single country beside a figure of its own, or the contributors beside a force's
total (", with police from Kenya and Jamaica,", "at least 4,000 troops from A, B and C").

Runs after the sentence pass over the whole text (`add_roster_claims`, called once at the end of `extract`), so it
needs nothing from that pass but its claims, and costs one regex search for texts without a roster word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from stabforce.engines.extract import rules
from stabforce.engines.extract.gazetteer import MISSIONS, Entry
from stabforce.engines.extract.model import ProposedClaim
from stabforce.engines.extract.sentences import split_sentences
from stabforce.engines.extract.triggers import find_triggers

#: Any roster frame holds one of these (a fast test for a whole text; lower-cased).
_CUE = re.compile(r"\bfrom\b|contribut|particip|\bprovide|\bsuppl|\bare\s+(?:now\s+|already\s+|currently\s+)?in\b|\btccs?\b|\bmakes?\s+up\b|\bmade\s+up\b|\bcompos|\bcompris|\bconsist|"
                  r"\bsending\b|\bproviding\b|\bsupplying\b|\bnamely\b|\bconstitute|\baccount\s+for\b|\bform\b|"
                  r"\bcountries\b|\bnations\b|\bwith\s+(?:\w+\s+)?(?:troops|soldiers|forces|contingents)\b|"
                  r"\balongside\b|\balong\s+with\b|\btogether\s+with\b|\bbesides\b|\bin\s+addition\s+to\b")

_FORCE_NOUN = (r"(?:troops?|soldiers?|forces|personnel|peacekeepers|contingents?|police(?:\s+officers)?|officers|"
               r"units|battalions?|companies|brigades?|gendarmes|marines|military|servicemen|reinforcements|"
               r"observers|engineers|medics)")
_ADVERB = r"(?:(?:mainly|mostly|largely|chiefly|primarily|principally|predominantly|essentially|also|partly)\s+)?"
#: Before the list: where a force comes from ("troops mainly from", "drawn from", "will come mostly from").
_FROM_BEFORE = re.compile(r"\b(?P<head>" + _FORCE_NOUN + r"|drawn|come|comes|coming|came|recruited|sourced|expected|due|"
                          r"contributions)"
                          r"(?P<are>\s+(?:(?:in|of)\s+(?:the\s+)?[\w-]+\s+)?(?:are|were))?"
                          r"\s+(?:to\s+(?:come|arrive)\s+)?(?:(?<=are\s)(?:also\s+)?expected\s+)?(?:both\s+)?" + _ADVERB +
                          r"from\s+(?:the\s+)?(?:other\s+)?(?:[\w-]+\s+)?(?:member\s+)?(?:(?<=\s)(?:states|countries|nations)\s+"
                          r"(?:such\s+as\s+|including\s+|like\s+|namely\s+)?)?$")
#: Before "expected from": what is expected is a force ("more police are expected from").
_EXPECTED_FORCE = re.compile(_FORCE_NOUN + r"\s+(?:are\s+|is\s+)?(?:also\s+)?$")
#: Before "come from", "drawn from": what comes is a force or a part of one ("the remainder", "half of these forces").
_SOURCE_SUBJECT = re.compile(r"\b(?:" + _FORCE_NOUN[3:-1] + r"|remainder|rest|bulk|majority|most|half|others|them|"
                             r"commitments|pledges|offers|"
                             r"these|those|force|mission|contingent)\b(?![^.;]*\bwho\b)")
#: Before "troops from": the force they belong to ("is made up of troops from", "will include", "join", "along with").
_MEMBERS_BEFORE = re.compile(r"\b(?:has|have|had|made\s+up|compos\w*|compris\w*|consist\w*|includ\w*|involv\w*|join\w*|along\s+with|"
                             r"together\s+with|part\s+of|replac\w*)\b")
#: Right before "troops from": being there ("these are soldiers from", "there are now troops from").
_COPULA_BEFORE = re.compile(r"\b(?:are|is|were|was|be|been)\s+(?:\w+\s+){0,2}$")
#: After the list: staying or serving there ("who will stay in BiH", "already started patrolling").
_PRESENCE_AFTER = re.compile(r"[^.;]{0,40}?\b(?:stay\w*|remain\w*|serv\w*|patrol\w*|station\w*|based|operat\w*)\b|"
                             r"\s+(?:have|has)\s+been\s+(?:in|deployed|stationed)\b|\s+are\s+(?:now\s+|already\s+)?in\b")
#: Before the list: what a force is made of ("is made up of", "consists mainly of").
_MADE_OF_BEFORE = re.compile(r"\b(?:made\s+up|composed|comprised|consists?|consisting|consisted)\s+" + _ADVERB
                             + r"of\s+(?:the\s+)?$")
#: Before the list: the contributors named ("Other troop contributing countries (TCCs) to the mission are",
#: "Among the countries that expressed willingness to contribute soldiers are").
_CONTRIBUTORS_BEFORE = re.compile(
    r"(?:\b(?:contribut\w*|participating)\s+(?:countries|nations|states)|\btccs?\b|\b(?:contributors|participants)\b|"
    r"\b(?:countries|nations|states)\s+(?:that\s+are\s+|which\s+are\s+)?(?P<verb>sending|deploying|providing|"
    r"contributing|participating|taking\s+part)\b|\bamong\s+the\s+(?:countries|"
    r"nations)\b(?=[^.;]{0,100}?\b(?:contribut|send|provid|deploy|troops|soldiers|police|personnel)))"
    r"[^.;]{0,100}?\b(?:includes?|included|are|were|such\s+as|like|including|namely)\s*:?\s+(?:the\s+)?$")
#: A force itself, not only a word about taking part: needed by "participants", "participating countries".
_FORCE_STRICT = re.compile(r"\b(?:" + _FORCE_NOUN[3:-1] + r"|force|mission|contingents?|deploy\w*)\b")
_TALKS = re.compile(r"\b(?:talks|meetings?|summit|conference|negotiations|exercises?|drills?|games|tournament)\b")
#: Before the list: the rest of a roster named just before ("the remaining six, namely", "other countries, including").
_NAMELY_BEFORE = re.compile(r"\b(?:countries|nations|contributors|members|others|rest|remaining(?:\s+\w+)?)\b,?\s+"
                            r"(?:namely|including|such\s+as)\s+(?:the\s+)?$")
_ASIDE = re.compile(r"\b(?:such\s+as|like|including|namely)\s*:?\s+(?:the\s+)?$")
_PLACE_BEFORE_HEAD = re.compile(r"\b(?:in|to|into|across|throughout|of|from|near)\s+(?:\w+\s+){0,2}$")
#: Before the list: companions of a roster elsewhere in the sentence ("Aside from Tanzania, the force will ...").
_COMPANION_BEFORE = re.compile(r"\b(?:aside\s+from|apart\s+from|besides|in\s+addition\s+to|together\s+with|"
                               r"along\s+with|alongside)\s+(?:the\s+)?$")
#: After the list: the contributors named ("are the other two contributing countries").
_CONTRIBUTORS_AFTER = re.compile(
    r"\s+(?:are|were|will\s+be|would\s+be)\s+(?:also\s+)?(?:the\s+|among\s+the\s+)?(?:other\s+)?(?:\w+\s+)?"
    r"(?:(?:main|largest|biggest|major|leading|top)\s+)?(?:troop[\s-]|police[\s-])?(?:contributing\s+(?:countries|"
    r"nations|states)|contributors|tccs?)\b")
#: After the list: sending now ("are also sending contingents", "is providing troops").
_SENDING_AFTER = re.compile(r"\s+(?:are|is|were)\s+(?:also\s+|all\s+|now\s+|each\s+)?(?:sending|providing|"
                            r"contributing|supplying|deploying)\b(?=[^.;]{0,60}?\b" + _FORCE_NOUN + r")")
#: After the list: their forces there ("with troops on the ground in Cabo Delgado", "with soldiers in Mali").
_WITH_TROOPS_THERE_AFTER = re.compile(r"\s+with\s+(?:\w+\s+)?" + _FORCE_NOUN + r"\s+(?:still\s+)?(?:on\s+the\s+ground|in|"
                                      r"deployed|stationed|there)\b")
#: After the list: contributing now or so far ("also contribute troops", "have provided most of the peacekeepers").
_CONTRIBUTE_AFTER = re.compile(r"\s+(?:also\s+|all\s+|each\s+|now\s+)?(?:contribute|provide|supply|have\s+(?:also\s+)?"
                               r"(?:contributed|provided|supplied))\s+(?:[\w-]+\s+){0,3}?" + _FORCE_NOUN + r"\b")
#: After a list of demonyms: their forces are there ("Togolese and Nigerian soldiers are now in Mali").
_THERE_AFTER = re.compile(r"\s+(?:\w+\s+)?" + _FORCE_NOUN + r"\s+(?:are|is)\s+(?:now\s+|already\s+|currently\s+)?"
                          r"(?:in|on\s+the\s+ground|deployed|stationed|based)\b")
#: After a list of demonyms: their forces make up the force ("Ugandan troops make up the bulk of").
_MAKE_UP_AFTER = re.compile(r"\s+" + _FORCE_NOUN + r"\s+(?:\w+\s+)?(?:make\s+up|makes\s+up|made\s+up|form|"
                            r"constitute|account\s+for)\b")
_DEMONYM_FORCE_AFTER = re.compile(r"\s+(?:\w+\s+)?" + _FORCE_NOUN + r"\b")
#: Before the list, after a dash or colon: the countries the clause has just counted ("The first five countries have
#: committed troops to the force - A, B and C", "Three nations offered soldiers: A, B and C").
_COUNTED_BEFORE = re.compile(r"\b(?:countries|nations|states|contributors|governments)\b(?P<span>[^.;:]{3,140}?)\s*"
                             r"(?:\s[-–—]|:)\s*(?:the\s+)?$")
#: Around the list: talks with the countries about sending ("has spoken to A, B and C about contributing to the
#: force"): each is weighing it (tests/gold/GUIDELINE.md, section 2: "in talks about").
_TALKED_TO_BEFORE = re.compile(r"\b(?:spoken|spoke|talked|talking|talks|discussions?|consultations?|consulting|consulted|"
                               r"negotiating|negotiations)\s+(?:to|with)\s+(?:the\s+)?$")
_ABOUT_FORCE_AFTER = re.compile(r"[^.;]{0,30}?\b(?:about|on|over|regarding)\s+(?:[\w-]+\s+){0,2}?(?:contribut\w*|send\w*|"
                                r"deploy\w*|join\w*|participat\w*|provid\w*|troops|soldiers|police)\b")
#: After the list: what the countries named did ("are the first countries to make such commitments", "are among the
#: nations that have offered troops").
_COUNTED_AFTER = re.compile(r"\s+(?:are|were|have\s+been|had\s+been|became|become)\s+(?:also\s+|so\s+far\s+)?"
                            r"(?:among\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:countries|nations|states)\s+(?:to|that|which|"
                            r"who)\b(?P<span>[^.;]{3,140})")

#: Between two names of one list: the coordination, with an abbreviation in brackets ("Congo (DRC), Lesotho")
#: or with what each brings ("France (headquarters guard), Ghana (infantry)").
_GAP = re.compile(r"(?:\s*\((?:[^()]{1,15}|[^()\d]{1,30})\))?" + rules.COORDINATION_GAP.pattern)
#: After a name: more capitalized words, an institution's name ("Rwanda Defence Force").
_INSTITUTION_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)\b(?!\s*,)")
_BRACKETED = re.compile(r"\s*\(\s*")
#: A number right before the force the list makes up ("at least 4,000 troops from"): the force's total.
_COUNTED_FORCE_BEFORE = re.compile(r"\d\s+(?:[\w-]+\s+){0,2}?" + _FORCE_NOUN + r"\s+" + _ADVERB + r"from\s+(?:the\s+)?$")
#: A force's own size in the sentence ("the 22,000-strong force", "numbers 2,500", "a force of 3,000"): the
#: contributors listed beside it are its parts (tests/gold/GUIDELINE.md, section 3: a mission total).
_TOTAL = re.compile(r"\d[\d,.]*[\s-]+(?:strong|member|man)\b|\b(?:numbers?|numbering|totals?|totalling|totaling)\s+"
                    r"(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?\d|\b(?:force|mission|contingent)\s+of\s+"
                    r"(?:about\s+|around\s+|some\s+|nearly\s+|over\s+|up\s+to\s+)?\d")
#: A personnel figure: a number and, within three words, a force noun ("1000 of those troops", "200 soldiers").
_FIGURE = re.compile(r"\b\d[\d,.]*\s+(?:[\w-]+\s+){0,3}?" + _FORCE_NOUN + r"\b")
#: A list that moves a force out of a place, someone asks for, refuses, or pays for.
_NOT_CONTRIBUTION = re.compile(
    r"\b(?:withdr\w*|pull\w*|remov\w*|evacuat\w*|redeploy\w*|transferr?\w*|relocat\w*|return\w*|repatriat\w*|"
    r"expel\w*|asked|asking|asks|request\w*|sought|seeking|appeal\w*|urg\w*|invit\w*|approach\w*|call(?:ed|ing|s)?\s+"
    r"(?:on|for)|refus\w*|declin\w*|reject\w*|ruled\s+out|not|never|no|fund\w*|financ\w*|donat\w*|donors?|money|"
    r"million|billion|pay\w*|paid|wants?|wanted|needs?|needed|hopes?|hoped|killed|died|dead|wounded|injured|"
    r"casualties|attacked|ambushed|kidnapped|abducted)\b|n['’]t\b|[$€£]")
#: After a list of contributors: peacekeeping at large, not this force ("among the largest troop contributors to UN
#: peacekeeping"), or money ("which have given $100 million").
_GENERIC_OR_MONEY_AFTER = re.compile(
    r"[^.;]*?(?:\b(?:un|u\.n\.|united\s+nations)\s+peacekeeping\b(?!\s+(?:mission|force|operation)\s+in\b)|"
    r"\b(?:worldwide|globally|in\s+the\s+world|fund\w*|financ\w*|donat\w*|money|million|billion|dollars|euros)\b|[$€£])")
#: In the clause after the list: the dead and the wounded are not a contribution.
_CASUALTY_AFTER = re.compile(r"[^.;]{0,40}?\b(?:killed|died|dead|wounded|injured|casualties|attacked|ambushed|"
                             r"kidnapped|abducted)\b")
#: A pledge without a pledge verb: willingness, a plan, a future.
_WILLING = re.compile(r"\b(?:willing\w*|ready|readiness|prepared|offer\w*|pledg\w*|promis\w*|commit\w*|"
                      r"agreed|vowed)\b")
#: The kind each trigger group gives a roster ("send": a sending verb with a modal before it).
_KIND_OF_GROUP = {"reduction": "reduction_or_withdrawal", "arrival": "arrival", "pledge": "pledge",
                  "consideration": "consideration", "send": "pledge"}

#: Frames that name where a force comes from: a country the report names as a destination is a contributor there
#: too ("deployed to Senegal" and "troop contributing countries include Senegal").
_ORIGIN_FRAMES = frozenset({"from", "made", "contributors"})
_DIGIT = re.compile(r"\d")
#: After "troops from A and B": still to come ("were expected in the coming days", "are due next week").
_EXPECTED_AFTER = re.compile(r"\s+(?:are|were|is|was)\s+(?:also\s+)?(?:expected|due)\b")
_WITH_FROM = re.compile(r",\s*with\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?$")
_FORCE_WORD = rules.FORCE_CONTEXT


def add_roster_claims(text: str, low: str, claims: list[ProposedClaim], mentions: list[tuple[int, int, str]],
                      forms: dict[str, Entry], hosts: frozenset[str], published: date) -> list[ProposedClaim]:
    """Return `claims` with a figure-less claim for each country a roster sentence lists and nothing else claims.

    `low`: the text lower-cased with its offsets kept; `mentions`: the names found in it (start, end, name), in
    text order.
    """
    if not mentions or _CUE.search(low) is None:
        return claims
    starts = [m[0] for m in mentions]
    added: list[ProposedClaim] = []
    cues = [m.start() for m in _CUE.finditer(low)]
    line_end = -1
    for at in cues:
        if at < line_end:
            continue  # on a line already read
        ls = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        previous_force = False
        for rs, re_ in split_sentences(text[ls:line_end]):
            s, e = ls + rs, ls + re_
            lo, hi = bisect_left(starts, s), bisect_left(starts, e)
            # a force word, or a mission's name ("the eight countries that make up SAMIM")
            force_here = _FORCE_WORD.search(low, s, e) is not None or any(
                forms[name].subject in MISSIONS for _, _, name in mentions[lo:hi])
            k = bisect_left(cues, s)
            if k < len(cues) and cues[k] < e and lo < hi:
                added.extend(_sentence_rosters(text, low, s, e, mentions[lo:hi], forms, hosts, published, claims,
                                               force_here or previous_force))
            previous_force = force_here
    if not added:
        return claims
    return sorted([*claims, *added], key=lambda c: (c.start, c.subject))


def _chains(sl: str, names: list[tuple[int, int, str, Entry]]) -> list[list[tuple[int, int, str, Entry]]]:
    chains: list[list[tuple[int, int, str, Entry]]] = []
    for item in names:
        if chains and _GAP.fullmatch(sl, chains[-1][-1][1], item[0]):
            chains[-1].append(item)
        else:
            chains.append([item])
    return chains


def _sentence_rosters(text: str, low: str, s: int, e: int, raw: list[tuple[int, int, str]], forms: dict[str, Entry],
                      hosts: frozenset[str], published: date, claims: list[ProposedClaim],
                      force_near: bool) -> list[ProposedClaim]:
    sentence, sl = text[s:e], low[s:e]
    if any(s <= c.start < e and c.subject_kind != "country" and (c.low is not None or c.high is not None)
           for c in claims) or _TOTAL.search(sl):
        return []  # a force's total with its contributors beside it: the total is the force's, the list no claim
    names: list[tuple[int, int, str, Entry]] = []
    for ms, me, name in raw:
        entry = forms[name]
        rs, re_ = ms - s, me - s
        if entry.kind == "blocked" or (entry.role != "demonym" and _INSTITUTION_AFTER.match(sentence, re_)):
            continue  # "the Rwanda National Police": an institution's name, not a list of countries
        if names and names[-1][3].subject == entry.subject and _BRACKETED.fullmatch(sl, names[-1][1], rs) and \
                sl.startswith(")", re_):
            continue  # "Democratic Republic of Congo (DRC)": the abbreviation of the name before
        names.append((rs, re_, name, entry))
    chains = _chains(sl, names)
    from stabforce.engines.extract import extractor as ex  # imported here: the extractor imports this module
    clauses = ex._clauses(sl)
    rosters: list[tuple[list[tuple[int, int, str, Entry]], str, str]] = []
    companions = []
    for chain in chains:
        first, last = chain[0][0], chain[-1][1]
        demonyms = all(x[3].role == "demonym" for x in chain)
        clause = ex._clause_of(clauses, first)
        before = sl[max(clause[0], first - 160):first]
        after = sl[last:]
        frame: str | None = None
        fixed: str | None = None
        if m := _FROM_BEFORE.search(before):
            head = m.group("head")
            if head in ("expected", "due") and not _EXPECTED_FORCE.search(sl, clause[0], first - len(before) + m.start()):
                continue  # "a decision is expected from Kenya"
            if head in ("drawn", "come", "comes", "coming", "came", "recruited", "sourced") and (
                    not force_near or not _SOURCE_SUBJECT.search(sl, max(clause[0], first - len(before) + m.start() - 60),
                                                                 first - len(before) + m.start())):
                continue  # "who comes from Nigeria": a person's origin, not a force's
            if (_WITH_FROM.search(sl, max(0, first - 60), first) and _DIGIT.search(sl)) or _COUNTED_FORCE_BEFORE.search(before):
                continue  # ", with police from Kenya and Jamaica," beside a figure, "4,000 troops from": beside a force's
                # total (without a figure, ", with troop contributions from A and B" is a roster)
            head_at = first - len(before) + m.start()
            if _EXPECTED_AFTER.match(sl, last):
                fixed = "pledge"  # "more troops from Benin and Togo were expected in the coming days"
            frame = "from" if fixed or head in ("drawn", "come", "comes", "coming", "came", "recruited", "sourced", "expected",
                                       "due", "contributions") or m.group("are") or \
                _MEMBERS_BEFORE.search(sl, clause[0], head_at) or _COPULA_BEFORE.search(sl, max(0, head_at - 30), head_at) \
                or _PRESENCE_AFTER.match(sl, last) else "troops from"
        elif _MADE_OF_BEFORE.search(before) and (not demonyms or _DEMONYM_FORCE_AFTER.match(after)):
            frame = "made"
        elif (m := _CONTRIBUTORS_BEFORE.search(before)) is not None or _CONTRIBUTORS_AFTER.match(after):
            # "The contributing countries, including Ireland, met in Brussels": an aside needs a verb that sends
            frame = "namely" if m is not None and _ASIDE.search(m.group()) else "contributors"
            if m is not None and (m.group("verb") or "") in ("sending", "deploying"):
                fixed = "pledge"  # "the countries sending troops are": as "are sending troops"
            if m is not None and "particip" in m.group() and (not _FORCE_STRICT.search(sl) or _TALKS.search(sl)):
                continue  # "countries participating in the talks"
        elif _SENDING_AFTER.match(after):
            frame, fixed = "sending", "pledge"
        elif _WITH_TROOPS_THERE_AFTER.match(after):
            frame, fixed = "sending", "arrival"  # "That leaves A, B and C with troops on the ground in Cabo Delgado"
        elif _CONTRIBUTE_AFTER.match(after) or (demonyms and _THERE_AFTER.match(after)):
            frame, fixed = "sending", "arrival"
        elif demonyms and _MAKE_UP_AFTER.match(after):
            frame = "made"
        elif _TALKED_TO_BEFORE.search(before) and _ABOUT_FORCE_AFTER.match(after):
            frame, fixed = "talks", "consideration"
        elif (m := _COUNTED_BEFORE.search(sl, max(0, first - 200), first) or _COUNTED_AFTER.match(sl, last)) and (
                counted := _counted_kind(m.group("span"))):
            frame, fixed = "counted", counted
        elif (m := _NAMELY_BEFORE.search(before)) is not None and not _PLACE_BEFORE_HEAD.search(
                sl, max(0, first - len(before) + m.start() - 30), first - len(before) + m.start()):
            frame = "namely"
        elif _COMPANION_BEFORE.search(before) and not demonyms:
            companions.append(chain)
            continue
        if frame is None or not (force_near or frame == "namely"):
            continue  # a roster is of a force; "namely" has a trigger of its own ("the remaining six, namely A and
            # B, leaving the country")
        if frame == "contributors" and _GENERIC_OR_MONEY_AFTER.match(sl, last):
            continue
        if _NOT_CONTRIBUTION.search(sl, max(clause[0], first - 70), first) or _CASUALTY_AFTER.match(sl, last):
            continue
        if len({x[3].subject for x in chain}) == 1 and _FIGURE.search(sl, *clause):
            continue  # "Around 1000 of those troops are expected to come from Italy": the figure is the country's
        kind = fixed or _kind(sl, clause, first, last, frame)
        if kind is None:
            continue
        rosters.append((chain, kind, frame))
    here = [c for c in claims if c.start == s]
    claimed = {c.subject for c in here}
    if not rosters:
        # "Besides Kenya, Jamaica will send 200 police": a companion of a country the sentence already claims
        kinds = {c.kind for c in here if c.subject_kind == "country" and not c.negated}
        if not companions or len(kinds) != 1 or not force_near or kinds & {"command", "territory_control", "other"}:
            return []
        rosters = [([], kinds.pop(), "none")]
    kind_of_sentence = rosters[0][1]
    rosters += [(chain, kind_of_sentence, "companion") for chain in companions]
    found: list[ProposedClaim] = []
    for chain, kind, frame in rosters:
        for rs, re_, name, entry in chain:
            subject = entry.subject or ""
            if entry.kind != "country" or subject in claimed or (subject in hosts and frame not in _ORIGIN_FRAMES):
                continue
            claimed.add(subject)
            mention = ex._Mention(start=rs, end=re_, text=name, entry=entry, agent=True)
            found.append(ex._claim(text=text, s=s, e=e, sentence=sentence, clause=ex._clause_of(clauses, rs),
                                   mention=mention, kind=kind, fig=None, negated=False, revision=False,
                                   published=published, how="roster", trigger=None, share=None))
    return found


def _counted_kind(span: str) -> str | None:
    """The kind of what a clause says the countries it counts did ("have committed troops", "to make such
    commitments"): its first trigger, else a pledge for a word of willingness; None when it says neither."""
    hits = [h for h in find_triggers(span) if h.group not in ("command", "territory")]
    if hits:
        return None if hits[0].group == "negation" else _KIND_OF_GROUP.get(hits[0].group)
    return "pledge" if _WILLING.search(span) and not _NOT_CONTRIBUTION.search(span) else None


#: Before the list: the countries only might send ("other possible troop contributors are", "potential contributors
#: include", "the force could include troops from"). Not "may": the text is lower-cased, and "in May" is a month.
_HEDGE_BEFORE = re.compile(r"\b(?:potential(?:ly)?|possibl[ey]|considering|weighing|mulling|might|could)\b")


def _kind(sl: str, clause: tuple[int, int], first: int, last: int, frame: str) -> str | None:
    """The kind a roster's clause gives its list (`_plain_kind`); a hedge before the list makes a pledge or a presence
    a consideration."""
    kind = _plain_kind(sl, clause, first, last, frame)
    if kind in ("pledge", "arrival") and _HEDGE_BEFORE.search(sl, clause[0], first):
        return "consideration"
    return kind


#: In a roster's clause: where the force comes from ("troops come from", "will be drawn from").
_COME_FROM_BEFORE = re.compile(r"\b" + _FORCE_NOUN + r"\s+(?P<future>will\s+)?(?:\w+ly\s+)?(?:come|comes|came|are\s+drawn|were\s+drawn|"
                               r"be\s+drawn)\s+from\b")


#: Before the list: a future told by "is/are to" ("Further contributions are to come from").
_ARE_TO = re.compile(r"\b(?:is|are)\s+(?:also\s+)?to\s+(?:come|arrive|be)\b")


def _plain_kind(sl: str, clause: tuple[int, int], first: int, last: int, frame: str) -> str | None:
    """The kind a roster's clause gives its list: its nearest trigger, else the tense before the list."""
    hits = [h for h in find_triggers(sl[clause[0]:clause[1]]) if h.group not in ("command", "territory")]
    hits = [h._replace(start=h.start + clause[0], end=h.end + clause[0]) for h in hits]
    hits = [h for h in hits if not first <= h.start < last]
    if any(h.group == "negation" for h in hits):
        return None
    if hits:
        best = min(hits, key=lambda h: min(abs(h.start - last), abs(first - h.end)))
        kind = _KIND_OF_GROUP.get(best.group)
        if kind is not None:
            return kind
    if frame == "namely" and (come := _COME_FROM_BEFORE.search(sl, clause[0], first)):
        # "EUFOR's troops come from 22 EU states and 11 other countries, including Canada and Chile"
        return "pledge" if come.group("future") else "arrival"
    if frame in ("namely", "troops from"):
        # "countries, including Mali and Niger", "Soldiers from Mali clashed with rebels": a roster only with a verb
        # that says what they do
        return None
    if _WILLING.search(sl, 0, first) or rules.FUTURE.search(sl, 0, first) or _ARE_TO.search(sl, clause[0], first):
        return "pledge"
    return "arrival"

