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
from stabforce.engines.extract.gazetteer import (
    MISSIONS,
    PARENT_BODIES,
    Entry,
    gazetteer,
    name_matches,
    rare_anchor_pattern,
    trie_pattern,
)
from stabforce.engines.extract.model import ProposedClaim, claim_row
from stabforce.engines.extract.numbers import Figure, find_number_figures, find_unit_figures, unit_hint, unit_pattern
from stabforce.engines.extract.rosters import add_roster_claims
from stabforce.engines.extract.sentences import parse_document, split_sentences
from stabforce.engines.extract.timing import Timing, find_timings
from stabforce.engines.extract.triggers import Hit, find_triggers
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


def extract(text: str, *, published: date, units: Mapping[str, tuple[int, int]] | None = None) -> list[ProposedClaim]:
    """Return the claims proposed for a text published on `published`, in text order."""
    units = dict(UNIT_STRENGTH if units is None else units)
    unit_rx, unit_hint_rx = _units_rx(tuple(sorted(units.items())))
    forms = gazetteer()[1]
    mentions_all = []
    for m in name_matches(text):
        ms = m.start()
        if ms:  # `starts_word`, inlined: not inside "xNATO" or after "U."
            before = text[ms - 1]
            if before.isalnum() or before in "._":
                continue
        mentions_all.append((ms, m.end(), m.group()))
    labels = _labels(text, forms) if _LABEL_HINT.search(text) else {}
    if not mentions_all and not labels:
        return []
    mention_starts = [m[0] for m in mentions_all]
    missions = [(ms, forms[name].subject or "") for ms, _, name in mentions_all if forms[name].subject in MISSIONS]
    hosts = _hosts(text, mentions_all, forms)
    low = _lower(text)
    claims: list[ProposedClaim] = []
    previous_subjects: tuple[str, ...] = ()
    previous_end = -1
    spans = _paragraphs(text, mention_starts)
    if labels:
        spans = sorted(set(spans) | {(ps, pe) for ps, (pe, _, _) in labels.items()})
    for ps, pe in spans:
        label = labels.get(ps)
        # A line without any force or share word holds no sentence that passes the test below: skip it
        # before splitting it into sentences.
        hint = _LINE_ANCHOR.search(low, ps, pe)
        if hint is None:
            continue
        first_hint = hint.start()  # inside the first force or share word
        for rs, re_ in split_sentences(text[ps:pe]):
            s, e = ps + rs, ps + re_
            if e <= first_hint:
                continue  # no force or share word
            m_lo, m_hi = bisect_left(mention_starts, s), bisect_left(mention_starts, e)
            follows = previous_subjects and _adjacent(text, previous_end, s)
            mission = _mission_at(missions, s, e)
            if m_lo == m_hi and not follows and mission is None and label is None:
                continue
            # The first force or share word of the line starts at most `_LONGEST_HINT - 1` before `first_hint`.
            force_ctx, share_hint = _force_or_share(low, max(s, first_hint - _LONGEST_HINT + 1), e)
            if not force_ctx and not share_hint:
                continue  # every kind needs a force word, except territory, which needs a share
            sentence_low = low[s:e]
            hits = find_triggers(sentence_low)
            hinted = rules.PERSONNEL_HINT.search(sentence_low) is not None or _BARE.search(sentence_low) is not None
            if not hits and not hinted:
                continue
            if m_lo == m_hi and not rules.ANAPHOR.search(sentence_low) and label is None and not (
                    mission is not None and _FORCE_HEAD.search(sentence_low)):
                continue
            found = _sentence_claims(text, s, e, mentions_all[m_lo:m_hi], hits, forms, published, units,
                                     (unit_rx, unit_hint_rx), previous_subjects if follows else (), sentence_low, hinted,
                                     force_ctx, mission, hosts, missions[0][1] if missions else None,
                                     None if label is None else label[1:])
            if found:
                claims.extend(found)
                subjects = tuple(dict.fromkeys(c.subject for c in found))
                previous_subjects = subjects if len(subjects) == 1 else ()
                previous_end = e
    return add_roster_claims(text, low, claims, mentions_all, forms, hosts, published)


