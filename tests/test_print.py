"""/print/ and browser printing: the whole paper on one page, clean on paper in any scheme.

Fastest first: the ``[[print]]`` extension on a tiny project, the check's ``not_in_nav``,
then the real print page of one site build, then Chromium emulating print media.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import PAPER_PAGES, ROOT
from edition.checks.project import _not_in_nav, check_navigation
from edition.extensions.print_page import PRINTED_PAGES, PrintPageExtension, strip_front_matter
from edition.model.addresses import EDITION_PDF_NAME, PDF_NAME
from edition.model.config import read_config
from edition.model.edition import load_edition
from edition.publish.pdf import human_size

ARTIFACTS = ROOT / "test-artifacts"
SITE_URL = "https://edition.example.org/"


def nav_problems(project: Path) -> list:
    return check_navigation(read_config(project), list(load_edition(project).pages))


# ---- The extension, on a tiny project ------------------------------------------------


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A project whose printed pages are one heading and one paragraph each."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Tiny\nsite_url: {SITE_URL}\n")
    for number, name in enumerate(PRINTED_PAGES):
        body = (
            f"---\ntitle: Page {name}\ndescription: about {name}\n---\n\n"
            f"# Title of {name} {{ #{name}-title }}\n\n"
            f"## Part of {name} {{ #{name}-part }}\n\n"
            f"Words of {name}, see [the next page](evolution.md#p-evolution) "
            f"and [the whole next page](future.md) and [about](about.md).\n"
            f"{{: #p-{name} }}\n\n"
            f'<p class="editorial"><a href="claims.json">data {number}</a></p>\n'
        )
        (tmp_path / "docs" / f"{name}.md").write_text(body)
    return tmp_path


def render(root: Path, text: str) -> BeautifulSoup:
    md = markdown.Markdown(
        extensions=["attr_list", "md_in_html", "toc", PrintPageExtension(root=str(root))]
    )
    return BeautifulSoup(md.convert(text), "html.parser")


def test_placeholder_becomes_every_printed_page_in_order(tiny):
    html = render(tiny, "[[print]]\n")
    assert [h["id"] for h in html.select("h1")] == [f"{name}-title" for name in PRINTED_PAGES]
    assert [p["id"] for p in html.select("p[id]")] == [f"p-{name}" for name in PRINTED_PAGES]
    # Front matter is the page's, not text to print.
    assert "description:" not in html.get_text()


def test_contents_link_every_page_title_and_its_parts(tiny):
    contents = render(tiny, "[[print]]\n").select_one("nav.print-contents")
    assert "editorial" in contents["class"]
    top = [a["href"] for a in contents.select(":scope > ul > li > a")]
    assert top == [f"#{name}-title" for name in PRINTED_PAGES]
    assert contents.select_one("ul ul a")["href"] == "#index-part"


def test_each_page_title_is_followed_by_its_web_address(tiny):
    html = render(tiny, "[[print]]\n")
    for name in PRINTED_PAGES:
        address = html.select_one(f"h1#{name}-title").find_next_sibling("p")
        expected = SITE_URL if name == "index" else f"{SITE_URL}{name}/"
        assert "print-source-url" in address["class"] and "editorial" in address["class"]
        assert address.a["href"] == expected and address.a.get_text() == expected


def test_links_to_printed_pages_become_in_page_anchors(tiny):
    hrefs = [a["href"] for a in render(tiny, "[[print]]\n").select("p[id] a")]
    assert "#p-evolution" in hrefs  # evolution.md#p-evolution
    assert "#future-title" in hrefs  # future.md: the page's title
    assert "about.md" in hrefs  # not printed: left for the engine to resolve
    assert not [href for href in hrefs if re.match(r"(index|evolution|future)\.md", href)]


def test_relative_urls_in_raw_html_keep_pointing_at_their_page(tiny):
    html = render(tiny, "[[print]]\n")
    hrefs = [a["href"] for a in html.select("p.editorial:not(.print-source-url) a")]
    assert hrefs == ["../claims.json"] + [f"../{name}/claims.json" for name in PRINTED_PAGES[1:]]
    assert "print-page:" not in str(html)  # the marks that told pages apart are gone


def test_a_missing_printed_page_is_a_warning_not_a_crash(tiny, caplog):
    (tiny / "docs" / "future.md").unlink()
    html = render(tiny, "[[print]]\n")
    assert "future.md not found" in caplog.text
    # A strict build fails on the warning; the other pages are still there to look at.
    assert caplog.records[0].name.startswith("mkdocs.")
    assert len(html.select("h1")) == len(PRINTED_PAGES) - 1


def test_pages_without_the_placeholder_are_untouched(tiny):
    text = "# Other { #other }\n\nSee [a paragraph](evolution.md#p-evolution).\n"
    html = render(tiny, text)
    assert html.select_one("a")["href"] == "evolution.md#p-evolution"
    assert not html.select(".print-contents")


def test_front_matter_is_stripped_only_at_the_top():
    assert strip_front_matter("---\ntitle: x\n---\n# T\n\n---\n") == "# T\n\n---\n"
    assert strip_front_matter("# T\n---\nnot: front matter\n---\n").startswith("# T")


# ---- The check: pages out of the nav on purpose ---------------------------------------


@pytest.mark.parametrize(
    ("patterns", "page", "unlisted"),
    [
        ("/print.md", "print.md", True),
        ("/print.md", "drafts/print.md", False),  # anchored to docs/
        ("print.md", "drafts/print.md", True),  # a bare name matches at any depth
        ("drafts/*.md", "drafts/x.md", True),
        ("# a comment\n\n/print.md\n", "about.md", False),
        (None, "print.md", False),
    ],
)
def test_not_in_nav_patterns(patterns, page, unlisted):
    assert _not_in_nav(patterns)(page) is unlisted


def test_check_accepts_a_page_listed_in_not_in_nav(project):
    config = project / "mkdocs.yml"
    assert "not_in_nav: |\n  /print.md\n" in config.read_text()
    assert not [
        p
        for p in check_navigation(read_config(project), list(load_edition(project).pages))
        if "print.md" in str(p)
    ]
    # Without the entry, the page is reported like any page missing from the nav.
    config.write_text(config.read_text().replace("not_in_nav: |\n  /print.md\n", ""))
    problems = [
        str(p) for p in check_navigation(read_config(project), list(load_edition(project).pages))
    ]
    assert any("docs/print.md is not in the navigation" in p for p in problems), problems


# ---- The real print page ----------------------------------------------------------------


def paper_part(soup: BeautifulSoup, start: str, stop: str | None):
    """Elements of the print page's article from h1#start up to h1#stop."""
    element = soup.select_one(f"article h1#{start}")
    part = []
    while element is not None and not (element.name == "h1" and element.get("id") == stop):
        part.append(element)
        element = element.find_next_sibling()
    return part


