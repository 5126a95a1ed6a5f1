"""Python-Markdown extension: ``[[print]]`` becomes the whole paper on one page.

``docs/print.md`` holds the placeholder; ``/print/`` (and the PDF built from it) shows
the pages of ``PRINTED_PAGES`` in reading order, under a table of contents. Built from
the same Markdown as the pages themselves, so the notes extension numbers notes once for
the whole paper (1–10 and E1…) instead of restarting per page. Meeting the placeholder
switches the document into print mode (``base.printing``): the other extensions then
render for paper, each note at its reference and no screen control at all.

Three processors, all idle on every page without the placeholder:

- a preprocessor (priority 35: before ``normalize_whitespace`` at 30, so included text is
  normalised like any page, and before the ``[[sources]]``/``[[errata]]`` placeholders at
  25, so placeholders inside included pages are expanded afterwards) splices in the page
  bodies, front matter stripped, and under each page title the page's web address;
- a preprocessor (priority 24, after those placeholders, before raw HTML is stashed at
  20) points relative URLs in raw HTML at the page they were written for: ``claims.json``
  on ``/sources/`` must not become ``/print/claims.json``;
- a treeprocessor (priority 2, after the notes and toc, before MkDocs resolves ``.md``
  links at 0) turns links to an included page into in-page anchors:
  ``evolution.md#p1-3`` → ``#p1-3``, marking links to a paragraph for their page number.

Engine-independent: no MkDocs import. Pages and the web address come from the edition
model.
"""

from __future__ import annotations

import logging
import re

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from edition.extensions.base import EditionExtension, set_printing
from edition.model.addresses import page_path, paragraph_number
from edition.model.edition import Edition
from edition.model.pages import HEADING_RE
from edition.render.placeholders import PlaceholderPreprocessor

# Under "mkdocs" so that a strict build counts the warning and fails.
log = logging.getLogger("mkdocs.extensions.edition.print_page")

PLACEHOLDER = "[[print]]"
# What a print rendering holds, in reading order. "edition" (the default: /print/ and
# the full edition PDF) is the paper, then its verification appendix (the sources page),
# then the timeline; "paper" (the paper PDF) is the author's five parts alone. A page
# added here is printed, in the contents and in the PDFs; its ids must not collide with
# the others' (the check enforces that for the paper's pages, tests/test_print.py for
# the whole print page). Links to a page left out point at the web (pdf.py).
PAPER_PAGES = ("index", "evolution", "cooperation", "future", "conclusion")
PRINT_SETS = {
    "edition": (*PAPER_PAGES, "sources", "timeline"),
    "paper": PAPER_PAGES,
}
PRINTED_PAGES = PRINT_SETS["edition"]
# Heading levels listed in the contents: page titles and the seven areas of section 2.
CONTENTS_LEVELS = 2

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)
PAGE_MARK_RE = re.compile(r"^<!-- print-page: (\S+) -->$")
MD_LINK_RE = re.compile(r"^(?P<page>[a-z0-9_-]+)\.md(?:#(?P<anchor>.*))?$")
# href/src values in raw HTML that are relative to their page: no scheme, no leading
# "/", "#" or "." (a "../" path was written knowing where it stands).
RAW_RELATIVE_URL_RE = re.compile(r'\b(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|[/#.])([^"]*)"')


def strip_front_matter(text: str) -> str:
    """The Markdown body of a page, without its ``---`` YAML front matter."""
    return FRONT_MATTER_RE.sub("", text, count=1)


def headings(body: str) -> list[tuple[int, str, str]]:
    """(level, text, id) of every heading with an explicit id, in order."""
    found = []
    for line in body.splitlines():
        match = HEADING_RE.match(line.strip())
        if match and match.group(3):
            found.append((len(match.group(1)), match.group(2), match.group(3)))
    return found


def contents(bodies: dict[str, str]) -> list[str]:
    """The table of contents: a nested list linking each page title and its sections."""
    lines = [
        '<nav class="editorial print-contents" id="contents" aria-label="Contents" markdown>',
        "",
        "**Contents**",
        "",
    ]
    for body in bodies.values():
        for level, text, anchor in headings(body):
            if level <= CONTENTS_LEVELS:
                lines.append(f"{'    ' * (level - 1)}- [{text}](#{anchor})")
    return [*lines, "", "</nav>", ""]


def source_url_line(site_url: str, name: str) -> str:
    """The paragraph under a page title saying where that part of the paper lives online."""
    url = site_url.rstrip("/") + page_path(name)
    return (
        f'<p class="editorial print-source-url">Online: <a class="url" href="{url}">{url}</a></p>'
    )


