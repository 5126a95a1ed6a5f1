"""The PDFs, typeset by WeasyPrint from the model.

- ``iraq-nato-partnership.pdf`` (A4) and ``iraq-nato-partnership-letter.pdf`` (US
  Letter): the paper, what "Download the paper" gives: its five parts, each note as a
  footnote of a line or two at its reference;
- ``iraq-nato-edition.pdf`` (A4): the paper, then the verification appendix (the sources
  page: every note with its claims, records and verdict) and the timeline, with page
  references back to the paragraphs.

Runs after the pages are built (the edition plugin's PDF step, or ``edition pdf site``),
from the model, not from MkDocs' pages. It renders the print page's Markdown
(``docs/print.md``) itself, with the extensions ``mkdocs.yml`` lists and the print
extension's ``contents`` option saying which pages to print (``PRINT_SETS``: "paper" or
"edition"), so each PDF holds what the model gives for it: the notes and paragraph
extensions render for paper already (notes as footnote elements at their reference,
¶ numbers for the margin, no screen controls).
This stage typesets; it never un-renders HTML. No MkDocs import.

Steps:

1. ``pdf_html``: the print rendering's body, links made absolute (the page → address
   rule of ``edition.model.addresses``: a relative link would point into the reader's
   files, and a link to a page this PDF leaves out goes to the web), under a cover made
   from the paper's facts (pure, unit-testable).
2. ``typeset``: WeasyPrint with ``pdf.css`` alone (Material's screen CSS is made for
   screens), tagged PDF/UA-1 (structure tree, language, title, link descriptions), into
   temporary files renamed into place only when every PDF is good, so a failed build
   leaves all the earlier PDFs in place.
3. ``write_pdf_size``: the size of each new PDF into its download line on every built
   page (the pages are rendered before the PDFs exist).

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
from edition.model.addresses import EDITION_PDF_NAME, PDF_LETTER_NAME, PDF_NAME, src_path
from edition.model.config import Site, markdown_extensions
from edition.model.edition import Edition, load_edition
from edition.model.paper import Paper
from edition.model.problems import SourceError
from edition.publish import footnotes, page_refs
from edition.publish.compress import forget
from edition.publish.pdf_access import TaggingError, finisher, link_descriptions

INSTALL = "apt-get install fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0"
# The fonts pdf.css names; each must be the one really embedded, not a fallback.
REQUIRED_FONTS = ("Noto-Serif", "Noto-Sans")
KEYWORDS = (
    "Iraq, NATO, strategic partnership, NATO Mission Iraq, NTM-I, security sector reform, "
    "counterterrorism, defence capacity building, Al-Bayan Center"
)
# The size line of a download link: data-pdf-size names its file (bare: the paper's).
PDF_SIZE_RE = re.compile(r'(<span data-pdf-size(?:="(?P<name>[^"]*)")?>)[^<]*(</span>)')
# Tagged for accessibility: structure tree, /Lang, DisplayDocTitle, described links.
PDF_VARIANT = "pdf/ua-1"


class PdfError(Exception):
    """A PDF build that cannot go on; the message says what to do."""


@dataclass(frozen=True)
class Form:
    """One published PDF: its file, what it prints, its paper size and its title."""

    name: str
    contents: str  # a key of print_page.PRINT_SETS
    size: str  # a CSS page size
    label: str  # how the cover and the title name this form ("" for the paper itself)


FORMS = (
    Form(PDF_NAME, "paper", "A4", ""),
    Form(PDF_LETTER_NAME, "paper", "letter", ""),
    Form(EDITION_PDF_NAME, "edition", "A4", "the edition, with sources and timeline"),
)


@dataclass(frozen=True)
class Built:
    """A PDF written to its published path."""

    path: Path
    size: int
    pages: int
    seconds: float


# ---- 1. The document ---------------------------------------------------------------

PRINT_PAGE = "print"
PRINT_EXTENSION = PACKAGE + "print_page"
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


def render_print_page(edition: Edition, contents: str = "edition") -> str:
    """The print page's body as HTML, rendered with the site's own extensions.

    ``contents`` (a key of ``PRINT_SETS``) tells the print extension what to print.
    """
    page = edition.page(PRINT_PAGE)
    if page is None:
        raise PdfError(f"docs/{PRINT_PAGE}.md not found; the PDF is made from it")
    names, configs = markdown_extensions(edition.config)
    for name in names:
        if name.startswith(PACKAGE):
            configs.setdefault(name, {})["root"] = str(edition.root)
    configs.setdefault(PRINT_EXTENSION, {})["contents"] = contents
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    md.postprocessors.register(AbsoluteLinks(md, edition.site.url), "edition_pdf_links", 1)
    return md.convert(strip_front_matter(page.source))


def cover(paper: Paper | None, site: Site, form: Form = FORMS[0]) -> str:
    """The cover: the paper's title, who published it, where and when, and the edition."""
    if paper is None:
        raise PdfError("mkdocs.yml extra.paper is incomplete; run edition check")
    url = escape(site.url)
    original = escape(paper.original_url)
    sources = escape(site.url + "sources/")
    if form.contents == "paper":
        apparatus = (
            "The notes keep the paper’s numbers; each says what it covers, the edition’s "
            "verdict and its primary record. Every record, claim and verdict: "
            f'<a class="url" href="{sources}">{sources}</a>'
        )
    else:
        apparatus = (
            "The paper, with its notes as footnotes; then the verification appendix (every "
            "note with its claims, records and verdict) and the timeline."
        )
    return (
        '<section class="pdf-cover">'
        f'<p class="pdf-cover-title">{escape(paper.title_sentence_case)}</p>'
        + (f'<p class="pdf-cover-form">{escape(form.label.capitalize())}</p>' if form.label else "")
        + f'<div class="pdf-cover-note"><p>{escape(paper.genre)} by '
        f"<strong>{escape(paper.publisher)}</strong>, {escape(paper.place)}, "
        f"{paper.month_name} {paper.year}.</p>"
        f'<p>Original: <a class="url" href="{original}">{original}</a></p></div>'
        '<div class="pdf-cover-edition editorial">'
        "<p>Online edition, with every paragraph citeable at its "
        f'own address: <a class="url" href="{url}">{url}</a></p>'
        f"<p>{apparatus}</p></div>"
        "</section>"
    )


