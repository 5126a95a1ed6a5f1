"""The PDF edition: real footnotes with the paper's numbers, contents, outline, metadata.

Unit tests of the HTML reshaping and of failure handling run without a site build; the
rest read one PDF built from the session's site build with pypdf, and leave page images
in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import PAPER_PAGES, ROOT, edit
from edition.cli import main
from edition.model.addresses import EDITION_PDF_NAME, PDF_LETTER_NAME, PDF_NAME
from edition.model.edition import load_edition
from edition.model.register import load_register
from edition.publish import pdf as pdf_module
from edition.publish.pdf import FORMS, PdfError, human_size, pdf_html, typeset
from edition.publish.source_date import source_date

SITE_URL = load_edition(ROOT).site.url
PAPER, _LETTER, EDITION = FORMS


def shape(root: Path, form=PAPER) -> BeautifulSoup:
    """The HTML of one PDF for the project at ``root``, without SOURCE_DATE_EPOCH."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        return BeautifulSoup(pdf_html(load_edition(root), form), "html.parser")


@pytest.fixture(scope="module")
def shaped() -> BeautifulSoup:
    """The paper PDF's HTML, rendered for paper from the model (no site build, no PDF)."""
    return shape(ROOT)


@pytest.fixture(scope="module")
def shaped_edition() -> BeautifulSoup:
    """The full edition PDF's HTML: the paper, the sources and the timeline."""
    return shape(ROOT, EDITION)


def test_the_forms_are_the_published_files():
    assert [(f.name, f.contents, f.size) for f in FORMS] == [
        (PDF_NAME, "paper", "A4"),
        (PDF_LETTER_NAME, "paper", "letter"),
        (EDITION_PDF_NAME, "edition", "A4"),
    ]


def test_the_paper_pdf_holds_the_five_parts_only(shaped, shaped_edition):
    parts = ["title", "evolution", "cooperation", "future", "conclusion"]
    assert [h1["id"] for h1 in shaped.select("h1")] == parts
    assert [h1["id"] for h1 in shaped_edition.select("h1")] == [*parts, "sources", "timeline"]
    assert not shaped.select(".timeline, .timeline-event, #summary, .note-records")
    # The home page's cover line and milestones are there; pdf.css hides them (the PDF's
    # cover says the first; the real PDFs' tests check that neither prints).
    assert shaped.select_one("div.cover") and shaped.select_one("div.home-timeline")


def test_each_note_is_a_footnote_at_its_reference_with_the_papers_number(shaped):
    register = load_register(ROOT)
    note = shaped.select_one("p#p2-4-1 span.pdf-note")
    assert note["data-n"] == "7"  # the paper's number, for ::footnote-call and -marker
    assert note["id"] == "fn:7" and note.parent["id"] == "fnref:7"
    text = note.get_text()
    # What it covers (the register's topic, the edition's words: the original note is
    # lost), verdict, record; the full claim is in the note's entry, not at the foot.
    topic = register.notes["7"].topic.removesuffix(".")
    assert text.startswith(f" Original note lost. {topic}. Verdict: partly supported. "), text
    assert register.notes["7"].claim not in text
    assert "Note 7." not in text  # the footnote marker shows the number
    assert not note.select("p, ul, li, div")  # block tags would end the paragraph
    assert shaped.select_one("p#p0-1 span.pdf-note")["data-n"] == "E1"
    assert shaped.select_one("p#p0-1 span.pdf-note").get_text().startswith(" Editorial note. ")
    numbers = [n["data-n"] for n in shaped.select("span.pdf-note")]
    assert [n for n in numbers if n.isdigit()] == [str(n) for n in range(1, 11)]
    assert len(numbers) == len(set(numbers)) == len(register.notes)
    assert not shaped.select("div.footnote, .footnote-backref, sup.footnote-ref")


def test_a_footnote_names_one_record_the_first_primary_one(shaped):
    for note in load_register(ROOT).notes.values():
        records = shaped.select(f"span.pdf-note[data-n='{note.id}'] .pdf-record")
        primary = [r for r in note.records if r.primary]
        record = (primary or note.records)[0]
        assert len(records) == 1, note.id
        label = "Primary record: " if primary else "Record: "
        title = f"[{record.title}]" if record.title_supplied else record.title
        assert records[0].get_text().startswith(label + title), note.id
        assert records[0].select_one("a")["href"] == record.url


