"""Paragraph numbers derived from paragraph ids: ``p1-3`` → ``¶ 1.3``.

The id is the public handle; the number a reader sees is computed from it, so the two
can never disagree.
"""

from __future__ import annotations

import re

PARAGRAPH_ID_RE = re.compile(r"^p(\d+(?:-\d+)*)$")
# Ids that may be published: lowercase letters, digits and single hyphens. Years on the
# timeline ("2014") start with a digit; note references ("fn:7", "fnref:7") are
# excluded on purpose: their numbering belongs to one page, not to the paper.
PUBLIC_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def paragraph_number(anchor: str) -> str:
    """'p1-3' → '1.3', 'p2-7-2' → '2.7.2'; '' for ids that are not paragraph ids."""
    match = PARAGRAPH_ID_RE.match(anchor)
    return match.group(1).replace("-", ".") if match else ""


def paragraph_label(anchor: str) -> str:
    """'p1-3' → '¶ 1.3' (or the id itself for headings)."""
    number = paragraph_number(anchor)
    return f"¶ {number}" if number else anchor


def section_number(first_paragraph: str) -> str:
    """The number of the section a paragraph opens: 'p2-4-1' → '2.4', 'p1-1' → '1'.

    Headings carry names, not numbers (``#cyber-security``); their number is read off
    the id of the first paragraph under them, so it follows the id scheme too.
    """
    number = paragraph_number(first_paragraph)
    return number.rpartition(".")[0] if "." in number else ""


def note_anchor(note_id: str) -> str:
    """Id of a note's entry on /sources/: 'note-7', 'note-e3'."""
    return f"note-{note_id.lower()}"


# ---- The page → address rule (one place) ---------------------------------------------
# ``use_directory_urls: true``: docs/index.md is "/", docs/evolution.md is "/evolution/".
# Every address the edition writes (links, citations, exports, the manifest, the PDF's
# address lines, the offline edition's canonical URLs) goes through these functions.

PDF_NAME = "iraq-nato-partnership.pdf"  # the paper, A4: what "Download the paper" gives
PDF_LETTER_NAME = "iraq-nato-partnership-letter.pdf"  # the paper, US Letter
EDITION_PDF_NAME = "iraq-nato-edition.pdf"  # the paper, its sources and the timeline, A4
PDF_NAMES = (PDF_NAME, PDF_LETTER_NAME, EDITION_PDF_NAME)
ZIP_NAME = "iraq-nato-offline.zip"
EXPORT_DIR = "sources"  # claims.json/csv and verdict-log.json/csv sit next to /sources/


def page_path(name: str) -> str:
    """Public path of a page by name: 'index' → '/', 'evolution' → '/evolution/'."""
    return "/" if name == "index" else f"/{name}/"


def src_path(src_uri: str) -> str:
    """Public path of a Markdown file, relative to the site: 'a/index.md' → 'a/'.

    ``index.md`` → ``""``, ``evolution.md`` → ``"evolution/"``.
    """
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def path_sources(path: str) -> list[str]:
    """The Markdown files that could publish a path: '/evolution/' → 'evolution.md', …."""
    if path == "/":
        return ["index.md"]
    stem = path.strip("/")
    return [f"{stem}.md", f"{stem}/index.md"]


def absolute(site_url: str, name: str, anchor: str = "") -> str:
    """Absolute address of a page by name, with an optional id."""
    return site_url.rstrip("/") + page_path(name) + (f"#{anchor}" if anchor else "")
