"""The words that decide a claim's kind, its tasks, negation, revision and who is speaking."""

from __future__ import annotations

import re

from stabforce.engines.extract.gazetteer import trie_pattern
from stabforce.ledger.vocab import Task

_I = re.IGNORECASE

#: A claim about a force needs one of these words in its sentence.
FORCE_CONTEXT = re.compile(
    r"\b(?:troops?|soldiers?|forces?|personnel|peacekeep\w*|contingents?|police\w*|officers|battalions?|"
    r"brigades?|divisions?|companies|units?|isf|stabili[sz]ation|mission|boots|military|army|engineers|medics|"
    r"participat\w*|contribut\w*|deploy\w*|commander|observers|trainers|gendarm\w*|marines|infantry|guards|sailors|cops|"
    r"paratroop\w*|commandos|"
    r"airmen|sectors?|zones?|battle\s*groups?|samim|unifil|kfor|isaf|amisom|atmis|"
    r"minusma|minustah|monusco|unmiss|minusca|eufor|afisma|ecomog|ecomig|interfet|ramsi)\b",
)  # on lower-cased text
#: The literal beginnings of every FORCE_CONTEXT word (for a fast scan without word boundaries).
FORCE_STEMS = ("troop", "soldier", "force", "personnel", "peacekeep", "contingent", "police", "officers", "battalion",
               "brigade", "division", "companies", "unit", "isf", "stabilisation", "stabilization", "mission", "boots",
               "military", "army", "engineers", "medics", "participat", "contribut", "deploy", "commander",
               "observers", "trainers", "gendarm", "marines", "infantry", "guards", "sailors", "airmen", "cops", "paratroop",
               "commandos", "sector", "zone", "battle", "samim", "unifil", "kfor", "isaf",
               "amisom", "atmis", "minusma", "minustah", "monusco", "unmiss", "minusca", "eufor", "afisma", "ecomog",
               "ecomig", "interfet", "ramsi")
#: Words that make a sentence worth a closer look without a trigger (a figure may still be a claim).
_HINT_WORDS = ("troop", "troops", "soldier", "soldiers", "personnel", "peacekeeper", "peacekeepers", "police",
               "policemen", "policing", "officers", "battalion", "battalions", "brigade", "brigades", "division",
               "divisions", "company", "companies", "servicemen", "observers", "trainers", "instructors", "engineers",
               "units", "carabinieri", "gendarmes",
               "medics", "strong", "member", "members", "men", "man", "forces", "servicemembers", "marines",
               "paratroopers", "infantrymen", "commandos", "policewomen", "advisers", "advisors", "monitors",
               "gendarmerie", "person", "doctors", "nurses", "paramedics", "sappers", "pilots", "experts", "specialists",
               "guards", "deminers", "sailors", "airmen", "seamen", "cops")
