"""The PDF edition: real footnotes with the paper's numbers, contents, outline, metadata.

Unit tests of the HTML reshaping and of failure handling run without a site build; the
rest read one PDF built from the session's site build with pypdf, and leave page images
in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT
from edition.cli import pdf_main
from edition.model.addresses import PDF_NAME
from edition.model.config import Site
from edition.model.register import load_register
from edition.publish import pdf as pdf_module
from edition.publish.pdf import PdfError, build_pdf, human_size, pdf_html, typeset

ARTIFACTS = ROOT / "test-artifacts"
SITE = Site(
    url="https://edition.example.org/",
    name="A paper",
    author="Al-Bayan Center for Planning and Studies",
    description="An edition.",
)
# A print page as Material renders it, cut down to what pdf.py reshapes.
PRINT_PAGE = """<!doctype html><html><body><header class="md-header">chrome</header>
<article class="md-content__inner md-typeset">
<div class="editorial edition-downloads"><a href="../x.pdf">PDF</a></div>
<p class="editorial edition-page-url">https://edition.example.org/print/</p>
<h1 id="title">The paper<a class="headerlink" href="#title">¶</a></h1>
<p class="editorial print-source-url">Online:
  <a class="url" href="https://edition.example.org/">https://edition.example.org/</a></p>
<div class="editorial cover"><p>A paper by <strong>the Center</strong>, August 2018.</p></div>
<p id="p0-1">Opening.<sup id="fnref:E1" class="editorial"
  ><a class="footnote-ref" href="#fn:E1">E1</a></sup></p>
<h1 id="cooperation">Secondly</h1>
<p class="editorial print-source-url">Online: <a class="url"
  href="https://edition.example.org/cooperation/">https://edition.example.org/cooperation/</a></p>
<h2 id="cyber-security">4. Cyber</h2>
<p id="p2-4-1">Cyber threats.<sup id="fnref:7"><a class="footnote-ref" href="#fn:7">7</a></sup>
  Again<sup id="fnref2:7"><a class="footnote-ref" href="#fn:7">7</a></sup>
  and <a href="../about/">about</a>.</p>
<div class="footnote editorial"><hr><ol>
<li id="fn:E1"><p class="note-status"
  ><strong class="note-number">Note E1.</strong> Editorial note.</p>
<ul class="note-records">
<li class="record"><a href="https://nato.int/e1">E1 record</a>. NATO, 2018.</li>
</ul></li>
<li id="fn:7" value="7"><p class="note-status"
  ><strong class="note-number">Note 7.</strong> Original note text not available.</p>
