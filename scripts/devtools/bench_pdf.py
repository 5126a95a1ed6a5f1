"""Benchmark: how long the PDF build takes, against WeasyPrint on the same text, plainly.

Usage: ``make build`` once, then ``.venv/bin/python scripts/devtools/bench_pdf.py [site]``.

Prints the median of three runs of the PDF build (reshaping site/print/index.html and
typesetting it with pdf.css: footnotes, contents with page numbers, outline) and of a
baseline in the same run: the same HTML typeset with only a page size and the same fonts, every
note left inline, no target-counter(). The ratio is what the paged-media features cost.
Writes into a temporary folder; the published PDF is not touched.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from devtools.figures import record  # writes build/bench.md
from edition.publish.pdf import pdf_html, read_site, typeset

RUNS = 3
TARGET_SECONDS = 15.0
PLAIN_CSS = """
@page { size: A4; margin: 25mm }
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
    print_page = Path(site_dir) / "print" / "index.html"
    if not print_page.is_file():
        print(f"{print_page} not found: run `make build` first", file=sys.stderr)
        return 1
    source = print_page.read_text(encoding="utf-8")
    site = read_site(Path("."))
    base_url = print_page.parent.resolve().as_uri() + "/"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)

        def edition() -> int:
            return typeset(pdf_html(source, site), base_url, out / "edition.pdf")

        # Same words and markup, but notes stay in the text: no footnote floats.
        plain_html = re.sub(r'class="pdf-note"', 'class="note"', pdf_html(source, site))

        def baseline() -> int:
            return typeset(plain_html, base_url, out / "plain.pdf", css=PLAIN_CSS)

        edition_s, pages = timed(edition)
        baseline_s, plain_pages = timed(baseline)
        size = (out / "edition.pdf").stat().st_size
    verdict = "met" if edition_s < TARGET_SECONDS else "MISSED"
    print(f"PDF build (reshape + typeset, {pages} pages, {size // 1000} KB): {edition_s:.2f} s")
    print(f"baseline (same text, plain CSS, {plain_pages} pages): {baseline_s:.2f} s")
    print(f"ratio: {edition_s / baseline_s:.2f}x  (median of {RUNS} runs each)")
    print(f"target under {TARGET_SECONDS:.0f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(record("PDF build", main, *sys.argv[1:2]))
