"""``edition-check``: the command-line front door of the project check.

Prints every problem as ``path:line: message`` and exits 1, or prints a one-line
summary and exits 0. Never shows a traceback for bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_project
from .export import write_exports
from .manifest import MANIFEST_PATH, format_manifest, harvest, merge, missing, read_entries
from .pdf import PdfError, build_pdf
from .yaml_source import load_yaml


def main(argv: list[str] | None = None) -> int:
    """Run the check on a project directory (default: the current one)."""
    parser = argparse.ArgumentParser(prog="edition-check", description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=".", help="project root (holds mkdocs.yml)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    if not (root / "mkdocs.yml").is_file():
        print(f"{root}: no mkdocs.yml here; run from the project root", file=sys.stderr)
        return 2
    problems = check_project(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"edition-check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("edition-check: sources OK")
    return 0


def export_main(argv: list[str] | None = None) -> int:
    """Write claims.json/csv into a built site (for engines that run no MkDocs hooks)."""
    parser = argparse.ArgumentParser(prog="edition-export", description=export_main.__doc__)
    parser.add_argument("site_dir", help="the built site, e.g. site")
    parser.add_argument("--root", default=".", help="project root (holds mkdocs.yml)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    if check_project(root):
        print("edition-export: the sources have problems; run edition-check", file=sys.stderr)
        return 1
    site_url = load_yaml(root / "mkdocs.yml", "mkdocs.yml", config=True).get("site_url", "")
    for path in write_exports(root, Path(args.site_dir), site_url):
        print(f"edition-export: wrote {path}")
    return 0


def pdf_main(argv: list[str] | None = None) -> int:
    """Build the PDF edition from a built site's /print/ page (run after `mkdocs build`)."""
    parser = argparse.ArgumentParser(prog="edition-pdf", description=pdf_main.__doc__)
    parser.add_argument("site_dir", help="the built site, e.g. site")
    parser.add_argument("--root", default=".", help="project root (holds mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        built = build_pdf(Path(args.site_dir), Path(args.root))
    except PdfError as error:
        print(f"edition-pdf: {error}", file=sys.stderr)
        return 1
    print(
        f"edition-pdf: wrote {built.path} ({built.pages} pages, {built.size // 1000} KB) "
        f"in {built.seconds:.1f} s"
    )
    return 0


def anchors_main(argv: list[str] | None = None) -> int:
    """Add a built site's new addresses to data/anchors.txt; never remove one.

    Exits 1, naming each, when the site lacks addresses the manifest promises (restore
    them, keep an old id as an alias, or redirect a moved page).
    """
    parser = argparse.ArgumentParser(
        prog="edition-anchors", description=anchors_main.__doc__.splitlines()[0]
    )
    parser.add_argument("site_dir", help="the built site, e.g. site (after `make build`)")
    parser.add_argument("--root", default=".", help="project root (holds data/anchors.txt)")
    args = parser.parse_args(argv)
    root, site = Path(args.root), Path(args.site_dir)
    if not (site / "index.html").is_file():
        print(f"edition-anchors: {site} holds no built site; run make build", file=sys.stderr)
        return 2
    entries = read_entries(root)
    existing = [entry for _line, entry in entries]
    merged = merge(existing, harvest(site))
    added = sorted(set(merged) - set(existing))
    text = format_manifest(merged)
    path = root / MANIFEST_PATH
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    for entry in added:
        print(f"edition-anchors: added {entry}")
    print(f"edition-anchors: {len(merged)} addresses in {MANIFEST_PATH} ({len(added)} new)")
    lines = dict((entry, line) for line, entry in entries)
    lost = missing(existing, site)
    for entry in lost:
        print(
            f"{MANIFEST_PATH}:{lines[entry]}: {entry} is not on the built site; restore it, "
            "keep the old id as an alias (data/anchor-aliases.yml) or redirect the page",
            file=sys.stderr,
        )
    return 1 if lost else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
