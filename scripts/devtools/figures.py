"""The benchmarks' figures, written to ``build/bench.md`` rather than copied by hand.

Each benchmark owns one section of the file: a ``## `` heading with its name, when and
where it ran (date, CPU count, Python version), and its table. Running a benchmark again
replaces its section and leaves the others as they were, so ``make bench`` (or a single
script) always leaves the latest figures of each.

    write_section("Build", table)          # a Markdown table, or any printed text
    sys.exit(record("PDF build", main))    # run main, keep what it printed
"""

from __future__ import annotations

import contextlib
import io
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "build" / "bench.md"
TITLE = "# Benchmarks"
INTRO = (
    "Written by the benchmarks (`make bench` runs them all); each section is replaced\n"
    "when its benchmark runs again. Figures, never pass/fail gates."
)


def _body(table: str) -> str:
    """A Markdown table as it is; other text (a fixed-width table) in a text block."""
    lines = [line for line in table.strip("\n").splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("|") for line in lines):
        return table.strip("\n")
    return "```text\n" + table.strip("\n") + "\n```"


def _sections(text: str) -> list[tuple[str, str]]:
    """The file's ``## `` sections as (heading, whole section text), in order."""
    sections: list[tuple[str, list[str]]] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            sections.append((line[3:].strip(), [line]))
        elif sections:
            sections[-1][1].append(line)
    return [(name, "\n".join(lines).strip("\n")) for name, lines in sections]


def write_section(name: str, table: str, path: Path = FIGURES) -> Path:
    """(Re)write the section ``name`` of ``path`` with ``table``; return the file's path."""
    stamp = time.strftime("%Y-%m-%d %H:%M %Z")
    where = f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    section = f"## {name}\n\n{stamp}; {where}\n\n{_body(table)}"
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    sections = dict(_sections(old))
    sections[name] = section  # a dict keeps the order: a new benchmark goes last
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".md.part")
    partial.write_text("\n\n".join([TITLE, INTRO, *sections.values()]) + "\n", encoding="utf-8")
    partial.replace(path)
    return path


class _Tee(io.TextIOBase):
    """Writes to the terminal and keeps a copy."""

    def __init__(self, stream):
        self.stream = stream
        self.copy = io.StringIO()

    def write(self, text: str) -> int:
        self.copy.write(text)
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()


def record(name: str, main, *args) -> int:
    """Run ``main(*args)``; what it printed becomes the section ``name``; its exit status.

    Nothing printed (the benchmark could not run: no built site, no Node.js), nothing
    written: a figure not measured is never recorded.
    """
    tee = _Tee(sys.stdout)
    with contextlib.redirect_stdout(tee):
        status = main(*args)
    if tee.copy.getvalue().strip():
        write_section(name, tee.copy.getvalue())
    return status
