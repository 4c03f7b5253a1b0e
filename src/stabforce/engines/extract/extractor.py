"""Plain text in, proposed claims out.

One pass of a few precompiled regexes over the whole text finds the sentences, the names (gazetteer),
the trigger words and the personnel nouns; only sentences holding a trigger or a figure hint are
looked at closely. Inside a sentence: clauses (split at "; ", ", while", ", but" ...), relative
clauses (", which ... ,") as background, the subject of each trigger (the nearest name before it in
its clause that is not a speaker, an owner or a place; coordinated names each get a claim), the
figures, the kind, negation, revision, tasks and timing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from stabforce.engines.extract import rules
from stabforce.engines.extract.fallback import force_moves, force_named
from stabforce.engines.extract.gazetteer import (
    MISSIONS,
    NEEDS_COUNTRY,
    PARENT_BODIES,
    Entry,
    gazetteer,
    name_matches,
    rare_anchor_pattern,
    trie_pattern,
)
from stabforce.engines.extract.kinds import figure_at as _figure_at
from stabforce.engines.extract.kinds import still_to_come
from stabforce.engines.extract.model import ProposedClaim, claim_row
from stabforce.engines.extract.numbers import (
    Figure,
    find_number_figures,
    find_unit_figures,
    unit_hint,
    unit_pattern,
    words_to_int,
)
from stabforce.engines.extract.rosters import add_roster_claims
from stabforce.engines.extract.sentences import parse_document, split_sentences
from stabforce.engines.extract.timing import Timing, find_timings
from stabforce.engines.extract.triggers import ASKS_IF_BEFORE, IF_CLAUSE_BODY, Hit, find_triggers
from stabforce.ledger.plausible import MAX_PERSONNEL
from stabforce.ledger.vocab import UNIT_STRENGTH

_KIND_OF_GROUP = {
    "command": "command", "territory": "territory_control", "reduction": "reduction_or_withdrawal",
    "arrival": "arrival", "negation": "pledge", "consideration": "consideration", "pledge": "pledge",
}
#: Which kind wins when one subject has several triggers and no figure.
_PRIORITY = {"command": 0, "territory": 1, "reduction": 2, "arrival": 3, "negation": 4, "consideration": 5,
             "pledge": 5}
_TASK_KINDS = frozenset({"pledge", "consideration", "arrival"})


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    entry: Entry
    agent: bool
    #: Inside a relative clause (", which ... ,"): no subject for a trigger outside it.
    background: bool = False


@dataclass
class _Trigger:
    start: int
    end: int
    group: str
    text: str
    background: bool
    negated: bool = False
    weak: bool = False
    subjects: list[_Mention] = field(default_factory=list)
    how: str = "direct"


@lru_cache(maxsize=8)
def _units_rx(key: tuple[tuple[str, tuple[int, int]], ...]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    units = dict(key)
    return unit_pattern(units), unit_hint(units)


def _all_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, form) of every gazetteer name that begins a word of `text`, in order."""
    found = []
    for m in name_matches(text):
        ms = m.start()
        if ms:  # `starts_word`, inlined: not inside "xNATO" or after "U."
            before = text[ms - 1]
            if before.isalnum() or before in "._" or (before == "-" and text[m.end():m.end() + 1] == "-"):
                continue  # (nor inside "PORT-AU-PRINCE")
        found.append((ms, m.end(), m.group()))
    return found


def report_setting(text: str, published: date | None) -> tuple[str | None, frozenset[str]]:
    """The mission a report is about, as `extract` reads it (the first one it names, else, given the report's date,
    the one mission a body it names, or any, fields in the host it names then), and the countries it names as the
    place a force goes to (`_hosts`). The report's names are read once for both."""
    forms = gazetteer()[1]
    mentions = _all_mentions(text)
    hosts = _hosts(text, mentions, forms)
    missions = [forms[name].subject for _, _, name in mentions if forms[name].subject in MISSIONS]
    if missions:
        return missions[0], hosts
    return (_body_mission(mentions, forms, hosts, published) if published is not None else None), hosts


def extract(text: str, *, published: date, units: Mapping[str, tuple[int, int]] | None = None) -> list[ProposedClaim]:
    """Return the claims proposed for a text published on `published`, in text order."""
    units = dict(UNIT_STRENGTH if units is None else units)
    unit_rx, unit_hint_rx = _units_rx(tuple(sorted(units.items())))
    forms = gazetteer()[1]
    mentions_all = _all_mentions(text)
    labels = _labels(text, forms) if _LABEL_HINT.search(text) else {}
    if not mentions_all and not labels:
        return []
    mention_starts = [m[0] for m in mentions_all]
    missions = [(ms, forms[name].subject or "") for ms, _, name in mentions_all if forms[name].subject in MISSIONS]
    hosts = _hosts(text, mentions_all, forms)
    doc_mission = missions[0][1] if missions else _body_mission(mentions_all, forms, hosts, published)
    low = _lower(text)
    doc_force = rules.FORCE_CONTEXT.search(low) is not None
    claims: list[ProposedClaim] = []
    unkinded: list[tuple[int, int, tuple[int, str, str | None, str, int]]] = []  # list lines without a kind
    label_kinds: list[str] = []  # the kinds of the claims on list lines
    previous_subjects: tuple[str, ...] = ()
    previous_end = -1
    spans = _paragraphs(text, mention_starts)
    if labels:
        spans = sorted(set(spans) | {(ps, pe) for ps, (pe, *_) in labels.items()})
    for ps, pe in spans:
        label = labels.get(ps)
        # A line without any force or share word holds no sentence that passes the test below: skip it
        # before splitting it into sentences.
        hint = _LINE_ANCHOR.search(low, ps, pe)
        if hint is None and label is not None:  # "Czechia (120)" under a heading of troop pledges
            claims.extend(_bare_label_claims(text, ps, pe, label, forms, published))
            if label[2] is None:
                unkinded.append((ps, pe, label))
        # A mission's name is a force word too ("Of the countries that make up SAMIM, Botswana was the first to withdraw").
        line_missions = [ms for ms, _ in missions if ps <= ms < pe]
        line_moves = doc_force and _MOVE_VERB.search(low, ps, pe) is not None
        if hint is None and not line_missions and not line_moves and not _people_move(
                text, forms, mentions_all[bisect_left(mention_starts, ps):bisect_left(mention_starts, pe)]):
            continue
        first_hint = hint.start() if hint is not None else ps  # inside the first force or share word
        if line_missions and line_missions[0] < first_hint:
            first_hint = line_missions[0]
        sentences = split_sentences(text[ps:pe])
        for i, (rs, re_) in enumerate(sentences):
            s, e = ps + rs, ps + re_
            if e <= first_hint:
                continue  # no force or share word
            m_lo, m_hi = bisect_left(mention_starts, s), bisect_left(mention_starts, e)
            follows = previous_subjects and _adjacent(text, previous_end, s)
            mission = _mission_at(missions, s, e)
            # A quote in the first person ("“I have authorised ...,” he said"): the country the sentence before names
            # is the speaker's when this one names none.
            speaker_prev = None
            if _FIRST_PERSON_QUOTE.search(low, s, e):
                speaker_prev = _only_country(mentions_all, mention_starts, forms,
                                             *_previous_sentence(text, ps, sentences, i), hosts)
            # "Ghana confirmed its participation. The contingent of 600 soldiers will ...": a sentence that opens with
            # an anaphor and names nobody is about the one country the sentence before names, claim or not.
            anaphor_prev: tuple[str, ...] = ()
            # (a sentence that names only the places the force goes to names nobody: "It has one soldier in Afghanistan")
            # (nor does one that names only a mission or its body: "They are part of the SADC mission")
            lead = _LEADING_ANAPHOR.match(low, s, e) if not follows and label is None and all(
                forms[name].subject in hosts or forms[name].kind == "blocked" or forms[name].subject in MISSIONS or
                forms[name].subject in PARENT_BODIES for _, _, name in mentions_all[m_lo:m_hi]) else None
            if lead is not None:
                prev_s, prev_e = _previous_sentence(text, ps, sentences, i)
                if lead.group("plural"):  # "Chad and Niger were named. They will send 1,000 troops each."
                    named = _countries(mentions_all, mention_starts, forms, prev_s, prev_e, hosts)
                    anaphor_prev = named if 1 <= len(named) <= 5 else ()  # "Some 200 South Africans crossed. They ..."
                else:
                    only = _only_country(mentions_all, mention_starts, forms, prev_s, prev_e, hosts)
                    if only is not None and only not in hosts:
                        anaphor_prev = (only,)
            if m_lo == m_hi and not follows and mission is None and label is None and speaker_prev is None and (
                    not anaphor_prev):
                continue
            # The first force or share word of the line starts at most `_LONGEST_HINT - 1` before `first_hint`.
            force_ctx, share_hint = _force_or_share(low, max(s, first_hint - _LONGEST_HINT + 1), e)
            if not force_ctx and m_lo < m_hi:
                force_ctx = _people_move(text, forms, mentions_all[m_lo:m_hi]) or any(
                    s <= ms < e for ms in line_missions)
            if not force_ctx and m_lo < m_hi and line_moves:
                # In a report about a force, a named country that withdraws, pulls out or deploys acts as a force
                # without a force word in the sentence ("Sweden and Canada have decided to leave the country").
                force_ctx = _MOVE_VERB.search(low, s, e) is not None and _MONEY.search(low, s, e) is None
            if not force_ctx and not share_hint:
                continue  # every kind needs a force word, except territory, which needs a share
            sentence_low = low[s:e]
            hits = find_triggers(sentence_low)
            hinted = rules.PERSONNEL_HINT.search(sentence_low) is not None or _BARE.search(sentence_low) is not None or (
                _SENT_BARE.search(sentence_low) is not None)
            if not hits and not hinted and not _BRACKETS.search(sentence_low) and not _MEMBERSHIP.search(sentence_low):
                continue
            if m_lo == m_hi and not _anaphor(sentence_low, 0, e - s) and label is None and speaker_prev is None and (
                    not anaphor_prev) and not (
                    mission is not None and _FORCE_HEAD.search(sentence_low)):
                continue
            found = _sentence_claims(text, s, e, mentions_all[m_lo:m_hi], hits, forms, published, units,
                                     (unit_rx, unit_hint_rx), previous_subjects if follows else anaphor_prev,
                                     sentence_low, hinted,
                                     force_ctx, mission, hosts, doc_mission,
                                     None if label is None else label[1:3], speaker_prev)
            if found:
                claims.extend(found)
                if label is not None:
                    label_kinds.extend(c.kind for c in found if c.kind in _GROUP_OF_KIND)
                subjects = tuple(dict.fromkeys(c.subject for c in found))
                previous_subjects = subjects if len(subjects) == 1 else ()
                previous_end = e
    if published < _ISF_FROM and any(c.subject == "International Stabilization Force" for c in claims):
        # "the Iraq stabilisation force" in 2003 is not the Gaza force (GUIDELINE section 6): the one serving in the
        # report's host then, else no subject.
        other = _body_mission([], forms, hosts, published)
        claims = [replace(c, subject=other) if c.subject == "International Stabilization Force" else c
                  for c in claims if c.subject != "International Stabilization Force" or other is not None]
    if unkinded and label_kinds:
        # "Britain: 1,200" among "Albania: 125 troops" lines whose verbless kind the list gives: the list's kind.
        group = _GROUP_OF_KIND[max(set(label_kinds), key=label_kinds.count)]
        for ps, pe, (end, subject, _, personnel, rest) in unkinded:
            claims.extend(_bare_label_claims(text, ps, pe, (end, subject, group, personnel, rest), forms, published))
        claims.sort(key=lambda c: c.start)
    found = add_roster_claims(text, low, claims, mentions_all, forms, hosts, published)
    if doc_force:
        found = _with_force_moves(text, low, found, mentions_all, mention_starts, forms, hosts, published)
    found = _precise(found, forms, missions, doc_mission)
    if doc_mission is not None and _PARENT_OF.get(doc_mission) != "United Nations":
        # A report about a force the UN authorizes but does not field (MSS, GSF, ISF, KFOR, AMISOM ...): the UN sends,
        # holds and withdraws no troops of its own there.
        # (a UN force of its own stays: "a United Nations peacekeeping force took over from Interfet")
        found = [c for c in found if not (c.subject == "United Nations" and c.kind in _BODY_ACTS and not _uns_own_force(c))]
    return [p for c in found if not _party_not_contributor(c) and (p := _plausible(still_to_come(c))) is not None]


#: After "United Nations": the UN's own force ("United Nations peacekeeping force", "UN mission").
_UN_OWN_FORCE = re.compile(r"\s+(?:peacekeeping\s+|peace\s+|stabili[sz]ation\s+)?(?:force|mission|peacekeepers|troops)\b")


def _uns_own_force(c: ProposedClaim) -> bool:
    """Whether the words naming the UN in the claim's quote name a force of its own ("UN peacekeeping force")."""
    ql = c.quote.lower()
    at = ql.find(c.subject_text.lower()) if c.subject_text else -1
    return at >= 0 and _UN_OWN_FORCE.match(ql, at + len(c.subject_text)) is not None


#: Armed groups: their fighters and weapons are not force figures (GUIDELINE section 2, "Not claims"); only a share of
#: territory they hold is a claim.
_ARMED_GROUPS = frozenset({"Hamas", "Hezbollah", "Islamic Jihad", "Houthis"})
#: "the war between Israel and Hezbollah", "a ceasefire between Hizbollah and Israel": the parties to a conflict.
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?$|\bbetween\s+(?:the\s+)?[\w’'. -]{2,40}?\s+and\s+"
                      r"(?:the\s+)?$", re.IGNORECASE)


def _party_not_contributor(c: ProposedClaim) -> bool:
    """An armed group, or a party named in "between A and B", is not a contributor: no claim but a territory share."""
    if c.kind == "territory_control":
        return False
    if c.subject in _ARMED_GROUPS:
        return True
    if c.trigger is None and c.subject_text:
        at = c.quote.find(c.subject_text)
        return at > 0 and _BETWEEN.search(c.quote, max(0, at - 50), at) is not None
    return False


def _with_force_moves(text: str, low: str, claims: list[ProposedClaim], mentions_all: list[tuple[int, int, str]],
                      mention_starts: list[int], forms: dict[str, Entry], hosts: frozenset[str],
                      published: date) -> list[ProposedClaim]:
    """Add `fallback.force_moves` for the sentences with a country's force named that the rules gave no claim (in a
    report about a force). Only the lines where a force is named are split into sentences again."""
    lines = sorted({(text.rfind("\n", 0, ms) + 1, len(text) if (end := text.find("\n", ms)) < 0 else end)
                    for ms, me, name in mentions_all if force_named(low, ms, me, forms[name], hosts) is not None})
    if not lines:
        return claims
    claimed = sorted(c.start for c in claims)
    added: list[ProposedClaim] = []
    for ps, pe in lines:
        for rs, re_ in split_sentences(text[ps:pe]):
            s, e = ps + rs, ps + re_
            lo, hi = bisect_left(mention_starts, s), bisect_left(mention_starts, e)
            if lo == hi:
                continue
            i = bisect_left(claimed, s)
            if i < len(claimed) and claimed[i] < e:
                continue
            names = [(ms - s, me - s, forms[name]) for ms, me, name in mentions_all[lo:hi]]
            added.extend(force_moves(text[s:e], low[s:e], s, e, names, hosts, published))
    return sorted(claims + added, key=lambda c: c.start) if added else claims


def _plausible(claim: ProposedClaim) -> ProposedClaim | None:
    """A figure beyond any force (more than `MAX_PERSONNEL`, the ledger's own limit) is not a personnel figure:
    the claim keeps its words for the reviewer, without the number. A share outside 0-100% is no share, and a
    territory claim without one is no claim."""
    if claim.share_pct is not None and not 0 <= claim.share_pct <= 100:
        if claim.kind == "territory_control":
            return None
        claim = replace(claim, share_pct=None)
    if all(v is None or 0 <= v <= MAX_PERSONNEL for v in (claim.low, claim.high)):
        return claim
    return replace(claim, low=None, high=None, approx=False, conversion=None)


_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
           r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
#: A day of a date read as a figure: "On 20 September Australian troops", "on September 20 troops".
_DATE_AFTER = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r"(?:\s|,|$)")
_DATE_BEFORE = re.compile(r"\b" + _MONTHS + r"\s+$")
#: Leaving a place for the mission area: "left Townsville today ... bound for the Solomons", "left the country for Haiti".
_LEAVING = re.compile(r"\b(?:left|leaves|leaving|leave|departed|departs|departing|depart)\b")
_LEFT_FOR = re.compile(r"[^.;,]{0,80}?\b(?:bound\s+for|for|to\s+join|en\s+route\s+to|head(?:ed|ing)\s+(?:for|to))\s+"
                       r"(?!(?:the\s+(?:past|last|next)\s+|some\s+|several\s+|many\s+|a\s+few\s+|\d+\s+|a\s+|an\s+|two\s+|"
                       r"three\s+)?(?:months?|weeks?|days?|years?|hours?|time|good|ever|now)\b)")
_HOMEWARD = re.compile(r"\b(?:home|homeward|homes|return\w*|back\s+to|withdraw\w*|pull\w*\s+out|end\w*)\b")
#: A part of a total just given: "188 soldiers including 186 men and two women", "of whom 24 are women".
_PART_BEFORE = re.compile(r"\b(?:including|includes|among\s+them|among\s+whom|of\s+whom|of\s+them|of\s+which)\s+$")
#: A body's vote sizes the mission, it sends nobody: "the Security Council resolution increasing peacekeepers by 5,500".
_VOTED = re.compile(r"\b(?:resolution|authori[sz]\w*|security\s+council|mandate\w*)\b")
_VOTING_BODIES = frozenset({"United Nations"})
#: A target someone hopes for: "the United Nations hopes 3,500 troops can deploy" (the mission's planned size).
_HOPES = re.compile(r"\b(?:hopes?|hoped|hoping)\b")
#: A national total over other operations: "over 200,000 troops deployed in more than 40 global operations".
_OTHER_OPERATIONS = re.compile(r"[^.;]{0,40}?\bin\s+(?:more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+|at\s+least\s+)?"
                               r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|several)\s+"
                               r"(?:[\w-]+\s+){0,2}?(?:operations|missions|conflicts|theatres|theaters)\b")
#: A plea by someone else: "in response to Ban Ki-moon's plea for 3,500 extra troops".
_PLEA_BEFORE = re.compile(r"\b(?:plea|pleas|appeal|appeals|request|requests|call|calls|demand|demands)\s+for\s+"
                          r"(?:up\s+to\s+|some\s+|about\s+|around\s+|an?\s+|at\s+least\s+)?(?:additional\s+|extra\s+|more\s+)?$")
#: A rotation: "has ended its mission ... and is being replaced by the third battalion".
_REPLACED_BY = re.compile(r"\b(?:is|are|was|were|be|being|been)\s+(?:being\s+)?(?:replaced|relieved)\s+by\b")
#: Money, not personnel: "the Dominican Republic has pledged $10 million", "Japan gave 5 million dollars".
_MONEY_AFTER = re.compile(r"(?:['’]s)?\s+(?:\w+\s+){0,3}?(?:pledged|committed|contributed|offered|provided|donated|gave|"
                          r"pledges|commits|contributes|offers|provides|donates|gives)\s+(?:an?\s+)?(?:additional\s+|"
                          r"further\s+|another\s+|nearly\s+|about\s+|some\s+|over\s+|more\s+than\s+)?(?:US\s?|C|A)?[$€£¥]")
