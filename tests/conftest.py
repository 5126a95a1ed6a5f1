"""Shared fixtures: the project root, a disposable copy of it, and one real site build.

The build is one plain ``mkdocs build``, as `make build` runs it: the edition plugin
writes the pages, the PDFs, the offline edition's zip and the Brotli copies. Every
fixture of a built thing (the PDFs, the unpacked offline edition) reads that one build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
# The five pages that carry the author's text, in the paper's order.
PAPER_PAGES = ["index", "evolution", "cooperation", "future", "conclusion"]
PROJECT_PARTS = [
    *("mkdocs.yml", "mkdocs.offline.yml", "docs", "data", "source", "scripts", "overrides"),
    "vendor",  # the offline edition's search shim
]

# The fixtures behind the slow markers: a test that uses one, directly or through another
# fixture, gets the marker, so `make check` (-m "not build and not browser and not pdf")
# never runs MkDocs, Chromium or WeasyPrint. Explicit marks still work as well.
MARKER_FIXTURES = {
    "build": {"built_site", "offline_edition"},  # a real `mkdocs build`
    "browser": {"browser", "site_url"},  # headless Chromium, a served site
    "pdf": {"built_pdfs", "built_pdf", "site_with_pdf"},  # PDFs typeset by WeasyPrint
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))  # includes indirect fixtures
        for marker, fixtures in MARKER_FIXTURES.items():
            if used & fixtures and item.get_closest_marker(marker) is None:
                item.add_marker(marker)


@dataclass
class Build:
    """Result of one `mkdocs build --strict`."""

    returncode: int
    output: str
    site: Path

    def page(self, name: str) -> BeautifulSoup:
        """Parsed HTML of a page by name ('index', 'evolution', …)."""
        path = self.site / ("index.html" if name == "index" else f"{name}/index.html")
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# Switches the plugin's slow steps off, for builds that test only the pages.
PAGES_ONLY = {"EDITION_PDF": "false", "EDITION_OFFLINE": "false", "EDITION_COMPRESS": "false"}


def run_mkdocs_build(project: Path, site: Path, cwd: Path | None = None, **extra: str) -> Build:
    """Build ``project`` strictly into ``site`` in a subprocess, as `make build` does.

    From ``cwd`` (default: the project's folder); ``extra`` is added to the environment.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    config = str(project / "mkdocs.yml")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            config,
            "--site-dir",
            str(site),
        ],
        cwd=cwd or project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real project's sources, safe to damage."""
    copy = tmp_path / "project"
    copy.mkdir()
    # node_modules: Lighthouse for `make bench` (some 190 MB once installed), which no
    # test reads; copying it would cost every test that damages a copy seconds.
    ignore = shutil.ignore_patterns("__pycache__", "node_modules")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part, ignore=ignore)
        else:
            shutil.copy2(source, copy / part)
    return copy


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session: pages, PDFs, offline zip, Brotli copies."""
    build = run_mkdocs_build(ROOT, tmp_path_factory.mktemp("built") / "site")
    assert build.returncode == 0, build.output
    return build


# The plugin's line for each PDF it wrote: "PDF: NAME (N pages, K KB) in S s".
PDF_LINE_RE = re.compile(r"PDF: (\S+) \((\d+) pages, \d+ KB\) in ([\d.]+) s")


@pytest.fixture(scope="session")
def built_pdfs(built_site: Build) -> dict:
    """Every PDF of the session's build, as its log reports it.

    File name → ``edition.publish.pdf.Built``.
    """
    from edition.publish.pdf import Built

    found = {}
    for name, pages, seconds in PDF_LINE_RE.findall(built_site.output):
        path = built_site.site / name
        found[name] = Built(path, path.stat().st_size, int(pages), float(seconds))
    assert found, built_site.output
    return found


@pytest.fixture(scope="session")
def offline_edition(built_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's offline zip, unpacked as a reader would: its top folder."""
    from edition.model.addresses import ZIP_NAME
    from edition.publish.offline import ZIP_FOLDER

    target = tmp_path_factory.mktemp("reader")
    with zipfile.ZipFile(built_site.site / ZIP_NAME) as archive:
        archive.extractall(target)
    return target / ZIP_FOLDER


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact occurrence of ``old`` in a file (fails loudly if absent)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def site_url(built_site):
    """The built site served on a free loopback port."""
    from devtools.browser import serve

    with serve(built_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def deployed_url(built_site):
    """The built site served as deployed: nginx with deploy/nginx.conf and its policy."""
    from devtools.nginx import serve_with_nginx

    with serve_with_nginx(built_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright: one for the whole session.

    Starting Playwright and Chromium costs some 4-6 s; once per session instead of once
    per module. Tests stay apart by their browser contexts, which each test opens and
    closes (a context has its own cache, storage and permissions).
    """
    from quality import chromium

    with chromium() as launched:
        yield launched
