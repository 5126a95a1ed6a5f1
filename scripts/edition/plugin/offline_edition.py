"""The offline edition: the site read from a folder (``file://``), built and zipped.

The plugin builds ``mkdocs.offline.yml`` (file URLs, Material's ``offline`` plugin for a
search that works on ``file://``) into a temporary folder after the public site; then
``edition.publish.offline.finish`` copies the PDFs in and zips it into the public site.

In that build (``extra.offline_edition``) the pages change in three ways:

- the vendored iframe-worker shim ships as ``assets/javascripts/iframe-worker.js``,
  which ``extra.polyfills`` loads; Material's ``offline`` plugin would add a CDN copy
  instead, which neither air-gapped readers nor the privacy rule allow;
- every page keeps its public address as canonical URL (``https://…/evolution/``, not
  ``evolution.html``): a reader who cites from the offline copy cites the public edition;
- the claims ledger downloads live in ``sources/``, but ``sources.html`` and
  ``print.html`` sit at the top of the folder, so their links to them point into it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition.model.addresses import EXPORT_DIR, src_path
from edition.publish.offline import finish

OFFLINE_CONFIG = "mkdocs.offline.yml"  # beside mkdocs.yml
SHIM = "vendor/iframe-worker/shim.js"  # in the project, beside mkdocs.yml
SHIM_URI = "assets/javascripts/iframe-worker.js"
# href="claims.json" (or verdict-log.csv…) on /sources/, href="../sources/claims.json" on /print/
LEDGER_LINK_RE = re.compile(
    rf'href="(?:\.\./{EXPORT_DIR}/)?((?:claims|verdict-log)\.(?:json|csv))"'
)


def is_offline_edition(config: MkDocsConfig) -> bool:
    """Whether this build is the offline edition (``extra.offline_edition`` in its config)."""
    return bool(config.extra.get("offline_edition"))


def add_shim(files: Files, config: MkDocsConfig, root: Path) -> Files:
    """Add the worker shim to the built files."""
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(root / SHIM)))
    return files


def public_canonical_url(page: Page, config: MkDocsConfig) -> None:
    """Give a page its public address as canonical URL."""
    if config.site_url:
        page.canonical_url = urljoin(config.site_url, src_path(page.file.src_uri))


def ledger_links_into_sources(output: str, page: Page) -> str:
    """Point the ledger download links of the sources and print pages into sources/."""
    if page.file.src_uri in ("sources.md", "print.md"):
        output = LEDGER_LINK_RE.sub(rf'href="{EXPORT_DIR}/\g<1>"', output)
    return output


def build_offline_edition(root: Path, site: Path) -> tuple[Path, int]:
    """Build the offline edition, add the site's PDFs, zip it into ``site``.

    In a process of its own, as Material's projects plugin builds its projects: MkDocs
    keeps one instance of each plugin per process, so a second config loaded here would
    reconfigure the very plugins running this build. The folder is temporary: the zip is
    what readers get, and what the tests unpack.
    """
    folder = Path(tempfile.mkdtemp(prefix="offline-edition-"))
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(root / OFFLINE_CONFIG),
    ]
    # Its output goes where this build's goes; the engine banner was said once already.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        result = subprocess.run([*command, "--site-dir", str(folder)], env=env, check=False)
        if result.returncode != 0:
            raise PluginError(f"the offline edition ({OFFLINE_CONFIG}) did not build; see above")
        return finish(site, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