@pytest.mark.build
def test_print_page_is_built_but_not_in_the_navigation(built_site):
    assert (built_site.site / "print" / "index.html").is_file()
    nav = built_site.page("index").select("nav.md-nav--primary a[href]")
    assert not [a for a in nav if "print" in a["href"]]


@pytest.mark.build
def test_search_finds_each_passage_on_its_own_page_not_on_print(built_site):
    index = json.loads((built_site.site / "search" / "search_index.json").read_text())
    pages = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert "evolution/" in pages and "print/" not in pages


@pytest.mark.build
def test_print_page_holds_the_paper_in_reading_order(built_site):
    printed = built_site.page("print")
    titles = [h["id"] for h in printed.select("article h1")]
    page_titles = [built_site.page(name).select_one("article h1")["id"] for name in PRINTED_PAGES]
    assert titles == page_titles

    # Every heading and paragraph of the author's text, in the paper's order, same words
    # (the edition's additions, numbers and notes, set aside on both sides).
    def words(element) -> str:
        for extra in element.select(".editorial, sup, .pdf-note-anchor"):
            extra.decompose()
        return element.get_text(" ", strip=True)

    expected = [
        (element["id"], words(element))
        for name in PAPER_PAGES
        for element in built_site.page(name).select("article h2[id], article p[id]")
    ]
    actual = [
        (element["id"], words(element))
        for element in printed.select("article h2[id], article p[id]")
    ][: len(expected)]
    assert actual == expected


@pytest.mark.build
def test_print_page_notes_keep_the_papers_numbers(built_site):
    printed = built_site.page("print")
    paper_refs = [
        a.get_text()
        for name in PAPER_PAGES
        for a in built_site.page(name).select("article sup[id^='fnref'] a.footnote-ref")
    ]
    # Rendered for paper: each note at its first reference, numbered as in the paper,
    # and no note list at the end (the PDF floats each one to the foot of its page).
    printed_notes = [note["data-n"] for note in printed.select("article span.pdf-note")]
    assert printed_notes == list(dict.fromkeys(paper_refs))
    assert [n for n in printed_notes if n.isdigit()] == [str(n) for n in range(1, 11)]
    assert not printed.select("div.footnote, sup.footnote-ref")


