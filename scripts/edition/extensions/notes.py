"""Python-Markdown extension: note references that keep the paper's own numbers.

Python-Markdown's ``footnotes`` numbers notes per page, so the paper's notes 5–9 on
``/cooperation/`` would show as 1–5. This extension renders ``[^5]`` as note 5 on
every page, and appends the page's note list with bodies taken from the notes
register (never typed into pages). The HTML has the same shape as ``footnotes``
output (``sup#fnref:N > a.footnote-ref``, ``div.footnote li#fn:N``) so Material's
footnote tooltips and styles apply unchanged.

Engine-independent: no MkDocs import. Unknown note ids are logged as warnings (so a
strict build fails) and shown in the text; the project check reports them with
file and line before any build starts.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from edition.extensions.base import EditionExtension, printing
from edition.model.addresses import note_anchor
from edition.model.pages import NOTE_REF_RE
from edition.model.register import REGISTER_PATH, Note, Register

# The logger name sits under "mkdocs" so that MkDocs counts warnings in strict mode.
log = logging.getLogger("mkdocs.extensions.edition.notes")

SEARCH_EXCLUDE = {"data-search-exclude": ""}
# On the web this is said once, at the head of the page's notes, not in every note.
LOST_ONCE = (
    "The paper’s own notes survive only as their numbers: their original texts are lost. "
    "Under each number the edition says what the note marks, how far public records bear "
    "it out, and which records those are."
)
EDITORIAL_ONCE = (
    "Notes marked E, in brackets, are the edition’s own: they cover claims the author left "
    "without a note."
)


class NoteRefProcessor(InlineProcessor):
    """Turn ``[^N]`` into a reference that shows N and links to the note body."""

    def __init__(self, pattern: str, md, extension: NotesExtension):
        super().__init__(pattern, md)
        self.extension = extension

    def handleMatch(self, m: re.Match, data: str):  # noqa: N802 - Python-Markdown's API name
        """Record the reference and build ``<sup id=fnref:N><a href=#fn:N>N</a></sup>``."""
        note_id = m.group(1)
        refs = self.extension.refs
        refs.append(note_id)
        nth = refs.count(note_id)
        if printing(self.md):
            return self.footnote(note_id, nth), m.start(0), m.end(0)
        # Out of the search index: a result quotes the words, not "Note 5" between them.
        sup = etree.Element("sup", {"id": ref_anchor(note_id, nth), "data-search-exclude": ""})
        editorial = note_id.startswith("E")
        if editorial:
            # The edition's layer: bracketed and quieter (edition.css), named as such.
            sup.set("class", "editorial edition-ref")
        # Its name says whose note it is ("Note 5", "Editorial note E3"); its text stays
        # the number, as printed.
        spoken = f"Editorial note {note_id}" if editorial else f"Note {note_id}"
        link = etree.SubElement(
            sup,
            "a",
            {
                "class": "footnote-ref",
                "href": f"#fn:{note_id}",
                "role": "doc-noteref",
                "aria-label": spoken,
            },
        )
        link.text = note_id
        return sup, m.start(0), m.end(0)

    def footnote(self, note_id: str, nth: int) -> etree.Element:
        """Print mode: the note itself at its first reference, its number at later ones.

        ``span.pdf-note`` is what WeasyPrint floats to the foot of the page (``pdf.css``),
        its number taken from ``data-n`` so the paper's numbers survive. Block tags would
        end the paragraph that holds the note, so its parts are spans.
        """
        anchor = etree.Element("span", {"class": "pdf-note-anchor", "id": ref_anchor(note_id, nth)})
        if nth > 1:
            call = etree.SubElement(anchor, "a", {"href": f"#fn:{note_id}", "class": "pdf-call"})
            call.text = note_id
            return anchor
        note = self.extension.register().notes.get(note_id)
        if note is None:
            log.warning(
                "note [^%s] has no entry in %s; add it there or fix the reference",
                note_id,
                REGISTER_PATH,
            )
        body = etree.SubElement(
            anchor, "span", {"class": "pdf-note", "data-n": note_id, "id": f"fn:{note_id}"}
        )
        body.extend(footnote_parts(note_id, note))
        return anchor


