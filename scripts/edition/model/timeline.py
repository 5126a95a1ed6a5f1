"""Timeline events: the paper's dated claims plus context events, validated strictly.

Paper events are not stored here: they *are* the dated claims of the ledger (date,
title, summary and notes live there, once). Context events, which the paper does not
mention, live in ``data/timeline.yml`` with ``kind: context``. Everything is checked
before anything renders it: required and unknown keys, dates within 2004–2018, and
that every note and paragraph an event names exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from edition.model.claims import Ledger, claim_verdict, date_field
from edition.model.dates import Date, Span
from edition.model.fields import Fields
from edition.model.problems import Problem
from edition.model.register import NOTE_ID_RE, Record, Register, parse_record
from edition.model.yaml_source import LineDict, LineList, load_list

TIMELINE_PATH = "data/timeline.yml"
EVENT_FIELDS = Fields(
    "event",
    required=("id", "kind", "date", "title", "summary", "notes", "paragraphs"),
    optional=("records",),
    text=("id", "title", "summary"),
    entry_id=True,
)
PARAGRAPH_REF_RE = re.compile(r"^([a-z]+)#([a-z0-9-]+)$")
# The paper appeared in August 2018: events dated later are flagged as after publication.
PUBLISHED = Date(2018, 8)


@dataclass(frozen=True)
class Event:
    """One timeline event, from the paper (a dated claim) or from context."""

    id: str
    kind: str  # "paper" or "context"
    date: Span
    title: str
    summary: str
    notes: tuple[str, ...]
    paragraphs: tuple[tuple[str, str], ...]  # (page, anchor)
    records: tuple[Record, ...] = ()
    verdict: str = ""  # the paper's events carry their claim's verdict

    @property
    def after_publication(self) -> bool:
        """True when the event certainly happened after the paper appeared (August 2018)."""
        start = self.date.start
        return start.month > 0 and (start.year, start.month) > (PUBLISHED.year, PUBLISHED.month)

    @property
    def anchor(self) -> str:
        """Id of the event on /timeline/."""
        return f"event-{self.id}"


@dataclass
class Timeline:
    """All events in date order, and every problem found."""

    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def years(self) -> dict[int, list[Event]]:
        """Events grouped by the year they start in, years ascending."""
        grouped: dict[int, list[Event]] = {}
        for event in self.events:
            grouped.setdefault(event.date.start.year, []).append(event)
        return dict(sorted(grouped.items()))


def paper_events(ledger: Ledger, register: Register) -> list[Event]:
    """The paper's events: one per dated claim of the ledger, with the claim's verdict."""
    return [
        Event(
            id=claim.id,
            kind="paper",
            date=claim.date,
            title=claim.event,
            summary=claim.summary,
            notes=claim.notes,
            paragraphs=((claim.page, claim.anchor),),
            verdict=claim_verdict(claim, register),
        )
        for claim in ledger.claims
        if claim.date is not None
    ]


def load_timeline(
    root: Path, ledger: Ledger, register: Register, anchors: set[tuple[str, str]]
) -> Timeline:
    """Paper events from ``ledger`` plus validated context events, sorted by date.

    ``anchors`` holds every (page, anchor) of the author's paragraphs and headings.
    """
    timeline = Timeline(events=paper_events(ledger, register))
    entries, timeline.problems = load_list(root, TIMELINE_PATH, "events")

    def problem(line: int, message: str) -> None:
        timeline.problems.append(Problem(TIMELINE_PATH, line, message))

    seen = {event.id: 0 for event in timeline.events}
    for entry, line in zip(entries, entries.item_lines, strict=True):
        event = _event(entry, line, register, anchors, problem)
        if event is None:
            continue
        if event.id in seen:
            where = f"line {seen[event.id]}" if seen[event.id] else f"claims ledger ({event.id})"
            problem(line, f"duplicate event id {event.id!r} (also at {where})")
            continue
        seen[event.id] = line
        timeline.events.append(event)
    timeline.events.sort(key=lambda event: (event.date, event.kind != "paper", event.id))
    return timeline


def _event(entry, line, register, anchors, problem) -> Event | None:
    """Validate one context event; report every problem; return it if usable."""
    if not isinstance(entry, LineDict):
        problem(line, "each event must be a mapping (id, kind, date, title, summary, …)")
        return None
    label = f"event {entry.get('id', '?')}"
    ok = EVENT_FIELDS.check(entry, f"{label}:", problem)
    if "kind" in entry and entry["kind"] != "context":
        problem(
            entry.key_lines["kind"],
            f"{label}: kind must be 'context' (the paper's events come from data/claims.yml)",
        )
        ok = False
    span, date_ok = date_field(entry, label, problem)
    ok = ok and date_ok
    notes = _string_list(entry, "notes", label, problem)
    for note_id in notes or ():
        if not NOTE_ID_RE.match(note_id) or note_id not in register.notes:
            problem(entry.key_lines["notes"], f"{label}: note {note_id} is not in data/notes.yml")
            ok = False
    paragraphs = _string_list(entry, "paragraphs", label, problem)
    parsed_paragraphs = []
    for ref in paragraphs or ():
        match = PARAGRAPH_REF_RE.match(ref)
        if not match or (match.group(1), match.group(2)) not in anchors:
            problem(
                entry.key_lines["paragraphs"],
                f"{label}: paragraph {ref!r} does not exist "
                "(write page#anchor, e.g. evolution#p1-3)",
            )
            ok = False
        else:
            parsed_paragraphs.append((match.group(1), match.group(2)))
    records = entry.get("records", LineList())
    if not isinstance(records, LineList):
        problem(entry.key_lines["records"], f"{label}: 'records' must be a list")
        return None
    parsed = [
        parse_record(item, item_line, label, problem)
        for item, item_line in zip(records, records.item_lines, strict=True)
    ]
    if not ok or notes is None or paragraphs is None or None in parsed:
        return None
    return Event(
        id=entry["id"],
        kind="context",
        date=span,
        title=" ".join(entry["title"].split()),
        summary=" ".join(entry["summary"].split()),
        notes=tuple(notes),
        paragraphs=tuple(parsed_paragraphs),
        records=tuple(parsed),
    )


def _string_list(entry: LineDict, key: str, label: str, problem) -> list[str] | None:
    """A non-empty list of ids (numbers allowed for note ids), as strings; None if invalid."""
    if key not in entry:
        return None
    value = entry[key]
    if (
        not isinstance(value, LineList)
        or not value
        or not all(isinstance(item, str | int) and not isinstance(item, bool) for item in value)
    ):
        problem(entry.key_lines[key], f"{label}: '{key}' must be a non-empty list")
        return None
    return [str(item) for item in value]


def paper_anchors(pages) -> set[tuple[str, str]]:
    """(page, id) of every heading and paragraph of the author's text."""
    return {
        (page.name, block.anchor)
        for page in pages
        if page.is_paper
        for block in page.blocks
        if block.anchor
    }
