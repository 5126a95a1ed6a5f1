"""Python-Markdown extension: citeable paragraphs and sections.

On every heading and paragraph of the author's text (found by id: the ids the pages
define, see ``pages.py``), the extension adds one editorial control, and nothing else
to the running text:

- paragraphs: the number derived from the id (``p1-3`` → ``¶ 1.3``) at the start, a
  link to the paragraph itself;
- page titles and the seven areas of section 2: ``§ 2.4`` (``§`` on a page title) at the
  end of the heading, in place of toc's permalink;
- the page's cite boxes (``citation.py``), gathered after its notes;
- aliases from ``data/anchor-aliases.yml``: an empty element with the old id right
  before the element that now carries the new id, on whichever page holds it;
- on a page with a paper title (the five pages, and ``/print/``): the paper's JSON-LD
  record (``jsonld.py``), once; its list of cited records (3.6 KB compressed, a
  twentieth of a page's weight) only where the paper's title page is, on the home page
  and ``/print/``: the other pages describe the same paper (same ``url``) without it.

Without JavaScript each control is a permalink and the cite boxes are read at the end
of the page. ``edition.js`` makes a control the button of a small menu when it is first
used (Copy link, Copy quote, Cite, On the timeline); addresses come from the page's
canonical link, so a copied link is the permanent one.

Runs as a treeprocessor at priority 6: after attr_list (8) has set the ids and the
timeline (7) has appended its links, before toc (5) and before MkDocs collects each
page's anchors (5), so links to an alias validate. The heading controls go in at
priority 4, after toc has read the headings, so the table of contents stays the
author's words (and the search titles: each control is excluded from the index).
No MkDocs import: Zensical runs it too.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.treeprocessors import Treeprocessor

from edition.extensions.base import EditionExtension, printing
from edition.model.addresses import PDF_NAME, paragraph_label, paragraph_number, section_number
from edition.model.paper import Paper
from edition.render.citation import Cited, cite_box
from edition.render.jsonld import Section, scholarly_article, script_text

# Under "mkdocs" so that a strict build counts the warning and fails.
log = logging.getLogger("mkdocs.extensions.edition.paragraphs")

AREA_NUMBER_RE = re.compile(r"^\d+\.\s+")


@dataclass(frozen=True)
class Target:
    """A heading or paragraph of the author's text, as a citeable address."""

    page: str  # 'evolution'
    anchor: str
    kind: str  # 'heading' or 'paragraph'
    title: str = ""  # headings: the words, the author's own area number removed
    number: str = ""  # '1.3' for a paragraph, '2.4' for an area, '' for a page title
    first_paragraph: str = ""  # headings: the paragraph that opens the section
    page_title: bool = False  # the page's first heading
    order: int = 0  # the page's section number (front matter), for the paper's order


def paper_targets(pages) -> dict[str, Target]:
    """Id → Target for every heading and paragraph with an id on the paper's pages."""
    targets = {}
    for page in pages:
        if not page.is_paper:
            continue
        blocks = [block for block in page.blocks if block.anchor]
        headings = [block for block in blocks if block.kind == "heading"]
        for index, block in enumerate(blocks):
            if block.kind == "paragraph":
                targets[block.anchor] = Target(
                    page.name, block.anchor, "paragraph", number=paragraph_number(block.anchor)
                )
                continue
            following = next((b for b in blocks[index + 1 :] if b.kind == "paragraph"), None)
            first = following.anchor if following else ""
            is_title = block is headings[0]
            targets[block.anchor] = Target(
                page.name,
                block.anchor,
                "heading",
                title=AREA_NUMBER_RE.sub("", block.words),
                # A page title is the section itself; its number would repeat the heading.
                number="" if is_title else section_number(first),
                first_paragraph=first,
                page_title=is_title,
                order=int(page.meta.get("section", 0) or 0),
            )
    return targets


def cited(target: Target, paper: Paper) -> Cited:
    """What the cite box of a heading cites: the paper (its title page) or a section."""
    whole = target.page_title and target.order == 0
    return Cited(
        paper,
        paper.url(target.page, target.anchor),
        target.anchor,
        section="" if whole else target.title,
    )


