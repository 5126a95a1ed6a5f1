"""The project check: each kind of bad input gives `path:line: message` and exit 1."""

from __future__ import annotations

import pytest

from conftest import edit
from edition.cli import main


def run_check(project, capsys) -> tuple[int, list[str]]:
    code = main(["check", "--root", str(project)])
    return code, capsys.readouterr().err.splitlines()


def test_real_project_passes(capsys):
    from conftest import ROOT

    assert main(["check", "--root", str(ROOT)]) == 0
    assert "sources OK" in capsys.readouterr().out


# Each case: the damage (file, old text, new text), then what must be reported: the
# file, a text whose line in the damaged file is the expected line, and the message.
DAMAGE = {
    "unknown note reference": (
        ("docs/future.md", "drones.[^10]", "drones.[^11]"),
        ("docs/future.md", "drones.[^11]", "note [^11] has no entry in data/notes.yml"),
    ),
    "register note with no records": (
        ("data/notes.yml", "  - id: 9\n", "  - id: 9\n    records: []\n  - id: 99\n"),
        ("data/notes.yml", "    records: []", "note 9 has no records"),
    ),
    "page missing from the navigation": (
        ("mkdocs.yml", "  - Conclusion: conclusion.md\n", ""),
        ("mkdocs.yml", "nav:\n  - Introduction", "docs/conclusion.md is not in the navigation"),
    ),
    "paragraph without id": (
        ("docs/conclusion.md", "{: #p4-2 }\n", ""),
        ("docs/conclusion.md", "NATO’s mission has never", "paragraph has no explicit id"),
    ),
    "heading without id": (
        ("docs/cooperation.md", "## 2. Military planning { #military-planning }", "## 2. M"),
        ("docs/cooperation.md", "## 2. M", "heading has no explicit id"),
    ),
    "duplicate id": (
        ("docs/evolution.md", "{: #p1-6 }", "{:  #p1-5 }"),
        ("docs/evolution.md", "{:  #p1-5 }", "duplicate id 'p1-5' (first at line"),
    ),
    "register note cited nowhere": (
        ("docs/evolution.md", "(both army and police).[^1]", "(both army and police)."),
        ("data/notes.yml", "  - id: 1\n", "note 1 is cited on no page"),
    ),
    "bad record date": (
        ("data/notes.yml", 'date: "2004-06-28"', 'date: "2004-13-28"'),
        ("data/notes.yml", "2004-13-28", "note 1: date '2004-13-28' is not a calendar date"),
    ),
    "unknown register key": (
        ("data/notes.yml", "  - id: 3\n", "  - id: 3\n    verdit: supported\n"),
        ("data/notes.yml", "verdit", "unknown key 'verdit'"),
    ),
    "register note without a topic": (
        (
            "data/notes.yml",
            '    topic: "Cyber security and defence: NATO training for Iraq\'s institutions"\n',
            "",
        ),
        ("data/notes.yml", "  - id: 7\n", "note: missing required key 'topic'"),
    ),
    "register topic too long for a footnote": (
        ("data/notes.yml", "NATO training for Iraq's institutions", "NATO " + "training " * 12),
        (
            "data/notes.yml",
            '    topic: "Cyber',
            "note 7: 'topic' is 140 characters; shorten it to 90 at most",
        ),
    ),
    "description that would break its meta tag": (
        ("docs/future.md", "against Da'esh remnants.", 'against "remnants".'),
        ("docs/future.md", "description:", "description contains"),
    ),
    "page without description": (
        ("docs/future.md", "description: >-", "summary: >-"),
        ("docs/future.md", "---\n", "front matter needs a 'description'"),
    ),
    "erratum no longer on its page": (
        ("docs/evolution.md", "NATO-AWAC", "NATO AWAC"),
        ("data/errata.yml", 'source: "NATO- AWAC"', "'NATO-AWAC' is not on page 'evolution'"),
    ),
}


def line_of(path, text: str) -> int:
    """1-based line of the first line where ``text`` begins (text may span lines)."""
    content = path.read_text(encoding="utf-8")
    assert text in content, f"{text!r} not in {path}"
    return content[: content.index(text)].count("\n") + 1


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damage_is_reported_with_file_and_line(case, project, capsys):
    (path, old, new), (report, locate, message) = DAMAGE[case]
    edit(project / path, old, new)
    code, lines = run_check(project, capsys)
    assert code == 1
    prefix = f"{report}:{line_of(project / report, locate)}: "
    assert any(line.startswith(prefix) and message in line for line in lines), (
        f"expected {prefix}…{message} in:\n" + "\n".join(lines)
    )
    # Every reported line has the `path:line: message` shape, and nothing else is printed.
    for line in lines[:-1]:
        path_part, line_part, text = line.split(":", 2)
        assert path_part and line_part.isdigit() and text.strip(), line
    assert lines[-1].startswith("edition check: ")
    assert not any("Traceback" in line for line in lines)


def test_malformed_yaml_names_the_line(project, capsys):
    edit(project / "data/notes.yml", "  - id: 2\n", "  - id: 2\n   bad: [unclosed\n")
    code, lines = run_check(project, capsys)
    assert code == 1
    assert lines[0].startswith("data/notes.yml:") and "malformed YAML" in lines[0], lines
    assert not any("Traceback" in line for line in lines)
    line_number = int(lines[0].split(":")[1])
    source = (project / "data/notes.yml").read_text().splitlines()
    # The reported line is at or just after the damage, not somewhere unrelated.
    damaged = source.index("   bad: [unclosed") + 1
    assert damaged <= line_number <= damaged + 2, lines[0]


def test_every_problem_is_reported_not_only_the_first(project, capsys):
    edit(project / "docs/future.md", "drones.[^10]", "drones.[^12]")
    edit(project / "docs/conclusion.md", "{: #p4-2 }\n", "")
    _, lines = run_check(project, capsys)
    assert any("note [^12]" in line for line in lines)
    assert any("paragraph has no explicit id" in line for line in lines)
    assert any("note 10 is cited on no page" in line for line in lines)
    assert lines[-1] == f"edition check: {len(lines) - 1} problem(s)"


def test_missing_mkdocs_yml_is_a_clear_error(tmp_path, capsys):
    assert main(["check", "--root", str(tmp_path)]) == 2
    assert "no mkdocs.yml here" in capsys.readouterr().err
