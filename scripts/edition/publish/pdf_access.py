"""What the tagged PDFs need beyond WeasyPrint's PDF/UA-1 variant, finished in place.

WeasyPrint (``pdf_variant="pdf/ua-1"``) writes the structure tree, ``/Lang``,
``/MarkInfo`` and ``DisplayDocTitle``, and describes every link annotation
(``/Contents``) by its raw target: a screen reader would read "fn colon 7" or "p 1 dash
3". Two things are finished here, on the PDF's objects before they are written
(WeasyPrint's ``finisher`` hook):

- every internal link is described in words: "Note 7", "Paragraph 1.3", the title of
  the heading it leads to (``link_descriptions`` from the edition model);
- header cells get ``/Scope /Column``: WeasyPrint ties data cells to their headers by
  ``/Headers`` ids but writes no ``/IDTree`` to resolve them, so a reader (and the
  checker) could not tell which header a cell belongs to. The edition's tables have
  column headers only.

Pure over the objects (pydyf's, which WeasyPrint depends on); no layout here.
"""

from __future__ import annotations

from edition.model.addresses import note_anchor, paragraph_label, paragraph_number
from edition.model.edition import Edition


def link_descriptions(edition: Edition) -> dict[str, str]:
    """Internal target id → the words that describe a link to it."""
    described: dict[str, str] = {}
    for page in edition.pages:
        for block in page.blocks:
            if block.kind == "heading" and block.anchor:
                described[block.anchor] = block.words
            elif block.kind == "paragraph" and paragraph_number(block.anchor):
                described[block.anchor] = "Paragraph " + paragraph_number(block.anchor)
    for note_id in edition.register.notes:
        name = f"Editorial note {note_id}" if note_id.startswith("E") else f"Note {note_id}"
        described[f"fn:{note_id}"] = name
        described[note_anchor(note_id)] = f"{name} in the notes and sources"
    for event in edition.timeline.events:
        described[event.anchor] = f"Timeline: {event.title}"
    for year in edition.timeline.years():
        described[str(year)] = f"Timeline: {year}"
    return described


def describe(target: str, described: dict[str, str]) -> str:
    """Words for a link to ``target`` (an id, or an address, which describes itself)."""
    if target in described:
        return described[target]
    label = paragraph_label(target) if paragraph_number(target) else ""
    return label or target


def finisher(described: dict[str, str]):
    """WeasyPrint's finisher: describe links in words, scope the header cells."""

    def finish(document, pdf) -> None:
        import pydyf  # WeasyPrint's own PDF writer, imported with it

        for item in pdf.objects:
            if not isinstance(item, dict):
                continue
            if item.get("Subtype") == "/Link" and isinstance(item.get("Contents"), pydyf.String):
                target = item["Contents"].string
                item["Contents"] = pydyf.String(describe(target, described))
            elif item.get("Type") == "/StructElem" and item.get("S") == "/TH":
                attributes = item.setdefault("A", pydyf.Dictionary({"O": "/Table"}))
                attributes["Scope"] = "/Column"

    return finish
