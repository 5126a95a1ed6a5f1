"""MkDocs hook of the offline edition only (``mkdocs.offline.yml``), a thin adapter.

- ``on_files``: ships the vendored iframe-worker shim as
  ``assets/javascripts/iframe-worker.js``, which ``extra.polyfills`` in
  ``mkdocs.offline.yml`` loads. Material's ``offline`` plugin would add a CDN copy
  instead, which neither air-gapped readers nor our privacy rule allow.
- ``on_page_context``: the offline pages have file URLs (``evolution.html``), but their
  canonical address, the address printed on paper and any citation must stay the public
  one (``https://…/evolution/``): a reader who cites from the offline copy must cite
  the public edition.
- ``on_post_page``: the claims ledger downloads live in ``sources/`` (next to the
  public ``/sources/`` page); offline, ``sources.html`` and ``print.html`` sit at the top
  of the folder, so their links to the downloads are pointed into ``sources/``.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.structure.files import File

from edition.model.addresses import EXPORT_DIR, src_path

SHIM = "vendor/iframe-worker/shim.js"  # in the project, beside mkdocs.yml
SHIM_URI = "assets/javascripts/iframe-worker.js"
# href="claims.json" (or verdict-log.csv…) on /sources/, href="../sources/claims.json" on /print/
LEDGER_LINK_RE = re.compile(
    rf'href="(?:\.\./{EXPORT_DIR}/)?((?:claims|verdict-log)\.(?:json|csv))"'
)


def on_files(files, config):
    """Add the worker shim to the built files."""
    shim = Path(config.config_file_path).resolve().parent / SHIM
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(shim)))
    return files


def on_page_context(context, page, config, nav):
    """Give every page its public address as canonical URL."""
    if config.site_url:
        page.canonical_url = urljoin(config.site_url, src_path(page.file.src_uri))
    return context


def on_post_page(output, page, config):
    """Point the ledger download links of the sources and print pages into sources/."""
    if page.file.src_uri in ("sources.md", "print.md"):
        output = LEDGER_LINK_RE.sub(rf'href="{EXPORT_DIR}/\g<1>"', output)
    return output
