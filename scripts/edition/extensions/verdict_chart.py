"""Python-Markdown extension: ``[[verdict-chart]]``, the notes' verdicts as a small chart.

For the home page's cover: how far public records bear out the paper's notes, counted
from the notes register at build time, so the chart cannot drift from /sources/. One
row per verdict (supported, partly supported, not found, contradicted): its name, a bar
and the count. The bars are inline SVG (their lengths are attributes: the site's
Content-Security-Policy allows no inline styles), coloured by edition.css in either
scheme. Screen readers get one sentence with every count instead of the rows; the
caption links to /sources/, where every note and its records are.

In print mode (/print/, the PDF) the sentence alone, as a paragraph.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from edition.extensions.base import EditionExtension, printing
from edition.model.register import VERDICTS, Register

PLACEHOLDER = "[[verdict-chart]]"
SOURCES = "sources.md"  # a .md link: the engine makes it relative and checks it


def verdict_counts(register: Register) -> list[tuple[str, int]]:
    """(verdict, number of notes) for every verdict, in the register's order of verdicts."""
    verdicts = [note.verdict for note in register.notes.values()]
    return [(verdict, verdicts.count(verdict)) for verdict in VERDICTS]


def sentence(register: Register) -> str:
    """'30 notes, the author's 10 and the edition's 20: 9 supported, 18 partly …'."""
    notes = list(register.notes.values())
    own = sum(note.editorial for note in notes)
    counts = ", ".join(f"{count} {verdict}" for verdict, count in verdict_counts(register))
    return f"{len(notes)} notes, the author’s {len(notes) - own} and the edition’s {own}: {counts}"


def chart_tree(register: Register) -> etree.Element:
    """``figure.verdict-chart``: caption with the sentence for screen readers, then the rows."""
    # Out of search: the cover's words find the home page; the counts are on /sources/.
    figure = etree.Element(
        "figure", {"class": "verdict-chart editorial", "data-search-exclude": ""}
    )
    caption = etree.SubElement(figure, "figcaption")
    link = etree.SubElement(caption, "a", {"href": SOURCES})
    # What it counts, exactly: the notes (the claims have verdicts of their own, on
    # /sources/, which would give other figures).
    notes = len(register.notes)
    link.text = "The edition’s verdicts"
    link.tail = f" on the {notes} notes, the author’s and its own, from public records"
    spoken = etree.SubElement(caption, "span", {"class": "visually-hidden"})
    counts = verdict_counts(register)
    spoken.text = ": " + ", ".join(f"{count} {verdict}" for verdict, count in counts) + "."
    longest = max([count for _verdict, count in counts] + [1])
    # Seen, not heard: the caption has said every count.
    rows = etree.SubElement(figure, "div", {"class": "verdict-rows", "aria-hidden": "true"})
    for verdict, count in counts:
        name = etree.SubElement(rows, "span", {"class": "verdict-name"})
        name.text = verdict[:1].upper() + verdict[1:]
        svg = etree.SubElement(
            rows,
            "svg",
            {
                "class": f"verdict-bar verdict-{verdict.replace(' ', '-')}",
                "viewBox": f"0 0 {longest} 1",
                "preserveAspectRatio": "none",
                "focusable": "false",
            },
        )
        etree.SubElement(svg, "rect", {"width": str(count), "height": "1"})
        number = etree.SubElement(rows, "span", {"class": "verdict-count"})
        number.text = str(count)
    return figure


def print_tree(register: Register) -> etree.Element:
    """On paper: the sentence, as a paragraph."""
    paragraph = etree.Element("p", {"class": "verdict-sentence editorial"})
    paragraph.text = f"The edition’s verdicts on the paper’s {sentence(register)}."
    return paragraph


class VerdictChartTreeprocessor(Treeprocessor):
    """Replace the placeholder paragraph with the chart."""

    def __init__(self, md, extension: VerdictChartExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Only pages that hold the placeholder read the register."""
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                placeholder = (child.text or "").strip() == PLACEHOLDER and not len(child)
                if child.tag == "p" and placeholder:
                    register = self.extension.edition().register
                    made = print_tree(register) if printing(self.md) else chart_tree(register)
                    made.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, made)


class VerdictChartExtension(EditionExtension):
    """Register the chart's treeprocessor."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """After inline parsing (20); before the paragraphs extension numbers blocks (6)."""
        md.registerExtension(self)
        md.treeprocessors.register(VerdictChartTreeprocessor(md, self), "edition_verdict_chart", 8)


def makeExtension(**kwargs) -> VerdictChartExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.extensions.verdict_chart``."""
    return VerdictChartExtension(**kwargs)
