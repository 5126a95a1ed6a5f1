"""How to cite the paper or one of its sections: Chicago, APA, BibTeX and RIS, and the cite box.

Pure: references are built from the paper's facts (``paper.py``) and an exact address
with its anchor, at build time, so they are right without JavaScript. Only the access
date is the reader's: it is left as an ``AccessDate`` part, rendered as
``[date of access]`` in the page and filled in with today's date by ``edition.js``.

The paragraphs extension calls ``cite_box`` for every page title and every area of
section 2; nothing here touches the document tree by itself.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from datetime import date

from edition.model.addresses import paragraph_label
from edition.model.paper import MONTHS, Paper

NO_DATE = "[date of access]"
# Formats edition.js knows too (data-access-date): each style writes the date its own way.
DATE_FORMATS = {
    "long": lambda day: f"{MONTHS[day.month - 1]} {day.day}, {day.year}",  # August 5, 2024
    "iso": lambda day: day.isoformat(),  # 2024-08-05 (BibTeX urldate)
    "ris": lambda day: day.strftime("%Y/%m/%d"),  # 2024/08/05 (RIS Y2)
}
BIBTEX_SPECIAL = re.compile(r"([&%$#_])")


class Italic(str):
    """A part set in italics: the paper's title."""


@dataclass(frozen=True)
class AccessDate:
    """Where the access date goes, and in which format."""

    format: str


Part = str | Italic | AccessDate


@dataclass(frozen=True)
class Cited:
    """What is being cited: the whole paper (``section`` empty) or one section."""

    paper: Paper
    url: str  # absolute, with the anchor
    anchor: str
    section: str = ""


def chicago(cited: Cited) -> list[Part]:
    """Chicago notes-and-bibliography style, bibliography entry."""
    paper = cited.paper
    parts: list[Part] = [f"{paper.author}. "]
    if cited.section:
        parts += [f"“{cited.section}.” In ", Italic(paper.title)]
    else:
        parts.append(Italic(paper.title))
    return [
        *parts,
        f". {paper.place}: {paper.publisher}, {paper.month_name} {paper.year}. Accessed ",
        AccessDate("long"),
        f". {cited.url}.",
    ]


def apa(cited: Cited) -> list[Part]:
    """APA (7th edition) reference; the publisher is left out because it is the author."""
    paper = cited.paper
    parts: list[Part] = [f"{paper.author}. ({paper.year}, {paper.month_name}). "]
    if cited.section:
        parts.append(f"{cited.section}. In ")
    return [
        *parts,
        Italic(paper.title_sentence_case),
        f" [{paper.genre}]. Retrieved ",
        AccessDate("long"),
        f", from {cited.url}",
    ]


def _bibtex_text(text: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex(cited: Cited) -> list[Part]:
    """A BibTeX ``@techreport`` entry; braces keep the capitals of names and the title."""
    paper = cited.paper
    fields = [
        ("author", f"{{{_bibtex_text(paper.author)}}}"),
        ("title", f"{{{_bibtex_text(paper.title)}}}"),
        ("type", _bibtex_text(paper.genre)),
        ("institution", f"{{{_bibtex_text(paper.publisher)}}}"),
        ("address", _bibtex_text(paper.place)),
        ("year", paper.year),
    ]
    lines = [f"@techreport{{{cite_key(cited)},"]
    lines += [f"  {name:<11} = {{{value}}}," for name, value in fields]
    lines.append(f"  {'month':<11} = {MONTHS[paper.month - 1][:3].lower()},")
    if cited.section:
        lines.append(f"  {'note':<11} = {{Section ``{_bibtex_text(cited.section)}''}},")
    lines.append(f"  {'url':<11} = {{{cited.url}}},")
    return ["\n".join(lines) + f"\n  {'urldate':<11} = {{", AccessDate("iso"), "},\n}\n"]


def ris(cited: Cited) -> list[Part]:
    """An RIS record (type RPRT, report), the format reference managers import everywhere."""
    paper = cited.paper
    tags = [
        ("TY", "RPRT"),
        ("AU", paper.author),
        ("TI", paper.title),
        *([("SE", cited.section)] if cited.section else []),
        ("M3", paper.genre),
        ("PB", paper.publisher),
        ("CY", paper.place),
        ("PY", paper.year),
        ("DA", f"{paper.year}/{paper.month:02d}"),
        ("LA", paper.language),
        ("UR", cited.url),
    ]
    text = "".join(f"{tag}  - {value}\n" for tag, value in tags)
    return [f"{text}Y2  - ", AccessDate("ris"), "\nER  - \n"]


def cite_key(cited: Cited) -> str:
    """'albayan2018-cyber-security': short, stable, and one per citeable anchor."""
    return f"albayan{cited.paper.year}-{cited.anchor}"


def plain(parts: list[Part], accessed: date | None = None) -> str:
    """The reference as text: with the access date, or the placeholder without one."""
    return "".join(
        (DATE_FORMATS[part.format](accessed) if accessed else NO_DATE)
        if isinstance(part, AccessDate)
        else str(part)
        for part in parts
    )


def _append_parts(parent: etree.Element, parts: list[Part]) -> None:
    """Add the parts to ``parent`` as text, <cite> for the title, spans for the date."""
    last: etree.Element | None = None
    for part in parts:
        if isinstance(part, Italic | AccessDate):
            if isinstance(part, Italic):
                last = etree.SubElement(parent, "cite")
                last.text = str(part)
            else:
                last = etree.SubElement(parent, "span", {"data-access-date": part.format})
                last.text = NO_DATE
        elif last is None:
            parent.text = (parent.text or "") + part
        else:
            last.tail = (last.tail or "") + part


STYLES = (
    # (key, label, builder, element, file extension, MIME type)
    ("chicago", "Chicago", chicago, "p", "", ""),
    ("apa", "APA", apa, "p", "", ""),
    ("bibtex", "BibTeX", bibtex, "pre", "bib", "application/x-bibtex"),
    ("ris", "RIS", ris, "pre", "ris", "application/x-research-info-systems"),
)


def cite_box(cited: Cited, example_paragraph: str = "") -> etree.Element:
    """A "Cite" disclosure with the four styles, written out in full.

    The page gathers its boxes after the notes (``paragraphs.py``). Without JavaScript
    they are read there; with it, the Cite item of a control's menu shows one style at a
    time with a style picker, Copy and Download (edition.js), built from this markup:
    ``data-download`` and ``data-type`` say how a style is saved as a file.
    """
    box = etree.Element("details", {"class": "cite-box editorial"})
    summary = etree.SubElement(box, "summary")
    summary.text = f"Cite “{cited.section}”" if cited.section else "Cite the paper"
    body = etree.SubElement(box, "div", {"class": "cite-body"})
    for key, label, build, tag, extension, mime in STYLES:
        attributes = {"class": "cite-style", "data-cite-style": key}
        if extension:
            attributes |= {"data-download": f"{cite_key(cited)}.{extension}", "data-type": mime}
        style = etree.SubElement(body, "div", attributes)
        name = etree.SubElement(style, "p", {"class": "cite-label"})
        name.text = label
        text = etree.SubElement(style, tag, {"class": "cite-text"})
        if tag == "pre":
            text = etree.SubElement(text, "code")
        _append_parts(text, build(cited))
    if example_paragraph:
        hint = etree.SubElement(body, "p", {"class": "cite-hint"})
        address = f"{cited.url.partition('#')[0]}#{example_paragraph}"
        hint.text = (
            "To cite one paragraph, add its number and address, for example "
            f"“{paragraph_label(example_paragraph)}, {address}”."
        )
    return box
