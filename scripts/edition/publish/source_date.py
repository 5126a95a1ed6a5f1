"""The date every build writes (sitemap ``lastmod``, gzip and zip times, PDF metadata).

Reproducible builds take it from ``SOURCE_DATE_EPOCH``. When that is unset, the edition
plugin sets it from the last commit, so that a plain ``mkdocs build`` of one commit gives
the same bytes on any machine and any day; outside a git checkout, from the newest
source file. The caller's own value always wins. No MkDocs import.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"
# What the site is built from: a change here is a change to the edition (the Makefile
# or the tests are not).
SOURCES = ("mkdocs.yml", "docs", "data", "overrides")


def last_commit_time(root: Path) -> int | None:
    """The last commit's time, or None outside a git checkout (or without git)."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    value = result.stdout.strip()
    return int(value) if result.returncode == 0 and value.isdigit() else None


def newest_source_time(root: Path) -> int | None:
    """The modification time of the newest file the site is built from."""
    times = []
    for name in SOURCES:
        path = root / name
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        times += [int(one.stat().st_mtime) for one in files if one.is_file()]
    return max(times, default=None)


def source_date(root: Path) -> int | None:
    """The build's date: the caller's, else the last commit's, else the newest source's."""
    value = os.environ.get(VARIABLE, "").strip()
    if value.isdigit():
        return int(value)
    return last_commit_time(root) or newest_source_time(root)


def settle_source_date(root: Path) -> int | None:
    """Set ``SOURCE_DATE_EPOCH`` for this process when unset; return the date in force.

    The environment, not an argument: MkDocs itself reads it for the sitemap's dates.
    """
    epoch = source_date(root)
    if epoch is not None:
        os.environ[VARIABLE] = str(epoch)
    return epoch
