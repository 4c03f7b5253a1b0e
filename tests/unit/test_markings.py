"""TLP 2.0 markings: parsing, the hash (an unmarked fact hashes as before), who may read what, and
the property that a reader's picture is the fold of the facts they may read, and nothing else."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stabforce.errors import InvalidFact
from stabforce.ledger import Fact, parse_fact, verify_chain
from stabforce.ledger.marking import EVERYTHING, PUBLIC, parse_marking, rank
from stabforce.model import fold
from stabforce.services.actors import ANONYMOUS, Actor, Role
from stabforce.services.picture import Pictures
from tests.builders import fact_input, make_fact, pledge_input

OLD_EXPORT = Path(__file__).resolve().parents[1] / "data" / "export-before-markings.jsonl"
LABELS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"]


def test_an_export_made_before_markings_existed_still_verifies_hash_for_hash():
    lines = [json.loads(line) for line in OLD_EXPORT.read_text(encoding="utf-8").splitlines()]
    facts = [Fact.from_json(line) for line in lines]
    assert all("marking" not in line for line in lines) and all(f.marking is None for f in facts)
    assert verify_chain(facts).ok and verify_chain(facts).checked == 3
    assert [f.compute_hash() for f in facts] == [line["hash"] for line in lines]
    assert [f.to_json() for f in facts] == lines  # no "marking": null appears in an unmarked fact's line


def test_a_marking_is_hashed_so_changing_it_breaks_the_chain():
    facts = [Fact.from_json(json.loads(line)) for line in OLD_EXPORT.read_text(encoding="utf-8").splitlines()]
    relabelled = [replace(facts[0], marking="CLEAR"), *facts[1:]]
    report = verify_chain(relabelled)
    assert not report.ok and report.broken_id == "pre-1" and "does not match its hash" in (report.reason or "")


@pytest.mark.parametrize(("given_", "canonical"), [
    ("AMBER+STRICT", "AMBER+STRICT"), ("tlp:amber+strict", "AMBER+STRICT"), ("amber_strict", "AMBER+STRICT"),
    ("TLP:RED", "RED"), (" green ", "GREEN"), ("", None), (None, None),
])
def test_markings_are_read_in_the_forms_people_write_them(given_, canonical):
    assert parse_marking(given_) == canonical


@pytest.mark.parametrize("bad", ["WHITE", "AMBER+", "secret", "TLP:PURPLE"])
def test_an_unknown_marking_is_refused_naming_the_field_and_the_labels(bad):
    with pytest.raises(InvalidFact) as caught:
        parse_fact(fact_input(marking=bad))
    assert caught.value.details["field"] == "marking"
    assert "AMBER+STRICT" in caught.value.message  # the message lists what is allowed


def test_the_draft_keeps_the_canonical_marking():
    assert parse_fact(fact_input(marking="tlp:amber")).marking == "AMBER"
    assert parse_fact(fact_input()).marking is None


def test_ranks_order_the_labels_and_no_marking_is_clear():
    assert [rank(m) for m in LABELS] == [0, 1, 2, 3, 4] and rank(None) == 0


# Who may read what, written out by hand from the rule in docs/architecture.md (not derived from the code).
IDN_LIAISON = Actor(id="user:liaison", role=Role.LIAISON, contributor="IDN")
READERS = {
    "public": ANONYMOUS,
    "viewer": Actor(id="user:viewer", role=Role.VIEWER),
    "liaison": IDN_LIAISON,
    "monitor": Actor(id="user:monitor", role=Role.MONITOR),
    "analyst": Actor(id="user:analyst", role=Role.ANALYST),
    "planner": Actor(id="user:planner", role=Role.PLANNER),
    "board": Actor(id="user:board", role=Role.BOARD),
    "admin": Actor(id="user:admin", role=Role.ADMIN),
}
STAFF = {"monitor", "analyst", "planner", "board", "admin"}
EXPECTED = {  # (marking, subject, recorded by) -> readers
    (None, "contributor:IDN", "user:x"): set(READERS),
    ("CLEAR", "contributor:IDN", "user:x"): set(READERS),
    ("GREEN", "contributor:IDN", "user:x"): set(READERS) - {"public"},
    ("AMBER", "contributor:IDN", "user:x"): STAFF | {"liaison"},
    ("AMBER", "contributor:PAK", "user:x"): STAFF,
    ("AMBER+STRICT", "contributor:IDN", "user:x"): STAFF,
    ("RED", "contributor:IDN", "user:x"): {"admin"},
    ("RED", "contributor:IDN", "user:planner"): {"admin", "planner"},
    ("RED", "contributor:IDN", "user:liaison"): {"admin", "liaison"},
}


@pytest.mark.parametrize("case", sorted(EXPECTED, key=str))
def test_each_reader_reads_exactly_what_the_rule_allows(case):
    marking, subject, recorder = case
    fact = replace(make_fact(fact_input(subject=subject, marking=marking), seq=1), recorded_by=recorder)
    readers = {name for name, who in READERS.items() if who.clearance.allows(fact)}
    assert readers == EXPECTED[case]


def test_public_reading_and_a_logged_in_viewer_differ_only_by_green():
    assert ANONYMOUS.clearance == PUBLIC
    assert READERS["viewer"].clearance.markings == {"CLEAR", "GREEN"}
    assert READERS["admin"].clearance == EVERYTHING


class MemoryLedger:
    """The two reads `Pictures` makes of a store, over a list (no database)."""

    def __init__(self, facts: list[Fact]) -> None:
        self.facts = facts

    def head(self) -> tuple[int, str]:
        return (self.facts[-1].seq or 0, self.facts[-1].hash or "") if self.facts else (0, "")

    def iter_all(self, *, after: int = 0, batch: int = 5_000):
        return iter([f for f in self.facts if (f.seq or 0) > after])


CONTRIBUTORS = ["IDN", "PAK", "AZE", "EGY"]
DAY0 = date(2025, 11, 20)


@st.composite
def marked_ledgers(draw: st.DrawFn) -> list[Fact]:
    """Random pledges and stances with random markings, some revising or retracting earlier ones."""
    facts: list[Fact] = []
    for seq in range(1, draw(st.integers(1, 25)) + 1):
        who = draw(st.sampled_from(CONTRIBUTORS))
        day = (DAY0 + timedelta(days=draw(st.integers(0, 30)))).isoformat()
        marking = draw(st.sampled_from([None, *LABELS]))
        source = draw(st.sampled_from(["report-a", "report-b", "report-c"]))
        earlier = [f.id for f in facts if f.subject == f"contributor:{who}" and f.kind == "pledge"]
        choice = draw(st.integers(0, 9))
        if choice == 0 and earlier:
            data = fact_input("retraction", f"contributor:{who}", payload={"reason": "wrong"}, valid_from=day,
                              supersedes=[draw(st.sampled_from(earlier))], marking=marking, id=f"f{seq}")
        elif choice == 1:
            data = fact_input("stance", f"contributor:{who}", valid_from=day, marking=marking, id=f"f{seq}",
                              payload={"stance": draw(st.sampled_from(["committed", "considering", "declined"]))})
        else:
            low = draw(st.integers(100, 5000))
            data = pledge_input(low, low + draw(st.integers(0, 3000)), source=source, day=day, id=f"f{seq}",
                                subject=f"contributor:{who}", marking=marking)
            if earlier and draw(st.booleans()):
                data["supersedes"] = [draw(st.sampled_from(earlier))]
        recorded = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=seq)
        fact = make_fact(data, seq=seq, recorded_at=recorded)
        facts.append(replace(fact, recorded_by=draw(st.sampled_from(["user:viewer", "user:planner", "x"])),
                             hash=f"h{seq}"))
    return facts


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
AS_OF = date(2025, 12, 31)
END = datetime(2100, 1, 1, tzinfo=UTC)


@PROPERTY
@given(marked_ledgers(), st.sampled_from(sorted(READERS)))
def test_a_readers_picture_is_the_fold_of_the_facts_it_may_read_and_nothing_else(facts, name):
    reader = READERS[name]
    pictures = Pictures(MemoryLedger(facts))  # type: ignore[arg-type]
    full = pictures.get(as_of=AS_OF, known_at=END)  # warm the shared cache with the whole ledger first
    seen = pictures.scoped(reader.clearance)
    shown, _ = seen.facts()
    assert shown == [f for f in facts if reader.clearance.allows(f)]
    expected = fold([f for f in facts if reader.clearance.allows(f)], as_of=AS_OF, known_at=END)
    got = seen.get(as_of=AS_OF, known_at=END).snapshot
    assert got == expected
    if reader.clearance.everything:
        assert full.snapshot == got


@PROPERTY
@given(marked_ledgers())
def test_the_public_picture_is_the_fold_of_the_clear_facts_only(facts):
    clear = [f for f in facts if f.marking in (None, "CLEAR")]
    public = Pictures(MemoryLedger(facts)).scoped(ANONYMOUS.clearance)  # type: ignore[arg-type]
    assert public.get(as_of=AS_OF, known_at=END).snapshot == fold(clear, as_of=AS_OF, known_at=END)
    assert public.facts()[1] == ((clear[-1].seq, clear[-1].hash) if clear else (0, ""))  # no count of hidden facts


def test_scoping_pictures_again_never_widens_what_a_reader_sees():
    facts = [replace(make_fact(fact_input(marking=m, id=f"m{n}"), seq=n), hash=f"h{n}")
             for n, m in enumerate([None, "GREEN", "AMBER", "RED"], start=1)]
    viewer = Pictures(MemoryLedger(facts)).scoped(READERS["viewer"].clearance)  # type: ignore[arg-type]
    assert [f.id for f in viewer.scoped(READERS["admin"].clearance).facts()[0]] == ["m1", "m2"]
    assert [f.id for f in viewer.scoped(ANONYMOUS.clearance).facts()[0]] == ["m1"]