def test_a_second_reference_points_at_the_footnote(project):
    edit(project / "docs/future.md", "drones.[^10]", "drones.[^10] Again.[^10]")
    shaped = shape(project)
    again = shaped.select("span.pdf-note-anchor a.pdf-call")
    assert [(a["href"], a.get_text(), a.parent["id"]) for a in again] == [
        ("#fn:10", "10", "fnref2:10")
    ]
    assert len(shaped.select("span.pdf-note[data-n='10']")) == 1


def test_the_verdict_points_at_the_sources_on_paper_or_on_the_web(shaped, shaped_edition):
    link = shaped_edition.select_one("span.pdf-note[data-n='7'] a.pdf-pageref")
    assert link["href"] == "#note-7" and shaped_edition.select_one("#note-7")
    assert "details on the sources page" not in link.parent.get_text()  # pdf.css says p. N
    # The paper PDF has no sources pages: its verdicts lead to the web.
    link = shaped.select_one("span.pdf-note[data-n='7'] a.pdf-pageref")
    assert link["href"] == f"{SITE_URL}sources/#note-7"


def test_paragraphs_are_numbered_from_their_ids(shaped):
    assert shaped.select_one("p#p2-4-1").contents[0].get_text() == "¶ 2.4.1"
    assert shaped.select_one("p#p0-1 .pdf-pnum").get_text() == "¶ 0.1"


def test_links_to_paragraphs_are_marked_for_their_page_number(shaped_edition):
    marked = shaped_edition.select("a.pdf-pararef")
    assert len(marked) > 40  # the sources and the timeline point at the paper's paragraphs
    assert all(a["href"].startswith("#p") and shaped_edition.select_one(a["href"]) for a in marked)


def test_each_part_carries_its_web_address_once(shaped):
    after = shaped.select_one("h1#evolution").find_next_sibling("p")
    assert after.get_text() == f"Online: {SITE_URL}evolution/"
    assert len(shaped.select("p.print-source-url")) == len(shaped.select("h1"))


@pytest.mark.parametrize("form", FORMS[::2], ids=lambda form: form.contents)
def test_no_screen_control_is_rendered(form):
    assert not shape(ROOT, form).select(
        "button, form, input, .headerlink, .anchor-handle, .anchor-tools, .copy-link, "
        ".cite-box, .timeline-backlink, .timeline-strip, .edition-downloads, header"
    )


def test_cover_holds_title_publisher_place_date_and_site(shaped):
    cover = shaped.select_one("section.pdf-cover")
    text = " ".join(cover.get_text().split())
    assert text.startswith("Prospects for strategic partnership between Iraq and NATO")
    assert "Policy paper by Al-Bayan Center for Planning and Studies, Baghdad, August 2018." in text
    assert cover.select_one(f"a[href='{SITE_URL}']")
    assert cover.select_one("a[href='http://www.bayancenter.org/en/2018/08/1636/']")


def test_links_are_absolute_or_in_page(shaped):
    hrefs = [a["href"] for a in shaped.select("a[href]")]
    assert f"{SITE_URL}about/" in hrefs  # about.md, by the page → address rule
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
    assert not [h for h in hrefs if ".md" in h]


def test_metadata_comes_from_the_site(shaped):
    site = load_edition(ROOT).site
    assert shaped.title.get_text() == "Prospects for strategic partnership between Iraq and NATO"
    assert shaped.html["lang"] == "en"
    assert shaped.select_one("meta[name=author]")["content"] == site.author
    assert shaped.select_one("meta[name=description]")["content"] == site.description
    assert "NATO" in shaped.select_one("meta[name=keywords]")["content"]
    assert not shaped.select("meta[name='dcterms.created']")  # no date: reproducible