#: A list line: "France - 2,000 troops", "POLAND: Polish Foreign Minister ... announced", "• Chad: 1,500 soldiers".
_LABEL = re.compile(r"^[ \t]*(?:[-•*·][ \t]*)?(?P<name>[A-Z][A-Za-z'’.]*(?:[ \t]+[A-Za-z][A-Za-z'’.]*){0,3}?)[ \t]*"
                    r"(?:[-–—:]|\((?=[ \t]*\d))[ \t]*(?=\S)", re.MULTILINE)
_ON_THE_GROUND = re.compile(r"(?i:on\s+the\s+ground|in\s+place|currently|strength|serving|stationed)")
_LABEL_HINT = re.compile(r"^[ \t]*(?:[-•*·][ \t]*)?[A-Z][^\n]{0,40}?[ \t]*[-–—:(]", re.MULTILINE)
#: A heading over a list: "Here is a breakdown of countries prepared to contribute troops:".
_HEADING = re.compile(r"^[^\n]*:[ \t]*$", re.MULTILINE)


def _labels(text: str, forms: dict[str, Entry]) -> dict[int, tuple[int, str, str | None]]:
    """Return, per list line (by its start), the line's end, the subject its label names and the kind its heading
    gives (None without a heading)."""
    found: dict[int, tuple[int, str, str | None]] = {}
    for m in _LABEL.finditer(text):
        name = m.group("name")
        entry = forms.get(name) or forms.get(name.title()) or forms.get(name.title().replace(" Of ", " of "))
        if entry is None or entry.kind == "blocked" or entry.role not in ("name", "org", "code"):
            continue
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        group = None
        for h in _HEADING.finditer(text, 0, m.start()):
            hits = [t for t in find_triggers(_lower(h.group())) if t.group not in ("command", "territory")]
            group = hits[0].group if hits else "arrival" if _ON_THE_GROUND.search(h.group()) else None
        found[text.rfind("\n", 0, m.start()) + 1] = (end, entry.subject or "", group)
    return found


#: Words that make a figure without a named subject the strength of the mission the report is about.
_FORCE_HEAD = re.compile(r"\b(?:force|mission|total|target|strength|contingent|deployment|troops|soldiers|"
                         r"peacekeepers|personnel)\b")
#: Which body fields which mission: "UN troops" in a report about MINUSMA are MINUSMA's.
_PARENT_OF = {"UNIFIL": "United Nations", "MINUSMA": "United Nations", "MINUSTAH": "United Nations",
              "MONUSCO": "United Nations", "UNMISS": "United Nations", "MINUSCA": "United Nations", "KFOR": "NATO",
              "ISAF": "NATO", "AMISOM": "African Union", "ATMIS": "African Union", "EUFOR": "European Union"}


#: Before a country's name: the place a force goes to or stays in ("arrived in Haiti", "deployed to Lebanon").
_HOST_BEFORE = re.compile(r"\b(?:in|to|into|inside|throughout|across|within)\s+(?:the\s+)?(?:southern\s+|northern\s+|"
                          r"eastern\s+|western\s+|central\s+|south\s+|north\s+)?$")
#: A force on the move or on the ground, shortly before the place ("troops arrived in Haiti").
_MOVE_BEFORE = re.compile(r"(?i:troops|soldiers|forces|police|peacekeep\w*|personnel|contingent|deploy\w*|arriv\w*|"
                          r"sent|send\w*|landed|mission|force|withdraw\w*|stationed|serving)\b[^.;]*$")
#: Before "to <country>": going there ("sent 850 soldiers to Somalia", "carrying troops to Lebanon").
_MOVE_TO_BEFORE = re.compile(r"(?i:deploy\w*|sent|send\w*|carrying|dispatch\w*|arriv\w*|fl[oy]\w*|head\w*|bound|"
                             r"mov\w*|troops|soldiers|peacekeepers|police|personnel|contingent)\b[^.;]*$")
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
                _MOVE_TO_BEFORE.search(text, max(0, ms - 60), ms)):
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
                 "UNMISS": "SSD", "MINUSCA": "CAF", "International Stabilization Force": "PSE"}


