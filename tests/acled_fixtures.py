"""Synthetic CSV files in ACLED's export layout. Every event here is made up for the tests (places
called Testville, actors called Test Force); none is real ACLED data."""

from __future__ import annotations

import csv
import io
from typing import Any

#: ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


def event(n: int, **overrides: Any) -> dict[str, Any]:
    """Return a synthetic event row number `n` (an explosion in Testville on 2026-02-(10+n), known 2026-02-25, by default)."""
    row: dict[str, Any] = {
        "event_id_cnty": f"TST{n}", "event_date": f"2026-02-{10 + n:02d}", "year": "2026", "time_precision": "1",
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Test Force A", "assoc_actor_1": "",
        "inter1": "1", "actor2": "Civilians (Testland)", "assoc_actor_2": "", "inter2": "7", "interaction": "17",
        "civilian_targeting": "", "iso": "999", "region": "Test Region", "country": "Testland",
        "admin1": "Test Province", "admin2": "Test District", "admin3": "", "location": f"Testville {n}",
        "latitude": f"{31.30 + n / 100:.4f}", "longitude": "34.3500", "geo_precision": "1",
        "source": "Test Wire Service", "source_scale": "National", "notes": f"Synthetic test event number {n}.",
        "fatalities": str(n % 3), "tags": "", "timestamp": "1771977600",
    }
    row.update(overrides)
    return row


def csv_text(rows: list[dict[str, Any]], columns: tuple[str, ...] = ACLED_COLUMNS, *, bom: bool = False) -> str:
    """Return the rows as CSV text with a header line (values missing from a row are left empty)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return ("\ufeff" if bom else "") + out.getvalue()


def good_file(count: int = 3) -> str:
    """Return a CSV of `count` good events."""
    return csv_text([event(n) for n in range(1, count + 1)])


def mixed_file() -> str:
    """Return a CSV of three good events (lines 2, 4, 6) and two bad ones (line 3: a bad date; line 5:
    an unknown event type and a latitude out of range)."""
    return csv_text([event(1), event(2, event_date="2026-02-31"), event(3),
                     event(4, event_type="Parades", latitude="91.5"), event(5)])
