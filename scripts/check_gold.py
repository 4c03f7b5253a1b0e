"""Check an annotator's folder of new gold reports before it joins a split.

    .venv/bin/python scripts/check_gold.py FOLDER [--others DIR]

FOLDER holds `corpus.jsonl` and `claims.jsonl` laid out as in tests/gold/GUIDELINE.md section 1. Checks every record
(fields, dates, mission slugs, kinds, figures, territory shares), that each quote is one sentence of its report as
`split_sentences` cuts it, that excerpts stay under 200 words, that every report carries a claim, and that no URL
(without scheme, "www." and trailing slash) is already in the dev or test split or in another folder under DIR
(the other annotators of the same batch). The URL check reads URLs only, never the other splits' texts, so an
annotator stays blind to the test split. Prints each problem; exits 1 if there is any.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from stabforce.engines.extract import split_sentences

GOLD = ROOT / "tests" / "gold"
#: GUIDELINE.md section 6 and section 2; section 4.6.
MISSIONS = {"gaza-isf", "haiti-mss", "haiti-gsf", "unifil-2006", "amisom", "atmis", "minusma", "kfor", "isaf",
            "eufor", "mnf-iraq", "minustah", "afisma", "monusco", "unmiss", "minusca", "ecomig", "samim",
            "rwanda-mozambique", "interfet", "ramsi", "other"}
KINDS = {"pledge", "consideration", "arrival", "reduction_or_withdrawal", "command", "territory_control"}
PERSONNEL = {None, "troops", "police", "trainers", "observers"}
CLAIM_KEYS = {"source", "subject", "kind", "low", "high", "personnel", "quantity_text", "tasks", "as_of", "quote"}
CORPUS_KEYS = ("id", "url", "date", "outlet", "mission", "text")


def same_report(url: str) -> str:
    """A URL without its scheme, "www." and trailing slash (tests/unit/test_gold_corpus.py's rule)."""
    p = urlsplit(url)
    return f"{p.netloc.lower().removeprefix('www.')}{p.path.rstrip('/')}?{p.query}"


def _rows(path: Path, problems: list[str]) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{path.name} line {n}: not JSON ({e.msg})")
                continue
            if isinstance(row, dict):
                out.append(row)
            else:
                problems.append(f"{path.name} line {n}: not a JSON object")
    return out


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def problems(folder: Path, others: Path | None = None) -> tuple[list[str], int, int]:
    """Every problem of the folder's records, and its numbers of reports and claims."""
    found: list[str] = []
    corpus, claims = _rows(folder / "corpus.jsonl", found), _rows(folder / "claims.jsonl", found)
    taken: dict[str, str] = {}
    elsewhere = [p for p in (others.glob("*/corpus.jsonl") if others else []) if p.resolve().parent != folder.resolve()]
    for f in [GOLD / "dev" / "corpus.jsonl", GOLD / "test" / "corpus.jsonl", *elsewhere]:
        for d in _rows(f, []):
            taken[same_report(str(d.get("url", "")))] = str(f)
    texts: dict[str, str] = {}
    for d in corpus:
        i = str(d.get("id", "?"))
        if i in texts:
            found.append(f"{i}: duplicate id")
        texts[i] = str(d.get("text", ""))
        found += [f"{i}: missing {k}" for k in CORPUS_KEYS if not str(d.get(k, "")).strip()]
        url = str(d.get("url", ""))
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            found.append(f"{i}: url is not an http(s) address")
        elif same_report(url) in taken:
            found.append(f"{i}: URL already in {taken[same_report(url)]}")
        day = _date(d.get("date"))
        if day is None:
            found.append(f"{i}: bad date {d.get('date')!r} (YYYY-MM-DD)")
        elif not date(1990, 1, 1) <= day <= date.today():
            found.append(f"{i}: date {day} out of range")
        if "mission" in d and d["mission"] not in MISSIONS:
            found.append(f"{i}: unknown mission {d['mission']!r}")
        if len(texts[i].split()) >= 200:
            found.append(f"{i}: excerpt has {len(texts[i].split())} words (keep it under 200)")
    for n, c in enumerate(claims, 1):
        where = f"claim line {n} ({c.get('source')}, {c.get('subject')})"
        if missing := CLAIM_KEYS - set(c):
            found.append(f"{where}: missing {sorted(missing)}")
            continue
        if c["source"] not in texts:
            found.append(f"{where}: source not in corpus.jsonl")
            continue
        text = texts[c["source"]]
        if c["quote"] not in [text[a:b] for a, b in split_sentences(text)]:
            found.append(f"{where}: quote is not one sentence of the text as split_sentences cuts it")
        if c["kind"] not in KINDS:
            found.append(f"{where}: unknown kind {c['kind']!r}")
        if c["personnel"] not in PERSONNEL:
            found.append(f"{where}: unknown personnel {c['personnel']!r}")
        low, high = c["low"], c["high"]
        if any(v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0) for v in (low, high)):
            found.append(f"{where}: low and high must be whole numbers or null")
        elif low is not None and high is not None and low > high:
            found.append(f"{where}: low > high")
        if low is None and high is None and c["personnel"] is not None:
            found.append(f"{where}: personnel without a figure")
        if c["kind"] == "territory_control":
            share = c.get("share_pct")
            if not (isinstance(share, (int, float)) and 0 < share <= 100 and low is None and high is None):
                found.append(f"{where}: territory_control needs share_pct in (0, 100] and no low/high")
        elif "share_pct" in c:
            found.append(f"{where}: share_pct is only for territory_control")
        if _date(c["as_of"]) is None:
            found.append(f"{where}: bad as_of {c['as_of']!r}")
    found += [f"{i}: report has no claim" for i in sorted(texts.keys() - {str(c.get("source")) for c in claims})]
    return found, len(corpus), len(claims)


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 3) or argv[0].startswith("-") or (len(argv) == 3 and argv[1] != "--others"):
        print("usage: scripts/check_gold.py FOLDER [--others DIR]", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    if not (folder / "corpus.jsonl").is_file():
        print(f"{folder}: no corpus.jsonl", file=sys.stderr)
        return 2
    found, reports, claims = problems(folder, Path(argv[2]) if len(argv) == 3 else None)
    print("\n".join(found) or f"ok: {reports} reports, {claims} claims")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
