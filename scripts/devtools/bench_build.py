"""Benchmark: what one ``mkdocs build`` reads, and how long it takes against stock Material.

Usage: ``.venv/bin/python scripts/devtools/bench_build.py`` (``make bench`` runs it).

1. Reads: one build in this process (``load_config`` on ``mkdocs.yml`` with a temporary
   site folder, then ``mkdocs.commands.build.build``), counting how often YAML is parsed
   (every ``yaml.load``: the edition's data files and page front matter, and MkDocs' own)
   and how often a Markdown page or a data file is read with ``Path.read_text`` (the
   edition's reads; MkDocs opens pages with ``open``). Counting starts after
   ``load_config``, and the edition model's cache is emptied first, so the figures are
   those of a cold build. Before the edition model (one read of every source per build)
   they were 227 YAML parses, 181 page reads, 13 ledger and 10 timeline loads.
2. Time: a ``mkdocs build`` of the project's pages (``PAGES_ONLY``) and of the same
   Markdown built by stock Material (``devtools.stock``: the pages copied as they are, so
   placeholders and note references stay plain text; theme ``material``, the same nav and
   stock extensions, no plugin or extension of ours), each in a new process, RUNS times,
   alternating. Prints the medians and their ratio; the goal is at most GOAL_RATIO.
3. Prints the figures as a Markdown table, writes them to ``build/bench.md``
   (``devtools.figures``) and returns them as data (``measure()``).
"""

from __future__ import annotations

import os
import pathlib
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

from devtools.figures import write_section  # noqa: E402
from devtools.stock import mkdocs_build, write_stock_project  # noqa: E402 - the baseline

RUNS = 5
# The pages alone: the edition plugin's slow steps (PDFs, offline zip, Brotli copies) have
# no counterpart in stock Material, and bench_pdf.py times the PDFs on their own.
PAGES_ONLY = {"EDITION_PDF": "false", "EDITION_OFFLINE": "false", "EDITION_COMPRESS": "false"}
GOAL_RATIO = 1.5
# The data files whose reads are counted, by the name the figures give them.
DATA_FILES = {
    "ledger": "data/claims.yml",
    "timeline": "data/timeline.yml",
    "register": "data/notes.yml",
}
# Before the edition model: the figures the refactor set out to bring down.
BEFORE = {"yaml": 227, "pages": 181, "ledger": 13, "timeline": 10}


@dataclass
class Reads:
    """What one in-process build parsed and read."""

    yaml: int = 0
    yaml_edition: int = 0  # of ``yaml``: the edition's own (the rest: MkDocs' front matter)
    pages: int = 0
    data: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DATA_FILES, 0))

    def reset(self) -> None:
        """Forget everything counted so far."""
        self.yaml = self.yaml_edition = self.pages = 0
        self.data = dict.fromkeys(DATA_FILES, 0)


@dataclass
class Figures:
    """The benchmark's results."""

    reads: Reads
    ours_s: list[float]
    stock_s: list[float]

    @property
    def ours_median(self) -> float:
        """Median seconds of the project's build."""
        return statistics.median(self.ours_s)

    @property
    def stock_median(self) -> float:
        """Median seconds of the stock Material build."""
        return statistics.median(self.stock_s)

    @property
    def ratio(self) -> float:
        """Ours over stock."""
        return self.ours_median / self.stock_median


def count_reads() -> Reads:
    """One cold in-process build of the project, counting YAML parses and file reads."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import edition.model.edition

    reads = Reads()
    real_load, real_read_text = yaml.load, pathlib.Path.read_text

    def counted_load(*args, **kwargs):
        reads.yaml += 1
        caller = sys._getframe(1).f_globals.get("__name__", "")
        reads.yaml_edition += caller.split(".")[0] == "edition"
        return real_load(*args, **kwargs)

    def counted_read_text(self, *args, **kwargs):
        name = self.as_posix()
        if name.endswith(".md"):
            reads.pages += 1
        for label, relative in DATA_FILES.items():
            if name.endswith("/" + relative):
                reads.data[label] += 1
        return real_read_text(self, *args, **kwargs)

    yaml.load, pathlib.Path.read_text = counted_load, counted_read_text
    try:
        with tempfile.TemporaryDirectory(prefix="bench-build-") as site:
            saved = {name: os.environ.get(name) for name in PAGES_ONLY}
            os.environ.update(PAGES_ONLY)  # read by mkdocs.yml's !ENV options
            try:
                config = load_config(str(ROOT / "mkdocs.yml"), site_dir=site)
            finally:
                for name, value in saved.items():
                    if value is None:
                        os.environ.pop(name, None)
                    else:
                        os.environ[name] = value
            reads.reset()
            edition.model.edition._cache.clear()
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    finally:
        yaml.load, pathlib.Path.read_text = real_load, real_read_text
    return reads


def time_builds(runs: int = RUNS) -> tuple[list[float], list[float]]:
    """Seconds of ``runs`` builds of the project and of the stock copy, alternating."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **PAGES_ONLY}
    env.pop("EDITION_PUBLISH", None)  # timing, not publishing: the placeholder is fine
    ours, stock = [], []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        stock_config = write_stock_project(Path(tmp) / "stock", footnotes=False)
        for _ in range(runs):
            for config, times in ((ROOT / "mkdocs.yml", ours), (stock_config, stock)):
                start = time.perf_counter()
                mkdocs_build(config, Path(tmp) / "site", env)
                times.append(time.perf_counter() - start)
    return ours, stock


def table(figures: Figures) -> str:
    """The figures as a Markdown table."""
    reads = figures.reads
    data = reads.data
    spread = (
        f"median of {len(figures.ours_s)}: "
        f"{min(figures.ours_s):.2f}-{max(figures.ours_s):.2f} s ours, "
        f"{min(figures.stock_s):.2f}-{max(figures.stock_s):.2f} s stock"
    )
    verdict = "met" if figures.ratio <= GOAL_RATIO else "MISSED"
    rows = [
        (
            "YAML parses per build",
            reads.yaml,
            f"{BEFORE['yaml']}; now {reads.yaml_edition} by the edition, "
            f"{reads.yaml - reads.yaml_edition} by MkDocs (page front matter)",
        ),
        ("Markdown page reads per build", reads.pages, BEFORE["pages"]),
        ("claims ledger loads (data/claims.yml)", data["ledger"], BEFORE["ledger"]),
        ("timeline loads (data/timeline.yml)", data["timeline"], BEFORE["timeline"]),
        ("notes register loads (data/notes.yml)", data["register"], "-"),
        ("`mkdocs build`, ours", f"{figures.ours_median:.2f} s", spread),
        ("`mkdocs build`, stock Material, same Markdown", f"{figures.stock_median:.2f} s", ""),
        (
            "ratio ours/stock",
            f"{figures.ratio:.2f}x",
            f"goal <= {GOAL_RATIO}x: {verdict}",
        ),
    ]
    lines = ["| figure | value | before the edition model / note |", "|---|---:|---|"]
    lines += [f"| {name} | {value} | {note} |" for name, value, note in rows]
    return "\n".join(lines)


def measure() -> Figures:
    """Count one cold build's reads, then time the builds; the figures as data."""
    reads = count_reads()
    ours, stock = time_builds()
    return Figures(reads, ours, stock)


def main() -> int:
    """Print the table and write it to build/bench.md."""
    figures = measure()
    text = table(figures)
    print(text)
    write_section("Build", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
