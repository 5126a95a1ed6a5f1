"""The public log of verdicts (``data/verdict-log.yml``): every change, dated and explained.

A reader who cited a verdict can see whether it moved: each entry is the day of the
change, the note or claim it concerns, the verdict before and after (the same when
only the qualification was corrected) and one sentence saying what changed and which
record decided it. That ``id`` names an existing note or claim is checked against the
register and the ledger in ``checks/sourcing.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from edition.model.fields import Fields
from edition.model.problems import Problem
from edition.model.register import VERDICTS
from edition.model.yaml_source import LineDict, load_list

LOG_PATH = "data/verdict-log.yml"
LOG_FIELDS = Fields(
    "verdict log entry",
    required=("date", "id", "old", "new", "reason"),
    text=("reason",),
    days=("date",),
)


@dataclass(frozen=True)
class Change:
    """One change of a verdict (or of its qualification), as published."""

    date: str  # "YYYY-MM-DD"
    id: str  # a note id ("5", "E9") or a claim id
    old: str
    new: str
    reason: str
    line: int = 0


@dataclass
class VerdictLog:
    """The validated changes in file order, and every problem found while loading."""

    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_verdict_log(root: Path) -> VerdictLog:
    """Load and validate the verdict log under project ``root``."""
    log = VerdictLog()
    entries, log.problems = load_list(root, LOG_PATH, "log")

    def problem(line: int, message: str) -> None:
        log.problems.append(Problem(LOG_PATH, line, message))

    for entry, line in zip(entries, entries.item_lines, strict=True):
        if not isinstance(entry, LineDict):
            problem(line, "each log entry must be a mapping with date, id, old, new and reason")
            continue
        label = f"verdict log entry {entry.get('id', '?')}:"
        ok = LOG_FIELDS.check(entry, label, problem)
        for key in ("old", "new"):
            if key in entry and entry[key] not in VERDICTS:
                problem(
                    entry.key_lines[key],
                    f"{label} '{key}' {entry[key]!r} is not a verdict; use one of: "
                    + ", ".join(VERDICTS),
                )
                ok = False
        if ok:
            log.changes.append(
                Change(
                    date=entry["date"],
                    id=str(entry["id"]),
                    old=entry["old"],
                    new=entry["new"],
                    reason=" ".join(entry["reason"].split()),
                    line=line,
                )
            )
    return log
