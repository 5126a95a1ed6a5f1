"""MkDocs hook: the edition's thin adapter to MkDocs (no logic of its own).

- ``on_config``: gives every edition extension the project root, the folder of the
  config file, so ``mkdocs build -f /path/mkdocs.yml`` run from any folder reads the
  right data; says once when copied links point at the placeholder address, and stops a
  publishing build (``EDITION_PUBLISH=1``, set by ``make publish``) that would carry it.
- ``on_pre_build``: runs the project check; a bad source stops the build before any page
  is written.
- ``on_page_context`` (before Material's search plugin reads the page): notes where the
  page's paragraphs are, for the search index.
- ``on_post_build``: writes the claims ledger downloads next to ``/sources/``; gives
  each paragraph of the paper its own search entry (after Material writes the index,
  before its offline plugin copies it into ``search_index.js``); sends the edition's
  stylesheet without its comments.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority

from edition.checks.project import check_edition
from edition.extensions.base import PACKAGE
from edition.model.config import PLACEHOLDER_URL
from edition.model.edition import load_edition
from edition.publish.export import write_exports
from edition.publish.lean_css import without_comments
from edition.publish.search_index import PageSplit, page_split, split_index

log = logging.getLogger("mkdocs.hooks.edition")
# The placeholder notice is said once per process, not on every rebuild of `mkdocs serve`.
_told: set[str] = set()
# Page address → its paragraphs, gathered page by page for the search index. Kept across
# rebuilds: `mkdocs serve` re-renders only changed pages and Material keeps the others.
_splits: dict[str, PageSplit] = {}
STYLESHEET = "assets/stylesheets/edition.css"  # in the built site


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


# Material's search plugin (priority 0) drops data-search-exclude from the page once it
# has read it; the paragraphs are read first, with the exclusions still in place.
@event_priority(50)
def on_page_context(context, page, config, nav):
    """Note where the page's paragraphs are, for the search index."""
    split = page_split(page.url, page.content or "")
    if split:
        _splits[page.url] = split
    else:
        _splits.pop(page.url, None)
    return context


# After Material's search plugin writes search_index.json (priority 0), before its
# offline plugin (priority -100) turns that file into search_index.js.
@event_priority(-50)
def on_post_build(config) -> None:
    """Write claims.json/csv and verdict-log.json/csv; one search entry per paragraph."""
    write_exports(load_edition(root_of(config)), Path(config.site_dir))
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        data = split_index(json.loads(index.read_text("utf-8")), list(_splits.values()))
        # As Material writes it: compact, ASCII.
        index.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
    stylesheet = Path(config.site_dir) / STYLESHEET
    if stylesheet.exists():
        stylesheet.write_text(without_comments(stylesheet.read_text("utf-8")), "utf-8")
