"""The claims ledger as downloadable data: ``claims.json`` and ``claims.csv``.

Pure: builds the rows and the file texts; the MkDocs hook (and ``edition-export``)
write them next to ``/sources/``. Output is deterministic so two builds are identical.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from edition.model.addresses import EXPORT_DIR, absolute
from edition.model.claims import Ledger, claim_verdict
from edition.model.edition import Edition
from edition.model.register import Register

FIELDS = ["id", "url", "text", "notes", "verdict", "records"]


def claim_rows(ledger: Ledger, register: Register, site_url: str) -> list[dict]:
    """One row per claim: id, absolute URL with anchor, wording, notes, verdict, record URLs."""
    base = site_url.rstrip("/")
    rows = []
    for claim in ledger.claims:
        records = [
            record.url
            for note_id in claim.notes
            if note_id in register.notes
            for record in register.notes[note_id].records
        ]
        rows.append(
            {
                "id": claim.id,
                "url": absolute(base, claim.page, claim.anchor),
                "text": claim.text,
                "notes": list(claim.notes),
                "verdict": claim_verdict(claim, register),
                "records": list(dict.fromkeys(records)),
            }
        )
    return rows


def claims_json(rows: list[dict]) -> str:
    """The rows as a JSON document."""
    return json.dumps({"claims": rows}, ensure_ascii=False, indent=2) + "\n"


def claims_csv(rows: list[dict]) -> str:
    """The rows as CSV; list fields joined with ' ; '."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {**row, "notes": " ; ".join(row["notes"]), "records": " ; ".join(row["records"])}
        )
    return out.getvalue()


def write_exports(edition: Edition, site_dir: Path) -> list[Path]:
    """Write the ledger downloads into ``site_dir/sources/``; return the paths written."""
    rows = claim_rows(edition.ledger, edition.register, edition.site.url)
    target = site_dir / EXPORT_DIR
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("claims.json", claims_json(rows)), ("claims.csv", claims_csv(rows))):
        path = target / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
