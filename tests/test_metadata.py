"""What machines read in a page's head: citation tags, Open Graph and JSON-LD.

Checked on the built HTML, as a reference manager, a link preview or a search engine
reads it (none of them runs the page's scripts). Expected values come from the model
and mkdocs.yml, never written out here.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import PAPER_PAGES, ROOT
from edition.model.addresses import PDF_NAME
from edition.model.edition import load_edition
from edition.model.register import load_register

pytestmark = pytest.mark.build

PAPER = load_edition(ROOT).paper
SITE_URL = PAPER.site_url
PAGE_NAMES = [*PAPER_PAGES, "timeline", "sources", "about", "print"]


def path_of(name: str) -> str:
    return "/" if name == "index" else f"/{name}/"


def meta(page, attribute: str, name: str) -> list[str]:
    return [tag["content"] for tag in page.head.select(f"meta[{attribute}='{name}']")]


def canonical(page) -> str:
    return page.head.select_one("link[rel=canonical]")["href"]


def json_ld(page) -> list[dict]:
    return [json.loads(s.string) for s in page.select("script[type='application/ld+json']")]


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_citation_tags_are_present_and_correct(built_site, name):
    page = built_site.page(name)
    expected = {
        "citation_title": "Prospects for Strategic Partnership between Iraq and NATO",
        "citation_author": "Al-Bayan Center for Planning and Studies",
        "citation_publisher": "Al-Bayan Center for Planning and Studies",
        "citation_publication_date": "2018/08",
        "citation_online_date": PAPER.online_date.replace("-", "/"),
        "citation_pdf_url": f"{SITE_URL}{PDF_NAME}",
        "citation_language": "en",
        "citation_public_url": canonical(page),
    }
    for tag, value in expected.items():
        assert meta(page, "name", tag) == [value], tag
    assert canonical(page) == f"{SITE_URL.rstrip('/')}{path_of(name)}"


def test_json_ld_describes_the_paper_its_parts_and_its_sources(built_site):
    [record] = json_ld(built_site.page("index"))
    assert record["@type"] == "ScholarlyArticle"
    assert record["name"] == PAPER.title and record["datePublished"] == "2018-08"
    assert record["author"] == {"@type": "Organization", "name": PAPER.author}
    assert record["url"] == SITE_URL
    parts = record["hasPart"]
    assert [p["url"] for p in parts] == [f"{SITE_URL}{path_of(n).lstrip('/')}" for n in PAPER_PAGES]
    register = load_register(ROOT)
    urls = {r.url for note in register.notes.values() for r in note.records}
    assert {c["url"] for c in record["citation"]} == urls
    assert len(record["citation"]) == len(urls)
    # The section pages describe the same paper, without the list of cited records
    # (a twentieth of a page's weight); /print/ carries it, as the home page does.
    for name in PAPER_PAGES[1:]:
        page = built_site.page(name)
        [section] = json_ld(page)
        assert section == {key: value for key, value in record.items() if key != "citation"}
        if name == "cooperation":
            areas = [a["url"].rpartition("#")[2] for a in parts[2]["hasPart"]]
            assert areas == [h["id"] for h in page.select("article h2[id]")]
    assert json_ld(built_site.page("print")) == [record]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_open_graph_tags_on_every_page(built_site, name):
    page = built_site.page(name)
    address = canonical(page)
    description = meta(page, "name", "description")
    assert description and meta(page, "property", "og:description") == description
    assert meta(page, "property", "og:url") == [address]
    assert meta(page, "property", "og:type") == ["article"]
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # noqa: S506
    assert meta(page, "property", "og:site_name") == [config["site_name"]]
    title = meta(page, "property", "og:title")
    assert len(title) == 1 and title[0] in page.title.get_text()
    assert urlsplit(address).path == path_of(name)
