"""Offline gate: the zipped edition works from a folder (file://): pages, navigation, search.

The zip is what an air-gapped reader receives: these tests read the one the session's
`mkdocs build` wrote, unpacked (conftest.offline_edition), and drive it in Chromium
through ``file://`` URLs, recording every request.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from edition.model.addresses import PDF_NAMES, ZIP_NAME, src_path
from edition.model.config import PLACEHOLDER_URL
from edition.publish.offline import ZIP_FOLDER, write_zip
from quality import search

ROOT = Path(__file__).resolve().parents[1]
# How long a page may take to settle on a loaded machine (ms): waits end as soon as it has.
SETTLE = 15_000


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: unknown tags (!ENV, !relative) become None."""


_Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)


def config(name: str) -> dict:
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_Lenient)


def names(items: list) -> list[str]:
    """Plugin or hook names of a config list (entries are strings or one-key dicts)."""
    return [item if isinstance(item, str) else next(iter(item)) for item in items]


def test_the_offline_config_keeps_every_plugin_of_the_site():
    # INHERIT replaces lists: a plugin added to mkdocs.yml must be added here too.
    site, offline = config("mkdocs.yml"), config("mkdocs.offline.yml")
    assert offline["INHERIT"] == "mkdocs.yml"
    assert names(offline["plugins"]) == [*names(site["plugins"]), "offline"]
    assert "hooks" not in site and "hooks" not in offline  # the edition plugin does it all
    assert offline["use_directory_urls"] is False and site["use_directory_urls"] is True


@pytest.mark.parametrize(
    ("src", "url"),
    [("index.md", ""), ("evolution.md", "evolution/"), ("a/index.md", "a/"), ("a/b.md", "a/b/")],
)
def test_public_url_follows_directory_urls(src, url):
    assert src_path(src) == url


def test_the_zip_is_reproducible_and_sorted(tmp_path):
    folder = tmp_path / "offline"
    (folder / "b").mkdir(parents=True)
    (folder / "index.html").write_text("home")
    (folder / "b" / "page.html").write_text("page")
    (folder / "b" / "page.html.map").write_text("developer tools only")
    write_zip(folder, tmp_path / "one.zip", 1700000000)
    (folder / "index.html").touch()  # a newer file time must not matter
    write_zip(folder, tmp_path / "two.zip", 1700000000)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert archive.namelist() == [f"{ZIP_FOLDER}/b/page.html", f"{ZIP_FOLDER}/index.html"]
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


@pytest.fixture(scope="module")
def unpacked(offline_edition) -> Path:
    """The published zip, unpacked as a reader would."""
    return offline_edition


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.build
def test_the_zip_holds_the_whole_edition_and_the_published_pdfs(built_site, unpacked):
    held = files(unpacked)
    with zipfile.ZipFile(built_site.site / ZIP_NAME) as archive:
        # One top folder; the developers' source maps left out.
        assert {name.split("/", 1)[0] for name in archive.namelist()} == {ZIP_FOLDER}
    assert not [name for name in held if name.endswith(".map")]
    for name in ("index.html", "evolution.html", "print.html", "search/search_index.js"):
        assert name in held, name
    # Every page of the public site has its file here (the 404 page too).
    public = [name for name in files(built_site.site) if name.endswith("index.html")]
    assert len([name for name in held if name.endswith(".html")]) == len(public) + 1
    assert "assets/javascripts/iframe-worker.js" in held  # search without a server
    assert "sources/claims.json" in held  # the ledger downloads, beside /sources/
    # The same PDFs as the public site's, not stale or separately built ones.
    for name in PDF_NAMES:
        assert (unpacked / name).read_bytes() == (built_site.site / name).read_bytes()


@pytest.mark.build
def test_offline_pages_cite_the_public_addresses(unpacked):
    base = (os.environ.get("SITE_URL") or PLACEHOLDER_URL).rstrip("/") + "/"
    html = (unpacked / "evolution.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base}evolution/">' in html
    assert f"{base}evolution.html" not in html


@pytest.fixture(scope="module")
def reader(browser, unpacked):
    """A Chromium page on the unpacked edition, with every request recorded."""
    context = browser.new_context()
    requests, errors = [], []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    yield page, requests, errors
    context.close()


@pytest.mark.browser
def test_pages_and_navigation_work_from_the_folder(reader, unpacked):
    page, requests, errors = reader
    errors.clear()  # this test's errors only: the page is shared by the module
    page.goto((unpacked / "index.html").as_uri())
    # Each step waits until the new page is there (a click does not wait for it).
    page.click("nav.md-nav--primary >> text=Secondly: Cooperation")
    expect(page).to_have_url((unpacked / "cooperation.html").as_uri(), timeout=SETTLE)
    expect(page.locator("h2#cyber-security")).to_be_visible(timeout=SETTLE)
    page.click("a.md-footer__link--next")
    expect(page).to_have_url((unpacked / "future.html").as_uri(), timeout=SETTLE)
    page.click("text=The whole paper on one page")
    expect(page).to_have_url((unpacked / "print.html").as_uri(), timeout=SETTLE)
    expect(page.locator("article h1#evolution")).to_be_visible(timeout=SETTLE)
    assert errors == []


@pytest.mark.browser
def test_search_works_from_the_folder(reader, unpacked):
    page, requests, errors = reader
    errors.clear()
    page.goto((unpacked / "evolution.html").as_uri())
    search(page, "Istanbul")
    # The passage that names Istanbul is found, and its result opens it in the folder.
    found = page.locator(".md-search-result__link[href*='evolution.html'][href$='#p1-1']")
    expect(found.first).to_be_visible(timeout=SETTLE)
    with page.expect_navigation():
        found.first.click()
    assert page.url == (unpacked / "evolution.html").as_uri() + "?h=istanbul#p1-1"
    expect(page.locator("article mark", has_text=re.compile("istanbul", re.I)).first).to_be_visible(
        timeout=SETTLE
    )
    assert errors == []


@pytest.mark.browser
def test_nothing_is_fetched_from_any_server(reader, unpacked):
    page, requests, errors = reader
    page.goto((unpacked / "timeline.html").as_uri(), wait_until="networkidle")
    search(page, "NATO")
    page.wait_for_load_state("networkidle")
    assert requests, "no requests recorded at all"
    assert [url for url in requests if not url.startswith(("file:", "data:", "about:"))] == []
