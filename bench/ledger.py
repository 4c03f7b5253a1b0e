"""Ledger benchmark: appends per second against a plain bulk insert of the same rows (same run,
same database), and the time to fold 100,000 facts.

    .venv/bin/python bench/ledger.py [--facts 20000] [--fold-facts 100000] [--db sqlite postgresql]

Ratios, not absolute times, are what to compare between machines.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, text

from stabforce.ledger import GENESIS, FactDraft, parse_fact
from stabforce.model import fold
from stabforce.store import LedgerStore, create_db_engine, migrate
from stabforce.store.mapping import fact_to_row
from stabforce.store.rows import FactRow

POSTGRES_URL = os.environ.get("STABFORCE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
COUNTRIES = ["IDN", "PAK", "AZE", "MAR", "KAZ", "XKX", "ALB", "EGY", "JOR", "ITA", "TUR", "BGD", "MYS", "GRC"]
STANCES = ["interested", "considering", "conditional", "committed", "declined"]


def drafts(n: int, seed: int = 7) -> list[FactDraft]:
    """Make `n` valid fact drafts: pledges and stances of 14 contributors over a year."""
    rng = random.Random(seed)
    start = date(2025, 10, 1)
    out = []
    for i in range(n):
        on = start + timedelta(days=rng.randrange(365))
        country = rng.choice(COUNTRIES)
        source = {"key": f"report-{rng.randrange(n // 10 + 1)}.txt", "date": on.isoformat(),
                  "attribution": rng.choice([None, "an official", "another source"])}
        if rng.random() < 0.7:
            low = rng.randrange(0, 20_000, 100)
            payload = {"personnel": {"low": low, "high": low + rng.randrange(0, 5_000, 100)},
                       "tasks": rng.sample(["health", "construction", "security", "engineering"], 2),
                       "phase": rng.choice([None, "initial"])}
            kind = "pledge"
        else:
            payload = {"stance": rng.choice(STANCES)}
            kind = "stance"
        out.append(parse_fact({
            "id": f"b{i}", "kind": kind, "subject": f"contributor:{country}", "payload": payload,
            "valid_from": on.isoformat(), "known_from": on.isoformat(), "source": source,
            "quote": "A benchmark sentence.", "grade": rng.choice(["A1", "B2", "C3", "D4"]),
        }))
    return out


def fresh_database(kind: str, tmp: Path) -> tuple[str, callable]:
    """Return the URL of a fresh migrated database and a function that drops it."""
    if kind == "sqlite":
        path = tmp / f"{uuid.uuid4().hex}.db"
        url = f"sqlite:///{path}"
        migrate(url)
        return url, lambda: None
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    migrate(url)

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return url, drop


def bench_appends(kind: str, batch: list[FactDraft], tmp: Path, batch_size: int,
                  repeats: int) -> tuple[float, float, float]:
    """Return the best of `repeats` interleaved runs of (ledger appends/s batched, plain inserts/s of
    the same rows, ledger appends/s one per transaction)."""
    runs = [_append_run(kind, batch, tmp, batch_size) for _ in range(repeats)]
    return max(r[0] for r in runs), max(r[1] for r in runs), max(r[2] for r in runs)


def _append_run(kind: str, batch: list[FactDraft], tmp: Path, batch_size: int) -> tuple[float, float, float]:
    url, drop = fresh_database(kind, tmp)
    store = LedgerStore(create_db_engine(url))
    started = time.perf_counter()
    for i in range(0, len(batch), batch_size):
        store.append(batch[i:i + batch_size], recorded_by="bench")
    ledger_rate = len(batch) / (time.perf_counter() - started)
    assert store.verify().ok
    rows = [fact_to_row(f) for f in store.iter_all()]
    store.engine.dispose()
    drop()

    url, drop = fresh_database(kind, tmp)
    engine = create_db_engine(url)
    started = time.perf_counter()
    for i in range(0, len(rows), batch_size):
        with engine.connect() as conn:
            conn.execution_options(write=True)
            with conn.begin():
                conn.execute(insert(FactRow.__table__), rows[i:i + batch_size])
    plain_rate = len(rows) / (time.perf_counter() - started)
    engine.dispose()
    drop()

    url, drop = fresh_database(kind, tmp)
    store = LedgerStore(create_db_engine(url))
    singles = batch[:500]
    started = time.perf_counter()
    for draft in singles:
        store.append([draft], recorded_by="bench")
    single_rate = len(singles) / (time.perf_counter() - started)
    store.engine.dispose()
    drop()
    return ledger_rate, plain_rate, single_rate


def bench_fold(n: int) -> tuple[float, int]:
    """Return (seconds to fold `n` facts, conflicts found)."""
    now = datetime(2027, 1, 1, tzinfo=UTC)
    facts, prev = [], GENESIS
    for seq, draft in enumerate(drafts(n, seed=11), start=1):
        fact = draft.record(recorded_at=now, recorded_by="bench", seq=seq, prev_hash=prev)
        facts.append(fact)
        prev = fact.hash
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        snapshot = fold(facts, as_of=date(2026, 6, 1), known_at=now)
        best = min(best, time.perf_counter() - started)
    return best, len(snapshot.conflicts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--facts", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=3, help="interleaved runs; the best of each is kept")
    parser.add_argument("--fold-facts", type=int, default=100_000)
    parser.add_argument("--db", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    batch = drafts(args.facts)
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.db:
            ledger, plain, single = bench_appends(kind, batch, Path(tmp), args.batch, args.repeats)
            print(f"{kind:10s} ledger appends (batches of {args.batch}): {ledger:9.0f}/s   plain bulk insert of the "
                  f"same rows: {plain:9.0f}/s   ratio {ledger / plain:.2f}   one per transaction: {single:7.0f}/s")
    seconds, conflicts = bench_fold(args.fold_facts)
    print(f"fold of {args.fold_facts:,} facts: {seconds:.3f} s ({conflicts} conflicts found)")


if __name__ == "__main__":
    main()
