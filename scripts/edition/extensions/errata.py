"""The errata list (``data/errata.yml``) and a Markdown extension that prints it.

The About page shows every repair of the source text; the table is generated from
the same file the fidelity test applies, so the list a reader sees is the list the
test enforces. Write ``[[errata]]`` alone on a line to place the table.
"""

from __future__ import annotations

import re

from edition.extensions.base import EditionExtension
from edition.model.errata import Erratum
from edition.render.placeholders import PlaceholderPreprocessor

PLACEHOLDER = "[[errata]]"


def cell(text: str) -> str:
    """Text safe inside a table cell: a "|" in it would start a new column."""
    return text.replace("|", "\\|")


def code(text: str) -> str:
    """Words shown exactly as written, whatever backticks they hold.

    A code span fenced by one more backtick than the longest run inside, padded when it
    starts or ends with one. A "|" inside a code span does not split the row (the tables
    extension).
    """
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def errata_table(errata: list[Erratum]) -> list[str]:
    """The errata as Markdown table lines."""
    rows = ["| Page | Source text | Edition | Why |", "| --- | --- | --- | --- |"]
    rows += [
        f"| [{e.page}]({e.page}.md) | {code(e.source)} | {code(e.edition)} | {cell(e.reason)} |"
        for e in errata
    ]
    return rows


class ErrataExtension(EditionExtension):
    """Register the errata placeholder."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """Run before block parsing so the table is parsed as Markdown."""
        preprocessor = PlaceholderPreprocessor(
            md, PLACEHOLDER, lambda: errata_table(list(self.edition().errata))
        )
        md.preprocessors.register(preprocessor, "edition_errata", 25)


def makeExtension(**kwargs) -> ErrataExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.errata``."""
    return ErrataExtension(**kwargs)