@pytest.mark.build
def test_print_page_ids_are_unique_and_every_in_page_link_lands(built_site):
    html = (built_site.site / "print" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', html)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []
    article = built_site.page("print").select_one("article")
    targets = {a["href"][1:] for a in article.select("a[href^='#']")}
    assert targets - set(ids) == set()
    # Links between the printed pages stay on the page.
    assert not article.select("a[href*='../evolution/#'], a[href*='../sources/#']")


@pytest.mark.build
def test_print_page_contents_list_every_part(built_site):
    contents = built_site.page("print").select_one("nav.print-contents")
    top = [a["href"] for a in contents.select(":scope > ul > li > a")]
    assert top[:5] == ["#title", "#evolution", "#cooperation", "#future", "#conclusion"]
    assert top[5:] == ["#sources", "#timeline"]  # the verification appendix, then the timeline
    areas = [a["href"] for a in contents.select("a[href='#cooperation'] + ul a")]
    assert len(areas) == 7 and "#cyber-security" in areas


@pytest.mark.build
@pytest.mark.parametrize("name", [*PAPER_PAGES, "sources", "about", "print"])
def test_every_page_links_the_pdf_and_the_print_page(built_site, name):
    downloads = built_site.page(name).select_one("article div.edition-downloads")
    assert "editorial" in downloads["class"]  # not the author's words
    assert downloads.select_one("a[href$='iraq-nato-partnership.pdf'][download]")
    assert downloads.select_one("span[data-pdf-size]")  # the PDF step writes the size here
    if name != "print":
        assert downloads.select_one("a[href$='print/']")


@pytest.mark.browser
@pytest.mark.parametrize(("width", "labels"), [(375, "short"), (1280, "long")])
def test_the_download_line_takes_two_lines_on_a_phone_and_a_laptop(
    browser, site_url, built_pdfs, width, labels
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/evolution/")
    downloads = page.locator("article .edition-downloads")
    lines = downloads.evaluate(
        "d => Math.round(d.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(d).lineHeight))"
    )
    assert lines <= 2, lines  # it took four at 375 px with the long labels
    text = downloads.inner_text()
    for name in (PDF_NAME, EDITION_PDF_NAME):  # the real sizes, at every width
        assert f"PDF, {human_size(built_pdfs[name].size)}" in text, text
    visible = {
        "short": ["The paper", "Full edition", "On one page"],
        "long": ["Download the paper", "The full edition", "The whole paper on one page"],
    }[labels]
    for label in visible:
        assert downloads.get_by_role("link", name=label, exact=True).is_visible(), label
    # The part links say in full what they lead to, at any width; so does US Letter.
    for label in ("This part in the paper PDF", "This part in the full edition PDF", "US Letter"):
        assert downloads.get_by_role("link", name=label, exact=True).is_visible(), label
    context.close()


# ---- Browser printing in Chromium -------------------------------------------------------


@pytest.fixture(params=["light", "dark"])
def printed(request, browser, site_url):
    """/about/ (it has external links) as Chromium prints it, in each colour scheme."""
    # About the width of an A4 page at 96 dpi: what must fit on paper must fit here.
    viewport = {"width": 760, "height": 1000}
    context = browser.new_context(color_scheme=request.param, viewport=viewport)
    page = context.new_page()
    page.goto(site_url + "/about/")
    page.emulate_media(media="print")
    yield request.param, page
    context.close()


def visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


@pytest.mark.browser
def test_printing_hides_the_site_chrome(printed):
    _, page = printed
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not visible(page, chrome), chrome
    assert not visible(page, ".edition-downloads")
    assert visible(page, "article h1")


@pytest.mark.browser
def test_printing_shows_the_page_address_and_link_addresses(printed, site_url):
    _, page = printed
    assert page.locator(".edition-page-url").inner_text().endswith("/about/")
    after = page.eval_on_selector(
        "article a[href^='http']", "a => getComputedStyle(a, '::after').content"
    )
    href = page.get_attribute("article a[href^='http']", "href")
    assert href in after
    # In-page links (headings, notes) print no address.
    internal = page.eval_on_selector(
        "article a[href^='#']", "a => getComputedStyle(a, '::after').content"
    )
    assert internal in ("none", "normal", "")


@pytest.mark.browser
def test_printing_is_dark_on_white_in_either_scheme(printed):
    scheme, page = printed
    chosen = page.get_attribute("body", "data-md-color-scheme")
    assert chosen == ("slate" if scheme == "dark" else "default")  # the scheme really applied
    colour = page.eval_on_selector("article p", "p => getComputedStyle(p).color")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(v) for v in re.findall(r"\d+", colour)[:3])
    assert max(red, green, blue) < 80, colour  # dark text
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background


@pytest.mark.browser
def test_printing_clips_nothing(printed):
    _, page = printed
    # A box that hides or scrolls what does not fit would cut it off on paper.
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('article *')]
          .filter(e => getComputedStyle(e).overflowX !== 'visible'
                       && e.scrollWidth > e.clientWidth + 1)
          .map(e => e.tagName + '.' + e.className)"""
    )
    assert clipped == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
def test_a_paragraphs_menu_and_cite_dialog_do_not_print_its_number_does(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/cooperation/")
    control = page.locator("p#p2-4-1 a.edition-control")
    control.click()  # opens the paragraph's menu (edition.js builds it now)
    assert page.locator("#edition-menu").is_visible()
    page.locator("#edition-menu button", has_text="Cite").click()
    assert page.locator("dialog.edition-cite").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("#edition-menu").is_visible()
    assert not page.locator("dialog.edition-cite").is_visible()
    # The number prints as a number a reader cites by, not as a control.
    assert control.is_visible() and "2.4.1" in control.inner_text()
    style = control.evaluate(
        "a => [getComputedStyle(a).textDecorationLine, getComputedStyle(a).backgroundColor]"
    )
    assert style == ["none", "rgba(0, 0, 0, 0)"], style
    # A page title's control is a bare "§": nothing to cite by on paper.
    assert not page.locator("article h1 > a.edition-control").is_visible()
    context.close()


@pytest.mark.browser
def test_printed_notes_keep_the_papers_numbers(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "/cooperation/")
    page.emulate_media(media="print")
    assert page.locator("a.footnote-ref[href='#fn:7']").inner_text() == "7"
    body = page.locator("li[id='fn:7']")
    assert body.is_visible()
    assert body.locator(".note-number").inner_text() == "Note 7."
    context.close()


@pytest.mark.browser
def test_print_page_prints_to_pdf_for_a_person_to_look_at(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "/print/")
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "browser-print-dark.pdf"
    target.write_bytes(page.pdf(format="A4", print_background=True))
    context.close()
    assert target.stat().st_size > 10_000
    image = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", "1", "-l", "1", target, image],
        check=True,
    )
    first = Image.open(image.with_suffix(".png")).convert("RGB")
    # White paper, margins included, though the reader chose the dark scheme.
    for corner in ((2, 2), (first.width - 3, first.height - 3), (first.width // 2, 2)):
        assert first.getpixel(corner) == (255, 255, 255), corner


# ---- Any page printed from Chromium: page.pdf() read back ------------------------------


def printed_text(browser, site_url: str, path: str, scheme: str) -> list[str]:
    """Each page's text as Chromium prints ``path`` to A4 (print media, @page honoured)."""
    from io import BytesIO

    from pypdf import PdfReader

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path)
    pdf = page.pdf(format="A4")
    context.close()
    return [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages]