_SENDS = re.compile(r"\b(?:send\w*|sent|deploy\w*|dispatch\w*|troops|soldiers|police|peacekeepers|officers|trainers)\b")
#: After a figure: where it comes from is many countries ("10,000 troops from 22 nations", "830 soldiers from
#: countries including ...", "50,000 from other countries"): a multinational total, the mission's, never one named
#: country's (GUIDELINE section 3).
_FROM_MANY_COUNTRIES = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?from\s+(?:(?:some\s+|about\s+|more\s+than\s+|over\s+)?(?:the\s+other|other|various|"
    r"several|many|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of)\s+)?"
    r"(?:other\s+)?(?:countries|nations|states|contributors|allies)\b")
_ASKED_TO_GIVE = re.compile(r"\b(?:asked|urged|called\s+on|pressed|requested|invited)\s+(?P<who>(?:\S+\s+){0,4}?)to\s+"
                            r"(?:contribute|send|provide|deploy|commit|offer|pledge)\b[^.;]*$")
_AGREED = re.compile(r"\b(?:agreed|agrees|accepted|accepts|complied|consented|approved|answered)\b")
_OUR_PEOPLE = re.compile(r"\s+(?:up\s+to\s+)?(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?P<more>or\s+(?:even\s+)?more\s+)?of\s+"
                         r"(?:our|its|their|his|her)\s+(?:own\s+)?(?:sons\s+and\s+daughters|men\s+and\s+women|sons|"
                         r"young\s+men)\b")
_MODEL_BEFORE = re.compile(r"\b[A-Z]{1,3}-$")
_MEMBERS_FROM = re.compile(r"\s+from\s+(?:the\s+)?(?:other\s+)?(?P<n>[A-Z][\w.]*)\s+(?:member\s+)?"
                           r"(?:countries|states|nations|allies|members)\b")
_REMAIN_OF = re.compile(r"\b(?:of|out\s+of|down\s+from)\s+(?:the|an?)\s+(?:original|initial|first)\b")
_REMAINS = re.compile(r"\b(?:remain|remains|remaining|left)\b")
#: A unit's usual size, not a contingent: "each French battalion counts 800 soldiers", "teams usually comprise 20-30".
_PER_UNIT_BEFORE = re.compile(r"(?:\b(?:each|every|a|one)\s+(?:[\w-]+\s+)?(?:battalion|company|brigade|division|platoon|squad|"
                              r"team|unit|regiment)s?\s+(?:[\w-]+\s+)?|\b(?:usually|typically|normally|generally)\s+)"
                              r"(?:comprises?|counts?|"
                              r"numbers?|consists?\s+of|has|have|includes?|is\s+made\s+up\s+of)\s+(?:about\s+|around\s+|some\s+|"
                              r"up\s+to\s+|between\s+)?$")
_GROUPS_OF = re.compile(r"[\w,]+\s+(?:[\w-]+\s+){0,2}?(?:teams|units|squads|cells|groups)\b")
_TOTAL_BEFORE = re.compile(r"\btotal\b[^.;]{0,40}$")
_POSSESSOR_BEFORE = re.compile(r"(?<![\w-])(?P<n>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s\s+"
                               r"(?:(?:new\s+|initial\s+|proposed\s+)?(?:contribution|offer|pledge|commitment|deployment|"
                               r"dispatch)\s+of\s+)?"
                               r"(?:(?:remaining|last|final|own|entire|whole|about|some|nearly|around|up\s+to)\s+)?$")
_OTHER_CLAUSE = re.compile(r"(?:\s(?:as|while|whereas|but|although|though)|;)\s+(?:the\s+)?$")
_DUE_HOME = re.compile(r"[^.;,]{0,40}?\b(?:is|are|was|were|will\s+be)\s+(?:due|set|scheduled|expected)\s+"
                       r"(?:to\s+(?:return|go|fly|head)\s+)?(?:back\s+)?home\b")
_FORMED = re.compile(r"\b(?:formation|forming|form|creation|create|creating|establishment|establishing|set\s+up|"
                     r"setting\s+up|proposed|planned|envisaged)\b")
_EVACUEES = re.compile(r"\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:civilians|citizens|nationals|foreigners|residents|people|"
                       r"diplomats|expatriates|the\s+wounded|refugees|families)\b")
_ELSEWHERE = re.compile(r"(?<!and\s)(?<!or\s)\belsewhere\b|\bto\s+other\s+(?:missions|operations|conflicts)\b")
_WHOLE_DEPLOYMENT_BEFORE = re.compile(r"\b(?:full|total|planned|eventual|complete|entire)\s+(?:deployment|contingent|"
                                      r"force)\s+of\s+(?:about\s+|around\s+|some\s+|up\s+to\s+)?$")
#: A relative clause sizing the force or mission just named: "the EUFOR mission, which involves 2,500 troops".
_WHICH_HAS_BEFORE = re.compile(r"\b(?:force|mission|operation|[a-z]+for)(?:\s*,\s*which|\s+(?:that|which))\s+(?:now\s+|currently\s+)?"
                               r"(?:involves|comprises|numbers|counts|includes|consists\s+of|is\s+made\s+up\s+of|has)\s+"
                               r"(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|more\s+than\s+|over\s+)?$")
#: A past contribution: "Australia contributed more than 5,000 personnel", "Nigeria contributed 200 troops".
_CONTRIBUTED_BEFORE = re.compile(r"\b(?:has\s+|had\s+)?contributed\s+(?:a\s+total\s+of\s+)?(?:about\s+|around\s+|some\s+|"
                                 r"nearly\s+|over\s+|more\s+than\s+|at\s+least\s+|up\s+to\s+)?$")


def _precise(claims: list[ProposedClaim], forms: dict[str, Entry], missions: list[tuple[int, str]],
             doc_mission: str | None) -> list[ProposedClaim]:
    """Checks over the finished claims of a text that drop or mend the proposals that are not the subject's figure
    or kind: a date's day, a part of a total just given, a figure for other operations, someone else's plea, a body
    that voted a mission's size, a departure for the mission area, a rotation, money."""
    out: list[ProposedClaim] = []
    for c in claims:
        q, ql = c.quote, c.quote.lower()
        at = _figure_at(c)
        if at >= 0:
            before = q[max(0, at - 40):at]
            if _DATE_AFTER.match(q, at) or _DATE_BEFORE.search(before):
                c = replace(c, low=None, high=None, approx=False, personnel=None, quantity_text=None, conversion=None)
                at = -1
        if at >= 0:
            before_l = ql[max(0, at - 40):at]
            end = at + len(c.quantity_text or "")
            if _PART_BEFORE.search(before_l) and any(
                    o is not c and o.quote == q and o.subject == c.subject and o.low is not None and c.low is not None and
                    o.low > c.low and 0 <= _figure_at(o) < at for o in claims):
                continue  # "188 soldiers including 186 men": the 188 only
            if _OTHER_OPERATIONS.match(ql, end) or _PER_UNIT_BEFORE.search(before_l) or (
                    c.subject_kind == "country" and _FROM_MANY_COUNTRIES.match(ql, end)):
                continue  # a total over other operations or other countries, or a unit's usual size
            if c.high is not None and c.high <= 20 and _GROUPS_OF.match(ql, at):
                # "two police training teams": a count of teams, not of people (a unit word would have converted)
                c = replace(c, low=None, high=None, approx=False, personnel=None, conversion=None)
            owner = _POSSESSOR_BEFORE.search(q, max(0, at - 40), at)
            if owner is not None and owner.group("n") in forms and forms[owner.group("n")].kind == "country" and (
                    forms[owner.group("n")].subject not in (None, c.subject)) and not any(
                    o.quote == q and o.subject == forms[owner.group("n")].subject and o.kind == c.kind and
                    o.low == c.low and o.high == c.high for o in claims):
                # "removed a final 876 troops and Bulgaria's 380": the 380 are Bulgaria's
                subject = forms[owner.group("n")].subject or c.subject
                c = replace(c, subject=subject, subject_kind="country", subject_text=owner.group("n"))
            elif c.subject_text and (i := q.find(c.subject_text, end)) > end and _OTHER_CLAUSE.search(
                    q[max(end, i - 16):i]) and any(m.group() in forms and forms[m.group()].kind == "country" and
                                                   forms[m.group()].subject != c.subject for m in name_matches(q[:at])):
                # "Chad to deploy 800 personnel to Haiti as Kenya scales down": the 800 are not Kenya's
                c = replace(c, low=None, high=None, approx=False, personnel=None, quantity_text=None, conversion=None)
            if c.kind == "arrival" and _WHOLE_DEPLOYMENT_BEFORE.search(before_l):
                c = replace(c, kind="pledge")  # "part of the full deployment of 150 Guatemalan military personnel"
            which = _WHICH_HAS_BEFORE.search(ql, max(0, at - 60), at)
            if which is not None and c.subject_kind == "country" and (
                    target := _mission_at(missions, c.start, c.end) or doc_mission) is not None and not any(
                    o.quote == q and o.subject == target and o.low == c.low and o.high == c.high for o in claims):
                # "Germany is providing most soldiers for the EUFOR mission, which involves 2,500 troops": the mission's
                # present size; Germany keeps its claim without the figure
                out.append(replace(c, low=None, high=None, approx=False, personnel=None, quantity_text=None,
                                   conversion=None))
                c = replace(c, subject=target, subject_kind=_inherited_mention(target, forms).entry.kind,
                            kind="arrival", subject_text="")
            asked = _ASKED_TO_GIVE.search(q, max(0, at - 120), at)
            if asked is not None and not _AGREED.search(ql, end) and (
                    (c.subject_text and c.subject_text in asked.group("who")) or (asked.group("who").strip() and not any(
                        forms[m.group()].kind == "country" for m in name_matches(asked.group("who"))
                        if m.group() in forms))):
                # "Obama asked his NATO allies to contribute between 5,000 and 7,000 more": the askees' figure, a
                # request, whoever the sentence's subject is ("Kenya was asked to send 1,000" is Kenya's to weigh; a
                # named country asked may answer: "asked Kenya to send 1,000, and Nairobi agreed")
                continue
            if _MODEL_BEFORE.search(q, max(0, at - 3), at):
                # "a C-130 Hercules": an aircraft's model number
                c = replace(c, low=None, high=None, approx=False, personnel=None, quantity_text=None, conversion=None)
            members = _MEMBERS_FROM.match(q, end)
            if members is not None and members.group("n") in forms and forms[members.group("n")].kind != "country" and (
                    forms[members.group("n")].subject not in (None, c.subject)):
                # "promises totaling more than 7,000 extra troops from NATO member countries": the organization's
                c = replace(c, subject=forms[members.group("n")].subject or c.subject, subject_kind="organization",
                            subject_text=members.group("n"))
            if c.kind == "arrival" and _REMAIN_OF.search(ql, 0, at + 120) and _REMAINS.search(ql):
                c = replace(c, kind="reduction_or_withdrawal")  # "About 500 troops remain of the original 7,000"
            if c.kind in ("pledge", "arrival", "other") and _DUE_HOME.match(ql, end):
                c = replace(c, kind="reduction_or_withdrawal")  # "Ukraine's remaining 876 troops are due home"
            if c.kind == "other" and c.subject in MISSIONS and _FORMED.search(ql, 0, at):
                c = replace(c, kind="pledge")  # "the formation of an International Stabilization Force of 20,000 troops"
            if c.trigger and c.trigger.lower() in ("bringing", "brings", "bring") and _TOTAL_BEFORE.search(before_l):
                move = [o for o in claims if o is not c and o.quote == q and o.subject == c.subject and
                        o.kind in ("pledge", "consideration") and 0 <= _figure_at(o) < at]
                if move:  # "has pledged to send another 500 soldiers, bringing its total contribution to 10,000"
                    c = replace(c, kind=move[0].kind)
            if _PLEA_BEFORE.search(before_l):  # someone else's plea: the subject's reply keeps no figure
                c = replace(c, low=None, high=None, approx=False, personnel=None, quantity_text=None, conversion=None)
            if c.kind == "other" and c.subject_kind == "country" and _CONTRIBUTED_BEFORE.search(before_l):
                c = replace(c, kind="arrival")
            if c.subject in _VOTING_BODIES and c.kind == "pledge" and _VOTED.search(ql):
                target = _mission_at(missions, c.start, c.end) or doc_mission
                if target is None or target == c.subject:
                    continue
                c = replace(c, subject=target, subject_kind=_inherited_mention(target, forms).entry.kind)
            if c.kind == "consideration" and c.subject in MISSIONS and _HOPES.search(ql, 0, at):
                c = replace(c, kind="pledge")  # "the United Nations hopes 3,500 troops can deploy"
        if c.trigger and c.trigger.lower().startswith("evacuat") and _EVACUEES.match(
                ql, ql.find(c.trigger.lower()) + len(c.trigger)):
            continue  # "the main mission of German soldiers is the evacuation of civilians": nobody leaves
        if c.low is None and c.high is None and c.kind in ("pledge", "consideration", "arrival") and c.trigger and (
                (t := ql.find(c.trigger.lower())) >= 0) and (own := _OUR_PEOPLE.match(q, t + len(c.trigger))):
            # "Indonesia is prepared to deploy 20,000 or even more of our sons and daughters": the country's own people
            n = int(own.group("n").replace(",", ""))
            c = replace(c, low=n, high=None if own.group("more") else n, personnel="troops",
                        quantity_text=own.group().strip())
        if c.low is None and c.high is None and c.trigger and _ELSEWHERE.search(ql, max(0, ql.find(c.trigger.lower()))):
            continue  # "willing to send peacekeepers elsewhere, including in Ukraine": not this mission
        if c.kind == "reduction_or_withdrawal":
            trig = _LEAVING.search(ql) if c.trigger and _LEAVING.fullmatch(c.trigger.lower()) else None
            if trig is not None:
                go = _LEFT_FOR.match(ql, trig.end())
                if go is not None and not _HOMEWARD.search(ql, trig.end(), go.end() + 30) and not any(forms[m.group()].subject == c.subject
                                                  for m in name_matches(q[go.end():go.end() + 40]) if m.group() in forms):
                    c = replace(c, kind="arrival")  # "left Townsville ... bound for the Solomons"
            elif _REPLACED_BY.search(ql):
                by = _REPLACED_BY.search(ql)
                others = [m for m in name_matches(q[by.end():]) if m.group() in forms and
                          forms[m.group()].kind == "country" and forms[m.group()].subject != c.subject]
                if others:
                    continue  # the outgoing contingent: the incoming one is the claim
                c = replace(c, kind="arrival")  # "has ended its mission and is being replaced by the third battalion"
        if c.low is None and c.high is None and c.subject_text:
            i = q.find(c.subject_text)
            if i >= 0 and _MONEY_AFTER.match(q, i + len(c.subject_text)) and not _SENDS.search(ql, i):
                continue  # "the Dominican Republic has pledged $10 million" (not "... and offered to send police")
        out.append(c)
    # A subject with a figure in a sentence gets no figure-less claim of the same kind there (GUIDELINE section 2):
    # the claims whose figure a check above took away.
    figured = {(c.quote, c.subject, c.kind) for c in out if c.low is not None or c.high is not None}
    return [c for c in out if c.low is not None or c.high is not None or (c.quote, c.subject, c.kind) not in figured or
            any(c is o for o in claims)]


_ISF_FROM = date(2025, 1, 1)
_GROUP_OF_KIND = {"pledge": "pledge", "arrival": "arrival", "reduction_or_withdrawal": "reduction"}


#: A list line: "France - 2,000 troops", "POLAND: Polish Foreign Minister ... announced", "• Chad: 1,500 soldiers",
#: "2. Peru = 300", "Czechia (120)", "Senegal<TAB>1,200".
_LABEL = re.compile(r"^[ \t]*(?P<bullet>(?:[-•*·▪►|_]|\d{1,2}[.)])[ \t]*)?(?P<name>[A-Z][A-Za-z'’.]*(?: +[A-Za-z][A-Za-z'’.]*){0,3}?)"
                    r"[ \t]*(?:[-–—:=|]|(?<=\t)(?=[ \t]*\d)|[(,](?=[ \t]*\d)|(?<=[A-Za-z] )(?=[ \t]*\d))[ \t]*(?=\S)", re.MULTILINE)
_ON_THE_GROUND = re.compile(r"(?i:on\s+the\s+ground|in\s+place|current(?:ly)?|strengths?|serving|stationed|present)")
_LABEL_HINT = re.compile(r"^[ \t]*(?:(?:[-•*·▪►|_]|\d{1,2}[.)])[ \t]*)?[A-Z][^\n]{0,40}?(?:[ \t]*[-–—:(=\t|]|[A-Za-z] \d)",
                         re.MULTILINE)
#: The rest of a list line that is only a number: "(120)", "= 300", "1,200", "about 450.".
_LABEL_BARE = re.compile(r"(?:(?P<q>about|around|some|nearly|approximately|up\s+to|at\s+least|over|more\s+than)\s+)?"
                         r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})[ \t]*\)?[ \t]*[.;|]?[ \t]*$", re.IGNORECASE)
_LETTER = re.compile(r"[A-Za-z]")
#: A heading's personnel: "Police pledged:" gives police, anything else troops.
_HEADING_POLICE = re.compile(r"(?i:\bpolice|\bofficers\b|gendarm)")
#: A heading over a list: "Here is a breakdown of countries prepared to contribute troops:".
_HEADING = re.compile(r"^[^\n]*:[ \t]*$|^[^\n\d]*\|[^\n\d]*$", re.MULTILINE)


def _labels(text: str, forms: dict[str, Entry]) -> dict[int, tuple[int, str, str | None, str, int]]:
    """Return, per list line (by its start), the line's end, the subject its label names, the kind its heading
    gives (None without a heading), the heading's personnel and where the line's text after the label starts."""
    found: dict[int, tuple[int, str, str | None, str, int]] = {}
    lead: list[str | None] = []  # the kind the report's first line with a trigger gives, found once
    for m in _LABEL.finditer(text):
        name = m.group("name")
        between = text[m.end("name"):m.end()]
        if not between.strip() and "\t" not in between and not name.isupper() and not m.group("bullet"):
            continue  # "NEPAL 900" needs the capitals or a bullet ("_Poland 600."); "Nepal 900" is running text
        entry = forms.get(name) or forms.get(name.title()) or forms.get(name.title().replace(" Of ", " of "))
        if entry is None or entry.kind == "blocked" or entry.role not in ("name", "org", "code"):
            continue
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        group, personnel = None, "troops"
        for h in _HEADING.finditer(text, 0, m.start()):
            if not _LETTER.search(h.group()):
                continue  # a table's rule line ("|---|---|")
            hits = [t for t in find_triggers(_lower(h.group())) if t.group not in ("command", "territory")]
            # A sub-heading without a kind ("In past week:") keeps the kind of the heading above it.
            group = hits[0].group if hits else "arrival" if _ON_THE_GROUND.search(h.group()) or _PRESENT_LIST.search(
                _lower(h.group())) else group
            personnel = "police" if _HEADING_POLICE.search(h.group()) else "troops"
        if group is None and m.group("bullet"):
            # Bulleted lines under a title that gives the kind ("Key allied pledges to the force ...").
            first = text[:max(0, text.find("\n"))]
            hits = [t for t in find_triggers(_lower(first)) if t.group not in ("command", "territory")]
            group = hits[0].group if hits and not _LABEL.match(first) else None
        if group is None:
            # A heading without a kind ("In past week:") or none: the list's kind is the one the report opens with
            # ("Key allied pledges to the force ...", "25 countries have pledged 7,000 more troops").
            if not lead:
                lead.append(_lead_group(text, text.rfind("\n", 0, m.start()) + 1))
            group = lead[0]
        found[text.rfind("\n", 0, m.start()) + 1] = (end, entry.subject or "", group, personnel, m.end())
    return found


def _lead_group(text: str, end: int) -> str | None:
    """The kind of the first trigger in the lines before `end` that are not list lines."""
    for line in text[:end].splitlines():
        if not line.strip() or _LABEL.match(line):
            continue
        hits = [t for t in find_triggers(_lower(line)) if t.group not in ("command", "territory")]
        if hits:
            return hits[0].group
    return None


def _bare_label_claims(text: str, ps: int, pe: int, label: tuple[int, str, str | None, str, int],
                       forms: dict[str, Entry], published: date) -> list[ProposedClaim]:
    """A list line that is a name and a bare number under a heading that gives the kind ("Troop pledges:" then
    "Czechia (120)"): one claim of the line's country, with the heading's kind and personnel."""
    _, subject, group, personnel, rest = label
    if group is None or not subject:
        return []
    m = _LABEL_BARE.match(text, rest, pe)
    if m is None:
        return []
    value = int(m.group("n").replace(",", ""))
    if "," not in m.group("n") and 1945 <= value <= 2045:
        return []  # "Kenya: 2024": a year
    q = " ".join((m.group("q") or "").lower().split())
    low, high = value, value
    if q in ("more than", "over", "at least"):
        high = None
    elif q == "up to":
        low = None
    spans = split_sentences(text[ps:pe])
    if not spans:
        return []
    s, e = ps + spans[0][0], ps + spans[-1][1]
    sentence = text[s:e]
    start = (m.start("q") if m.group("q") else m.start("n")) - s
    fig = Figure(start=start, end=m.end("n") - s, low=low, high=high, approx=q in ("about", "around", "some", "nearly",
                 "approximately"), personnel=personnel, text=text[s + start:m.end("n")])
    return [_claim(text, s, e, sentence, (0, len(sentence)), _inherited_mention(subject, forms), _KIND_OF_GROUP[group],
                   fig, group == "negation", False, published, "label", None, None)]


#: Words that make a figure without a named subject the strength of the mission the report is about.
_FORCE_HEAD = re.compile(r"\b(?:force|mission|total|target|strength|contingent|deployment|troops|soldiers|"
                         r"peacekeepers|personnel)\b")
#: Which body fields which mission: "UN troops" in a report about MINUSMA are MINUSMA's.
_PARENT_OF = {"UNIFIL": "United Nations", "MINUSMA": "United Nations", "MINUSTAH": "United Nations",
              "MONUSCO": "United Nations", "UNMISS": "United Nations", "MINUSCA": "United Nations", "KFOR": "NATO",
              "ISAF": "NATO", "AMISOM": "African Union", "ATMIS": "African Union", "AUSSOM": "African Union", "EUFOR": "European Union",
              "SAMIM": "SADC", "ECOMIG": "ECOWAS", "ECOMOG": "ECOWAS", "AFISMA": "ECOWAS", "ECOMIL": "ECOWAS",
              "MISCA": "African Union", "RSM": "NATO", "Artemis": "European Union", "IFOR": "NATO", "SFOR": "NATO",
              "UNPROFOR": "United Nations", "UNAMSIL": "United Nations", "MONUC": "United Nations",
              "UNAMID": "United Nations", "SAMIDRC": "SADC", "ESF": "ECOWAS", "UNAMIR": "United Nations",
              "MINURCAT": "United Nations", "UNFICYP": "United Nations", "UNDOF": "United Nations",
              "UNMEE": "United Nations", "UNMIL": "United Nations", "UNOCI": "United Nations", "ONUB": "United Nations",
              "UNMIS": "United Nations", "UNISFA": "United Nations", "UNPREDEP": "United Nations",
              "UNTAES": "United Nations", "IPTF": "United Nations", "ECOMIB": "ECOWAS", "AMIS": "African Union",
              "AMIB": "African Union", "Essential Harvest": "NATO", "Amber Fox": "NATO", "UNTSO": "United Nations",
              "MINUJUSTH": "United Nations", "Atalanta": "European Union", "Sophia": "European Union",
              "Irini": "European Union", "Aspides": "European Union"}
