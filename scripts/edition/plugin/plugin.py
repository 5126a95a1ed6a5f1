"""The edition plugin: every step of the build, so ``mkdocs build`` alone makes the site.

Before the build it points the edition's Markdown extensions at the project, fixes the
build's date, guards the public address and runs the project check. While pages render
it notes where their paragraphs are. After the build it writes the claims ledger
downloads and the search entries by paragraph, strips the stylesheet's comments, then
(the slow steps, left out by ``mkdocs serve``) typesets the PDFs, builds and zips the
offline edition, and writes the Brotli copies, in that order: each reads what the step
before it wrote.

State lives on the instance: MkDocs keeps a plugin that has ``on_startup`` across the
rebuilds of ``mkdocs serve``, and builds a fresh one for every other config (such as
the offline edition's, built from inside this one).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from edition.checks.project import check_edition
from edition.extensions.base import PACKAGE
from edition.model.config import PLACEHOLDER_URL
from edition.model.edition import load_edition
from edition.plugin.config import EditionConfig
from edition.plugin.offline_edition import (
    add_shim,
    build_offline_edition,
    is_offline_edition,
    ledger_links_into_sources,
    public_canonical_url,
)
from edition.publish.compress import compress_site
from edition.publish.export import write_exports
from edition.publish.lean_css import without_comments
from edition.publish.pdf import PdfError, build_pdfs
from edition.publish.search_index import PageSplit, page_split, split_index
from edition.publish.source_date import settle_source_date

log = logging.getLogger("mkdocs.plugins.edition")
STYLESHEET = "assets/stylesheets/edition.css"  # in the built site


class EditionPlugin(BasePlugin[EditionConfig]):
    """The edition's build steps; each option turns one on or off."""

    def __init__(self):
        self.serving = False
        self.root = Path()
        # Page address → its paragraphs, for the search index. Kept across rebuilds:
        # `mkdocs serve` re-renders only changed pages and Material keeps the others.
        self.splits: dict[str, PageSplit] = {}
        # The placeholder notice is said once, not on every rebuild of `mkdocs serve`.
        self.told_placeholder = False
        # This build's warnings so far: MkDocs stops a strict build for them only after
        # every plugin's on_post_build, so the slow steps look first.
        self.warnings: CountHandler | None = None

    def on_startup(self, *, command, dirty) -> None:
        """Note whether this is `mkdocs serve`, which leaves the slow steps out."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig):
        """Point the extensions at the project; date the build; guard the public address."""
        if not self.config.enabled:
            return config
        # The folder of the config file: `mkdocs build -f /path/mkdocs.yml` run from any
        # folder reads the right data.
        self.root = Path(config.config_file_path).resolve().parent
        for name in config.markdown_extensions:
            if isinstance(name, str) and name.startswith(PACKAGE):
                config.mdx_configs.setdefault(name, {})["root"] = str(self.root)
        # Two builds of one commit give the same bytes without anyone setting the date.
        settle_source_date(self.root)
        if config.site_url == PLACEHOLDER_URL:
            if os.environ.get("EDITION_PUBLISH"):
                raise Abort(
                    f"site_url is the placeholder {PLACEHOLDER_URL}; publish with the real "
                    "address: SITE_URL=https://… make publish"
                )
            if not self.told_placeholder and not is_offline_edition(config):
                self.told_placeholder = True
                log.info(
                    "Copied links and citations point at the placeholder %s; set "
                    "SITE_URL=https://… for a build that others will read",
                    PLACEHOLDER_URL,
                )
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Log each problem as ``path:line: message``; stop the build if there were any."""
        if not self.config.enabled:
            return
        self.count_warnings()
        if not self.config.check:
            return
        problems = check_edition(load_edition(self.root))
        for problem in problems:
            log.error(str(problem))
        if problems:
            raise PluginError(
                f"edition check: {len(problems)} problem(s) in the sources, see above"
            )

    def count_warnings(self) -> None:
        """Start counting this build's warnings, on the logger MkDocs' strict mode counts."""
        self.stop_counting()
        self.warnings = CountHandler(level=logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def stop_counting(self) -> int:
        """Stop counting; the number of warnings counted."""
        if self.warnings is None:
            return 0
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        count, self.warnings = sum(self.warnings.counts.values()), None
        return count

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build counts no more warnings."""
        self.stop_counting()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The offline edition ships the worker shim its search needs on file://."""
        if self.config.enabled and is_offline_edition(config):
            add_shim(files, config, self.root)
        return files

    # Material's search plugin (priority 0) drops data-search-exclude from the page once
    # it has read it; the paragraphs are read first, with the exclusions still in place.
    @event_priority(50)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        """Note where the page's paragraphs are; offline, keep the public canonical URL."""
        if not self.config.enabled:
            return context
        split = page_split(page.url, page.content or "")
        if split:
            self.splits[page.url] = split
        else:
            self.splits.pop(page.url, None)
        if is_offline_edition(config):
            public_canonical_url(page, config)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Offline, the ledger download links point into sources/."""
        if self.config.enabled and is_offline_edition(config):
            return ledger_links_into_sources(output, page)
        return output

    # After Material's search plugin writes search_index.json (priority 0), before its
    # offline plugin (priority -100) turns that file into search_index.js.
    @event_priority(-50)
    def _write_site_files(self, *, config: MkDocsConfig) -> None:
        """Claims and verdict-log downloads; one search entry per paragraph; lean CSS."""
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        write_exports(load_edition(self.root), site)
        index = site / "search" / "search_index.json"
        if index.exists():
            data = split_index(json.loads(index.read_text("utf-8")), list(self.splits.values()))
            # As Material writes it: compact, ASCII.
            index.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
        stylesheet = site / STYLESHEET
        if stylesheet.exists():
            stylesheet.write_text(without_comments(stylesheet.read_text("utf-8")), "utf-8")

    # Last of all plugins: the PDFs read the built pages, the zip holds the PDFs, and the
    # Brotli copies must match every file the steps before them wrote.
    @event_priority(-200)
    def _publish(self, *, config: MkDocsConfig) -> None:
        """The slow steps: the PDFs, the offline edition's zip, the Brotli copies."""
        if not self.config.enabled:
            return
        warned = self.stop_counting()
        if self.serving:
            return
        if warned and config.strict:
            # MkDocs aborts this build next; typesetting for it would only delay that.
            log.info("Slow steps skipped: the strict build has %d warning(s)", warned)
            return
        site = Path(config.site_dir)
        if self.config.pdf:
            try:
                built = build_pdfs(site, self.root)
            except PdfError as error:
                raise PluginError(f"edition pdf: {error}") from None
            for one in built:
                log.info(
                    "PDF: %s (%d pages, %d KB) in %.1f s",
                    one.path.name,
                    one.pages,
                    one.size // 1000,
                    one.seconds,
                )
        if self.config.offline:
            target, count = build_offline_edition(self.root, site)
            log.info(
                "Offline edition: %s (%d files, %d KB)",
                target.name,
                count,
                target.stat().st_size // 1000,
            )
        if self.config.compress:
            done = compress_site(site)
            log.info(
                "Brotli copies: %d files, %d KB as %d KB",
                done.files,
                done.raw // 1000,
                done.packed // 1000,
            )

    on_post_build = CombinedEvent(_write_site_files, _publish)
