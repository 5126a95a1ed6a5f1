"""Benchmark: the main thread's work while a page loads, from Chromium's own trace.

Usage: ``make build`` once, then ``.venv/bin/python scripts/devtools/bench_load.py [site]``
(``make bench`` runs it). Options: ``--runs N`` (5), ``--pages /,/cooperation/`` (every
page), ``--stock-pages`` (``/`` and ``/cooperation/``; ``none`` for no baseline).

Lighthouse's blocking time is simulated from one unthrottled load, and on a shared
machine its figures swing by a factor of two from run to run (its benchmark index says
so). This measures the work itself: each page is loaded in Debian's Chromium at a
phone's size with the CPU slowed four times (as Lighthouse's mobile setting assumes),
served by ``deploy/nginx.conf``, with a trace of the renderer's main thread; stock
Material on the same Markdown (``stock.py``) is measured in the same rounds. Medians of
the runs, each figure on its own:

- blocked: the blocking time after the first contentful paint, measured (for every
  task longer than 50 ms, the time over 50 ms), as Lighthouse's TBT is defined;
- style: time spent working out styles (Chromium's UpdateLayoutTree);
- whole: how many of those style passes covered at least half the page's elements (a
  change at the root, such as a class on ``<html>``, makes the browser restyle them all);
- script: Material's bundle and the DOMContentLoaded handlers, evaluation included.

Figures to read, never a gate: the exit status is 0 whenever it ran.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from devtools.browser import ALL_PAGES, CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from devtools.figures import record  # noqa: E402 - writes build/bench.md
from devtools.nginx import serve_with_nginx  # noqa: E402
from devtools.stock import build_stock  # noqa: E402 - the stock Material copy

RUNS = 5
STOCK_PAGES = ["/", "/cooperation/"]
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}
CPU_SLOWDOWN = 4
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading"]
FIELDS = ["blocked", "style", "whole", "script"]


def load_figures(browser, url: str) -> dict[str, float]:
    """Load ``url`` once with a trace; the figures of that load."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    with tempfile.TemporaryDirectory() as tmp:
        trace = Path(tmp) / "trace.json"
        browser.start_tracing(page=page, path=str(trace), categories=CATEGORIES)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(1000)  # what the load's handlers and first frames start
        elements = page.evaluate("document.getElementsByTagName('*').length")
        browser.stop_tracing()
        events = json.loads(trace.read_text(encoding="utf-8"))["traceEvents"]
    context.close()
    return figures_of(events, elements)


def figures_of(events: list[dict], elements: int) -> dict[str, float]:
    """The figures of one trace (pure: no browser)."""
    names = {
        (e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"
    }
    main = {thread for thread, name in names.items() if name == "CrRendererMain"}
    on_main = [e for e in events if (e.get("pid"), e.get("tid")) in main and e.get("ph") == "X"]
    paints = [e["ts"] for e in events if e.get("name") == "firstContentfulPaint"]
    first_paint = min(paints) if paints else 0
    blocked = sum(
        e["dur"] - 50_000
        for e in on_main
        if e["name"] == "RunTask" and e.get("dur", 0) > 50_000 and e["ts"] >= first_paint
    )
    styles = [e for e in on_main if e["name"] == "UpdateLayoutTree"]
    whole = sum(1 for e in styles if e.get("args", {}).get("elementCount", 0) >= elements / 2)
    script = sum(
        e.get("dur", 0)
        for e in on_main
        if (
            e["name"] == "EvaluateScript"
            and "/bundle." in str(e["args"].get("data", {}).get("url"))
        )
        or (
            e["name"] == "EventDispatch"
            and e["args"].get("data", {}).get("type") == "DOMContentLoaded"
        )
    )
    return {
        "blocked": blocked / 1000,
        "style": sum(e.get("dur", 0) for e in styles) / 1000,
        "whole": whole,
        "script": script / 1000,
    }


def median(runs: list[dict[str, float]], field: str) -> float:
    """The median of one figure over the runs."""
    return statistics.median(run[field] for run in runs)


def line(label: str, path: str, runs: list[dict[str, float]]) -> str:
    """One page's line of the table."""
    return (
        f"{path:<14} {label:<7} {median(runs, 'blocked'):>8.0f} {median(runs, 'style'):>7.0f} "
        f"{median(runs, 'whole'):>6.0f} {median(runs, 'script'):>7.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Measure every page, and stock Material's, in rounds; print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--pages", default=",".join(ALL_PAGES))
    parser.add_argument("--stock-pages", default=",".join(STOCK_PAGES))
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"bench_load: no built site in {args.site}; run `make build` first")
        return 2
    from playwright.sync_api import sync_playwright

    pages = args.pages.split(",")
    stock_pages = [] if args.stock_pages == "none" else args.stock_pages.split(",")
    ours = {path: [] for path in pages}
    stock = {path: [] for path in stock_pages}
    with tempfile.TemporaryDirectory() as tmp:
        stock_site = build_stock(Path(tmp) / "stock") if stock_pages else args.site
        with (
            serve_with_nginx(args.site) as base,
            serve_with_nginx(stock_site) as stock_base,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # Rounds: a burst of load on the machine touches one run of several pages,
            # ours and stock alike, not every run of one page.
            for _ in range(args.runs):
                for path in pages:
                    ours[path].append(load_figures(browser, base + path))
                for path in stock_pages:
                    stock[path].append(load_figures(browser, stock_base + path))
            browser.close()
    print(f"main thread at load, phone size, CPU {CPU_SLOWDOWN}x slower, median of {args.runs}")
    print(f"{'page':<14} {'build':<7} {'blocked':>8} {'style':>7} {'whole':>6} {'script':>7}")
    for path, runs in ours.items():
        print(line("edition", path, runs))
    for path, runs in stock.items():
        print(line("stock", path, runs))
    if stock:
        print(f"\n{'ours/stock':<14} {'blocked':>8} {'style':>7} {'script':>7}")
        for path in stock:
            if path in ours:
                ratios = [
                    median(ours[path], f) / median(stock[path], f) if median(stock[path], f) else 0
                    for f in ("blocked", "style", "script")
                ]
                print(f"{path:<14} " + " ".join(f"{r:>7.2f}x" for r in ratios))
    print(
        "\nms, from Chromium's trace: blocked = time over 50 ms of each task after the first"
        "\ncontentful paint; style = style recalculation; whole = style passes over at least"
        "\nhalf the page's elements (count); script = Material's bundle and DOMContentLoaded."
    )
    return 0


if __name__ == "__main__":
    sys.exit(record("Main thread at load (bench_load.py)", main))