<p class="note-verdict">Verdict: <a href="#note-7">supported</a> (details on the sources page)</p>
<ul class="note-records">
<li class="record"><a href="https://nato.int/7">Seven</a>. NATO, 2017.</li>
</ul>
<p class="note-backrefs"><a class="footnote-backref" href="#fnref:7">↩</a></p></li>
</ol></div>
</article></body></html>"""


# ---- Reshaping the print page for paper ----------------------------------------------


@pytest.fixture(scope="module")
def shaped() -> BeautifulSoup:
    # Without SOURCE_DATE_EPOCH, whatever the caller's environment (`make` exports it).
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        return BeautifulSoup(pdf_html(PRINT_PAGE, SITE), "html.parser")


def test_each_note_becomes_a_footnote_at_its_first_reference(shaped):
    note = shaped.select_one("p#p2-4-1 > span.pdf-note")
    assert note["data-n"] == "7"  # the paper's number, for ::footnote-call and -marker
    assert note["id"] == "fn:7"
    assert "Original note text not available." in note.get_text()
    assert "Note 7." not in note.get_text()  # the marker shows the number
    assert note.select_one("a[href='https://nato.int/7']")
    assert not note.select("p, ul, li, div")  # block tags would end the paragraph
    # The second reference points at the footnote instead of repeating it.
    again = shaped.select_one("p#p2-4-1 a.pdf-call")
    assert again["href"] == "#fn:7" and again.get_text() == "7"
    assert shaped.select_one("p#p0-1 > span.pdf-note")["data-n"] == "E1"
    assert not shaped.select("div.footnote, .footnote-backref")


def test_reference_anchors_stay_where_the_note_is_called(shaped):
    anchors = [span["id"] for span in shaped.select("p#p2-4-1 span.pdf-note-anchor")]
    assert anchors == ["fnref:7", "fnref2:7"]


def test_the_verdict_points_at_its_page_in_the_sources(shaped):
    link = shaped.select_one("span.pdf-note a.pdf-pageref")
    assert link["href"] == "#note-7"
    assert "details on the sources page" not in link.parent.get_text()  # pdf.css says p. N


def test_paragraphs_are_numbered_from_their_ids(shaped):
    assert shaped.select_one("p#p2-4-1").contents[0].get_text() == "¶ 2.4.1"
    assert shaped.select_one("p#p0-1 .pdf-pnum").get_text() == "¶ 0.1"


def test_links_to_paragraphs_are_marked_for_their_page_number():
    html = PRINT_PAGE.replace("and <a href=", 'see <a href="#p0-1">¶ 0.1</a> and <a href=')
    shaped = BeautifulSoup(pdf_html(html, SITE), "html.parser")
    assert shaped.select_one("a[href='#p0-1']")["class"] == ["pdf-pararef"]
    assert not shaped.select("a.pdf-pararef:not([href^='#p'])")


def test_headings_carry_their_web_address(shaped):
    area = shaped.select_one("h2#cyber-security").find_next_sibling("p")
    assert area.get_text() == "Online: https://edition.example.org/cooperation/#cyber-security"


def test_cover_holds_title_publisher_date_and_site(shaped):
    cover = shaped.select_one("section.pdf-cover")
    text = " ".join(cover.get_text().split())
    assert text.startswith("The paper")
    assert "the Center, August 2018" in text
    assert cover.select_one("a[href='https://edition.example.org/']")
    assert not shaped.select("article .cover, .edition-downloads, .headerlink, header")


def test_links_are_absolute_or_in_page(shaped):
    hrefs = [a["href"] for a in shaped.select("a[href]")]
    assert "https://edition.example.org/about/" in hrefs
    assert all(h.startswith(("#", "https://")) for h in hrefs), hrefs


def test_metadata_comes_from_the_site(shaped):
    assert shaped.title.get_text() == "The paper"
    assert shaped.select_one("meta[name=author]")["content"] == SITE.author
    assert shaped.select_one("meta[name=description]")["content"] == SITE.description
    assert "NATO" in shaped.select_one("meta[name=keywords]")["content"]
    assert not shaped.select("meta[name='dcterms.created']")  # no date: reproducible


def test_source_date_epoch_dates_the_pdf(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1533081600")
    shaped = BeautifulSoup(pdf_html(PRINT_PAGE, SITE), "html.parser")
    assert shaped.select_one("meta[name='dcterms.created']")["content"] == "2018-08-01T00:00:00Z"


@pytest.mark.parametrize(("size", "shown"), [(480_400, "480 KB"), (1_234_567, "1.2 MB")])
def test_human_size(size, shown):
    assert human_size(size) == shown


# ---- Failures: one line saying what to do, nothing half-written ----------------------


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """A built site holding only the print page, plus a good PDF from an earlier build."""
    site = tmp_path / "site"
    (site / "print").mkdir(parents=True)
    (site / "print" / "index.html").write_text(PRINT_PAGE)
    (site / PDF_NAME).write_bytes(b"%PDF- the earlier, good build")
    (tmp_path / "mkdocs.yml").write_text("site_name: A paper\nsite_url: https://e.example.org/\n")
    return tmp_path


def published(small_site: Path) -> list[Path]:
    """Files in the site root: the published PDF and any leftover temporary file."""
    return sorted(p.name for p in (small_site / "site").iterdir() if p.is_file())


@pytest.mark.pdf
def test_a_failed_build_leaves_the_published_pdf_alone(small_site, monkeypatch):
    def fail_halfway(self, target, *args, **kwargs):
        Path(target).write_bytes(b"%PDF-1.7 half a document")
        raise RuntimeError("disk full")

    monkeypatch.setattr("weasyprint.document.Document.write_pdf", fail_halfway)
    with pytest.raises(RuntimeError, match="disk full"):
        build_pdf(small_site / "site", small_site)
    assert published(small_site) == [PDF_NAME]  # no temporary file left behind
    assert (small_site / "site" / PDF_NAME).read_bytes() == b"%PDF- the earlier, good build"


@pytest.mark.pdf
def test_a_missing_font_fails_before_anything_is_published(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "REQUIRED_FONTS", ("Noto-Serif", "No-Such-Font"))
    target = tmp_path / PDF_NAME
    with pytest.raises(PdfError, match="fonts No-Such-Font are not installed; apt-get install"):
        typeset("<p>Words.</p>", tmp_path.as_uri() + "/", target)
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
    code = pdf_main([str(small_site / "site"), "--root", str(small_site)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and expected in err, err
    assert "Traceback" not in err
    assert published(small_site) == [PDF_NAME]


def test_building_before_the_site_says_so(tmp_path, capsys):
    assert pdf_main([str(tmp_path / "site"), "--root", str(ROOT)]) == 1
    assert "build the site first (make build)" in capsys.readouterr().err


# ---- The real PDF ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_pdf(built_site):
    """The PDF built from the session's site, as `make build` builds it."""
    return build_pdf(built_site.site, ROOT)


