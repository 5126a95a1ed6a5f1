"""One small field spec for the data files' entries: which keys, which hold text, the id.

The notes register, its records, the claims ledger and the timeline each validate their
entries against the same four rules (unknown or missing keys, non-empty text, the id
pattern); the rules live here once, and every problem keeps its file and line through
the ``problem(line, message)`` callback of the loader that reads the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from edition.model.addresses import PUBLIC_ID_RE
from edition.model.yaml_source import LineDict

Report = Callable[[int, str], None]


@dataclass(frozen=True)
class Fields:
    """The keys an entry may and must have, and which of them hold non-empty text."""

    what: str  # as messages name the kind of entry: "note", "claim", "event"
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    text: tuple[str, ...] = ()  # keys whose value must be non-empty text
    flags: tuple[str, ...] = ()  # keys whose value must be true or false
    entry_id: bool = False  # the 'id' is public (in addresses): PUBLIC_ID_RE

    @property
    def known(self) -> set[str]:
        """Every key the entry may carry."""
        return {*self.required, *self.optional}

    def check(self, entry: LineDict, label: str, report: Report, what: str = "") -> bool:
        """Report every breach of the spec in ``entry``; True when there was none.

        ``label`` starts the messages about values ("claim summit-2016"); ``what``
        overrides the kind named in messages about keys ("note 5 record").
        """
        ok = known_and_required(entry, self.known, self.required, what or self.what, report)
        for key in self.text:
            if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
                report(entry.key_lines[key], f"{label} '{key}' must be non-empty text")
                ok = False
        for key in self.flags:
            if key in entry and not isinstance(entry[key], bool):
                report(entry.key_lines[key], f"{label} '{key}' must be true or false")
                ok = False
        identifier = entry.get("id")
        if self.entry_id and isinstance(identifier, str) and not PUBLIC_ID_RE.match(identifier):
            report(entry.key_lines["id"], f"{label} id must be lowercase letters, digits, hyphens")
            ok = False
        return ok


def known_and_required(mapping: LineDict, known, required, what: str, report: Report) -> bool:
    """Report unknown and missing keys; True when there were none."""
    ok = True
    for key in mapping:
        if key not in known:
            allowed = ", ".join(sorted(known))
            report(mapping.key_lines[key], f"{what}: unknown key {key!r} (allowed: {allowed})")
            ok = False
    for key in required:
        if key not in mapping:
            report(mapping.line, f"{what}: missing required key {key!r}")
            ok = False
    return ok
