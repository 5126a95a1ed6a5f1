"""Benchmark: the project check on the real site and on generated corpora.

Prints the median time of ``check_project`` on the real project and on synthetic
projects of 100 and 1,000 pages (about 10 claims each), and the time per page, so
growth can be read as a ratio within one run on a shared, noisy machine.

    .venv/bin/python scripts/devtools/bench_check.py
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import edition.model.edition as edition_model
from devtools.figures import record  # writes build/bench.md
from edition.checks.project import check_project

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5
CLAIMS_PER_PAGE = 10


def make_corpus(root: Path, pages: int) -> None:
    """Write a valid project of ``pages`` paper pages with ten claims each."""
    (root / "docs").mkdir(parents=True)
    (root / "data").mkdir()
    notes, claims, nav = [], [], []
    for page in range(1, pages + 1):
        name = f"page{page}"
        nav.append(f"  - {name}.md")
        lines = [
            "---",
            f"description: Synthetic page {page} for the benchmark.",
            f"section: {page}",
            "---",
            "",
            f"# Page {page} {{ #page{page} }}",
            "",
        ]
        for index in range(1, CLAIMS_PER_PAGE + 1):
            note = (page - 1) * CLAIMS_PER_PAGE + index
            text = f"In {2004 + index} the alliance trained {index * 100} officers in area {note}."
            lines += [f"{text} It was a step forward.[^{note}]", f"{{: #p{page}-{index} }}", ""]
            notes += [
                f"  - id: {note}",
                f"    claim: Claim {note}.",
                "    verdict: supported",
                "    qualification: Synthetic.",
                "    records:",
                f"      - title: Record {note}",
                "        publisher: NATO",
                '        date: "2010-01-01"',
                f"        url: https://example.org/{note}",
                "        primary: true",
            ]
            claims += [
                f"  - id: claim-{note}",
                f"    page: {name}",
                f"    anchor: p{page}-{index}",
                f"    text: {text}",
                f"    notes: [{note}]",
            ]
        (root / "docs" / f"{name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The real configuration (the check reads its citation facts), with the corpus' nav.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n")[0]
    (root / "mkdocs.yml").write_text(config + "\nnav:\n" + "\n".join(nav) + "\n")
    (root / "data/notes.yml").write_text("notes:\n" + "\n".join(notes) + "\n")
    (root / "data/claims.yml").write_text("claims:\n" + "\n".join(claims) + "\n")
    (root / "data/errata.yml").write_text("errata: []\n")
    (root / "data/timeline.yml").write_text("events: []\n")


def median_time(root: Path) -> tuple[float, int]:
    """Median seconds of RUNS checks, and the number of problems (must be 0)."""
    times, problems = [], []
    for _ in range(RUNS):
        # A cold check each time: the edition model caches what it read per project.
        edition_model._cache.clear()
        start = time.perf_counter()
        problems = check_project(root)
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(problems)


def main() -> int:
    """Print one row per corpus: pages, claims, median seconds, ms per page."""
    rows = [("real site", ROOT, None)]
    workdir = Path(tempfile.mkdtemp(prefix="bench-check-"))
    try:
        for pages in (100, 1000):
            make_corpus(workdir / str(pages), pages)
            rows.append((f"{pages} pages", workdir / str(pages), pages))
        print(f"{'corpus':<12} {'claims':>7} {'median s':>9} {'ms/page':>8}")
        per_page = {}
        for label, root, pages in rows:
            seconds, problems = median_time(root)
            if problems:
                print(f"{label}: the corpus has {problems} problems; the benchmark is invalid")
                return 1
            count = pages * CLAIMS_PER_PAGE if pages else "real"
            page_count = pages or len(list((root / "docs").glob("*.md")))
            per_page[label] = seconds / page_count * 1000
            print(f"{label:<12} {count:>7} {seconds:>9.3f} {per_page[label]:>8.2f}")
        ratio = per_page["1000 pages"] / per_page["100 pages"]
        print(f"time per page, 1000 vs 100 pages: {ratio:.2f}x (1.00 = linear growth)")
    finally:
        shutil.rmtree(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(record("Project check", main))
