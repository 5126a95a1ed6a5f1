"""The shipped JavaScript uses the platform as it is: no patched prototype or global."""

from __future__ import annotations

import re

from conftest import ROOT

SCRIPTS = sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))
# An assignment (not a comparison) to a prototype's member, or to a global constructor.
PATCH_RE = re.compile(
    r"\.prototype\.[A-Za-z_$][\w$]*\s*=(?!=)|\bwindow\.(?:Worker|XMLHttpRequest|fetch)\s*=(?!=)"
)


def patches(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if PATCH_RE.search(line)]


def test_the_check_sees_a_patch():
    assert patches("XMLHttpRequest.prototype.open = function () {};")
    assert patches("window.Worker = function () {};")
    assert not patches("if (window.Worker === undefined) return;")


def test_no_shipped_script_patches_a_prototype_or_a_global():
    assert SCRIPTS, "no scripts found"
    found = {path.name: patches(path.read_text("utf-8")) for path in SCRIPTS}
    assert {name: lines for name, lines in found.items() if lines} == {}
