"""Engines gate: Zensical builds the same mkdocs.yml; the command line fails where it cannot.

Zensical (the successor of Material for MkDocs) reads ``mkdocs.yml`` and runs our
Python-Markdown extensions, so notes, timeline and print page render under it too. It
ignores MkDocs hooks, so the project check does not run inside it, and it does not stop
on a Python-Markdown warning: a lost note renders as "missing" and the build succeeds.
``edition check`` (first step of ``make test`` and CI) is the gate that fails then.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import edit

pytestmark = pytest.mark.build

BIN = Path(sys.executable).parent


def zensical_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "zensical"), "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def edition_check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "edition"), "check"], cwd=project, capture_output=True, text=True, check=False
    )


def test_zensical_builds_the_edition_with_our_extensions(project):
    result = zensical_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "site" / "cooperation" / "index.html").read_text(encoding="utf-8")
    # The notes extension ran: the paper's own number 7, with its body from the register.
    assert 'href="#fn:7"' in page and "Note 7." in page
    assert "original texts are lost" in page
    timeline = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "timeline-event" in timeline and "[[timeline]]" not in timeline
    whole = (project / "site" / "print" / "index.html").read_text(encoding="utf-8")
    assert "[[print]]" not in whole and 'id="cyber-security"' in whole


def test_a_lost_note_passes_zensical_but_fails_the_command_line_gate(project):
    edit(project / "docs/future.md", "drones.[^10]", "drones.[^11]")
    built = zensical_build(project)
    # Zensical cannot run our check: it builds, and the note shows as missing. If this
    # ever fails because Zensical stopped, update the README's "Engines" section.
    assert built.returncode == 0, built.stdout + built.stderr
    page = (project / "site" / "future" / "index.html").read_text(encoding="utf-8")
    assert "Note 11.</strong> This note is missing from the notes register." in page
    checked = edition_check(project)
    assert checked.returncode == 1
    assert "docs/future.md:14: note [^11] has no entry in data/notes.yml" in checked.stderr
