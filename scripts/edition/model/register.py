"""The notes register (``data/notes.yml``): load it, validate it, hold it.

Every note body on every page and in every check comes from here. Validation is
strict and complete: it reports every problem with its line, so an editor can fix
the file in one pass, and nothing renders from a register that failed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from edition.model.dates import parse_span
from edition.model.evidence import Evidence, Inference, parse_evidence, parse_inferences
from edition.model.fields import Fields
from edition.model.problems import Problem
from edition.model.urls import address_problem
from edition.model.yaml_source import LineDict, LineList, load_list

REGISTER_PATH = "data/notes.yml"

# Author's notes keep the paper's numbers (1, 2, ...); editorial notes are E1, E2, ...
NOTE_ID_RE = re.compile(r"^(?:[1-9][0-9]*|E[1-9][0-9]*)$")
VERDICTS = ("supported", "partly supported", "not found", "contradicted")

# A verdict says when it was last checked; a qualification shows the records' words.
CHECKED_WHY = 'add checked: "YYYY-MM-DD", the day the verdict was checked against the records'
EVIDENCE_WHY = (
    "add evidence: one item (record, quote, where, fact) for each fact the qualification states"
)
# A note's topic opens its footnote in the PDFs, which must stay a line or two.
TOPIC_LONGEST = 90
TOPIC_WHY = "it opens the note's footnote in the PDF, which must stay a line or two"
NOTE_FIELDS = Fields(
    "note",
    required=("id", "topic", "claim", "records"),
    optional=("verdict", "qualification", "checked", "evidence", "inferences"),
    text=("topic", "claim", "qualification"),
    days=("checked",),
    requires=(("verdict", "checked", CHECKED_WHY), ("qualification", "evidence", EVIDENCE_WHY)),
    longest=(("topic", TOPIC_LONGEST, TOPIC_WHY),),
)
# A note no record was found for ('not found', records: []) has nothing to quote: its
# qualification says what was searched.
UNRECORDED_NOTE_FIELDS = replace(NOTE_FIELDS, requires=NOTE_FIELDS.requires[:1])
RECORD_FIELDS = Fields(
    "record",
    required=("title", "publisher", "date", "url", "primary"),
    optional=("title_supplied", "date_note"),
    text=("title", "publisher", "url", "date_note"),
    flags=("primary", "title_supplied"),
)


@dataclass(frozen=True)
class Record:
    """A public record that supports (or qualifies) what a note marks."""

    title: str
    publisher: str
    date: str
    url: str
    primary: bool
    title_supplied: bool = False
    date_note: str = ""

    @property
    def readable_date(self) -> str:
        """'28 June 2004', 'June 2004', '2004' or 'undated'."""
        return self.date if self.date == "undated" else str(parse_span(self.date, years=None))


@dataclass(frozen=True)
class Note:
    """One note: the paper's own (id '1'…'10') or an editorial one (id 'E1'…)."""

    id: str
    line: int
    claim: str
    records: tuple[Record, ...]
    # What the note covers, in a phrase (the edition's words): a footnote's first words.
    topic: str = ""
    verdict: str = ""
    qualification: str = ""
    checked: str = ""  # "YYYY-MM-DD": when the verdict was last checked against the records
    evidence: tuple[Evidence, ...] = ()
    inferences: tuple[Inference, ...] = ()  # sentences carried by a search, not a quote
    qualification_line: int = field(default=0, compare=False)  # where it is written

    @property
    def editorial(self) -> bool:
        """True for notes the edition added (E1, E2, …), false for the author's."""
        return self.id.startswith("E")


@dataclass
class Register:
    """The validated notes, keyed by id, and every problem found while loading."""

    path: str
    notes: dict[str, Note] = field(default_factory=dict)
    declared: set[str] = field(default_factory=set)  # every id in the file, valid or not
    problems: list[Problem] = field(default_factory=list)


def date_problem(value: object) -> str | None:
    """Say what is wrong with a record date, or None when it is a valid one."""
    if value == "undated":
        return None
    try:
        parse_span(value, years=None)
    except ValueError as error:
        return f"{error} (or 'undated')"
    return None