def _mission_at(missions: list[tuple[int, str]], s: int, e: int) -> str | None:
    """The mission a sentence speaks of: the last one named before its end (None when none was named yet)."""
    found = None
    for pos, subject in missions:
        if pos >= e:
            break
        found = subject
    return found


_SHARE_HINT = re.compile(r"%|percent|per cent|half|third|quarter")
#: Every match of `rules.FORCE_CONTEXT` or `_SHARE_HINT` starts with one of these (on lower-cased text).
_HINT_WORDS = [*rules.FORCE_STEMS, "%", "percent", "per cent", "half", "third", "quarter"]
_LINE_HINT = re.compile(trie_pattern(_HINT_WORDS))
#: The same words found at their rarest letter: a faster yes/no test for a whole line.
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
#: Besides training others, a task of its own ("train police and help secure border crossings"): a contribution.
_OWN_TASK = re.compile(r"\b(?:help|secure|patrol|protect|guard|deploy|send|police\s+the)\b")
#: Words near a figure that make it a count of the dead, the wounded or a wish rather than a force.
_CASUALTY_AFTER = re.compile(r"[^.;]{0,25}?\b(?:killed|died|dead|wounded|injured|casualties)\b|"
                             r"\s+that\s+[^,.;]{0,40}?\b(?:hoped|wanted|requested|asked\s+for|sought)\b")
_CASUALTY_BEFORE = re.compile(r"\b(?:lives\s+of|wounded|killed|killing|injured)\s+(?:at\s+least\s+|some\s+|over\s+)?$")
#: "Its commitment of 50 personnel": the figure is an offer whatever the sentence's verb.
_OFFER_OF_BEFORE = re.compile(r"\b(?:commitment|pledge|offer|promise)\s+of\s+(?:up\s+to\s+|some\s+|about\s+)?$")
#: "Bulgaria's 380": the owner right before a figure.
_OWNER_BEFORE = re.compile(r"['’]s\s+")
_ASKS = re.compile(r"\b(?:urged|urging|asked|asking|called\s+on|pressed|pressing|demanded)\b")
#: A figure someone asked for is not a contribution.
_ASKED_BEFORE = re.compile(r"\b(?:asked\s+for|called\s+for|appealed\s+for|requested|sought|calls\s+for)\s+"
                           r"(?:(?:up\s+to|some|about|an?\s+additional|another)\s+)?$")
#: Present strength: "NATO is leading some 32,000 troops", "has 1,000 troops there".
_PRESENT = re.compile(r"\b(?:is|are|has|have|currently|now|remain|remains)\b")
#: "1,000 troops each": every subject of a coordination sends the figure, not all of them together.
_EACH_AFTER = re.compile(r"\s+each\b")
#: A force that grows: the mission's strength ("is projected to grow to 15,000 troops").
_GROWTH = re.compile(r"(?:projected\s+to|expected\s+to|will\s+be|to\s+be|is\s+to|will)\s+(?:grow|increase|expand|be\s+enlarged|enlarged)\b")

#: A command trigger needs one of these in its sentence.
_COMMANDED = re.compile(r"\b(?:ISF|force|mission|contingent|stabili[sz]ation)\b", re.IGNORECASE)
#: After a trigger: "troops from Indonesia", "deployed Indonesian troops".
_FROM_BY_BEFORE = re.compile(r"(?:\b(?:from|by|are|were|include|includes|including|namely)|:)\s+(?:the\s+)?$")
_TROOPS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:troops|soldiers|forces|police|peacekeepers|contingent|army|military)\b")


#: ", with troops from India and Rwanda,": the contributors of a force named before, not the subject of its verbs.
_WITH_FROM = re.compile(r",\s*with\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?")


