"""The PDF edition, ``/iraq-nato-partnership.pdf``, typeset by WeasyPrint from the model.

Runs after the site build (``edition pdf site``, called by ``make build``), not inside
MkDocs. It renders the print page's Markdown (``docs/print.md``) itself, with the
extensions ``mkdocs.yml`` lists, so the PDF holds what ``/print/`` holds: the notes and
paragraph extensions render that page for paper already (notes as footnote elements at
their reference, ¶ numbers for the margin, no screen controls). This stage typesets; it
never un-renders HTML. No MkDocs import.

Steps:

1. ``pdf_html``: the print page's body, links made absolute (the page → address rule of
   ``edition.model.addresses``: a relative link would point into the reader's files),
   under a cover made from the paper's facts (pure, unit-testable).
2. ``typeset``: WeasyPrint with ``pdf.css`` alone (Material's screen CSS is made for
   screens), into a temporary file renamed into place only when the whole PDF is good,
   so a failed build never leaves a partial file at the published path.
3. ``write_pdf_size``: the size of the new PDF into the "Download the paper" line of every
   built page (the pages are rendered before the PDF exists).

Output is reproducible: no creation date unless ``SOURCE_DATE_EPOCH`` is set, and then
that date; two builds of the same sources are byte-identical.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin

import markdown
from markdown.postprocessors import Postprocessor

from edition.extensions.base import PACKAGE
from edition.extensions.print_page import strip_front_matter
from edition.model.addresses import PDF_NAME, src_path
from edition.model.config import Site, markdown_extensions
from edition.model.edition import Edition, load_edition
from edition.model.paper import Paper
from edition.model.problems import SourceError

INSTALL = "apt-get install fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0"
# The fonts pdf.css names; each must be the one really embedded, not a fallback.
REQUIRED_FONTS = ("Noto-Serif", "Noto-Sans")
KEYWORDS = (
    "Iraq, NATO, strategic partnership, NATO Mission Iraq, NTM-I, security sector reform, "
    "counterterrorism, defence capacity building, Al-Bayan Center"
)
PDF_SIZE_RE = re.compile(r"(<span data-pdf-size>)[^<]*(</span>)")


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

PRINT_PAGE = "print"
MD_LINK_RE = re.compile(r"^(?P<file>[^:#?]+\.md)(?P<anchor>#.*)?$")
# href/src values with no scheme and not in-page ("#…").
RELATIVE_URL_RE = re.compile(r'\b(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#)([^"]*)"')


class AbsoluteLinks(Postprocessor):
    """Make every relative link absolute, ``.md`` links by the page → address rule.

    A postprocessor, last (priority 1), so it also sees the raw HTML blocks of the pages
    (the sources page's download links), which no treeprocessor does. In a PDF a relative
    link would resolve against a file path.
    """

    def __init__(self, md, site_url: str):
        super().__init__(md)
        self.base = urljoin(site_url, "print/")
        self.site_url = site_url

    def absolute(self, value: str) -> str:
        """One link target, made absolute."""
        match = MD_LINK_RE.match(value)
        if match:
            value = self.site_url + src_path(match.group("file")) + (match.group("anchor") or "")
        return urljoin(self.base, value)

    def run(self, text: str) -> str:
        """Rewrite ``href`` and ``src`` values that are neither absolute nor in-page."""
        return RELATIVE_URL_RE.sub(lambda m: f'{m.group(1)}="{self.absolute(m.group(2))}"', text)


def render_print_page(edition: Edition) -> str:
    """The print page's body as HTML, rendered with the site's own extensions."""
    page = edition.page(PRINT_PAGE)
    if page is None:
        raise PdfError(f"docs/{PRINT_PAGE}.md not found; the PDF is made from it")
    names, configs = markdown_extensions(edition.config)
    for name in names:
        if name.startswith(PACKAGE):
            configs.setdefault(name, {})["root"] = str(edition.root)
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    md.postprocessors.register(AbsoluteLinks(md, edition.site.url), "edition_pdf_links", 1)
    return md.convert(strip_front_matter(page.source))


def cover(paper: Paper | None, site: Site) -> str:
    """The cover: the paper's title, who published it, where and when, and the edition."""
    if paper is None:
        raise PdfError("mkdocs.yml extra.paper is incomplete; run edition check")
    url = escape(site.url)
    original = escape(paper.original_url)
    return (
        '<section class="pdf-cover">'
        f'<p class="pdf-cover-title">{escape(paper.title_sentence_case)}</p>'
        f'<div class="pdf-cover-note"><p>{escape(paper.genre)} by '
        f"<strong>{escape(paper.publisher)}</strong>, {escape(paper.place)}, "
        f"{paper.month_name} {paper.year}.</p>"
        f'<p>Original: <a class="url" href="{original}">{original}</a></p></div>'
        '<p class="pdf-cover-edition">Online edition, with every paragraph citeable at its '
        f'own address: <a class="url" href="{url}">{url}</a></p>'
        "</section>"
    )


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


def pdf_html(edition: Edition) -> str:
    """The print page for paged media, as a standalone HTML document."""
    paper, site = edition.paper, edition.site
    title = paper.title_sentence_case if paper else site.name
    language = paper.language if paper else "en"
    body = cover(paper, site) + render_print_page(edition)
    return (
        f'<!DOCTYPE html><html lang="{escape(language)}"><head>{head(site, title)}</head>'
        f"<body>{body}</body></html>"
    )


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
    """Build ``site_dir/iraq-nato-partnership.pdf`` from the edition model."""
    start = time.perf_counter()
    if not (site_dir / "index.html").is_file():
        raise PdfError(f"{site_dir} holds no built site; build the site first (make build)")
    try:
        edition = load_edition(root)
    except SourceError as error:
        raise PdfError(str(error.problem)) from None
    html = pdf_html(edition)
    target = site_dir / PDF_NAME
    pages = typeset(html, edition.root.as_uri() + "/", target)
    size = target.stat().st_size
    write_pdf_size(site_dir, size)
    return Built(target, size, pages, time.perf_counter() - start)
