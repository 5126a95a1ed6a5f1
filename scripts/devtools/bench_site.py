"""Benchmark: what each page costs a reader, against stock Material on the same Markdown.

Usage: ``make build`` once, then ``.venv/bin/python scripts/devtools/bench_site.py [site]``
(``make bench`` runs it).

1. Serves the built site with ``deploy/nginx.conf`` (Debian's nginx on a loopback port,
   started and stopped here; Brotli, as a browser gets it) and loads every page in
   Chromium with an empty cache, as a first-time reader would; then opens the search
   and types a word, and counts what that added (the edition fetches the search worker
   and index only now; stock Material fetched them right after the page loaded).
2. Builds the same Markdown with a stock Material configuration (theme ``material``,
   default fonts, Python-Markdown ``footnotes`` instead of the edition's extensions, no
   overrides, stylesheets or scripts of ours) in a temporary folder, and measures it
   the same way.
3. Prints per page: bytes transferred (compressed, headers included) and requests until
   the network is idle, the search's part of them, what opening the search added,
   first contentful paint, requests to other hosts; our figures as a ratio to the stock
   baseline; and the budget check for the paper pages: at most 90 KiB, at most 10
   requests, nothing render-blocking from another host. Exits 1 over budget.

The stock theme asks Google Fonts for its web fonts; this machine has no route there,
so those requests fail fast and count as requests to other hosts with 0 bytes. On a
real network they would add bytes and a render-blocking stylesheet from another host.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]

from devtools.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - the tests' Chromium setup
from devtools.figures import record  # noqa: E402 - writes build/bench.md
from devtools.nginx import serve_with_nginx  # noqa: E402
from devtools.stock import build_stock  # noqa: E402 - the stock Material copy

PAPER_PAGES = ["/", "/evolution/", "/cooperation/", "/future/", "/conclusion/"]
OTHER_PAGES = ["/timeline/", "/sources/", "/about/", "/print/"]
BUDGET_BYTES = 90 * 1024
BUDGET_REQUESTS = 10
# Material's search: its worker script and the index (stock Material fetches both as soon
# as a page loads; the edition when the reader opens the search).
SEARCH_RE = re.compile(r"/search/search_index\.json$|/workers/search\.[0-9a-f]+\.min\.js$")
SETTLE_MS = 500
RUNS = 3  # after network idle: late requests (search worker, index) still count


@dataclass
class Load:
    """One page load: what crossed the network and when the first text showed."""

    path: str
    bytes: int = 0
    requests: int = 0
    fcp_ms: float = 0.0
    search_bytes: int = 0  # of ``bytes``: the search worker and index
    search_requests: int = 0
    open_bytes: int = 0  # added by opening the search and typing a word
    open_requests: int = 0
    foreign: list[str] = field(default_factory=list)
    blocking_foreign: list[str] = field(default_factory=list)


def encoded_size(url: str) -> int:
    """Bytes of the body as sent to a browser, fetched once more outside it."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip, deflate"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return len(response.read())


def render_blocking_foreign(page, host: str) -> list[str]:
    """Stylesheets and classic scripts in <head> that come from another host."""
    urls = page.evaluate(
        """() => [...document.querySelectorAll(
              'head link[rel=stylesheet][href], head script[src]:not([async]):not([defer])')]
            .map(e => e.href || e.src)"""
    )
    return [url for url in urls if urlsplit(url).netloc not in ("", host)]


def transferred(request) -> int:
    """Bytes a finished request moved: compressed body plus response headers."""
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    response = request.response()
    if not body and response and response.status == 200:
        body = encoded_size(request.url)  # Chromium reports 0 for a worker's script
    return body + sizes["responseHeadersSize"]


def measure(browser, base: str, path: str) -> Load:
    """Load one page with an empty cache, add up what it transferred, then search."""
    host = urlsplit(base).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    load = Load(path)
    finished, failed = [], []
    # On the context, not the page: the search worker's requests count too.
    context.on("requestfinished", lambda request: finished.append(request))
    context.on("requestfailed", lambda request: failed.append(request))
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(SETTLE_MS)
    at_load = list(finished)
    for request in at_load:
        size = transferred(request)
        load.bytes += size
        if SEARCH_RE.search(urlsplit(request.url).path):
            load.search_bytes += size
            load.search_requests += 1
    requests = at_load + failed
    load.requests = len(requests)
    load.foreign = [r.url for r in requests if urlsplit(r.url).netloc != host]
    load.blocking_foreign = render_blocking_foreign(page, host)
    load.fcp_ms = page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
    )
    # The reader opens the search ("/") and types: what does that add?
    page.keyboard.press("/")
    page.keyboard.type("NATO")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    opened = finished[len(at_load) :]
    load.open_bytes = sum(transferred(request) for request in opened)
    load.open_requests = len(opened)
    context.close()
    return load


