"""Golden tests of the edition's Markdown extensions: Markdown in, exact HTML out.

A case is ``tests/cases/<extension>/<name>.md`` beside the expected ``<name>.html``;
``<extension>`` is one of the six edition extensions (notes, errata, sources_page,
print_page, timeline, paragraphs). The Markdown is a page body, without front matter,
as MkDocs hands it to Python-Markdown. It is rendered with the extensions a real page
gets, read from the project's ``mkdocs.yml`` (attr_list, md_in_html, tables, toc with its
permalink settings, then the six edition extensions), every edition extension pointed
at the fixture project ``tests/cases/_project`` (its mkdocs.yml, docs/ and data/). They
cooperate, and their priorities decide the result, so a case shows what they make
together, not one extension alone.

A case may name a subset in its first line, which is then not rendered::

    <!-- extensions: attr_list timeline -->

(names as in mkdocs.yml, the edition's by their last part: notes, timeline, …).

The rendered HTML must equal the ``.html`` file exactly; only a final newline is
ignored. A difference fails with a unified diff (the expected file, then the rendering);
a case without its ``.html`` fails too. To accept a deliberate change, regenerate the
expected files and review every difference before committing::

    GOLDEN_UPDATE=1 .venv/bin/pytest tests/test_golden.py
    git diff tests/cases

Only in that mode does the runner write ``.html`` files, new ones included; a new case is
a new ``.md`` followed by that command and a careful read of the ``.html`` it wrote.

The fixture must stay a valid project: ``edition check --root tests/cases/_project``
says "sources OK", and a test here requires it. No MkDocs build, no browser, no
WeasyPrint: the whole module takes well under a second and runs in ``make check``.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import markdown
import pytest

from edition.cli import main as edition_main
from edition.extensions.base import PACKAGE
from edition.model.config import read_config

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
PROJECT = CASES / "_project"
EXTENSIONS = ("notes", "errata", "sources_page", "print_page", "timeline", "paragraphs")
UPDATE = os.environ.get("GOLDEN_UPDATE") == "1"
SUBSET_RE = re.compile(r"\A<!-- extensions: ([\w., ]+) -->\n")


def configured_extensions() -> list[tuple[str, dict]]:
    """(name, options) of every Markdown extension in the project's mkdocs.yml, in order."""
    configured = []
    for item in read_config(ROOT)["markdown_extensions"]:
        if isinstance(item, str):
            name, options = item, {}
        else:
            ((name, options),) = item.items()
            options = dict(options or {})
        if name.startswith(PACKAGE):
            options["root"] = str(PROJECT)
        configured.append((name, options))
    return configured


def short(name: str) -> str:
    """'edition.extensions.notes' → 'notes'; 'toc' → 'toc'."""
    return name.rpartition(".")[2]


def render(source: str) -> str:
    """A case's Markdown as HTML, with all the extensions or the subset its first line names."""
    extensions = configured_extensions()
    subset = SUBSET_RE.match(source)
    if subset:
        wanted = subset.group(1).replace(",", " ").split()
        known = {short(name) for name, _ in extensions}
        assert set(wanted) <= known, f"unknown extensions {set(wanted) - known}"
        extensions = [(name, options) for name, options in extensions if short(name) in wanted]
        source = source[subset.end() :]
    return markdown.Markdown(
        extensions=[name for name, _ in extensions],
        extension_configs={name: options for name, options in extensions if options},
    ).convert(source)


def read(path: Path) -> str:
    """A file's text exactly as stored (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def case_files() -> list[Path]:
    """Every case: the .md files one folder below tests/cases/, the fixture excluded."""
    return sorted(path for path in CASES.glob("*/*.md") if not path.parent.name.startswith("_"))


@pytest.mark.parametrize("case", case_files(), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_case_renders_as_expected(case: Path):
    assert case.parent.name in EXTENSIONS, f"{relative(case.parent)} names no edition extension"
    expected_file = case.with_suffix(".html")
    actual = render(read(case))
    if UPDATE:
        if not expected_file.is_file() or read(expected_file) != actual + "\n":
            expected_file.write_bytes((actual + "\n").encode("utf-8"))
        return
    if not expected_file.is_file():
        pytest.fail(
            f"{relative(expected_file)} is missing: run GOLDEN_UPDATE=1 .venv/bin/pytest "
            "tests/test_golden.py, then read the file it writes",
            pytrace=False,
        )
    expected = read(expected_file).removesuffix("\n")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            relative(expected_file),
            f"{relative(case)} (rendered)",
            lineterm="",
        )
        pytest.fail(
            "\n".join(diff) + "\n\nIf the change is intended: GOLDEN_UPDATE=1 .venv/bin/pytest "
            "tests/test_golden.py, then review git diff tests/cases",
            pytrace=False,
        )


def test_every_extension_has_cases_and_every_expected_file_its_case():
    counts = {name: len(list((CASES / name).glob("*.md"))) for name in EXTENSIONS}
    assert all(count >= 2 for count in counts.values()), counts
    orphans = [
        relative(path)
        for path in CASES.glob("*/*.html")
        if not path.parent.name.startswith("_") and not path.with_suffix(".md").is_file()
    ]
    assert not orphans, f"expected output without its case (delete it): {orphans}"


def test_the_fixture_project_passes_the_project_check(capsys):
    status = edition_main(["check", "--root", str(PROJECT)])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "sources OK" in out