@pytest.fixture(scope="module")
def reader(built_pdf) -> PdfReader:
    return PdfReader(built_pdf.path)


@pytest.fixture(scope="module")
def page_texts(reader) -> list[str]:
    """Each page's text, whitespace collapsed."""
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture(scope="module")
def destinations(reader) -> dict[str, int]:
    """Every id in the document → the 0-based page it is on."""
    return {
        name: reader.get_destination_page_number(d) for name, d in reader.named_destinations.items()
    }


def cited_notes(built_site) -> list[str]:
    """The notes the print page cites, in order of first reference."""
    refs = built_site.page("print").select("article sup[id^='fnref'] a.footnote-ref")
    return list(dict.fromkeys(a.get_text() for a in refs))


@pytest.mark.build
@pytest.mark.pdf
def test_pdf_is_published_small_and_multi_page(built_pdf, built_site):
    assert built_pdf.path == built_site.site / PDF_NAME
    assert 8 < built_pdf.pages < 60
    assert built_pdf.size < 2_000_000


@pytest.mark.build
@pytest.mark.pdf
def test_every_note_is_a_footnote_on_the_page_of_its_reference(
    built_site, destinations, page_texts
):
    register = load_register(ROOT)
    notes = cited_notes(built_site)
    assert [n for n in notes if n.isdigit()] == [str(n) for n in range(1, 11)]
    for note in notes:
        page = destinations[f"fnref:{note}"]
        assert destinations[f"fn:{note}"] == page, f"note {note} is not on its reference's page"
        text = page_texts[page]
        # The marker is the paper's number, followed by the note's own body.
        opening = "Editorial note." if note.startswith("E") else "Original note text not available"
        assert f"{note}. {opening}" in text, (note, text)
        first_record = " ".join(register.notes[note].records[0].title.split())
        assert first_record[:40] in text, (note, first_record)


@pytest.mark.build
@pytest.mark.pdf
def test_every_page_but_the_cover_says_page_n_of_m(page_texts):
    total = len(page_texts)
    assert "page 1 of" not in page_texts[0]
    for number, text in enumerate(page_texts[1:], start=2):
        assert f"page {number} of {total}" in text


@pytest.mark.build
@pytest.mark.pdf
def test_cover_names_title_publisher_date_and_site(page_texts):
    cover = page_texts[0]
    for expected in (
        "Prospects for strategic partnership between Iraq and NATO",
        "Al-Bayan Center for Planning and Studies",
        "August 2018",
        "https://iraq-nato.example.org/",
    ):
        assert expected in cover, expected


