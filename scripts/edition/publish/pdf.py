"""The PDF edition, ``/iraq-nato-partnership.pdf``, typeset by WeasyPrint from ``/print/``.

Runs after the site build (``edition pdf site``, called by ``make build``), not inside
MkDocs: it reads the built ``site/print/index.html``, so the PDF holds exactly what the
print page holds, whichever engine built the site. No MkDocs import.

Steps:

1. ``pdf_html``: reshape the print page's article for paper (pure, unit-testable): a
   cover, the contents with page numbers, each note moved next to its reference as a
   real footnote that keeps the paper's number, paragraph numbers in the margin, the web
   address under each heading, and links made absolute (relative ones would point into
   the reader's file system).
2. ``typeset``: WeasyPrint with ``pdf.css`` alone (Material's screen CSS is made for
   screens), into a temporary file renamed into place only when the whole PDF is good,
   so a failed build never leaves a partial file at the published path.
3. ``write_pdf_size``: the size of the new PDF into the "Download the paper" line of every
   built page (the pages are rendered before the PDF exists).

Output is reproducible: no creation date unless ``SOURCE_DATE_EPOCH`` is set, and then
that date; two builds of the same sources are byte-identical.
"""

from __future__ import annotations

import copy
import logging
import os
import re
import tempfile
import time
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin

from edition.model.addresses import PDF_NAME, paragraph_label
from edition.model.config import Site
from edition.model.edition import load_edition

INSTALL = "apt-get install fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0"
# The fonts pdf.css names; each must be the one really embedded, not a fallback.
REQUIRED_FONTS = ("Noto-Serif", "Noto-Sans")
KEYWORDS = (
    "Iraq, NATO, strategic partnership, NATO Mission Iraq, NTM-I, security sector reform, "
    "counterterrorism, defence capacity building, Al-Bayan Center"
)
# Classes of the print page's elements that have no place on paper.
SCREEN_ONLY = (
    "edition-downloads",
    "edition-page-url",
    "headerlink",
    "md-content__button",
    "anchor-handle",  # ¶ 1.3 and its copy button (paragraphs.py)
    "anchor-tools",  # § 2.4, copy-link and the cite box under headings
    "edition-jsonld",  # the JSON-LD record
)
PDF_SIZE_RE = re.compile(r"(<span data-pdf-size>)[^<]*(</span>)")
# The notes extension's verdict link says "(details on the sources page)"; on paper the
# page number says it better (pdf.css adds it with target-counter()).
VERDICT_TAIL_RE = re.compile(r"^\s*\(details on the sources page\)")


class PdfError(Exception):
    """A PDF build that cannot go on; the message says what to do."""


@dataclass(frozen=True)
class Built:
    """A PDF written to its published path."""

    path: Path
    size: int
    pages: int
    seconds: float


# ---- 1. The document ---------------------------------------------------------------


def classes(element: etree.Element) -> list[str]:
    """The element's class names."""
    return element.get("class", "").split()


def find_class(root: etree.Element, name: str) -> list[etree.Element]:
    """Every element under ``root`` with class ``name``, in document order."""
    return [element for element in root.iter() if name in classes(element)]


def remove(root: etree.Element, element: etree.Element) -> None:
    """Remove ``element`` from the tree under ``root``, keeping the text that follows it."""
    parent = next(p for p in root.iter() if element in list(p))
    index = list(parent).index(element)
    if element.tail:
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def inline(element: etree.Element) -> etree.Element:
    """A copy of ``element`` with block tags turned into spans.

    A footnote sits inside a paragraph, and HTML closes a paragraph at the first block
    tag inside it; the classes keep the original tag so pdf.css can lay them out.
    """
    element = copy.deepcopy(element)
    for node in element.iter():
        if node.tag in ("p", "ul", "ol", "li", "div"):
            node.set("class", " ".join([f"pdf-{node.tag}", *classes(node)]))
            node.tag = "span"
        # Line breaks between list items would become blank lines between the spans.
        if node.text and not node.text.strip():
            node.text = None
        if node.tail and not node.tail.strip():
            node.tail = None
    return element


def note_body(item: etree.Element, note_id: str) -> etree.Element:
    """A note of the page's note list as a footnote: ``<span class=pdf-note data-n=7>``."""
    note = etree.Element("span", {"class": "pdf-note", "data-n": note_id, "id": f"fn:{note_id}"})
    for child in item:
        if "note-backrefs" in classes(child):
            continue  # "back to the text" arrows: the reference is on the same page
        part = inline(child)
        for label in find_class(part, "note-number"):
            remove(part, label)  # "Note 7.": the footnote marker shows the number
        for link in part.iter("a"):
            if link.get("href", "").startswith("#") and VERDICT_TAIL_RE.match(link.tail or ""):
                link.set("class", "pdf-pageref")
                link.tail = VERDICT_TAIL_RE.sub("", link.tail)
        if part.text:
            part.text = part.text.lstrip()
        note.append(part)
    return note


