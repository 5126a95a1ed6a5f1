"""The research file (``source/research.yml``): which copies of records were read, and how.

Two lists. ``records``: every record the edition quotes, or looked for, with the day a
copy of it was read (``seen``), where that copy is (``copy``), how much of it was read
(``read``) and what it says; a record of which no copy could be read is ``seen: not
seen`` with ``why``, and may carry no evidence. ``searches``: each search made for a
verdict, with its day, the notes, claims or events it was for, the queries, the records
it read and what it found, so the next reader can repeat it. An inference of a
qualification ("no record found places …") names the search that carries it.

The check (``checks/sourcing.py``) holds every evidence item against this file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from edition.model.fields import Fields, day_problem
from edition.model.problems import Problem, SourceError
from edition.model.urls import address_problem
from edition.model.yaml_source import LineDict, LineList, load_yaml

RESEARCH_PATH = "source/research.yml"
NOT_SEEN = "not seen"
RECORD_FIELDS = Fields(
    "research record",
    required=("url", "seen"),
    optional=("copy", "read", "says", "why"),
    text=("url", "copy", "read", "says", "why"),
)
SEARCH_FIELDS = Fields(
    "search",
    required=("id", "date", "for", "queries", "found"),
    optional=("read",),
    text=("id", "found"),
    days=("date",),
    entry_id=True,
)


@dataclass(frozen=True)
class ResearchRecord:
    """What the edition knows of one record's copy: read on a day, or not seen."""

    url: str
    seen: str  # "YYYY-MM-DD", or "not seen"
    copy: str = ""  # where the copy read is
    read: str = ""  # how much of it was read
    says: str = ""
    line: int = 0

    @property
    def was_seen(self) -> bool:
        """True when a copy of the record was read (it may carry evidence)."""
        return self.seen != NOT_SEEN


@dataclass(frozen=True)
class Search:
    """One search for a verdict, written down so that it can be repeated."""

    id: str
    date: str
    subjects: tuple[str, ...]  # note ids, claim ids or event ids
    queries: tuple[str, ...]
    read: tuple[str, ...]  # urls of records in ``records``
    found: str
    line: int = 0


@dataclass
class Research:
    """The validated research file; ``problems`` says what is wrong with it."""

    records: dict[str, ResearchRecord] = field(default_factory=dict)
    searches: dict[str, Search] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    loaded: bool = False  # False when the file could not be read at all


def load_research(root: Path) -> Research:
    """Load and validate the research file under project ``root``."""
    research = Research()

    def problem(line: int, message: str) -> None:
        research.problems.append(Problem(RESEARCH_PATH, line, message))

    try:
        data = load_yaml(root / RESEARCH_PATH, RESEARCH_PATH)
    except SourceError as error:
        research.problems.append(error.problem)
        return research
    if not isinstance(data, LineDict) or set(data) != {"records", "searches"}:
        problem(
            getattr(data, "line", 1),
            "the file must be a mapping with two keys, 'records' and 'searches'",
        )
        return research
    for key in ("records", "searches"):
        if not isinstance(data[key], LineList):
            problem(data.key_lines[key], f"{key!r} must be a list")
            return research
    research.loaded = True
    for entry, line in zip(data["records"], data["records"].item_lines, strict=True):
        record = _record(entry, line, problem)
        if record is None:
            continue
        if record.url in research.records:
            first = research.records[record.url].line
            problem(line, f"record {record.url} is listed twice (first at line {first}); keep one")
            continue
        research.records[record.url] = record
    for entry, line in zip(data["searches"], data["searches"].item_lines, strict=True):
        search = _search(entry, line, problem, research.records)
        if search is None:
            continue
        if search.id in research.searches:
            first = research.searches[search.id].line
            problem(line, f"search {search.id!r} is listed twice (first at line {first})")
            continue
        research.searches[search.id] = search
    return research


def _record(entry: object, line: int, problem) -> ResearchRecord | None:
    if not isinstance(entry, LineDict):
        problem(line, "each research record must be a mapping (url, seen, copy, read, says)")
        return None
    url = entry.get("url", "")
    label = f"research record {url}:"
    ok = RECORD_FIELDS.check(entry, label, problem)
    if isinstance(url, str) and url.strip() and (message := address_problem(url)):
        problem(entry.key_lines["url"], f"research record: {message}")
        ok = False
    seen = entry.get("seen")
    if "seen" in entry:
        if seen == NOT_SEEN:
            if "why" not in entry:
                problem(line, f"{label} 'seen: not seen' needs 'why': say what was tried")
                ok = False
        elif message := day_problem(seen):
            problem(
                entry.key_lines["seen"],
                f"{label} 'seen' {message}, or 'not seen' for a record no copy of which was read",
            )
            ok = False
        elif "copy" not in entry or "read" not in entry:
            problem(
                line,
                f"{label} a record seen needs 'copy' (where the copy read is) and 'read' "
                "(how much of it was read)",
            )
            ok = False
    if not ok:
        return None
    return ResearchRecord(
        url=url.strip(),
        seen=seen,
        copy=" ".join(entry.get("copy", "").split()),
        read=" ".join(entry.get("read", "").split()),
        says=" ".join(entry.get("says", "").split()),
        line=line,
    )


def _strings(entry: LineDict, key: str, label: str, problem) -> tuple[str, ...] | None:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        problem(entry.key_lines.get(key, entry.line), f"{label} {key!r} must be a list of text")
        return None
    return tuple(str(v).strip() for v in value)


def _search(entry: object, line: int, problem, records) -> Search | None:
    if not isinstance(entry, LineDict):
        problem(line, "each search must be a mapping (id, date, for, queries, read, found)")
        return None
    label = f"search {entry.get('id', '?')}:"
    ok = SEARCH_FIELDS.check(entry, label, problem)
    subjects = _strings(entry, "for", label, problem)
    queries = _strings(entry, "queries", label, problem)
    read = _strings(entry, "read", label, problem)
    if None in (subjects, queries, read) or not ok:
        return None
    if not queries:
        problem(entry.key_lines["queries"], f"{label} 'queries' must name what was searched")
        return None
    for url in read:
        if url not in records:
            problem(
                entry.key_lines["read"],
                f"{label} it read {url}, which has no entry under 'records'; add the record "
                "with the day its copy was read",
            )
            ok = False
    if not ok:
        return None
    return Search(
        id=entry["id"],
        date=entry["date"],
        subjects=subjects,
        queries=queries,
        read=read,
        found=" ".join(entry["found"].split()),
        line=line,
    )
