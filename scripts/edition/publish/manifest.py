"""The addresses a built site publishes, and the manifest entries it no longer answers.

- ``harvest`` (``edition anchors``, ``make anchors``) lists every address of a built
  site: its pages, their headings and paragraphs, and the PDF;
- ``missing`` lists the entries a built site no longer answers, following the redirect
  pages of ``mkdocs-redirects`` (the manifest test and ``edition anchors`` use it).

Reads HTML with the standard library, no MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from edition.model.addresses import PDF_NAMES, PUBLIC_ID_RE

# mkdocs-redirects writes pages whose only job is this refresh.
REFRESH_RE = re.compile(r'<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"', re.I)
PUBLISHED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p"}
NOT_PUBLISHED = {"404.html"}  # the error page has no address of its own


class _Ids(HTMLParser):
    """Ids of a page: all of them, and those of the article's headings and paragraphs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.all: set[str] = set()
        self.published: set[str] = set()
        self.depth = 0  # inside <article class="md-content__inner">: nesting of articles

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "article" and (
            self.depth or "md-content__inner" in (attributes.get("class") or "")
        ):
            self.depth += 1
        anchor = attributes.get("id")
        if not anchor:
            return
        self.all.add(anchor)
        # Headings and paragraphs of the page's text are its addresses; ids of the theme
        # (search, drawer) and note references ("fnref:7", numbered per page) are not.
        if self.depth and tag in PUBLISHED_TAGS and PUBLIC_ID_RE.match(anchor):
            self.published.add(anchor)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1


def page_ids(html: str) -> tuple[set[str], set[str]]:
    """(every id, the published ids) of one built page."""
    parser = _Ids()
    parser.feed(html)
    return parser.all, parser.published


def redirect_target(html: str) -> str | None:
    """The address a redirect page sends readers to, or None for a real page."""
    match = REFRESH_RE.search(html)
    return match.group(1) if match else None


def site_path(site_dir: Path, file: Path) -> str:
    """The address path of a built file: ``/``, ``/evolution/``, ``/x.pdf``."""
    relative = file.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def harvest(site_dir: Path) -> set[str]:
    """Every address a built site publishes: its pages, their anchors, and the PDF."""
    found = set()
    for file in sorted(site_dir.rglob("*.html")):
        if file.relative_to(site_dir).as_posix() in NOT_PUBLISHED:
            continue
        html = file.read_text(encoding="utf-8")
        if redirect_target(html) is not None:
            continue  # an old address kept by a redirect: it is in the manifest already
        path = site_path(site_dir, file)
        found.add(path)
        found.update(f"{path}#{anchor}" for anchor in page_ids(html)[1])
    found.update(f"/{name}" for name in PDF_NAMES if (site_dir / name).is_file())
    return found


def _file_for(site_dir: Path, path: str) -> Path:
    relative = path.lstrip("/")
    return site_dir / relative / "index.html" if path.endswith("/") else site_dir / relative


def missing(entries: Iterable[str], site_dir: Path) -> list[str]:
    """The entries the built site does not answer, after following redirect pages."""
    cache: dict[str, str | None] = {}

    def html_at(path: str) -> str | None:
        if path not in cache:
            file = _file_for(site_dir, path)
            cache[path] = (
                file.read_text(encoding="utf-8", errors="replace") if file.is_file() else None
            )
        return cache[path]

    lost = []
    for entry in entries:
        path, _, anchor = entry.partition("#")
        for _hop in range(5):  # a chain of moves, but never a loop
            html = html_at(path) if path.endswith("/") else None
            target = redirect_target(html) if html else None
            if target is None:
                break
            path = urlsplit(urljoin("http://site" + path, target)).path
        file = _file_for(site_dir, path)
        if not file.is_file():
            lost.append(entry)
        elif anchor and (html := html_at(path)) is not None and anchor not in page_ids(html)[0]:
            lost.append(entry)
    return lost