def _with_from_spans(sl: str, raw_mentions: list[tuple[int, int, str]], s: int) -> list[tuple[int, int]]:
    spans = []
    for m in _WITH_FROM.finditer(sl):
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
                     doc_mission: str | None = None, label: tuple[str, str | None] | None = None) -> list[ProposedClaim]:
    sentence = text[s:e]
    sl = sentence_low
    clauses = _clauses(sl)
    if label is not None:
        inherited = ()  # a list line's label, not the line before, is who the line is about
    background = [(m.start(), m.end()) for m in rules.RELATIVE.finditer(sl)] + _with_from_spans(sl, raw_mentions, s)

    def in_background(pos: int) -> bool:
        return any(lo <= pos < hi for lo, hi in background)

    mentions: list[_Mention] = []
    for ms, me, name in raw_mentions:
        entry = forms[name]
        if entry.kind == "blocked":
            continue
        rs, re_ = ms - s, me - s
        agent = entry.subject not in hosts and not rules.RECEIVER_AFTER.match(sentence, re_) and not _CITY_BEFORE.search(
            sentence, max(0, rs - 30), rs) and not rules.NOT_AGENT_AFTER.match(sentence, re_) and not rules.LOCATIVE_BEFORE.search(
            sl, max(0, rs - 12), rs) and not (entry.role == "demonym" and rules.NOT_AGENT_AFTER_DEMONYM.match(sl, re_))
        mentions.append(_Mention(rs, re_, name, entry, agent, in_background(rs)))
    speakers = [m for m in mentions if not m.agent and not rules.LOCATIVE_BEFORE.search(sl, max(0, m.start - 12),
                                                                                          m.start)]

    triggers: list[_Trigger] = []
    for hit in raw_triggers:
        group = hit.group
        ts, te = hit.start, hit.end
        if group == "territory" and (not rules.SHARE.search(sl, *_clause_of(clauses, ts)) or in_background(ts)):
            continue
        if group not in ("command", "territory") and _NOT_PERSONNEL_AFTER.match(sl, te) and not _OWN_TASK.search(
                sl, te, _clause_of(clauses, ts)[1]):
            continue  # "pledged to train police", "would contribute £5m", "withdrawn financial contributions"
        if group == "command" and not _COMMANDED.search(sentence) and not hit.text.endswith("commander"):
            continue
        if group not in ("command", "territory") and not force_ctx:
            continue
        if group == "negation" and _other_country_after(te, sentence, mentions):
            continue  # "Israel rejected any Turkish role": about someone else's troops
        weak = group == "pledge" and bool(rules.DETERMINER_BEFORE.search(sl, max(0, ts - 12), ts))
        negated = group == "negation" or bool(rules.NEGATION_BEFORE.search(sl, max(0, ts - 24), ts))
        triggers.append(_Trigger(ts, te, group, sentence[ts:te], in_background(ts), negated, weak=weak))
    # A noun ("its offer of 20,000 troops") gives way to a verb in the same clause.
    triggers = [t for t in triggers if not t.weak or not any(
        o is not t and not o.weak and _clause_of(clauses, o.start) == _clause_of(clauses, t.start) for o in triggers)]
    figures = _figures(sentence, sentence_low, units, unit_rx) if hinted else []
    if not triggers and not figures:
        return []

    for trig in triggers:
        visible = mentions if trig.background else [m for m in mentions if not m.background]
        _assign_subject(trig, sl, clauses, visible, speakers, inherited, forms)
        if not trig.subjects:
            _more_subjects(trig, sentence, sl, clauses, visible, speakers)
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
    # Figures first: each belongs to the nearest trigger before it in its clause (else after it).
    for fig in figures:
        clause = _clause_of(clauses, fig.start)
        in_clause = [t for t in triggers if clause[0] <= t.start < clause[1] and t.subjects
                     and t.group not in ("command", "territory")]
        before = [t for t in in_clause if t.start < fig.start]
        after = [t for t in in_clause if t.start >= fig.end]
        trig = before[-1] if before else (after[0] if after else None)
        if trig is not None and trig.background and not in_background(fig.start):
            fore = [t for t in in_clause if not t.background and t.subjects]
            trig = fore[-1] if fore else trig
        reducing = revision or any(t.group == "reduction" for t in triggers)
        if in_background(fig.start) and reducing:
            continue  # the old figure a revision departs from
        if rules.BASE_BEFORE.search(sl, max(0, fig.start - 30), fig.start) and reducing:
            continue
        if _CASUALTY_AFTER.match(sl, fig.end) or _CASUALTY_BEFORE.search(sl, max(0, fig.start - 30), fig.start):
            continue  # the dead and the wounded, or a figure someone hoped for
        if _ASKED_BEFORE.search(sl, max(0, fig.start - 30), fig.start):
            continue  # "had asked for up to 2,500 more troops": a request
        inside = [m for m in mentions if (fig.start <= m.start < fig.end or _OWNER_BEFORE.fullmatch(sl, m.end, fig.start) or (
            fig.end <= m.start <= fig.end + 1 and m.entry.role == "demonym" and _TROOPS_AFTER.match(sl, m.end)))
            and m.entry.role in ("demonym", "org")]
        if trig is not None:
            subjects, group, how, negated = trig.subjects, trig.group, trig.how, trig.negated
            used_triggers.add(id(trig))
            trigger_text = trig.text
            if inside and inside[0].entry.subject not in {m.entry.subject for m in subjects}:
                subjects = inside[:1]  # "working with 12,000 Palestinian police": the figure names its own
            elif mission is not None and group == "pledge" and _GROWTH.search(sl, max(0, trig.start - 25),
                                                                            trig.end + 12):
                subjects = [_inherited_mention(mission, forms)]  # the force grows: the mission's strength
        else:
            seen_by_fig = mentions if in_background(fig.start) else [m for m in mentions if not m.background]
            subjects, how = _figure_subjects(fig, sl, clause, seen_by_fig, speakers, inherited, forms)
            if not subjects:
                # No subject in the figure's clause: the sentence's nearest trigger that has one.
                near_subj = [t for t in triggers if t.subjects and t.group not in ("command", "territory")]
                near_subj.sort(key=lambda t: abs(t.start - fig.start))
                if near_subj and not inside and not any(clause[0] <= t.start < clause[1] for t in triggers):
                    trig = near_subj[0]
                    subjects, how = trig.subjects, trig.how
                    used_triggers.add(id(trig))
            if not subjects and label is not None:
                subjects, how = [_inherited_mention(label[0], forms)], "label"
            if not subjects and mission is not None and _FORCE_HEAD.search(sl):
                subjects, how = [_inherited_mention(mission, forms)], "mission"
            if not subjects:
                continue
            # No trigger in the figure's clause: the kind comes from the sentence's nearest trigger.
            near = [t for t in triggers if t.group not in ("command", "territory")]
            near.sort(key=lambda t: (t.start > fig.start, abs(t.start - fig.start)))
            if near:
                group = near[0].group
            elif label is not None:
                group = label[1] or "pledge"
            else:
                group = "pledge" if rules.FUTURE.search(sl, *clause) else "arrival" if _PRESENT.search(
                    sl, *clause) else "other"
            if group == "other" and (how == "mission" or _ASKS.search(sl, 0, fig.start)):
                continue  # no kind, or someone asks for it ("Lebanon urged Ireland to send 500 more troops")
            negated, trigger_text = False, None
            how = "default" if how == "direct" else how
        if _OFFER_OF_BEFORE.search(sl, max(0, fig.start - 30), fig.start):
            group = "pledge"
        kind = "other" if group == "other" else _KIND_OF_GROUP[group]
        if len(subjects) > 1 and not _EACH_AFTER.match(sl, fig.end):
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
        kind = _KIND_OF_GROUP[best.group]
        key = (subject, kind, None, None, None)
        if key in seen:
            continue
        seen.add(key)
        claims.append(_claim(text, s, e, sentence, _clause_of(clauses, best.start), mention, kind, None,
                             best.negated or any(t.group == "negation" for t in rest), revision, published, best.how,
                             best.text, None))
    if mission is not None or doc_mission is not None:
        claims = _to_mission(claims, mission, doc_mission, mentions, sl)
    claims = [c for c in claims if c.subject not in hosts or c.kind == "territory_control"]
    claims.sort(key=lambda c: (c.start, c.subject))
    return claims


