"""The sourcing check: each class of damage, on a copy of the real project.

Each case damages one file and asserts the exit code and the `path:line: message` line
through the command line, the authoritative gate. A strict build runs the same check
before it writes a page (the hook's ``on_pre_build``), so one representative case proves
that path; the others would only repeat it at the cost of a full build each.
"""

from __future__ import annotations

import re

import pytest

from conftest import edit, run_mkdocs_build
from edition.cli import main
from edition.model.edition import load_edition
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
    "5 sentence with a number in no ledger entry": (
        lambda p: edit(
            p / "docs/evolution.md",
            "at the government’s behest.",
            "at the government’s behest. In 2019 NATO opened three more academies.",
        ),
        "docs/evolution.md",
        "NATO and Iraq are engaged in strategic framework",
        "paragraph p1-6: sentence “In 2019 NATO opened three more academies.” is in no ledger",
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


COVER_IT = "register it in data/claims.yml as a claim with its notes or as analysis"
UNLISTED = "https://example.org/unlisted-record"
EVIDENCE_WHY = (
    "add evidence: one item (record, quote, where, fact) for each fact the qualification states"
)
CHECKED_WHY = 'add checked: "YYYY-MM-DD", the day the verdict was checked against the records'


def first_claim_with_evidence(project):
    return next(c for c in load_edition(project).ledger.claims if c.evidence)


def log_entry_line(project, identifier: str) -> int:
    """The line of the last verdict-log entry (its '- date:' line) about ``identifier``."""
    lines = (project / "data/verdict-log.yml").read_text(encoding="utf-8").splitlines()
    hits = [n for n, line in enumerate(lines, 1) if line.strip() == f'id: "{identifier}"']
    return max(n - 1 for n in hits)


# The checks of verification (evidence, checked dates, analysis, coverage, verdict log),
# each asserted with its exact message. name: (damage, reported file, its line given the
# damaged project, message after "path:line: "); the damage is applied to the first note
# of the register (note 1) or the first entry of its kind.
EXACT = {
    "evidence names a record its note does not list": (
        lambda p: edit_first(
            p / "data/notes.yml", r"^      - record: \S+$", f"      - record: {UNLISTED}"
        ),
        "data/notes.yml",
        lambda p: line_of(p / "data/notes.yml", f"record: {UNLISTED}"),
        lambda p: (
            f"note 1: evidence names record {UNLISTED}, which is not one of this note's "
            "records; copy the url of one of its records, or add the record"
        ),
    ),
    "claim evidence names a record none of its notes lists": (
        lambda p: edit_first(
            p / "data/claims.yml", r"^      - record: \S+$", f"      - record: {UNLISTED}"
        ),
        "data/claims.yml",
        lambda p: line_of(p / "data/claims.yml", f"record: {UNLISTED}"),
        lambda p: (
            f"claim {first_claim_with_evidence(p).id}: evidence names record {UNLISTED}, which no "
            f"record of its notes ({', '.join(first_claim_with_evidence(p).notes)}) lists; copy "
            "the url of one of their records, or add the record to a note"
        ),
    ),
    "empty quote": (
        lambda p: edit_first(p / "data/notes.yml", r"^        quote: .*$", '        quote: ""'),
        "data/notes.yml",
        lambda p: line_of(p / "data/notes.yml", 'quote: ""'),
        lambda p: "note 1: evidence 'quote' must be non-empty text",
    ),
    "qualification without evidence": (
        lambda p: edit_first(p / "data/notes.yml", r"^    evidence:\n(?:      .*\n)+", ""),
        "data/notes.yml",
        lambda p: line_of(p / "data/notes.yml", "    qualification:"),
        lambda p: f"note 1: 'qualification' needs 'evidence': {EVIDENCE_WHY}",
    ),
    "verdict without a checked date": (
        lambda p: edit_first(p / "data/notes.yml", r"^    checked: .*\n", ""),
        "data/notes.yml",
        lambda p: line_of(p / "data/notes.yml", "    verdict:"),
        lambda p: f"note 1: 'verdict' needs 'checked': {CHECKED_WHY}",
    ),
    "checked date without its day": (
        lambda p: edit_first(p / "data/notes.yml", r"^    checked: .*$", '    checked: "2026-12"'),
        "data/notes.yml",
        lambda p: line_of(p / "data/notes.yml", 'checked: "2026-12"'),
        lambda p: (
            "note 1: 'checked' must be a quoted day date such as \"2026-12-01\" "
            "(YYYY-MM-DD), not '2026-12'"
        ),
    ),
    "claim's own verdict without a checked date": (
        lambda p: edit_first(p / "data/claims.yml", r"^    checked: .*\n", ""),
        "data/claims.yml",
        lambda p: line_of(p / "data/claims.yml", "    verdict:"),
        lambda p: f"claim {first_verdict_claim(p)}: 'verdict' needs 'checked': {CHECKED_WHY}",
    ),
    "analysis with notes": (
        lambda p: edit_first(
            p / "data/claims.yml",
            r"^    kind: analysis$",
            "    kind: analysis\n    notes: [2]  # x",
        ),
        "data/claims.yml",
        lambda p: line_of(p / "data/claims.yml", "notes: [2]  # x"),
        lambda p: (
            "analysis: unknown key 'notes' (allowed: anchor, id, kind, page, text); "
            "analysis is the author's judgement and carries no notes, verdict or date: remove "
            "the key, or make the entry kind: claim"
        ),
    ),
    "unknown kind": (
        lambda p: edit_first(p / "data/claims.yml", r"^    kind: analysis$", "    kind: opinion"),
        "data/claims.yml",
        lambda p: line_of(p / "data/claims.yml", "kind: opinion"),
        lambda p: (
            f"claim {first_analysis(p)}: kind 'opinion' must be 'claim' (a fact, with its "
            "notes) or 'analysis' (the author's judgement, forecast or framing)"
        ),
    ),
    "sentence without a number in no ledger entry": (
        lambda p: edit(
            p / "docs/evolution.md",
            "at the government’s behest.",
            "at the government’s behest. NATO later opened a liaison office in Erbil.",
        ),
        "docs/evolution.md",
        lambda p: line_of(p / "docs/evolution.md", "NATO and Iraq are engaged in strategic"),
        lambda p: (
            "paragraph p1-6: sentence “NATO later opened a liaison office in Erbil.” is "
            f"in no ledger entry; {COVER_IT}"
        ),
    ),
    "sentence only partly in the ledger": (
        lambda p: edit(
            p / "docs/evolution.md",
            "at the government’s behest.",
            "at the government’s behest, and in Erbil.",
        ),
        "docs/evolution.md",
        lambda p: line_of(p / "docs/evolution.md", "NATO and Iraq are engaged in strategic"),
        lambda p: (
            "paragraph p1-6: sentence “Following the defeat of Da’esh in Iraq and the "
            "restoration of soverei…” is only partly in the ledger (“and in Erbil.” is not); "
            f"{COVER_IT}"
        ),
    ),
    "analysis wording edited": (
        lambda p: edit(p / "docs/index.md", "strategic intergovernmental", "strategic inter-state"),
        "docs/index.md",
        lambda p: line_of(p / "docs/index.md", "The North Atlantic Treaty Organization - NATO"),
        lambda p: (
            f"analysis {first_analysis(p)} is no longer in paragraph p0-1: “The North Atlantic "
            "Treaty Organization - NATO - is a strategic interg…”; restore the words "
            f"or update data/claims.yml:{load_edition(p).ledger.analysis[0].line}"
        ),
    ),
    "verdict log names no note or claim": (
        lambda p: edit_first(p / "data/verdict-log.yml", r'^    id: "1"$', '    id: "99"'),
        "data/verdict-log.yml",
        lambda p: line_of(p / "data/verdict-log.yml", 'id: "99"') - 1,
        lambda p: (
            "verdict log entry 99: no note or claim has this id; write a note id from "
            "data/notes.yml or a claim id from data/claims.yml"
        ),
    ),
    "verdict log with a verdict not allowed": (
        lambda p: edit_first(
            p / "data/verdict-log.yml", r"^    new: .*$", '    new: "mostly true"'
        ),
        "data/verdict-log.yml",
        lambda p: line_of(p / "data/verdict-log.yml", 'new: "mostly true"'),
        lambda p: (
            "verdict log entry 1: 'new' 'mostly true' is not a verdict; use one of: "
            "supported, partly supported, not found, contradicted"
        ),
    ),
    "verdict log with a date that is no day": (
        lambda p: edit_first(
            p / "data/verdict-log.yml", r"^  - date: .*$", '  - date: "2026-13-01"'
        ),
        "data/verdict-log.yml",
        lambda p: line_of(p / "data/verdict-log.yml", 'date: "2026-13-01"'),
        lambda p: (
            "verdict log entry 1: 'date' '2026-13-01' is not a calendar date; write the "
            "day as YYYY-MM-DD"
        ),
    ),
    "verdict changed but not logged": (
        lambda p: edit_first(
            p / "data/notes.yml", r"^    verdict: partly supported$", "    verdict: contradicted"
        ),
        "data/verdict-log.yml",
        lambda p: log_entry_line(p, "1"),
        lambda p: (
            "verdict log entry 1: its latest change ends at 'partly supported' but its "
            "verdict is 'contradicted'; log the change that led there"
        ),
    ),
}


def first_verdict_claim(project) -> str:
    return next(c.id for c in load_edition(project).ledger.claims if c.verdict)


def first_analysis(project) -> str:
    return load_edition(project).ledger.analysis[0].id


@pytest.mark.parametrize("case", sorted(EXACT))
def test_check_reports_exact_message(case, project, capsys):
    damage, report, locate, message = EXACT[case]
    expected_message = message(project)  # from the undamaged model where it names an id
    damage(project)
    expected = f"{report}:{locate(project)}: {expected_message}"
    assert main(["check", "--root", str(project)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert expected in lines, f"expected {expected!r} in:\n" + "\n".join(lines)
    assert not any("Traceback" in line for line in lines)


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
    assert main(["check", "--root", str(project)]) == 1
    lines = capsys.readouterr().err.splitlines()
    prefix = expected_prefix(project, report, locate)
    assert any(line.startswith(prefix) and message in line for line in lines), (
        f"expected {prefix}…{message} in:\n" + "\n".join(lines)
    )
    assert not any("Traceback" in line for line in lines)


# The representative case: a sentence of the paper that is neither claim nor analysis,
# reported at its paragraph's line.
BUILD_CASE = "sentence without a number in no ledger entry"


@pytest.mark.build
def test_strict_build_fails_on_damage_with_file_and_line(project, tmp_path):
    damage, report, locate, message = EXACT[BUILD_CASE]
    expected_message = message(project)
    damage(project)
    expected = f"{report}:{locate(project)}: {expected_message}"
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0, build.output
    hits = [line for line in build.output.splitlines() if expected in line]
    assert len(hits) == 1, build.output
    assert "Traceback" not in build.output
    # The check runs before the pages: nothing half-built is left to publish.
    assert not (tmp_path / "site" / "index.html").exists()


def test_not_found_verdict_with_reason_may_have_no_records(project, capsys):
    edit_first(
        project / "data/notes.yml",
        r"(  - id: 5\n(?:    .*\n)*?)    verdict: .*\n"
        r"((?:    .*\n)*?)    records:\n(?:      .*\n)+(?:    checked: (.*)\n)"
        r"    evidence:\n(?:      .*\n)+",
        r"\1    verdict: not found\n\2    records: []\n    checked: \3\n",
    )
    # Its qualification says what was searched, and names the search that carries it.
    edit_first(
        project / "data/notes.yml",
        r"(  - id: 5\n(?:    .*\n)*?)    qualification: >-\n(?:      .*\n)+",
        r"\1    qualification: >-\n      No record was found of an Iraq-specific strategy.\n"
        r"    inferences:\n      - sentences: [1]\n        search: special-operations-forces\n",
    )
    # Its verdict changed: the log says so.
    log = project / "data/verdict-log.yml"
    log.write_text(
        log.read_text(encoding="utf-8") + '  - {date: "2026-12-02", id: "5", old: "partly '
        'supported", new: "not found", reason: "A test."}\n',
        encoding="utf-8",
    )
    # The qualification says why nothing was found: the project still passes as a whole.
    assert main(["check", "--root", str(project)]) == 0
    assert capsys.readouterr().err == ""