#: A body's mission in a host country over a span of time: "UN peacekeepers in South Sudan" in a report that names no
#: mission are UNMISS's; "ECOWAS troops" in The Gambia in 2017 are ECOMIG's.
_BODY_MISSIONS: dict[tuple[str, str], tuple[tuple[str, date, date], ...]] = {
    ("United Nations", "SSD"): (("UNMISS", date(2011, 7, 9), date(2100, 1, 1)),),
    ("United Nations", "MLI"): (("MINUSMA", date(2013, 4, 25), date(2023, 12, 31)),),
    ("United Nations", "HTI"): (("MINUSTAH", date(2004, 4, 30), date(2017, 10, 15)),
                                ("MINUJUSTH", date(2017, 10, 16), date(2019, 10, 15))),
    ("United Nations", "LBN"): (("UNIFIL", date(1978, 3, 19), date(2100, 1, 1)),),
    ("United Nations", "COD"): (("MONUSCO", date(2010, 7, 1), date(2100, 1, 1)),),
    ("United Nations", "CAF"): (("MINUSCA", date(2014, 4, 10), date(2100, 1, 1)),),
    ("African Union", "SOM"): (("AMISOM", date(2007, 1, 19), date(2022, 3, 31)),
                               ("ATMIS", date(2022, 4, 1), date(2024, 12, 31))),
    ("NATO", "XKX"): (("KFOR", date(1999, 6, 12), date(2100, 1, 1)),),
    ("NATO", "AFG"): (("ISAF", date(2001, 12, 20), date(2014, 12, 31)), ("RSM", date(2015, 1, 1), date(2021, 9, 1))),
    ("ECOWAS", "LBR"): (("ECOMIL", date(2003, 8, 4), date(2003, 10, 1)),),
    ("African Union", "CAF"): (("MISCA", date(2013, 12, 5), date(2014, 9, 15)),),
    ("ECOWAS", "GMB"): (("ECOMIG", date(2017, 1, 1), date(2100, 1, 1)),),
    ("ECOWAS", "MLI"): (("AFISMA", date(2012, 12, 20), date(2013, 6, 30)),),
    ("SADC", "MOZ"): (("SAMIM", date(2021, 7, 1), date(2024, 7, 31)),),
    ("European Union", "BIH"): (("EUFOR", date(2004, 12, 2), date(2100, 1, 1)),),
    ("European Union", "COD"): (("EUFOR", date(2006, 4, 25), date(2006, 11, 30)),),
    ("European Union", "TCD"): (("EUFOR", date(2007, 9, 25), date(2009, 3, 15)),),
    ("European Union", "CAF"): (("EUFOR", date(2007, 9, 25), date(2009, 3, 15)), ("EUFOR", date(2014, 2, 10),
                                                                                  date(2015, 3, 23))),
    # (the missions of dev-3901..4420: mandate dates of the Security Council and AU resolutions; the start of AMIS
    # and the end of ECOMIB approximate)
    ("United Nations", "LBR"): (("UNMIL", date(2003, 9, 19), date(2018, 3, 30)),),
    ("United Nations", "CIV"): (("UNOCI", date(2004, 2, 27), date(2017, 6, 30)),),
    ("United Nations", "BDI"): (("ONUB", date(2004, 5, 21), date(2006, 12, 31)),),
    ("African Union", "BDI"): (("AMIB", date(2003, 4, 2), date(2004, 5, 31)),),
    ("African Union", "SDN"): (("AMIS", date(2004, 6, 1), date(2007, 12, 31)),),
    ("United Nations", "SDN"): (("UNMIS", date(2005, 3, 24), date(2011, 7, 9)), ("UNAMID", date(2007, 7, 31),
                                                                               date(2020, 12, 31))),
    ("United Nations", "MKD"): (("UNPREDEP", date(1995, 3, 31), date(1999, 2, 28)),),
    ("United Nations", "HRV"): (("UNTAES", date(1996, 1, 15), date(1998, 1, 15)),),
    ("NATO", "MKD"): (("Essential Harvest", date(2001, 8, 22), date(2001, 9, 26)),
                      ("Amber Fox", date(2001, 9, 27), date(2002, 12, 15))),
    ("ECOWAS", "GNB"): (("ECOMIB", date(2012, 5, 1), date(2020, 9, 30)),),
}


#: The multinational missions serving in a host country over a span of time (GUIDELINE section 6), for a report that
#: names no mission: "An Australian-led force of 2,225 troops" arriving in Solomon Islands in 2003 is RAMSI.
_HOST_MISSIONS: dict[str, tuple[tuple[str, date, date], ...]] = {
    "SLB": (("RAMSI", date(2003, 7, 1), date(2017, 6, 30)),),
    "TLS": (("INTERFET", date(1999, 9, 1), date(2000, 2, 28)),),
    "PSE": (("International Stabilization Force", date(2025, 1, 1), date(2100, 1, 1)),),
    "HTI": (("MINUSTAH", date(2004, 4, 30), date(2017, 10, 15)), ("MSS", date(2023, 10, 2), date(2025, 9, 30)),
            ("GSF", date(2025, 9, 30), date(2100, 1, 1))),
    "GMB": (("ECOMIG", date(2017, 1, 1), date(2100, 1, 1)),),
    "MOZ": (("SAMIM", date(2021, 7, 1), date(2024, 7, 31)),),
    "LBN": (("UNIFIL", date(1978, 3, 19), date(2100, 1, 1)),),
    "XKX": (("KFOR", date(1999, 6, 12), date(2100, 1, 1)),),
    "AFG": (("ISAF", date(2001, 12, 20), date(2014, 12, 31)),),
    "IRQ": (("MNF-I", date(2003, 3, 20), date(2009, 12, 31)),),
    "SOM": (("AMISOM", date(2007, 1, 19), date(2022, 3, 31)), ("ATMIS", date(2022, 4, 1), date(2024, 12, 31))),
    "SSD": (("UNMISS", date(2011, 7, 9), date(2100, 1, 1)),),
    "CAF": (("MINUSCA", date(2014, 4, 10), date(2100, 1, 1)), ("EUFOR", date(2007, 9, 25), date(2009, 3, 15)),
            ("EUFOR", date(2014, 2, 10), date(2015, 3, 23))),
    "COD": (("MONUSCO", date(2010, 7, 1), date(2100, 1, 1)), ("EUFOR", date(2006, 4, 25), date(2006, 11, 30))),
    "MLI": (("AFISMA", date(2012, 12, 20), date(2013, 6, 30)), ("MINUSMA", date(2013, 7, 1), date(2023, 12, 31))),
    "TCD": (("EUFOR", date(2007, 9, 25), date(2009, 3, 15)),),
    "BIH": (("EUFOR", date(2004, 12, 2), date(2100, 1, 1)),),
    "ALB": (("Alba", date(1997, 4, 15), date(1997, 8, 12)),),
    "LBR": (("UNMIL", date(2003, 10, 1), date(2018, 3, 30)),),
    "CIV": (("UNOCI", date(2004, 4, 4), date(2017, 6, 30)),),
    "BDI": (("AMIB", date(2003, 4, 2), date(2004, 5, 31)), ("ONUB", date(2004, 6, 1), date(2006, 12, 31))),
}


def _body_mission(mentions: list[tuple[int, int, str]], forms: dict[str, Entry], hosts: frozenset[str],
                  published: date) -> str | None:
    """The one mission that a body the report names fields in a host the report names at the report's date, else
    the one mission serving in the report's host at that date."""
    bodies = {forms[name].subject for _, _, name in mentions if forms[name].subject in PARENT_BODIES}
    found = {mission for body in bodies for host in hosts for mission, start, end in _BODY_MISSIONS.get((body, host), ())
             if start <= published <= end}
    if not found:
        found = {mission for host in hosts for mission, start, end in _HOST_MISSIONS.get(host, ())
                 if start <= published <= end}
    return found.pop() if len(found) == 1 else None


#: Before a country's name: the place a force goes to or stays in ("arrived in Haiti", "deployed to Lebanon").
_HOST_BEFORE = re.compile(r"\b(?:in|to|into|inside|throughout|across|within|for)\s+(?:the\s+)?(?:southern\s+|northern\s+|"
                          r"eastern\s+|western\s+|central\s+|south\s+|north\s+|(?<=the\s)[a-z]+\s+)?$")
#: A force on the move or on the ground, shortly before the place ("troops arrived in Haiti").
_MOVE_BEFORE = re.compile(r"(?i:troops|soldiers|forces|police|peacekeep\w*|personnel|contingent|deploy\w*|arriv\w*|"
                          r"sent|send\w*|landed|mission|force|withdraw\w*|stationed|serving)\b[^.;]*$")
#: Before "to <country>": going there ("sent 850 soldiers to Somalia", "carrying troops to Lebanon").
_MOVE_TO_BEFORE = re.compile(r"(?i:deploy\w*|sent|send\w*|carrying|dispatch\w*|arriv\w*|fl[oy]\w*|head\w*|bound|"
                             r"mov\w*|troops|soldiers|peacekeepers|police|personnel|contingent)\b[^.;]*$")
#: Before "to <country>": going home, not to a host ("flown back to Burundi", "a flight from Somalia to Burundi's capital").
_HOMEWARD_BEFORE = re.compile(r"(?:\b(?i:back|home|return\w*|repatriat\w*|withdr[ae]w\w*|leav\w*|left)\b|"
                              r"\bfrom\s+(?:the\s+)?[A-Z]\w+)[^.;]*$")
#: A report naming one of these places is about the Palestinian territory, whose own police are not contributors.
_PALESTINE = re.compile(r"\bGaza\b|\bWest Bank\b")


def _hosts(text: str, mentions: list[tuple[int, int, str]], forms: dict[str, Entry]) -> frozenset[str]:
    """The countries a report names as the place a force goes to: their own forces are not contributions."""
    found = set()
    for ms, _, name in mentions:
        entry = forms[name]
        prep = _HOST_BEFORE.search(text, max(0, ms - 30), ms)
        if entry.kind == "country" and entry.role == "name" and prep and (
                _MOVE_BEFORE.search(text, max(0, ms - 90), ms) if not prep.group().startswith("to ") else
                _MOVE_TO_BEFORE.search(text, max(0, ms - 60), ms) and not _HOMEWARD_BEFORE.search(text, max(0, ms - 60), ms)):
            found.add(entry.subject or "")
    if _PALESTINE.search(text):
        found.add("PSE")
    for _, _, name in mentions:
        host = _MISSION_HOST.get(forms[name].subject or "")
        if host:
            found.add(host)
    return frozenset(found)


#: Where each mission serves: its host's own forces are not contributions.
_MISSION_HOST = {"MSS": "HTI", "GSF": "HTI", "MINUSTAH": "HTI", "UNIFIL": "LBN", "AMISOM": "SOM", "ATMIS": "SOM",
                 "MINUSMA": "MLI", "AFISMA": "MLI", "KFOR": "XKX", "ISAF": "AFG", "MNF-I": "IRQ", "MONUSCO": "COD",
                 "UNMISS": "SSD", "MINUSCA": "CAF", "International Stabilization Force": "PSE", "SAMIM": "MOZ",
                 "ECOMIG": "GMB", "INTERFET": "TLS", "RAMSI": "SLB", "ECOMIL": "LBR", "MISCA": "CAF", "RSM": "AFG",
                 "Artemis": "COD", "MFO": "EGY", "IFOR": "BIH", "SFOR": "BIH", "UNAMSIL": "SLE", "MONUC": "COD",
                 "UNAMID": "SDN", "EACRF": "COD", "SAMIDRC": "COD", "Coalition of the Willing": "UKR",
                 "UNITAF": "SOM", "UNAMIR": "RWA", "MINURCAT": "TCD", "TMG": "PNG", "UNFICYP": "CYP", "UNMEE": "ERI",
                 "UNMIL": "LBR", "UNOCI": "CIV", "ECOMIB": "GNB", "AMIS": "SDN", "UNMIS": "SDN", "ONUB": "BDI",
                 "AMIB": "BDI", "Alba": "ALB", "Amber Fox": "MKD", "Essential Harvest": "MKD", "UNPREDEP": "MKD",
                 "UNTAES": "HRV", "IPTF": "BIH"}


def _mission_at(missions: list[tuple[int, str]], s: int, e: int) -> str | None:
    """The mission a sentence speaks of: the last one named before its end (None when none was named yet)."""
    found = None
    for pos, subject in missions:
        if pos >= e:
            break
        found = subject
    return found


_SHARE_HINT = re.compile(r"%|percent|per cent|half|third|quarter|\d\s*pct?\b")
#: Every match of `rules.FORCE_CONTEXT` or `_SHARE_HINT` starts with one of these (on lower-cased text).
_HINT_WORDS = [*rules.FORCE_STEMS, "%", "percent", "per cent", "half", "third", "quarter", *(f"{d}pc" for d in "0123456789"),
               *(f"{d} pc" for d in "0123456789")]
_LINE_HINT = re.compile(trie_pattern(_HINT_WORDS))
#: The same words found at their rarest letter: a faster yes/no test for a whole line.
#: Verbs by which a country acts as a force even where its sentence names no troops (in a report that does).
_MOVE_VERB = re.compile(r"\b(?:withdr[ae]w\w*|pull(?:s|ed|ing)?\s+out|pullout|leave|leaving|left|depart\w*|exit\w*|"
                        r"deploy\w*|send|sends|sending|sent|arriv\w*|landed|"
                        r"redeploy\w*|drawdown|draw\s+down|scal\w+\s+back|clos\w+\s+(?:\w+\s+)?bases?)\b")
_MONEY = re.compile(r"[$€£]|\b(?:dollars?|euros?|pounds|billion|million|funding|aid)\b")
_LINE_ANCHOR = re.compile(rare_anchor_pattern(_HINT_WORDS))
_LONGEST_HINT = max(map(len, _HINT_WORDS))


def _lower(text: str) -> str:
    """Lower-case text keeping every character's offset (a few characters lower to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _force_or_share(low: str, pos: int, end: int) -> tuple[bool, bool]:
    """Whether `rules.FORCE_CONTEXT` and `_SHARE_HINT` match in the sentence low[s:end], as `search` on that slice.

    `pos`: `s`, or a later place before which neither can match. Both can only match where `_LINE_HINT` does, so
    only those places are tried; word boundaries come out as on the slice, since a sentence starts after a space.
    """
    share = False
    while True:
        m = _LINE_HINT.search(low, pos, end)
        if m is None:
            return False, share
        at = m.start()
        if rules.FORCE_CONTEXT.match(low, at, end):
            return True, share
        if not share and _SHARE_HINT.match(low, at, end):
            share = True
        pos = at + 1


_NON_SPACE = re.compile(r"\S")


def _paragraphs(text: str, mention_starts: list[int]) -> list[tuple[int, int]]:
    """Return the spans of the lines that hold a name, and of the next non-blank line after each (for "these
    forces"), in text order."""
    spans = []
    n = len(text)
    line_end = -1
    for ms in mention_starts:
        if ms < line_end:
            continue  # on a line already taken
        line_end = text.find("\n", ms)
        if line_end < 0:
            line_end = n
        spans.append((text.rfind("\n", 0, ms) + 1, line_end))
        following = _NON_SPACE.search(text, line_end)
        if following is not None:
            at = following.start()
            end = text.find("\n", at)
            spans.append((text.rfind("\n", 0, at) + 1, n if end < 0 else end))
    return sorted(set(spans))


def _adjacent(text: str, previous_end: int, start: int) -> bool:
    """Whether nothing but whitespace separates the previous claim sentence from this one."""
    return previous_end >= 0 and not text[previous_end:start].strip()


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in rules.CLAUSE_BREAK.finditer(sentence):
        spans.append((start, m.start()))
        start = m.start() if m.group().strip().startswith(",") is False else m.start() + 1
    spans.append((start, len(sentence)))
    return spans


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for lo, hi in clauses:
        if lo <= pos < hi:
            return lo, hi
    return clauses[-1]


#: "in Brussels, Belgium": a country after a city is a place too.
_CITY_BEFORE = re.compile(r"\b(?:in|at)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
                          r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                          r"[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?,\s+$")
#: After a trigger: training others' forces, money, funding: not personnel sent.
_NOT_PERSONNEL_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:train\b|training\b)|\s+(?:(?:about|some|up\s+to|its|their)\s+)?(?:[£$€]|"
    r"\d[\d,.]*\s*(?:million|billion|m\b|bn\b)|financial|funding|funds\b|money)")
#: After an offer: things only, with no figure soon after ("offering critical medical facilities", "provide aircraft").
_EQUIPMENT_ONLY_AFTER = re.compile(r"\s+(?:(?:critical|medical|field|military|logistical|logistic|transport|its|their|some|"
                                   r"two|three|several|a|an|the)\s+){0,3}(?:facilities|hospitals?|equipment|aircraft|"
                                   r"helicopters|planes|vehicles|ships|vessels|supplies|aid|assistance|ammunition|weapons)\b"
                                   r"(?![^.;]{0,60}\d)")
#: After an offer: a visit to look, not a force ("due to send an assessment mission to Haiti", "a fact-finding team").
_SURVEY_TEAM_AFTER = re.compile(r"\s+(?:(?:an?|the|its|their|a\s+small|a\s+joint)\s+)?(?:[\w-]+\s+)?(?:assessment|fact-finding|"
                                r"reconnaissance|evaluation|scoping|survey|needs-assessment|technical|planning)\s+"
                                r"(?:mission|team|delegation|visit|trip)\b(?![^.;]{0,60}\d)")
#: Besides training others, a task of its own ("train police and help secure border crossings"): a contribution.
_OWN_TASK = re.compile(r"\b(?:help|secure|patrol|protect|guard|deploy|send|police\s+the)\b")
#: Words near a figure that make it a count of the dead, the wounded or a wish rather than a force.
_CASUALTY_AFTER = re.compile(r"[^.;]{0,25}?\b(?:killed|died|dead|wounded|injured|casualties|missing|abducted|kidnapped|"
                             r"captured|taken\s+hostage|held\s+hostage|martyred|lost\s+their\s+lives)\b|"
                             r"\s+that\s+[^,.;]{0,40}?\b(?:hoped|wanted|requested|asked\s+for|sought)\b")
_CASUALTY_BEFORE = re.compile(r"\b(?:lives\s+of|wounded|killed|killing|injured|injuring|wounding|lost|losing|abducted|"
                              r"abducting|kidnapped|kidnapping|captured|capturing|ambushed|attacked|bodies\s+of|"
                              r"remains\s+of|deaths?\s+of|funerals?\s+of|murder\s+of)\s+(?:at\s+least\s+|some\s+|over\s+|"
                              r"more\s+than\s+|about\s+|around\s+|the\s+)?$")
#: "Its commitment of 50 personnel": the figure is an offer whatever the sentence's verb.
_OFFER_OF_BEFORE = re.compile(r"\b(?:commitment|pledge|offer|promise)\s+of\s+(?:up\s+to\s+|some\s+|about\s+)?$")
#: "Bulgaria's 380": the owner right before a figure.
_OWNER_BEFORE = re.compile(r"['’]s\s+")
#: "bringing the number of Salvadoran forces to 78": the demonym owns the new level after "to".
_NEW_LEVEL_OF = re.compile(r"\s+(?:forces|troops|soldiers|contingents?|personnel|police|peacekeepers|officers)\s+"
                           r"(?:in\s+(?:the\s+)?[\w-]+\s+)?(?:to|at)\s+(?:(?:about|some|nearly|around|roughly|over|"
                           r"more\s+than|almost)\s+)?")
_ASKS = re.compile(r"\b(?:urged|urging|asked|asking|called\s+on|pressed|pressing|demanded)\b")
#: "will train 5,000 police", "has recruited 1,200 officers": forces trained or raised, not sent.
_TRAINED_BEFORE = re.compile(r"\b(?:train|trains|trained|training(?:\s+of)?|recruit|recruits|recruited|recruiting|equip|equips|"
                             r"equipped|equipping|vet|vetted|vetting)\s+(?:(?:up\s+to|some|about|around|nearly|more\s+than|"
                             r"over|at\s+least|an\s+additional|another)\s+)?$")
#: Between a reduction and the new level ("reduced to 500", "cut back to about 300").
_TO_NEW_LEVEL = re.compile(r"(?:\s+(?:back|down|by\s+half|sharply))?\s+to\s+(?:about\s+|around\s+|some\s+|roughly\s+|just\s+)?")
#: Between a figure and the trigger after it: only auxiliaries, so the figure is that verb's subject.
_OWN_VERB_GAP = re.compile(r"\s+(?:(?:have|has|had|were|was|are|is|will|would|already|also|all|then|later|finally|"
                           r"eventually|soon|now|still|not|been|be)\s+){0,3}")
#: Between an earlier trigger and a figure: a new clause begins ("..., after the first 400 arrived").
_NEW_CLAUSE = re.compile(r"\b(?:after|before|when|once|while|as|until|since|and|but|whereas)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
#: Between a figure and a relative clause about it: "150-strong contingent which has been", "500 troops who were".
_RELATIVE_GAP = re.compile(r"(?:\s+[\w-]+){0,2}?\s*,?\s+(?:which|that|who)\s+(?:(?:has|have|had|is|are|was|were|been|"
                           r"already|now|currently|recently)\s+){0,3}")
_OUTGOING_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:rotated|rotating|rotate|rotates)\s+out\b")
_OUTGOING_BEFORE = re.compile(r"\b(?:outgoing|rotating-out)\s+(?:\w+\s+)?$")
_OWN_ARMY_AFTER = re.compile(r"\s+(?:at\s+home\b|in\s+(?:its|their)\s+ranks\b)|\s+(?:in|of)\s+(?:its|their|the\s+country['’]s)\s+(?:own\s+)?(?:national\s+|active\s+|standing\s+)?"
                             r"(?:army|armed\s+forces|military|reserves?|police\s+force|defen[cs]e\s+forces)\b")
_LOCAL_FORCE = re.compile(r"\b(?:local|national|domestic|host|new|its\s+own|their\s+own)\b")
#: A figure someone asked for is not a contribution.
_ASKED_BEFORE = re.compile(r"\b(?:asked\s+for|called\s+for|appealed\s+for|requested|sought|calls\s+for|requests?\s+for|"
                           r"appeals?\s+for|pleas?\s+for|demands?\s+for|demanded|urged)\s+"
                           r"(?:(?:up\s+to|some|about|an?\s+additional|another)\s+)?$")
