"""Content-Security-Policy hashes for the inline scripts of a built site.

Material for MkDocs writes a few small inline scripts into every page (the storage
helpers, the colour palette restore, the tab restore). A policy without
``'unsafe-inline'`` must list the SHA-256 of each, and they change when the theme
changes. ``python -m devtools.csp site`` prints the ``script-src`` sources to paste into
``deploy/nginx.conf``; the deploy test fails when that file misses one.

Pure: reads files, no MkDocs import.
"""

from __future__ import annotations

import base64
import hashlib
import sys
from html.parser import HTMLParser
from pathlib import Path

# Script types a browser executes; JSON and JSON-LD data blocks need no hash.
EXECUTED_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    """Collects the text of every executed ``<script>`` without ``src``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        """Start collecting at an inline, executed script."""
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        if "src" not in attributes and kind in EXECUTED_TYPES:
            self._current = []

    def handle_data(self, data):
        """Script text arrives raw (HTML does not parse inside <script>)."""
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        """Finish the script being collected."""
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, in document order."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    """The CSP source for one script: ``'sha256-<base64>'`` of its UTF-8 text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_script_hashes(site: Path) -> dict[str, list[str]]:
    """Every distinct inline-script hash in the site, with the pages that use it."""
    hashes: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        for script in inline_scripts(page.read_text(encoding="utf-8")):
            hashes.setdefault(script_hash(script), []).append(page.relative_to(site).as_posix())
    return hashes


def main(argv: list[str] | None = None) -> int:
    """Print the hashes, one per line, each with the number of pages using it."""
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else "site")
    if not (site / "index.html").is_file():
        print(f"{site}: not a built site (no index.html); run `make build` first", file=sys.stderr)
        return 2
    for source, pages in sorted(site_script_hashes(site).items()):
        print(f"{source}  # {len(pages)} page(s), e.g. {pages[0]}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
