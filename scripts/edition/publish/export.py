"""The ledger and the verdict log as downloadable data, next to ``/sources/``.

``claims.json``/``claims.csv``: every ledger entry (claims and analysis) with its
address, wording, notes, verdict, the day it was checked and the evidence behind it.
``verdict-log.json``/``verdict-log.csv``: every change of a verdict, dated and
explained. Pure: builds the rows and the file texts; the edition plugin (and
``edition export``) write them. Output is deterministic so two builds are identical.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from edition.model.addresses import EXPORT_DIR, absolute, note_anchor
from edition.model.claims import Ledger, claim_review
from edition.model.edition import Edition
from edition.model.register import Register
from edition.model.verdict_log import VerdictLog
from edition.publish.compress import forget

FIELDS = [
    "id", "kind", "url", "text", "notes", "verdict", "qualification", "checked",
    "evidence", "records",
]  # fmt: skip
LOG_FIELDS = ["date", "id", "url", "old", "new", "reason"]


def claim_rows(ledger: Ledger, register: Register, site_url: str) -> list[dict]:
    """One row per ledger entry, claims and analysis, in the ledger's order.

    A claim's verdict, qualification, check date and evidence are its own, or else those
    of the note it takes its verdict from; analysis has none of them.
    """
    base = site_url.rstrip("/")
    rows = []
    for claim in ledger.entries:
        records = [
            record.url
            for note_id in claim.notes
            if note_id in register.notes
            for record in register.notes[note_id].records
        ]
        review = claim_review(claim, register) if claim.kind == "claim" else None
        evidence = [
            {"record": e.record, "quote": e.quote, "where": e.where, "fact": e.fact}
            for e in (review.evidence if review else ())
        ]
        rows.append(
            {
                "id": claim.id,
                "kind": claim.kind,
                "url": absolute(base, claim.page, claim.anchor),
                "text": claim.text,
                "notes": list(claim.notes),
                "verdict": review.verdict if review else "",
                "qualification": review.qualification if review else "",
                "checked": review.checked if review else "",
                "evidence": evidence,
                "records": list(dict.fromkeys(records)),
            }
        )
    return rows


def log_rows(log: VerdictLog, register: Register, ledger: Ledger, site_url: str) -> list[dict]:
    """One row per change of the verdict log, with the address where it is explained."""
    base = site_url.rstrip("/")
    claims = {claim.id: claim for claim in ledger.claims}
    rows = []
    for change in log.changes:
        if change.id in register.notes:
            url = absolute(base, EXPORT_DIR, note_anchor(change.id))
        else:
            claim = claims[change.id]  # the check guarantees one or the other
            url = absolute(base, claim.page, claim.anchor)
        rows.append(
            {
                "date": change.date,
                "id": change.id,
                "url": url,
                "old": change.old,
                "new": change.new,
                "reason": change.reason,
            }
        )
    return rows


def claims_json(rows: list[dict]) -> str:
    """The rows as a JSON document."""
    return json.dumps({"claims": rows}, ensure_ascii=False, indent=2) + "\n"


def evidence_text(item: dict) -> str:
    """One evidence item in a CSV cell: “quote” (where; record): fact."""
    return f"“{item['quote']}” ({item['where']}; {item['record']}): {item['fact']}"


def claims_csv(rows: list[dict]) -> str:
    """The rows as CSV; list fields joined with ' ; '."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                **row,
                "notes": " ; ".join(row["notes"]),
                "evidence": " ; ".join(evidence_text(item) for item in row["evidence"]),
                "records": " ; ".join(row["records"]),
            }
        )
    return out.getvalue()


def log_json(rows: list[dict]) -> str:
    """The verdict log as a JSON document."""
    return json.dumps({"log": rows}, ensure_ascii=False, indent=2) + "\n"


def log_csv(rows: list[dict]) -> str:
    """The verdict log as CSV."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=LOG_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_exports(edition: Edition, site_dir: Path) -> list[Path]:
    """Write the downloads into ``site_dir/sources/``; return the paths written."""
    url = edition.site.url
    rows = claim_rows(edition.ledger, edition.register, url)
    changes = log_rows(edition.verdict_log, edition.register, edition.ledger, url)
    target = site_dir / EXPORT_DIR
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (
        ("claims.json", claims_json(rows)),
        ("claims.csv", claims_csv(rows)),
        ("verdict-log.json", log_json(changes)),
        ("verdict-log.csv", log_csv(changes)),
    ):
        path = target / name
        forget(path)
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
