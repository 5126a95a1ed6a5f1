"""Offline gate: the zipped edition works from a folder (file://): pages, navigation, search.

The zip is what an air-gapped reader receives: these tests unpack the one `make build`
wrote and drive it in Chromium through ``file://`` URLs, recording every request.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from edition.model.addresses import PDF_NAME, ZIP_NAME, src_path
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


def test_the_offline_config_keeps_every_plugin_and_hook_of_the_site():
    # INHERIT replaces lists: a plugin or hook added to mkdocs.yml must be added here too.
    site, offline = config("mkdocs.yml"), config("mkdocs.offline.yml")
    assert offline["INHERIT"] == "mkdocs.yml"
    assert names(offline["plugins"]) == [*names(site["plugins"]), "offline"]
    assert offline["hooks"] == [*site["hooks"], "scripts/edition/hooks/offline.py"]
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
def unpacked(make_builds, tmp_path_factory) -> Path:
    """The published zip, unpacked as a reader would."""
    target = tmp_path_factory.mktemp("reader")
    with zipfile.ZipFile(make_builds[0].site / ZIP_NAME) as archive:
        archive.extractall(target)
    return target / ZIP_FOLDER


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.build
def test_the_zip_holds_the_whole_edition_and_the_published_pdf(make_builds, unpacked):
    build = make_builds[0]
    # Every file of the offline build but the developers' source maps: nothing lost.
    expected = [name for name in files(build.offline) if not name.endswith(".map")]
    assert files(unpacked) == expected
    for name in ("index.html", "evolution.html", "print.html", "search/search_index.js"):
        assert name in expected, name
    assert "assets/javascripts/iframe-worker.js" in expected  # search without a server
    # The same PDF as the public site's, not a stale or separately built one.
    assert (unpacked / PDF_NAME).read_bytes() == (build.site / PDF_NAME).read_bytes()


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