def load_register(root: Path) -> Register:
    """Load and validate the register under project ``root``."""
    register = Register(REGISTER_PATH)
    entries, register.problems = load_list(root, REGISTER_PATH, "notes")

    def problem(line: int, message: str) -> None:
        register.problems.append(Problem(REGISTER_PATH, line, message))

    for entry, line in zip(entries, entries.item_lines, strict=True):
        if isinstance(entry, LineDict) and "id" in entry:
            register.declared.add(str(entry["id"]))
        note = _note(entry, line, problem)
        if note is None:
            continue
        if note.id in register.notes:
            first = register.notes[note.id].line
            problem(line, f"duplicate note id {note.id} (first defined at line {first})")
            continue
        register.notes[note.id] = note
    return register


def _note(entry: object, line: int, problem) -> Note | None:
    """Validate one register entry; report problems; return the Note if usable."""
    if not isinstance(entry, LineDict):
        problem(line, "each note must be a mapping with id, topic, claim and records")
        return None
    note_id = str(entry.get("id", ""))
    fields = UNRECORDED_NOTE_FIELDS if entry.get("records") == [] else NOTE_FIELDS
    ok = fields.check(entry, f"note {note_id}:", problem)
    if "id" in entry and not NOTE_ID_RE.match(note_id):
        problem(entry.key_lines["id"], f"note id {note_id!r} must be a number (1, 2…) or E1, E2…")
        ok = False
    verdict = entry.get("verdict", "")
    if "verdict" in entry and verdict not in VERDICTS:
        allowed = ", ".join(VERDICTS)
        problem(
            entry.key_lines["verdict"],
            f"note {note_id}: verdict {verdict!r} is not one of: {allowed}",
        )
        ok = False
    records = entry.get("records")
    if "records" in entry and not isinstance(records, LineList):
        problem(entry.key_lines["records"], f"note {note_id}: 'records' must be a list")
        return None
    if (
        records is not None
        and not records
        and not (verdict == "not found" and entry.get("qualification"))
    ):
        problem(
            entry.key_lines["records"],
            f"note {note_id} has no records; add the public records that support it, "
            "or give verdict 'not found' with a qualification saying what was searched",
        )
        ok = False
    parsed = [
        parse_record(item, item_line, f"note {note_id}", problem)
        for item, item_line in zip(records or [], getattr(records, "item_lines", []), strict=True)
    ]
    evidence, evidence_ok = parse_evidence(entry, f"note {note_id}", problem)
    inferences, inferences_ok = parse_inferences(entry, f"note {note_id}", problem)
    if not ok or not evidence_ok or not inferences_ok or None in parsed:
        return None
    return Note(
        id=note_id,
        line=line,
        claim=entry["claim"].strip(),
        records=tuple(parsed),
        topic=entry["topic"].strip(),
        verdict=verdict,
        qualification=entry.get("qualification", "").strip(),
        checked=entry.get("checked", ""),
        evidence=evidence,
        inferences=inferences,
        qualification_line=entry.key_lines.get("qualification", line),
    )


def parse_record(item: object, line: int, owner: str, problem) -> Record | None:
    """Validate one record of ``owner`` ('note 5', 'event x'); report problems via ``problem``."""
    if not isinstance(item, LineDict):
        problem(line, f"{owner}: each record must be a mapping (title, publisher, …)")
        return None
    ok = RECORD_FIELDS.check(item, f"{owner}: record", problem, what=f"{owner} record")
    if "date" in item and (message := date_problem(item["date"])):
        problem(item.key_lines["date"], f"{owner}: {message}")
        ok = False
    url = item.get("url")
    if isinstance(url, str) and url.strip() and (message := address_problem(url)):
        problem(item.key_lines["url"], f"{owner}: {message}")
        ok = False
    if not ok:
        return None
    return Record(
        title=item["title"].strip(),
        publisher=item["publisher"].strip(),
        date=item["date"],
        url=url,
        primary=item["primary"],
        title_supplied=item.get("title_supplied", False),
        date_note=item.get("date_note", ""),
    )