def read_bodies(edition: Edition, names: tuple[str, ...]) -> dict[str, str]:
    """Each printed page's Markdown body; a missing page is a warning, not a crash."""
    bodies = {}
    for name in names:
        page = edition.page(name)
        if page is not None:
            bodies[name] = strip_front_matter(page.source)
        else:
            log.warning(
                "print page: docs/%s.md not found; create it or remove it from PRINTED_PAGES", name
            )
    return bodies


def title_anchors(bodies: dict[str, str]) -> dict[str, str]:
    """Page → id of its title heading, the target of a link to the page as a whole."""
    return {
        name: next((anchor for level, _, anchor in headings(body) if level == 1), "")
        for name, body in bodies.items()
    }


def print_markdown(bodies: dict[str, str], site_url: str) -> list[str]:
    """The Markdown that replaces ``[[print]]``: contents, then each page's body."""
    lines = contents(bodies)
    for name, body in bodies.items():
        lines += ["", f"<!-- print-page: {name} -->", ""]
        title_done = False
        for line in body.splitlines():
            lines.append(line)
            if not title_done and line.startswith("# "):
                title_done = True
                if site_url:
                    lines += ["", source_url_line(site_url, name), ""]
        lines.append("")
    return lines


def rebase_raw_urls(line: str, name: str) -> str:
    """Point relative URLs in a raw HTML line of page ``name`` at that page's folder."""
    prefix = "../" if name == "index" else f"../{name}/"
    return RAW_RELATIVE_URL_RE.sub(lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', line)


class RawUrlPreprocessor(Preprocessor):
    """Rebase relative URLs in the included pages' raw HTML; drop the page marks."""

    def __init__(self, md, extension: PrintPageExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        """Track which page each line came from by the marks the include left."""
        if self.extension.titles is None:
            return lines
        out, page = [], ""
        for line in lines:
            mark = PAGE_MARK_RE.match(line)
            if mark:
                page = mark.group(1)
            elif page and "<" in line:
                out.append(rebase_raw_urls(line, page))
            else:
                out.append(line)
        return out


class InPageLinkProcessor(Treeprocessor):
    """Turn links to a printed page into links to the same place on this page."""

    def __init__(self, md, extension: PrintPageExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root) -> None:
        """``evolution.md#p1-3`` → ``#p1-3``; ``evolution.md`` → ``#evolution``."""
        titles = self.extension.titles
        if titles is None:
            return
        for link in root.iter("a"):
            match = MD_LINK_RE.match(link.get("href", ""))
            if match and match.group("page") in titles:
                anchor = match.group("anchor") or titles[match.group("page")]
                link.set("href", f"#{anchor}")
                if paragraph_number(anchor):
                    # A link to a paragraph says on paper which page it is on (pdf.css).
                    link.set("class", " ".join([link.get("class", ""), "pdf-pararef"]).strip())


class PrintPageExtension(EditionExtension):
    """Register the include, the raw URL rebasing and the in-page links."""

    def __init__(self, **kwargs):
        contents = kwargs.pop("contents", "edition")
        super().__init__(**kwargs)
        self.config["contents"] = [contents, f"What to print: one of {', '.join(PRINT_SETS)}"]
        # Printed page → its title's id, set when the document holds [[print]].
        self.titles: dict[str, str] | None = None
        self.md = None

    def printed_pages(self) -> tuple[str, ...]:
        """The pages this rendering prints, by the ``contents`` option."""
        contents = self.getConfig("contents")
        if contents not in PRINT_SETS:
            raise ValueError(f"print_page: contents {contents!r} is not one of {list(PRINT_SETS)}")
        return PRINT_SETS[contents]

    def included(self) -> list[str]:
        """The printed pages as Markdown, in place of ``[[print]]``; switches to print mode."""
        set_printing(self.md, True)
        # Headings on paper carry no permalink: toc renders none for this document.
        if "toc" in self.md.treeprocessors:
            self.md.treeprocessors["toc"].use_permalinks = False
        edition = self.edition()
        bodies = read_bodies(edition, self.printed_pages())
        self.titles = title_anchors(bodies)
        return print_markdown(bodies, edition.site.url)

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """Register the three processors at the priorities the module docstring explains."""
        md.registerExtension(self)
        self.md = md
        include = PlaceholderPreprocessor(md, PLACEHOLDER, self.included)
        md.preprocessors.register(include, "edition_print_include", 35)
        md.preprocessors.register(RawUrlPreprocessor(md, self), "edition_print_raw_urls", 24)
        md.treeprocessors.register(InPageLinkProcessor(md, self), "edition_print_links", 2)

    def reset(self) -> None:
        """The next document is not the print page until its placeholder is seen."""
        self.titles = None
        if self.md is not None:
            set_printing(self.md, False)


def makeExtension(**kwargs) -> PrintPageExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.print_page``."""
    return PrintPageExtension(**kwargs)