#: Present strength: "NATO is leading some 32,000 troops", "has 1,000 troops there".
_PRESENT = re.compile(r"\b(?:is|are|has|have|currently|now|remain|remains|was|were|had|been|already|stands|stood|"
                      r"totals|totalled|totaled|numbers|numbered|patrols|patrolled|guards|guarded|secures|secured|"
                      r"operates|operated|operating|keeps|kept|protects|protected|mans|manned|holds|guard|patrol|secure|protect|"
                      r"operate|man|hold)\b")
#: Where a force is, for a present strength given by "has/had" alone ("had 300 soldiers in Haiti", "has 900 there").
_PLACED = re.compile(r"\b(?:in|there|on\s+the\s+ground|deployed|stationed|serving|based)\b")


def _present(sl: str, lo: int, hi: int) -> bool:
    """Whether a clause states a present strength: a present word, but "has/had N soldiers" only with a place
    (GUIDELINE section 2: "has N troops in"; "Chile had 300 soldiers" alone says nothing of a deployment)."""
    words = [m.group() for m in _PRESENT.finditer(sl, lo, hi)]
    if not words:
        return False
    return not all(w in ("has", "have", "had") for w in words) or _PLACED.search(sl, lo, hi) is not None


#: "1,000 troops each": every subject of a coordination sends the figure, not all of them together.
_EACH_AFTER = re.compile(r"\s+each\b")
_EACH = re.compile(r"\b(?:each|apiece)\b")
#: A force that grows: the mission's strength ("is projected to grow to 15,000 troops").
_GROWTH = re.compile(r"(?:projected\s+to|expected\s+to|will\s+be|to\s+be|is\s+to|will)\s+(?:grow|increase|expand|be\s+enlarged|enlarged)\b")

#: A command trigger needs one of these in its sentence.
_COMMANDED = re.compile(r"\b(?:ISF|force|mission|contingent|stabili[sz]ation|zones?|sectors?|deployment|operation|"
                        r"battle\s*groups?|brigades?|battalions?|components?|divisions?|task\s+forces?|PRTs?|"
                        r"peacekeepers|peacekeeping|UNIFIL|KFOR|ISAF|EUFOR|MINUSMA|MINUSCA|MONUSCO|UNMISS|AMISOM|ATMIS|"
                        r"MINUSTAH|AFISMA|ECOMIG|SAMIM|RAMSI|INTERFET|MSS|GSF)\b", re.IGNORECASE)
#: After a trigger: "troops from Indonesia", "deployed Indonesian troops".
#: Before a demonym's force after a trigger: another force beside it ("will operate alongside the Kenyan contingent").
_BESIDE_BEFORE = re.compile(r"\b(?:alongside|beside|with|join|joining|joined|replace|replacing|replaced|relieve|relieving|"
                            r"reinforce|reinforcing|support|supporting)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
#: Before a name: what someone belongs to ("the only Muslim nation that is a member of NATO").
_MEMBER_OF_BEFORE = re.compile(r"\bmembers?\s+of\s+(?:the\s+)?$")
#: Before a name: the one replaced or relieved ("lined up to replace the UK as head of ISAF", "relieved the Uruguayan
#: contingent"), not the one who comes in.
_REPLACED_BEFORE = re.compile(r"\b(?:replac\w*|succeed\w*|reliev\w*|(?:take|takes|took|taking)\s+over\s+from)\s+(?:the\s+)?$")
#: Before a name: a force moving out of it ("withdraw combat forces from Afghanistan", "pull out of Iraq").
_LEFT_FROM_BEFORE = re.compile(r"\b(?:withdr[ae]w\w*|pull\w*(?:\s+out)?|pullout|exit\w*|evacuat\w*|leav\w*|left|"
                               r"depart\w*|redeploy\w*|repatriat\w*)\s+(?:[\w'’-]+\s+){0,4}?(?:from|out\s+of)\s+"
                               r"(?:the\s+)?$")
#: After an offer noun: who made it ("an offer by Indonesia", "pledges from Chad and Niger").
_OFFER_BY_AFTER = re.compile(r"\s+(?:by|from)\s+(?:the\s+)?", re.IGNORECASE)
_BY_AFTER = re.compile(r"\s+by\b")
#: Between a passive "led" and the officer's nationality: "by an ", "by the " ("led by a Rwandan general").
_BY_OFFICER_NAME = re.compile(r"\s+by\s+(?:an?\s+|the\s+)?")
_FROM_BEFORE_NAME = re.compile(r"\bfrom\s+(?:the\s+)?$")
_FROM_BY_BEFORE = re.compile(r"(?:\b(?:from|by|are|were|include|includes|including|namely)|:)\s+(?:the\s+)?$")
_TROOPS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:troops|soldiers|forces?|police|peacekeepers|contingents?|army|military|"
                           r"battalions?|units?|marines|personnel)\b")


#: After a host's name: its own forces ("the Lebanese army", "Haiti's national police").
_HOST_FORCE_AFTER = re.compile(r"(?:['’]s)?\s+(?:national\s+|own\s+|armed\s+)?(?:army|police|forces|military|troops|"
                               r"soldiers|armed\s+forces|security\s+forces)\b")


def _name_in_figure(m: _Mention, fig: Figure, sl: str) -> bool:
    """A country's name inside a figure, right before its personnel noun: "30,000 more U.S. troops"."""
    return m.entry.role in ("name", "code") and fig.start <= m.start < fig.end and bool(_TROOPS_AFTER.match(sl, m.end))


#: After a country's name: a currency ("US $20 million") or others around it ("US allies", "Britain's partners").
_CURRENCY_AFTER = re.compile(r"\s?\$")
_OTHERS_AFTER = re.compile(r"(?:['’]s)?\s+(?:allies|partners)\b")
#: "with Poland sending 1,000": a name after "with" that acts in its own participle clause.
_ACTS_AFTER_WITH = re.compile(r"\s+(?:(?:also|already|now|currently)\s+)?(?:sending|contributing|providing|deploying|pledging|offering|committing|"
                              r"supplying|adding|dispatching|(?:(?:expected|set|due|slated|poised|likely|ready|scheduled|"
                              r"planning|preparing|willing|prepared|offering|promising|pledging|agreeing)\s+)?to\s+"
                              r"(?:\w+ly\s+)?(?:send|contribute|provide|deploy|dispatch|commit|supply|add)\b)")
#: Between a name and its figure: the name holds the figure ("..., and Fiji now has about 300 soldiers").
_HOLDS_GAP = re.compile(r"\s+(?:now\s+|currently\s+|still\s+|also\s+|already\s+)?(?:has|had|have)\s+(?:(?:about|around|some|"
                        r"nearly|almost|over|roughly|more\s+than|only|just|another|a\s+further)\s+)?")
_WITH_BEFORE = re.compile(r"\bwith\s+$")


#: ", with troops from India and Rwanda,": the contributors of a force named before, not the subject of its verbs.
_WITH_FROM = re.compile(r",\s*with\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?")


_REQUEST_HINT = re.compile(r"\b(?:request|call|invitation|appeal|asked|requested|invited|urged|pressed)\b")
#: "Kenya agreed to a UN request to send ...": a request accepted is the accepting country's pledge.
_ACCEPTED_REQUEST = re.compile(r"\b(?:agreed\s+to|agrees\s+to|accepted|accepts|approved|heeded|answered)\s+(?:an?\s+|the\s+)?"
                               r"(?:[\w.-]+\s+){0,2}?(?:request|call|invitation|appeal)\s+(?:from\s+[\w. -]{2,30}?\s+)?to\s+"
                               r"(?P<verb>send|deploy|contribute|provide|dispatch)\b")
#: "The UN asked Kenya to send 1,000 police, and Nairobi agreed": the request, then the asked country's reply.
_ASKED_TO = re.compile(r"\b(?:asked|requested|invited|urged|pressed)\s+(?:[^,;]{2,40}?)\s+to\s+"
                       r"(?P<verb>send|deploy|contribute|provide|dispatch)\b")
_REPLY_AFTER = re.compile(r"[^;]*?,?\s+and\s+(?:the\s+)?(?P<who>\S+(?:\s+\S+)?)\s+(?:has\s+|have\s+|had\s+|quickly\s+|"
                          r"later\s+|promptly\s+)?(?:agreed|accepted|consented|approved)\b")


def _accepted_requests(sentence: str, sl: str, mentions: list[_Mention], triggers: list[_Trigger]) -> list[_Trigger]:
    """Pledge triggers for requests the asked country accepts in the same sentence (the request alone is no claim:
    GUIDELINE section 2). The subject is found as for any trigger: the asked country named before the verb."""
    found: list[tuple[int, int, list[_Mention]]] = []
    for m in _ACCEPTED_REQUEST.finditer(sl):
        accepting = [x for x in mentions if x.agent and x.end <= m.start()]
        if accepting:  # the one who accepts, not who asked ("an invitation from the African Union")
            found.append((*m.span("verb"), _coordinated(accepting[-1], sl, mentions)))
    for m in _ASKED_TO.finditer(sl):
        reply = _REPLY_AFTER.match(sl, m.end())
        if reply is None:
            continue
        asked = [x for x in mentions if m.start() < x.start < m.start("verb") and x.agent]
        who = [x for x in mentions if reply.start("who") <= x.start < reply.end("who")]
        if asked and (reply.group("who").startswith(("it", "they")) or (
                who and who[0].entry.subject == asked[-1].entry.subject)):
            found.append((*m.span("verb"), [asked[-1]]))
    taken = {(t.start, t.end) for t in triggers}
    return [_Trigger(st, en, "pledge", sentence[st:en], False, subjects=who) for st, en, who in found
            if (st, en) not in taken]


#: Two bracketed numbers after names: a list ("Kenya (1,000), Chad (400)").
_BRACKETS = re.compile(r"[a-z]\s*\(\s*[\d,]+\s*\)[^()]*[a-z]\s*\(\s*[\d,]+\s*\)")
#: A sentence about a force as a whole: "The 2,500-strong force ...", "The mission, made up of ...", "The MSS has ...".
_FORCE_SUBJECT = re.compile(
    r"\W*(?:(?:the|a|an|this|its|their)\s+)?(?:(?:[\d,]+-strong|new|multinational|international|regional|joint|"
    r"proposed|planned|un|u\.n\.|african|stabili[sz]ation|security|peacekeeping|combined)\s+)*(?:force|mission|"
    r"operation|coalition|deployment|contingent)\b|\W*(?:the\s+)?(?:mss|gsf|isf|unifil|amisom|atmis|minusma|kfor|isaf|"
    r"eufor|minustah|monusco|unmiss|minusca|afisma|ecomog)\b")
#: Before the first name of a force's make-up: "troops from", "includes", "made up of", "drawn from".
_MADE_OF_BEFORE = re.compile(r"\b(?:from|includ\w*|compris\w*|made\s+up\s+of|consist\w*\s+of|composed\s+of)\s+"
                             r"(?:the\s+)?(?:(?:countries|nations|states)\s+(?:such\s+as|including|like)\s+)?$")


def _composition(sl: str, mentions: list[_Mention]) -> frozenset[str]:
    """The subjects a sentence about a force names as what the force is made of."""
    found: set[str] = set()
    for m in mentions:
        if m.entry.subject not in found and _MADE_OF_BEFORE.search(sl, max(0, m.start - 50), m.start):
            found.add(m.entry.subject or "")
            if m.agent:
                found.update(x.entry.subject or "" for x in _coordinated(m, sl, mentions))
    return frozenset(found - MISSIONS)


#: A fronted partitive naming the whole a subject is picked from ("Of the eight countries that make up SAMIM, ..."):
#: background, the whole does not act.
_OF_FRONT = re.compile(r"^\W*of\s+(?:the|these|those|its|their|all)\b[^,;]{0,80},")
#: A conditional clause in a lower-cased sentence ("if more than 1,500 troops were needed"): a hypothesis, whose names
#: and figures are no claims ("if and when the Council decides" and "if needed" are not hypotheses of this kind).
_IF_CLAUSE_LOW = re.compile(r"(?<!\bas\s)\bif\s+(?!and\s+when\b|(?:needed|necessary|asked|required|requested|so)\b)"
                            + IF_CLAUSE_BODY + r"{0,120}(?=[,;:.]|$)")
#: A force being set up ("the formation of an ISF of about 20,000 troops", "created a brigade of 3,000 troops"): its
#: size is the one decided, a pledge (GUIDELINE section 2, mission totals).
_CREATED = re.compile(r"\b(?:formation|creation|establishment|setting\s+up|set\s+up|created|creates|create|formed|forms|"
                      r"establish(?:es|ed)?)\s+(?:of\s+)?(?:an?|the|its|their)\s+(?:[\w()-]+\s+){0,5}?(?:force|brigade|mission|"
                      r"contingent|unit|battalion|operation|isf)\b")
#: Before a figure: the whole force to come ("the full deployment of 150 soldiers", "its full strength of 5,500").
_FULL_STRENGTH_BEFORE = re.compile(r"\bfull\s+(?:deployment|strength|complement|contingent)\s+of\s+(?:about\s+|some\s+|around\s+)?$")
_WHETHER_OR_NOT = re.compile(r"\bwhether\s+or\s+not\b")
#: Before a figure: a size still to come ("a planned 8,000-strong mission", "the proposed 2,500 troops").
_PLANNED_SIZE_BEFORE = re.compile(r"\b(?:planned|proposed|envisaged|projected|intended|eventual|future|authori[sz]ed)\s+"
                                  r"(?:(?:about|some|around|nearly|up\s+to)\s+)?$")
#: Before a figure: a part of the figure before it ("188 soldiers including 186 men").
_INCLUDING_BEFORE = re.compile(r"\b(?:including|of\s+whom|among\s+them)\s+$")
#: A list of present strengths without a verb of its own ("Contributors: Kenya (1,000), Chad (400)").
_PRESENT_LIST = re.compile(r"\b(?:contributors|contributing|deployed|serving|on\s+the\s+ground|currently|strength|"
                           r"numbers|totals|comprises|consists)\b")


def _bracket_claims(text: str, s: int, e: int, sentence: str, sl: str, clauses: list[tuple[int, int]],
                    mentions: list[_Mention], figures: list[Figure], triggers: list[_Trigger],
                    claims: list[ProposedClaim], seen: set[tuple], published: date) -> list[ProposedClaim]:
    """Claims for names with a bracketed number ("Bangladesh (900)"), with the kind of the sentence's nearest
    trigger, else of its tense; none when the sentence gives no kind."""
    out = []
    for mention, fig in _bracket_figures(sentence, sl, [m for m in mentions if not m.background]):
        if any(f.start <= fig.start < f.end for f in figures) or any(
                c.subject == mention.entry.subject and c.low == fig.low and c.high == fig.high for c in claims):
            continue  # found already as a figure of its own
        near = sorted((t for t in triggers if t.group not in ("command", "territory")),
                      key=lambda t: (t.start > fig.start, abs(t.start - fig.start)))
        trigger_text, negated = None, False
        whole = [c for c in claims if c.low is not None and c.kind in _GROUP_OF_KIND and
                 _INCLUDING_BEFORE.search(sl, max(0, fig.start - 12), fig.start)]
        if whole:  # "12,000 soldiers, including 1,100 Germans, are present": the part has the kind of the whole
            group = _GROUP_OF_KIND[whole[-1].kind]
        elif near:
            group, trigger_text, negated = near[0].group, near[0].text, near[0].negated
        elif rules.FUTURE.search(sl):
            group = "pledge"
        elif _PRESENT.search(sl) or _PRESENT_LIST.search(sl):
            group = "arrival"
        else:
            continue
        kind = _KIND_OF_GROUP[group]
        if kind in ("command", "territory_control"):
            continue
        key = (mention.entry.subject, kind, fig.low, fig.high, fig.personnel)
        if key in seen:
            continue
        seen.add(key)
        out.append(_claim(text, s, e, sentence, _clause_of(clauses, fig.start), mention, kind, fig, negated, False,
                          published, "direct", trigger_text, None))
    return out


def _with_from_spans(sl: str, raw_mentions: list[tuple[int, int, str]], s: int) -> list[tuple[int, int]]:
    spans = []
    for m in _WITH_FROM.finditer(sl):
        if any(c.isdigit() for c in m.group()):
            continue  # ", with another 400 from Portugal": a figure of its own, not a force's make-up
        end = m.end()
        for ms, me, _ in raw_mentions:
            rs, re_ = ms - s, me - s
            if rs == end or (rs > end and rules.COORDINATION_GAP.fullmatch(sl, end, rs)):
                end = re_
            elif rs > end:
                break
        if end > m.end():
            spans.append((m.start(), end))
    return spans


