"""The errata list (``data/errata.yml``): every repair of the source text that changes a word.

The About page shows it (``edition.extensions.errata``) and the fidelity test applies
it, so the list a reader sees is the list the test enforces.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.model.problems import Problem
from edition.model.yaml_source import LineDict, load_list

ERRATA_PATH = "data/errata.yml"
ERRATUM_KEYS = {"source", "edition", "page", "reason"}


@dataclass(frozen=True)
class Erratum:
    """One repair: the source's words, the edition's words, where, and why."""

    source: str
    edition: str
    page: str
    reason: str
    line: int


def load_errata(root: Path) -> tuple[list[Erratum], list[Problem]]:
    """Read and validate the errata list; problems name the file and line."""
    entries, problems = load_list(root, ERRATA_PATH, "errata")
    errata = []
    for item, line in zip(entries, entries.item_lines, strict=True):
        if (
            not isinstance(item, LineDict)
            or set(item) != ERRATUM_KEYS
            or not all(isinstance(value, str) and value.strip() for value in item.values())
        ):
            keys = ", ".join(sorted(ERRATUM_KEYS))
            problems.append(Problem(ERRATA_PATH, line, f"each erratum needs exactly: {keys}"))
            continue
        errata.append(Erratum(line=line, **{key: item[key].strip() for key in ERRATUM_KEYS}))
    return errata, problems
