"""fold(): valid time, knowledge time, supersession, conflicts and decisions."""

from __future__ import annotations

from datetime import UTC, datetime

from stabforce.model import fold
from tests.builders import day, fact_input, make_fact, pledge_input

LATER = datetime(2030, 1, 1, tzinfo=UTC)


def stance(value: str, on: str, *, source: str = "report-a", fid: str | None = None, **extra):
    data = fact_input("stance", payload={"stance": value, **extra}, valid_from=on,
                      source={"key": source, "date": on})
    if fid:
        data["id"] = fid
    return data


def test_known_at_hides_what_was_not_yet_known():
    early = make_fact(pledge_input(1000, 1000, day="2025-11-30"), seq=1, known_from=datetime(2025, 11, 30, tzinfo=UTC))
    late = make_fact(pledge_input(20000, 20000, source="report-b", day="2025-12-12"), seq=2,
                     known_from=datetime(2025, 12, 12, tzinfo=UTC))
    before = fold([early, late], as_of=day("2026-01-01"), known_at=datetime(2025, 12, 1, tzinfo=UTC))
    after = fold([early, late], as_of=day("2026-01-01"), known_at=LATER)
    assert [f.id for f in before.claims("pledge")[0].live] == [early.id]
    assert [f.id for f in after.claims("pledge")[0].live] == [early.id, late.id]
    assert before.known_count == 1 and after.known_count == 2


def test_as_of_hides_what_had_not_happened_and_valid_to_ends_a_fact():
    old = make_fact(fact_input("zone_control", "zone:idf-held", payload={"controlled_by": "IDF",
                    "share_of_territory_pct": 80}, valid_from="2025-09-01", valid_to="2025-10-09"), seq=1)
    new = make_fact(fact_input("zone_control", "zone:idf-held", payload={"controlled_by": "IDF",
                    "share_of_territory_pct": 53}, valid_from="2025-12-11"), seq=2)
    sept = fold([old, new], as_of=day("2025-09-15"), known_at=LATER)
    nov = fold([old, new], as_of=day("2025-11-01"), known_at=LATER)
    dec = fold([old, new], as_of=day("2025-12-20"), known_at=LATER)
    assert sept.current("zone_control", "zone:idf-held").payload["share_of_territory_pct"] == 80
    assert nov.current("zone_control", "zone:idf-held") is None
    assert dec.current("zone_control", "zone:idf-held").payload["share_of_territory_pct"] == 53
    assert not dec.conflicts


def test_a_revision_replaces_the_old_figure_only_from_its_own_date():
    first = make_fact(pledge_input(None, 20000, day="2025-11-14", id="p1"), seq=1)
    revised = make_fact(pledge_input(5000, 8000, day="2026-02-10", id="p2", supersedes=["p1"]), seq=2)
    dec = fold([first, revised], as_of=day("2025-12-01"), known_at=LATER)
    feb = fold([first, revised], as_of=day("2026-02-20"), known_at=LATER)
    assert dec.claims("pledge")[0].current.id == "p1"
    assert feb.claims("pledge")[0].current.id == "p2"
    assert [f.id for f in feb.claims("pledge")[0].history] == ["p1", "p2"]
    assert feb.superseded_by["p1"] == "p2"


def test_a_retraction_removes_a_fact_on_every_day():
    wrong = make_fact(pledge_input(3000, 3000, day="2025-11-01", id="p1"), seq=1)
    retraction = make_fact(fact_input("retraction", payload={"reason": "misreported"}, valid_from="2026-01-05",
                                      supersedes=["p1"]), seq=2)
    snap = fold([wrong, retraction], as_of=day("2025-12-01"), known_at=LATER)
    assert snap.claims("pledge")[0].current is None
    assert [f.id for f in snap.claims("pledge")[0].history] == ["p1"]


def test_disagreeing_sources_make_one_conflict_listing_both():
    a = make_fact(pledge_input(9000, 15000, source="report-a", id="a"), seq=1)
    b = make_fact(pledge_input(20000, 20000, source="report-b", id="b"), seq=2)
    snap = fold([a, b], as_of=day("2025-12-05"), known_at=LATER)
    assert len(snap.conflicts) == 1
    conflict = snap.conflicts[0]
    assert {f.id for f in conflict.facts} == {"a", "b"}
    assert {f.source.key for f in conflict.facts} == {"report-a", "report-b"}
    assert not conflict.settled


def test_same_source_or_same_figure_is_not_a_conflict():
    a = make_fact(pledge_input(9000, 15000, source="report-a"), seq=1)
    a2 = make_fact(pledge_input(20000, 20000, source="report-a"), seq=2)
    b = make_fact(pledge_input(9000, 15000, source="report-b"), seq=3)
    assert not fold([a, a2], as_of=day("2025-12-05"), known_at=LATER).conflicts
    assert not fold([a, b], as_of=day("2025-12-05"), known_at=LATER).conflicts


def test_different_attributions_in_one_document_are_different_sources():
    one = pledge_input(15000, 15000, source="seed.txt")
    one["source"]["attribution"] = "a source familiar with planning"
    two = pledge_input(20000, 20000, source="seed.txt")
    two["source"]["attribution"] = "another source"
    snap = fold([make_fact(one, seq=1), make_fact(two, seq=2)], as_of=day("2025-12-05"), known_at=LATER)
    assert len(snap.conflicts) == 1


