"""The PDFs are accessible: tagged PDF/UA-1, as far as a machine can tell.

Read with pypdf (structure tree, language, title, link descriptions, heading order) and
checked with the ``pdfua`` checker, which covers the machine-checkable subset of
PDF/UA-1 only: it does not certify conformance (veraPDF, the full checker, is not
available here; a person with a screen reader is the last check).
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from pdfua import validate
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from conftest import ROOT
from edition.model.addresses import EDITION_PDF_NAME, PDF_LETTER_NAME, PDF_NAME, PDF_NAMES
from edition.model.edition import load_edition
from edition.publish.pdf import FORMS, pdf_html
from edition.publish.pdf_access import describe, link_descriptions

TITLE = "Prospects for strategic partnership between Iraq and NATO"


def test_links_are_described_in_words():
    described = link_descriptions(load_edition(ROOT))
    assert describe("fn:7", described) == "Note 7"
    assert describe("fn:E3", described) == "Editorial note E3"
    assert describe("note-7", described) == "Note 7 in the notes and sources"
    assert describe("p1-3", described) == "Paragraph 1.3"
    assert describe("cyber-security", described) == "4. Defence and cyber-security"
    assert describe("https://www.nato.int/", described) == "https://www.nato.int/"


@pytest.fixture(scope="module", params=PDF_NAMES)
def tagged(request, built_pdfs) -> tuple[str, PdfReader]:
    return request.param, PdfReader(built_pdfs[request.param].path)


def structure(element, found: list[str]) -> list[str]:
    """The structure types of the tree below ``element``, in reading order."""
    element = element.get_object()
    if isinstance(element, ArrayObject):
        for child in element:
            structure(child, found)
    elif isinstance(element, DictionaryObject):
        if "/S" in element:
            found.append(str(element["/S"]))
        if "/K" in element:
            structure(element["/K"], found)
    return found


@pytest.mark.pdf
def test_the_pdf_is_tagged_with_language_and_title(tagged):
    name, reader = tagged
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean object
    assert catalog["/Lang"] == "en"
    # Viewers show the title, not the file name.
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert reader.metadata.title.startswith(TITLE)
    kinds = structure(catalog["/StructTreeRoot"], [])
    assert kinds[0] == "/Document"
    assert {"/P", "/H1", "/H2", "/Link", "/L", "/LI"} <= set(kinds), name
    assert reader.outline  # bookmarks


@pytest.mark.pdf
def test_headings_are_tagged_in_order(tagged):
    name, reader = tagged
    kinds = structure(reader.trailer["/Root"]["/StructTreeRoot"], [])
    levels = [int(kind[2]) for kind in kinds if re.fullmatch(r"/H[1-6]", kind)]
    assert levels[0] == 1
    # Never deeper by more than one level: an H3 always under an H2, an H2 under an H1.
    jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert jumps == [], name
    h1 = levels.count(1)
    assert h1 == (7 if name == EDITION_PDF_NAME else 5)  # the parts (and the appendices)


@pytest.mark.pdf
def test_every_link_is_described(tagged):
    name, reader = tagged
    links = [
        annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object()["/Subtype"] == "/Link"
    ]
    assert len(links) > 50
    bare = [str(link.get("/Contents", "")) for link in links]
    assert all(bare), name
    # Internal links say where they lead in words, not as an id ("fn:7", "p1-3").
    raw = [text for text in bare if re.fullmatch(r"(fn|fnref\d*):\w+|p\d[\d-]*|note-\w+", text)]
    assert raw == [], name


@pytest.mark.pdf
@pytest.mark.parametrize("name", [PDF_NAME, PDF_LETTER_NAME, EDITION_PDF_NAME])
def test_the_pdfua_checker_finds_nothing(built_pdfs, name):
    report = validate(str(built_pdfs[name].path))
    findings = [(f.rule_id, f.severity.name, f.message) for f in report.findings]
    assert findings == []
    assert report.exit_code == 0


def marked_texts(page) -> dict[int, str]:
    """MCID → the text drawn inside that marked-content sequence of ``page``."""
    texts: dict[int, str] = {}
    open_ids: list[int | None] = []

    def before(operator, operands, cm, tm):
        if operator == b"BDC":
            properties = operands[1] if len(operands) > 1 else {}
            open_ids.append(properties.get("/MCID") if hasattr(properties, "get") else None)
        elif operator == b"BMC":
            open_ids.append(None)
        elif operator == b"EMC" and open_ids:
            open_ids.pop()

    def text(words, cm, tm, font, size):
        mcid = next((i for i in reversed(open_ids) if i is not None), None)
        if mcid is not None:
            texts[mcid] = texts.get(mcid, "") + words

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def notes_of(reader: PdfReader) -> list[tuple[str, str]]:
    """(``/ID``, text) of every ``/Note`` structure element, in the tree's order."""
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    texts = {
        (number, mcid): words
        for number, page in enumerate(reader.pages)
        for mcid, words in marked_texts(page).items()
    }
    found = []

    def content(element, page: int) -> str:
        element = element.get_object()
        if isinstance(element, ArrayObject):
            return "".join(content(kid, page) for kid in element)
        if isinstance(element, DictionaryObject):
            if "/Pg" in element:
                page = pages[element.raw_get("/Pg").idnum]
            return content(element["/K"], page) if "/K" in element else ""
        return texts.get((page, int(element)), "")

    def walk(element, page: int) -> None:
        element = element.get_object()
        if isinstance(element, ArrayObject):
            for kid in element:
                walk(kid, page)
        elif isinstance(element, DictionaryObject) and "/S" in element:
            page = pages[element.raw_get("/Pg").idnum] if "/Pg" in element else page
            if element["/S"] == "/Note":
                found.append((str(element.get("/ID", "")), content(element, page)))
            elif "/K" in element:
                walk(element["/K"], page)

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"], 0)
    return found