PERSONNEL_HINT = re.compile(r"\b" + trie_pattern(list(_HINT_WORDS)) + r"\b")  # on lower-cased text
SHARE = re.compile(
    r"(?:(?P<q>about|around|nearly|almost|roughly|some|approximately|more\s+than|over|less\s+than|just\s+under|"
    r"just\s+over)\s+)?(?:(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s*cent\b|pc\b|pct\b)|(?P<frac>half|a\s+third|one\s+third|"
    r"two[\s-]thirds|a\s+quarter|one\s+quarter|three[\s-]quarters)\b)",
    
)  # lower-cased text
_FRACTIONS = {"half": 50.0, "a third": 33.3, "one third": 33.3, "two thirds": 66.7, "two-thirds": 66.7,
              "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0}


def share_value(m: re.Match[str]) -> tuple[float, bool]:
    """Return the share in percent and whether it is approximate."""
    approx = m.group("q") is not None
    if m.group("pct"):
        return float(m.group("pct")), approx
    frac = " ".join(m.group("frac").lower().split())
    return _FRACTIONS.get(frac, _FRACTIONS.get(frac.replace(" ", "-"), 50.0)), approx or "third" in frac


NEGATION_BEFORE = re.compile(r"(?:\b(?:not|never|no)\b|n['’]t\b)[^,;]{0,12}$")  # lower-cased text
REVISION = re.compile(
    r"\b(?:(?:much|far|significantly|considerably)\s+smaller|smaller\s+than|fewer\s+than\s+(?:the\s+)?(?:previously|"
    r"originally|initially|first)|than\s+(?:the\s+)?(?:[\d,]+\s+)?(?:previously\s+|originally\s+|initially\s+|"
    r"earlier\s+|first\s+)?(?:announced|pledged|promised|planned|offered)|instead\s+of|down\s+from|revis\w+|"
    r"scal\w+\s+(?:back|down)|no\s+longer|lower(?:ed|ing)?\s+(?:its|the|their)\s+(?:offer|figure|number|pledge))\b",
    
)  # lower-cased text
BASE_BEFORE = re.compile(r"\b(?:than|down\s+from|instead\s+of|from|of\s+its|of\s+their)\s+(?:the\s+)?(?:an?\s+)?(?:peak\s+of\s+)?"
                         r"(?:(?:around|about|some|nearly)\s+)?$")  # lower-cased text
CONSIDERED = re.compile(
    r"\b(?:consider\w*|candidates?|could|may|might|likely|expected|possibl\w*|no\s+decisions?|not\s+(?:yet\s+)?decided|"
    r"reportedly|discuss\w*|tipped|front-?runner|propos\w*|nominat\w*|shortlist\w*|weigh\w*)\b",
    
)  # lower-cased text
FUTURE = re.compile(
    r"\b(?:will|would|could|may|might|shall|should|to\s+be|expected|planned|proposed|envisaged|estimated|plans?|"
    r"intends?|['’]ll|anticipated|projected|target|aims?|set\s+to|scheduled|in\s+the\s+future|"
    r"due\s+(?:in|to|by|on|next|later|early|late)|slated)\b",
    
)  # lower-cased text
PHASE = re.compile(r"\b(?P<p>initial|first|advance|second|third|final|main)\s+(?:phase|stage|wave|contingent|"
                   r"deployment|group|batch|rotation|team)\b|\b(?P<i>initially)\b")  # lower-cased text
CLAUSE_BREAK = re.compile(
    # ";", " – ", " - ", ", but", ", while" ..., " but ", " while ", " whereas ". Written as the first character, then
    # the rest by what that character was, so that the regex starts with a character class and skips the rest.
    r"[;,\s](?:(?<=;)|(?<=,)\s*(?:but|while|whereas|although|though|as(?!\s+well)|especially|according\s+to|"
    r"even\s+as|yet|meanwhile|with|just|after|before|when|following)\b|(?<=\s)(?:[–—]\s|-\s|(?:but|while|whereas)\s))",
)  # lower-cased text
RELATIVE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*(?:,|\.?$)")  # lower-cased text
COORDINATION_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|,?\s*as\s+well\s+as|&|\+|/)\s*(?:the\s+)?")  # lower-cased text
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|into|to|near|inside|across|toward|towards|outside|within|throughout|around|on|via|visit\w*|"
    r"with|join\w*|reinforc\w*|bolster\w*|strengthen\w*|under|ethnic)\s+(?:the\s+)?$")  # lower-cased text
