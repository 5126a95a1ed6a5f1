"""``edition-check``: the command-line front door of the project check.

Prints every problem as ``path:line: message`` and exits 1, or prints a one-line
summary and exits 0. Never shows a traceback for bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_project


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
