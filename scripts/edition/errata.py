"""The errata list (``data/errata.yml``) and a Markdown extension that prints it.

The About page shows every repair of the source text; the table is generated from
the same file the fidelity test applies, so the list a reader sees is the list the
test enforces. Write ``[[errata]]`` alone on a line to place the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markdown import Extension

from .placeholders import PlaceholderPreprocessor
from .problems import Problem
from .yaml_source import LineDict, load_list

ERRATA_PATH = "data/errata.yml"
ERRATUM_KEYS = {"source", "edition", "page", "reason"}
PLACEHOLDER = "[[errata]]"


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


def errata_table(errata: list[Erratum]) -> list[str]:
    """The errata as Markdown table lines."""
    rows = ["| Page | Source text | Edition | Why |", "| --- | --- | --- | --- |"]
    rows += [
        f"| [{e.page}]({e.page}.md) | `{e.source}` | `{e.edition}` | {e.reason} |" for e in errata
    ]
    return rows


class ErrataExtension(Extension):
    """Register the errata placeholder."""

    def __init__(self, **kwargs):
        self.config = {"root": [".", "Project root holding data/errata.yml - Default: '.'"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """Run before block parsing so the table is parsed as Markdown."""
        root = Path(self.getConfig("root"))
        preprocessor = PlaceholderPreprocessor(
            md, PLACEHOLDER, lambda: errata_table(load_errata(root)[0])
        )
        md.preprocessors.register(preprocessor, "edition_errata", 25)


def makeExtension(**kwargs) -> ErrataExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.errata``."""
    return ErrataExtension(**kwargs)
