"""The manifest of published addresses (``data/anchors.txt``): what must keep working.

Every page, heading and paragraph address the edition has published, one per line
(``/evolution/#p1-3``, relative to ``site_url``), sorted. Lines are only ever added:

- ``merge`` (``edition-anchors``, ``make anchors``) adds the addresses found in a built
  site and never drops one;
- ``missing`` lists the entries a built site no longer answers, following the redirect
  pages of ``mkdocs-redirects`` (the manifest test and ``edition-anchors`` use it);
- ``check_manifest`` (part of the project check, so it fails ``mkdocs build`` too) finds
  what the sources alone can tell: an entry whose page is gone without a redirect, or
  whose id no paper page defines any more and no alias keeps.

Pure: reads files and HTML with the standard library, no MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .anchors import PUBLIC_ID_RE
from .pdf import PDF_NAME
from .problems import Problem

MANIFEST_PATH = "data/anchors.txt"
HEADER = """\
# Published addresses of this edition: one path#anchor per line, relative to site_url.
#
# Each line is a promise to readers who pasted the address into a briefing: it must
# keep working. Lines are only ever added (`make anchors` adds the new addresses of a
# built site and never removes one); a test fails when the built site lacks one.
# To move a page, add a redirect (mkdocs.yml, plugin `redirects`); to rename an id,
# keep the old one in data/anchor-aliases.yml. Never delete a line.
"""
# mkdocs-redirects writes pages whose only job is this refresh.
REFRESH_RE = re.compile(r'<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"', re.I)
PUBLISHED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p"}
NOT_PUBLISHED = {"404.html"}  # the error page has no address of its own


# ---- The file ------------------------------------------------------------------------


def parse_manifest(text: str) -> list[tuple[int, str]]:
    """(line, entry) for every entry; comments and blank lines skipped."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def format_manifest(entries: Iterable[str]) -> str:
    """The file's text: the header, then the entries sorted, one per line."""
    return HEADER + "".join(f"{entry}\n" for entry in sorted(set(entries)))


def merge(existing: Iterable[str], found: Iterable[str]) -> list[str]:
    """The manifest after a build: every existing entry kept, the new ones added, sorted."""
    return sorted(set(existing) | set(found))


def read_entries(root: Path) -> list[tuple[int, str]]:
    """The committed manifest's entries; none when there is no manifest yet."""
    path = root / MANIFEST_PATH
    return parse_manifest(path.read_text(encoding="utf-8")) if path.is_file() else []


# ---- The built site --------------------------------------------------------------------


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
    if (site_dir / PDF_NAME).is_file():
        found.add(f"/{PDF_NAME}")
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


# ---- The check (sources only) ----------------------------------------------------------


def redirect_sources(config: dict) -> set[str]:
    """Old page paths (``old.md``) that mkdocs.yml redirects, from the ``redirects`` plugin."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            maps = (plugin["redirects"] or {}).get("redirect_maps") or {}
            return {str(old) for old in maps}
    return set()


def page_file(path: str) -> list[str]:
    """The Markdown files that could publish a path: '/evolution/' → 'evolution.md'."""
    if path == "/":
        return ["index.md"]
    stem = path.strip("/")
    return [f"{stem}.md", f"{stem}/index.md"]


def check_manifest(
    entries: list[tuple[int, str]],
    docs: set[str],
    redirected: set[str],
    paper_ids: dict[str, set[str]],
) -> list[Problem]:
    """What the sources can tell about the manifest before any build.

    ``docs``: the Markdown files under docs/ (``evolution.md``); ``redirected``: the old
    files mkdocs.yml redirects; ``paper_ids``: page name → the ids its sources define plus
    the old ids its aliases keep, for the pages whose every id the sources define.
    """
    problems = []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(MANIFEST_PATH, line, message))

    seen: dict[str, int] = {}
    previous = ""
    for line, entry in entries:
        path, _, anchor = entry.partition("#")
        if not path.startswith("/") or (anchor and not PUBLIC_ID_RE.match(anchor)):
            problem(line, f"{entry!r} is not a path#anchor like /evolution/#p1-3")
            continue
        if entry in seen:
            problem(
                line, f"{entry} is listed twice (first at line {seen[entry]}); remove this line"
            )
            continue
        seen[entry] = line
        if entry < previous:
            problem(line, f"{entry} is out of order; run `make anchors` to sort the file")
        previous = max(previous, entry)
        if path == f"/{PDF_NAME}":
            continue
        files = page_file(path)
        if not any(name in docs or name in redirected for name in files):
            problem(
                line,
                f"{entry} is published but no page has this address; restore the page or "
                f"add a redirect from {files[0]} in mkdocs.yml (plugin 'redirects')",
            )
            continue
        name = files[0].removesuffix(".md").removesuffix("/index") if path != "/" else "index"
        if anchor and name in paper_ids and anchor not in paper_ids[name]:
            problem(
                line,
                f"{entry} is published but page {name!r} has no id {anchor!r}; restore the id "
                f"or keep it as an alias in data/anchor-aliases.yml",
            )
    return problems
