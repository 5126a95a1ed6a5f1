"""The manifest of published addresses (``data/anchors.txt``): the file and its entries.

Every page, heading and paragraph address the edition has published, one per line
(``/evolution/#p1-3``, relative to ``site_url``), sorted. Lines are only ever added:
``merge`` (``edition anchors``, ``make anchors``) adds the addresses a built site
publishes (``edition.publish.manifest``) and never drops one; the project check
(``edition.checks.manifest``) finds what the sources alone can tell.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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
