"""MkDocs hook: the edition's thin adapter to MkDocs (no logic of its own).

- ``on_config``: gives every edition extension the project root, the folder of the
  config file, so ``mkdocs build -f /path/mkdocs.yml`` run from any folder reads the
  right data; says once when copied links point at the placeholder address, and stops a
  publishing build (``EDITION_PUBLISH=1``, set by ``make publish``) that would carry it.
- ``on_pre_build``: runs the project check; a bad source stops the build before any page
  is written.
- ``on_post_build``: writes the claims ledger downloads next to ``/sources/``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError

from edition.checks.project import check_edition
from edition.extensions.base import PACKAGE
from edition.model.config import PLACEHOLDER_URL
from edition.model.edition import load_edition
from edition.publish.export import write_exports

log = logging.getLogger("mkdocs.hooks.edition")
# The placeholder notice is said once per process, not on every rebuild of `mkdocs serve`.
_told: set[str] = set()


def root_of(config) -> Path:
    """The project root: the folder that holds the config file."""
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    """Point the edition's extensions at the project; guard the public address."""
    root = str(root_of(config))
    for name in config.markdown_extensions:
        if isinstance(name, str) and name.startswith(PACKAGE):
            config.mdx_configs.setdefault(name, {})["root"] = root
    if config.site_url == PLACEHOLDER_URL:
        if os.environ.get("EDITION_PUBLISH"):
            raise Abort(
                f"site_url is the placeholder {PLACEHOLDER_URL}; publish with the real "
                "address: SITE_URL=https://… make publish"
            )
        if root not in _told:
            _told.add(root)
            log.info(
                "Copied links and citations point at the placeholder %s; set SITE_URL=https://… "
                "for a build that others will read",
                PLACEHOLDER_URL,
            )
    return config


def on_pre_build(config) -> None:
    """Log each problem as ``path:line: message``; abort the build if there were any."""
    problems = check_edition(load_edition(root_of(config)))
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"edition check: {len(problems)} problem(s) in the sources, see above")


def on_post_build(config) -> None:
    """Write claims.json/csv and verdict-log.json/csv next to /sources/."""
    write_exports(load_edition(root_of(config)), Path(config.site_dir))
