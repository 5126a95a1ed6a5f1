"""What the tagged PDFs need beyond WeasyPrint's PDF/UA-1 variant, finished in place.

WeasyPrint (``pdf_variant="pdf/ua-1"``) writes the structure tree, ``/Lang``,
``/MarkInfo`` and ``DisplayDocTitle``, and describes every link annotation
(``/Contents``) by its raw target: a screen reader would read "fn colon 7" or "p 1 dash
3". Three things are finished here, on the PDF's objects before they are written
(WeasyPrint's ``finisher`` hook):

- every internal link is described in words: "Note 7", "Paragraph 1.3", the title of
  the heading it leads to (``link_descriptions`` from the edition model);
- footnotes are tagged ``/Note`` (PDF/UA-1 7.9), each with its id (``fn:7``) as
  ``/ID``: WeasyPrint tags a footnote as the element it is made from, a ``/Span``
  (``tag_footnotes``);
- the ``/IDTree`` that resolves those ids and the ones WeasyPrint gives header cells
  (data cells name their headers by ``/Headers`` ids), and ``/Scope /Column`` on header
  cells, so a reader (and a checker) can tell which header a cell belongs to. The
  edition's tables have column headers only.

Pure over the objects (pydyf's, which WeasyPrint depends on) and the laid-out boxes;
no layout here.
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


class TaggingError(Exception):
    """The structure tree is not shaped as this module expects (a WeasyPrint change)."""


def resolve(pdf, reference: bytes):
    """The object a pydyf reference (``b"12 0 R"``) points at."""
    return pdf.objects[int(reference.split()[0])]


def footnotes_by_page(document) -> list[list[str]]:
    """Each page's footnotes, as the ids of their elements, in the order they are set."""
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox

    pages = []
    for page in document.pages:
        areas = [box for box in page._page_box.children if isinstance(box, FootnoteAreaBox)]
        pages.append([note.element.get("id", "") for area in areas for note in area.children])
    return pages


def tag_footnotes(document, pdf) -> list[dict]:
    """Retag each footnote's structure element ``/Note`` with its id; return them.

    WeasyPrint lays a page out as its root box, then its footnote area, then the margin
    boxes (which it keeps out of the tree), and tags them in that order: the last
    element of a page with footnotes is its footnote area, and its children are the
    footnotes, one element each, in the order of the area's boxes. The ids come from
    those boxes, not from the text. If the tree is not shaped so, this says so rather
    than tag the wrong element.
    """
    import pydyf

    root = resolve(pdf, pdf.catalog["StructTreeRoot"])
    top = [resolve(pdf, reference) for reference in resolve(pdf, root["K"][0])["K"]]
    notes = []
    pages = zip(footnotes_by_page(document), pdf.page_references, strict=True)
    for number, (ids, page) in enumerate(pages):
        if not ids:
            continue
        on_page = [element for element in top if element.get("Pg") == page]
        area = on_page[-1] if on_page else {}
        kids = [resolve(pdf, reference) for reference in area.get("K", [])]
        if area.get("S") != "/NonStruct" or [kid.get("S") for kid in kids] != ["/Span"] * len(ids):
            raise TaggingError(
                f"page {number + 1}: the footnote area is not where WeasyPrint used to tag "
                "it; the footnotes cannot be tagged /Note (see pdf_access.tag_footnotes)"
            )
        for kid, ident in zip(kids, ids, strict=True):
            kid["S"] = "/Note"
            kid["ID"] = pydyf.String(ident)
            notes.append(kid)
    return notes


def id_tree(pdf, root) -> None:
    """Write the ``/IDTree`` of every structure element with an ``/ID``; ids are unique."""
    import pydyf

    ids: dict[str, bytes] = {}
    for item in pdf.objects:
        if isinstance(item, dict) and item.get("Type") == "/StructElem" and "ID" in item:
            ident = item["ID"].string
            if ident in ids:
                raise TaggingError(f"two structure elements have the id {ident!r}")
            ids[ident] = item.reference
    if ids:
        names = pydyf.Array()
        for ident in sorted(ids):
            names.extend([pydyf.String(ident), ids[ident]])
        root["IDTree"] = pydyf.Dictionary({"Names": names})


def finisher(described: dict[str, str]):
    """WeasyPrint's finisher: describe links, tag footnotes, resolve ids, scope headers."""

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
        tag_footnotes(document, pdf)
        id_tree(pdf, resolve(pdf, pdf.catalog["StructTreeRoot"]))

    return finish
