"""Strict means strict: broken links stop `make build`; the public address is guarded.

`make build` in a copy of the project stops on a link to a missing page, before any slow
step; and the edition plugin handles the public address as it promises (a notice for
the placeholder, a refusal to publish it, SITE_URL used). That a build is the same from
any folder is test_quality_repro's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PAGES_ONLY, ROOT
from edition.model.config import PLACEHOLDER_URL

pytestmark = pytest.mark.build

# The virtual environment running these tests: the copies below build with it.
VENV = Path(sys.prefix)
MKDOCS = Path(sys.executable).with_name("mkdocs")
# What `make build` needs besides the sources the `project` fixture copies.
MAKE_PARTS = ["Makefile", "pyproject.toml", "requirements.lock"]
# One fixed date for every build here: two builds must agree byte for byte.
EPOCH = "1533081600"
PUBLIC_URL = "https://edition.example.net/"


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without anything that would change the build."""
    drop = {"SITE_URL", "EDITION_PUBLISH", "SOURCE_DATE_EPOCH", "MAKEFLAGS", "MAKELEVEL"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, **PAGES_ONLY, **extra}


def mkdocs_build(site: Path, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the real project's config, from ``cwd``: the pages only."""
    return subprocess.run(
        [MKDOCS, "build", "--strict", "-f", ROOT / "mkdocs.yml", "--site-dir", site],
        cwd=cwd,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        check=False,
    )


def log_of(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


# ---- `make build` stops on a broken link ------------------------------------------------


def test_make_build_fails_on_a_link_to_a_missing_page(project, tmp_path):
    for part in MAKE_PARTS:
        shutil.copy2(ROOT / part, project / part)
    about = project / "docs" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\nSee [x](no-such-page.md).\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    # VENV reuses this environment; -o treats its install stamp as up to date, so make
    # never reinstalls (an editable install from the copy would repoint the venv at it).
    result = subprocess.run(
        [
            "make",
            "-C",
            project,
            "-o",
            VENV / ".installed-from-lock",
            "build",
            f"VENV={VENV}",
            f"SITE={site}",
        ],
        # The slow steps on, as `make build` runs them: the broken link must stop them.
        env={**clean_env(), "EDITION_PDF": "true", "EDITION_OFFLINE": "true"},
        capture_output=True,
        text=True,
        check=False,
    )
    output = log_of(result)
    assert result.returncode != 0, output
    assert "pip install" not in output and "-m venv" not in output, output
    warnings = [line for line in output.splitlines() if "no-such-page.md" in line]
    assert warnings and all("about.md" in line for line in warnings), output
    assert "Traceback" not in output
    # The strict build stopped before its slow steps: no PDF, no offline zip.
    assert "Slow steps skipped: the strict build has" in output
    assert not (site / "iraq-nato-partnership.pdf").exists()
    assert not (site / "iraq-nato-offline.zip").exists()


# ---- The public address ---------------------------------------------------------------


def test_without_site_url_the_build_says_once_that_links_use_the_placeholder(built_site):
    if os.environ.get("SITE_URL"):
        pytest.skip("this session builds with SITE_URL set")
    # Once for the whole build, the offline edition it builds inside included.
    notices = [line for line in built_site.output.splitlines() if "placeholder" in line]
    assert len(notices) == 1, built_site.output
    assert "Copied links" in notices[0] and PLACEHOLDER_URL in notices[0]


def test_publishing_without_site_url_stops_in_one_line(tmp_path):
    result = mkdocs_build(tmp_path / "site", ROOT, EDITION_PUBLISH="1")
    output = log_of(result)
    assert result.returncode != 0, output
    lines = [line for line in output.splitlines() if "placeholder" in line]
    assert len(lines) == 1 and PLACEHOLDER_URL in lines[0], output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_site_url_is_the_address_every_copied_link_carries(tmp_path):
    result = mkdocs_build(tmp_path / "site", ROOT, SITE_URL=PUBLIC_URL)
    assert result.returncode == 0, log_of(result)
    assert "placeholder" not in log_of(result)
    html = (tmp_path / "site" / "evolution" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    # Copy link takes the page's canonical address (edition.js); the cite boxes carry theirs.
    assert soup.select_one("link[rel=canonical]")["href"] == PUBLIC_URL + "evolution/"
    urls = re.findall(r"https?://\S+?(?=[.,]?(?:\s|$))", soup.select_one(".cite-boxes").get_text())
    assert urls, "no cite boxes on /evolution/"
    assert [url for url in urls if not url.startswith(PUBLIC_URL + "evolution/")] == []
    assert PLACEHOLDER_URL not in html
