"""Trigger words, found fast: one literal-word regex finds head words on the lower-cased sentence,
then a small check of the words around each head decides the kind (or drops it).

Kinds (groups): command, territory, reduction, arrival, negation, consideration, pledge.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from stabforce.engines.extract.gazetteer import trie_pattern


class Hit(NamedTuple):
    start: int
    end: int
    group: str
    text: str


_SEND = ("send", "deploy", "dispatch", "donate", "contribute", "provide", "station", "supply", "field", "join", "participate",
         "take", "commit", "offer", "deployed", "sent", "put", "include", "comprise", "number", "have", "add",
         "dispatched", "despatched", "land", "give")
_SEND_ING = ("sending", "contributing", "deploying", "dispatching", "providing", "supplying", "fielding", "adding")
_HEADS: dict[str, str] = {}
for _w in ("lead", "leads", "leading", "led", "head", "heads", "heading", "headed", "command", "commands",
           "commanding", "commanded", "commander", "helm", "charge", "responsibility", "leadership", "reins"):
    _HEADS[_w] = "command"
for _w in ("control", "controls", "controlled", "controlling", "hold", "holds", "holding", "held", "occupy",
           "occupies", "occupied", "occupying", "retain", "retains", "retained", "occupation", "hand", "hands",
           "handed", "handing", "cede", "cedes", "ceded", "share"):
    _HEADS[_w] = "territory"
for _w in ("reduce", "reduces", "reduced", "reducing", "reduction", "scale", "scales", "scaled", "scaling", "cut",
           "cuts", "cutting", "withdraw", "withdraws", "withdrawing", "withdrawn", "withdrew", "withdrawal", "pull",
           "pulls", "pulled", "pulling", "pullout", "pull-out", "downsize", "downsized", "downsizing", "trim",
           "trims", "trimmed", "trimming", "smaller", "fewer", "drawdown", "draw", "draws", "drawing", "drew", "shrink", "shrinks", "shrinking",
           "withdrawals", "drawdowns", "left", "leave", "leaves", "leaving", "exit", "exits", "exiting", "exited",
           "evacuated", "evacuate", "evacuation", "remove", "removes", "removed", "removing", "returned", "return",
           "returning", "come", "go", "bring", "brought", "repatriated", "repatriation", "winding", "wind",
           "departure", "departed", "depart", "departing", "pullouts", "departs", "went", "gone", "flew", "flown",
           "flying", "recall", "recalls", "recalled", "recalling", "suspend", "suspends", "suspended", "suspending",
           "halve", "halves", "halved", "halving", "fell", "fall", "falls", "falling", "drop", "drops",
           "fallen", "dropped", "decreased", "shrank", "shrunk", "dwindled", "end", "ends", "ended", "ending",
           "terminate", "terminates", "terminated", "terminating", "repatriate", "repatriates", "repatriating",
           "phase", "phases", "phased", "phasing", "out", "renew", "extend", "extends", "extended", "extending",
           "renews", "renewed", "renewing", "home", "fly", "closed", "closes",
           "closing"):
    _HEADS.setdefault(_w, "reduction")
for _w in ("arrived", "landed", "touched", "entered", "disembarked", "disembark", "rotated", "relieved", "reported",
           "assumed", "airlifted", "shipped", "ferried", "sailed", "airlift", "ferry", "patrolling", "taking",
           "takes", "began", "started", "begin", "begins", "start", "starts", "took", "crossed", "arrive", "arrives",
           "arriving", "descended", "joined", "already", "currently", "brings", "bringing", "comprises", "includes",
           "consists", "stationed", "replaced", "keeps", "keep", "kept", "keeping", "maintains", "maintain",
           "maintained", "maintaining", "remain", "remains", "remained", "part", "serving", "serve", "serves",
           "served", "has", "had", "reached", "reaches", "off", "contributed", "welcomed", "made", "begun", "now",
           "there", "involved", "operational", "make", "makes", "been"):
    _HEADS[_w] = "arrival"
for _w in ("ruled", "rules", "ruling", "declined", "declines", "declining", "refused", "refuses", "refusing",
           "rejected", "rejects", "rejecting", "intention", "unwilling", "denied", "denies", "dismissed", "turned",
           "backed", "backtracked", "reneged"):
    _HEADS[_w] = "negation"
for _w in ("consider", "considers", "considered", "considering", "weigh", "weighs", "weighed", "weighing",
           "reevaluate", "reevaluated", "reevaluating", "re-evaluate", "re-evaluated", "re-evaluating", "reconsider",
           "reconsidered", "reconsidering", "reassess", "reassessed", "reassessing", "re-assess", "re-assessed",
           "reassessing", "reviewing", "mull", "mulls", "mulled", "mulling", "hesitant", "hesitate", "hesitated",
           "hesitating", "hesitation", "hesitancy", "undecided", "reluctant", "reluctance", "discusses", "discussed",
           "discussing", "talks", "discussions", "negotiations", "negotiating", "exploring", "studying", "open",
           "interested", "interest", "contributor", "contributors", "decided", "decision", "decide", "candidates",
           "candidate", "assessing", "assess", "assesses", "evaluating", "evaluate", "evaluates", "examining",
           "examine", "examines", "pondering", "contemplating", "contemplate", "contemplates", "deliberating",
           "thinking", "thoughts", "leaning", "leans", "leaned", "discussion", "door", "spoken", "talked", "spoke",
           "uncertain", "unsure", "investigating"):
    _HEADS[_w] = "consideration"
for _w in ("offer", "offers", "offered", "offering", "pledge", "pledges", "pledged", "pledging", "promises",
           "promised", "promising", "volunteer", "volunteers", "volunteered", "volunteering", "commit", "commits",
           "committed", "committing", "commitment", "earmark", "earmarks", "earmarked", "earmarking", "readiness",
           "available", "grow", "increase", "enlarged", "expand", "beef", "authorized", "authorised", "approved",
           "approves", "approve", "contributions", "added", "cleared", "clears", "sanctioned", "endorsed", "aside",
           "allocated", "allocates", "allocate", "allocating", "assigned", "assigns", "assign", "avail", "avails",
           "availed", "availing", "mobilize", "mobilise", "mobilized", "mobilised", "mobilizing", "mobilising",
           "boost", "boosts", "boosting", "boosted", "bolster", "bolsters", "bolstering", "bolstered", "double",
           "doubles", "doubling", "doubled", "triple", "triples", "tripling", "tripled", "readied", "readies",
           "readying", "prepared", "preparing", "trained", "willingness", "standby", "stand-by", "disposal",
           "reserve", "preparation", "authorizing", "authorising", "authorize", "authorise", "authorizes",
           "authorises", "increasing", "increases", "fill", "participant", "commitments", "contribution", "lift",
           "lifts", "raise", "raises", "extension", "participation"):
    _HEADS[_w] = "pledge"
#: "is the biggest contributor to ISAF", "has the third-largest troop deployment": a force there now.
for _w in ("largest", "biggest"):
    _HEADS[_w] = "arrival"
#: Present tense, third person: a headline's decision ("Germany sends 1,000 troops to Mali") or a present
#: contribution ("Ghana contributes 800 soldiers to the mission").
_SEND_S = ("sends", "deploys", "dispatches", "contributes", "provides")
for _w in _SEND + _SEND_ING + _SEND_S + ("plans", "plan"):
    _HEADS.setdefault(_w, "send")
#: Nouns that open a sentence about a force's move ("The arrival of 300 Kenyan officers ...").
_MOVE_NOUNS = {"arrival": "arrival", "deployment": "arrival", "rotation": "arrival", "return": "reduction",
               "repatriation": "reduction"}
for _w in _MOVE_NOUNS:
    _HEADS.setdefault(_w, "noun")
_HEADS["movement"] = "noun"
_HEADS["offer"] = "pledge"
_HEADS["commit"] = "pledge"

HEAD_RX = re.compile(r"\b" + trie_pattern(list(_HEADS)) + r"\b")

_ADV = (r"(?:(?:\w+ly|also|now|soon|still|then|first|initially|eventually|ultimately|only|even|indeed|not|never|each|"
        r"in\s+principle|in\s+theory|if\s+asked|if\s+needed)\s+){0,2}")
_MISSION = re.compile(r"\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:isf|force|forces|mission|contingent|operation|"
                      r"stabili[sz]ation|deployment|peacekeepers|unifil|kfor|isaf|eufor|minusma|minusca|monusco|unmiss|"
                      r"amisom|atmis|minustah|afisma|ecomig|samim|ramsi|interfet|mss|gsf)\b")
_NEG_MODAL = re.compile(r"(?:\b(?:not|never)|n['’]t)\s+(?:\w+\s+)?(?:be\s+)?$")
_CONS_MODAL = re.compile(r"\b(?:(?:could|may|might|can|(?:un)?likely\s+to)\s+" + _ADV + r"|(?:asked|requested|invited|urged|pressed|"
                         r"approached)\s+to\s+" + _ADV + r"|"
                         r"(?:seeks?|seeking|sought|asked\s+for|asks?\s+for|asking\s+for|requested|requests?|needs?|awaits?|"
                         r"awaiting)\s+(?:[\w'’-]+\s+){0,3}?(?:approval|permission|authori[sz]ation|go-ahead|green\s+light)\s+"
                         r"to\s+" + _ADV + r"|"
                         # "will take the formal decision to send troops on Friday": not taken yet
                         r"\b(?:will|would|to|yet\s+to)\s+(?:take|make|reach)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?decision\s+"
                         r"to\s+" + _ADV + r")(?:be\s+)?$")
_PLEDGE_MODAL = re.compile(
    r"\b(?:(?:will|would|shall|should|is\s+to|are\s+to|going\s+to)\s+|['’]ll\s+)" + _ADV + r"(?:be\s+)?$|"
    r"\b(?:ready|prepared|preparing|willing|set|poised|expected|due|planning|plans?|planned|intends?|intending|"
    r"intended|agreed|agrees|decided|decides|vowed|vows|aims?|aiming|seeks?|seeking|wants?|hopes?|hoping|eager|keen|"
    r"announced|confirmed|approved|authori[sz]ed|scheduled|slated|pledged|offered|promised|promise|pledge|vow|"
    r"commitment|undertaking|voted|votes|agreement|deal|accord|memorandum|(?:has|have|is|are)\s+yet|approval|permission|"
    r"decision|certain|sure|"
    r"authori[sz]ation|go-ahead|green\s+light)\s+"
    r"(?:in\s+principle\s+|in\s+theory\s+|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|last\s+week|this\s+week|last\s+month)\s+)?to\s+"
    + _ADV + r"(?:be\s+)?$|"
    # "parliament approved a proposal to send", "the cabinet adopted a plan to deploy": a decision taken
    r"\b(?:approved|approves|adopted|adopts|passed|passes|endorsed|endorses|backed|ratified|ratifies)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:proposal|plan|bill|motion|request|decision|resolution|decree|measure)\s+to\s+" + _ADV + r"$")
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|(?:will|would|shall|to)\s+(?:\w+ly\s+|also\s+)?be)\s+"
                         r"(?:(?:\w+ly|also|now|already|still)\s+)?$")
_HAS_BEFORE = re.compile(r"\b(?:has|have|had|were|was|been|are|is)\s+(?:\w+ly\s+|already\s+|now\s+)?$")

# The small checks around head words, compiled once.
#: After a passive "led", "commanded": an officer by rank ("by an Irish general", "by Lt-Gen Nash", "by a Rwandan").
_BY_OFFICER_AFTER = re.compile(r"\s+by\s+(?:an?\s+|the\s+)?(?:[\w.-]+\s+){0,2}?(?:general|gen\.?|lt\.?-gen\.?|lieutenant|"
                               r"major|brigadier|colonel|col\.|admiral|commander|officer|commodore|air\s+marshal)\b")
_UNIT_LED_BEFORE = re.compile(r"\b(?:contingent|detachment|battalion|company|unit|task\s+force|troops|soldiers|team|"
                              r"group|brigade|squadron|platoon)s?\s*,?\s+(?:(?:is|was|are|were|will|would|be|being|been|to)\s+)*$")
_IN_OVERALL_BEFORE = re.compile(r"\bin\s+(?:overall\s+)?$")
_IN_BEFORE = re.compile(r"\bin\s+$")
#: "keep control of 53%", "retains full control over": holding a share (the share itself is checked later).
_CONTROL_VERB_BEFORE = re.compile(r"\b(?:keep|keeps|kept|keeping|retain\w*|maintain\w*|ha[sd]|have|having|take|takes|took|"
                                  r"taken|seize[sd]?|seizing|gain\w*|exercis\w*|assum\w*|relinquish\w*|cede[sd]?|"
                                  r"ceding|transfer\w*|hand\w*\s+over)\s+(?:(?:full|effective|military|security|overall|"
                                  r"direct)\s+)?$")
_UNDER_BEFORE = re.compile(r"\bunder\s+(?:[\w-]+\s+){0,3}$")
_BACK_DOWN_AFTER = re.compile(r"\s+(?:back|down)\b")
_OUT_BACK_AFTER = re.compile(r"\s+(?:out|back)\b")
_SMALLER_NOUN_AFTER = re.compile(r"\s+(?:force|contingent|deployment|number|presence|contribution|than)\b")
_MUCH_BEFORE = re.compile(r"\b(?:much|far|significantly|considerably)\s+$")
_FEWER_NOUN_AFTER = re.compile(r"\s+(?:troops|soldiers|personnel|peacekeepers)\b")
#: "took over the sector", "took over from the Irish battalion" (not "took over command": a command claim).
_TOOK_OVER_AFTER = re.compile(r"\s+over\s+(?!(?:the\s+)?(?:command|leadership|helm|control|presidency)\b)")
#: Before "relieved": the incoming force ("troops relieved the contingent", not "officials were relieved").
_HAS_FORCE_NOUN_BEFORE = re.compile(r"\b(?:troops|soldiers|officers|police|peacekeepers|contingent|battalion|company|"
                                    r"personnel|forces|unit)\s+(?:\w+\s+)?$")
_BEGAN_AFTER = re.compile(r"\s+(?:deploying|arriving|to\s+arrive|to\s+deploy|sending|to\s+send|dispatching|(?:(?:its|their|the|a)\s+)?(?:peacekeeping\s+|"
                          r"security\s+|joint\s+|first\s+)?(?:missions?|deployments?|operations|duties|patrols|patrolling|"
                          r"tour\s+of\s+duty|rotation|withdrawing|withdrawal|pulling\s+out|leaving|drawdown|"
                          r"returning\s+home|work|operating|operations)\b)")
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|could|may|might|to|expected|set|due|plans?|shall)\s+(?:\w+\s+)?$")
_IN_TALKS_BEFORE = re.compile(r"\bin\s+(?:advanced\s+|high-level\s+|early\s+)?$")
_INTEREST_BEFORE = re.compile(r"\b(?:expressed|shown|showed|signalled|signaled)\s+$")
_POTENTIAL_BEFORE = re.compile(r"\b(?:potential|possible|prospective|likely)\s+$")
#: "is among the main contributors", "remains the largest contributor": a contributor now.
_AMONG_CONTRIBUTORS_BEFORE = re.compile(r"\b(?:is|are|remains?|was|were)\s+(?:still\s+|now\s+|also\s+)?(?:among\s+|one\s+of\s+)?"
                                        r"(?:the|its)\s+(?:(?:main|largest|biggest|major|top|leading|key|principal|"
                                        r"second|third|fourth|fifth|\w+-largest)\s+)?(?:troop\s+|police\s+)?$")
#: After "contributors": of a force ("of AMISOM troops", "to the mission", "to UNIFIL").
_OF_FORCE_CONTRIB_AFTER = re.compile(r"\s+(?:of|to)(?:" + _MISSION.pattern + r"|\s+(?:[\w-]+\s+){0,3}?troops\b)")
_NOT_YET_BEFORE = re.compile(r"\bnot\s+(?:yet\s+)?$")
#: "has not yet committed", "is yet to confirm": a decision still open, a consideration (not a refusal).
_NOT_YET_DONE_BEFORE = re.compile(r"\b(?:not\s+yet|yet\s+to)\s+(?:formally\s+|officially\s+|publicly\s+)?$")
_NOT_YET_WORDS = frozenset({"committed", "commit", "agreed", "agree", "confirmed", "confirm", "pledged", "pledge",
                            "promised", "offered", "announced", "approved", "approve"})
_PUT_NOUN_AFTER = re.compile(r"\s+(?:boots|troops|soldiers|forces)\b")
_NOT_BE_BEFORE = re.compile(r"\b(?:not|never)\s+(?:be\s+)?$")
_HOME_AFTER = re.compile(r"\s+home\b")
_ARRIVED_HOME_AFTER = re.compile(r"\s+(?:down\s+)?(?:\w+ly\s+)?(?:back\s+)?(?:at\s+)?home\b")
#: After "return": their own country ("will return to their home country", "returned back to their bases").
_OWN_COUNTRY_AFTER = re.compile(r"\s+(?:back\s+)?(?:to\s+)?(?:their|its|his|her)\s+(?:own\s+)?(?:home\s+)?(?:country|countries|"
                                r"homeland|bases?|barracks)\b|\s+back\s+home\b")
#: "bring its 900 soldiers home", "send the last 200 troops home": the force between the verb and "home".
_OBJECT_HOME_AFTER = re.compile(r"\s+(?:[\w,'’-]+\s+){0,5}?home\b")
_SHARE_FROM_AFTER = re.compile(r"\s+(?:(?:its|their)\s+(?:troops|forces)\s+)?(?:back\s+|out\s+)?from\s+(?:an?\s+(?:additional|further)\s+|"
                               r"another\s+|(?:about|some|roughly|nearly|around|approximately|almost)\s+)*\d+(?:\.\d+)?\s*"
                               r"(?:%|percent|per\s*cent|pc\b|pct\b)")
_DOWN_AFTER = re.compile(r"\s+down\b")
#: "headed for Haiti", "heading to the mission area", "headed home", "headed back".
_ON_THE_WAY_AFTER = re.compile(r"\s+(?:out\s+)?(?:for|to|into|home|back)\b")
#: After "cut": what is cut is a force or its size ("cut to 300", "cut 500 troops", "cut its contingent to 300",
#: "cut troop numbers"), not ties, funding or a road.
_CUT_AFTER = re.compile(r"\s+(?:(?:to|by)\s+(?:about\s+|some\s+|around\s+|nearly\s+|roughly\s+)?(?:\d+|(?:an?|one|two|three|"
                        r"four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty)[\s-]+(?:hundred|"
                        r"thousand))|by\s+(?:half|a\s+third|"
                        r"a\s+quarter|two-thirds|a\s+fifth)|"
                        r"(?:about\s+|some\s+|around\s+|nearly\s+|roughly\s+)?\d+|(?:(?:its|their|the|his|her)\s+)?"
                        r"(?:[\w-]+\s+){0,2}?(?:troops?|soldiers|forces?|contingents?|presence|deployment|personnel|"
                        r"peacekeepers|police|numbers|number|strength|size|ceiling|headcount|levels?))\b")
#: After the noun "cuts": to a force ("announced dramatic cuts to its peacekeeping force", "cuts in the contingent").
_CUTS_TO_FORCE_AFTER = re.compile(r"\s+(?:to|in)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:force|forces|contingent|mission|"
                                  r"presence|troops|deployment|strength)\b")
#: "pull its 150-strong force out", "pulled the last troops back": the object between the verb and its particle.
_PULL_OBJECT_OUT_AFTER = re.compile(r"\s+(?:[\w,-]+\s+){1,5}?(?:out|back)\b|\s+(?:its|their|the)\s+(?:[\w,'’-]+\s+){0,3}?"
                                    r"(?:troops|soldiers|forces|contingents?|peacekeepers|personnel|units?)\s+from\b")
_PRESENT_AFTER = re.compile(r"\s+(?:numbers|consists|has|have|comprises|includes|stands|totals|serving|deployed|"
                            r"stationed|based|on\s+the\s+ground|in(?!\s+(?:talks|contact|touch|charge|training|reserve)\b))\b")
#: After "already": a present size ("which already numbers 400 soldiers", "already has 300 troops").
_ALREADY_SIZE_AFTER = re.compile(r"\s+(?:numbers|numbered|totals|totalled|totaled|has|had|includes|comprises|stands\s+at)\s+"
                                 r"(?:(?:about|some|around|nearly|roughly|more\s+than|over|almost)\s+)?\d")
_IN_AFTER = re.compile(r"\s+(?:in|on\s+the\s+ground|there|deployed)\b")
_EXIT_AHEAD = re.compile(r"exit|withdr|leav|depart|pull|drawdown|reduc")
_MADE_BEFORE = re.compile(r"\b(?:made|make|makes|making)\b[^.;]{0,80}$")
_DEPLOYMENT_AFTER = re.compile(r"\s+(?:the\s+)?(?:(?:planned|proposed|overseas|foreign)\s+)?(?:deployment|sending|dispatch|"
                               r"despatch|mission)\b")
_UP_AFTER = re.compile(r"\s+up\b")
_HIGH_BEFORE = re.compile(r"\bhigh\s+$")
_APPOINTED_BEFORE = re.compile(r"(?:\b(?:position|role|post)\s+of|\bas|\bnamed|\bappointed|\bbecome|\bbe|\bdeputy|"
                               r"\b(?:provide[sd]?|providing|supply|supplies|supplied|nominate[sd]?|nominating|name|names)"
                               r"(?=\s+(?:the|a|an|its)\s))\s+"
                               r"(?:(?:the|a|an|its|deputy|force|overall)\s+)*$")
_AUTHORIZED_AFTER = re.compile(r"\s+(?:an?\s+|the\s+)?(?:additional|more|extra|up\s+to|\d|deployment|dispatch|sending|increase|force|"
                               r"troops|raising|increasing|expanding|enlarging|boosting|doubling|an?\s+(?:\w+\s+)?force)")


#: After "withdrew", "pulled": an offer taken back, not troops.
_OFFER_AFTER = re.compile(r"\s+(?:back\s+|out\s+)?(?:from\s+|of\s+)?(?:its|their|the|an?)\s+(?:earlier\s+|initial\s+|previous\s+)?"
                          r"(?:offer|pledge|commitment|promise|proposal)\b")
#: The force noun right before an active "replaced" ("850 soldiers replaced").
_FORCE_NOUN_LAST = re.compile(r"\b(?:troops|soldiers|officers|police|peacekeepers|contingent|battalion|unit|company|"
                              r"personnel|forces)\s+(?:\w+\s+)?$")
#: Before a noun that opens the sentence: "The ", "Kenya's ", "the first ", "The planned ".
_NOUN_SUBJECT_BEFORE = re.compile(r"\W*(?:the\s+|an?\s+)?(?:[\w.-]+(?:['’]s)?\s+){0,2}")
_OF_FORCE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:first\s+|last\s+|remaining\s+|some\s+|about\s+|around\s+|nearly\s+|"
                             r"an?\s+|another\s+|its\s+|their\s+)*(?:\d|[\w-]+\s+(?:troops|soldiers|officers|police|"
                             r"peacekeepers|contingent|battalion)|troops|soldiers|officers|police|peacekeepers|contingent|"
                             r"battalion|(?:two|three|four|five|six|seven|eight|nine|ten|a|one)\s)")
#: A sentence that opens on a country's move: "Rwanda's deployment", "The Kenyan contingent's arrival".
_OWNER_OPENS_BEFORE = re.compile(r"\W*(?:the\s+)?(?:[\w.-]+\s+){0,2}?[\w.-]+['’]s\s+(?:(?:first|initial|latest|planned|"
                                 r"full|new)\s+)?")
#: After "X's deployment": a verb of its own ("comes", "is expected", "began", "was completed").
_MOVE_VERB_AFTER = re.compile(r"\s+(?:comes|came|is|was|has|had|will|would|began|begins|started|starts|follows|followed|"
                              r"marks|marked|brings|brought)\b")
_PLANNED_BEFORE = re.compile(r"\b(?:planned|proposed|expected|awaited|upcoming|imminent|future|possible|potential)\b")
#: (said of the move, not an adjective of something else: "long-delayed support", "a planned 8,000-strong mission")
_DELAYED_AFTER = re.compile(r"(?<![-\w])(?<!a\s)(?<!the\s)(?:delayed|postponed|put\s+off|pushed\s+back|planned|expected|scheduled|"
                            r"set\s+for|due|awaited|will|would|is\s+to|are\s+to)\b")
#: Before a trigger: someone else asks for it ("an opposition call to withdraw", "urged Egypt to send").
_VOLUNTEERS_NOUN_BEFORE = re.compile(r"\b(?:un|u\.n\.|united\s+nations|the|some|\d[\d,]*|ten|two|three|four|five|"
                                     r"six|seven|eight|nine|many|several|local|international)\s+$")
_HEADLINE_TO = re.compile(r"(?:[\w'’.-]+\s+){1,3}to\s+")
_HOLDS_BEFORE = re.compile(r"\b(?:holds?|held|holding|take|takes|took|taking|assume[sd]?|assuming|given|handed|granted|"
                           r"(?<=to\s)have|(?<=to\s)hold|"
                           r"awarded|maintain\w*|retain\w*|keeps?|kept|keeping)\s+(?:over\s+)?"
                           r"(?:the\s+|its\s+|their\s+)?(?:overall\s+|(?:isf|isaf|kfor|unifil|eufor|nato|sector|force|"
                           r"mission|operational|military)\s+)?$")
#: Before "command", "leadership": a country's ("under French command", "under the overall German leadership").
_UNDER_OWNER_BEFORE = re.compile(r"\bunder\s+(?:the\s+)?(?:overall\s+)?(?!(?:the|overall|its|their|his|her|an?|one|single|"
                                 r"unified|joint|direct|operational|national|military|separate|own)\s)[a-z][\w-]*\s+$")
#: After "lead", "command": a unit of a force ("will lead the other three battle groups", "lead one of its multinational
#: brigades", "commands the eastern sector").
_LED_UNIT_AFTER = re.compile(r"\s+(?:the\s+|a\s+|an\s+|this\s+|its\s+|their\s+|one\s+of\s+(?:the\s+|its\s+|their\s+)?)?"
                             r"(?:[\w-]+\s+){0,3}?(?:battle\s*groups?|brigades?|battalions?|sectors?|components?|divisions?|"
                             r"task\s+forces?|prts?|provincial\s+reconstruction\s+teams?|regional\s+commands?)\b")
#: After "lead" as an adjective: a role that is not command ("lead donor", "lead negotiator").
_LEAD_NOT_COMMAND_AFTER = re.compile(r"\s+(?:donors?|sponsors?|funders?|financiers?|negotiators?|mediators?|authors?|"
                                     r"drafters?|advocates?|supporters?|critics?|investors?|sponsorship)\b")
#: After "took": positions taken ("took up positions", "quickly took up defensive positions").
_UP_POSITIONS_AFTER = re.compile(r"\s+up\s+(?:[\w-]+\s+){0,2}?positions?\b")
#: After "leading" as an adjective: a rank among contributors ("one of the leading contributors to the mission").
_LEADING_CONTRIBUTOR_AFTER = re.compile(r"\s+(?:troop[\s-]+|police[\s-]+|financial\s+)?(?:contributors?|contributing|"
                                        r"providers?|donors?|suppliers?|members?|partners?|nations?|countries)\b")
#: After "lead": the nation that leads ("the lead nation", "lead country"), not a logistics role.
_LEAD_NATION_AFTER = re.compile(r"\s+(?:framework\s+)?(?:nation|country)\b")
_SECTOR_AFTER = re.compile(r"\s+for\s+(?:[\w-]+\s+){0,6}?(?:zones?|sectors?|areas?|regions?|provinces?)\b")
_CALL_BEFORE = re.compile(r"\b(?:calls?|called|calling|demands?|demanded|appeals?|urged|urging|pressed|pressing)\s+"
                          r"(?:\w+\s+){0,2}?(?:for|to)\s+(?:\w+\s+){0,1}$")


#: Inside a conditional clause that the trigger or figure belongs to ("If Norway reduces its forces", "if more than
#: 1,500 troops were needed"): a hypothetical. The clause ends at a comma or a semicolon.
#: The words of a conditional clause: no clause break, but the commas of a list of names ("if Australia, Britain, Italy
#: and Japan reduce ...").
IF_CLAUSE_BODY = r"(?:[^,;:.]|,(?=\s+(?:and\s+|or\s+)?[\w'’-]+(?:\s+[\w'’-]+)?(?:,|\s+(?:and|or)\b)))"
IF_CLAUSE_BEFORE = re.compile(r"(?<!\bas\s)\bif\s+(?!and\s+when\b|(?:needed|necessary|asked|required|requested|so)\b)"
                              + IF_CLAUSE_BODY + r"{0,120}$")

#: Before "if": a question asked, not a condition ("will decide if it will send troops").
ASKS_IF_BEFORE = re.compile(r"\b(?:decide[sd]?|deciding|announce[sd]?|announcing|know|knows|see|ask(?:s|ed|ing)?|"
                            r"determine[sd]?|wonder(?:s|ed|ing)?|unclear|unsure|clear|sure|consider(?:s|ed|ing)?|"
                            r"weigh(?:s|ed|ing)?|examin(?:e|es|ed|ing)|assess(?:es|ed|ing)?|study(?:ing)?|"
                            r"discuss(?:es|ed|ing)?)\s+$")


#: Double quotes inside a phrase ('is "quite willing" to send'): read as spaces, keeping every offset.
_QUOTES = str.maketrans({"“": " ", "”": " ", '"': " "})


def find_triggers(low: str) -> list[Hit]:
    """Return the triggers in a lower-cased sentence."""
    low = low.translate(_QUOTES)
    hits: list[Hit] = []
    for m in HEAD_RX.finditer(low):
        word = m.group()
        group = _HEADS[word]
        s, e = m.start(), m.end()
        before = low[max(0, s - 60):s]
        after = low[e:e + 60]
        kind: str | None = group
        if group in ("reduction", "send", "pledge") and _CALL_BEFORE.search(before):
            continue
        if word in ("led", "headed", "commanded") and before.endswith(("-", "‐")):
            continue  # "a Kenyan-led force", "the NATO-led mission": a description of the force, not who is to lead it
        if word in ("volunteer", "volunteers") and _VOLUNTEERS_NOUN_BEFORE.search(before):
            continue  # "81 international staff and ten UN Volunteers": people, not an offer
        cond = IF_CLAUSE_BEFORE.search(low, max(0, s - 100), s) if group not in ("command", "territory") else None
        if cond and not ASKS_IF_BEFORE.search(low, max(0, cond.start() - 30), cond.start()):
            continue  # "If Norway and Peru reduce their forces, ...": a hypothetical, no claim
        if group == "reduction" and _OFFER_AFTER.match(after):
            hits.append(Hit(s, e, "negation", low[s:e]))  # "withdrew its offer of 1,000 troops": a retraction
            continue
        if group == "reduction" and _SHARE_FROM_AFTER.match(after):
            hits.append(Hit(s, e, "territory", low[s:e]))  # "withdraw from an additional 10 percent of Gaza"
            continue
        if group == "negation" and re.match(r"\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:calls?|demands?|requests?|proposals?|motion|"
                                            r"offers?\s+(?:by|from)\b)\b", after):
            continue  # "rejected an opposition call to withdraw", "rejected an offer by Indonesia": not its own sending
        start, end = s, e
        if word == "deployment" and (sched := _SCHEDULED_FOR_BEFORE.search(before)) and not re.search(
                r"\b(?:no|not|yet)\b", before[max(0, sched.start() - 25):sched.start()]):
            hits.append(Hit(s, e, "pledge", word))  # "are scheduled for deployment in Mogadishu": still to come
            continue
        if word in _MOVE_NOUNS and _NOUN_SUBJECT_BEFORE.fullmatch(low, 0, s) and _OF_FORCE_AFTER.match(after):
            # "The arrival of 300 Kenyan officers on Tuesday ...": the sentence is about the move itself; "was
            # delayed", "is planned" make it one still to come.
            kind = _MOVE_NOUNS[word]
            if kind == "arrival" and (_PLANNED_BEFORE.search(low, 0, s) or _DELAYED_AFTER.search(low, e)):
                kind = "pledge"
            hits.append(Hit(s, e, kind, word))
            continue
        if word in ("deployment", "arrival") and _OWNER_OPENS_BEFORE.fullmatch(low, 0, s) and _MOVE_VERB_AFTER.match(after):
            # "Rwanda's deployment comes a day after ...", "India's deployment is expected to be completed by Wednesday":
            # the sentence is about a country's own move (still to come when expected, delayed or planned)
            hits.append(Hit(s, e, "pledge" if _DELAYED_AFTER.match(after.lstrip()) or re.match(
                r"\s+(?:is|was)\s+(?:now\s+|still\s+)?(?:expected|delayed|postponed|planned|scheduled|due|set)\b", after)
                            else "arrival", word))
            continue
        if word == "movement" and _OF_FORCE_AFTER.match(after):
            # "confirmed the movement of a contingent of 200 men": the move itself; planned, still a pledge
            hits.append(Hit(s, e, "pledge" if _PLANNED_BEFORE.search(before) or _FUTURE_BEFORE.search(before[-30:])
                            else "arrival", word))
            continue
        if word == "rotation" and re.search(r"\b(?:last|final)\s+$", before) and _OF_FORCE_AFTER.match(after):
            hits.append(Hit(s, e, "reduction", word))  # "the last rotation of New Zealand troops": they leave
            continue
        if group == "noun":
            continue
        if word in ("headed", "heading") and _ON_THE_WAY_AFTER.match(after) and not _MISSION.match(after):
            # "headed home": leaving; "heading for Haiti", "headed to Lebanon": on the way in.
            kind = "reduction" if _HOME_AFTER.match(after) else "pledge" if _FUTURE_BEFORE.search(
                before[-30:]) else "arrival"
        elif group == "command":
            if word == "commander":
                # "the position of deputy commander", "a deputy commander role": an appointment; "the commander
                # of the ISF said": a speaker.
                if not _APPOINTED_BEFORE.search(before):
                    kind = None
            elif word in ("command", "leadership") and (under := _UNDER_OWNER_BEFORE.search(before)):
                # "will be under French command", "deployed under German leadership": the country named leads
                start = s - (len(before) - under.start())
            elif word == "command" and after.startswith(" of"):
                end = e + 3
                if re.search(r"\bunder\s+(?:the\s+)?(?:overall\s+|direct\s+|operational\s+|unified\s+)?$", before):
                    kind = None  # "will serve under the overall command of the force": who serves does not lead
            elif word == "command" and (held := _HOLDS_BEFORE.search(before)):
                # "where Poland holds the command", "will take over the command"; "before taking over ISAF command":
                # the phrase starts at the verb, so that the force's name is not taken for the one who takes it
                start = s - (len(before) - held.start())
            elif word == "responsibility":
                # "Poland would take responsibility for one of the three zones": to lead a sector; "the battalion
                # assumed responsibility for the sector" is a move done (an arrival, under "assumed").
                if not (re.search(r"\b(?:will|would|shall|to|is\s+to|are\s+to)\s+(?:\w+\s+)?(?:take|assume)\s+(?:over\s+)?"
                                  r"(?:the\s+)?$", before) and _SECTOR_AFTER.match(after)):
                    kind = None
            elif word == "charge":
                if not _IN_OVERALL_BEFORE.search(before) or not after.startswith(" of"):
                    kind = None
            elif word == "helm":
                if not before.endswith("the "):
                    kind = None
            elif word in ("leadership", "reins"):
                # "will maintain leadership of the naval component", "agreed to take over the reins of the force",
                # "assumed its leadership" (not "the party leadership said")
                if not _HOLDS_BEFORE.search(before) or re.search(r"\b(?:its|their)\s+$", before):
                    kind = None  # "its leadership": whose, the clause before may not say
            elif word in ("led", "headed", "commanded") and _BY_OFFICER_AFTER.match(after):
                # "will be commanded by an Irish general", "headed by General Abdulkadir from Nigeria"; a national
                # unit's own officer is no command of the force ("the contingent, led by Air Commodore Yusuf")
                if _UNIT_LED_BEFORE.search(before[-60:]):
                    kind = None
            elif word == "lead" and _LEAD_NATION_AFTER.match(after):
                # "Kenya was designated as the lead nation", "France, the lead nation in the mission"
                if not re.search(r"(?:\b(?:as|be|is|was|been|become|became|becomes|remain\w*)\s+|,\s+)(?:the\s+)?$",
                                 before):
                    kind = None
            else:
                mm = _MISSION.match(after) or _LED_UNIT_AFTER.match(after)
                if mm is None or (word == "lead" and _LEAD_NOT_COMMAND_AFTER.match(after)) or (
                        word == "leading" and _LEADING_CONTRIBUTOR_AFTER.match(after)):
                    kind = None  # "a lead donor to the mission": money or words, not command
                else:
                    end = e + mm.end()
        elif group == "territory" and word in ("hand", "hands", "handed", "handing"):
            kind = "territory" if re.match(r"\s+(?:over|back)\b", after) else None
        elif group == "territory":
            if word == "share":
                # "Israel's share of territory in Gaza is expected to be reduced to 40%"
                if not re.match(r"\s+of\s+(?:the\s+)?(?:territory|land|gaza|the\s+strip|the\s+enclave)\b", after):
                    kind = None
            elif word == "control" and _IN_BEFORE.search(before) and after.startswith(" of"):
                start = s - 3
            elif word in ("control", "occupation") and not _UNDER_BEFORE.search(before) and not (
                    word == "control" and _CONTROL_VERB_BEFORE.search(before) and re.match(r"\s+(?:of|over)\b", after)):
                kind = None
        elif group == "reduction" and word in _REDUCTION_CHECKED:
            kind = _reduction_kind(word, before, after)
        elif group == "reduction":
            if word in ("cut", "cuts", "cutting") and (_CUT_AFTER.match(after) or _CUTS_TO_FORCE_AFTER.match(after)):
                kind = "reduction"  # "cut to 300", "cut 500 troops", "cut its contingent to 300", "cut troop numbers"
            elif word in ("scale", "scales", "scaled", "scaling", "cut", "cuts", "cutting", "draw", "draws", "drawing", "drew"):
                mm = _BACK_DOWN_AFTER.match(after)
                kind = "reduction" if mm else None
                end = e + (mm.end() if mm else 0)
            elif word in ("pull", "pulls", "pulled", "pulling"):
                mm = _OUT_BACK_AFTER.match(after) or _PULL_OBJECT_OUT_AFTER.match(after)
                kind = "reduction" if mm else None
                end = e + (mm.end() if mm else 0)
            elif word == "smaller":
                mm = _SMALLER_NOUN_AFTER.match(after)
                pre = _MUCH_BEFORE.search(before)
                if not (mm or pre):
                    kind = None
                if pre:
                    start = s - (len(before) - pre.start())
                if mm and mm.group().strip() != "than":
                    end = e + mm.end()
            elif word == "fewer":
                mm = _FEWER_NOUN_AFTER.match(after)
                kind = "reduction" if mm else None
        elif word == "replaced":
            if after.startswith(" by"):
                kind = "arrival"  # "were replaced by 400 Polish soldiers": the incoming force, named after
            elif _FORCE_NOUN_LAST.search(before) and re.match(r"\s+(?:the|an?|its|their)\b", after):
                # "a battalion of 850 soldiers replaced a Nepalese unit": the incoming force is the subject before;
                # the phrase starts at that noun so that the subject is looked for before it.
                kind = "arrival"
                start = s - (len(before) - _FORCE_NOUN_LAST.search(before).start())
            else:
                kind = None
        elif word in ("arrived", "landed", "touched") and _ARRIVED_HOME_AFTER.match(after):
            kind = "reduction"  # "36 soldiers arrived safely home", "landed back home": the contingent came back
        elif group == "arrival" and word in _ARRIVAL_CHECKED:
            kind = _arrival_kind(word, before, after, low[max(0, s - 120):s])
        elif group == "arrival":
            if word in ("began", "started", "begin", "begins", "start", "starts", "begun"):
                mm = _BEGAN_AFTER.match(after)
                kind = None if mm is None else "reduction" if _EXIT_AHEAD.search(mm.group()) or "returning" in mm.group(
                    ) else "arrival"
                end = e + (mm.end() if mm else 0)
            elif word == "touched":
                kind = "arrival" if after.startswith(" down") else None
            elif word in ("took", "taking", "takes"):
                # "took up positions", "took part in the mission", "are taking part", "took over the sector": there
                # (with a future, a pledge); "took over command" is a command.
                kind = "arrival" if after.startswith((" part in", " part alongside")) or _UP_POSITIONS_AFTER.match(after) or (
                    _TOOK_OVER_AFTER.match(after)) else None
                if word == "taking" and not re.search(r"\b(?:is|are|was|were|been|now|already|currently)\s+$", before):
                    kind = None  # "ruled out taking part": the refusal speaks, not a presence
            elif word == "rotated":
                kind = "arrival" if re.match(r"\s+(?:in|into)\b", after) else None
            elif word == "relieved":
                kind = None if re.match(r"\s+(?:of|that|to|by)\b", after) or not _HAS_FORCE_NOUN_BEFORE.search(
                    before) else "arrival"  # "Brazil's 1,300 troops relieved the Uruguayan contingent"
            elif word == "reported":
                kind = "arrival" if after.startswith(" for duty") else None
            elif word in ("airlifted", "shipped", "ferried", "sailed", "airlift", "ferry"):
                # "airlifted 300 soldiers to Bangui", "sailed for Lebanon": moved into the mission area
                kind = "arrival" if re.match(r"[^.;]{0,90}?\b(?:to|for|into)\s+(?!home\b)", after) and not re.match(
                    r"[^.;]{0,50}?\bhome\b", after) and _force_near(low[max(0, s - 120):s], after) else None
            elif word == "assumed":
                # "the battalion assumed responsibility for the sector"
                kind = "arrival" if re.match(r"\s+(?:full\s+|operational\s+|security\s+)?responsibility\b", after) else None
            elif word == "patrolling":
                kind = "arrival" if re.search(r"\b(?:are|is|were|was|been|now|already|currently)\s+$", before) else None
            elif word in ("arrive", "arrives", "arriving"):
                # "are expected to arrive", "arrives next week": not there yet; "saw 400 officers arrive", "were among
                # the first to arrive": there.
                kind = "arrival" if re.search(r"\b(?:saw|seen|watched|showing|shows|showed|shown)\b[^.;]{0,50}$",
                                              before) or (word == "arriving" and re.search(
                                                  r"\b(?:are|is|were|was)\s+(?:now|already|currently|still)\s+$|"
                                                  r"\b(?:began|begun|started|continue[ds]?|kept)\s+$", before)) or (
                    re.search(r"\b(?:were|was|are|is)\s+(?:among\s+)?the\s+(?:first|last|latest)\s+(?:\w+\s+)?to\s+$",
                              before)) else "pledge"
                if kind == "arrival":
                    hits.append(Hit(s, e, kind, low[s:e]))
                    continue
            elif word == "crossed":
                kind = "arrival" if after.startswith(" into") else None
            if kind == "arrival" and not word.endswith("ed") and _FUTURE_BEFORE.search(before[-30:]):
                kind = "pledge"
        elif group == "negation":
            if word in ("ruled", "rules", "ruling"):
                kind = "negation" if after.startswith(" out") else None
                end = e + 4
            elif word == "intention":
                kind = "negation" if before.endswith("no ") else None
            elif word in ("denied", "denies", "dismissed"):
                # "denied it would send troops", "dismissed reports that it would send 1,000 troops"
                kind = "negation" if re.match(r"\s+(?:that\s+)?(?:it|they|reports?|claims?|suggestions?|speculation|"
                                              r"plans?|any)\b", after) else None
            elif word == "turned":
                kind = "negation" if re.match(r"\s+down\b", after) else None
            elif word == "backed":
                kind = "negation" if re.match(r"\s+(?:away\s+from|out\s+of|off)\b", after) else None
        elif group == "pledge" and word in _NOT_YET_WORDS and _NOT_YET_DONE_BEFORE.search(before):
            kind = "consideration"  # "have not yet committed themselves", "is yet to confirm": still open
        elif group == "pledge" and word in _PLEDGE_CHECKED:
            kind = _pledge_kind(word, before, after)
        elif group == "consideration":
            if word in ("talks", "discussions", "negotiations"):
                kind = "consideration" if _IN_TALKS_BEFORE.search(before) else None
            elif word in _CHECKED_CONSIDERATION:
                # "is assessing a request to send", "evaluating whether to contribute", "thinking about sending"
                kind = "consideration" if _WHAT_IS_WEIGHED_AFTER.match(after) else None
            elif word == "open":
                kind = "consideration" if after.startswith(" to") else None
            elif word == "interested":
                kind = "consideration" if after.startswith(" in") else None
            elif word == "interest":
                kind = "consideration" if _INTEREST_BEFORE.search(before) else None
            elif word in ("contributor", "contributors"):
                # "potential contributors": weighing; "Burundi is among the main contributors of AMISOM troops": there
                kind = "consideration" if _POTENTIAL_BEFORE.search(before) else "arrival" if (
                    _AMONG_CONTRIBUTORS_BEFORE.search(before) and _OF_FORCE_CONTRIB_AFTER.match(after)) else None
            elif word == "considered" and re.match(r"\s+(?:the|a|an|as|to\s+be|one)\b", after):
                kind = None  # "is considered the most dangerous mission": a description
            elif word == "decided":
                kind = "consideration" if _NOT_YET_BEFORE.search(before) else None
            elif word in ("leaning", "leans", "leaned"):
                kind = "consideration" if re.match(r"\s+(?:heavily\s+|strongly\s+)?towards?\b", after) else None
            elif word == "thoughts":
                kind = "consideration" if before.endswith("second ") else None  # "is having second thoughts"
            elif word == "decision":
                kind = "consideration" if before.endswith("no ") else None
            elif word == "decide":
                kind = "consideration" if before.endswith("yet to ") else None
            elif word == "discussion":
                kind = "consideration" if re.search(r"\bunder\s+(?:\w+\s+)?$", before) else None  # "is under discussion"
            elif word == "door":
                # "left the door open to sending more troops"
                kind = "consideration" if re.search(r"\b(?:left|leave|leaves|leaving|keep|keeps|kept|keeping|opened|"
                                                    r"opens)\s+(?:the\s+)?$", before) and after.startswith(" open") else None
            elif word in ("spoken", "talked", "spoke"):
                # "officials have spoken of between 2,000 and 3,000 soldiers", "Spain talked of 200": a figure floated
                kind = "consideration" if re.match(r"\s+of\s+(?:(?:up\s+to|about|around|some|between|as\s+many\s+as|"
                                                   r"sending|deploying)\s+)?(?:\d|several|a\s+few|more|additional)",
                                                   after) else None
        elif group == "send":
            kind, back = _send_kind(word, before, after, low[max(0, s - 200):s])
            start = s - back
            if kind is None and s <= 40 and _HEADLINE_TO.fullmatch(low, 0, s):
                kind, start = "pledge", low.rfind("to", 0, s)  # a headline's infinitive: "Chad to deploy 800 security personnel to Haiti"
        if kind == "reduction" and _MIGHT_BEFORE.search(low, max(0, start - 25), start):
            kind = "consideration"  # "Russia might withdraw its troops": weighed, not decided (GUIDELINE section 2)
        if kind is None:
            continue
        hits.append(Hit(start, end, kind, low[start:end]))
    if len(hits) > 1 and any(h.text in ("standby", "stand-by") for h in hits):
        # "the reserve battalion kept on standby consists of 600 soldiers": the make-up of a force offered, not there.
        hits = [h for h in hits if h.text not in ("consists", "comprises", "includes")]
    if len(hits) > 1 and any(h.group == "reduction" for h in hits):
        # "Uruguay's 1,000 soldiers, deployed since 2004, will be withdrawn": the participle describes the force
        # the sentence's verb withdraws.
        last = max(h.start for h in hits if h.group == "reduction")
        # (not a finite verb after its subject: "Chad deployed 1,000 soldiers ... after France mulled reducing")
        hits = [h for h in hits if not (h.group == "arrival" and h.text in ("deployed", "stationed", "serving")
                                        and h.start < last and not _HAS_BEFORE.search(low, max(0, h.start - 30), h.start)
                                        and _PARTICIPLE_BEFORE.search(low, max(0, h.start - 40), h.start))]
        # "is winding down its deployment but is to keep 1,000 soldiers": what stays is the new level of the cut.
        first = min(h.start for h in hits if h.group == "reduction")
        hits = [h for h in hits if not (h.start > first and h.text.startswith(_STAYING))]
    return hits


_STAYING = ("keep", "kept", "maintain", "remain")
#: Before "deployed", "stationed": a participle after its noun or a comma ("soldiers, deployed since", "the troops
#: stationed there"), not a finite verb after its subject ("Chad deployed").
_PARTICIPLE_BEFORE = re.compile(r"(?:[,(]|\b(?:troops|soldiers|forces|force|personnel|peacekeepers|contingents?|police|"
                                r"officers|units?|battalions?|companies|brigades?|marines|men|women|those|one|ones|"
                                r"others|and|or|already|currently|still|now|previously|\w+ly))\s*$")


_CHECKED_CONSIDERATION = frozenset({"assessing", "assess", "assesses", "evaluating", "evaluate", "evaluates", "examining",
                                    "examine", "examines", "pondering", "contemplating", "contemplate", "contemplates",
                                    "deliberating", "thinking", "uncertain", "unsure", "investigating"})
#: After "assessing", "thinking": a deployment weighed, not the security situation or the roads.
_WHAT_IS_WEIGHED_AFTER = re.compile(
    r"\s+(?:(?:about|of|over|on)\s+)?(?:(?:a|an|the|its|their)\s+)?(?:(?:un|u\.n\.|formal|new|possible|us|u\.s\.)\s+)?"
    r"(?:request|proposal|possibility|possibilities|options?|offer|invitation|whether|if|sending|deploying|contributing|"
    r"participat\w*|joining|deployment|contribution|dispatch|troop|troops|a\s+role|increasing|boosting|"
    r"withdrawing|reducing|keeping|extending)\b")
_REDUCTION_CHECKED = frozenset({"left", "leave", "leaves", "leaving", "returned", "return", "returning", "come", "go",
                                "bring", "brought", "winding", "wind", "remove", "removes", "removed", "removing",
                                "exit", "exits", "depart", "departing", "departs", "departed", "went", "gone", "flew",
                                "flown", "flying", "fly", "departure", "fell", "fallen", "dropped", "decreased", "shrank", "shrunk",
                                "fall", "falls", "falling", "drop", "drops",
                                "dwindled", "recall", "recalls", "recalled", "recalling", "suspend", "suspends",
                                "suspended", "suspending", "end", "ends", "ended",
                                "ending", "terminate", "terminates", "terminated", "terminating", "phase", "phases",
                                "phased", "phasing", "out", "renew", "extend", "extends", "extended", "extending",
                                "renews", "renewed", "renewing", "home", "evacuated", "evacuate",
                                "evacuation", "closed", "closes", "closing"})
#: Before "deployment": a move set for later ("are scheduled for deployment", "earmarked for deployment").
_SCHEDULED_FOR_BEFORE = re.compile(r"\b(?:scheduled|slated|due|set|earmarked|ready|readied|cleared|approved|bound|"
                                   r"destined|prepared|preparing)\s+(?:for|to\s+begin)\s+(?:\w+\s+)?$")
#: After "closed": a force's own mission or bases ("closed its mission", "closed three bases in northern Mali").
_CLOSED_AFTER = re.compile(r"\s+(?:down\s+)?(?:its|their|the\s+last|\w+)\s+(?:[\w-]+\s+){0,2}?(?:mission|military\s+bases?|bases|"
                           r"camps|operations|deployment|presence|contingent)\b")
#: After "recalled": a force ("recalled 1,000 soldiers", "recalled its contingent"), not a memory ("recalled that").
_RECALL_AFTER = re.compile(r"\s+(?!that\b|how\b|what\b|when\b|in\b|on\b)(?:(?:its|their|the|all|about|some|around|nearly|an?|his|her)\s+)*(?:[\w-]+\s+){0,2}?"
                           r"(?:\d|troops|soldiers|police|peacekeepers|personnel|forces|contingents?|officers|battalions?|"
                           r"units?|gendarmes)")
#: After "end": a force's stay ("end its mission", "ended their deployment in Mali").
_END_AFTER = re.compile(r"\s+(?:its|their|the|his|her)\s+(?:[\w-]+\s+){0,4}?(?:mission|deployment|participation|presence|"
                        r"contributions?|operations?|involvement|engagement)\b")
#: A force named near a movement verb ("150 soldiers flew out", "flew 200 officers to Haiti").
_FORCE_NEAR = re.compile(r"\b(?:troops|soldiers|officers|police\w*|contingents?|personnel|peacekeepers|battalions?|units?|"
                         r"forces|marines|gendarmes|detachment|company|companies|medics|doctors|nurses|engineers|experts|specialists|"
                         r"observers|trainers|paratroopers|commandos|sappers)\b")
#: After "left <place>": on the way to the mission ("bound for Dili", "on their way to Haiti", "to join the force").
_STAGING_AFTER = re.compile(r"\s+(?!home\b)[^.;]{0,60}?\b(?:bound\s+for|on\s+(?:their|its|his|her|the)\s+way\s+to|"
                            r"en\s+route\s+(?:to|for)|to\s+join|to\s+reinforce|to\s+take\s+up)\b")
_LEFT_DEAD_AFTER = re.compile(r"[^.;]{0,80}?\b(?:dead|injured|wounded|killed|stranded|behind|homeless)\b")
_LEFT_WITH_AFTER = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){1,4}?with\s+(?:only\s+|just\s+|about\s+|"
                              r"around\s+|some\s+|nearly\s+|roughly\s+|fewer\s+than\s+|less\s+than\s+|more\s+than\s+)?\d")
_LEFT_MARK_AFTER = re.compile(r"\s+(?:a|an|the|its|their|his|her|no)\s+(?:[\w-]+\s+){0,2}?(?:impression|mark|legacy|"
                              r"imprint|footprint|message|note|comment|question|doubt)s?\b")
#: A day between a departure and where to: "left jan. 29 for chad", "left on monday to join the mission".
_LEFT_ON_DAY = re.compile(r"(?:\s+on)?\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
                          r"last\s+week|this\s+week|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
                          r"(?:st|nd|rd|th)?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)),?(?=\s)")
_LEAVING = frozenset({"left", "leave", "leaves", "leaving", "depart", "departing", "departs", "departed"})
#: After a departure: where to ("left for Haiti", "departed to join the mission") - on the way in.
_FOR_MISSION_AFTER = re.compile(r"\s+(?:for\s+(?!home\b|(?:an?\s+|the\s+)?(?:\w+\s+)?(?:talks|meetings?|consultations|summit|visit|"
                                r"conference|negotiations|discussions|treatment|training|holidays?|leave)\b)|to\s+(?:join|reinforce|take\s+up|take\s+part|serve|deploy)\b)")
#: After "flew": into the mission area ("flew out to join", "flew to Haiti", "flew into Port-au-Prince", "flew in on
#: Sunday").
_FLEW_IN_AFTER = re.compile(r"\s+(?:(?:out|in)\s+)?(?:to|into|for)\b(?!\s+home\b)|\s+in\b(?=\s*(?:[,.;]|$)|\s+(?:on|last|this|"
                            r"yesterday|today|from|early|late|over)\b)")


_THERE_ARE_AFTER = re.compile(r"\s+(?:are|were)\s+(?:(?:now|already|currently|still)\s+)?(?:(?:about|some|around|nearly|"
                              r"roughly|almost|more\s+than|over|at\s+least|an\s+estimated)\s+)?\d")
_EVACUEES_AFTER = re.compile(r"\s+(?:of\s+)?(?:the\s+|some\s+|about\s+|\d[\d,]*\s+)?(?:[\w-]+\s+)?(?:civilians|foreigners|"
                             r"nationals|citizens|people|expatriates|wounded|injured|residents|staff|diplomats|refugees|"
                             r"families|children|women|embassy|aid\s+workers)\b")
_MISSION_ENDS_BEFORE = re.compile(r"\b(?:mission|operation|deployment|force|samim|unifil|kfor|isaf|amisom|atmis|minusma|"
                                  r"minustah|monusco|unmiss|minusca|eufor|afisma|ecomog|ecomig|interfet|ramsi|mss|gsf)\s+"
                                  r"(?:(?:should|will|would|is\s+to|must|to|formally|officially|finally|\w+ly)\s+){0,2}$")
_WHEN_AFTER = re.compile(r"\s+(?:by|in|on|next|this|at|early|late|before|after)\b")
_COME_FROM_AFTER = re.compile(r"\s+(?:\w+ly\s+)?from\b")
#: After "have returned": nothing more, or where from ("have returned.", "returned from Haiti on Monday").
_RETURNED_AFTER = re.compile(r"\s*(?:[.;,)”\"]|$)|\s+(?:from|safely|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                             r"sunday)|this\s+week|last\s+week|yesterday|today)\b")
#: After "go", "went": to a place ("would go to Mogadishu", "went into Kosovo"), not home, to war or to the polls.
_GO_TO_AFTER = re.compile(r"\s+(?:first\s+)?(?:to|into)\s+(?!(?:the\s+)?(?:home|war|court|polls|school|bed|jail|prison|trial|"
                          r"vote|sleep|work|waste|great|any|some|lengths|plan|hospital|extremes?|battle|help)\b)[a-z]")


def _reduction_kind(word: str, before: str, after: str) -> str | None:
    """Leaving, coming home, winding down: a withdrawal; "left for Lebanon": on the way in."""
    if word in ("bring", "brought"):
        return "reduction" if _OBJECT_HOME_AFTER.match(after) else None  # "bring its 900 soldiers home"
    if word == "come" and _COME_FROM_AFTER.match(after) and (_FORCE_NEAR.search(before[-60:]) or re.search(
            r"\b(?:remainder|rest|bulk|half|majority)\b", before[-40:])):
        # "About half of these forces will come from the French Army", "1,000 of those troops are to come from Italy"
        return "pledge" if re.search(r"\b(?:will|would|shall|should|to)\s+(?:\w+\s+)?$", before) else None
    if word in ("go", "went") and _GO_TO_AFTER.match(after) and _FORCE_NEAR.search(before[-60:]):
        # "the first 200 soldiers would go to Mogadishu": on the way in (not "go home", "went to the polls")
        return "pledge" if _FUTURE_BEFORE.search(before[-30:]) else "arrival"
    if word == "returned" and _RETURNED_AFTER.match(after) and re.search(r"\b(?:have|has|had)\s+(?:\w+ly\s+|all\s+|now\s+)?$",
                                                                        before) and _FORCE_NEAR.search(before[-60:]):
        return "reduction"  # "some 200 Kenyan peacekeepers have returned", "... have returned from Haiti"
    if word in ("returned", "return", "returning", "come", "go", "went", "gone"):
        return "reduction" if _HOME_AFTER.match(after) or (word.startswith("return") and _OWN_COUNTRY_AFTER.match(
            after)) else None
    if word in ("winding", "wind"):
        return "reduction" if _DOWN_AFTER.match(after) else None
    if word in ("fell", "fallen", "dropped", "decreased", "shrank", "shrunk", "dwindled", "fall", "falls", "falling",
                "drop", "drops"):
        # "troop numbers fell from 1,000 to 300", "the contingent has shrunk to 400": a smaller force; "declined to
        # send" is a refusal, "dropped its plan" is not about troops.
        return "reduction" if re.match(r"\s+(?:\w+ly\s+)?(?:to|from|by|below|under)\s+(?:about\s+|around\s+|some\s+|"
                                       r"just\s+|nearly\s+|roughly\s+|a\s+)?\d", after) else None
    if word.startswith("phas"):
        return "reduction" if re.match(r"\s+(?:[\w,-]+\s+){0,4}?out\b", after) else None  # "phase out its contingent"
    if word == "out":
        # "its 300 troops would be out by December", "are out of the country"
        return "reduction" if re.search(r"\b(?:be|are|were|is|was|been)\s+(?:all\s+)?$", before) and re.match(
            r"\s+(?:of|by)\b", after) and _FORCE_NEAR.search(before[-50:]) else None
    if word.startswith("evacuat"):
        # "the evacuation of civilians", "evacuated the wounded": others moved out, not the force
        return None if _EVACUEES_AFTER.match(after) else "reduction"
    if word == "home":
        # "the remaining 876 troops are due home by December", "all our soldiers will be home by Christmas"
        return "reduction" if re.search(r"\b(?:due|be|back)\s+$", before) and _FORCE_NEAR.search(before) else None
    if word.startswith(("renew", "extend")):
        # "will not renew the mandate of its 300 troops": they leave; "will extend its mission", "extended South
        # Africa's deployment": they stay (a pledge)
        if not re.match(r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?(?:mandate|mission|deployment|contract|stay|"
                        r"presence|participation)\b", after):
            return None
        return "reduction" if re.search(r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+)?$", before) else "pledge"
    if word.startswith("recall"):
        return "reduction" if _RECALL_AFTER.match(after) else None
    if word.startswith("suspend"):
        # "Egypt suspended the participation of its 1,035 troops", "suspends its deployment" (not "suspended aid")
        return "reduction" if re.match(r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:participation|deployment|"
                                       r"contribution|involvement|operations|mission|presence)\b", after) else None
    if word.startswith("clos"):
        # "Poland formally closed its mission", "has closed three bases in northern Mali" (not "closed the border")
        return "reduction" if _CLOSED_AFTER.match(after) else None
    if word in ("end", "ends", "ended") and _MISSION_ENDS_BEFORE.search(before) and _WHEN_AFTER.match(after):
        return "reduction"  # "SAMIM should end by July 2024", "until the military mission formally ends next year"
    if word.startswith(("end", "terminat")):
        return "reduction" if _END_AFTER.match(after) and not _CALL_BEFORE.search(before) else None
    if word in ("flew", "flown", "flying", "fly"):
        if re.search(r"\b(?:bodies|body|remains|coffins?|wounded|injured)\b", before):
            return None  # "the bodies of 3 peacekeepers were flown home"
        if _HOME_AFTER.match(after):
            return "reduction"
        if _FLEW_IN_AFTER.match(after) and (_FORCE_NEAR.search(before[-50:]) or _FORCE_NEAR.search(after[:50])):
            return "pledge" if _FUTURE_BEFORE.search(before[-30:]) else "arrival"
        return None  # "the president flew to New York": a trip
    if word == "departure":
        # "the departure of 400 officers for Haiti": on the way in; "the departure of 800 troops from Mali": leaving.
        mm = re.match(r"[^.;]{0,60}?\b(?:for\s+(?!home\b)|to\s+join\b|from\b)", after)
        if mm is None or mm.group().endswith("from"):
            return "reduction"
        return "pledge" if _FUTURE_BEFORE.search(before[-30:]) or re.search(r"\b(?:set|scheduled|planned|due|expected)\b",
                                                                             after[mm.end():mm.end() + 40]) else "arrival"
    if word in _LEAVING:
        if word == "left" and _LEFT_DEAD_AFTER.match(after):
            return None  # "the attack left 7 soldiers dead"
        if re.match(r"\s+(?:the\s+)?(?:door|option|possibility)\b", after):
            return None  # "left the door open to sending more troops": a consideration, said by "door"
        if word == "left" and _LEFT_MARK_AFTER.match(after):
            return None  # "left a good impression on the commander": nobody moved
        if (day := _LEFT_ON_DAY.match(after)) and _FOR_MISSION_AFTER.match(after, day.end()):
            return "pledge" if _FUTURE_BEFORE.search(before[-30:]) else "arrival"  # "left jan. 29 for chad"
        if word in ("left", "leaves", "leaving", "leave") and _LEFT_WITH_AFTER.match(after):
            return "arrival"  # "this left the mission with 12,000 troops": the strength it has now
        if _FOR_MISSION_AFTER.match(after):
            # "has left for Lebanon": on the way in; "will leave for Haiti next week": planned, a pledge.
            return "pledge" if _FUTURE_BEFORE.search(before[-30:]) else "arrival"
        if re.match(r"\s+for\s+(?!home\b)", after):
            return None  # "left for talks in Addis Ababa": a trip, neither in nor out
        if _STAGING_AFTER.match(after):
            # "left Darwin bound for Dili", "left the air base on their way to Haiti", "left the country for Port-au-Prince
            # to join their counterparts": a staging point on the way in.
            return "pledge" if _FUTURE_BEFORE.search(before[-30:]) else "arrival"
        if before.endswith(("the ", "on ", "of ")):
            return None
        return "reduction"
    if word in ("exit", "exits") and before.endswith(("the ", "an ", "its ")):
        return "reduction"
    if word.startswith("remov") and re.search(r"\b(?:ordered|asked|told|demanded|called\s+on)\b[^.;]{0,40}$", before):
        return None
    return "reduction"


_LARGEST_AFTER = re.compile(r"(?:\s+(?:single|foreign|national|troop|military|international))*\s+(?:troop\s+)?"
                            r"(?:contributors?|contingents?|deployments?|providers?|presence)\b")
_LARGEST_BEFORE = re.compile(r"\b(?:is|are|was|were|has|have|had|be|remains?|remained|as)\s+(?:(?:already|still|now|"
                             r"currently|by\s+far|also)\s+)*(?:the|its)\s+(?:(?:single|second|third|fourth|fifth|"
                             r"sixth)[\s-]*)?$")
_ARRIVAL_CHECKED = frozenset({"already", "currently", "brings", "bringing", "comprises", "includes", "consists",
                              "stationed", "joined", "descended", "keeps", "keep", "kept", "keeping", "maintains",
                              "maintain", "maintained", "maintaining", "remain", "remains", "remained", "part",
                              "serving", "serve", "serves", "served", "has", "had", "reached", "reaches", "off",
                              "contributed", "welcomed", "made", "now", "there", "involved", "operational", "make",
                              "makes", "largest", "biggest", "been"})
#: "has 2,000 peacekeepers in the country", "had about 900 troops on the ground": a present (or then) strength.
_HAS_FORCE_AFTER = re.compile(
    r"\s+(?:(?:about|around|some|nearly|roughly|approximately|an\s+estimated|more\s+than|over|at\s+least|only|just|"
    r"close\s+to|almost)\s+)?\d[\d,]*(?:\s\d{3})*\s+(?:[\w-]+\s+){0,2}?(?:troops|soldiers|police|peacekeepers|personnel|"
    r"officers|gendarmes|marines|forces|servicemen)\s+(?:[\w-]+\s+)?(?:in(?!\s+(?:reserve|preparation|training|readiness)\b)|on\s+the\s+ground|there|deployed|stationed|"
    r"serving|with|under|along|across|inside|at|near|around|outside)\b")
#: "had the fifth largest contingent in the force", "has a contingent in Lebanon": a force there.
_HAS_CONTINGENT_AFTER = re.compile(r"\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?contingent\b(?!\s+(?:ready|on\s+standby|in\s+reserve)\b)")
#: "has 20,000 troops in its army": a national force, not a deployment.
_OWN_ARMY = re.compile(r"\s+(?:its|their)\s+(?:own\s+)?(?:national\s+|active\s+|standing\s+)?(?:army|armed\s+forces|"
                       r"military|reserves?|police\s+force|defen[cs]e\s+forces)\b")
#: After "reached": a decision or a level, not a place ("reached an agreement", "reached a deal").
_REACHED_NOT_PLACE = re.compile(r"\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:agreement|deal|consensus|"
                                r"decision|conclusion|understanding|settlement|compromise|accord|verdict|stage|point|"
                                r"ceasefire|cease-fire|truce|out|age|limit|impasse|deadlock|stalemate|breakthrough|milestone|record|"
                                r"majority|threshold|end|phase|level|peak)\b")
#: After "keeps", "maintains": a force kept there ("keeps 900 soldiers in the country", "maintains a presence").
_KEEP_AFTER = re.compile(r"\s+(?:[\w,-]+\s+){0,4}?(?:troops?|soldiers|police|peacekeepers|personnel|forces|contingents?|"
                         r"presence|officers|battalions?|companies|brigades?|marines|gendarmes|strong)\b")
_KEEP_OUT_AFTER = re.compile(r"[^.;]{0,40}?\b(?:out\s+of|away|at\s+home|in\s+reserve|on\s+standby|ready|informed)\b|"
                             r"\s+(?:its|their|his|her)\s+(?:promise|word|pledge|commitment|options)\b")
#: After "remain": still deployed ("remain deployed", "remains in Lebanon", "remained on the ground").
_REMAIN_AFTER = re.compile(r"\s+(?:deployed|stationed|in\b(?!\s+(?:good|high|low|poor)\s+spirits|\s+(?:contact|touch|power|talks|"
                           r"charge|control|effect|force|doubt|question|custody|hospital|limbo|place\s+for\s+now)\b)|on\s+the\s+ground|there|with\b|part\s+of|"
                           r"(?:committed|engaged)\s+(?:in|to)\b)")
#: Before "part of the force": being in it ("were part of", "are already part of", "will be part of").
_PART_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|become|became|becoming|remain|remains|remained)\s+"
                          r"(?:(?:already|now|still|also|currently)\s+)?(?:an?\s+)?(?:(?:major|key|big|large|central|"
                          r"integral|significant)\s+)?$")
_PART_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:isf|force|forces|mission|contingent|"
                            r"operation|deployment|peacekeepers|unifil|kfor|isaf|mss|gsf|amisom|atmis|"
                            r"minusma|minustah|monusco|unmiss|minusca|eufor|afisma|ecomog)\b")
#: After "serving": where ("serving with the mission", "serve in Lebanon", "served under UN command").
_SERVE_AFTER = re.compile(r"\s+(?:with|in|under|on|alongside|there)\b")


#: Before "bringing its total to": the move that brings it is still an offer or an order.
_OFFER_AHEAD_BEFORE = re.compile(r"\b(?:will|would|shall|to\s+(?:send|deploy|dispatch|contribute|add|provide)|pledged|pledges|"
                                 r"promised|promises|offered|offers|ordering|ordered|plans?|planning|is\s+to|are\s+to|"
                                 r"announced|agreed|approved|authori[sz]ed)\b[^.;]*$")


def _force_near(before: str, after: str) -> bool:
    """Whether a force is named next to a movement or presence verb ("150 soldiers sailed", "reached Bangui with 500
    troops"), so that a minister's trip or a ship's route is not a deployment."""
    return bool(_FORCE_NEAR.search(before[-120:]) or _FORCE_NEAR.search(after[:50]))


def _arrival_kind(word: str, before: str, after: str, wide: str = "") -> str | None:
    """Present strength ("currently numbers 3,800", "are already in", "the contingent comprises") is a deployment."""
    if word == "currently":
        return "arrival" if _PRESENT_AFTER.match(after) else None
    if word == "already":
        return "arrival" if _IN_AFTER.match(after) or _ALREADY_SIZE_AFTER.match(after) else None
    if word in ("brings", "bringing"):
        if _OBJECT_HOME_AFTER.match(after) or _HOME_AFTER.match(after):
            return "reduction"  # "bringing home 2,800 troops"
        if _EXIT_AHEAD.search(after):
            return None
        # "will send 1,600 more troops, bringing its total to 2,000": the new total of an offer is offered too.
        return "pledge" if _OFFER_AHEAD_BEFORE.search(wide or before) else "arrival"
    if word.startswith(("keep", "kept", "maintain")):
        ok = bool(_KEEP_AFTER.match(after)) and not _KEEP_OUT_AFTER.match(after)
    elif word.startswith("remain"):
        ok = bool(_REMAIN_AFTER.match(after)) and _force_near(wide or before, after)
    elif word == "part":
        ok = bool(_PART_BEFORE.search(before) and _PART_OF_AFTER.match(after))
    elif word.startswith("serv"):
        ok = bool(_SERVE_AFTER.match(after)) and _force_near(wide or before, after)
    elif word == "been":
        # "British troops have been in the capital for two weeks": there now (not "has been in talks")
        ok = bool(re.search(r"\b(?:has|have)\s+(?:already\s+|now\s+)?$", before) and _REMAIN_AFTER.match(after)
                  and (_FORCE_NEAR.search((wide or before)[-80:]) or re.match(r"\s+on\s+the\s+ground\b", after)))
    elif word in ("has", "had"):
        mm = _HAS_FORCE_AFTER.match(after)
        ok = bool(mm) and not _OWN_ARMY.match(after, mm.end()) or bool(_HAS_CONTINGENT_AFTER.match(after))
    elif word.startswith("reach"):
        ok = not _REACHED_NOT_PLACE.match(after) and _force_near(wide or before, after)
    elif word in ("contributed", "welcomed"):
        # "Chad contributed more than 900 personnel", "the mission welcomed 300 Rwandan peacekeepers": a force there
        # (not "contributed $5 million", "welcomed the decision")
        ok = bool(_READIED_AFTER.match(after))
    elif word == "now":
        # "First Togolese and Nigerian soldiers are now in Mali", "are now deployed": there (GUIDELINE section 2)
        ok = bool(re.search(r"\b(?:are|is)\s+$", before) and re.match(r"\s+(?:in|on\s+the\s+ground|deployed|stationed|there)\b",
                                                                    after)) and _force_near(wide or before, after)
    elif word == "operational":
        # "the BDF contingent had been operational in Cabo Delgado since October": there
        ok = bool(re.search(r"\b(?:is|are|was|were|been|be|became|become|fully)\s+$", before) and re.match(
            r"\s+(?:in|on|at|there|since)\b", after)) and _force_near(wide or before, after)
    elif word in ("make", "makes"):
        # "Ugandan troops make up the bulk of the force": most of the force there
        ok = bool(re.match(r"\s+up\s+(?:the\s+)?(?:bulk|most|majority|half|core|backbone|largest\s+part|part|a\s+third|"
                           r"two-thirds)\s+of\b", after)) and _force_near(wide or before, after)
    elif word == "involved":
        # "Around 10,000 troops from 22 nations were involved in INTERFET": a force there
        ok = bool(re.search(r"\b(?:are|were|is|was|been|be)\s+(?:\w+ly\s+)?$", before) and re.match(r"\s+in\b", after)
                  and _FORCE_NEAR.search((wide or before)[-80:]))
    elif word == "there":
        # "There are now 830 African soldiers on the ground", "there were about 900 troops in the sector"
        ok = bool(_THERE_ARE_AFTER.match(after))
    elif word == "made":
        # "the contingent is made up of 850 troops", "the mission is made up of troops from Ghana and Togo"
        ok = bool(re.match(r"\s+up\s+of\s+(?:(?:about|some|around|nearly|more\s+than|over|roughly)\s+)?(?:\d|[\w-]+\s+)?"
                           r"(?:[\w-]+\s+)?(?:troops|soldiers|police|peacekeepers|personnel|officers|forces|contingents|"
                           r"battalions|units|gendarmes|\d)", after))
    elif word in ("largest", "biggest"):
        # "Germany is already the biggest single contributor to ISAF", "has the third-largest troop deployment"
        if not (_LARGEST_AFTER.match(after) and _LARGEST_BEFORE.search(before)):
            return None
        return "pledge" if re.search(r"\b(?:will|would|to|could|may)\s+(?:\w+\s+)?(?:be|become)\s+(?:\w+\s+)?the\s+(?:\w+\s+)?$",
                                     before) else "arrival"  # "will be the largest contributor": an offer
    elif word == "off":
        # "set off for Haiti", "sets off to join the mission"
        ok = bool(re.search(r"\bset(?:s|ting)?\s+$", before) and re.match(r"\s+(?:for|to)\b", after))
    else:
        ok = True
    if not ok:
        return None
    if word == "off":
        before = before[:before.rstrip().rfind(" ") + 1]  # "set" itself is not "set to"
    if word in ("made", "part") and re.search(r"\b(?:will|would|shall|to)\s+(?:\w+\s+){0,3}$", before[-30:]):
        return "pledge"  # "the force will also be made up of troops from South Africa", "agreed to be a part of"
    if _FUTURE_BEFORE.search(before[-30:]):
        return "pledge"
    return "arrival"


_PLEDGE_CHECKED = frozenset({"contribution", "contributions", "added", "readiness", "available", "grow", "increase", "enlarged", "expand", "beef", "authorized",
                             "authorised", "approved", "approves", "approve", "cleared", "clears", "sanctioned",
                             "endorsed", "aside", "allocated", "allocates", "allocate", "allocating", "assigned",
                             "assigns", "assign", "prepared", "readied", "readies", "readying", "willingness",
                             "preparing", "trained", "standby", "stand-by", "disposal", "boost", "boosts", "boosting", "boosted",
                             "bolster", "bolsters", "bolstering", "bolstered", "double", "doubles", "doubling", "doubled",
                             "triple", "triples", "tripling", "tripled", "reserve", "preparation", "authorizing",
                             "authorising", "authorize", "authorise", "authorizes", "authorises", "increasing",
                             "increases", "fill", "participant", "commitments", "lift", "lifts", "raise", "raises",
                             "extension", "participation"})
#: After "boost", "double": a force made larger ("boost its contingent by 750", "double its troops to 500").
_BOOST_AFTER = re.compile(r"\s+(?:(?:its|their|the|his|her)\s+)?(?:[\w-]+\s+){0,2}?(?:troops?|soldiers|forces?|contingents?|"
                          r"presence|deployment|personnel|peacekeepers|police|numbers|number|strength|size|mission|"
                          r"contribution)\b")
#: "has readied 1,000 soldiers", "prepared a battalion": a force made ready to go (not "prepared to", a modal).
_READIED_AFTER = re.compile(r"\s+(?:(?:about|some|around|nearly|up\s+to|more\s+than|over|at\s+least|a\s+maximum\s+of|"
                            r"as\s+many\s+as|a\s+total\s+of|an?|its|their|"
                            r"the)\s+)?(?:\d|(?:[\w-]+\s+){0,2}?(?:troops|soldiers|police|peacekeepers|personnel|forces|"
                            r"contingents?|officers|battalions?|companies|brigades?|units?|gendarmes)\b)")


def _pledge_kind(word: str, before: str, after: str) -> str | None:
    """Offers in other words: made available, readiness, a force to grow, parliament approving the deployment."""
    if word == "extension":
        # "approved an extension ... for the Uruguayan contingent's participation", "a 12-month extension of the
        # Bundeswehr presence": a stay made longer, an offer
        return "pledge" if re.search(r"\b(?:approv\w*|grant\w*|agreed|agrees|voted|backed|endorsed|announced|sought|"
                                     r"requested)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", before) and re.match(
            r"[^.;]{0,60}?\b(?:participation|presence|deployment|mission|mandate|contingent|stay|troops)\b", after) else None
    if word == "participation":
        # "Chile and Uruguay have confirmed their participation in the mission" (not "welcomed Chile's participation")
        return "pledge" if re.search(r"\b(?:confirm\w*|announc\w*|approv\w*|pledg\w*|offer\w*|promis\w*|declar\w*|"
                                     r"agreed\s+to|agree\s+to)\s+(?:its|their|his|her)\s+(?:[\w-]+\s+)?$", before) and re.match(
            r"\s+(?:in|to|with)\b", after) else None
    if word == "fill":
        # "France will fill the gaps in the force"
        return "pledge" if re.match(r"\s+(?:the\s+|any\s+)?(?:remaining\s+)?(?:gaps?|shortfalls?|void)\b", after) else None
    if word == "participant":
        # "Georgia is set to become a major participant in ISAF"
        return "pledge" if re.search(r"\b(?:become|becoming)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$", before) else None
    if word == "commitments":
        # "made commitments to stay", "commitments to send troops" (not "hopes to have troop commitments")
        return "pledge" if re.search(r"\bmade\s+(?:\w+\s+){0,2}$", before) or re.match(
            r"\s+to\s+(?:stay|remain|send|deploy|contribute|provide|participate|join)\b", after) else None
    if word == "readiness":
        return "consideration" if _HIGH_BEFORE.search(before) else "pledge"
    if word == "contribution":
        # "agreed to Chad's contribution of 1,000 soldiers", "its contribution of 300 police": an offer's size
        return "pledge" if re.match(r"\s+of\s+(?:about\s+|around\s+|some\s+|up\s+to\s+|nearly\s+)?\d", after) and re.search(
            r"(?:['’]s|\b(?:its|their))\s+(?:\w+\s+)?$", before) else None
    if word == "contributions":
        return "pledge" if re.search(r"\b(?:will|would|to)\s+make\s+(?:\w+\s+)?$", before) else None
    if word == "added":
        return "pledge" if re.search(r"\b(?:being|be|been)\s+$", before) else None
    if word == "available":
        return "pledge" if _MADE_BEFORE.search(before) else None
    if word == "beef":
        return "pledge" if _UP_AFTER.match(after) else None
    if word in ("approved", "approves", "approve", "cleared", "clears", "sanctioned", "endorsed"):
        # "approved the deployment of", "the dispatch of 200 engineers was approved"
        return "pledge" if _DEPLOYMENT_AFTER.match(after) or (
            word in ("approved", "cleared", "sanctioned", "endorsed") and re.search(r"\b(?:was|were|been|is|are)\s+$", before)
            and re.search(r"\b(?:deployment|dispatch|despatch|sending|contribution|mission|participation)\s+of\b", before)) else None
    if word == "aside":
        return "pledge" if re.search(r"\bset\s+$|\bsets\s+$|\bsetting\s+$", before) or re.search(
            r"\bset\s+(?:[\w,-]+\s+){1,4}$", before) else None
    if word == "willingness":
        # "its willingness to send troops"; "Pakistan too expressed its willingness." (to send, said just before)
        return "pledge" if re.match(r"\s+to\s+(?:send|deploy|contribute|provide|participate|join|take\s+part|commit)\b",
                                    after) or (re.match(r"\s*(?:[.;)]|$)", after) and re.search(
                                        r"\b(?:expressed|voiced|signalled|signaled|indicated|confirmed|reiterated|"
                                        r"conveyed)\s+(?:its|their)\s+$", before)) else None
    if word.startswith(("boost", "bolster", "doubl", "tripl", "increas", "lift", "raise")):
        if not _BOOST_AFTER.match(after):
            return None
        if _CONS_MODAL.search(before[-40:]):
            return "consideration"  # "could boost its troops to 3,000": weighed, not decided
        # "will boost its contingent by 750": an offer; "has doubled its contingent to 500": the force there now.
        return "arrival" if word.endswith("ed") and not _FUTURE_BEFORE.search(before[-30:]) else "pledge"
    if word == "trained":
        # "20,000 troops were being trained for the mission": readied, not yet there
        return "pledge" if re.search(r"\bbeing\s+$", before) and re.match(r"\s+(?:for|to)\b", after) else None
    if word in ("reserve", "preparation"):
        # "has 1,000 officers in reserve / in preparation for the mission": ready, not there
        return "pledge" if re.search(r"\b(?:in|on)\s+(?:\w+\s+)?$", before) and _FORCE_NEAR.search(before[-60:]) else None
    if word in ("standby", "stand-by"):
        return "pledge" if re.search(r"\bon\s+(?:\w+\s+)?$", before) else None  # "on standby", "kept on standby"
    if word == "disposal":
        return "pledge" if re.search(r"\bat\s+(?:the|its|their)\s+$", before) else None
    if word in ("prepared", "readied", "readies", "readying", "preparing"):
        return "pledge" if _READIED_AFTER.match(after) else None
    if word.startswith(("allocat", "assign")):
        # "has allocated 300 soldiers to the force": an offer; "troops assigned to the sector": where they serve.
        return None if re.match(r"\s+(?:to|as|for)\b", after) else "pledge"
    if word.startswith("authori"):
        return "pledge" if _AUTHORIZED_AFTER.match(after) else None
    return "pledge"


def _send_kind(word: str, before: str, after: str, wide: str = "") -> tuple[str | None, int]:
    """Return the kind a sending verb gets from the words before it, and how far back its phrase starts."""
    if word in ("plans", "plan"):
        return None, 0
    if word in _SEND_S:
        if re.search(r"\b(?:which|that|who|it|whether|if)\s+(?:\w+ly\s+)?$", before) or not _READIED_AFTER.match(after):
            return None, 0  # "the mission, which provides security", "provides logistics": not a force sent
        return ("arrival" if word in ("contributes", "provides") else "pledge"), 0
    if word == "give" and not _GIVE_AFTER.match(after):
        return None, 0  # "would give support", "give Kenya the lead": not a force given
    if word == "take" and not after.startswith(" part"):
        return None, 0
    if word == "put" and not _PUT_NOUN_AFTER.match(after):
        return None, 0
    if word in ("send", "sent", "sending") and _OBJECT_HOME_AFTER.match(after):
        return "reduction", 0  # "sent home", "will send 200 soldiers home" is below
    if word in ("deployed", "sent", "dispatched", "despatched") and _TO_BE_BEFORE.search(before):
        return "pledge", 0  # "are to be fully deployed by Friday", "could take eight weeks to be deployed"
    if word in ("deployed", "sent", "dispatched", "despatched") and not before.endswith("be "):
        return ("arrival" if word == "deployed" or _HAS_BEFORE.search(before) or not before.endswith("troops ") else
                None), 0
    if word == "have" and not _READIED_AFTER.match(after):
        return None, 0  # "hopes to have troop commitments by Friday": not a force
    if word in ("include", "comprise", "number", "have") and not re.search(
            r"\b(?:will|would|shall|should|could|may|might|to)\s+(?:\w+\s+)?$", before):
        return None, 0
    if word in _SEND_ING and _NOW_BEFORE.search(before):
        return "arrival", 0  # "Austria is currently providing 167 soldiers": the force there now
    if word in _SEND_ING and before.endswith(", "):
        # "..., deploying around 500 troops"; "Uganda is set to provide 4,500, followed by Kenya, contributing 1,410":
        # the participle takes the offer of the clause it hangs on.
        return ("pledge" if _OFFER_AHEAD_BEFORE.search(wide or before) else "arrival"), 0
    if word in _SEND_ING and re.search(r"\bwith\s+[A-Z]?[\w ]{2,30}\s$", before, re.IGNORECASE):
        return "pledge", 0  # "with Poland sending 1,000"
    if word in _SEND_ING and _APPROVE_BEFORE.search(before):
        return "pledge", 0
    if word in _SEND_ING and (m := _BY_DOING_PAST.search(before)) and not _MODAL_NEAR.search(before, max(0, m.start() - 30),
                                                                                                 m.end()):
        return "arrival", 0  # "Russia surprised the alliance by quickly deploying some 200 troops": done
    if word in _SEND_ING:
        m = _NOT_BE_BEFORE.search(before)
        if m:
            return "negation", len(before) - m.start()
        m = _AUX_BEFORE.search(before)
        return ("pledge", len(before) - m.start()) if m else (None, 0)
    if word in ("take", "participate", "join", "serve") and _NO_MORE_BEFORE.search(before):
        return "reduction", 0  # "no more soldiers will take part after July", "will no longer participate"
    for kind, rx in (("negation", _NEG_MODAL), ("consideration", _CONS_MODAL), ("pledge", _PLEDGE_MODAL)):
        m = rx.search(before)
        if m:
            if kind == "pledge" and (_WHETHER_BEFORE.search(before, 0, m.start()) or
                                     _HEDGED_BEFORE.search(before, 0, m.start())):
                # "is due to announce whether it would send a contingent", "countries potentially willing to send
                # troops": not decided yet
                kind = "consideration"
            return kind, len(before) - m.start()
    m = _ORDERED_BEFORE.search(before)
    if m:
        return "pledge", len(before) - m.start()  # "was ordering 1,600 more troops to join", "voted in January to dispatch"
    m = _FIRST_TO_BEFORE.search(before)
    if m:
        # "Uganda was the first country to deploy its troops": done; "Kenya is the first to commit police": offered
        return ("arrival" if m.group("tense") in ("was", "were") else "pledge"), len(before) - m.start()
    if word in ("participate", "serve") and re.search(r"\b(?:also|currently|still|now|all|both|and\s+[\w-]+)\s+$|^\W*$",
                                                       before) and _IN_MISSION_AFTER.match(after):
        return "arrival", 0  # "Denmark, Greece and Turkey also participate in the naval mission": there now
    return None, 0


#: A modal near "by ...ing": the act is not done yet ("would have surprised the alliance by deploying").
_MODAL_NEAR = re.compile(r"\b(?:will|would|shall|could|may|might|should|must)\b")
#: Before a participle: the means of a past act ("surprised the alliance by quickly deploying", "responded by sending").
_BY_DOING_PAST = re.compile(r"\b(?:\w+ed|began|took|made|sent|won|met)\b[^,;]{0,60}?\bby\s+(?:\w+ly\s+)?$")
#: "was the first country to", "were among the first nations to": a move made (or, in the present, offered) first.
_FIRST_TO_BEFORE = re.compile(r"\b(?P<tense>is|are|was|were|be)\s+(?:among\s+)?the\s+(?:first|last|only|latest)\s+"
                              r"(?:[\w-]+\s+){0,3}?to\s+$")
#: After "participate", "serve": in a force ("in the naval mission", "with the UN force").
_IN_MISSION_AFTER = re.compile(r"\s+(?:in|with)" + _MISSION.pattern)


#: Before a withdrawal: a possibility, not a decision ("might withdraw", "could also pull out").
_MIGHT_BEFORE = re.compile(r"\b(?:might|could|(?<!\bin\s)(?<!\bof\s)(?<!\bby\s)(?<!\bsince\s)(?<!\buntil\s)(?<!mid-)may)\s+"
                           r"(?:\w+ly\s+|also\s+|even\s+|soon\s+)?$")  # (not "in May", a month: the text is lower-cased)
#: After "give": personnel given, a figure or a force ("could each give 30-50", "would give 200 soldiers").
_GIVE_AFTER = re.compile(r"\s+(?:each\s+)?(?:(?:about|some|around|up\s+to|as\s+many\s+as|at\s+least|another|a\s+further)\s+)?"
                         r"(?:\d|(?:[\w-]+\s+){0,2}?(?:troops|soldiers|police|peacekeepers|personnel|officers|"
                         r"battalions?|companies|gendarmes)\b)")
#: "is currently providing", "are now contributing": a present contribution.
_NOW_BEFORE = re.compile(r"\b(?:(?:is|are)\s+(?:currently|now|still|already)|already)\s+$")  # "with Kenya already contributing"
#: Before a participle: a move still to come ("are to be fully deployed", "expected to be sent").
_TO_BE_BEFORE = re.compile(r"\b(?:is|are|expected|due|set|scheduled|planned|slated|weeks|days|months|going)\s+(?:\w+ly\s+)?"
                           r"to\s+be\s+(?:\w+ly\s+)?$")
#: Before "sending": a decision to send ("asked Congress to approve sending 800 more soldiers").
_APPROVE_BEFORE = re.compile(r"\b(?:approve[sd]?|approving|authori[sz]e[sd]?|authori[sz]ing|endorse[sd]?|backs|backed)\s+$")
#: "no more soldiers will", "will no longer": a stay that ends.
_NO_MORE_BEFORE = re.compile(r"\bno\s+(?:more|longer|further)\b[^.;,]{0,40}$")
#: "announce whether it would", "decide if they will": the decision is still open.
_WHETHER_BEFORE = re.compile(r"\b(?:whether|if)\s+(?:or\s+not\s+)?(?:it|they|the\s+\w+|[\w-]+)\s+$")
#: "potentially willing to", "possibly ready to": a willingness the speaker hedges.
_HEDGED_BEFORE = re.compile(r"\b(?:potentially|possibly|perhaps|maybe|conceivably)\s+$")
#: "ordered 600 troops to", "voted in mid January to": a decision to send taken.
_ORDERED_BEFORE = re.compile(r"\b(?:ordered|ordering|voted|votes)\s+(?:[\w,'’-]+\s+){1,6}?to\s+$")