def squeeze(text: str) -> str:
    """Letters and digits only: line breaks and spacing do not count."""
    return re.sub(r"[^0-9A-Za-z]", "", text)


@pytest.mark.pdf
def test_footnotes_are_tagged_as_notes_with_their_ids(tagged):
    name, reader = tagged
    form = next(form for form in FORMS if form.name == name)
    html = BeautifulSoup(pdf_html(load_edition(ROOT), form), "html.parser")
    expected = [(note["id"], note["data-n"], note.get_text()) for note in html.select(".pdf-note")]
    notes = notes_of(reader)
    # One /Note per footnote, in the order of their calls, each with its own id.
    assert [ident for ident, _ in notes] == [ident for ident, _, _ in expected], name
    for (ident, text), (_, number, words) in zip(notes, expected, strict=True):
        # Its text is the footnote's: the marker (the paper's number), then the body; the
        # full edition adds the page of the note's entry after the verdict.
        text = re.sub(r"\s\(p\.\s\d+\)", "", text)
        assert squeeze(text) == squeeze(f"{number}. {words}"), (ident, text)
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    ids = tree["/IDTree"]["/Names"][::2]
    assert {ident for ident, _ in notes} <= set(ids)
    assert len(ids) == len(set(ids))  # unique, as PDF/UA-1 7.9 asks of a note's id


@pytest.mark.pdf
@pytest.mark.parametrize("name", [PDF_NAME, PDF_LETTER_NAME])
def test_footnotes_take_a_line_or_two(built_pdfs, name):
    lines = {
        ident: text.strip("\n").count("\n") + 1
        for ident, text in notes_of(PdfReader(built_pdfs[name].path))
    }
    # Each note's topic keeps it to two lines; a record with a long title (E12's, in
    # French) may take a third. The register's claims would take three or four.
    assert max(lines.values()) <= 3, lines
    assert sum(count > 2 for count in lines.values()) <= 1, lines