@pytest.mark.build
@pytest.mark.pdf
def test_contents_give_the_page_each_part_starts_on(page_texts, destinations):
    contents = page_texts[1]
    assert "Contents" in contents
    for anchor, title in [
        ("evolution", "First: the evolution of the strategic relationship"),
        ("cyber-security", "4. Defence and cyber-security"),
        ("sources", "Notes, sources and verification"),
    ]:
        number = destinations[anchor] + 1
        assert re.search(re.escape(title) + r"[^0-9]*\.{3,}\s*" + str(number) + r"\b", contents)


@pytest.mark.build
@pytest.mark.pdf
def test_outline_has_every_part_and_area(reader, built_site):
    def titles(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from titles(item, depth + 1)
            else:
                yield depth, item.title

    outline = list(titles(reader.outline))
    top = [title for depth, title in outline if depth == 0]
    printed = [
        h1.find(string=True, recursive=False).strip()
        for h1 in built_site.page("print").select("article h1")
    ]
    assert top == ["Contents", *printed]
    assert top[1:6] == [
        "Prospects for strategic partnership between Iraq and NATO",
        "First: the evolution of the strategic relationship between Iraq and NATO",
        "Secondly: the substance of the strategic cooperation between Iraq and NATO",
        "Third: The future of the bilateral strategic partnership",
        "Conclusion",
    ]
    assert (1, "4. Defence and cyber-security") in outline


@pytest.mark.build
@pytest.mark.pdf
def test_sections_carry_their_web_address(page_texts, destinations):
    text = page_texts[destinations["evolution"]]
    assert "https://iraq-nato.example.org/evolution/" in text
    text = page_texts[destinations["cyber-security"]]
    assert "https://iraq-nato.example.org/cooperation/#cyber-security" in text


@pytest.mark.build
@pytest.mark.pdf
def test_metadata(reader):
    info = reader.metadata
    assert info.title == "Prospects for strategic partnership between Iraq and NATO"
    assert info.author == "Al-Bayan Center for Planning and Studies"
    assert "policy paper" in info.subject
    assert "NATO" in info["/Keywords"] and "Iraq" in info["/Keywords"]
    # No build time: two builds are byte-identical. `make` sets SOURCE_DATE_EPOCH (the
    # last commit's time), and then that is the date.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        stamp = datetime.fromtimestamp(int(epoch), UTC).strftime("D:%Y%m%d%H%M%S")
        assert info["/CreationDate"].startswith(stamp)
    else:
        assert "/CreationDate" not in info


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
def test_every_page_shows_the_real_pdf_size(built_site, built_pdf):
    for page in built_site.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for size in soup.select("span[data-pdf-size]"):
            assert size.get_text() == f"PDF, {human_size(built_pdf.size)}", page


@pytest.mark.build
@pytest.mark.pdf
def test_two_builds_are_byte_identical(built_site, built_pdf, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site.site / "print", copy / "print")
    code = "import sys; from edition.cli import pdf_main; sys.exit(pdf_main(sys.argv[1:]))"
    subprocess.run(
        [sys.executable, "-c", code, str(copy), "--root", str(ROOT)], check=True, cwd=ROOT
    )
    assert filecmp.cmp(built_pdf.path, copy / PDF_NAME, shallow=False)


@pytest.mark.build
@pytest.mark.pdf
def test_page_images_for_a_person_to_look_at(built_pdf, destinations):
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm is missing: apt-get install poppler-utils")
    ARTIFACTS.mkdir(exist_ok=True)
    notes_page = destinations["fn:7"] + 1
    for name, page in (("pdf-cover", 1), ("pdf-contents", 2), ("pdf-footnotes", notes_page)):
        prefix = ARTIFACTS / name
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-singlefile",
                "-f",
                str(page),
                "-l",
                str(page),
                built_pdf.path,
                prefix,
            ],
            check=True,
        )
        assert prefix.with_suffix(".png").stat().st_size > 5_000
