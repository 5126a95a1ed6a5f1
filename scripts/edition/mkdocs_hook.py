"""MkDocs hook: run the project check before a build and fail the build on any problem.

A thin adapter: all logic is in ``edition.check``, which the command line runs too.
Touches one build event, ``on_pre_build``, so a bad source stops the build before any
page is written.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from edition.check import check_project

log = logging.getLogger("mkdocs.hooks.edition")


def on_pre_build(config) -> None:
    """Log each problem as ``path:line: message``; abort the build if there were any."""
    problems = check_project(Path(config.config_file_path).parent)
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"edition check: {len(problems)} problem(s) in the sources, see above")