def sections(targets: dict[str, Target], paper: Paper, page_names: dict[str, str]) -> list[Section]:
    """The paper's parts in reading order, areas nested under their page, for JSON-LD."""
    titles = sorted((t for t in targets.values() if t.page_title), key=lambda t: t.order)
    parts = []
    for title in titles:
        areas = tuple(
            Section(t.title, paper.url(t.page, t.anchor))
            for t in targets.values()
            if t.page == title.page and t.kind == "heading" and not t.page_title
        )
        # The title page's heading is the paper's own title: name it as the nav does.
        name = (page_names.get(title.page) or title.title) if title.order == 0 else title.title
        parts.append(Section(name, paper.url(title.page), areas))
    return parts


def alias_element(old: str, new: str) -> etree.Element:
    """The empty element that keeps an old id alive, just before its new target."""
    return etree.Element(
        "span",
        {
            "id": old,
            "class": "anchor-alias editorial",
            "data-alias-for": new,
            "aria-hidden": "true",
        },
    )


# Material's search indexer compares elements by tag name, so data-search-exclude on an
# element stops working at the first closing tag of a same-named descendant. Each excluded
# element here holds no descendant of its own kind.
EXCLUDE = {"data-search-exclude": ""}


def control(target: Target, sign: str, number: str) -> etree.Element:
    """The one control of a paragraph or heading: its number, linking to itself.

    Without JavaScript it is a plain permalink. edition.js turns it into a disclosure
    button on first use (delegated events: nothing is wired at load) whose menu copies the
    link or a quotation, opens the cite box and lists the timeline's events.
    """
    link = etree.Element(
        "a",
        {
            "class": f"edition-control edition-control--{target.kind} editorial",
            "href": f"#{target.anchor}",
            **EXCLUDE,
        },
    )
    mark = etree.SubElement(link, "span", {"aria-hidden": "true"})
    mark.text = sign
    spoken = etree.SubElement(link, "span", {"class": "visually-hidden"})
    spoken.text = "Paragraph" if target.kind == "paragraph" else "Section"
    if not number:
        spoken.text = "This page: link and citation"
    spoken.tail = f"\u00a0{number}" if number else None
    return link


def paragraph_control(target: Target) -> etree.Element:
    """``¶ 1.3`` at the start of the paragraph."""
    return control(target, "¶", target.number)


def space_before_words(paragraph: etree.Element, handle: etree.Element) -> None:
    """The space between ``handle`` and the author's first words, in the words' own text.

    Margin notes (notes.py) may stand between the two. A space of its own, at the end of
    a line that a half-loaded page has not yet filled, moved down a pixel once the words
    arrived: a layout shift, measured as one.
    """
    handle.tail, paragraph.text = paragraph.text, None
    before = handle
    for child in paragraph[list(paragraph).index(handle) + 1 :]:
        if "sidenote" not in child.get("class", "").split():
            break
        before = child
    before.tail = " " + (before.tail or "")


def heading_control(target: Target) -> etree.Element:
    """``§ 2.4`` at the end of an area heading; ``§`` alone on a page title."""
    return control(target, "§", target.number)


def cite_boxes(boxes: list[etree.Element], paper: Paper) -> etree.Element:
    """The page's cite boxes, gathered after its notes rather than under each heading.

    Without JavaScript they are the page's last section. With it they are not part of
    the page at all: they sit in a ``<noscript>``, which a browser running scripts keeps
    as text, and edition.js reads them from there on the first Cite (the menu shows the
    one it needs, one style at a time). That keeps some 200 elements per page, and the
    code blocks Material's script would set up at load, out of the work done at load.
    ``data-short-cite`` is the short reference that "Copy quote" puts after a quotation.
    """
    short = f"{paper.author}, {paper.title} ({paper.place}, {paper.month_name} {paper.year})"
    hidden = etree.Element("noscript", {"class": "cite-boxes-source"})
    block = etree.SubElement(
        hidden, "div", {"class": "cite-boxes editorial", "data-short-cite": short}
    )
    # Excluded from search one by one: the block holds <div>s (see EXCLUDE).
    title = etree.SubElement(block, "p", {"class": "cite-boxes-title", **EXCLUDE})
    title.text = "Cite this page or one of its sections"
    for box in boxes:
        box.attrib.update(EXCLUDE)
        block.append(box)
    return hidden


