"""Privacy gate, downloads: the PDF and the offline zip come from the site's own host.

Every page's requests are recorded in tests/test_browser.py; this follows the two
download links a reader clicks, on the complete build output.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from devtools.browser import serve
from quality import chromium, foreign_requests

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site.site) as url:
        yield url


@pytest.mark.parametrize(
    ("path", "link", "magic"),
    [
        ("/evolution/", "text=Download the paper", b"%PDF-"),
        ("/print/", "text=Download the paper", b"%PDF-"),
        ("/about/", "a[href$='iraq-nato-offline.zip']", b"PK\x03\x04"),
    ],
)
def test_downloads_come_from_the_sites_own_host(site_url, path, link, magic):
    with chromium() as browser:
        context = browser.new_context(accept_downloads=True)
        requests = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.goto(site_url + path, wait_until="networkidle")
        with page.expect_download() as download:
            page.click(link)
        assert urlsplit(download.value.url).netloc == urlsplit(site_url).netloc
        with open(download.value.path(), "rb") as file:
            assert file.read(len(magic)) == magic
        assert foreign_requests(requests, urlsplit(site_url).netloc) == []
        context.close()
