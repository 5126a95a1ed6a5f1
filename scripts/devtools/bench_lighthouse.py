"""Benchmark: Lighthouse on every page, served as deployed, against stock Material.

Usage: ``make build`` once, then ``.venv/bin/python scripts/devtools/bench_lighthouse.py [site]``
(``make bench`` runs it after ``npm ci`` in ``scripts/devtools/lighthouse/``, where Lighthouse is
pinned with its lock file). Options: ``--runs N`` (3), ``--pages /,/cooperation/`` (every
page), ``--stock-pages /,/cooperation/`` (those two; ``none`` for no baseline).

Serves the built site with ``deploy/nginx.conf`` (Debian's nginx on a loopback port, as
``bench_site.py`` does) and runs Lighthouse on every page with Debian's Chromium, in its
default mobile setting (a mid-range phone on a slow 4G connection, simulated). The same
Markdown built with stock Material (``stock.py``) is served the same way and measured in
the same rounds, page after page, so a busy machine slows both alike.

Each page is measured ``--runs`` times; the figures are medians, each taken on its own:
the performance score, total blocking time (TBT), cumulative layout shift (CLS), largest
and first contentful paint (LCP, FCP), and the other three category scores. The aims of
the reading-first issue: performance 100 on every page, TBT at most 50 ms, CLS 0. For the
pages measured on both, ours against stock Material as a ratio. For a page that misses
an aim, the audits that cost points in its median run. The reports stay in
``build/lighthouse/`` as JSON.

Lighthouse 12 is pinned, not 13: 13 needs Node.js 22, Debian's Node.js is 20. Its
``package.json`` pins two of Lighthouse's own dependencies (``overrides``): one of them
asks for ``third-party-web`` at the tag ``latest``, which npm cannot keep in a lock file,
so ``npm ci`` would refuse the lock.

Lighthouse needs Node.js; the edition does not, so without it this prints why it did not
run and exits 2 (a figure not measured is never reported as a score). A figure that misses
an aim is a figure to read: the exit status stays 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Every page a reader can reach, and the tests' Chromium setup.
from devtools.browser import ALL_PAGES, CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from devtools.figures import record  # noqa: E402 - writes build/bench.md
from devtools.nginx import serve_with_nginx  # noqa: E402
from devtools.stock import build_stock  # noqa: E402 - the stock Material copy

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_DIR = ROOT / "scripts" / "devtools" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "build" / "lighthouse"
NODE_MIN = (18, 16)  # Lighthouse 12.8's `engines`
RUNS = 3
STOCK_PAGES = ["/", "/cooperation/"]  # the home page and the page with the most controls
# The aims (issue "Reading first", item 10): figures to compare with, never a gate.
AIM_PERFORMANCE = 100
AIM_TBT_MS = 50
AIM_CLS = 0.0


@dataclass
class Run:
    """The figures of one Lighthouse report."""

    scores: dict[str, int]  # category → 0–100
    tbt_ms: float
    cls: float
    lcp_ms: float
    fcp_ms: float
    benchmark_index: float  # Lighthouse's measure of this machine's speed at the time
    lost: list[str]


def node_version() -> tuple[int, ...] | None:
    """Node.js's version as numbers, or None when there is no usable `node`."""
    node = shutil.which("node")
    if not node:
        return None
    result = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    try:
        return tuple(int(part) for part in result.stdout.strip().lstrip("v").split("."))
    except ValueError:
        return None