def notes_to_footnotes(article: etree.Element) -> None:
    """Move each note body to its first reference; later references point to it."""
    note_list = next(iter(find_class(article, "footnote")), None)
    if note_list is None:
        return
    items = {item.get("id", "")[3:]: item for item in note_list.iter("li") if item.get("id")}
    placed: set[str] = set()
    for sup in [s for s in article.iter("sup") if s.get("id", "").startswith("fnref")]:
        ref = sup.find("a")
        note_id = (ref.get("href", "") if ref is not None else "")[len("#fn:") :]
        if note_id not in items:
            continue
        anchor = etree.Element("span", {"class": "pdf-note-anchor", "id": sup.get("id")})
        if note_id in placed:
            call = etree.SubElement(anchor, "a", {"href": f"#fn:{note_id}", "class": "pdf-call"})
            call.text = note_id
            replacement = [anchor]
        else:
            placed.add(note_id)
            replacement = [anchor, note_body(items[note_id], note_id)]
        replacement[-1].tail = sup.tail
        parent = next(p for p in article.iter() if sup in list(p))
        index = list(parent).index(sup)
        parent.remove(sup)
        for offset, element in enumerate(replacement):
            parent.insert(index + offset, element)
    remove(article, note_list)


def number_paragraphs(article: etree.Element) -> None:
    """Put each paragraph's number (¶ 1.3, from its id) at its start, for the margin."""
    for paragraph in article.iter("p"):
        label = paragraph_label(paragraph.get("id", ""))
        if label.startswith("¶"):
            number = etree.Element("span", {"class": "pdf-pnum"})
            number.text = label
            number.tail = paragraph.text
            paragraph.text = None
            paragraph.insert(0, number)


def page_references(article: etree.Element) -> None:
    """Mark links to a paragraph so pdf.css can add its page: '¶ 1.3 (p. 4)'."""
    for link in article.iter("a"):
        href = link.get("href", "")
        if href.startswith("#") and paragraph_label(href[1:]).startswith("¶"):
            link.set("class", " ".join([*classes(link), "pdf-pararef"]))


def absolute_links(article: etree.Element, page_url: str) -> None:
    """Make relative links absolute: in a PDF they would resolve against a file path."""
    for link in article.iter("a"):
        href = link.get("href")
        if href and not href.startswith("#"):
            link.set("href", urljoin(page_url, href))


def section_addresses(article: etree.Element) -> None:
    """Under each second-level heading, its web address (the page's, plus its id)."""
    page_url = ""
    for child in list(article):
        if "print-source-url" in classes(child):
            link = child.find("a")
            page_url = link.get("href", "") if link is not None else ""
        elif child.tag == "h2" and child.get("id") and page_url:
            url = f"{page_url}#{child.get('id')}"
            line = etree.Element("p", {"class": "editorial print-source-url"})
            line.text = "Online: "
            link = etree.SubElement(line, "a", {"class": "url", "href": url})
            link.text = url
            article.insert(list(article).index(child) + 1, line)


def cover(article: etree.Element, site: Site) -> etree.Element:
    """The cover: the paper's title, the edition's cover note (publisher, date), the site."""
    title = article.find(".//h1")
    section = etree.Element("section", {"class": "pdf-cover"})
    heading = etree.SubElement(section, "p", {"class": "pdf-cover-title"})
    heading.text = "".join(title.itertext()).strip() if title is not None else site.name
    for note in find_class(article, "cover"):
        remove(article, note)
        note.set("class", "pdf-cover-note")
        section.append(note)
    edition = etree.SubElement(section, "p", {"class": "pdf-cover-edition"})
    edition.text = "Online edition, with every paragraph citeable at its own address: "
    link = etree.SubElement(edition, "a", {"class": "url", "href": site.url})
    link.text = site.url
    return section


def head(site: Site, title: str) -> str:
    """<head> with the metadata WeasyPrint writes into the PDF's document information."""
    metas = {
        "description": site.description,  # → Subject
        "author": site.author,  # → Author
        "keywords": KEYWORDS,  # → Keywords
        "generator": "edition-pdf (WeasyPrint)",  # → Creator
    }
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        # The reproducible-builds convention: a date only when the build gives one.
        stamp = datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        metas["dcterms.created"] = metas["dcterms.modified"] = stamp
    lines = [f"<title>{escape(title)}</title>"]
    lines += [f'<meta name="{name}" content="{escape(value)}">' for name, value in metas.items()]
    return '<meta charset="utf-8">' + "".join(lines)