def _sentence_claims(text: str, s: int, e: int, raw_mentions: list[tuple[int, int, str]],
                     raw_triggers: list[Hit], forms: dict[str, Entry], published: date,
                     units: Mapping[str, tuple[int, int]], unit_rx: tuple[re.Pattern[str], re.Pattern[str] | None],
                     inherited: tuple[str, ...], sentence_low: str, hinted: bool,
                     force_ctx: bool, mission: str | None = None, hosts: frozenset[str] = frozenset(),
                     doc_mission: str | None = None, label: tuple[str, str | None] | None = None,
                     speaker_prev: str | None = None) -> list[ProposedClaim]:
    sentence = text[s:e]
    sl = sentence_low
    clauses = _clauses(sl)
    if label is not None:
        inherited = ()  # a list line's label, not the line before, is who the line is about
    background = [(m.start(), m.end()) for m in rules.RELATIVE.finditer(sl)] + _with_from_spans(sl, raw_mentions, s) + [
        m.span() for m in _IF_ASIDE.finditer(sl)] + [  # "France is prepared, if the UN wishes, to assume command"
        m.span() for m in _OF_FRONT.finditer(sl)]  # "Of the eight countries that make up SAMIM, Botswana ..."
    hypothetical = [m.span() for m in _IF_CLAUSE.finditer(sentence)] if "if" in sl or "unless" in sl or "should" in sl else []
    # "If Norway and Peru reduce their forces, the mission will shrink": a hypothetical, neither its names nor its
    # figures are claims.
    conditional = [(m.start(), m.end()) for m in _IF_CLAUSE_LOW.finditer(sl)
                   if not ASKS_IF_BEFORE.search(sl, max(0, m.start() - 30), m.start())]
    background += hypothetical + conditional  # who a hypothesis names acts in no other clause

    def in_background(pos: int) -> bool:
        return any(lo <= pos < hi for lo, hi in background)

    mentions: list[_Mention] = []
    for ms, me, name in raw_mentions:
        entry = forms[name]
        if entry.kind == "blocked":
            continue
        if name in NEEDS_COUNTRY and not any(forms[o].subject == entry.subject for _, _, o in raw_mentions if o != name):
            continue  # "carabinieri" alone: a kind of police; Italy's when the sentence names Italy
        rs, re_ = ms - s, me - s
        if entry.kind == "country" and (_CURRENCY_AFTER.match(sentence, re_) or (
                entry.role != "demonym" and _OTHERS_AFTER.match(sentence, re_))):
            continue  # "US $20.9 million", "US allies pledged 7,000 troops": a currency, the country's allies
        agent = entry.subject not in hosts and not rules.RECEIVER_AFTER.match(sentence, re_) and not _CITY_BEFORE.search(
            sentence, max(0, rs - 30), rs) and not rules.NOT_AGENT_AFTER.match(sentence, re_) and not rules.LOCATIVE_BEFORE.search(
            sl, max(0, rs - 12), rs) and not (entry.role == "demonym" and rules.NOT_AGENT_AFTER_DEMONYM.match(sl, re_))
        if agent and _FOR_PLACE_BEFORE.search(sl, max(0, rs - 16), rs) and not _REQUEST_AFTER.match(sl, re_) and (
                sl[re_:re_ + 2] not in ("'s", "’s")):
            agent = False  # "bound for Lebanon", "500 soldiers for Mali": where they go
        if agent and _LEFT_FROM_BEFORE.search(sl, max(0, rs - 60), rs):
            agent = False  # "to withdraw combat forces from Afghanistan": the place left
        if agent and (_BETWEEN.search(sl, max(0, rs - 50), rs) or _MEMBER_OF_BEFORE.search(sl, max(0, rs - 20), rs) or (
                entry.role != "demonym" and _REPLACED_BEFORE.search(sl, max(0, rs - 30), rs))):
            # "the agreement between Belgrade and Pristina", "a member of NATO", "to replace the UK as head of ISAF"
            agent = False
        if agent and entry.subject in MISSIONS and _JOINED_BEFORE.search(sl, max(0, rs - 50), rs):
            agent = False  # "to send 780 soldiers to a United Nations-mandated EU force": where they go
        if agent and (_REQUESTER_BEFORE.search(sl, max(0, rs - 40), rs) or _REQUEST_AFTER.match(sl, re_)):
            agent = False  # "asked by Somalia", "at the request of the UN", "at Haiti's request": who asks
        if not agent and _WITH_BEFORE.search(sl, max(0, rs - 6), rs) and _ACTS_AFTER_WITH.match(sl, re_) and (
                entry.subject not in hosts):
            agent = True  # "with Poland sending 1,000"
        mentions.append(_Mention(rs, re_, name, entry, agent, in_background(rs)))
    speakers = [m for m in mentions if not m.agent and not rules.LOCATIVE_BEFORE.search(sl, max(0, m.start - 12),
                                                                                          m.start)
                and not _FOR_PLACE_BEFORE.search(sl, max(0, m.start - 16), m.start)]

    triggers: list[_Trigger] = []
    for hit in raw_triggers:
        group = hit.group
        ts, te = hit.start, hit.end
        if any(lo <= ts < hi for lo, hi in hypothetical):
            continue  # "If Australia, Britain and Italy reduce their personnel, ...": a hypothesis, no claim
        if group == "territory" and (not rules.SHARE.search(sl, *_clause_of(clauses, ts)) or in_background(ts)):
            continue
        if group not in ("command", "territory") and _NOT_PERSONNEL_AFTER.match(sl, te) and not _OWN_TASK.search(
                sl, te, _clause_of(clauses, ts)[1]):
            continue  # "pledged to train police", "would contribute £5m", "withdrawn financial contributions"
        if group in ("pledge", "send", "consideration") and (_EQUIPMENT_ONLY_AFTER.match(sl, te) or
                                                             _SURVEY_TEAM_AFTER.match(sl, te)):
            continue  # "alongside offering critical medical facilities": things, not personnel
        if group not in ("command", "territory") and _REQUESTED_OF.search(sl, max(0, ts - 70), ts) and any(
                m.start > ts - 70 and m.end < ts for m in mentions):
            continue  # "Somalia asked Ethiopia to withdraw its troops": a request, no claim (GUIDELINE section 2)
        if group == "command" and (_REQUESTED_OF.search(sl, max(0, ts - 70), ts) or _ASKED_PASSIVE.search(
                sl, max(0, ts - 90), ts)) and any(m.start > ts - 90 and m.end < ts for m in mentions):
            continue  # "the UN asked Australia to lead the operation", "had been asked by the UN to build and lead"
        if group == "command" and in_background(ts) and _LEADS_NOW.match(sl, ts):
            continue  # "Kenya, which leads the mission, ...": a description (GUIDELINE section 3), not a decision
        if group == "command" and _LED_FOR_YEARS_BEFORE.search(sl, max(0, ts - 20), ts):
            continue  # "NATO has been leading the operation since 1999": a description, not a decision
        if group == "command" and not _COMMANDED.search(sentence) and not hit.text.endswith("commander"):
            continue
        if group not in ("command", "territory") and not force_ctx:
            continue
        if group == "negation" and _other_country_after(te, sentence, mentions):
            continue  # "Israel rejected any Turkish role": about someone else's troops
        weak = group == "pledge" and bool(rules.DETERMINER_BEFORE.search(sl, max(0, ts - 12), ts))
        negated = group == "negation" or bool(rules.NEGATION_BEFORE.search(sl, max(0, ts - 24), ts)) and not (
            _WHETHER_OR_NOT.search(sl, max(0, ts - 40), ts))  # "whether or not it would send": an open question
        triggers.append(_Trigger(ts, te, group, sentence[ts:te], in_background(ts), negated, weak=weak))
    # "They are part of the SADC mission": serving in a mission now is a present deployment (GUIDELINE section 2).
    for mm in _MEMBERSHIP.finditer(sl):
        if force_ctx and any(mm.end() <= m.start <= mm.end() + 40 and (m.entry.subject in MISSIONS or m.entry.subject in
                                                                       PARENT_BODIES) for m in mentions) and not any(
                t.start < mm.end() and mm.start() < t.end for t in triggers):
            triggers.append(_Trigger(mm.start("v"), mm.end("v"), "arrival", sentence[mm.start("v"):mm.end("v")],
                                     in_background(mm.start())))
    # A noun ("its offer of 20,000 troops") gives way to a verb in the same clause.
    triggers = [t for t in triggers if not t.weak or not any(
        o is not t and not o.weak and _clause_of(clauses, o.start) == _clause_of(clauses, t.start) for o in triggers)]
    if force_ctx and _REQUEST_HINT.search(sl):
        triggers += _accepted_requests(sentence, sl, mentions, triggers)
    figures = _figures(sentence, sentence_low, units, unit_rx) if hinted else []
    if figures:
        figures = sorted(figures + _demonym_figures(sentence, sl, mentions, figures), key=lambda f: f.start)
    if hinted and " from " in sl:
        figures = sorted(figures + _count_from_figures(sentence, sl, mentions, figures), key=lambda f: f.start)
    breakdowns = _breakdowns(sentence, sl, mentions, figures) if hinted and " of " in sl else []
    if breakdowns:
        # (a bare number the part's figure stands for gives way: "some 800" of "some 800 are French")
        figures = sorted([f for f in figures if not any(p.start <= f.start < p.end for p, _, _ in breakdowns)] +
                         [p for p, _, _ in breakdowns], key=lambda f: f.start)
    if not triggers and not figures and "(" not in sentence and len(mentions) < 2:
        return []

    for trig in triggers:
        visible = mentions if trig.background else [m for m in mentions if not m.background]
        if not trig.subjects:  # an accepted request comes with its subject
            _assign_subject(trig, sl, clauses, visible, speakers, inherited, forms)
        if not trig.subjects:
            _more_subjects(trig, sentence, sl, clauses, visible, speakers)
        if not trig.subjects:
            speaker = _first_person(trig.start, sentence, sl, visible, speakers, speaker_prev, forms)
            if speaker is not None:
                trig.subjects, trig.how = [speaker], "speaker"
        if not trig.subjects and _OWN_UNIT_BEFORE.search(sl, max(0, trig.start - 40), trig.start) and not any(
                m.agent for m in visible):
            # "According to the British ministry, the battalion recently landed": a national unit with no name of
            # its own belongs to the one country that speaks in the sentence.
            voices = speakers + [m for m in visible if _ACCORDING_TO.search(sl, max(0, m.start - 20), m.start)]
            own = {m.entry.subject for m in voices if m.entry.kind == "country"}
            if len(own) == 1:
                trig.subjects, trig.how = [next(m for m in voices if m.entry.subject in own)], "speaker"
        if not trig.subjects and label is not None:
            trig.subjects, trig.how = [_inherited_mention(label[0], forms)], "label"
        if trig.subjects:
            # "Morocco agreed to send troops, in the first commitment by an Arab country, as well as Albania and
            # Kosovo": a coordination that trails the sentence.
            tail = _AS_WELL_AS.search(sl, trig.end)
            if tail:
                after = [m for m in visible if m.agent and m.start >= tail.end()]
                if after and after[0].start == tail.end():
                    known = {m.entry.subject for m in trig.subjects}
                    trig.subjects = trig.subjects + [m for m in _coordinated(after[0], sl, mentions)
                                                     if m.entry.subject not in known]

    revision = rules.REVISION.search(sl) is not None
    # Per subject: which triggers speak about it.
    by_subject: dict[str, list[_Trigger]] = {}
    subject_mention: dict[str, _Mention] = {}
    for trig in triggers:
        for mention in trig.subjects:
            by_subject.setdefault(mention.entry.subject or "", []).append(trig)
            subject_mention.setdefault(mention.entry.subject or "", mention)
    for subject, trigs in by_subject.items():
        foreground = [t for t in trigs if not t.background]
        if foreground:
            by_subject[subject] = foreground

    claims: list[ProposedClaim] = []
    seen: set[tuple] = set()
    used_triggers: set[int] = set()
    # "The 2,500-strong force includes troops from A, B and C": the names list what the force is made of.
    composition = _composition(sl, mentions) if figures and _FORCE_SUBJECT.match(sl) else frozenset()
    origins = _origins(sl, figures, mentions)
    origins.update({f.start: [m] for f, m, _ in breakdowns})
    # "a total of 7,500 soldiers, of which 1,200 are Brazilian": the whole is the force's, not the named part's
    wholes = {whole.start for _, _, whole in breakdowns if whole is not None}
    part_of = {part.start: whole.start for part, _, whole in breakdowns if whole is not None}
    group_of: dict[int, str] = {}
    # Figures first: each belongs to the nearest trigger before it in its clause (else after it).
    for fig in figures:
        clause = _clause_of(clauses, fig.start)
        in_clause = [t for t in triggers if clause[0] <= t.start < clause[1] and t.subjects
                     and t.group not in ("command", "territory")]
        before = [t for t in in_clause if t.start < fig.start]
        after = [t for t in in_clause if t.start >= fig.end]
        trig = before[-1] if before else (after[0] if after else None)
        if before and after and _OWN_VERB_GAP.fullmatch(sl, fig.end, after[0].start) and _NEW_CLAUSE.search(
                sl, before[-1].end, fig.start):
            trig = after[0]  # "would send 1,000 officers after the first 400 arrived": the 400 arrived
        if trig is not None and trig.start >= fig.end and trig.text.startswith("replaced") and re.search(
                r"\b(?:were|was|been|be|being|are|is)\s+$", sl[max(0, trig.start - 12):trig.start]):
            continue  # "the 300 Irish troops were replaced by ...": the outgoing contingent is not a claim
        if trig is not None and trig.group == "reduction" and trig.start >= fig.end and any(
                f2.start >= trig.end and _TO_NEW_LEVEL.fullmatch(sl, trig.end, f2.start) for f2 in figures):
            continue  # "Denmark's 750 troops will be reduced to 500": the 750 is the level it departs from
        if trig is not None and trig.background and not in_background(fig.start):
            fore = [t for t in in_clause if not t.background and t.subjects]
            trig = fore[-1] if fore else trig
        reducing = revision or any(t.group == "reduction" for t in triggers)
        if in_background(fig.start) and reducing:
            continue  # the old figure a revision departs from
        if rules.BASE_BEFORE.search(sl, max(0, fig.start - 30), fig.start) and reducing:
            continue
        if _CASUALTY_AFTER.match(sl, fig.end) or _CASUALTY_BEFORE.search(sl, max(0, fig.start - 30), fig.start) or (
                _NAMED_DEAD_AFTER.match(sl, fig.end)):
            continue  # the dead and the wounded, or a figure someone hoped for
        if _ACROSS_MISSIONS_AFTER.match(sl, fig.end):
            continue  # "has 2,129 troops involved in peacekeeping missions in Kosovo, Bosnia, ...": all its missions
        if _INCLUDING_BEFORE.search(sl, max(0, fig.start - 20), fig.start) and any(
                f.end <= fig.start for f in figures) and not any(fig.start <= m.start < fig.end for m in mentions):
            continue  # "188 soldiers including 186 men and two women": a breakdown of the figure before
        if any(lo <= fig.start < hi for lo, hi in conditional):
            continue  # "if more than 1,500 troops were needed": a hypothetical figure
        if any(lo <= fig.start < hi for lo, hi in hypothetical):
            continue  # "If Chile sends 500 more troops, ...": a hypothesis
        if _MEMBER_COUNT.match(sl, fig.start, min(len(sl), fig.end + 30)):
            continue  # "contributed by 27 NATO member states": a count of members, not of personnel
        if _ASKED_BEFORE.search(sl, max(0, fig.start - 30), fig.start):
            continue  # "had asked for up to 2,500 more troops": a request
        inside = [m for m in mentions if (fig.start <= m.start < fig.end or _OWNER_BEFORE.fullmatch(sl, m.end, fig.start) or
                                          _NEW_LEVEL_OF.fullmatch(sl, m.end, fig.start) or (
            fig.end <= m.start <= fig.end + 1 and m.entry.role == "demonym" and _TROOPS_AFTER.match(sl, m.end)))
            and m.entry.role in ("demonym", "org") or _name_in_figure(m, fig, sl)]
        if _OUTGOING_AFTER.match(sl, fig.end) or _OUTGOING_BEFORE.search(sl, max(0, fig.start - 20), fig.start):
            continue  # "200 soldiers rotated out", "the outgoing 300 troops": a rotation's leavers are not a claim
        if _OWN_ARMY_AFTER.match(sl, fig.end):
            continue  # "has 20,000 troops in its army": a national force, not a deployment
        if _TRAINED_BEFORE.search(sl, max(0, fig.start - 30), fig.start) and (
                any(fig.start <= m.start < fig.end for m in mentions) or _LOCAL_FORCE.search(sl, fig.start, fig.end)):
            continue  # "will train 5,000 Palestinian police": another country's forces, not a contribution
        opener = _with_opener_owner(fig, sl, mentions)
        if opener is not None and not inside:
            inside = [opener]  # "With 1,400 troops, Pakistan is among the top contributors": the figure is its own
        origin = origins.get(fig.start) if not (trig is not None and trig.group == "reduction") else None
        if trig is not None:
            subjects, group, how, negated = trig.subjects, trig.group, trig.how, trig.negated
            used_triggers.add(id(trig))
            trigger_text = trig.text
            acting = [m for m in mentions if m.agent and trig.end <= m.start < fig.start and clause[0] <= m.start
                      and (_ACTS_AFTER_WITH.match(sl, m.end) or _HOLDS_GAP.fullmatch(sl, m.end, fig.start))]
            own = [t for t in triggers if t.start >= fig.end and t.group in ("arrival", "reduction")
                   and _RELATIVE_GAP.fullmatch(sl, fig.end, t.start)]
            if own and own[0] is not trig:
                # "would join a 150-strong contingent which has been stationed since December": the relative clause
                # says what the figure's force does.
                group, trigger_text = own[0].group, own[0].text
            if inside and inside[0].entry.subject not in {m.entry.subject for m in subjects} and not (
                    _SENT_OBJECT_GAP.fullmatch(sl, trig.end, fig.start) and _a_hat(inside[0], subjects)):
                subjects = inside[:1]  # "working with 12,000 Palestinian police": the figure names its own
                if fig.start > trig.end and trig.subjects and inside[0].entry.kind == "country" and all(
                        m.entry.kind == "country" for m in trig.subjects) and not _JOINED_BY.match(sl, trig.end):
                    # "Jamaican troops arrived ... to join the 400 Kenyan officers already there": the trigger's own
                    # subject keeps it for a claim without a figure
                    used_triggers.discard(id(trig))
            elif acting:
                subjects = acting[-1:]  # "..., with Poland sending 1,000, and Italy contributing 600"
            elif mission is not None and group == "pledge" and _GROWTH.search(sl, max(0, trig.start - 25),
                                                                            trig.end + 12):
                subjects = [_inherited_mention(mission, forms)]  # the force grows: the mission's strength
            if origin:
                subjects, how = origin, "direct"
        else:
            seen_by_fig = mentions if in_background(fig.start) else [m for m in mentions if not m.background]
            subjects, how = (origin, "direct") if origin else ([opener], "direct") if opener is not None else (
                _figure_subjects(fig, sl, clause, seen_by_fig, speakers, inherited, forms))
            if not subjects:
                # No subject in the figure's clause: the sentence's nearest trigger that has one.
                near_subj = [t for t in triggers if t.subjects and t.group not in ("command", "territory")]
                near_subj.sort(key=lambda t: abs(t.start - fig.start))
                if near_subj and not inside and not any(
                        clause[0] <= t.start < clause[1] and t.group not in ("command", "territory") for t in triggers):
                    trig = near_subj[0]
                    subjects, how = trig.subjects, trig.how
                    used_triggers.add(id(trig))
            if not subjects:
                speaker = _first_person(fig.start, sentence, sl, seen_by_fig, speakers, speaker_prev, forms)
                if speaker is not None:
                    subjects, how = [speaker], "speaker"
            if not subjects and label is not None:
                subjects, how = [_inherited_mention(label[0], forms)], "label"
            if not subjects and (mission or doc_mission) is not None and _force_total(
                    sl, fig, [m for m in mentions if m.start >= 0], False):
                # "An Australian-led force of 2,225 troops began arriving": the whole force, named by nobody
                subjects, how = [_inherited_mention(mission or doc_mission or "", forms)], "mission"
            if not subjects and mission is not None and _FORCE_HEAD.search(sl) and not any(
                    m.entry.subject in hosts and clause[0] <= m.start < fig.start and _HOST_FORCE_AFTER.match(sl, m.end)
                    for m in mentions):
                # (not when the host's own forces are the figure's: "The Lebanese army will deploy 15,000 soldiers")
                subjects, how = [_inherited_mention(mission, forms)], "mission"
            if not subjects:
                continue
            # No trigger in the figure's clause: the kind comes from the sentence's nearest trigger.
            near = [t for t in triggers if t.group not in ("command", "territory")]
            near.sort(key=lambda t: (t.start > fig.start, abs(t.start - fig.start)))
            if near:
                group = near[0].group
            elif label is not None:
                group = label[1] or ("arrival" if _ON_THE_GROUND.search(sl) or _PRESENT.search(sl) and not
                                     rules.FUTURE.search(sl) else "pledge")
            else:
                group = "pledge" if rules.FUTURE.search(sl, *clause) or _CREATED.search(sl, 0, fig.start) else "arrival" if _present(
                    sl, *clause) or _PRESENT_LIST.search(sl, *clause) else "other"
            if group == "other" and (how in ("mission", "speaker") or _ASKS.search(sl, 0, fig.start)):
                continue  # no kind, or someone asks for it ("Lebanon urged Ireland to send 500 more troops")
            negated, trigger_text = False, None
            how = "default" if how == "direct" else how
        if fig.start in part_of and part_of[fig.start] in group_of:
            group = group_of[part_of[fig.start]]  # a part is in the same state as its whole
        elif origin and group == "other" or _NOW_NUMBER.match(fig.text):
            group = "arrival"  # "Its 156 soldiers -- 90 from Chile and 66 from Ecuador -- start"; "who now number"
        group_of[fig.start] = group
        target = mission or doc_mission
        if fig.start in wholes:
            if target is None:
                continue
            subjects, how = [_inherited_mention(target, forms)], "mission"
        elif _FROM_MANY_COUNTRIES.match(sl, fig.end) and not inside:
            # "10,000 troops from 22 nations", "24,000 personnel from 27 countries": a multinational total, the
            # mission's (GUIDELINE section 3), not the sentence subject's.
            if target is None:
                continue
            subjects, how = [_inherited_mention(target, forms)], "mission"
        elif subjects and all(m.entry.kind == "country" for m in subjects) and _force_total(
                sl, fig, [m for m in mentions if m.start >= 0], how == "inherited"):
            # "Kenya leads the 2,500-strong force", "Brazil's soldiers will be the core of a force of 6,700 troops": the
            # size of the whole force, the mission's (GUIDELINE section 3), not the country's; nobody's when the report
            # does not tell which mission.
            if target is None:
                continue
            subjects, how = [_inherited_mention(target, forms)], "mission"
        elif target is not None and subjects and _FIRST_PART_OF_BEFORE.search(sl, max(0, fig.start - 55), fig.start) and any(
                f.end <= fig.start for f in figures):
            # "120 Rwandan peacekeepers have arrived, the first detachment of 4,000 extra troops approved by the UN":
            # the whole the arrivals are part of is the mission's planned strength.
            subjects, how, group = [_inherited_mention(target, forms)], "mission", "pledge"
        if composition and subjects and all(m.entry.subject in composition for m in subjects) and (
                len(subjects) > 1 or "strong" in fig.text):
            # The force's total, not its contributors' (GUIDELINE section 3): the mission's when the report names it.
            target = mission or doc_mission
            if target is None:
                continue
            subjects, how = [_inherited_mention(target, forms)], "mission"
        if _OFFER_OF_BEFORE.search(sl, max(0, fig.start - 30), fig.start) or _FULL_STRENGTH_BEFORE.search(
                sl, max(0, fig.start - 40), fig.start) or _PLANNED_SIZE_BEFORE.search(sl, max(0, fig.start - 30), fig.start):
            group = "pledge"  # "its offer of 1,000 troops"; "part of the full deployment of 150 soldiers": the total to come
        kind = "other" if group == "other" else _KIND_OF_GROUP[group]
        if len(subjects) > 1 and not _EACH_AFTER.match(sl, fig.end) and not _EACH.search(
                sl, max([m.end for m in subjects] + [clause[0]]), fig.start):  # "Chad and Niger each pledged 500"
            # "A battalion from Germany and Austria": a joint figure; each country sends part of it.
            for mention in subjects:
                key = (mention.entry.subject, kind, None, None, None)
                if key not in seen:
                    seen.add(key)
                    claims.append(_claim(text, s, e, sentence, clause, mention, kind, None, negated, False, published,
                                         how, trigger_text, None))
            continue
        if kind in ("command", "territory_control"):
            kind = "pledge"
        for mention in subjects:
            key = (mention.entry.subject, kind, fig.low, fig.high, fig.personnel)
            if key in seen:
                continue
            seen.add(key)
            claims.append(_claim(text, s, e, sentence, clause, mention, kind, fig, negated,
                                 revision and mention.entry.subject in by_subject, published, how, trigger_text,
                                 None))
        # "Ghana promised 500 troops, Togo 25 and Benin 70": the verb and the noun go on for each name and number.
        for mention, more in _elliptic_chain(sentence, sl, fig, mentions):
            key = (mention.entry.subject, kind, more.low, more.high, more.personnel)
            if key not in seen and mention.entry.subject not in {m.entry.subject for m in subjects}:
                seen.add(key)
                claims.append(_claim(text, s, e, sentence, clause, mention, kind, more, negated, False, published,
                                     "elliptic", trigger_text, None))
    if "(" in sentence or len(mentions) > 1 or (mentions and mentions[0].entry.role == "demonym") or " from " in sl:
        claims += _bracket_claims(text, s, e, sentence, sl, clauses, mentions, figures, triggers, claims, seen, published)
    # Subjects with triggers but no figure: one claim each, of the strongest kind.
    figured = {c.subject for c in claims}
    for subject, trigs in by_subject.items():
        if not subject:
            continue
        mention = subject_mention[subject]
        territory = [t for t in trigs if t.group == "territory"]
        command = [t for t in trigs if t.group == "command"]
        for trig in territory:
            share = rules.SHARE.search(sl, trig.start, _clause_of(clauses, trig.start)[1]) or rules.SHARE.search(
                sl, *_clause_of(clauses, trig.start))
            if share is None:
                continue
            pct, approx = rules.share_value(share)
            key = (subject, "territory_control", pct)
            if key not in seen:
                seen.add(key)
                claims.append(_claim(text, s, e, sentence, _clause_of(clauses, trig.start), mention,
                                     "territory_control", None, trig.negated, False, published, trig.how, trig.text,
                                     (pct, approx), share))
        if command:
            trig = command[0]
            key = (subject, "command")
            if key not in seen:
                seen.add(key)
                claims.append(_claim(text, s, e, sentence, _clause_of(clauses, trig.start), mention, "command",
                                     None, trig.negated, False, published, trig.how, trig.text, None))
        rest = [t for t in trigs if t.group not in ("territory", "command") and id(t) not in used_triggers]
        if command:
            # "is being considered to lead": the consideration is the appointment's status, not a claim.
            rest = [t for t in rest if t.group not in ("consideration", "pledge")]
        if not rest or subject in figured:
            continue
        best = min(rest, key=lambda t: (_PRIORITY[t.group], t.start))
        if best.group in ("pledge", "send") and _OR_WEIGHING.search(sl):
            # "nations that have either pledged forces or are considering it include ...": not each has pledged
            best = next((t for t in rest if t.group == "consideration"), best)
        kind = _KIND_OF_GROUP[best.group]
        key = (subject, kind, None, None, None)
        if key in seen:
            continue
        seen.add(key)
        claims.append(_claim(text, s, e, sentence, _clause_of(clauses, best.start), mention, kind, None,
                             best.negated or any(t.group == "negation" for t in rest), revision, published, best.how,
                             best.text, None))
    if "respectively" in sl:
        claims = _respectively(claims, sl, mentions)
    if " out of " in sl:
        claims = _out_of_totals(claims, sentence, mission or doc_mission)
    if composition:
        claims = [c for c in claims if c.subject not in composition or c.low is not None or c.high is not None]
    if mission is not None or doc_mission is not None:
        claims = _to_mission(claims, mission, doc_mission, mentions, sl)
    claims = [c for c in claims if c.subject not in hosts or c.kind == "territory_control"]
    if any(c.kind == "other" and c.subject_kind == "country" for c in claims) and _RECEIVED.search(sl):
        # "MINUSCA welcomed 300 Rwandan peacekeepers": the mission received them, they arrived
        claims = [replace(c, kind="arrival") if c.kind == "other" and c.subject_kind == "country" and _RECEIVED.search(
            sl, max(0, sentence.find(c.quantity_text or "\0") - 40), max(0, sentence.find(c.quantity_text or "\0")))
            else c for c in claims]
    if any(c.kind == "other" and c.subject_kind == "country" for c in claims) and _HAS_BEFORE.search(sl):
        # "the Netherlands had 1,400 troops in Iraq", "with about 450 troops in Iraq": a country's deployed strength
        # (GUIDELINE section 2: "has N troops in" is an arrival), whatever the verb.
        claims = [replace(c, kind="arrival") if c.kind == "other" and c.subject_kind == "country" and _stationed_in(
            sentence, sl, c, mentions) else c for c in claims]
    if any(c.kind == "other" and c.subject in MISSIONS for c in claims) and _HAS_BEFORE.search(sl):
        # "As of February 2023, MONUSCO had 17,753 personnel": a mission's strength is its troops on the ground.
        claims = [replace(c, kind="arrival") if c.kind == "other" and c.subject in MISSIONS and _mission_has(sl, c)
                  else c for c in claims]
    if any(c.kind == "other" and c.subject in MISSIONS for c in claims) and _AUTHORIZES.search(sl):
        # "The Security Council created the intervention brigade of more than 3,000 troops": an authorized size.
        claims = [replace(c, kind="pledge") if c.kind == "other" and c.subject in MISSIONS else c for c in claims]
    claims.sort(key=lambda c: (c.start, c.subject))
    return claims