def measure_site(browser, site: Path, pages: list[str]) -> dict[str, Load]:
    """Serve ``site`` with the deploy configuration and measure every page.

    Bytes and requests are the same on every load; first contentful paint varies on a
    shared machine, so each page loads RUNS times and the median paint is kept.
    """
    loads = {}
    with serve_with_nginx(site) as base:
        for path in pages:
            runs = [measure(browser, base, path) for _ in range(RUNS)]
            loads[path] = runs[0]
            loads[path].fcp_ms = statistics.median(run.fcp_ms for run in runs)
    return loads


def ratio(ours: float, stock: float) -> str:
    """'1.23x', or 'n/a' when the baseline has nothing to compare with."""
    return f"{ours / stock:.2f}x" if stock > 0 else "n/a"


def budget_problems(load: Load) -> list[str]:
    """Why a paper page is over budget (empty when it is within)."""
    problems = []
    if load.bytes > BUDGET_BYTES:
        problems.append(f"{load.bytes / 1024:.1f} KiB > 90")
    if load.requests > BUDGET_REQUESTS:
        problems.append(f"{load.requests} requests > {BUDGET_REQUESTS}")
    if load.blocking_foreign:
        problems.append("render-blocking from another host")
    return problems


def columns(load: Load) -> str:
    """One side of a table row: load, search part, search on open, requests, paint, hosts."""
    return (
        f"{load.bytes / 1024:>6.1f} {load.search_bytes / 1024:>6.1f} "
        f"{load.open_bytes / 1024:>6.1f} {load.requests:>4} {load.fcp_ms:>6.0f} "
        f"{len(load.foreign):>5}"
    )


def report(ours: dict[str, Load], stock: dict[str, Load]) -> int:
    """Print the table and the budget verdict; return the number of pages over budget."""
    side = f"{'KiB':>6} {'search':>6} {'+open':>6} {'req':>4} {'FCP ms':>6} {'other':>5}"
    print(f"{'':<14} {'edition (ours)':<37}   {'stock Material, same Markdown':<37}   ours/stock")
    print(f"{'page':<14} {side}   {side}   {'KiB':>5} {'+open':>5} {'req':>5} {'FCP':>5}  budget")
    over = 0
    for path, load in ours.items():
        base = stock[path]
        verdict = "-"
        if path in PAPER_PAGES:
            problems = budget_problems(load)
            verdict = "OK" if not problems else "OVER: " + "; ".join(problems)
            over += bool(problems)
        searched = ratio(load.bytes + load.open_bytes, base.bytes + base.open_bytes)
        print(
            f"{path:<14} {columns(load)}   {columns(base)}   "
            f"{ratio(load.bytes, base.bytes):>5} {searched:>5} "
            f"{ratio(load.requests, base.requests):>5} {ratio(load.fcp_ms, base.fcp_ms):>5}  "
            f"{verdict}"
        )
    print(
        "\nKiB, req: everything transferred (compressed, headers included) and every request until"
        "\nthe network is idle after the page loads; search: of which Material's search"
        "\nworker and index; +open: what opening the search and typing a word added later"
        "\n(the edition fetches the search then, stock Material at page load); ours/stock"
        "\n+open: the two added together, for a reader who searches; other: requests to"
        "\nother hosts; FCP: first contentful paint, the median of three loads."
    )
    paper = [ours[path] for path in PAPER_PAGES]
    print(
        f"paper pages: at most {max(load.bytes for load in paper) / 1024:.1f} KiB and "
        f"{max(load.requests for load in paper)} requests at load; opening the search "
        f"adds at most {max(load.open_bytes for load in paper) / 1024:.1f} KiB"
    )
    foreign = sorted({url for load in stock.values() for url in load.foreign})
    if foreign:
        print("stock Material asks other hosts for (they fail here: no network):")
        for url in foreign:
            print(f"  {url}")
    ours_foreign = sorted({url for load in ours.values() for url in load.foreign})
    print(f"edition: {len(ours_foreign)} request(s) to other hosts")
    print(
        f"budget per paper page (<= 90 KiB, <= {BUDGET_REQUESTS} requests, nothing "
        f"render-blocking from another host): {'met' if not over else f'{over} page(s) over'}"
    )
    return over


def main(argv: list[str] | None = None) -> int:
    """Measure the built site and the stock baseline; exit 1 when over budget."""
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else ROOT / "site")
    if not (site / "index.html").is_file():
        print(f"{site}: not a built site; run `make build` first", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    pages = PAPER_PAGES + OTHER_PAGES
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        stock_site = build_stock(Path(tmp) / "stock")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ours = measure_site(browser, site, pages)
            stock = measure_site(browser, stock_site, pages)
            browser.close()
    return 1 if report(ours, stock) else 0


if __name__ == "__main__":
    sys.exit(record("Page weight", main))