class ParagraphsTreeprocessor(Treeprocessor):
    """Add numbers, copy-link controls, cite boxes, aliases and the JSON-LD record."""

    def __init__(self, md, extension: ParagraphsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Work on the elements whose ids are the paper's or an alias's target."""
        edition = self.extension.edition()
        pages = edition.pages
        targets = paper_targets(pages)
        aliases = edition.aliases.by_target()
        found = [
            (parent, child)
            for parent in root.iter()
            for child in parent
            if child.get("id") in targets or child.get("id") in aliases
        ]
        if not found:
            return
        # Without the paper's facts, no cite box (the check says what is missing).
        paper = edition.paper
        titled = whole = False
        boxes = []
        for parent, element in found:
            anchor = element.get("id")
            for old in aliases.get(anchor, []):
                parent.insert(list(parent).index(element), alias_element(old, anchor))
            target = targets.get(anchor)
            if target is None:
                continue
            if target.kind == "heading" and element.tag in ("h1", "h2"):
                titled = titled or target.page_title
                whole = whole or (target.page_title and target.order == 0)
            if printing(self.md):
                if target.kind == "paragraph" and element.tag == "p":
                    # On paper the number alone, set in the margin (pdf.css): no controls.
                    number = etree.Element("span", {"class": "pdf-pnum editorial"})
                    number.text, number.tail = paragraph_label(anchor), element.text
                    element.text = None
                    element.insert(0, number)
            elif target.kind == "paragraph" and element.tag == "p":
                handle = paragraph_control(target)
                element.insert(0, handle)
                space_before_words(element, handle)
            elif target.kind == "heading" and element.tag in ("h1", "h2"):
                # The control goes into the heading after toc has read it (HeadingControls).
                element.set("data-edition-control", "")
                if paper is not None:
                    box = cite_box(cited(target, paper), target.first_paragraph)
                    box.set("id", f"cite-{anchor}")
                    boxes.append(box)
        if boxes:
            root.append(cite_boxes(boxes, paper))
        if titled and paper is not None:
            names = {page.name: str(page.meta.get("title", "")) for page in pages}
            record = scholarly_article(
                paper,
                sections(targets, paper, names),
                edition.register if whole else None,
                paper.site_url + PDF_NAME,
            )
            script = etree.SubElement(
                root, "script", {"type": "application/ld+json", "class": "edition-jsonld editorial"}
            )
            script.text = script_text(record)


class HeadingControls(Treeprocessor):
    """Put each area's and page title's control into its heading, once toc has read it.

    At priority 4, after toc (5): the table of contents and the search titles keep the
    author's words. The control replaces toc's hidden permalink, which on a phone took a
    line of its own under long headings.
    """

    def __init__(self, md, extension: ParagraphsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Swap the permalink of every marked heading for its control."""
        marked = [h for h in root.iter() if h.get("data-edition-control") is not None]
        if not marked:
            return
        targets = paper_targets(self.extension.edition().pages)
        for heading in marked:
            del heading.attrib["data-edition-control"]
            for link in heading.findall("a"):
                if "headerlink" in link.get("class", "").split():
                    heading.remove(link)
            heading.append(heading_control(targets[heading.get("id")]))


class ParagraphsExtension(EditionExtension):
    """Register the treeprocessor."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """Priority 6: after attr_list (8) and the timeline (7), before toc and MkDocs (5)."""
        md.treeprocessors.register(ParagraphsTreeprocessor(md, self), "edition_paragraphs", 6)
        md.treeprocessors.register(HeadingControls(md, self), "edition_heading_controls", 4)


def makeExtension(**kwargs) -> ParagraphsExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.paragraphs``."""
    return ParagraphsExtension(**kwargs)