def _to_mission(claims: list[ProposedClaim], mission: str | None, doc_mission: str | None, mentions: list[_Mention],
                sl: str) -> list[ProposedClaim]:
    """A body's figure in a report about one of its missions is the mission's ("the UN deployed MINUSMA with 11,700
    troops"), and so is a claim where the body's name is an attribute of a force ("UN troops", "NATO's force")."""
    out, seen = [], set()
    for c in claims:
        at = _end_of(c, mentions)
        figure = c.low is not None or c.high is not None
        if c.subject in PARENT_BODIES and not _MEMBERS_AFTER.match(sl, at):
            if mission is not None and _PARENT_OF.get(mission) == c.subject and figure:
                c = replace(c, subject=mission, subject_kind="organization")
            else:
                target = mission or doc_mission
                if target is not None and _PARENT_OF.get(target) == c.subject and _ATTRIBUTIVE.match(sl, at):
                    c = replace(c, subject=target, subject_kind="organization")
        key = (c.subject, c.kind, c.low, c.high)
        if key not in seen:
            seen.add(key)
            out.append(c)
    figured = {(c.subject, c.kind) for c in out if c.low is not None or c.high is not None}
    return [c for c in out if c.low is not None or c.high is not None or (c.subject, c.kind) not in figured]


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