class NoteListProcessor(Treeprocessor):
    """Append the page's notes, in order of first reference, with original numbers."""

    def __init__(self, md, extension: NotesExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Add ``div.footnote`` at the end of the document when the page cites notes."""
        refs = self.extension.refs
        if not refs or printing(self.md):  # in print mode each note is at its reference
            return
        register = self.extension.register()
        add_sidenotes(root, register)
        # Out of the search index: a paper page's results quote the author's words; the
        # notes' research is found on /sources/, which holds the same entries. (Material's
        # parser needs an excluded element to hold none of its own kind: no <div> inside.)
        div = etree.SubElement(
            root,
            "div",
            {"class": "footnote editorial", "role": "doc-endnotes", **SEARCH_EXCLUDE},
        )
        etree.SubElement(div, "hr")
        lead = etree.SubElement(div, "p", {"class": "notes-lead"})
        if any(ref.isdigit() for ref in refs):
            etree.SubElement(lead, "span", {"class": "notes-lead-lost"}).text = LOST_ONCE + " "
        if any(not ref.isdigit() for ref in refs):
            # Hidden with the rest of the edition's layer (the reader switch).
            etree.SubElement(lead, "span", {"class": "notes-lead-edition"}).text = EDITORIAL_ONCE
        items = etree.SubElement(div, "ol")
        for note_id in dict.fromkeys(refs):
            note = register.notes.get(note_id)
            if note is None:
                log.warning(
                    "note [^%s] has no entry in %s; add it there or fix the reference",
                    note_id,
                    REGISTER_PATH,
                )
            items.append(note_item(note_id, note, refs.count(note_id)))


def ref_anchor(note_id: str, nth: int) -> str:
    """Anchor of the nth reference to a note: fnref:5, then fnref2:5, … as footnotes does."""
    return f"fnref:{note_id}" if nth == 1 else f"fnref{nth}:{note_id}"


def note_item(note_id: str, note: Note | None, ref_count: int) -> etree.Element:
    """Build ``<li id="fn:N" value="N">``: what the note marks, its verdict, its records.

    It leads with what the note covers and the verdict, because Material's tooltip
    copies the item and a reader hovering over a number wants that first. The number
    is written out, not left to the list marker, so the tooltip shows it too.
    """
    editorial = not note_id.isdigit()
    item = etree.Element("li", {"id": f"fn:{note_id}"})
    if editorial:
        item.set("class", "edition-note")
    else:
        item.set("value", note_id)
    lead = etree.SubElement(item, "p", {"class": "note-lead"})
    label = etree.SubElement(lead, "strong", {"class": "note-number"})
    label.text = f"Editorial note {note_id}." if editorial else f"Note {note_id}."
    if note is None:
        label.tail = " This note is missing from the notes register."
        return item
    label.tail = f" {note.claim}"
    if note.verdict:
        verdict = etree.SubElement(lead, "span", {"class": "note-verdict"})
        verdict.text = " Verdict: "
        # A .md link: the engine turns it into the right relative URL and checks it.
        link = etree.SubElement(verdict, "a", {"href": f"sources.md#{note_anchor(note_id)}"})
        link.text = note.verdict
        link.tail = "."
    heading = etree.SubElement(item, "p", {"class": "note-records-label"})
    heading.text = "Public records:"
    records = etree.SubElement(item, "ul", {"class": "note-records"})
    records.extend(record_item(record) for record in note.records)
    backrefs = etree.SubElement(item, "p", {"class": "note-backrefs"})
    for nth in range(1, ref_count + 1):
        back = etree.SubElement(
            backrefs,
            "a",
            {
                "class": "footnote-backref",
                "href": f"#{ref_anchor(note_id, nth)}",
                "title": f"Back to note {note_id} in the text",
                "role": "doc-backlink",
            },
        )
        back.text = "\u21a9\ufe0e"
        back.tail = " "
    return item


def add_sidenotes(root: etree.Element, register: Register) -> None:
    """Put each paragraph's notes in short at its start, for the margin (web only).

    First in the paragraph, so that its notes begin beside its first line and stack
    downwards in the order of their references (edition.css, "Sidenotes"): the n-th
    sidenote is the n-th reference's, which lets a pointed-at number light up its own.
    """
    for block in root.iter("p"):
        refs = [sup for sup in block if sup.tag == "sup" and sup.get("id", "").startswith("fnref")]
        if not refs:
            continue
        notes = [sidenote(note_id, register.notes.get(note_id)) for note_id in map(ref_note, refs)]
        for position, side in enumerate(notes):
            block.insert(position, side)
        notes[-1].tail, block.text = block.text, None


def ref_note(sup: etree.Element) -> str:
    """The note a reference calls: fnref:7 and fnref2:7 call note 7."""
    return sup.get("id", "").partition(":")[2]


def sidenote(note_id: str, note: Note | None) -> etree.Element:
    """A note in short, for the margin on wide screens: number, verdict, what it covers.

    What it covers is the register's ``topic``, the phrase the PDF's footnotes open with,
    so margin and paper say it in the same words and a sidenote is whole, never clipped
    mid-claim; the note's entry in the list at the foot of the page gives the claim.
    ``small``: a side comment. edition.css floats it into the margin from 76.25em and
    hides it below that width and in print, where the list serves; class ``editorial``
    keeps it out of copied quotations, the reader switch hides an edition's note, and
    ``data-search-exclude`` keeps it out of search results (the notes' own entries are
    on /sources/).

    Hidden from screen readers (``aria-hidden``): they reach the whole note, once, from
    the reference, whose name says whose note it is; a second reading in the margin
    would repeat it. Its number links to the same note for the mouse, out of the tab
    order for the same reason.
    """
    kind = "sidenote editorial" + (" edition-sidenote" if note_id.startswith("E") else "")
    side = etree.Element("small", {"class": kind, "aria-hidden": "true", **SEARCH_EXCLUDE})
    number = etree.SubElement(side, "a", {"href": f"#fn:{note_id}", "tabindex": "-1"})
    number.text = note_id
    if note is None:
        number.tail = " This note is missing from the notes register."
        return side
    # Each space is in the text that follows it, never a text of its own between two
    # elements: on a page painted half-received, such a space ended the last line, and
    # moved when the rest of the line arrived.
    if note.verdict:
        verdict = etree.SubElement(side, "span", {"class": "sidenote-verdict"})
        verdict.text = " " + note.verdict[:1].upper() + note.verdict[1:] + "."
    side[-1].tail = " " + note.topic.rstrip(".") + "."
    return side


def footnote_parts(note_id: str, note: Note | None) -> list[etree.Element]:
    """Print mode: a note in a line or two, as spans (a footnote sits inside a paragraph).

    What the note covers (the register's ``topic``, a phrase: the original note texts are
    lost, so the words are the edition's, and say so; the full ``claim`` is in the note's
    entry), the verdict, and the first primary record (else the first record). The
    verdict links to the note's entry in the sources: on the same paper when the sources
    are printed too (pdf.css adds its page), else on the web. Everything else (all
    records, the claims) is in that entry.
    """
    covers = etree.Element("span", {"class": "pdf-covers"})
    if note is None:
        covers.text = " This note is missing from the notes register."
        return [covers]
    covers.text = " " + ("Editorial note. " if note.editorial else "Original note lost. ")
    covers.text += note.topic.removesuffix(".") + ". "
    parts = [covers]
    if note.verdict:
        verdict = etree.Element("span", {"class": "pdf-verdict"})
        verdict.text = "Verdict: "
        link = etree.SubElement(
            verdict,
            "a",
            {"href": f"sources.md#{note_anchor(note_id)}", "class": "pdf-pageref"},
        )
        link.text = note.verdict
        link.tail = ". "
        parts.append(verdict)
    record = next((r for r in note.records if r.primary), note.records[0] if note.records else None)
    if record is not None:
        # The record's month: its day-level note (a course's dates) stays on /sources/,
        # so that a footnote keeps to two lines under the paper's page.
        item = record_item(record, with_date_note=False)
        item.tag, item.attrib["class"] = "span", "pdf-record"
        for kind in item.findall("span"):  # the label below says it already
            item.remove(kind)
        item.text = "Primary record: " if record.primary else "Record: "
        parts.append(item)
    return parts


def record_item(record, with_date_note: bool = True) -> etree.Element:
    """One record as ``<li>``: linked title, publisher, date; primary records say so."""
    item = etree.Element("li", {"class": "record"})
    link = etree.SubElement(item, "a", {"href": record.url, "class": "record-title"})
    link.text = f"[{record.title}]" if record.title_supplied else record.title
    date = record.readable_date
    if record.date_note and with_date_note:
        date = f"{date} ({record.date_note})"
    link.tail = f". {record.publisher}, {date}."
    if record.primary:
        kind = etree.SubElement(item, "span", {"class": "record-kind"})
        kind.text = "Primary record."
        kind.tail = ""
        link.tail += " "
    return item


class NotesExtension(EditionExtension):
    """Register the note reference pattern and the note list builder."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.refs: list[str] = []

    def register(self) -> Register:
        """The notes register of the edition model."""
        return self.edition().register

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """Hook into inline parsing before links, and into the finished tree."""
        md.registerExtension(self)
        # 175: the slot Python-Markdown's footnotes uses, before reference links claim "[^…]".
        md.inlinePatterns.register(NoteRefProcessor(NOTE_REF_RE, md, self), "edition_note_ref", 175)
        # 17: after inline parsing (20) has collected the references, before attr_list and toc.
        md.treeprocessors.register(NoteListProcessor(md, self), "edition_note_list", 17)

    def reset(self) -> None:
        """Forget the previous document's references."""
        self.refs = []


def makeExtension(**kwargs) -> NotesExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.notes``."""
    return NotesExtension(**kwargs)
