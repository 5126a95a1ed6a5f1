"""One small field spec for the data files' entries: which keys, which hold text, the id.

The notes register, its records and evidence, the claims ledger, the verdict log and the
timeline each validate their entries against the same rules (unknown or missing keys,
keys one key requires, non-empty text, the longest a text may be, flags, day dates, the id
pattern); the rules live
here once, and every problem keeps its file and line through
the ``problem(line, message)`` callback of the loader that reads the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from edition.model.addresses import PUBLIC_ID_RE
from edition.model.dates import parse_date
from edition.model.yaml_source import LineDict

DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Report = Callable[[int, str], None]


@dataclass(frozen=True)
class Fields:
    """The keys an entry may and must have, and which of them hold non-empty text."""

    what: str  # as messages name the kind of entry: "note", "claim", "event"
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    text: tuple[str, ...] = ()  # keys whose value must be non-empty text
    flags: tuple[str, ...] = ()  # keys whose value must be true or false
    days: tuple[str, ...] = ()  # keys whose value must be a full date, "YYYY-MM-DD"
    requires: tuple[tuple[str, str, str], ...] = ()  # (key, the key it needs, why)
    longest: tuple[tuple[str, int, str], ...] = ()  # (key, most characters, what it is for)
    entry_id: bool = False  # the 'id' is public (in addresses): PUBLIC_ID_RE
    unknown_hint: str = ""  # appended to the message about an unknown key

    @property
    def known(self) -> set[str]:
        """Every key the entry may carry."""
        return {*self.required, *self.optional}

    def check(self, entry: LineDict, label: str, report: Report, what: str = "") -> bool:
        """Report every breach of the spec in ``entry``; True when there was none.

        ``label`` starts the messages about values ("claim summit-2016"); ``what``
        overrides the kind named in messages about keys ("note 5 record").
        """
        ok = known_and_required(
            entry, self.known, self.required, what or self.what, report, self.unknown_hint
        )
        for key, needed, why in self.requires:
            if key in entry and needed not in entry:
                report(entry.key_lines[key], f"{label} '{key}' needs '{needed}': {why}")
                ok = False
        for key in self.text:
            if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
                report(entry.key_lines[key], f"{label} '{key}' must be non-empty text")
                ok = False
        for key, most, purpose in self.longest:
            value = entry.get(key)
            if isinstance(value, str) and len(value.strip()) > most:
                report(
                    entry.key_lines[key],
                    f"{label} '{key}' is {len(value.strip())} characters; shorten it to "
                    f"{most} at most ({purpose})",
                )
                ok = False
        for key in self.flags:
            if key in entry and not isinstance(entry[key], bool):
                report(entry.key_lines[key], f"{label} '{key}' must be true or false")
                ok = False
        for key in self.days:
            if key in entry and (message := day_problem(entry[key])):
                report(entry.key_lines[key], f"{label} '{key}' {message}")
                ok = False
        identifier = entry.get("id")
        if self.entry_id and isinstance(identifier, str) and not PUBLIC_ID_RE.match(identifier):
            report(entry.key_lines["id"], f"{label} id must be lowercase letters, digits, hyphens")
            ok = False
        return ok


def day_problem(value: object) -> str | None:
    """Say what is wrong with a day date ("2026-12-01"), or None when it is one."""
    if not (isinstance(value, str) and DAY_RE.match(value)):
        return f'must be a quoted day date such as "2026-12-01" (YYYY-MM-DD), not {value!r}'
    try:
        parse_date(value)
    except ValueError:
        return f"{value!r} is not a calendar date; write the day as YYYY-MM-DD"
    return None


def known_and_required(
    mapping: LineDict, known, required, what: str, report: Report, hint: str = ""
) -> bool:
    """Report unknown and missing keys; True when there were none."""
    ok = True
    for key in mapping:
        if key not in known:
            allowed = ", ".join(sorted(known))
            report(
                mapping.key_lines[key],
                f"{what}: unknown key {key!r} (allowed: {allowed}){hint}",
            )
            ok = False
    for key in required:
        if key not in mapping:
            report(mapping.line, f"{what}: missing required key {key!r}")
            ok = False
    return ok
