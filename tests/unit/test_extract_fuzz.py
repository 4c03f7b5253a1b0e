"""The extractor on text nobody wrote for it: sentences assembled at random from force words, names,
numbers in every layout, list bullets, quotes, Unicode and control characters. Whatever the text, it
must not fail, and every claim it proposes must hold together (its quote is its span of the text, its
figures are ordered and plausible, its kind is a known kind)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stabforce.engines.extract import extract
from stabforce.engines.extract.model import KINDS
from stabforce.ledger.plausible import MAX_PERSONNEL

NAMES = ["Indonesia", "Pakistani", "Jakarta", "the U.S.", "Kenyan", "KFOR", "UNIFIL", "the MSS", "Italy's",
         "Türkiye", "Côte d'Ivoire", "NATO", "the African Union", "Hamas", "Gaza", "Haiti", "It", "They", "We"]
VERBS = ["will send", "has offered", "is considering sending", "withdrew", "arrived with", "will not deploy",
         "pledged up to", "cut its force to", "keeps", "is expected to deploy", "will lead", "controls",
         "asked", "said", "killed", "left for", "rotated out", "replaced", "trained"]
NUMBERS = ["1,000", "1 000", "1.000", "2.500", "20000", "7'000", "3,069", "up to 20,000", "between 500 and 800",
           "about 1,200", "two battalions", "a battalion of 850", "a few hundred", "one thousand", "53%",
           "63 percent of", "0", "99999999999999999999", "-5", "1e9", "2026", "12 March", "½", "٣٠٠", "١٢٣٤"]
NOUNS = ["troops", "soldiers", "police officers", "peacekeepers", "personnel", "gendarmes", "ships", "people",
         "dollars", "of Gaza", "", "-strong force", "men"]
JOINERS = [" ", ", ", " and ", "; ", ": ", " - ", "\n", "\n_", "\n• ", "\n2. ", " (", ") ", '"', "“", "”", ". ",
           "\t", "\r\n", "\u200b", "\x00", " | "]

noise = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
word = st.one_of(st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(NUMBERS), st.sampled_from(NOUNS),
                 st.sampled_from(JOINERS), noise)
#: Mostly sentence-shaped pieces ("Kenyan will send 1 000 police officers. "), some of them broken by noise.
clause = st.one_of(
    st.tuples(st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(NUMBERS), st.sampled_from(NOUNS),
              st.sampled_from(JOINERS)).map(lambda p: f"{p[0]} {p[1]} {p[2]} {p[3]}{p[4]}"),
    st.lists(word, min_size=1, max_size=8).map("".join))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(clause, min_size=1, max_size=25).map("".join),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_any_text_gives_claims_that_hold_together(text, published):
    claims = extract(text, published=published)
    for c in claims:
        assert c.kind in KINDS
        assert 0 <= c.start < c.end <= len(text) and text[c.start:c.end] == c.quote
        assert c.subject and c.subject.strip() == c.subject
        for figure in (c.low, c.high):
            assert figure is None or 0 <= figure <= MAX_PERSONNEL, (figure, c.quote)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high, c.quote
        assert c.share_pct is None or 0 <= c.share_pct <= 100, c.quote
    assert [c.start for c in claims] == sorted(c.start for c in claims)  # text order