#: Between a name and a trigger: its officials are the trigger's own subject ("Azerbaijani officials are
#: weighing"), with no reporting verb that would hand the action to someone else ("U.S. officials said
#: international troops could deploy").
OFFICIALS_ACT = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+\s+){0,2}?(?:(?:officials|sources|diplomats|ministry|government|cabinet|leaders|authorities|"
    r"lawmakers|legislators|parliament|senate|congress|assembly|agency|department|presidency)\s+|(?:president|"
    r"prime\s+minister|(?:defen[cs]e|foreign)\s+minister|chancellor|king|emir|leader)\s+(?:[a-z][\w.-]*\s+){0,2}?)"
    r"(?:(?:are|is|were|was|has|have|had|been|still|now|reportedly|quietly|also|\w+ly)\s+)*", re.IGNORECASE)

#: Words after a name that make it a speaker, an owner or a place rather than the one who acts.
NOT_AGENT_AFTER = re.compile(
    r"(?:['’]s)?\s+(?-i:(?:[A-Z][\w.&-]*\s+){0,3})(?:officials?|sources?|spokes\w+|diplomats?|envoys?|ambassadors?|"
    r"minist\w+|president|presidency|prime|lawmakers?|parliament\w*|media|press|newspapers?|daily|broadcaster|"
    r"outlets?|channel|radio|television|tv|agency|news|reports?|reporters?|analysts?|experts?|department|"
    r"embassy|delegation|counterparts?|people|public|citizens|"
    r"territory|soil|borders?|peace|capital|leaders?|position|stance|side|ceasefire|cease-fire|war|hostages?|"
    r"prisoners?|detainees?|mediators?|intelligence|sources|think|institute|university|envoy|negotiators?|"
    r"security\s+officials?|security\s+sources?|resolution|statement|memo|request|demands?|pressure|secretary|"
    r"secretary-general|commander|chief|crisis|situation)\b",
    _I,
)
#: After a demonym ("the American plan"), nouns that make it an owner rather than the one who acts.
NOT_AGENT_AFTER_DEMONYM = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:plan\b(?!s)|plans\b(?!\s+to\b)|planning\b(?!\s+to\b)|proposal|proposals|draft|initiative|idea|vision|framework|"
    r"position|stance|role|request|offer|demand|concerns?|fears?|objections?|opposition)\b")  # lower-cased text
#: A clause that goes on with the previous clause's subject ("..., but will not send soldiers").
ELLIPTIC_CLAUSE = re.compile(
    r"\W*(?:but|and|yet|while|though)?\s*(?:will|would|won['’]t|wouldn['’]t|is|are|was|were|has|have|had|did|does|do|"
    r"could|can|may|might|also|then|now|still|not|never|said|says|added|insisted|stressed|reduce|cut|withdraw|send|"
    r"deploy|pull|keep|boost)\b")  # lower-cased text
#: A determiner before "offer", "pledge", "commitment": a noun, weaker than a verb.
DETERMINER_BEFORE = re.compile(r"\b(?:its|their|the|an?|his|her|this|that|any|earlier|previous|initial)\s+$")  # lower-cased text
SPEAKER_PRONOUN_BEFORE = re.compile(r"\b(?:it|they|we|its\s+(?:government|troops|forces|army|military)|"
                                    r"(?:his|her|their)\s+(?:country|government|nation))\s+"
                                    r"(?:\S+\s+){0,3}$")  # lower-cased text
ANAPHOR = re.compile(
    r"\b(?:it|its|they|their|these|those|both|the\s+two\s+countries|the\s+(?:country|kingdom|republic|government|"
    r"contingent|troops|soldiers|forces|army|military))\b")  # lower-cased text

