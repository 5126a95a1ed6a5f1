"""Benchmark: Lighthouse scores of every page, served as deployed.

Usage: ``make build`` once, then ``.venv/bin/python scripts/devtools/bench_lighthouse.py [site]``
(``make bench`` runs it after ``npm ci`` in ``scripts/devtools/lighthouse/``, where Lighthouse is
pinned with its lock file).

Serves the built site with ``deploy/nginx.conf`` (Debian's nginx on a loopback port, as
``bench_site.py`` does) and runs Lighthouse on every page with Debian's Chromium, in its
default mobile setting (a mid-range phone on a slow 4G connection, simulated). Prints the
four category scores per page (performance, accessibility, best practices, SEO; the aim
is 100 in each) and, for anything under 100, the audits that cost points. The reports
are kept in ``build/lighthouse/`` as JSON.

Lighthouse needs Node.js; the edition does not, so without it this prints why it did not
run and exits 2 (a figure not measured is never reported as a score).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from devtools.browser import ALL_PAGES as PAGES  # noqa: E402 - every page a reader can reach
from devtools.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - the tests' Chromium setup
from devtools.figures import record  # noqa: E402 - writes build/bench.md
from devtools.nginx import serve_with_nginx  # noqa: E402

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE = ROOT / "scripts" / "devtools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "build" / "lighthouse"


def run_lighthouse(url: str, output: Path) -> dict:
    """One Lighthouse run on ``url``; the parsed JSON report."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
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
        env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin", "HOME": str(REPORTS)},
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


def main(argv: list[str] | None = None) -> int:
    """Score every page and print the scores; exit 2 when Lighthouse could not run.

    A score under 100 is a figure to read, not a failure: the exit status stays 0.
    """
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else ROOT / "site")
    if not (site / "index.html").is_file():
        print(f"{site}: not a built site; run `make build` first", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.is_file() or not shutil.which("node"):
        print(
            "Lighthouse: not run; it needs Node.js (22 or later) and "
            "`npm ci --prefix scripts/lighthouse` (make bench does that when npm is there)",
            file=sys.stderr,
        )
        return 2
    REPORTS.mkdir(parents=True, exist_ok=True)
    print(f"{'page':<14} " + " ".join(f"{name:>14}" for name in CATEGORIES))
    under = []
    with serve_with_nginx(site) as base:
        for path in PAGES:
            name = path.strip("/") or "home"
            report = run_lighthouse(base + path, REPORTS / f"{name}.json")
            scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
            print(f"{path:<14} " + " ".join(f"{score:>14}" for score in scores))
            if min(scores) < 100:
                under.append((path, lost_points(report)))
    print("\nLighthouse 13, mobile (simulated slow 4G, 4x slower CPU), served by nginx with gzip.")
    for path, lost in under:
        print(f"{path}: " + "; ".join(lost))
    print(f"pages under 100 in any category: {len(under)} of {len(PAGES)}")
    return 0


if __name__ == "__main__":
    sys.exit(record("Lighthouse", main))
