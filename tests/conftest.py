"""Shared fixtures: the project root, a disposable copy of it, and one real site build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
# The five pages that carry the author's text, in the paper's order.
PAPER_PAGES = ["index", "evolution", "cooperation", "future", "conclusion"]
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "source", "scripts", "overrides"]

# The fixtures behind the slow markers: a test that uses one, directly or through another
# fixture, gets the marker, so `make check` (-m "not build and not browser and not pdf")
# never runs MkDocs, Chromium or WeasyPrint. Explicit marks still work as well.
MARKER_FIXTURES = {
    "build": {"built_site", "make_builds"},  # a real `mkdocs build` / `make build`
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


def run_mkdocs_build(project: Path, site: Path) -> Build:
    """Build ``project`` strictly into ``site`` in a subprocess, as `make build` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
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
    """The real site, built once per test session."""
    build = run_mkdocs_build(ROOT, tmp_path_factory.mktemp("built") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def built_pdfs(built_site: Build) -> dict:
    """Every PDF, built once per session into the session's site, as `make build` does.

    File name → ``edition.publish.pdf.Built``.
    """
    from edition.publish.pdf import build_pdfs

    return {built.path.name: built for built in build_pdfs(built_site.site, ROOT)}


@dataclass
class MakeBuild:
    """Result of one `make build` into a folder of its own: site, PDF, offline edition."""

    returncode: int
    output: str
    site: Path
    offline: Path


def run_make_build(folder: Path) -> MakeBuild:
    """Run the README's `make build` with its output folders moved under ``folder``."""
    site, offline = folder / "site", folder / "offline"
    result = subprocess.run(
        ["make", "-s", "build", f"SITE={site}", f"OFFLINE={offline}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return MakeBuild(result.returncode, result.stdout + result.stderr, site, offline)


@pytest.fixture(scope="session")
def make_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[MakeBuild, MakeBuild]:
    """Two clean `make build`s of the same sources (reproducibility, offline edition)."""
    builds = tuple(run_make_build(tmp_path_factory.mktemp(f"make-build-{n}")) for n in (1, 2))
    for build in builds:
        assert build.returncode == 0, build.output
    return builds


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
