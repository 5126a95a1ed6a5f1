"""MkDocs hook: run the project check before a build and fail the build on any problem.

A thin adapter: all logic is in ``edition.check``, which the command line runs too.
Touches two build events: ``on_pre_build``, so a bad source stops the build before
any page is written, and ``on_post_build``, which writes the claims ledger downloads.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from edition.check import check_project
from edition.export import write_exports

log = logging.getLogger("mkdocs.hooks.edition")


def on_pre_build(config) -> None:
    """Log each problem as ``path:line: message``; abort the build if there were any."""
    problems = check_project(Path(config.config_file_path).parent)
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"edition check: {len(problems)} problem(s) in the sources, see above")


def on_post_build(config) -> None:
    """Write claims.json and claims.csv next to /sources/."""
    write_exports(Path(config.config_file_path).parent, Path(config.site_dir), config.site_url)
