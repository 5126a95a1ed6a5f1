"""Link checker for a built site: every internal link and anchor resolves; external links listed.

Reads every HTML file under the site folder and follows each ``href``/``src`` of
``a``, ``area``, ``link``, ``script``, ``img``, ``source``, ``iframe``, ``video`` and
``audio`` (and ``<meta http-equiv=refresh>``, which redirect pages use):

- a relative or root-relative address must name a file in the folder; a directory
  address (``evolution/``) needs its ``index.html``, and is broken when the site is to
  be read from a folder (``file_urls``), where nothing opens ``index.html`` for you;
- a fragment (``#p1-3``) must be an ``id`` (or ``<a name>``) on the target page;
- an absolute address under the public ``site_url`` is checked as internal too, so
  citations and canonical links that spell out the full address are verified;
- any other ``http(s)`` address is external: listed with the pages that use it, never
  fetched (tests must not depend on other people's servers).

``python -m devtools.linkcheck site [--external FILE] [--file-urls]`` prints each broken
link as ``file:line: message`` and exits 1; ``make links`` runs it on both editions.
Pure: standard library only, no MkDocs import.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

VIRTUAL = "http://site.invalid/"  # where the folder is mounted while resolving
LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "video": "src",
    "audio": "src",
}
IGNORED_SCHEMES = {"mailto", "tel", "javascript", "data", "blob"}
REFRESH_RE = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*['\"]?([^'\"]+)", re.I)


@dataclass(frozen=True, order=True)
class Broken:
    """A link that leads nowhere."""

    page: str
    line: int
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.href!r}: {self.reason}"


@dataclass
class Report:
    """What the checker found: broken links, and external addresses with their pages."""

    pages: int = 0
    links: int = 0
    broken: list[Broken] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=dict)


class _PageParser(HTMLParser):
    """Collects a page's ids and its links with line numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        """Record ``id``/``name`` targets and link-bearing attributes."""
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        line = self.getpos()[0]
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and attributes.get(wanted) is not None:
            self.links.append((line, attributes[wanted]))
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            match = REFRESH_RE.match(attributes.get("content") or "")
            if match:
                self.links.append((line, match.group(1)))

    handle_startendtag = handle_starttag


def parse_page(path: Path) -> _PageParser:
    """Ids and links of one HTML file."""
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def check_site(site: Path, site_url: str = "", file_urls: bool = False) -> Report:
    """Check every link of every HTML page under ``site``."""
    pages = {path.relative_to(site).as_posix(): parse_page(path) for path in site.rglob("*.html")}
    report = Report(pages=len(pages))
    public = urlsplit(site_url) if site_url else None
    for name, parsed in sorted(pages.items()):
        for line, href in parsed.links:
            report.links += 1
            problem = _check_link(site, pages, name, href, public, file_urls, report)
            if problem:
                report.broken.append(Broken(name, line, href, problem))
    report.broken.sort()
    return report


def _check_link(site, pages, name, href, public, file_urls, report) -> str | None:
    """None when the link resolves; otherwise why it does not."""
    href = href.strip()
    scheme = urlsplit(href).scheme.lower()
    if scheme in IGNORED_SCHEMES:
        return None
    target = urlsplit(urljoin(VIRTUAL + name, href))
    if target.scheme not in ("http", "https"):
        return f"unsupported scheme {target.scheme!r}"
    if target.netloc != urlsplit(VIRTUAL).netloc:
        if public and target.netloc == public.netloc and target.path.startswith(public.path):
            path = target.path[len(public.path) :]
        else:
            report.external.setdefault(href, set()).add(name)
            return None
    else:
        path = target.path.lstrip("/")
    path = unquote(path)
    if path == "" or path.endswith("/"):
        if file_urls:
            return "a directory address; opened from a folder it shows no page"
        path += "index.html"
    file = site / path
    if file.is_dir():
        if file_urls or not (file / "index.html").is_file():
            return "a directory without index.html"
        path += "/index.html"
    elif not file.is_file():
        return f"no file {path}"
    fragment = unquote(target.fragment)
    if fragment and path in pages and fragment not in pages[path].ids:
        return f"no id {fragment!r} on {path}"
    return None


def write_external(report: Report, target: Path) -> None:
    """One external address a line, sorted, with the number of pages that link to it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        f"{url}\t{len(pages)} page(s): {', '.join(sorted(pages)[:3])}"
        for url, pages in sorted(report.external.items())
    ]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Check a built site; print broken links as ``file:line: message``; exit 1 if any."""
    parser = argparse.ArgumentParser(prog="edition.linkcheck", description=__doc__.splitlines()[0])
    parser.add_argument("site", help="the built site folder, e.g. site or build/offline")
    parser.add_argument("--external", type=Path, help="write the external links to this file")
    parser.add_argument(
        "--file-urls", action="store_true", help="the folder is read from disk (file://)"
    )
    parser.add_argument(
        "--root", default=".", help="project root, whose mkdocs.yml names the public site_url"
    )
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}: not a built site (no index.html); run `make build`", file=sys.stderr)
        return 2
    # Absolute links to the public site are internal links of the public build only: in
    # the offline edition they point away from the folder, to the public site.
    site_url = "" if args.file_urls else _site_url(Path(args.root))
    report = check_site(site, site_url=site_url, file_urls=args.file_urls)
    for broken in report.broken:
        print(f"{site}/{broken}", file=sys.stderr)
    if args.external:
        write_external(report, args.external)
    print(
        f"edition.linkcheck: {site}: {report.pages} pages, {report.links} links, "
        f"{len(report.broken)} broken, {len(report.external)} external"
        + (f" (listed in {args.external})" if args.external else "")
    )
    return 1 if report.broken else 0


def _site_url(root: Path) -> str:
    """``site_url`` from mkdocs.yml, as the edition reads it."""
    from edition.model.config import read_config, site_facts

    return site_facts(read_config(root)).url


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