def test_a_decision_settles_a_conflict_and_its_accepted_fact_becomes_current():
    a = make_fact(pledge_input(9000, 15000, source="report-a", id="a"), seq=1)
    b = make_fact(pledge_input(20000, 20000, source="report-b", id="b", day="2025-12-02"), seq=2)
    ruling = make_fact(fact_input("decision", payload={"settles": ["a", "b"], "accepted": "a",
                                                       "reason": "a is the official figure"}), seq=3)
    open_ = fold([a, b], as_of=day("2025-12-05"), known_at=LATER)
    settled = fold([a, b, ruling], as_of=day("2025-12-05"), known_at=LATER)
    assert open_.claims("pledge")[0].current.id == "b"
    assert settled.conflicts[0].settled and settled.conflicts[0].accepted == "a"
    assert settled.claims("pledge")[0].current.id == "a"


def test_a_new_disagreeing_fact_reopens_a_settled_conflict():
    a = make_fact(pledge_input(9000, 15000, source="report-a", id="a"), seq=1)
    b = make_fact(pledge_input(20000, 20000, source="report-b", id="b"), seq=2)
    ruling = make_fact(fact_input("decision", payload={"settles": ["a", "b"], "reason": "both unconfirmed"}), seq=3)
    c = make_fact(pledge_input(1000, 1000, source="report-c", id="c"), seq=4)
    snap = fold([a, b, ruling, c], as_of=day("2025-12-05"), known_at=LATER)
    assert not snap.conflicts[0].settled


def test_stances_are_states_the_latest_holds_and_history_is_kept():
    facts = [make_fact(stance("interested", "2025-11-01", fid="s1"), seq=1),
             make_fact(stance("considering", "2025-11-30", source="report-b", fid="s2"), seq=2),
             make_fact(stance("declined", "2026-01-05", source="report-c", fid="s3"), seq=3)]
    dec = fold(facts, as_of=day("2025-12-15"), known_at=LATER)
    group = dec.claims("stance")[0]
    assert group.current.id == "s2" and [f.id for f in group.history] == ["s1", "s2"]
    assert not dec.conflicts
    assert fold(facts, as_of=day("2026-02-01"), known_at=LATER).current("stance", "contributor:IDN").id == "s3"


def test_same_day_stances_from_two_sources_that_disagree_conflict():
    facts = [make_fact(stance("committed", "2025-11-30"), seq=1),
             make_fact(stance("declined", "2025-11-30", source="report-b"), seq=2)]
    assert len(fold(facts, as_of=day("2025-12-01"), known_at=LATER).conflicts) == 1


def test_arrivals_and_departures_add_up_per_contributor():
    def move(kind, n, on):
        return make_fact(fact_input(kind, payload={"unit": "1st battalion", "personnel": n}, valid_from=on), seq=1)
    facts = [move("unit_arrived", 600, "2026-04-01"), move("unit_arrived", 400, "2026-05-01"),
             move("unit_departed", 100, "2026-06-01")]
    assert fold(facts, as_of=day("2026-05-15"), known_at=LATER).deployed == {"contributor:IDN": {"troops": 1000}}
    assert fold(facts, as_of=day("2026-07-01"), known_at=LATER).deployed == {"contributor:IDN": {"troops": 900}}


def _zone(fid: str, share: int, on: str, source: str):
    return fact_input("zone_control", "zone:idf-held", id=fid, valid_from=on, source={"key": source, "date": on},
                      payload={"controlled_by": "IDF", "share_of_territory_pct": share})


def test_a_decision_accepting_a_later_fact_leaves_an_earlier_day_unsettled_and_does_not_crash():
    early_a = make_fact(_zone("z1", 58, "2025-10-10", "report-a"), seq=1)
    early_b = make_fact(_zone("z2", 50, "2025-10-10", "report-b"), seq=2)
    late = make_fact(_zone("z3", 53, "2025-12-12", "report-c"), seq=3)
    ruling = make_fact(fact_input("decision", "zone:idf-held", valid_from="2026-12-04", payload={
        "settles": ["z1", "z2", "z3"], "accepted": "z3", "reason": "the official figure"}), seq=4)
    before = fold([early_a, early_b, late, ruling], as_of=day("2025-12-01"), known_at=LATER)
    after = fold([early_a, early_b, late, ruling], as_of=day("2025-12-20"), known_at=LATER)
    assert [c.settled for c in before.conflicts] == [False]
    assert before.current("zone_control", "zone:idf-held").id == "z2"
    assert after.conflicts[0].settled and after.current("zone_control", "zone:idf-held").id == "z3"


def test_retracting_a_decision_reopens_the_conflict():
    a = make_fact(pledge_input(9000, 15000, source="report-a", id="a"), seq=1)
    b = make_fact(pledge_input(20000, 20000, source="report-b", id="b", day="2025-12-02"), seq=2)
    ruling = make_fact(fact_input("decision", id="d", payload={"settles": ["a", "b"], "accepted": "a",
                                                                "reason": "a is the official figure"}), seq=3)
    undo = make_fact(fact_input("retraction", payload={"reason": "ruled in error"}, supersedes=["d"]), seq=4)
    snap = fold([a, b, ruling, undo], as_of=day("2025-12-05"), known_at=LATER)
    assert not snap.conflicts[0].settled
    assert snap.claims("pledge")[0].current.id == "b"
