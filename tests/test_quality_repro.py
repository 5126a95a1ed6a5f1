"""Reproducibility gate: two clean `make build`s of the same sources are byte-identical.

That covers the pages, the sitemap (its ``lastmod`` dates) and ``sitemap.xml.gz`` (its
gzip header time), the PDF, the claims downloads and the offline zip. Every date a build
writes comes from ``SOURCE_DATE_EPOCH``, which the Makefile takes from the last commit.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from edition.model.addresses import PDF_NAMES

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def expected_epoch() -> int:
    """The date the Makefile gives the build: the caller's, or the last commit's."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    log = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return int(log.stdout)


@pytest.mark.parametrize("part", ["site", "offline"])
def test_two_builds_are_byte_identical(make_builds, part):
    first, second = (tree(getattr(build, part)) for build in make_builds)
    assert sorted(first) == sorted(second), "the two builds hold different files"
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    assert "sitemap.xml.gz" in first
    assert {name for name in PDF_NAMES} <= set(first)  # every PDF compared, byte for byte


def test_the_sitemap_is_dated_by_the_last_commit_not_the_clock(make_builds):
    site = make_builds[0].site
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


def test_outside_a_git_checkout_the_makefile_dates_by_the_newest_source(tmp_path):
    for part in ("Makefile", "mkdocs.yml"):
        shutil.copy2(ROOT / part, tmp_path / part)
    for part in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / part, tmp_path / part)
    # The sources of the site, not the Makefile itself: editing a make target is no
    # change to the edition.
    newest = max(
        path.stat().st_mtime
        for path in tmp_path.rglob("*")
        if path.is_file() and path.name != "Makefile"
    )
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["GIT_CEILING_DIRECTORIES"] = str(tmp_path.parent)  # never find an enclosing repo
    result = subprocess.run(
        ["make", "-p", "-n", "-s", "build"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    match = re.search(r"^SOURCE_DATE_EPOCH := (\d+)$", result.stdout, re.M)
    assert match, result.stdout[-2000:] + result.stderr
    assert int(match.group(1)) == int(newest)