def run_lighthouse(url: str, output: Path) -> dict:
    """One Lighthouse run on ``url``; the parsed JSON report."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    node_dir = str(Path(shutil.which("node")).parent)
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
            "--output=json",
            f"--output-path={output}",
            "--quiet",
        ],
        env={"CHROME_PATH": CHROMIUM, "PATH": f"{node_dir}:/usr/bin:/bin", "HOME": str(REPORTS)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode or not output.is_file():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(output.read_text(encoding="utf-8"))


def lost_points(report: dict) -> list[str]:
    """The weighted audits that scored under 1, as 'category: audit (value)'."""
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                lost.append(f"{name}: {audit['id']} {audit['score']:.2f} {value}".rstrip())
    return lost


def figures(report: dict) -> Run:
    """The figures this benchmark keeps from one report."""
    audits = report["audits"]
    return Run(
        scores={c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        benchmark_index=report.get("environment", {}).get("benchmarkIndex", 0.0),
        lost=lost_points(report),
    )


@dataclass
class Page:
    """One page's runs and their medians."""

    path: str
    runs: list[Run]

    def median(self, field: str) -> float:
        """The median of one figure of the runs ('tbt_ms', 'cls', …)."""
        return statistics.median(getattr(run, field) for run in self.runs)

    def score(self, category: str) -> float:
        """The median score of one category."""
        return statistics.median(run.scores[category] for run in self.runs)

    def median_run(self) -> Run:
        """The run whose performance score is the median (the lost points come from it)."""
        ordered = sorted(self.runs, key=lambda run: run.scores["performance"])
        return ordered[len(ordered) // 2]

    def misses(self) -> list[str]:
        """Which aims the medians miss (empty when all are met)."""
        missed = []
        if self.score("performance") < AIM_PERFORMANCE:
            missed.append(f"performance {self.score('performance'):.0f} < {AIM_PERFORMANCE}")
        if self.median("tbt_ms") > AIM_TBT_MS:
            missed.append(f"TBT {self.median('tbt_ms'):.0f} ms > {AIM_TBT_MS}")
        if self.median("cls") > AIM_CLS:
            missed.append(f"CLS {self.median('cls'):.3f} > 0")
        return missed


def report_name(path: str) -> str:
    """A page's address as a file name: '/' → 'home', '/cooperation/' → 'cooperation'."""
    return path.strip("/").replace("/", "-") or "home"


def measure(sites: dict[str, tuple[str, list[str]]], runs: int) -> dict[str, dict[str, Page]]:
    """Measure every (label → base URL, pages) in rounds: each round runs every page once.

    Rounds, not one page's runs in a row: a burst of load on the machine then touches one
    run of several pages, not all runs of one, and ours and stock alike.
    """
    results = {
        label: {path: Page(path, []) for path in pages} for label, (_, pages) in sites.items()
    }
    for number in range(1, runs + 1):
        for label, (base, pages) in sites.items():
            for path in pages:
                output = REPORTS / f"{label}-{report_name(path)}-{number}.json"
                results[label][path].runs.append(figures(run_lighthouse(base + path, output)))
    return results


def ratio(ours: float, stock: float) -> str:
    """'1.23x', or 'n/a' when the baseline has nothing to compare with."""
    return f"{ours / stock:.2f}x" if stock > 0 else "n/a"


def row(page: Page) -> str:
    """One page's line of the table."""
    scores = " ".join(f"{page.score(c):>4.0f}" for c in CATEGORIES)
    spread = f"{min(r.scores['performance'] for r in page.runs)}-" + str(
        max(r.scores["performance"] for r in page.runs)
    )
    return (
        f"{page.path:<14} {scores} {spread:>7} {page.median('tbt_ms'):>6.0f} "
        f"{page.median('cls'):>6.3f} {page.median('lcp_ms'):>6.0f} {page.median('fcp_ms'):>6.0f}"
    )


def report(ours: dict[str, Page], stock: dict[str, Page], runs: int) -> None:
    """Print the tables, the ratios to stock Material and the aims."""
    head = (
        f"{'page':<14} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'range':>7} "
        f"{'TBT ms':>6} {'CLS':>6} {'LCP ms':>6} {'FCP ms':>6}"
    )
    of_runs = f"median of {runs} runs" if runs > 1 else "1 run"
    print(f"edition (ours), {of_runs}")
    print(head)
    for page in ours.values():
        print(row(page))
    if stock:
        print(f"\nstock Material, same Markdown, same rounds, {of_runs}")
        print(head)
        for page in stock.values():
            print(row(page))
        print(f"\n{'ours/stock':<14} {'perf':>6} {'TBT':>6} {'LCP':>6} {'FCP':>6}")
        for path, base in stock.items():
            if path not in ours:
                continue
            page = ours[path]
            print(
                f"{path:<14} {ratio(page.score('performance'), base.score('performance')):>6} "
                f"{ratio(page.median('tbt_ms'), base.median('tbt_ms')):>6} "
                f"{ratio(page.median('lcp_ms'), base.median('lcp_ms')):>6} "
                f"{ratio(page.median('fcp_ms'), base.median('fcp_ms')):>6}"
            )
    every = [run for page in [*ours.values(), *stock.values()] for run in page.runs]
    indices = [run.benchmark_index for run in every if run.benchmark_index]
    print(
        "\nLighthouse 12.8, mobile (simulated slow 4G, 4x slower CPU), served by nginx with"
        "\nBrotli; perf, a11y, bp, seo: the category scores; range: the lowest and highest"
        "\nperformance score of the runs; every other figure is the median of the runs,"
        "\neach taken on its own."
    )
    if stock:
        print(
            "stock Material asks Google Fonts for its web fonts; with no route there those"
            "\nrequests fail fast, so its figures here are better than on a real network."
        )
    if indices:
        print(
            f"machine speed (Lighthouse's benchmark index, higher is faster): "
            f"{min(indices):.0f}-{max(indices):.0f}"
        )
    missing = {path: page.misses() for path, page in ours.items() if page.misses()}
    print(
        f"aims (performance {AIM_PERFORMANCE}, TBT <= {AIM_TBT_MS} ms, CLS 0): "
        + (
            f"met on all {len(ours)} pages"
            if not missing
            else f"missed on {len(missing)} of {len(ours)} pages"
        )
    )
    for path, missed in missing.items():
        print(f"  {path}: {'; '.join(missed)}")
        for lost in ours[path].median_run().lost:
            print(f"    {lost}")
    other = {
        path: lost
        for path, page in ours.items()
        if path not in missing and (lost := page.median_run().lost)
    }
    for path, lost in other.items():
        print(f"  {path} (aims met; points lost): " + "; ".join(lost))


def pages_option(value: str) -> list[str]:
    """'/,/cooperation/' → ['/', '/cooperation/']; 'none' → []."""
    if value.strip() == "none":
        return []
    pages = [page.strip() for page in value.split(",") if page.strip()]
    for page in pages:
        if not (page.startswith("/") and page.endswith("/")):
            raise argparse.ArgumentTypeError(f"{page}: a page is an address like /cooperation/")
    return pages


def main(argv: list[str] | None = None) -> int:
    """Score the pages, ours and stock Material's; exit 2 when Lighthouse could not run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=RUNS, help="runs per page (3)")
    parser.add_argument("--pages", type=pages_option, default=ALL_PAGES)
    parser.add_argument("--stock-pages", type=pages_option, default=STOCK_PAGES)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: not a built site; run `make build` first", file=sys.stderr)
        return 2
    version = node_version()
    if version is None or version[:2] < NODE_MIN:
        found = "none" if version is None else ".".join(map(str, version))
        print(
            f"Lighthouse: not run; it needs Node.js {NODE_MIN[0]}.{NODE_MIN[1]} or later "
            f"(found: {found})",
            file=sys.stderr,
        )
        return 2
    if not LIGHTHOUSE.is_file():
        print(
            "Lighthouse: not run; install it first with "
            "`npm ci --prefix scripts/devtools/lighthouse` (make bench does that)",
            file=sys.stderr,
        )
        return 2
    REPORTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp:
        stock_site = build_stock(Path(tmp) / "stock") if args.stock_pages else None
        with serve_with_nginx(args.site) as base:
            sites = {"edition": (base, args.pages)}
            if stock_site is None:
                results = measure(sites, args.runs)
            else:
                with serve_with_nginx(stock_site) as stock_base:
                    sites["stock"] = (stock_base, args.stock_pages)
                    results = measure(sites, args.runs)
    report(results["edition"], results.get("stock", {}), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(record("Lighthouse", main))
