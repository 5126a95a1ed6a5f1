"""Benchmark: how long building every PDF takes, against WeasyPrint on the same text, plainly.

Usage: ``.venv/bin/python scripts/devtools/bench_pdf.py [site]`` (after ``make build``:
the build needs a built site folder, though it renders from the model).

Prints the median of three runs of ``build_pdfs`` (every PDF of ``FORMS``: rendering
the print pages from the model, typesetting with pdf.css, footnotes, contents with page
numbers, outline, PDF/UA tags), and of a baseline in the same run: the same HTML of each
form typeset with only a page size and the same fonts, every note left inline, no
target-counter(). The ratio is what the paged-media features cost. Writes into a
temporary copy of the site's home page; the published PDFs are not touched.
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from devtools.figures import record  # writes build/bench.md
from edition.model.edition import load_edition
from edition.publish.pdf import FORMS, build_pdfs, pdf_html, typeset

RUNS = 3
TARGET_SECONDS = 10.0
PLAIN_CSS = """
html { font: 10.5pt/1.45 "Noto Serif", serif }
h1, h2, h3 { font-family: "Noto Sans", sans-serif }
"""


def timed(work) -> tuple[float, object]:
    """Median seconds of RUNS calls of ``work`` and its last result."""
    times, result = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(site_dir: str = "site") -> int:
    """Print the figures; exit 1 when there is no built site to measure."""
    home = Path(site_dir) / "index.html"
    if not home.is_file():
        print(f"{home} not found: run `make build` first", file=sys.stderr)
        return 1
    root = Path(".").resolve()
    edition = load_edition(root)
    base_url = root.as_uri() + "/"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        shutil.copy2(home, out / "index.html")

        def all_pdfs() -> list:
            return build_pdfs(out, root)

        # Same words and markup, but notes stay in the text: no footnote floats.
        plain = [
            (form, re.sub(r'class="pdf-note"', 'class="note"', pdf_html(edition, form)))
            for form in FORMS
        ]

        def baseline() -> list[int]:
            return [
                typeset(html, base_url, out / f"plain-{form.name}", css=PLAIN_CSS, size=form.size)
                for form, html in plain
            ]

        edition_s, built = timed(all_pdfs)
        baseline_s, plain_pages = timed(baseline)
    verdict = "met" if edition_s <= TARGET_SECONDS else "MISSED"
    for one in built:
        print(f"  {one.path.name}: {one.pages} pages, {one.size // 1000} KB, {one.seconds:.2f} s")
    pages = sum(one.pages for one in built)
    print(f"all {len(built)} PDFs (render + typeset + tag, {pages} pages): {edition_s:.2f} s")
    print(f"baseline (same text, plain CSS, {sum(plain_pages)} pages): {baseline_s:.2f} s")
    print(f"ratio: {edition_s / baseline_s:.2f}x  (median of {RUNS} runs each)")
    print(f"target at most {TARGET_SECONDS:.0f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(record("PDF build", main, *sys.argv[1:2]))