#: After a figure: it sizes a force ("the 1,250-strong force", "a 3,000 man force", "a 160,000-member force").
_SIZES_FORCE_AFTER = re.compile(r"[\d,.]*(?:-|\s+)?(?:strong|man|member|person)\s+(?:[\w.-]+\s+){0,3}?(?:force|mission)\b")
#: Before a figure: the force it sizes ("a U.N.-mandated force of 6,700 troops", "a force comprising at least 4,000",
#: "the force is expected to reach its full strength of 5,500").
_SIZES_FORCE_BEFORE = re.compile(
    r"\b(?P<det>the|this|a|an|its|their|his|her)\s+(?:[\w.-]+\s+){0,3}?(?:force|mission)\s+(?:(?:of|comprising|"
    r"numbering|totall?ing|with)|(?:in\s+[\w\s]{1,20}?\s+)?(?:comprising|numbering|of)|(?:is|will|would|should)\s+"
    r"[^,;]{0,50}?(?:strength|size|total)\s+of)\s+(?:[\d,]+\s+[a-z]+\s+and\s+)?$")
#: Before a figure: it is the whole that a first part belongs to ("the first detachment of 4,000 extra troops").
_FIRST_PART_OF_BEFORE = re.compile(r",\s+(?:being\s+|as\s+)?the\s+(?:first|initial|advance|second|third|next)\s+(?:detachment|batch|group|wave|"
                                   r"part|tranche|elements?|contingent)\s+of\s+(?:the\s+|an?\s+)?$")
#: After a force: whose it is ("a force from Tanzania").
_FORCE_FROM_AFTER = re.compile(r"\s+(?:[\w.-]+\s+){0,2}?from\s+")
_OWNER_DET = frozenset({"its", "their", "his", "her"})


def _force_total(sl: str, fig: Figure, mentions: list[_Mention], inherited: bool) -> bool:
    """Whether a figure is the size of a whole force that belongs to nobody named: not "its force of 1,200", not "a
    1,280 man force from Tanzania", not "a 395-strong Chinese force", not "Germany's 780-strong contingent"; and not
    "They will be joined by the 150-strong force", a force the sentence before named (but "They will be part of the
    3,000 strong force" is the whole)."""
    if any(fig.start <= m.start < fig.end and m.entry.role == "demonym" for m in mentions):
        return False  # "a force of 2,000 Italian soldiers": the figure names its own country
    after = _SIZES_FORCE_AFTER.match(sl, fig.end) or _SIZES_FORCE_AFTER.match(sl, fig.start, fig.end + 40)
    if after is not None:
        if not re.search(r"\bthe\s+(?:[\w-]+\s+)?$|\ban?\s+(?:planned|proposed|envisaged|envisioned|projected|"
                         r"eventual)\s+$", sl[max(0, fig.start - 25):fig.start]):
            return False  # "Morocco pledged a 3,000-strong force": the country's own force; "leads the 2,500-strong force"
        part = re.search(r"\b(?:part|members?)\s+of\s+(?:the|a|an)\s+(?:[\w.-]+\s+){0,2}$", sl[max(0, fig.start - 40):fig.start])
        if (inherited and not part) or _FORCE_FROM_AFTER.match(sl, after.end()) or re.search(
                r"\b(?:its|their|his|her)\s+(?:[\w.-]+\s+){0,2}$", sl[max(0, fig.start - 30):fig.start]) or any(
                after.start() <= m.start < after.end() and m.entry.kind == "country" for m in mentions):
            return False  # (a body or mission named in the force's words is the force: "a planned 8,000-strong AU mission")
        return not any(_OWNER_BEFORE.fullmatch(sl, m.end, fig.start) for m in mentions)
    start = fig.start  # a qualifier ("at least") is part of the figure
    before = _SIZES_FORCE_BEFORE.search(sl, max(0, start - 90), start)
    if before is None or before.group("det") in _OWNER_DET:
        return False
    if before.group().rstrip().endswith(" with") and any(m.agent and m.start < before.start() for m in mentions):
        return False  # "Kenya took part in the mission with 400 officers": what Kenya brings, not the mission's size
    return not any(before.start() <= m.start < start and m.agent and not (
        m.entry.kind == "organization" and _BODY_OF_FORCE.match(sl, m.end)) for m in mentions) and not any(
        _OWNER_BEFORE.fullmatch(sl, m.end, before.start("det") + len(before.group("det")) + 1) for m in mentions)


#: After a body's name: it names the force ("a UN force of 11,000", "an EU-led mission of 2,000"), it does not own it.
_BODY_OF_FORCE = re.compile(r"(?:[\s-]+(?:led|mandated|backed|authori[sz]ed))?\s+(?:[\w-]+\s+)?(?:force|mission)\b")
#: Before a mission's name: the force others go to or join ("soldiers to a UN-mandated EU force", "to join KFOR").
_JOINED_BEFORE = re.compile(r"\b(?:to|into|join|joining|joined|from)\s+(?:(?:an?|the)\s+(?:[\w.-]+\s+){0,3}?)?$")
#: A clause that opens with "with" and continues the one before: ", with 8,000 troops in Iraq".
_WITH_CLAUSE = re.compile(r"\s*with\s+(?:(?:nearly|about|around|some|almost|roughly|more\s+than|over|at\s+least)\s+)?"
                          r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:few\s+)?(?:hundred|thousand|dozen))")
_RECEIVED = re.compile(r"\b(?:welcomed|welcomes|received|receives|is\s+receiving|has\s+received)\b")
_HAS_BEFORE = re.compile(r"\b(?:has|have|had|with)\b")
_IN_BEFORE = re.compile(r"\b(?:in|inside)\s+(?:the\s+)?(?:[\w-]+\s+(?:[\w-]+\s+)?of\s+)?$")


#: Right before a mission's figure: it has them ("MONUSCO had 17,753 personnel", "the force now has about 900").
_MISSION_HAS_BEFORE = re.compile(r"\b(?:has|had|have)\s+(?:(?:now|currently|still)\s+)?(?:(?:about|around|some|nearly|roughly|"
                                 r"almost|more\s+than|over|at\s+least|an\s+estimated|only|just)\s+)?$")


def _mission_has(sl: str, c: ProposedClaim) -> bool:
    """Whether a mission's figure follows its "has" or "had" ("MONUSCO had 17,753 personnel")."""
    at = _figure_at(c)
    return at >= 0 and _MISSION_HAS_BEFORE.search(sl, max(0, at - 40), at) is not None


def _stationed_in(sentence: str, sl: str, c: ProposedClaim, mentions: list[_Mention]) -> bool:
    """Whether a claim's figure is had in a place the sentence names right after it ("had 1,400 troops in Iraq")."""
    at = sentence.find(c.quantity_text or "\0")
    if at < 0:
        return False
    end = at + len(c.quantity_text or "")
    if not _HAS_BEFORE.search(sl, max(0, at - 40), at):
        return False
    return any(end <= m.start <= end + 45 and _IN_BEFORE.search(sl, end, m.start) and m.entry.kind == "country"
               for m in mentions)


#: A condition that opens a sentence, up to the comma after it (commas before a name or "and" belong to a list):
#: "If Australia, Britain, Italy and Japan reduce their personnel, ...".
_IF_CLAUSE = re.compile(r"(?:^|[;:]\s*)\W*(?:[Bb]ut\s+|[Aa]nd\s+)?(?:[Ii]f|[Uu]nless|[Ss]hould)\s(?:[^,;]|,(?=\s*(?:[A-Z]"
                        r"[\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,|and\b|or\b)|and\b|or\b)))*")
#: Serving in a mission now: "are part of the SADC mission", "is serving with UNIFIL".
_MEMBERSHIP = re.compile(r"\b(?:are|is)\s+(?:now\s+|already\s+|currently\s+)?(?P<v>part\s+of|serving\s+(?:in|with|under))\s+"
                         r"(?:the\s+)?")
#: A condition set off by commas inside a clause: who it names does not act in the clause.
_IF_ASIDE = re.compile(r",\s*(?:if|unless|should)\s+[^,;]{2,40}?,")
#: An object pronoun for the force the sentence before named: "130 German soldiers are in Congo. 650 more troops will
#: join them."
_JOIN_THEM = re.compile(r"\b(?:join|joined|joining|reinforce|reinforced|reinforcing|relieve|relieved|replace|replaced)\s+"
                        r"them\b")


def _anaphor(sl: str, lo: int, hi: int) -> bool:
    """Whether the span of a (lower-cased) sentence refers back to a subject named before."""
    return rules.ANAPHOR.search(sl, lo, hi) is not None or _JOIN_THEM.search(sl, lo, hi) is not None


def _to_mission(claims: list[ProposedClaim], mission: str | None, doc_mission: str | None, mentions: list[_Mention],
                sl: str) -> list[ProposedClaim]:
    """A body's figure in a report about one of its missions is the mission's ("the UN deployed MINUSMA with 11,700
    troops"), and so is a claim where the body's name is an attribute of a force ("UN troops", "NATO's force")."""
    out, seen = [], set()
    for c in claims:
        at = _end_of(c, mentions)
        figure = c.low is not None or c.high is not None
        if c.subject in PARENT_BODIES and (not _MEMBERS_AFTER.match(sl, at) or (
                c.subject != "NATO" and _PARENT_OF.get(mission or doc_mission or "") == c.subject)):
            # (NATO's members acting together are NATO's claim, GUIDELINE section 3; "SADC countries agreed to send a
            # standby force" in a report about SAMIM is the mission's)
            # A mission named later in the report takes the figure too; NATO's new troops stay NATO's: the alliance
            # sends its reserve forces to its missions ("NATO will deploy 700 more troops"), while what it leads now
            # is the mission's ("NATO is leading some 32,000 troops under ISAF").
            own = None if c.subject == "NATO" and c.kind != "arrival" else mission or doc_mission
            if own is not None and _PARENT_OF.get(own) == c.subject and figure:
                c = replace(c, subject=own, subject_kind="organization")
            else:
                target = mission or doc_mission
                if target is not None and _PARENT_OF.get(target) == c.subject and (_ATTRIBUTIVE.match(sl, at) or (
                        c.subject != "NATO" and c.kind in _BODY_ACTS)):
                    c = replace(c, subject=target, subject_kind="organization")
        key = (c.subject, c.kind, c.low, c.high)
        if key not in seen:
            seen.add(key)
            out.append(c)
    figured = {(c.subject, c.kind) for c in out if c.low is not None or c.high is not None}
    return [c for c in out if c.low is not None or c.high is not None or (c.subject, c.kind) not in figured]


#: A mission's size set by a decision: GUIDELINE section 2 counts an authorized size as a pledge.
_AUTHORIZES = re.compile(r"\b(?:authori[sz]\w*|approv\w*|endors\w*|created|creates|establish\w*|mandat\w*)\b")
#: What a body does through its mission ("SADC has begun withdrawing its troops" in a report about SAMIM).
_BODY_ACTS = frozenset({"pledge", "arrival", "reduction_or_withdrawal"})
#: After a body's name: the name is an attribute of a force ("UN troops", "U.N. peacekeeping mission", "NATO's force").
_ATTRIBUTIVE = re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}?(?:troops|forces?|mission|peacekeepers|staff|soldiers)\b")


#: "NATO countries", "NATO allies": members acting together, the body's claim.
_MEMBERS_AFTER = re.compile(r"(?:['’]s)?\s+(?:member\s+)?(?:countries|allies|members|states|nations|heads|leaders)\b")


def _end_of(c: ProposedClaim, mentions: list[_Mention]) -> int:
    for m in mentions:
        if m.text == c.subject_text and m.entry.subject == c.subject:
            return m.end
    return 0


def _figures(sentence: str, sentence_low: str, units: Mapping[str, tuple[int, int]],
             unit_rx: tuple[re.Pattern[str], re.Pattern[str] | None]) -> list[Figure]:
    rx, hint = unit_rx
    if hint is not None and sentence.isascii() and hint.search(sentence_low) is None:
        found = []  # no unit word: nothing for the slower case-blind unit regex to find
    else:
        found = find_unit_figures(sentence, units, rx)
    numbers = find_number_figures(sentence, sentence_low)
    # "a battalion of 1,000 soldiers", "two battalions (up to 2,000 troops)": the stated number wins.
    found = [u for u in found if not any(_UNIT_THEN_NUMBER.fullmatch(sentence, u.end, n.start) for n in numbers
                                         if n.start >= u.end)]
    for fig in numbers + _bare_figures(sentence, sentence_low):
        if not any(u.start <= fig.start < u.end or fig.start <= u.start < fig.end for u in found):
            found.append(fig)
    found.sort(key=lambda f: f.start)
    return found


#: A sending verb and a bare number that ends its clause: the personnel noun is the report's ("is also sending 400.").
_SENT_BARE = re.compile(r"\b(?:send|sends|sending|sent|deploy|deploys|deploying|dispatch(?:es|ing|ed)?|contribute|"
                        r"contributes|contributing|provide|provides|providing|(?:talked|spoke|spoken)\s+of)\s+(?:(?:a\s+further|another|an\s+"
                        r"additional|an\s+extra)\s+)?(?:(?P<q>about|around|some|nearly|roughly|more\s+than|over|up\s+to|"
                        r"at\s+least)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d{2,5})(?![\d.,]\d)(?=\s*(?:[,;.]|$|\s+(?:more\s+)?(?:to|in|"
                        r"for|by|next|this|and)\b))")
_UNIT_THEN_NUMBER = re.compile(r"\s+of\s+|\s*\(\s*|\s*[–—-]\s*|,\s+or\s+")
#: A force's size given without a personnel noun: "currently numbers nearly 6,000", "increase the force's size to
#: 20,000", "strength of 8,000".
_BARE = re.compile(r"\b(?:numbers|numbering|(?:who|which|that|they|to)\s+(?:now\s+|currently\s+|still\s+|will\s+)?number|totals|totalling|totaling|strength\s+of|size\s+to|stands\s+at|to\s+a\s+total\s+of|"
                   r"(?:contingent|presence)\s*,?\s+with|(?:contingent|battalion|detachment)\s+of|(?:troops|soldiers|"
                   r"personnel|forces|contingent|strength|levels?|officers|police|peacekeepers|gendarmes)\s+(?:\w+\s+){0,2}?"
                   r"(?:to|by)|(?:cut|reduced|lowered|"
                   r"trimmed|increased|raised|shrunk|shrank|fallen|fell|dropped|declined|grown|grew|risen|rose|climbed|"
                   r"swelled|swollen|doubled|halved|fall|falls|drop|drops|rise|rises|grow|grows)\s+(?:it\s+)?to|(?:total|number|strength)\s+(?:number\s+)?of\s+"
                   r"(?:[\w-]+\s+){1,7}?to|"
                   r"(?:not\s+)?exceed|(?:reduc\w*|cut\w*|lower\w*|trim\w*|shrink\w*|shrank|shrunk|fell|fallen|dropped|declined|"
                   r"decreased|dwindled|increas\w*|rais\w*|boost\w*|"
                   r"expand\w*|scal\w*\s+(?:back|down))\s+(?:[\w'’-]+\s+){0,12}?from\s+(?:the\s+)?(?:current\s+)?(?:about\s+|around\s+|some\s+)?"
                   r"(?:\d{1,3}(?:,\d{3})+|\d{3})\s+to)\s+"
                   r"(?:(?P<q>nearly|about|around|almost|some|roughly|approximately|more\s+than|over|up\s+to|at\s+least)\s+)?"
                   r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)|\d{3,}|(?:an?|one|two|three|four|"
                   r"five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?:[\s-]+(?:hundred|"
                   r"thousand))+)\b(?!\s*(?:%|percent|per\s+cent))")


#: Before "troops by N": a change, so N is a number of people ("cut its troops by 2000"), not a year.
_CHANGED_BY = re.compile(r"\b(?:cut|reduc|increas|rais|boost|lower|trim|expand|shrink|shrank|grow|grew|draw)\w*")


def _bare_figures(sentence: str, sentence_low: str) -> list[Figure]:
    """Numbers whose personnel noun is elsewhere: a sending verb's bare object ("is also sending 400.", the noun is the
    report's), then a force's size ("numbers 6,000", "strength of 8,000", "cut to 3,000")."""
    found = []
    for rx in (_SENT_BARE, _BARE):
        for m in rx.finditer(sentence_low):
            n = m.group("n")
            value = int(re.sub(r"[,\s\u00a0\u202f]", "", n)) if n[0].isdigit() else words_to_int(n)
            if not value or (1900 <= value <= 2100 and "," not in n and (rx is _SENT_BARE or (
                    sentence_low.endswith("by ", 0, m.start("n"))
                    and not _CHANGED_BY.search(sentence_low, max(0, m.start() - 40), m.start())))):
                continue  # no number, or a year after a sending verb or "by" ("to Somali forces by 2028"; not "cut
                # its troops by 2000")
            q = " ".join((m.group("q") or "").split())
            if "exceed" in m.group(0):
                q = "up to"
            low, high = value, value
            if q in ("more than", "over", "at least"):
                high = None
            elif q == "up to":
                low = None
            start = m.start("q") if m.group("q") else m.start("n")
            if "number" in m.group(0) or "total" in m.group(0):
                start = m.start()  # "the total number of Kenyan police in Haiti to 744": the words name whose
            found.append(Figure(start=start, end=m.end("n"), low=low, high=high, approx=q in (
                "nearly", "about", "around", "almost", "some", "roughly", "approximately"),
                personnel="police" if "police" in m.group(0) else "troops", text=sentence[start:m.end("n")]))
    return found


#: Between a figure (or the previous "name number" pair) and the next name of an elliptical list; a short place may
#: follow the figure ("has 1,200 troops in the mission, Ghana 800").
_ELLIPSIS_GAP = re.compile(r"(?:\s+(?:more\s+)?(?:officers|troops|soldiers|personnel|peacekeepers))?\)?"
                           r"(?:\s+(?:in|to|at|for|with)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
                           r"\s*(?:,\s*(?:and\s+|while\s+|with\s+|followed\s+by\s+)?|;\s*|\s+(?:and|while|with|"
                           r"followed\s+by)\s+)(?:the\s+)?")
#: After the name: its own number, and nothing that starts a clause of its own ("Togo 25", "Benin about 70 police",
#: "Uruguay with 300", "Nepal (850)").
_ELLIPSIS_NUMBER = re.compile(
    r"(?:\s+(?:(?:with|sending|contributing|providing|deploying|pledging|offering|committing|supplying|adding|"
    r"dispatching)\s+)?|\s*\(\s*|,\s+)(?:(?P<q>about|around|some|nearly|roughly|up\s+to|at\s+least|more\s+than|over)\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,5})(?![\d,.]*\s*(?:%|percent|per\s+cent))"
    r"(?:\s+(?:more\s+)?(?P<noun>troops|soldiers|police(?:\s+officers)?|officers|personnel|peacekeepers|observers|"
    r"trainers|instructors|gendarmes))?\)?(?=\s*(?:[,;.)]|and\b|while\b|$)|\s+(?:to|in|into|for|at|by|next|this|last|"
    r"on|each)\b)")


