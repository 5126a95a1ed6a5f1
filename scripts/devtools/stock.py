"""The edition's Markdown as stock Material builds it: the benchmarks' baseline.

A temporary project with a copy of ``docs/*.md`` (nothing of ``docs/assets``) and a
minimal ``mkdocs.yml``: theme ``material`` with its defaults, the search plugin, the
stock extensions the edition also uses, and the same pages in the nav; no plugin of ours,
no overrides, no extensions of ours. The edition's placeholders (``[[print]]``,
``[[sources]]``, ``[[timeline]]``, ``[[timeline-strip]]``, ``[[errata]]``) and its note
references (``[^N]``, which have no footnote definitions in the pages) stay plain text.

``bench_site.py`` measures what the stock site costs a reader (with Python-Markdown's
``footnotes``, as the edition's notes replace it); ``bench_build.py`` how long it takes
to build (without it, the extensions exactly as listed in the edition's configuration).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

STOCK_CONFIG = """\
site_name: Prospects for strategic partnership between Iraq and NATO
site_url: https://iraq-nato.example.org/
theme:
  name: material
plugins:
  - search
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
{footnotes}  - toc:
      permalink: true
nav:
  - index.md
  - evolution.md
  - cooperation.md
  - future.md
  - conclusion.md
  - timeline.md
  - sources.md
  - about.md
not_in_nav: |
  /print.md
"""

# What the stock build runs with: no inherited settings (SITE_URL, EDITION_PUBLISH, …).
STOCK_ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}


def write_stock_project(workdir: Path, *, footnotes: bool = True) -> Path:
    """Write the stock project (pages and mkdocs.yml) into ``workdir``; return its config."""
    docs = workdir / "docs"
    docs.mkdir(parents=True)
    for page in sorted((ROOT / "docs").glob("*.md")):
        shutil.copy2(page, docs / page.name)
    config = workdir / "mkdocs.yml"
    extension = "  - footnotes\n" if footnotes else ""
    config.write_text(STOCK_CONFIG.format(footnotes=extension), encoding="utf-8")
    return config


def mkdocs_build(config: Path, site_dir: Path, env: dict[str, str]) -> None:
    """One plain ``mkdocs build`` of ``config`` into ``site_dir``, in a new process."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
        + ["--site-dir", str(site_dir)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"build of {config.name} failed:\n{result.stdout}{result.stderr}")


def build_stock(workdir: Path) -> Path:
    """Build the edition's Markdown with stock Material (and footnotes); return the site.

    With the Brotli copies ``make build`` writes for ours (``edition compress``): both
    sites are served alike, so a ratio compares the pages, not the compression.
    """
    from edition.publish.compress import compress_site

    config = write_stock_project(workdir)
    mkdocs_build(config, workdir / "site", STOCK_ENV)
    compress_site(workdir / "site")
    return workdir / "site"
