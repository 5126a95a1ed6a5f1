"""Real headless Chromium (Debian's), a loopback server for a built site, and its pages.

Shared by the browser tests and the benchmarks.
"""

from __future__ import annotations

import functools
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Every page a reader can reach, by its public address.
ALL_PAGES = [
    "/",
    "/evolution/",
    "/cooperation/",
    "/future/",
    "/conclusion/",
    "/timeline/",
    "/sources/",
    "/briefing/",
    "/about/",
    "/print/",
]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium phones home at start-up, which would
# show up as requests leaving the host and fail on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files like the stdlib's handler, without a log line per request."""

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        """Keep test output clean."""


@contextmanager
def serve(directory: Path, handler_class: type[SimpleHTTPRequestHandler] = QuietHandler):
    """Serve ``directory`` on a free loopback port; yield the base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# The Chromium of the outermost chromium() still open, if any. Playwright's sync API
# cannot be started twice in one thread, so a chromium() inside another (a test that
# launches its own while the tests' shared browser runs) gets the running browser.
_running = None


@contextmanager
def chromium():
    """Debian's headless Chromium through Playwright, closed afterwards.

    Inside another chromium(), the browser already running; the outermost closes it.
    Isolation comes from browser contexts (each has its own cache and storage), which
    every caller makes and closes itself.
    """
    global _running
    if _running is not None:
        yield _running
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _running = browser
        try:
            yield browser
        finally:
            _running = None
            browser.close()
