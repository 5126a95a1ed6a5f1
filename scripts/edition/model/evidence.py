"""Evidence: the record's own words that carry each fact of a qualification.

A note's (or a claim's own) qualification states facts in the edition's words; each
fact points at the record that carries it, with a short verbatim quote and where on
the record's page it stands. Shared by the notes register and the claims ledger; the
check (``checks/sourcing.py``) makes sure each named record is one of the entry's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from edition.model.fields import Fields
from edition.model.yaml_source import LineDict, LineList

KEYS = "record, quote, where, fact"
EVIDENCE_FIELDS = Fields(
    "evidence",
    required=("record", "quote", "where", "fact"),
    text=("record", "quote", "where", "fact"),
)


@dataclass(frozen=True)
class Evidence:
    """One fact of a qualification and the record's words that carry it."""

    record: str  # the url of one of the entry's records, exactly as written there
    quote: str  # the record's own words, verbatim
    where: str  # where on the record's page: "heading", "paragraph 3", "date line"…
    fact: str  # the fact, in the edition's words
    line: int = field(default=0, compare=False)  # where it is written, not what it says


def parse_evidence(entry: LineDict, owner: str, problem) -> tuple[tuple[Evidence, ...], bool]:
    """The entry's ``evidence`` list (empty when absent), and whether it was valid."""
    if "evidence" not in entry:
        return (), True
    items = entry["evidence"]
    if not isinstance(items, LineList) or not items:
        problem(
            entry.key_lines["evidence"],
            f"{owner}: 'evidence' must be a non-empty list of mappings ({KEYS})",
        )
        return (), False
    parsed, ok = [], True
    for item, line in zip(items, items.item_lines, strict=True):
        if not isinstance(item, LineDict):
            problem(line, f"{owner}: each evidence item must be a mapping ({KEYS})")
            ok = False
            continue
        if not EVIDENCE_FIELDS.check(item, f"{owner}: evidence", problem, what=f"{owner} evidence"):
            ok = False
            continue
        parsed.append(
            Evidence(
                record=item["record"].strip(),
                quote=" ".join(item["quote"].split()),
                where=item["where"].strip(),
                fact=" ".join(item["fact"].split()),
                line=line,
            )
        )
    return tuple(parsed), ok
