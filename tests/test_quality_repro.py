"""Reproducibility gate: two plain `mkdocs build`s of one commit are byte-identical.

The second build runs from an unrelated folder, so the check also covers a build
started anywhere. That covers the pages, the sitemap (its ``lastmod`` dates) and
``sitemap.xml.gz`` (its gzip header time), the PDFs, the claims downloads, the offline
zip and the Brotli copies. Every date a build writes comes from ``SOURCE_DATE_EPOCH``,
which the edition plugin takes from the last commit when nobody set it.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs_build
from edition.model.addresses import PDF_NAMES, ZIP_NAME
from edition.publish.source_date import VARIABLE, source_date


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def expected_epoch() -> int:
    """The build's date: the caller's, or the last commit's."""
    if os.environ.get(VARIABLE):
        return int(os.environ[VARIABLE])
    log = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return int(log.stdout)


@pytest.fixture(scope="module")
def second_build(tmp_path_factory):
    """The same commit built again, from an empty folder elsewhere."""
    base = tmp_path_factory.mktemp("anywhere")
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    build = run_mkdocs_build(ROOT, base / "site", cwd=elsewhere)
    assert build.returncode == 0, build.output
    assert list(elsewhere.iterdir()) == [], "the build wrote into the folder it ran from"
    return build


@pytest.mark.build
def test_two_builds_are_byte_identical(built_site, second_build):
    first, second = tree(built_site.site), tree(second_build.site)
    assert sorted(first) == sorted(second), "the two builds hold different files"
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    assert "sitemap.xml.gz" in first and ZIP_NAME in first and "index.html.br" in first
    assert {name for name in PDF_NAMES} <= set(first)  # every PDF compared, byte for byte


@pytest.mark.build
def test_the_sitemap_is_dated_by_the_last_commit_not_the_clock(built_site):
    site = built_site.site
    day = datetime.fromtimestamp(expected_epoch(), UTC).date().isoformat()
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text()))
    assert lastmods == {day}
    with (site / "sitemap.xml.gz").open("rb") as raw:
        header = raw.read(8)
    # gzip MTIME: MkDocs stamps the sitemap with the pages' date, midnight UTC.
    midnight = datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()
    assert int.from_bytes(header[4:8], "little") == midnight
    assert (
        gzip.decompress((site / "sitemap.xml.gz").read_bytes())
        == (site / "sitemap.xml").read_bytes()
    )


def test_outside_a_git_checkout_the_build_is_dated_by_the_newest_source(tmp_path, monkeypatch):
    project = tmp_path / "project"
    for part in ("docs", "data", "overrides"):
        (project / part).mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\n")
    (project / "docs" / "index.md").write_text("# x\n")
    os.utime(project / "docs" / "index.md", (1_600_000_000, 1_600_000_000))
    os.utime(project / "mkdocs.yml", (1_500_000_000, 1_500_000_000))
    # A file that is not a source of the site (the Makefile, a test) does not date it.
    (project / "Makefile").write_text("build:\n")
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never an enclosing repo
    assert source_date(project) == 1_600_000_000


def test_the_callers_date_wins_and_a_checkout_gives_its_last_commit(monkeypatch):
    monkeypatch.setenv(VARIABLE, "1533081600")
    assert source_date(ROOT) == 1533081600
    monkeypatch.delenv(VARIABLE)
    log = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert source_date(ROOT) == int(log.stdout)