#: A number right before a people's name in the plural ("including some 5,500 Australians", "1,100 Germans").
_NUMBER_BEFORE_NAME = re.compile(r"(?:(?P<q>about|around|some|nearly|roughly|almost|more\s+than|over|up\s+to|at\s+least)\s+)?"
                                 r"(?P<n>\d{1,3}(?:,\d{3})+|\d{2,6})\s+$")


def _demonym_figures(sentence: str, sl: str, mentions: list[_Mention], figures: list[Figure]) -> list[Figure]:
    """Figures whose noun is a people's name ("some 5,500 Australians"), in a sentence that has other figures."""
    out = []
    for m in mentions:
        if m.entry.role != "demonym" or not sl[m.start:m.end].endswith("s") or any(
                f.start <= m.start < f.end for f in figures):
            continue
        num = _NUMBER_BEFORE_NAME.search(sl, max(0, m.start - 30), m.start)
        if num is None:
            continue
        digits = num.group("n")
        value = int(digits.replace(",", ""))
        if "," not in digits and 1900 <= value <= 2100:
            continue  # a year
        q = " ".join((num.group("q") or "").split())
        low, high = (value, None) if q in ("more than", "over", "at least") else (None, value) if q == "up to" else (
            value, value)
        start = num.start("q") if q else num.start("n")
        out.append(Figure(start=start, end=m.end, low=low, high=high, approx=q in ("about", "around", "some", "nearly",
                                                                                  "roughly", "almost"),
                          personnel="troops", text=sentence[start:m.end]))
    return out


def _name_number(sentence: str, sl: str, m: _Mention, personnel: str) -> Figure | None:
    """The number right after a name in a list ("Togo 25", "Nepal (850)"), as a figure."""
    num = _ELLIPSIS_NUMBER.match(sl, m.end)
    if num is None:
        return None
    digits = num.group("n")
    value = int(digits.replace(",", ""))
    if "," not in digits and 1945 <= value <= 2045:
        return None  # "Kenya (2004)": a year
    q = " ".join((num.group("q") or "").split())
    low, high = value, value
    if q in ("more than", "over", "at least"):
        high = None
    elif q == "up to":
        low = None
    noun = num.group("noun") or ""
    personnel = "police" if "police" in noun else "trainers" if noun in ("trainers", "instructors") else (
        "observers" if noun == "observers" else personnel if not noun else "troops")
    start = num.start("q") if num.group("q") else num.start("n")
    end = num.end("noun") if noun else num.end("n")
    return Figure(start=start, end=end, low=low, high=high, approx=q in ("about", "around", "some", "nearly", "roughly"),
                  personnel=personnel, text=sentence[start:end])


def _elliptic_chain(sentence: str, sl: str, fig: Figure, mentions: list[_Mention]) -> list[tuple[_Mention, Figure]]:
    """The names after a figure that each take a number of their own with the figure's verb and noun left out
    ("Ghana promised 500 troops, Togo 25 and Benin 70"; "will withdraw 200 troops and Spain 150")."""
    found: list[tuple[_Mention, Figure]] = []
    end = fig.end
    while True:
        gap = _ELLIPSIS_GAP.match(sl, end)
        if gap is None:
            break
        nxt = [m for m in mentions if m.start == gap.end()]
        if not nxt or not nxt[0].agent:
            break
        more = _name_number(sentence, sl, nxt[0], fig.personnel)
        if more is None:
            break
        found.append((nxt[0], more))
        end = more.end
    return found


#: "Kenya (1,000), Chad (400)", "Indonesia 1,200, Italy 1,100": names with their numbers in brackets or right after.
_PAREN_NUMBER = re.compile(r"\s*\(\s*(?:about\s+|some\s+|up\s+to\s+)?\d|\s+\d[\d,]*(?:\s*[,;.]|\s+and\b|$)|"
                           r",\s*(?:about\s+|some\s+|up\s+to\s+)?\d[\d,]*\s*(?:;|\.?$)")  # "Indonesia, 20,000; Azerbaijan, 1,000"


def _bracket_figures(sentence: str, sl: str, mentions: list[_Mention]) -> list[tuple[_Mention, Figure]]:
    """Names followed by a bracketed number, when the sentence lists at least two ("contributors: Kenya (1,000),
    Chad (400)") or the brackets name the personnel ("Pakistan (1,200 troops)")."""
    found = []
    for m in mentions:
        if m.agent and _PAREN_NUMBER.match(sl, m.end):
            fig = _name_number(sentence, sl, m, "police" if "police" in sl else "troops")
            if fig is not None:
                found.append((m, fig))
    if len(found) < 2:
        found = [(m, f) for m, f in found if f.text[-1:].isalpha()]  # one bracket: only with its personnel noun
    # "600 German troops and 100 Austrians": a number of a people is that many of its troops.
    for m in mentions:
        num = _NUMBER_OF_PEOPLE.search(sl, max(0, m.start - 24), m.start) if m.entry.role == "demonym" and (
            m.text.endswith("s")) else None
        if num is not None and not _TROOPS_AFTER.match(sl, m.end) and (
                _PEOPLE_SERVE_AFTER.match(sl, m.end) or _PERSONNEL_AND_BEFORE.search(sl, 0, num.start()) or (
                    _INCLUDING_BEFORE.search(sl, max(0, num.start() - 12), num.start()) and rules.PERSONNEL_HINT.search(
                        sl, 0, num.start()))):
            value = int(num.group("n").replace(",", ""))
            q = (num.group("q") or "").strip()
            found.append((m, Figure(start=num.start(), end=m.end, low=None if q == "up to" else value,
                                    high=None if q in ("more than", "over", "at least") else value,
                                    approx=q in ("about", "around", "some", "nearly"), personnel="troops",
                                    text=sentence[num.start():m.end])))
    # "a few hundred troops: 70 from Albania, 150 from Azerbaijan", "about 500 with another 500 from France": a bare
    # number from a country, in a sentence that counts personnel, is that many of the country's.
    for m in mentions:
        if m.entry.kind != "country" or m.entry.role not in ("name", "code"):
            continue
        num = _NUMBER_FROM.search(sl, max(0, m.start - 40), m.start)
        if num is None or not rules.PERSONNEL_HINT.search(sl):
            continue
        value = int(num.group("n").replace(",", ""))
        if "," not in num.group("n") and 1900 <= value <= 2099:
            continue  # a year
        q = " ".join((num.group("q") or "").split())
        found.append((m, Figure(start=num.start("n") if q in ("another", "") else num.start(), end=num.end("n"),
                                low=None if q == "up to" else value,
                                high=None if q in ("more than", "over", "at least") else value,
                                approx=q in ("about", "around", "some", "nearly"),
                                personnel="police" if "police" in sl else "troops",
                                text=sentence[num.start("n") if q in ("another", "") else num.start():num.end("n")])))
    return found


_NUMBER_FROM = re.compile(r"(?:\b(?P<q>about|around|some|nearly|another|up\s+to|at\s+least|more\s+than|over)\s+)?"
                          r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})+|\d{2,6})\s+(?:more\s+|additional\s+)?from\s+(?:the\s+)?$")


#: "300 Rwandans will join", "100 Austrians serving": the people act as a force.
_PEOPLE_SERVE_AFTER = re.compile(r"\s+(?:(?:will|would|are|were|have|had|has|is|to|also|be|been|now|already)\s+)*"
                                 r"(?:join\w*|deploy\w*|arriv\w*|serv\w*|land\w*|patrol\w*|take\s+part|participat\w*)\b")
#: "10,000 troops from 22 nations, including some 5,500 Australians": a part of a figure of troops.
_INCLUDING_BEFORE = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+$")
#: A number that counts members: "27 NATO member states", "troops from 27 member countries".
_MEMBER_COUNT = re.compile(r"[\d,]+\s+(?:(?!(?:from|of|in)\b)[a-z.-]+\s+)?(?:member\s+)?(?:states|countries|nations|"
                           r"governments)\b|[\d,]+\s+(?:nato|eu|au|ecowas|sadc)\s+(?:members|allies)\b")
#: After a figure: named people and then a death ("two Chinese peacekeepers, Li Lei and Yang Shupeng, died").
_NAMED_DEAD_AFTER = re.compile(r"[^.;]{0,70}?,\s+(?:were\s+|was\s+)?(?:killed|died|dead|wounded|injured)\b")
#: After a figure: a country's troops on all its missions, not one force ("in peacekeeping missions in Kosovo,
#: Bosnia ...", "on various international missions", "in UN peacekeeping missions in various nations").
_ACROSS_MISSIONS_AFTER = re.compile(r"[^.;]{0,40}?\b(?:(?:international|foreign|overseas|peacekeeping|un|u\.n\.)\s+"
                                    r"(?:peacekeeping\s+)?missions\b|missions\s+(?:abroad|around\s+the\s+world|worldwide)|"
                                    r"in\s+various\s+(?:nations|countries|missions)|around\s+the\s+world|worldwide)")
#: "600 German troops and 100 Austrians": coordinated with a figure of troops.
_PERSONNEL_AND_BEFORE = re.compile(r"\b(?:troops|soldiers|police|officers|personnel|peacekeepers)\s*(?:,|and|,\s*and)\s+"
                                   r"(?:(?:about|around|some|nearly|up\s+to|more\s+than|over|at\s+least)\s+)?$")
_NUMBER_OF_PEOPLE = re.compile(r"(?:\b(?P<q>about|around|some|nearly|up\s+to|more\s+than|over|at\s+least)\s+)?"
                               r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})+|\d{2,5})\s+(?:more\s+|additional\s+)?$")


#: After a figure: the country its people come from ("250 soldiers from Mali", "250 each from Mali and Senegal").
_ORIGIN_AFTER = re.compile(r"(?:\s+(?:more\s+)?(?:troops|soldiers|police(?:\s+officers)?|officers|personnel|"
                           r"peacekeepers))?\s+(?:each\s+)?from\s+(?:the\s+)?")


#: A bare count right before the country its people come from: "nine from Germany, one from Holland".
_COUNT_FROM = re.compile(r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                         r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                         r"fifty)\s+(?:each\s+)?from\s+(?:the\s+)?")


#: A figure of a force that is there now: "(who) now number more than 4,000".
_NOW_NUMBER = re.compile(r"(?:who|which|that|they)\s+(?:now|currently|still)\s+number\b")
_PERSON_NOUN = re.compile(r"\b(?:officers|troops|soldiers|personnel|police(?:men|women)?|observers|peacekeepers|monitors|"
                          r"gendarmes|men|staff|members|experts|advisers|advisors|trainers|instructors|medics)\b")
_PEOPLE_LEAD = re.compile(_PERSON_NOUN.pattern + r"\s*(?:[:(,]|--|[–—])\s*$")


def _count_from_figures(sentence: str, sl: str, mentions: list[_Mention], figures: list[Figure]) -> list[Figure]:
    """Bare counts each followed by the country they come from ("the officers -- nine from Germany, one from
    Holland"), when the sentence has two or more figures that name their origin (`_origins`), these counts included."""
    out = []
    for mm in _COUNT_FROM.finditer(sl):
        n = mm.group("n")
        value = int(n.replace(",", "")) if n[0].isdigit() else words_to_int(n)
        if not value or any(f.start <= mm.start() < f.end for f in figures) or (
                n.isdigit() and 1900 <= value <= 2100) or not any(
                m.start == mm.end() and m.agent and m.entry.kind == "country" for m in mentions):
            continue
        out.append(Figure(start=mm.start("n"), end=mm.end("n"), low=value, high=value, approx=False,
                          personnel="troops", text=sentence[mm.start("n"):mm.end("n")]))
    if not out or len(_origins(sl, sorted(figures + out, key=lambda f: f.start), mentions)) < 2:
        return []
    # the counts are of people only when people were named first: "the officers -- nine from", "700 soldiers from
    # Germany, 400 from the US"; not "two battalions from Uganda, two from Burundi", "seven ships: two from Bangladesh"
    first = out[0].start
    led = [f for f in figures if f.end <= first and _ORIGIN_AFTER.match(sl, f.end)]
    if led and _PERSON_NOUN.search(led[0].text) or not led and _PEOPLE_LEAD.search(sl, max(0, first - 40), first):
        return out
    return []


#: A part of a figure before it given by nationality: ", of which 1,200 are Brazilian", "and of them 3,600 are
#: Americans", "1,000 of whom will be Kenyan", "400 of them are from Kenya".
_BREAKDOWN = re.compile(r"\b(?:of\s+(?:which|whom|them)\s+(?:(?P<q>about|around|some|nearly|roughly|more\s+than|over|"
                        r"up\s+to)\s+)?(?P<n1>\d{1,3}(?:,\d{3})+|\d{1,6})|(?P<n2>\d{1,3}(?:,\d{3})+|\d{1,6})\s+of\s+"
                        r"(?:whom|them|which))\s+(?:are|were|will\s+be|would\s+be|is|was|came|come)\s+(?:from\s+)?(?:the\s+)?")
_WHOLE_GAP = re.compile(r"\s*(?:,|[–—-]+)?\s*(?:and\s+)?")
#: The next part of a breakdown: "..., of which 780 are German and some 800 are French".
_MORE_PART = re.compile(r"(?:\s*,\s*|\s+)(?:and\s+)?(?:(?P<q>about|around|some|nearly|roughly|more\s+than|over|up\s+to)\s+)?"
                        r"(?P<n1>\d{1,3}(?:,\d{3})+|\d{1,6})\s+(?:are|were|will\s+be|would\s+be|came|come)\s+(?:from\s+)?"
                        r"(?:the\s+)?")


def _breakdowns(sentence: str, sl: str, mentions: list[_Mention], figures: list[Figure]
                ) -> list[tuple[Figure, _Mention, Figure | None]]:
    """Parts of a figure given by nationality (`_BREAKDOWN`): each part's figure, its country and the whole figure
    right before it (None when there is none)."""
    out: list[tuple[Figure, _Mention, Figure | None]] = []
    for first in _BREAKDOWN.finditer(sl):
        whole_end = first.start() if first.group("n1") else first.start("n2")
        wholes = [f for f in figures if f.end <= whole_end and _WHOLE_GAP.fullmatch(sl, f.end, whole_end)]
        mm: re.Match[str] | None = first
        while mm is not None:
            named = [m for m in mentions if m.start == mm.end() and m.agent and m.entry.kind == "country"]
            n = "n1" if mm.group("n1") else "n2"
            if not named or any(f.start <= mm.start(n) < f.end and f.end > named[0].start for f in figures):
                break
            value = int(mm.group(n).replace(",", ""))
            q = " ".join((mm.group("q") or "").split()) if n == "n1" else ""
            low, high = (value, None) if q in ("more than", "over") else (None, value) if q == "up to" else (value, value)
            start = mm.start("q") if q else mm.start(n)
            part = Figure(start=start, end=named[0].end, low=low, high=high, approx=q in ("about", "around", "some",
                          "nearly", "roughly"), personnel="troops", text=sentence[start:named[0].end])
            out.append((part, named[0], wholes[-1] if wholes else None))
            mm = _MORE_PART.match(sl, named[0].end)
    return out


def _origins(sl: str, figures: list[Figure], mentions: list[_Mention]) -> dict[int, list[_Mention]]:
    """The countries of origin of the figures (by start) when at least two figures each name their own ("750 troops
    from Egypt and 140 police from Mauritania", "250 soldiers from Mali and 250 from Senegal"): each figure is its
    origin's, whoever the sentence's verb belongs to. Nothing for a single figure, where "from" may be a place left."""
    found: dict[int, list[_Mention]] = {}
    for fig in figures:
        gap = _ORIGIN_AFTER.match(sl, fig.end)
        named = [m for m in mentions if gap is not None and m.start == gap.end() and m.agent and m.entry.kind == "country"]
        if named:
            found[fig.start] = _coordinated(named[0], sl, mentions)
    return found if len(found) >= 2 else {}


def _agent_before(pos: int, lo: int, mentions: list[_Mention]) -> _Mention | None:
    best = None
    for m in mentions:
        if m.agent and lo <= m.start and m.end <= pos:
            best = m
    return best


def _coordinated(anchor: _Mention, sentence: str, mentions: list[_Mention]) -> list[_Mention]:
    """Return the anchor and the names coordinated with it ("Indonesia, Pakistan and Azerbaijan")."""
    chain = [anchor]
    ordered = [m for m in mentions if m.agent]
    i = ordered.index(anchor)
    j = i - 1
    while j >= 0 and rules.COORDINATION_GAP.fullmatch(sentence[ordered[j].end:chain[0].start]):
        chain.insert(0, ordered[j])
        j -= 1
    j = i + 1
    while j < len(ordered) and rules.COORDINATION_GAP.fullmatch(sentence[chain[-1].end:ordered[j].start]):
        chain.append(ordered[j])
        j += 1
    unique: dict[str | None, _Mention] = {}
    for m in chain:
        unique.setdefault(m.entry.subject, m)
    return list(unique.values())


def _assign_subject(trig: _Trigger, sentence: str, clauses: list[tuple[int, int]], mentions: list[_Mention],
                    speakers: list[_Mention], inherited: tuple[str, ...], forms: dict[str, Entry]) -> None:
    lo, hi = _clause_of(clauses, trig.start)
    by = _OFFER_BY_AFTER.match(sentence, trig.end) if trig.text in ("offer", "offers", "pledge", "pledges") else None
    if by is not None:
        named = [m for m in mentions if m.agent and m.start == by.end()]
        if named:
            # "rejected an offer by Indonesia to send troops": the offer is Indonesia's, not the one who rejects it
            trig.subjects = _coordinated(named[0], sentence, mentions)
            trig.how = "after"
            return
    if trig.group == "command" and trig.text in ("led", "headed", "commanded") and _BY_AFTER.match(sentence, trig.end):
        # "the EU force will be commanded by an Irish general", "headed by General Abdulkadir from Nigeria": the
        # officer's country leads, not the force named before.
        named = [m for m in mentions if m.agent and trig.end < m.start <= trig.end + 70 and m.start < hi and (
            _BY_OFFICER_NAME.fullmatch(sentence, trig.end, m.start) or _FROM_BEFORE_NAME.search(sentence, trig.end, m.start))]
        if named:
            trig.subjects = [named[0]]
            trig.how = "after"
            return
    if trig.group == "command" and trig.text.lower().startswith("under "):
        # "will be under French command", "deployed under German leadership": the country named inside the phrase
        named = [m for m in mentions if trig.start < m.start < trig.end and m.entry.kind == "country"]
        trig.subjects = named[:1]  # none: "serve under the overall command of the force" is nobody's appointment
        trig.how = "after"
        return
    anchor = _agent_before(trig.start, lo, mentions) if not trig.text.startswith("replaced") else None
    if anchor is not None and trig.group == "command" and anchor.end <= trig.start:
        trig.subjects = _coordinated(anchor, sentence, mentions)
        return
    if anchor is not None:
        trig.subjects = _coordinated(anchor, sentence, mentions)
        return
    # After the trigger: "troops from Indonesia", "offered by Egypt", "deployed Indonesian troops".
    for m in mentions:
        if m.agent and trig.end <= m.start < hi:
            gap = sentence[trig.end:m.start]
            if _FROM_BY_BEFORE.search(gap) or (m.entry.role == "demonym" and _TROOPS_AFTER.match(sentence, m.end)
                                               and not _BESIDE_BEFORE.search(gap)):
                trig.subjects = _coordinated(m, sentence, mentions)
                trig.how = "after"
                return
            break
    # "..., but will not send soldiers": the previous clause's subject goes on.
    if lo > 0 and rules.ELLIPTIC_CLAUSE.match(sentence, lo):
        prev = [c for c in clauses if c[1] <= lo]
        if prev:
            anchor = _agent_before(trig.start, prev[-1][0], mentions)
            if anchor is not None:
                trig.subjects = _coordinated(anchor, sentence, mentions)
                trig.how = "elliptic"
                return
    # A pronoun that speaks for the speaker: "Indonesia's defence ministry said it would send".
    if speakers and rules.SPEAKER_PRONOUN_BEFORE.search(sentence, max(0, trig.start - 40), trig.start):
        candidates = [m for m in speakers if m.start < trig.start]
        if candidates:
            trig.subjects = [candidates[-1]]
            trig.how = "speaker"
            return
    # "Azerbaijani officials are weighing whether to send troops": officials speak for their own state
    # when they open the trigger's clause and nobody else in the clause could be the one acting.
    own = [m for m in speakers if lo <= m.start < trig.start and rules.OFFICIALS_ACT.fullmatch(sentence, m.end, trig.start)]
    if own and not any(m.agent and lo <= m.start < hi for m in mentions if m not in own):
        trig.subjects = [own[-1]]
        trig.how = "speaker"
        return
    if inherited and _anaphor(sentence, lo, hi) and (not any(m.agent for m in mentions) or (
            _LEADING_ANAPHOR.match(sentence) and not any(m.agent and m.start < trig.start for m in mentions))):
        # "It already has 200 soldiers in the U.N. force": the pronoun opening the sentence, before any other name
        trig.subjects = [_inherited_mention(x, forms) for x in inherited]
        trig.how = "inherited"


#: "have pledged troops or are considering it": an offer or a thought, the weaker for each of those named.
_OR_WEIGHING = re.compile(r"\bor\s+(?:are\s+|is\s+|were\s+|have\s+been\s+|has\s+been\s+)?(?:still\s+)?(?:considering|weighing|"
                          r"mulling|thinking\s+about)\b")
