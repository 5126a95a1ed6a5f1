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

KEYS = "record, quote, where, fact, sentences"
EVIDENCE_FIELDS = Fields(
    "evidence",
    required=("record", "quote", "where", "fact", "sentences"),
    text=("record", "quote", "where", "fact"),
)
# A sentence of a qualification no quote can carry (what no record was found to say) is
# carried by a search written down in the research file: it names the search.
INFERENCE_KEYS = "sentences, search"
INFERENCE_FIELDS = Fields("inference", required=("sentences", "search"), text=("search",))
SENTENCES_WHY = (
    "'sentences' must list the numbers of the qualification's sentences this item carries "
    "(1 for the first), such as [1, 3]"
)


@dataclass(frozen=True)
class Evidence:
    """One fact of a qualification and the record's words that carry it."""

    record: str  # the url of one of the entry's records, exactly as written there
    quote: str  # the record's own words, verbatim
    where: str  # where on the record's page: "heading", "paragraph 3", "date line"…
    fact: str  # the fact, in the edition's words
    sentences: tuple[int, ...] = ()  # the qualification's sentences it carries, from 1
    line: int = field(default=0, compare=False)  # where it is written, not what it says


@dataclass(frozen=True)
class Inference:
    """Sentences of a qualification that state what no record was found to say."""

    sentences: tuple[int, ...]  # the qualification's sentences it carries, from 1
    search: str  # the id of a search in the research file
    line: int = field(default=0, compare=False)


def parse_sentences(item: LineDict, owner: str, problem) -> tuple[int, ...] | None:
    """An item's ``sentences``: a non-empty list of sentence numbers, or None (reported)."""
    value = item.get("sentences")
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in value)
    ):
        problem(item.key_lines.get("sentences", item.line), f"{owner}: {SENTENCES_WHY}")
        return None
    return tuple(value)


def mapping_items(entry: LineDict, key: str, owner: str, noun: str, keys: str, problem):
    """The mappings of the entry's ``key`` list, each with its line; and whether all were.

    Absent: none, and valid. Not a non-empty list, or an item not a mapping: reported
    (``noun`` names one item: "evidence item", "inference") and left out.
    """
    if key not in entry:
        return [], True
    items = entry[key]
    if not isinstance(items, LineList) or not items:
        problem(
            entry.key_lines[key], f"{owner}: {key!r} must be a non-empty list of mappings ({keys})"
        )
        return [], False
    found, ok = [], True
    for item, line in zip(items, items.item_lines, strict=True):
        if isinstance(item, LineDict):
            found.append((item, line))
        else:
            problem(line, f"{owner}: each {noun} must be a mapping ({keys})")
            ok = False
    return found, ok


def parse_evidence(entry: LineDict, owner: str, problem) -> tuple[tuple[Evidence, ...], bool]:
    """The entry's ``evidence`` list (empty when absent), and whether it was valid."""
    items, ok = mapping_items(entry, "evidence", owner, "evidence item", KEYS, problem)
    parsed = []
    for item, line in items:
        if not EVIDENCE_FIELDS.check(item, f"{owner}: evidence", problem, what=f"{owner} evidence"):
            ok = False
            continue
        numbers = parse_sentences(item, f"{owner}: evidence", problem)
        if numbers is None:
            ok = False
            continue
        parsed.append(
            Evidence(
                record=item["record"].strip(),
                quote=" ".join(item["quote"].split()),
                where=item["where"].strip(),
                fact=" ".join(item["fact"].split()),
                sentences=numbers,
                line=line,
            )
        )
    return tuple(parsed), ok


def parse_inferences(entry: LineDict, owner: str, problem) -> tuple[tuple[Inference, ...], bool]:
    """The entry's ``inferences`` list (empty when absent), and whether it was valid."""
    items, ok = mapping_items(entry, "inferences", owner, "inference", INFERENCE_KEYS, problem)
    parsed = []
    label = f"{owner}: inference"
    for item, line in items:
        if not INFERENCE_FIELDS.check(item, label, problem, what=f"{owner} inference"):
            ok = False
            continue
        numbers = parse_sentences(item, label, problem)
        if numbers is None:
            ok = False
            continue
        parsed.append(Inference(numbers, item["search"].strip(), line))
    return tuple(parsed), ok