@pytest.mark.browser
@pytest.mark.parametrize(("path", "scheme"), [("/cooperation/", "light"), ("/timeline/", "dark")])
def test_a_printed_page_says_what_it_is_and_where_it_lives(browser, site_url, path, scheme):
    pages = printed_text(browser, site_url, path, scheme)
    first = pages[0]
    canonical = load_edition(ROOT).site.url + path.lstrip("/")
    for expected in (
        "Prospects for strategic partnership between Iraq and NATO",
        "Al-Bayan Center for Planning and Studies, Baghdad, August 2018",
        canonical,
    ):
        assert expected in first, expected
    # Page numbers from @page's margin box: "1 / 3" on each page.
    for number, text in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in text, (number, text[-80:])


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/cooperation/", "/timeline/", "/print/"])
def test_nothing_interactive_prints(browser, site_url, path):
    text = " ".join(printed_text(browser, site_url, path, "light"))
    screen_only = (
        "Copy link",
        "On the timeline",
        "The paper’s events only",
        "Download the paper",
        "Cite this",
        "Skip to content",
    )
    assert [words for words in screen_only if words in text] == []


@pytest.mark.browser
def test_headings_print_black_in_either_scheme(browser, site_url):
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(site_url + "/cooperation/")
        page.emulate_media(media="print")
        colours = page.eval_on_selector_all(
            "article h1, article h2", "hs => hs.map(h => getComputedStyle(h).color)"
        )
        context.close()
        assert colours and set(colours) == {"rgb(0, 0, 0)"}, (scheme, colours)
