"""The sourcing check: each of its seven classes of damage, on a copy of the real project.

Each case damages one file and asserts the exit code and the `path:line: message` line
through the command line, the authoritative gate. A strict build runs the same check
before it writes a page (the hook's ``on_pre_build``), so one representative case proves
that path; the others would only repeat it at the cost of a full build each.
"""

from __future__ import annotations

import re

import pytest

from conftest import edit, run_mkdocs_build
from edition.cli import check_main as main
from test_check import line_of


def edit_first(path, pattern: str, replacement: str) -> None:
    """Replace the first match of a regex in a file (fails loudly if none)."""
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(new, encoding="utf-8")


# name: (damage function, reported file, text locating the expected line or None, message)
CASES = {
    "1 claim wording edited": (
        lambda p: edit(
            p / "docs/evolution.md", "began in 2004 at Istanbul", "began in 2005 at Istanbul"
        ),
        "docs/evolution.md",
        "The strategic relationship between Iraq and NATO began",
        "is no longer in paragraph p1-1",
    ),
    "1 claim deleted": (
        lambda p: edit(
            p / "docs/conclusion.md",
            " It was formulated to be more of an advisory and training mission.",
            "",
        ),
        "docs/conclusion.md",
        "NATO’s mission has never been a combat mission",
        "is no longer in paragraph p4-2",
    ),
    "2 claim lost its note": (
        lambda p: edit(
            p / "docs/evolution.md",
            "Special Operations Forces.[^3]",
            "Special Operations Forces.[^2]",
        ),
        "docs/evolution.md",
        "The relationship was given a further boost",
        "lost its note [^3] in paragraph p1-3",
    ),
    "3 reference with no register entry": (
        lambda p: edit(p / "docs/cooperation.md", "cyber threats.[^7]", "cyber threats.[^17]"),
        "docs/cooperation.md",
        "NATO is working on building and developing",
        "note [^17] has no entry in data/notes.yml",
    ),
    "3 register note cited nowhere": (
        lambda p: edit(p / "docs/cooperation.md", "cyber threats.[^7]", "cyber threats."),
        "data/notes.yml",
        "  - id: 7\n",
        "note 7 is cited on no page",
    ),
    "3 duplicated note id": (
        lambda p: edit(p / "data/notes.yml", "  - id: 8\n", "  - id: 7\n"),
        "data/notes.yml",
        "  - id: 7\n  ",  # the second "id: 7" is found below
        "duplicate note id 7",
    ),
    "4 note with no records": (
        lambda p: edit_first(
            p / "data/notes.yml",
            r"(  - id: 5\n(?:    .*\n)*?)    records:\n(?:      .*\n)+",
            r"\1    records: []\n",
        ),
        "data/notes.yml",
        "    records: []",
        "note 5 has no records",
    ),
    "5 unsourced claim": (
        lambda p: edit(
            p / "docs/evolution.md",
            "at the government’s behest.",
            "at the government’s behest. In 2019 NATO opened three more academies.",
        ),
        "docs/evolution.md",
        "NATO and Iraq are engaged in strategic framework",
        "unsourced claim in paragraph p1-6: “In 2019 NATO opened three more academies.”",
    ),
    "6 ledger entry points at a missing anchor": (
        lambda p: edit_first(p / "data/claims.yml", r"anchor: p1-1$", "anchor: p1-9"),
        "data/claims.yml",
        None,
        "docs/evolution.md#p1-9, which does not exist",
    ),
    "6 ledger entry points at a missing page": (
        lambda p: edit_first(p / "data/claims.yml", r"page: future$", "page: futures"),
        "data/claims.yml",
        None,
        "docs/futures.md#p3-",
    ),
    "7 malformed ledger YAML": (
        lambda p: edit_first(p / "data/claims.yml", r"^    notes: \[", "    notes: [[ "),
        "data/claims.yml",
        None,
        "malformed YAML",
    ),
    "7 unknown ledger key": (
        lambda p: edit_first(p / "data/claims.yml", r"^    anchor: ", "    anchr: "),
        "data/claims.yml",
        "anchr:",
        "unknown key 'anchr'",
    ),
    "7 ledger date outside the paper's span": (
        lambda p: edit_first(
            p / "data/claims.yml", r'^    date: "2004[^"]*"', '    date: "2003-06"'
        ),
        "data/claims.yml",
        'date: "2003-06"',
        "outside 2004–2018",
    ),
    "7 ledger notes of the wrong type": (
        lambda p: edit_first(p / "data/claims.yml", r"^    notes: \[.*\]$", "    notes: 4"),
        "data/claims.yml",
        "notes: 4",
        "'notes' must be a non-empty list",
    ),
    "7 register verdict not allowed": (
        lambda p: edit_first(p / "data/notes.yml", r"^    verdict: .*$", "    verdict: plausible"),
        "data/notes.yml",
        "verdict: plausible",
        "verdict 'plausible' is not one of",
    ),
}


def expected_prefix(project, report: str, locate: str | None) -> str:
    if locate is None:
        return f"{report}:"
    if locate == "  - id: 7\n  ":  # the duplicate: the second occurrence
        text = (project / report).read_text(encoding="utf-8")
        second = text.index("  - id: 7\n", text.index("  - id: 7\n") + 1)
        return f"{report}:{text[:second].count(chr(10)) + 1}: "
    return f"{report}:{line_of(project / report, locate)}: "


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_reports_damage(case, project, capsys):
    damage, report, locate, message = CASES[case]
    damage(project)
    assert main([str(project)]) == 1
    lines = capsys.readouterr().err.splitlines()
    prefix = expected_prefix(project, report, locate)
    assert any(line.startswith(prefix) and message in line for line in lines), (
        f"expected {prefix}…{message} in:\n" + "\n".join(lines)
    )
    assert not any("Traceback" in line for line in lines)


# The representative case: a note reference on a page of the paper, reported at its line.
BUILD_CASE = "3 reference with no register entry"


@pytest.mark.build
def test_strict_build_fails_on_damage_with_file_and_line(project, tmp_path):
    damage, report, locate, message = CASES[BUILD_CASE]
    damage(project)
    prefix = expected_prefix(project, report, locate)
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0, build.output
    hits = [line for line in build.output.splitlines() if f"{prefix}{message}" in line]
    assert len(hits) == 1, build.output
    assert "Traceback" not in build.output
    # The check runs before the pages: nothing half-built is left to publish.
    assert not (tmp_path / "site" / "index.html").exists()


def test_not_found_verdict_with_reason_may_have_no_records(project, capsys):
    edit_first(
        project / "data/notes.yml",
        r"(  - id: 5\n(?:    .*\n)*?)    verdict: .*\n"
        r"((?:    .*\n)*?)    records:\n(?:      .*\n)+",
        r"\1    verdict: not found\n\2    records: []\n",
    )
    # The qualification says why nothing was found: the project still passes as a whole.
    assert main([str(project)]) == 0
    assert capsys.readouterr().err == ""
