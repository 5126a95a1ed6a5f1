"""Deploy gate: the site behind ``deploy/nginx.conf`` loads with no CSP violation.

nginx (Debian's) runs the deployed server block on a loopback port (``edition.nginx``);
Chromium loads every page, opens the search and a note tooltip, and reports any
Content-Security-Policy violation or console error. The policy allows only this host,
plus the hashes of the theme's inline scripts.
"""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import brotli
import pytest

from devtools.csp import inline_scripts, script_hash, site_script_hashes
from devtools.nginx import DEPLOY_CONF, loopback_server_block, serve_with_nginx
from quality import RECORD_VIOLATIONS_JS, search


def policy_hashes(conf: str) -> set[str]:
    return set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", conf))


def test_the_policy_has_no_unsafe_sources():
    conf = DEPLOY_CONF.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in conf and "default-src 'none'" in conf
    assert "unsafe-inline" not in conf and "unsafe-eval" not in conf
    assert not re.search(r"https?://", conf.split("server {", 1)[1].split("set $edition_csp")[0])


@pytest.mark.build
def test_the_policy_hashes_exactly_the_inline_scripts_of_the_site(built_site):
    needed = set(site_script_hashes(built_site.site))
    listed = policy_hashes(DEPLOY_CONF.read_text(encoding="utf-8"))
    assert needed - listed == set(), "add these (python -m devtools.csp site) to deploy/nginx.conf"
    assert listed - needed == set(), "remove these stale hashes from deploy/nginx.conf"


def test_inline_script_hashes_ignore_data_blocks():
    html = (
        '<script>var a = 1;</script><script type="application/ld+json">{"a": 1}</script>'
        '<script src="x.js"></script><script type="application/json">{}</script>'
    )
    assert inline_scripts(html) == ["var a = 1;"]
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", script_hash("var a = 1;"))


def test_the_loopback_copy_changes_only_listen_and_root(tmp_path):
    conf = DEPLOY_CONF.read_text(encoding="utf-8")
    local = loopback_server_block(conf, 8123, tmp_path)
    assert "listen 127.0.0.1:8123;" in local and f'root "{tmp_path}";' in local
    strip = re.compile(r"^\s*(listen|root)\b.*\n", re.M)
    assert strip.sub("", local) == strip.sub("", conf)


@pytest.fixture(scope="module")
def nginx_url(built_site):
    with serve_with_nginx(built_site.site) as url:
        yield url


def fetch(url: str, accept: str = "gzip") -> tuple[int, dict[str, str]]:
    return fetch_body(url, accept)[:2]


def fetch_body(url: str, accept: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "status", "cache", "gzip"),
    [
        ("/evolution/", 200, "no-cache", True),
        ("/assets/stylesheets/edition.css", 200, "public, max-age=3600", True),
        ("/search/search_index.json", 200, "no-cache", True),
        ("/iraq-nato-partnership.pdf", 200, "no-cache", False),
        ("/no-such-page/", 404, "no-cache", True),
    ],
)
def test_compression_and_cache_headers(nginx_url, path, status, cache, gzip):
    code, headers = fetch(nginx_url + path)
    assert code == status
    assert headers["Cache-Control"] == cache
    assert (headers.get("Content-Encoding") == "gzip") is gzip
    assert headers["X-Content-Type-Options"] == "nosniff"
    is_html = headers["Content-Type"].startswith("text/html")
    assert ("Content-Security-Policy" in headers) is is_html


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["/sources/", "/print/", "/assets/stylesheets/edition.css", "/no-such-page/"]
)
def test_a_browser_that_accepts_brotli_gets_the_builds_copy(nginx_url, built_site, path):
    # The long pages are the reason: /sources/ 45 KB in gzip, 27 KB in Brotli.
    code, headers, body = fetch_body(nginx_url + path, "br, gzip")
    _, gzip_headers, gzip_body = fetch_body(nginx_url + path, "gzip")
    assert headers.get("Content-Encoding") == "br"
    assert "Accept-Encoding" in headers.get("Vary", "")
    served = path.strip("/") + "/index.html" if path.endswith("/") else path.lstrip("/")
    if code == 404:
        served = "404.html"
    assert brotli.decompress(body) == (built_site.site / served).read_bytes()
    assert len(body) < 0.9 * len(gzip_body)
    # The same headers whichever the encoding: policy, cache, type.
    for name in ("Content-Security-Policy", "Cache-Control", "Content-Type"):
        assert headers.get(name) == gzip_headers.get(name), name


@pytest.mark.browser
def test_the_themes_fingerprinted_files_are_cached_for_good(nginx_url, built_site):
    bundle = next((built_site.site / "assets" / "javascripts").glob("bundle.*.min.js"))
    code, headers = fetch(f"{nginx_url}/assets/javascripts/{bundle.name}")
    assert code == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def visit(browser, url: str, path: str, use: bool = True) -> tuple[list[str], list[str], list]:
    """Load a page, use search and a note tooltip; return violations, errors, requests."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS_JS)
    requests, errors = [], []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + path, wait_until="networkidle")
    if use and page.locator("a.footnote-ref").count():
        page.hover("a.footnote-ref >> nth=0")
    if use:
        search(page, "NATO")
        page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__violations")
    context.close()
    return violations, errors, requests


@pytest.mark.browser
def test_a_policy_without_the_hashes_is_caught(browser, built_site, tmp_path):
    # The violation check must be able to fail: drop the hashes and it must see that.
    conf = DEPLOY_CONF.read_text(encoding="utf-8")
    broken = tmp_path / "nginx.conf"
    broken.write_text(re.sub(r" 'sha256-[A-Za-z0-9+/=]+'", "", conf), encoding="utf-8")
    with serve_with_nginx(built_site.site, conf=Path(broken)) as url:
        violations, errors, _requests = visit(browser, url, "/evolution/", use=False)
    assert any(violation.startswith("script-src") for violation in violations)
    # Chromium names the hash each blocked script would need: they are the ones we list,
    # so devtools.csp hashes scripts exactly as the browser does.
    reported = {f"'{found}'" for error in errors for found in re.findall(r"sha256-[^']+", error)}
    assert reported and reported <= policy_hashes(conf)