def pdf_html(print_html: str, site: Site) -> str:
    """The print page, reshaped for paged media, as a standalone HTML document."""
    import tinyhtml5  # WeasyPrint's own HTML parser: we reshape what it will read

    root = tinyhtml5.parse(print_html, namespace_html_elements=False)
    article = next(
        (e for e in root.iter("article") if "md-content__inner" in classes(e)),
        None,
    )
    if article is None:
        raise PdfError("the print page has no article.md-content__inner; is it a Material page?")
    # Screen controls, and the web's own paragraph numbers and cite boxes: the PDF sets its
    # numbers in the margin (number_paragraphs) and each section's address under it.
    for name in SCREEN_ONLY:
        for element in find_class(article, name):
            remove(article, element)
    notes_to_footnotes(article)
    number_paragraphs(article)
    page_references(article)
    section_addresses(article)
    front = cover(article, site)
    absolute_links(article, urljoin(site.url, "print/"))
    absolute_links(front, urljoin(site.url, "print/"))
    title = front.find("p").text or site.name
    body = etree.Element("body")
    body.append(front)
    body.extend(list(article))
    html = etree.tostring(body, encoding="unicode", method="html")
    return f'<!DOCTYPE html><html lang="en"><head>{head(site, title)}</head>{html}</html>'


# ---- 2. Typesetting ----------------------------------------------------------------


def stylesheet() -> str:
    """The paged-media stylesheet shipped with the package."""
    return resources.files("edition.publish").joinpath("pdf.css").read_text(encoding="utf-8")


def load_weasyprint():
    """Import WeasyPrint, or say in one line what to install."""
    try:
        import weasyprint
    except ImportError:
        raise PdfError(
            "WeasyPrint is not installed; run .venv/bin/python -m pip install "
            "--require-hashes --no-deps -r requirements.lock"
        ) from None
    except OSError as error:  # cffi could not load Pango or one of its libraries
        raise PdfError(f"WeasyPrint cannot load Pango ({error}); {INSTALL}") from None
    return weasyprint


class _Collect(logging.Handler):
    """Keep WeasyPrint's warnings: an ignored CSS rule is a silent layout error."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def typeset(html: str, base_url: str, target: Path, css: str | None = None) -> int:
    """Typeset ``html`` into ``target`` atomically; return the number of pages.

    ``css`` replaces pdf.css (the benchmark's plain baseline uses that).
    """
    weasyprint = load_weasyprint()
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(descriptor)
    try:
        document = weasyprint.HTML(string=html, base_url=base_url).render(
            stylesheets=[weasyprint.CSS(string=stylesheet() if css is None else css)]
        )
        document.write_pdf(temporary)
        embedded = b" ".join(font.name for font in document.fonts.values())
        missing = [name for name in REQUIRED_FONTS if name.encode() not in embedded]
        if missing:
            raise PdfError(f"fonts {', '.join(missing)} are not installed; {INSTALL}")
        if collect.messages:
            raise PdfError("WeasyPrint: " + "; ".join(collect.messages))
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the site is public
        os.replace(temporary, target)
    finally:
        logger.removeHandler(collect)
        if os.path.exists(temporary):
            os.remove(temporary)
    return len(document.pages)


# ---- 3. The size on every page -----------------------------------------------------


def human_size(size: int) -> str:
    """'480 KB', '1.2 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def write_pdf_size(site_dir: Path, size: int) -> list[Path]:
    """Write 'PDF, 480 KB' into every built page's download line; return the pages changed."""
    changed = []
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        new = PDF_SIZE_RE.sub(rf"\g<1>PDF, {human_size(size)}\g<2>", text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed.append(page)
    return changed


def build_pdf(site_dir: Path, root: Path) -> Built:
    """Build ``site_dir/iraq-nato-partnership.pdf`` from ``site_dir/print/index.html``."""
    start = time.perf_counter()
    print_page = site_dir / "print" / "index.html"
    if not print_page.is_file():
        raise PdfError(f"{print_page} not found; build the site first (make build)")
    site = load_edition(root).site
    html = pdf_html(print_page.read_text(encoding="utf-8"), site)
    target = site_dir / PDF_NAME
    pages = typeset(html, print_page.parent.resolve().as_uri() + "/", target)
    size = target.stat().st_size
    write_pdf_size(site_dir, size)
    return Built(target, size, pages, time.perf_counter() - start)
