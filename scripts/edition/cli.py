"""``edition``: the one command-line front door: check, pdf, export, anchors, offline.

Every subcommand takes the project root with ``--root`` (default: the current folder)
and prints problems as ``path:line: message`` or one line saying what to do, never a
traceback for bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.checks.project import check_edition
from edition.model.config import CONFIG
from edition.model.edition import Edition, load_edition
from edition.model.manifest import MANIFEST_PATH, format_manifest, merge
from edition.model.problems import SourceError


class CommandError(Exception):
    """Stops a command with one line for the reader and an exit status."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


def project(root: str) -> Edition:
    """The edition model at ``root``, or a one-line error."""
    path = Path(root)
    if not (path / CONFIG).is_file():
        raise CommandError(f"{path}: no {CONFIG} here; run from the project root or pass --root")
    try:
        return load_edition(path)
    except SourceError as error:
        raise CommandError(str(error.problem), 1) from None


def built_site(site_dir: str) -> Path:
    """A built site folder, or a one-line error."""
    site = Path(site_dir)
    if not (site / "index.html").is_file():
        raise CommandError(f"{site} holds no built site; run make build")
    return site


def cmd_check(args) -> int:
    """Check the sources: every problem as path:line: message."""
    problems = check_edition(project(args.root))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"edition check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("edition check: sources OK")
    return 0


def cmd_export(args) -> int:
    """Write claims.json/csv and verdict-log.json/csv into a built site (for other engines)."""
    from edition.publish.export import write_exports

    edition = project(args.root)
    if check_edition(edition):
        raise CommandError("the sources have problems; run edition check", 1)
    for path in write_exports(edition, built_site(args.site_dir)):
        print(f"edition export: wrote {path}")
    return 0


def cmd_pdf(args) -> int:
    """Build the PDFs into a built site (run after `mkdocs build`)."""
    from edition.publish.pdf import PdfError, build_pdfs

    try:
        built = build_pdfs(Path(args.site_dir), Path(args.root))
    except PdfError as error:
        raise CommandError(str(error), 1) from None
    for one in built:
        print(
            f"edition pdf: wrote {one.path} ({one.pages} pages, {one.size // 1000} KB) "
            f"in {one.seconds:.1f} s"
        )
    return 0


def cmd_anchors(args) -> int:
    """Add a built site's new addresses to data/anchors.txt; never remove one.

    Exits 1, naming each, when the site lacks addresses the manifest promises (restore
    them, keep an old id as an alias, or redirect a moved page).
    """
    from edition.publish.manifest import harvest, missing

    edition, site = project(args.root), built_site(args.site_dir)
    existing = [entry for _line, entry in edition.manifest]
    merged = merge(existing, harvest(site))
    added = sorted(set(merged) - set(existing))
    text = format_manifest(merged)
    path = edition.root / MANIFEST_PATH
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    for entry in added:
        print(f"edition anchors: added {entry}")
    print(f"edition anchors: {len(merged)} addresses in {MANIFEST_PATH} ({len(added)} new)")
    lines = {entry: line for line, entry in edition.manifest}
    lost = missing(existing, site)
    for entry in lost:
        print(
            f"{MANIFEST_PATH}:{lines[entry]}: {entry} is not on the built site; restore it, "
            "keep the old id as an alias (data/anchor-aliases.yml) or redirect the page",
            file=sys.stderr,
        )
    return 1 if lost else 0


def cmd_offline(args) -> int:
    """Finish the offline edition (its PDF) and zip it into the public site."""
    from edition.publish.offline import finish

    try:
        target, count = finish(Path(args.site_dir), Path(args.offline_dir))
    except FileNotFoundError as error:
        raise CommandError(str(error), 1) from None
    print(f"edition offline: wrote {target} ({count} files, {target.stat().st_size // 1000} KB)")
    return 0


def cmd_compress(args) -> int:
    """Write Brotli copies of a built site's text files (the build's last step)."""
    from edition.publish.compress import compress_site

    site = built_site(args.site_dir)
    done = compress_site(site)
    print(
        f"edition compress: {done.files} files in {site}, {done.raw // 1000} KB as "
        f"{done.packed // 1000} KB in Brotli ({done.written} written, {done.removed} removed)"
    )
    return 0


COMMANDS = {
    "check": (cmd_check, ()),
    "export": (cmd_export, ("site_dir",)),
    "pdf": (cmd_pdf, ("site_dir",)),
    "anchors": (cmd_anchors, ("site_dir",)),
    "offline": (cmd_offline, ("site_dir", "offline_dir")),
    "compress": (cmd_compress, ("site_dir",)),
}
HELP = {
    "site_dir": "the built site, e.g. site",
    "offline_dir": "the built offline edition, e.g. build/offline",
}


def parser() -> argparse.ArgumentParser:
    """The command line: one subcommand per publishing step."""
    top = argparse.ArgumentParser(prog="edition", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (function, positionals) in COMMANDS.items():
        sub = commands.add_parser(name, help=function.__doc__.splitlines()[0])
        for positional in positionals:
            sub.add_argument(positional, help=HELP[positional])
        sub.add_argument("--root", default=".", help=f"project root (holds {CONFIG})")
        sub.set_defaults(function=function)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; a CommandError becomes one line on stderr and its status."""
    args = parser().parse_args(argv)
    try:
        return args.function(args)
    except CommandError as error:
        print(f"edition {args.command}: {error}", file=sys.stderr)
        return error.status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
