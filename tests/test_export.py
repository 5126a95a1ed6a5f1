"""The downloads next to /sources/: the ledger and the verdict log, as JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import ROOT
from edition.model.claims import claim_review
from edition.model.edition import load_edition
from edition.publish.export import write_exports


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    written = write_exports(load_edition(ROOT), site)
    return {path.name: path.read_text(encoding="utf-8") for path in written}


def test_the_four_files_are_written(exported):
    assert sorted(exported) == ["claims.csv", "claims.json", "verdict-log.csv", "verdict-log.json"]


def test_claims_json_has_every_entry_with_kind_evidence_and_check_date(exported):
    edition = load_edition(ROOT)
    rows = json.loads(exported["claims.json"])["claims"]
    assert [row["id"] for row in rows] == [entry.id for entry in edition.ledger.entries]
    by_id = {row["id"]: row for row in rows}
    for entry in edition.ledger.analysis:
        row = by_id[entry.id]
        assert (row["kind"], row["notes"], row["verdict"], row["evidence"]) == (
            "analysis",
            [],
            "",
            [],
        )
    own = [claim for claim in edition.ledger.claims if claim.verdict]
    assert own, "the ledger has claims with their own verdict"
    for claim in edition.ledger.claims:
        row, review = by_id[claim.id], claim_review(claim, edition.register)
        assert row["kind"] == "claim"
        assert row["verdict"] == review.verdict
        assert (
            re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["checked"]) and row["checked"] == review.checked
        )
        assert row["evidence"] == [
            {"record": e.record, "quote": e.quote, "where": e.where, "fact": e.fact}
            for e in review.evidence
        ]
        assert all(item["record"] in row["records"] for item in row["evidence"])
    # A claim's own verdict brings its own evidence, not its note's.
    assert by_id[own[0].id]["evidence"][0]["quote"] == own[0].evidence[0].quote


def test_claims_csv_carries_the_same_rows(exported):
    rows = list(csv.DictReader(io.StringIO(exported["claims.csv"])))
    data = json.loads(exported["claims.json"])["claims"]
    assert [row["id"] for row in rows] == [row["id"] for row in data]
    assert list(rows[0]) == [
        "id", "kind", "url", "text", "notes", "verdict", "qualification", "checked",
        "evidence", "records",
    ]  # fmt: skip
    for row, item in zip(rows, data, strict=True):
        assert (row["kind"], row["checked"]) == (item["kind"], item["checked"])
        for evidence in item["evidence"]:
            assert (
                f"“{evidence['quote']}” ({evidence['where']}; {evidence['record']})"
                in row["evidence"]
            )


def test_verdict_log_exports_every_change(exported):
    edition = load_edition(ROOT)
    changes = edition.verdict_log.changes
    rows = json.loads(exported["verdict-log.json"])["log"]
    assert len(rows) == len(changes) > 0
    for row, change in zip(rows, changes, strict=True):
        assert (row["date"], row["id"], row["old"], row["new"], row["reason"]) == (
            change.date, change.id, change.old, change.new, change.reason,
        )  # fmt: skip
        assert row["url"].startswith(edition.site.url) and "#" in row["url"]
    table = list(csv.DictReader(io.StringIO(exported["verdict-log.csv"])))
    assert [dict(row) for row in table] == rows