def head(site: Site, title: str) -> str:
    """<head> with the metadata WeasyPrint writes into the PDF's document information."""
    metas = {
        "description": site.description,  # → Subject
        "author": site.author,  # → Author
        "keywords": KEYWORDS,  # → Keywords
        "generator": "iraq-nato-edition (WeasyPrint)",  # → Creator
    }
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        # The reproducible-builds convention: a date only when the build gives one.
        stamp = datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        metas["dcterms.created"] = metas["dcterms.modified"] = stamp
    lines = [f"<title>{escape(title)}</title>"]
    lines += [f'<meta name="{name}" content="{escape(value)}">' for name, value in metas.items()]
    return '<meta charset="utf-8">' + "".join(lines)


def pdf_html(edition: Edition, form: Form = FORMS[0]) -> str:
    """The print rendering of ``form`` for paged media, as a standalone HTML document."""
    paper, site = edition.paper, edition.site
    title = paper.title_sentence_case if paper else site.name
    if form.label:
        title = f"{title}: {form.label}"
    language = paper.language if paper else "en"
    body = cover(paper, site, form) + render_print_page(edition, form.contents)
    return (
        f'<!DOCTYPE html><html lang="{escape(language)}"><head>{head(site, title)}</head>'
        f'<body class="pdf-{escape(form.contents)}">{body}</body></html>'
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


def render_pdf(
    html: str,
    base_url: str,
    target: Path,
    css: str | None,
    size: str,
    described: dict[str, str] | None = None,
    pushed: set[str] | None = None,
    known_pages: dict[str, int] | None = None,
) -> int:
    """Typeset ``html`` into ``target`` (not atomic); return the number of pages.

    ``described``: words for links to each id (``pdf_access.link_descriptions``).
    ``pushed``: paragraphs to start on a new page so that each note stays with its call
    (``footnotes``); the ones found here are added to it, so that the next PDF of the
    same paper size starts from them (the full edition begins as the paper does) and is
    seldom laid out twice.
    ``known_pages``: the page of each paragraph in the last PDF of the same paper size,
    for the "(p. N)" after links to paragraphs (``page_refs``); this one's are put in it.
    """
    weasyprint = load_weasyprint()
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        parsed = weasyprint.HTML(string=html, base_url=base_url)
        stylesheets = [weasyprint.CSS(string=stylesheet() if css is None else css)]
        stylesheets.append(weasyprint.CSS(string=f"@page {{ size: {size} }}"))
        pushed = set() if pushed is None else pushed
        known_pages = {} if known_pages is None else known_pages
        # Pages of the paragraphs linked from this PDF, given as text (page_refs).
        assumed = dict(known_pages) if "pdf-pararef" in html else {}

        def layout():
            extra = [footnotes.push_css(pushed), page_refs.page_refs_css(assumed)]
            extra = [weasyprint.CSS(string=css) for css in extra if css]
            return parsed.render(stylesheets=[*stylesheets, *extra], pdf_variant=PDF_VARIANT)

        document = layout()
        # A note WeasyPrint moved off its call's page: start the paragraph that pushed
        # it on a new page; a paragraph not on the page assumed: print its real page;
        # and lay out again (rarely needed; at most twice).
        for _ in range(2):
            more = footnotes.to_push(document) - pushed
            wrong = page_refs.wrong_pages(assumed, document)
            if not more and not wrong:
                break
            pushed |= more
            assumed |= wrong
            document = layout()
        if page_refs.wrong_pages(assumed, document):
            assumed.clear()  # pdf.css's target-counter: slower, never wrong
            document = layout()
        known_pages.update(page_refs.paragraph_pages(document))
        if off := footnotes.misplaced(document):
            note, (call, page) = next(iter(off.items()))
            raise PdfError(
                f"note {note} is set on page {page + 1}, its call on page {call + 1}; "
                "shorten the note's topic in data/notes.yml or the notes near it"
            )
        try:
            document.write_pdf(target, pdf_variant=PDF_VARIANT, finisher=finisher(described or {}))
        except TaggingError as error:
            raise PdfError(f"the PDF's tags: {error}") from None
        embedded = b" ".join(font.name for font in document.fonts.values())
        missing = [name for name in REQUIRED_FONTS if name.encode() not in embedded]
        if missing:
            raise PdfError(f"fonts {', '.join(missing)} are not installed; {INSTALL}")
        if collect.messages:
            raise PdfError("WeasyPrint: " + "; ".join(collect.messages))
    finally:
        logger.removeHandler(collect)
    return len(document.pages)


def temporary_beside(target: Path) -> Path:
    """An empty temporary file in the target's folder (so that renaming is atomic)."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(descriptor)
    return Path(temporary)


def publish(written: dict[Path, Path]) -> None:
    """Rename every temporary file onto its published path (readable by all: the site is)."""
    for temporary, target in written.items():
        os.chmod(temporary, 0o644)  # mkstemp makes it private
        os.replace(temporary, target)


def typeset(
    html: str, base_url: str, target: Path, css: str | None = None, size: str = "A4"
) -> int:
    """Typeset ``html`` into ``target`` atomically; return the number of pages.

    ``css`` replaces pdf.css (the benchmark's plain baseline uses that).
    """
    temporary = temporary_beside(target)
    try:
        pages = render_pdf(html, base_url, temporary, css, size)
        publish({temporary: target})
    finally:
        temporary.unlink(missing_ok=True)
    return pages


# ---- 3. The size on every page -----------------------------------------------------


def human_size(size: int) -> str:
    """'480 KB', '1.2 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def write_pdf_size(site_dir: Path, sizes: dict[str, int]) -> list[Path]:
    """Write 'PDF, 480 KB' into each download line of every built page; return the pages changed.

    ``sizes`` maps a PDF's file name to its size; a bare ``data-pdf-size`` is the paper's.
    """

    def size_line(match: re.Match) -> str:
        size = sizes.get(match.group("name") or PDF_NAME)
        if size is None:
            return match.group(0)
        return f"{match.group(1)}PDF, {human_size(size)}{match.group(3)}"

    changed = []
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        new = PDF_SIZE_RE.sub(size_line, text)
        if new != text:
            forget(page)
            page.write_text(new, encoding="utf-8")
            changed.append(page)
    return changed


def build_pdfs(site_dir: Path, root: Path, forms: tuple[Form, ...] = FORMS) -> list[Built]:
    """Build every PDF of ``forms`` into ``site_dir`` from the edition model.

    All or none: each is typeset into a temporary file, and only when every one is good
    are they renamed into place, so a failure leaves every earlier PDF as it was.
    """
    if not (site_dir / "index.html").is_file():
        raise PdfError(f"{site_dir} holds no built site; build the site first (mkdocs build)")
    try:
        edition = load_edition(root)
    except SourceError as error:
        raise PdfError(str(error.problem)) from None
    base_url = edition.root.as_uri() + "/"
    described = link_descriptions(edition)
    html: dict[str, str] = {}  # one rendering per contents: A4 and Letter share theirs
    pushed: dict[str, set[str]] = {}  # per paper size: paragraphs that start a page
    known_pages: dict[str, dict[str, int]] = {}  # per paper size: each paragraph's page
    written: dict[Path, Path] = {}
    made = []
    try:
        for form in forms:
            start = time.perf_counter()
            if form.contents not in html:
                html[form.contents] = pdf_html(edition, form)
            target = site_dir / form.name
            temporary = temporary_beside(target)
            written[temporary] = target
            pages = render_pdf(
                html[form.contents],
                base_url,
                temporary,
                None,
                form.size,
                described,
                pushed.setdefault(form.size, set()),
                known_pages.setdefault(form.size, {}),
            )
            made.append((target, temporary.stat().st_size, pages, time.perf_counter() - start))
        publish(written)
    finally:
        for temporary in written:
            temporary.unlink(missing_ok=True)
    write_pdf_size(site_dir, {target.name: size for target, size, _, _ in made})
    return [Built(*item) for item in made]