_AS_WELL_AS = re.compile(r",\s+as\s+well\s+as\s+(?:the\s+)?")
#: "troops from Senegal, Burkina Faso and Bangladesh ... will withdraw": the force's origin is its subject.
_TROOPS_FROM = re.compile(r"\b(?:troops|soldiers|forces|peacekeepers|police|contingents?|personnel)\s+from\s+(?:the\s+)?")
#: A leader of a country speaking for it: "Kazakhstan's President Tokayev also announced plans to send troops".
_LEADER_AFTER = re.compile(r"(?:['’]s)?\s+(?:[A-Z][\w.-]*\s+)?(?:President|Prime\s+Minister|Foreign\s+Minister|"
                           r"Defen[cs]e\s+Minister|King|Emir|Chancellor|government|cabinet)\b")
_WE_BEFORE = re.compile(r"\b(?:we|i)\s+(?:\S+\s+){0,3}$")
_QUOTE_END = re.compile(r"[”\"]\s*,?\s*")


def _more_subjects(trig: _Trigger, sentence: str, sl: str, clauses: list[tuple[int, int]], mentions: list[_Mention],
                   speakers: list[_Mention]) -> None:
    """Subjects found farther away when the trigger's clause has none."""
    lo, hi = _clause_of(clauses, trig.start)
    for m in _TROOPS_FROM.finditer(sl, 0, trig.start):
        first = [x for x in mentions if x.agent and x.start == m.end()]
        if first:
            trig.subjects = _coordinated(first[0], sl, mentions)
            trig.how = "after"
            return
    leaders = [m for m in speakers if m.start < trig.start and lo <= m.start and _LEADER_AFTER.match(sentence, m.end)]
    if leaders and not any(m.agent and lo <= m.start < hi for m in mentions):
        trig.subjects = [leaders[-1]]
        trig.how = "speaker"
        return
    # "“We have decided to deploy 700 more troops,” NATO Secretary-General Jens Stoltenberg told reporters"
    if sentence[:1] in "“\"" and _WE_BEFORE.search(sl, max(0, trig.start - 30), trig.start):
        end = _QUOTE_END.search(sentence, trig.end)
        if end:
            after = [m for m in speakers + mentions if m.start == end.end()]
            if after:
                trig.subjects = [after[0]]
                trig.how = "speaker"


#: After a people's name: it moves as a force ("Kenyans arrived", "the Rwandans have been deployed").
_PEOPLE_MOVE = re.compile(r"\s+(?:have\s+|had\s+|were\s+|are\s+|will\s+|also\s+|been\s+|first\s+)*(?:arrived|arrive|landed|"
                          r"deployed|deploy|withdrew|withdraw|pulled\s+out|took\s+over|returned\s+home)\b")
def _people_move(text: str, forms: dict[str, Entry], mentions: list[tuple[int, int, str]]) -> bool:
    """Whether a people moves as a force ("Kenyans arrived in Haiti", "the Rwandans have deployed")."""
    return any(forms[name].role == "demonym" and name.endswith("s") and getattr(forms.get(name[:-1]), "role", "") ==
               "demonym" and _PEOPLE_MOVE.match(text, me) for _, me, name in mentions)


#: Before a trigger: a national unit named only by its kind ("the battalion recently landed", "its contingent will").
_OWN_UNIT_BEFORE = re.compile(r"\b(?:the|its|our|their)\s+(?:first\s+|second\s+|new\s+|main\s+|advance\s+)?(?:battalion|"
                              r"contingent|detachment|unit|company|brigade|regiment|squadron|engineers)\s+(?:\w+\s+){0,3}$")
#: "1,000, 200 and 150 officers respectively", "412 troops, 403 and 275 respectively": a run of numbers that pairs with
#: a run of names.
_NUMBER_RUN = re.compile(r"(?<![\d,])(?P<run>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?P<noun1>troops|soldiers|police|officers|personnel|"
                         r"peacekeepers|observers|trainers)(?=\s*,))?"
                         r"(?:(?:\s*,\s+|\s*,?\s+and\s+)(?:\d{1,3}(?:,\d{3})+|\d+))+"
                         r"(?:\s+(?:[a-z-]+\s+)?(?P<noun>troops|soldiers|police|officers|personnel|peacekeepers|"
                         r"observers|trainers))?[^.;]*\brespectively\b")
_ONE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _respectively(claims: list[ProposedClaim], sl: str, mentions: list[_Mention]) -> list[ProposedClaim]:
    """Give coordinated subjects their own numbers: "Kenya and Jamaica have deployed 1,000 and 200 officers
    respectively" (the joint rule left them without a figure)."""
    run = _NUMBER_RUN.search(sl)
    if run is None:
        return claims
    written = _ONE_NUMBER.findall(run.group(0).split("respectively")[0])
    numbers = [int(n.replace(",", "")) for n in written]
    noun = run.group("noun") or run.group("noun1") or ""
    bare = [c for c in claims if c.low is None and c.high is None and c.kind not in ("command", "territory_control")]
    order = {m.entry.subject: m.start for m in reversed(mentions)}
    bare.sort(key=lambda c: order.get(c.subject, 10**6))
    if len(bare) != len(numbers) or len({c.kind for c in bare}) != 1:
        return claims
    personnel = "police" if noun in ("police", "officers") and "police" in sl else "troops"
    paired = {id(c): replace(c, low=n, high=n, personnel=personnel, quantity_text=w) for c, n, w in zip(
        bare, numbers, written, strict=True)}
    return [paired.get(id(c), c) for c in claims]


#: Right before a figure: the whole it is part of ("its 1,099 troops out of 9,923 peacekeepers").
_OUT_OF_BEFORE = re.compile(r"\bout\s+of\s+(?:a\s+total\s+(?:of\s+)?|the\s+|a\s+|an\s+)?(?:total\s+of\s+)?$", re.IGNORECASE)


def _out_of_totals(claims: list[ProposedClaim], sentence: str, mission: str | None) -> list[ProposedClaim]:
    """A country's figure after "out of" is the whole force's, not the country's ("Italy ... with its 1,099 troops out
    of 9,923 peacekeepers"): the mission's when the report names one, else no claim."""
    out: list[ProposedClaim] = []
    for c in claims:
        at = _figure_at(c)
        whole = at > 0 and _OUT_OF_BEFORE.search(sentence, max(0, at - 30), at) is not None
        if whole and c.subject_kind == "country" and any(
                o is not c and o.subject == c.subject and o.low is not None and
                0 <= _figure_at(o) < at for o in claims):
            if mission is not None and mission in MISSIONS and not any(
                    o.subject == mission and o.low == c.low for o in claims):
                out.append(replace(c, subject=mission, subject_kind="organization"))
            continue
        out.append(c)
    return out


#: Before a trigger: someone asks a named other to act ("urged Ethiopia to withdraw", "asked Kenya to send").
_REQUESTED_OF = re.compile(r"\b(?:asked|asks|urged|urges|requested|requests|pressed|presses|called\s+on|calls\s+on|"
                           r"invited|invites|told|ordered)\s+(?:the\s+)?[^,;]{2,40}?\s+to\s+(?:\w+ly\s+)?$")
#: Before a trigger: the one who acts was asked to ("had been asked by the United Nations to build and lead").
_ASKED_PASSIVE = re.compile(r"\b(?:was|were|been|is|are|being)\s+(?:asked|requested|invited|urged|called\s+upon)\s+"
                           r"(?:by\s+[^,;]{2,40}?\s+)?to\s+(?:\w+\s+(?:and|or)\s+)?(?:\w+ly\s+)?$")
_FOR_PLACE_BEFORE = re.compile(r"\b(?:troops|soldiers|police|personnel|peacekeepers|officers|bound|headed|heading|"
                               r"destined|leave|left|depart\w*)\s+for\s+(?:the\s+)?$")
_REQUESTER_BEFORE = re.compile(r"(?:\b(?:asked|urged|requested|pressed|invited|called\s+on|ordered)\s+by|\bat\s+the\s+"
                               r"(?:request|invitation|urging|behest)\s+of)\s+(?:the\s+)?$")
_REQUEST_AFTER = re.compile(r"['’]s\s+(?:request|invitation|urging|behest)\b")
#: A present-tense "leads"/"is leading" (a description), not "will lead" or "was chosen to lead".
_LEADS_NOW = re.compile(r"(?:leads|is\s+leading|heads|commands)\b")
_LED_FOR_YEARS_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?been\s+$")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$")
#: A first-person pronoun inside quotation marks (on lower-cased text).
_FIRST_PERSON_QUOTE = re.compile(r"[“\"][^”\"]*?\b(?:we|i|our|my|us)\b")
_FIRST_PERSON = re.compile(r"\b(?:we|i|our|my|us)\b")
_CLOSE_QUOTE = re.compile(r"[”\"]")
_WE_OPENS = re.compile(r"\W*(?:we|i|our)\b")
#: The comma before an attribution at the end of a sentence: ", the Kenyan president said", ", said Ghana's minister".
_SAID_AFTER = re.compile(r",\s+(?=(?:said|says|told|added|according)\b|[^,]{0,70}\b(?:said|says|told|added)\b[^,]{0,40}$)")


#: A sentence that opens with an anaphor for a country or its force (on lower-cased text).
_LEADING_ANAPHOR = re.compile(r"\W*(?:(?:but|and|however|meanwhile|now),?\s+)?(?:it|its|the\s+(?:country|kingdom|republic|"
                              r"government|contingent|country['’]s)|these\s+(?:forces|troops|soldiers|police)|"
                              r"(?P<plural>they|both(?:\s+countries)?|the\s+two(?:\s+countries)?))\b")


def _countries(mentions_all: list[tuple[int, int, str]], mention_starts: list[int], forms: dict[str, Entry], s: int,
               e: int, hosts: frozenset[str]) -> tuple[str, ...]:
    """The countries named between s and e that are not hosts, in order (none when an organization is named)."""
    named = [forms[name] for _, _, name in mentions_all[bisect_left(mention_starts, s):bisect_left(mention_starts, e)]
             if forms[name].kind != "blocked"]
    if any(x.kind != "country" for x in named):
        return ()
    return tuple(dict.fromkeys(x.subject or "" for x in named if x.subject not in hosts))


def _previous_sentence(text: str, ps: int, sentences: list[tuple[int, int]], i: int) -> tuple[int, int]:
    """The span of the sentence before sentence `i` of the line starting at `ps` (the last one of the previous
    non-blank line for the line's first sentence); (0, 0) when there is none."""
    if i:
        return ps + sentences[i - 1][0], ps + sentences[i - 1][1]
    end = ps - 1
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    if end <= 0:
        return 0, 0
    start = text.rfind("\n", 0, end) + 1
    spans = split_sentences(text[start:end])
    return (start + spans[-1][0], start + spans[-1][1]) if spans else (0, 0)


def _only_country(mentions_all: list[tuple[int, int, str]], mention_starts: list[int], forms: dict[str, Entry],
                  s: int, e: int, hosts: frozenset[str] = frozenset()) -> str | None:
    """The one country (or organization) named between s and e, None when none or several are. The places a force
    goes to do not count, nor does a body beside a country ("1,600 French troops to join the UN force in Lebanon")."""
    named = {forms[name].subject for _, _, name in mentions_all[bisect_left(mention_starts, s):bisect_left(mention_starts, e)]
             if forms[name].kind != "blocked" and forms[name].subject not in MISSIONS and forms[name].subject not in hosts}
    if len(named) > 1 and named - PARENT_BODIES:
        named -= PARENT_BODIES
    return named.pop() if len(named) == 1 else None


def _first_person(pos: int, sentence: str, sl: str, mentions: list[_Mention], speakers: list[_Mention],
                  speaker_prev: str | None, forms: dict[str, Entry]) -> _Mention | None:
    """Who "we" or "I" is in a quote holding `pos`: the speaker named after the quote ("“We will send 300
    soldiers,” said the Kenyan president"), else the one named before it, else the one country the sentence
    before names ("Chile's president spoke. “I have authorised ...,” he said")."""
    opening = max(sentence.rfind("“", 0, pos), sentence.rfind('"', 0, pos))
    if opening < 0:
        # Without quotation marks: "We will send 300 soldiers, the Kenyan president said."
        if not _WE_OPENS.match(sl) or not _SAID_AFTER.search(sl, pos):
            return None
        opening, close = 0, _SAID_AFTER.search(sl, pos)
    elif not _FIRST_PERSON.search(sl, opening, pos):
        return None
    else:
        close = _CLOSE_QUOTE.search(sentence, pos)
    named = sorted([m for m in mentions if m.agent] + speakers, key=lambda m: m.start)
    if close is not None:
        after = [m for m in named if close.end() <= m.start <= close.end() + 60]
        if after:
            return after[0]
    before = [m for m in named if m.end <= opening]
    if before:
        return before[-1]
    if speaker_prev is not None:
        return _inherited_mention(speaker_prev, forms)
    return None


def _inherited_mention(subject: str, forms: dict[str, Entry]) -> _Mention:
    kind = "organization" if not (len(subject) == 3 and subject.isupper()) else "country"
    return _Mention(-1, -1, "", Entry(subject, kind, "inherited"), True)


def _figure_subjects(fig: Figure, sentence: str, clause: tuple[int, int], mentions: list[_Mention],
                     speakers: list[_Mention], inherited: tuple[str, ...],
                     forms: dict[str, Entry]) -> tuple[list[_Mention], str]:
    inside = [m for m in mentions if (fig.start <= m.start < fig.end and m.entry.role in ("demonym", "org")) or (
        _name_in_figure(m, fig, sentence)) or (fig.end <= m.start <= fig.end + 1 and m.entry.role == "demonym" and
                                                _TROOPS_AFTER.match(sentence, m.end))]
    if inside:
        return [inside[0]], "direct"
    anchor = _agent_before(fig.start, clause[0], mentions)
    if anchor is not None:
        return _coordinated(anchor, sentence, mentions), "direct"
    if clause[0] > 0 and _WITH_CLAUSE.match(sentence, clause[0]):
        # "Ukraine had the fifth largest contingent, with nearly one thousand troops in Iraq": the clause goes on
        # describing the previous clause's subject.
        anchor = _agent_before(clause[0], 0, mentions)
        if anchor is not None and not any(m.agent and clause[0] <= m.start < fig.start for m in mentions):
            return _coordinated(anchor, sentence, mentions), "direct"
    if inherited and _anaphor(sentence, *(clause if mentions else (0, len(sentence)))) and (
            not any(m.agent for m in mentions) or (_LEADING_ANAPHOR.match(sentence) and not any(
                m.agent and m.start < fig.start for m in mentions))):
        return [_inherited_mention(x, forms) for x in inherited], "inherited"
    return [], "none"


#: After a trigger: a passive whose agent follows ("will be joined next week by 160 Moroccan soldiers").
_JOINED_BY = re.compile(r"[^.;,]{0,30}?\bby\b")
#: Between a sending verb and its figure: nothing but an article ("deploy 1,000", "send another 2,000").
_SENT_OBJECT_GAP = re.compile(r"\s+(?:(?:an?|another|a\s+further|some|about|around|up\s+to|nearly|over|more\s+than)\s+)?")


#: A sentence that opens on a figure ("With 1,400 troops, ...", "With about 90,000 troops, the United States ...").
_WITH_OPENER = re.compile(r"\W*(?:[\w-]+\s*:\s*-?\s*)?with\s+(?:(?:about|around|some|nearly|roughly|over|more\s+than|"
                          r"almost|an\s+estimated|just\s+over|just\s+under)\s+)?", re.IGNORECASE)
_OPENER_GAP = re.compile(r"[^,;.]{0,40},\s+(?:the\s+)?")


def _with_opener_owner(fig: Figure, sl: str, mentions: list[_Mention]) -> _Mention | None:
    """The country a sentence's opening "With N troops," describes: the first name right after the comma."""
    if not _WITH_OPENER.fullmatch(sl, 0, fig.start):
        return None
    after = [m for m in mentions if m.start >= fig.end]
    if after and after[0].entry.kind == "country" and _OPENER_GAP.fullmatch(sl, fig.end, after[0].start):
        return after[0]
    return None


def _a_hat(inside: _Mention, subjects: list[_Mention]) -> bool:
    """Whether an organization named inside a figure is only the hat its force wears, with a country acting
    ("Chad planned to deploy 1,000 additional UN peacekeepers", "Uganda will send 2,000 more AU troops")."""
    return inside.entry.kind == "organization" and inside.entry.subject not in MISSIONS and any(
        m.entry.kind == "country" for m in subjects)


def _other_country_after(end: int, sentence: str, mentions: list[_Mention]) -> bool:
    return any(end <= m.start <= end + 12 and m.entry.kind == "country" for m in mentions)


_CONFIDENCE = {"learned": 0.35, "label": 0.7, "mission": 0.6, "direct": 0.9, "after": 0.8, "elliptic": 0.75, "speaker": 0.75, "default": 0.65, "inherited": 0.55}


def _claim(text: str, s: int, e: int, sentence: str, clause: tuple[int, int], mention: _Mention, kind: str,
           fig: Figure | None, negated: bool, revision: bool, published: date, how: str, trigger: str | None,
           share: tuple[float, bool] | None, share_match: re.Match[str] | None = None) -> ProposedClaim:
    entry = mention.entry
    subject_kind = "organization" if entry.kind == "organization" else "country"
    timing = _pick_timing(find_timings(sentence, published), clause, fig)
    as_of = published
    if timing is not None and timing.from_ is not None and timing.from_ == timing.to and timing.from_ <= published:
        as_of = timing.from_
    tasks = rules.tasks_in(sentence[clause[0]:clause[1]]) if kind in _TASK_KINDS else ()
    sl = sentence.lower() if len(sentence.lower()) == len(sentence) else sentence
    appointment = None
    if kind == "command":
        appointment = "considered" if rules.CONSIDERED.search(sl) else "decided"
    phase = None
    if fig is not None:
        pm = rules.PHASE.search(sl, clause[0], clause[1])
        if pm:
            phase = "initial" if pm.group("i") else pm.group("p").lower()
            phase = "initial" if phase in ("first", "advance") else phase
    confidence = _CONFIDENCE.get(how, 0.6)
    if kind == "other":
        confidence = min(confidence, 0.5)
    if fig is None and kind in ("pledge", "consideration"):
        confidence -= 0.1
    return ProposedClaim(
        subject=entry.subject or "", subject_kind=subject_kind, kind=kind,
        low=fig.low if fig else None, high=fig.high if fig else None,
        approx=(fig.approx if fig else False) or bool(share and share[1]),
        personnel=fig.personnel if fig else None, quantity_text=_quantity_text(sentence, fig, share_match, trigger, kind),
        conversion=fig.conversion if fig else None, tasks=tasks, as_of=as_of,
        timing_text=timing.text if timing else None, timing_from=timing.from_ if timing else None,
        timing_to=timing.to if timing else None, share_pct=share[0] if share else None,
        negated=negated, revision=revision, quote=text[s:e], start=s, end=e, confidence=round(confidence, 2),
        subject_text=mention.text, trigger=trigger, appointment=appointment, phase=phase,
    )


def _pick_timing(timings: list[Timing], clause: tuple[int, int], fig: Figure | None) -> Timing | None:
    """The timing after the figure in its clause, else the first in the clause, else the first in the sentence."""
    if not timings:
        return None
    if fig is not None:
        for t in timings:
            if fig.end <= t.start and t.end <= clause[1]:
                return t
    for t in timings:
        if clause[0] <= t.start < clause[1]:
            return t
    return timings[0]


_SMALLER = re.compile(r"smaller|fewer", re.IGNORECASE)
_EQUIPMENT = re.compile(r"(?:(?:at\s+least|up\s+to|some|about|as\s+many\s+as)\s+)?\b(?:\d+|an?|one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|several|a\s+few)\s+(?:[\w-]+\s+){0,2}?(?:ships|vessels|frigates|warships|corvettes|"
                        r"helicopters|aircraft|planes|jets|drones)\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\ba\s+$")
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*|enclave|territory|strip)(?:\s+Strip)?")


def _quantity_text(sentence: str, fig: Figure | None, share: re.Match[str] | None, trigger: str | None,
                   kind: str) -> str | None:
    """Return the words that state the quantity, as written."""
    if fig is not None:
        return fig.text
    if share is not None:
        place = _OF_PLACE.match(sentence, share.end())
        return sentence[share.start():place.end() if place else share.end()]
    equipment = _EQUIPMENT.search(sentence)
    if equipment and kind in ("pledge", "arrival", "consideration", "reduction_or_withdrawal"):
        return equipment.group()  # "at least two ships": not personnel, but the quantity as stated
    if kind == "reduction_or_withdrawal" and trigger and _SMALLER.search(trigger):
        at = sentence.find(trigger)
        article = _ARTICLE_BEFORE.search(sentence[max(0, at - 2):at]) if at >= 0 else None
        return ("a " if article else "") + trigger
    return None


def extract_document(raw: str, source: str, *, published: date | None = None,
                     units: Mapping[str, tuple[int, int]] | None = None) -> list[dict[str, object]]:
    """Return the rows of the claims in a raw document (the seeds' layout: a ``date`` first line).

    Spans in the rows are into the body (the text after the date marker). `published` is required when
    the document has no date line.
    """
    day, body = parse_document(raw)
    day = published or day
    if day is None:
        raise ValueError(f"{source}: no date line and no published date given")
    return [claim_row(c, source) for c in extract(body, published=day, units=units)]


def extract_jsonl(*items: str | Path, published: date | None = None,
                  units: Mapping[str, tuple[int, int]] | None = None) -> list[dict[str, object]]:
    """Return the rows for documents given as paths (read as UTF-8) or as raw texts (source "text:N")."""
    rows: list[dict[str, object]] = []
    for i, item in enumerate(items):
        if isinstance(item, Path):
            rows.extend(extract_document(item.read_text(encoding="utf-8"), item.name, published=published,
                                         units=units))
        else:
            rows.extend(extract_document(item, f"text:{i}", published=published, units=units))
    return rows
