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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