TASK_WORDS: tuple[tuple[Task, re.Pattern[str]], ...] = tuple(
    (task, re.compile(pattern, _I)) for task, pattern in (
        (Task.HEALTH, r"\b(?:health\w*|medical|medics?|hospitals?|doctors?|nurses?|clinics?)\b"),
        (Task.CONSTRUCTION, r"\b(?:construction|reconstruction|rebuild\w*|housing)\b"),
        (Task.ENGINEERING, r"\b(?:engineer\w*|demining|de-mining|mine[\s-]clearance|sappers?)\b"),
        (Task.LOGISTICS, r"\b(?:logistic\w*|transport\w*|supply\s+chains?)\b"),
        (Task.POLICE_TRAINING, r"\btrain\w*\s+(?:\w+\s+){0,3}police|\bpolice\s+(?:training|trainers?|instructors?)\b"),
        (Task.BORDER_SECURITY, r"\b(?:borders?|border\s+areas|crossings?)\b"),
        (Task.DEMILITARIZATION, r"\b(?:demilitari[sz]\w*|disarm\w*)\b"),
        (Task.WEAPONS_DECOMMISSIONING, r"\b(?:decommission\w*|weapons?\s+(?:collection|handover|hand-over))\b"),
        (Task.INFRASTRUCTURE_DESTRUCTION, r"\btunnels?\b|\bdestr\w+\s+(?:\w+\s+){0,3}infrastructure"),
        (Task.CIVILIAN_PROTECTION, (r"\bprotect\w*\s+(?:the\s+)?civilians|\bcivilian\s+protection|"
                                    r"\bprotection\s+of\s+civilians")),
        (Task.HUMANITARIAN_CORRIDORS, (r"\bhumanitarian\s+(?:corridors?|aid|assistance|convoys?|operations)|"
                                       r"\baid\s+(?:corridors?|convoys?|deliver\w*|distribution)")),
        (Task.CEASEFIRE_MONITORING, (r"\b(?:monitor\w*|observ\w*)\s+(?:the\s+)?(?:cease-?fire|truce)|"
                                     r"\bcease-?fire\s+monitoring")),
        (Task.SECURITY, r"\b(?:patrol\w*|guard\w*|law\s+and\s+order|public\s+order|keep\w*\s+order)\b"),
    )
)


#: The words a TASK_WORDS match starts with (keep in step with the patterns above): a look-ahead for them
#: lets the combined regex skip every other position at once; it adds no condition, so the matches are the same.
_TASK_FIRST_WORDS = (
    "health", "medical", "medic", "hospital", "doctor", "nurse", "clinic", "construction", "reconstruction", "rebuild",
    "housing", "engineer", "demining", "de-mining", "mine", "sapper", "logistic", "transport", "supply", "train",
    "police", "border", "crossing", "demilitari", "disarm", "decommission", "weapon", "tunnel", "destr", "protect",
    "civilian", "protection", "humanitarian", "aid", "monitor", "observ", "cease", "patrol", "guard", "law", "public",
    "keep",
)
_TASKS_RX = re.compile("(?=" + trie_pattern(list(_TASK_FIRST_WORDS)) + ")(?:" + "|".join(
    f"(?P<{task.value}>{rx.pattern})" for task, rx in TASK_WORDS) + ")")  # lower-cased text
_TASK_HINT = re.compile(r"health|medic|hospital|doctor|nurse|clinic|constru|rebuild|housing|engineer|demin|de-min|"
                        r"mine|sapper|logistic|transport|supply|police|border|crossing|demilitari|disarm|decommission|"
                        r"weapon|tunnel|infrastructure|civilian|humanitarian|aid|monitor|observ|patrol|guard|order")
_TASK_ORDER = {task.value: i for i, (task, _) in enumerate(TASK_WORDS)}


def tasks_in(text: str) -> tuple[str, ...]:
    """Return the tasks a text names, in the vocabulary's order."""
    low = text.lower()
    if not _TASK_HINT.search(low):
        return ()
    found = {m.lastgroup for m in _TASKS_RX.finditer(low) if m.lastgroup}
    return tuple(sorted(found, key=_TASK_ORDER.__getitem__))

#: After a name: it receives, asks or wants rather than sends ("the United States secured commitments", "Mali
#: demanded all peacekeepers leave").
RECEIVER_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:has\s+|have\s+|had\s+)?(?:not\s+)?(?:secured|received|obtained|garnered|welcomed|demanded|requested|"
    r"asked|urged|ordered|called\s+on|wants?|wanted|hopes?|hoped)\b", re.IGNORECASE)