def test_source_date_epoch_dates_the_pdf(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1533081600")
    shaped = BeautifulSoup(pdf_html(load_edition(ROOT)), "html.parser")
    assert shaped.select_one("meta[name='dcterms.created']")["content"] == "2018-08-01T00:00:00Z"


@pytest.mark.parametrize(("size", "shown"), [(480_400, "480 KB"), (1_234_567, "1.2 MB")])
def test_human_size(size, shown):
    assert human_size(size) == shown


# ---- Failures: one line saying what to do, nothing half-written ----------------------


@pytest.fixture
def small_site(project: Path) -> Path:
    """A copy of the project with a built site folder holding good earlier PDFs."""
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>Home</title>")
    for form in FORMS:
        (site / form.name).write_bytes(b"%PDF- the earlier, good build")
    return project


def published(small_site: Path) -> list[Path]:
    """Files in the site root: the published PDFs and any leftover temporary file."""
    files = (small_site / "site").iterdir()
    return sorted(p.name for p in files if p.is_file() and p.name != "index.html")


@pytest.mark.pdf
def test_a_failed_build_leaves_every_published_pdf_alone(small_site, monkeypatch):
    real_write = pdf_module.load_weasyprint().document.Document.write_pdf
    written = []

    def fail_at_the_last(self, target, *args, **kwargs):
        written.append(target)
        if len(written) < len(FORMS):  # the paper PDFs are good, the edition fails
            return real_write(self, target, *args, **kwargs)
        Path(target).write_bytes(b"%PDF-1.7 half a document")
        raise RuntimeError("disk full")

    monkeypatch.setattr("weasyprint.document.Document.write_pdf", fail_at_the_last)
    with pytest.raises(RuntimeError, match="disk full"):
        pdf_module.build_pdfs(small_site / "site", small_site)
    assert len(written) == len(FORMS)
    names = sorted(form.name for form in FORMS)
    assert published(small_site) == names  # no temporary file left behind
    for name in names:
        assert (small_site / "site" / name).read_bytes() == b"%PDF- the earlier, good build"


@pytest.mark.pdf
def test_a_missing_font_fails_before_anything_is_published(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "REQUIRED_FONTS", ("Noto-Serif", "No-Such-Font"))
    target = tmp_path / PDF_NAME
    with pytest.raises(PdfError, match="fonts No-Such-Font are not installed; apt-get install"):
        typeset("<p>Words.</p>", tmp_path.as_uri() + "/", target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.pdf
def test_footnotes_the_tags_cannot_place_fail_before_anything_is_published(tmp_path, monkeypatch):
    # As if WeasyPrint laid out a footnote its tag tree does not have where expected.
    monkeypatch.setattr("edition.publish.pdf_access.footnotes_by_page", lambda doc: [["fn:1"]])
    target = tmp_path / PDF_NAME
    with pytest.raises(PdfError, match="tags: page 1: the footnote area is not where"):
        typeset('<html lang="en"><p>Words.</p></html>', tmp_path.as_uri() + "/", target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (ImportError("No module named 'weasyprint'"), "pip install --require-hashes"),
        (OSError("cannot load library 'libpango-1.0-0'"), "apt-get install fonts-noto-core"),
    ],
)
def test_missing_weasyprint_or_pango_says_what_to_install(
    small_site, monkeypatch, capsys, failure, expected
):
    real_import = __import__

    def fake_import(name, *args, **kwargs):
        if name == "weasyprint":
            raise failure
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("builtins.__import__", fake_import)
    code = main(["pdf", str(small_site / "site"), "--root", str(small_site)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and expected in err, err
    assert "Traceback" not in err
    assert published(small_site) == sorted(form.name for form in FORMS)


def test_building_before_the_site_says_so(tmp_path, capsys):
    assert main(["pdf", str(tmp_path / "site"), "--root", str(ROOT)]) == 1
    assert "build the site first (mkdocs build)" in capsys.readouterr().err


# ---- The real PDFs --------------------------------------------------------------------
# Built once per session (conftest.built_pdfs); each read once per module.


@pytest.fixture(scope="module")
def built_pdf(built_pdfs):
    """The paper PDF, as `make build` builds it."""
    return built_pdfs[PDF_NAME]


@pytest.fixture(scope="module")
def readers(built_pdfs) -> dict[str, PdfReader]:
    return {name: PdfReader(built.path) for name, built in built_pdfs.items()}


@pytest.fixture(scope="module")
def reader(readers) -> PdfReader:
    return readers[PDF_NAME]


def texts(reader: PdfReader) -> list[str]:
    """Each page's text, whitespace collapsed."""
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture(scope="module")
def page_texts(reader) -> list[str]:
    return texts(reader)


@pytest.fixture(scope="module")
def edition_texts(readers) -> list[str]:
    return texts(readers[EDITION_PDF_NAME])


def destinations_of(reader: PdfReader) -> dict[str, int]:
    """Every id in the document → the 0-based page it is on."""
    return {
        name: reader.get_destination_page_number(d) for name, d in reader.named_destinations.items()
    }


@pytest.fixture(scope="module")
def destinations(reader) -> dict[str, int]:
    return destinations_of(reader)


@pytest.fixture(scope="module")
def edition_destinations(readers) -> dict[str, int]:
    return destinations_of(readers[EDITION_PDF_NAME])


def letters(text: str) -> str:
    """Letters and digits only, lower case: line-end hyphens and spacing do not count."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def body_text(reader: PdfReader) -> str:
    """The running text of the whole PDF: Noto Serif of 9 pt or more, in reading order.

    Leaves out what WeasyPrint sets in the margin or at the foot (¶ numbers, footnotes,
    calls, running header and page numbers are Noto Sans or smaller), so that a sentence
    broken across two pages reads on.
    """
    parts: list[str] = []

    def keep(text, cm, tm, font, size):
        scale = abs(tm[0] * cm[0]) or 1
        if font and "Serif" in str(font.get("/BaseFont", "")) and size * scale >= 9:
            parts.append(text)

    for page in reader.pages:
        page.extract_text(visitor_text=keep)
    return "".join(parts)


@pytest.mark.build
@pytest.mark.pdf
@pytest.mark.parametrize("name", [PDF_NAME, PDF_LETTER_NAME])
def test_the_paper_pdf_holds_every_sentence_of_the_paper(readers, name):
    body = letters(body_text(readers[name]))
    everything = letters(" ".join(texts(readers[name])))
    blocks = [block for page in load_edition(ROOT).pages if page.is_paper for block in page.blocks]
    sentences = [
        sentence
        for block in blocks
        if block.kind == "paragraph"
        for sentence in re.split(r"(?<=[.!?])\s+", block.words)
    ]
    assert len(sentences) > 40  # guards against an unread model
    # In the running text, in order of reading across page breaks and footnotes.
    assert [sentence for sentence in sentences if letters(sentence) not in body] == []
    headings = [block.words for block in blocks if block.kind == "heading"]
    assert [heading for heading in headings if letters(heading) not in everything] == []


@pytest.mark.build
@pytest.mark.pdf
def test_page_counts(built_pdfs):
    pages = {name: built.pages for name, built in built_pdfs.items()}
    assert pages[PDF_NAME] <= 16  # a meeting's handout
    assert pages[PDF_LETTER_NAME] <= 17
    assert pages[EDITION_PDF_NAME] > pages[PDF_NAME] + 10  # sources and timeline follow


@pytest.mark.build
@pytest.mark.pdf
def test_the_letter_pdf_is_us_letter_and_the_others_a4(readers):
    def size(name):
        box = readers[name].pages[0].mediabox
        return round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)

    assert size(PDF_NAME) == size(EDITION_PDF_NAME) == (210, 297)
    assert size(PDF_LETTER_NAME) == (216, 279)


SCREEN_ONLY = (
    "Copy link",
    "On the timeline",
    "The paper’s events only",
    "The paper’s events and context",
    "Show ",
    "Cite this",
    "Download the paper",
    "The paper’s milestones",
)


@pytest.mark.build
@pytest.mark.pdf
@pytest.mark.parametrize("name", [PDF_NAME, EDITION_PDF_NAME])
def test_no_screen_only_words_print(readers, name):
    text = " ".join(texts(readers[name]))
    assert [words for words in SCREEN_ONLY if words in text] == []


@pytest.mark.build
@pytest.mark.pdf
def test_pdf_is_published_and_small(built_pdfs, built_site):
    for name, built in built_pdfs.items():
        assert built.path == built_site.site / name
        assert built.size < 2_000_000


@pytest.mark.build
@pytest.mark.pdf
@pytest.mark.parametrize("name", [PDF_NAME, EDITION_PDF_NAME])
def test_every_note_is_a_footnote_on_the_page_of_its_reference(built_site, readers, name):
    register = load_register(ROOT)
    destinations, page_texts = destinations_of(readers[name]), texts(readers[name])
    notes = list(register.notes)
    for note in notes:
        page = destinations[f"fnref:{note}"]
        assert destinations[f"fn:{note}"] == page, f"note {note} is not on its reference's page"
        text = page_texts[page]
        # The marker is the paper's number, followed by the note's own body.
        opening = "Editorial note." if note.startswith("E") else "Original note lost."
        assert f"{note}. {opening}" in text, (note, text)
        assert "Verdict: " + register.notes[note].verdict in text, (note, text)


@pytest.mark.build
@pytest.mark.pdf
def test_no_timeline_event_splits_across_pages(edition_texts, edition_destinations):
    timeline = load_edition(ROOT).timeline
    assert len(timeline.events) > 30
    for event in timeline.events:
        page = edition_destinations[event.anchor]
        text = letters(edition_texts[page])
        # The title opens the entry, its sentence ends it: both on the anchor's page.
        assert letters(event.title) in text, event.anchor
        assert letters(event.summary)[-40:] in text, event.anchor


@pytest.mark.build
@pytest.mark.pdf
def test_the_timeline_gives_the_page_of_each_paragraph(edition_texts, edition_destinations):
    # Every reference, not a sample: the numbers are written from the paper's layout
    # (publish/page_refs.py), so a wrong one would be wrong without WeasyPrint noticing.
    timeline = load_edition(ROOT).timeline
    checked = 0
    for event in timeline.events:
        page = edition_destinations[event.anchor]
        for _page, anchor in event.paragraphs:
            number = edition_destinations[anchor] + 1
            label = "¶ " + anchor.removeprefix("p").replace("-", ".")
            assert f"{label} (p. {number})" in edition_texts[page], (event.anchor, anchor)
            checked += 1
    assert checked > 20


@pytest.mark.build
@pytest.mark.pdf
def test_the_edition_prints_the_appendix_after_the_paper(edition_destinations):
    order = ["title", "evolution", "cooperation", "future", "conclusion", "sources", "timeline"]
    starts = [edition_destinations[anchor] for anchor in order]
    assert starts == sorted(starts)
    for note in load_register(ROOT).notes:
        assert edition_destinations[f"note-{note.lower()}"] >= edition_destinations["sources"]


@pytest.mark.build
@pytest.mark.pdf
def test_every_page_but_the_cover_says_page_n_of_m(page_texts):
    total = len(page_texts)
    assert "page 1 of" not in page_texts[0]
    for number, text in enumerate(page_texts[1:], start=2):
        assert f"page {number} of {total}" in text


@pytest.mark.build
@pytest.mark.pdf
def test_cover_names_title_publisher_date_and_site(page_texts, edition_texts):
    for cover in (page_texts[0], edition_texts[0]):
        for expected in (
            "Prospects for strategic partnership between Iraq and NATO",
            "Al-Bayan Center for Planning and Studies",
            "Baghdad",
            "August 2018",
            SITE_URL,
        ):
            assert expected in cover, expected
    assert "the edition, with sources and timeline" in edition_texts[0].lower()


@pytest.mark.build
@pytest.mark.pdf
def test_contents_give_the_page_each_part_starts_on(page_texts, destinations):
    contents = page_texts[1]
    assert "Contents" in contents
    for anchor, title in [
        ("evolution", "First: the evolution of the strategic relationship"),
        ("cyber-security", "4. Defence and cyber-security"),
        ("conclusion", "Conclusion"),
    ]:
        number = destinations[anchor] + 1
        assert re.search(re.escape(title) + r"[^0-9]*\.{3,}\s*" + str(number) + r"\b", contents)
    assert "Notes, sources and verification" not in contents  # the paper alone


def outline_of(reader: PdfReader) -> list[tuple[int, str]]:
    def titles(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from titles(item, depth + 1)
            else:
                yield depth, item.title

    return list(titles(reader.outline))


PARTS = [
    "Prospects for strategic partnership between Iraq and NATO",
    "First: the evolution of the strategic relationship between Iraq and NATO",
    "Secondly: the substance of the strategic cooperation between Iraq and NATO",
    "Third: The future of the bilateral strategic partnership",
    "Conclusion",
]


@pytest.mark.build
@pytest.mark.pdf
def test_outline_has_every_part_and_area(readers):
    outline = outline_of(readers[PDF_NAME])
    assert [title for depth, title in outline if depth == 0] == ["Contents", *PARTS]
    assert (1, "4. Defence and cyber-security") in outline
    top = [title for depth, title in outline_of(readers[EDITION_PDF_NAME]) if depth == 0]
    assert top == ["Contents", *PARTS, "Notes, sources and verification", "Timeline 2004–2018"]


@pytest.mark.build
@pytest.mark.pdf
def test_sections_carry_their_web_address_once(page_texts, destinations):
    for anchor in ("evolution", "cooperation", "future"):
        text = page_texts[destinations[anchor]]
        assert f"Online: {SITE_URL}{anchor}/" in text
    assert " ".join(page_texts).count(f"{SITE_URL}cooperation/") == 1


@pytest.mark.build
@pytest.mark.pdf
@pytest.mark.parametrize("name", [PDF_NAME, EDITION_PDF_NAME])
def test_metadata(readers, name):
    info = readers[name].metadata
    assert info.title.startswith("Prospects for strategic partnership between Iraq and NATO")
    assert info.author == "Al-Bayan Center for Planning and Studies"
    assert "policy paper" in info.subject
    assert "NATO" in info["/Keywords"] and "Iraq" in info["/Keywords"]
    # No build time: two builds are byte-identical. The edition plugin dates the build
    # (SOURCE_DATE_EPOCH: the caller's, else the last commit's), and that is the date.
    stamp = datetime.fromtimestamp(source_date(ROOT), UTC).strftime("D:%Y%m%d%H%M%S")
    assert info["/CreationDate"].startswith(stamp)


@pytest.mark.build
@pytest.mark.pdf
def test_links_are_clickable_inside_and_out(reader):
    internal = external = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A", {})
            if "/URI" in action:
                external += 1
            elif "/Dest" in annotation or action.get("/S") == "/GoTo":
                internal += 1
    assert internal >= 12  # the contents alone link every part and area
    assert external >= 10  # the records of the notes


@pytest.mark.build
@pytest.mark.pdf
def test_fonts_are_noto_and_embedded(reader):
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert all(fonts.values()), fonts
    assert [family for family in ("Noto-Serif", "Noto-Sans") if family not in str(fonts)] == []


@pytest.mark.build
@pytest.mark.pdf
def test_every_page_shows_the_real_size_of_each_pdf(built_site, built_pdfs):
    shown = {}
    for page in built_site.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for size in soup.select("span[data-pdf-size]"):
            name = size["data-pdf-size"] or PDF_NAME
            assert size.get_text() == f"PDF, {human_size(built_pdfs[name].size)}", page
            shown[name] = size.get_text()
    assert set(shown) == {PDF_NAME, EDITION_PDF_NAME}


@pytest.mark.build
@pytest.mark.pdf
@pytest.mark.parametrize("name", [*PAPER_PAGES, "sources", "timeline", "about"])
def test_each_page_links_its_part_in_each_pdf_that_holds_it(
    built_site, destinations, edition_destinations, name
):
    page = built_site.page(name)
    links = page.select("div.edition-downloads a[href*='.pdf#']")
    parts = {a["href"].split("/")[-1].partition("#")[0]: a["href"].partition("#")[2] for a in links}
    # The paper's parts are in both PDFs; the sources and the timeline in the full edition.
    expected = {
        "about": set(),
        "sources": {EDITION_PDF_NAME},
        "timeline": {EDITION_PDF_NAME},
    }.get(name, {PDF_NAME, EDITION_PDF_NAME})
    assert set(parts) == expected, parts
    title = page.select_one("article h1")["id"]
    held = {PDF_NAME: destinations, EDITION_PDF_NAME: edition_destinations}
    for pdf, anchor in parts.items():
        assert anchor == title
        assert anchor in held[pdf], (pdf, anchor)  # a named destination of that PDF


@pytest.mark.build
@pytest.mark.pdf
def test_web_and_pdf_link_to_each_other(built_site, reader, destinations):
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/URI" in annotation.get_object().get("/A", {})
    }
    for name in PAPER_PAGES:
        page = built_site.page(name)
        # The web page → its part in the paper PDF, by a named destination.
        link = page.select_one(f"div.edition-downloads a[href*='{PDF_NAME}#']")
        anchor = link["href"].partition("#")[2]
        assert anchor == page.select_one("article h1")["id"]
        assert anchor in destinations, anchor
        # The PDF's address line under the part's title → the web page.
        assert SITE_URL + ("" if name == "index" else f"{name}/") in uris, name