_UNIT_THEN_NUMBER = re.compile(r"\s+of\s+|\s*\(\s*|\s*[–—-]\s*|,\s+or\s+")
#: A force's size given without a personnel noun: "currently numbers nearly 6,000", "increase the force's size to
#: 20,000", "strength of 8,000".
_BARE = re.compile(r"\b(?:numbers|totals|strength\s+of|size\s+to|stands\s+at|to\s+a\s+total\s+of|(?:troops|soldiers|"
                   r"personnel|forces|contingent|strength|levels?)\s+(?:\w+\s+){0,2}?(?:to|by)|(?:cut|reduced|lowered|"
                   r"trimmed|increased|raised)\s+(?:it\s+)?to|(?:total|number)\s+(?:number\s+)?of\s+(?:[\w-]+\s+){1,5}?to|"
                   r"(?:not\s+)?exceed)\s+"
                   r"(?:(?P<q>nearly|about|around|almost|some|roughly|approximately|more\s+than|over|up\s+to|at\s+least)\s+)?"
                   r"(?P<n>\d{1,3}(?:,\d{3})+|\d{3,})\b(?!\s*(?:%|percent|per\s+cent))")


def _bare_figures(sentence: str, sentence_low: str) -> list[Figure]:
    found = []
    for m in _BARE.finditer(sentence_low):
        value = int(m.group("n").replace(",", ""))
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
            if _FROM_BY_BEFORE.search(gap) or (m.entry.role == "demonym" and _TROOPS_AFTER.match(sentence, m.end)):
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
    if own and not any(lo <= m.start < hi for m in mentions if m not in own):
        trig.subjects = [own[-1]]
        trig.how = "speaker"
        return
    if inherited and not any(m.agent for m in mentions) and rules.ANAPHOR.search(
            sentence, lo, hi):
        trig.subjects = [_inherited_mention(inherited[0], forms)]
        trig.how = "inherited"


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


def _inherited_mention(subject: str, forms: dict[str, Entry]) -> _Mention:
    kind = "organization" if not (len(subject) == 3 and subject.isupper()) else "country"
    return _Mention(-1, -1, "", Entry(subject, kind, "inherited"), True)


def _figure_subjects(fig: Figure, sentence: str, clause: tuple[int, int], mentions: list[_Mention],
                     speakers: list[_Mention], inherited: tuple[str, ...],
                     forms: dict[str, Entry]) -> tuple[list[_Mention], str]:
    inside = [m for m in mentions if fig.start <= m.start < fig.end and m.entry.role in ("demonym", "org")]
    if inside:
        return [inside[0]], "direct"
    anchor = _agent_before(fig.start, clause[0], mentions)
    if anchor is not None:
        return _coordinated(anchor, sentence, mentions), "direct"
    if inherited and not any(m.agent for m in mentions) and rules.ANAPHOR.search(
            sentence, *(clause if mentions else (0, len(sentence)))):
        return [_inherited_mention(inherited[0], forms)], "inherited"
    return [], "none"


def _other_country_after(end: int, sentence: str, mentions: list[_Mention]) -> bool:
    return any(end <= m.start <= end + 12 and m.entry.kind == "country" for m in mentions)


_CONFIDENCE = {"label": 0.7, "mission": 0.6, "direct": 0.9, "after": 0.8, "elliptic": 0.75, "speaker": 0.75, "default": 0.65, "inherited": 0.55}


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
