"""The paragraphs extension, Markdown → HTML: numbers, copy-link, cite boxes, aliases, JSON-LD.

A tiny project (two paper pages and an about page) in tmp_path; no site build.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import PAPER_PAGES
from edition.extensions.paragraphs import paper_targets
from edition.model.addresses import paragraph_number, section_number
from edition.model.edition import load_edition

SITE_URL = "https://tiny.example.org/"
CONFIG = f"""\
site_name: Tiny
site_url: {SITE_URL}
extra:
  paper:
    title: A Paper on Things
    title_sentence_case: A paper on things
    author: The Centre
    publisher: The Centre
    place: Baghdad
    date: "2018-08"
    genre: Policy paper
    language: en
    original_url: https://centre.example.org/paper
    online_date: "2026-11-28"
"""
INDEX = """\
---
section: 0
title: Introduction
---

# A paper on things { #title }

Opening words.
{: #p0-1 }
"""
COOPERATION = """\
---
section: 2
---

# Secondly: the substance { #cooperation }

Areas follow.
{: #p2-0 }

## 4. Defence and cyber-security { #cyber-security }

Cyber words.
{: #p2-4-1 }

More cyber words.
{: #p2-4-2 }
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "mkdocs.yml").write_text(CONFIG)
    (tmp_path / "docs" / "index.md").write_text(INDEX)
    (tmp_path / "docs" / "cooperation.md").write_text(COOPERATION)
    (tmp_path / "docs" / "about.md").write_text("# About { #about }\n\nWords.\n")
    return tmp_path


def render(root: Path, page: str) -> BeautifulSoup:
    """A page of the tiny project through the extensions it runs under MkDocs."""
    text = (root / "docs" / f"{page}.md").read_text()
    body = text.split("---\n", 2)[2] if text.startswith("---") else text
    html = markdown.markdown(
        body,
        extensions=["attr_list", "toc", "edition.extensions.paragraphs"],
        extension_configs={"edition.extensions.paragraphs": {"root": str(root)}},
    )
    return BeautifulSoup(html, "html.parser")


def test_a_paragraph_renders_as_expected(tiny):
    html = markdown.markdown(
        "Cyber words.\n{: #p2-4-1 }",
        extensions=["attr_list", "edition.extensions.paragraphs"],
        extension_configs={"edition.extensions.paragraphs": {"root": str(tiny)}},
    )
    expected = (
        '<p id="p2-4-1"><span class="anchor-handle editorial" data-search-exclude="">'
        '<a class="anchor-number" href="#p2-4-1">¶ 2.4.1</a>'
        '<button aria-label="Copy link to paragraph 2.4.1" class="copy-link" '
        f'data-copy-url="{SITE_URL}cooperation/#p2-4-1" data-search-exclude="" '
        'hidden="hidden" title="Copy link" type="button"></button> </span>'
        "Cyber words.</p>"
    )
    if html != expected:
        diff = difflib.unified_diff(
            expected.split("><"), html.split("><"), "expected", "rendered", lineterm=""
        )
        pytest.fail("\n".join(diff))


def test_paragraph_number_and_copy_button_come_from_the_id(tiny):
    html = render(tiny, "cooperation")
    paragraph = html.select_one("p#p2-4-2")
    handle = paragraph.contents[0]
    assert "editorial" in handle["class"]
    assert handle.select_one("a.anchor-number")["href"] == "#p2-4-2"
    assert handle.select_one("a.anchor-number").get_text() == "¶ 2.4.2"
    button = handle.select_one("button.copy-link")
    assert button["type"] == "button"
    assert button["data-copy-url"] == f"{SITE_URL}cooperation/#p2-4-2"
    assert button["aria-label"] == "Copy link to paragraph 2.4.2"
    assert button.has_attr("hidden")  # until edition.js wires it: no dead control without JS
    # The author's words follow, untouched.
    assert paragraph.get_text().endswith("More cyber words.")


def test_area_heading_gets_its_section_number_copy_link_and_cite_box(tiny):
    html = render(tiny, "cooperation")
    heading = html.select_one("h2#cyber-security")
    # Nothing inside the heading: the toc and search titles keep the author's words.
    assert heading.get_text() == "4. Defence and cyber-security"
    tools = heading.find_next_sibling()
    assert tools["class"] == ["anchor-tools", "editorial"]
    # Out of the search index: each control, not the line (see paragraphs.EXCLUDE).
    assert all(child.has_attr("data-search-exclude") for child in tools.find_all(recursive=False))
    assert tools.select_one(".anchor-number").get_text() == "§ 2.4"
    assert tools.select_one("button.copy-link")["data-copy-url"] == (
        f"{SITE_URL}cooperation/#cyber-security"
    )
    cite = tools.select_one("details.cite-box")
    assert cite.summary.get_text(" ", strip=True).startswith("Cite")
    chicago = cite.select_one("[data-cite-style=chicago] .cite-text").get_text()
    assert "“Defence and cyber-security.” In A Paper on Things." in chicago
    assert f"{SITE_URL}cooperation/#cyber-security" in chicago
    assert "[date of access]" in chicago  # edition.js fills in the reader's date


def test_page_title_cites_the_section_and_the_title_page_cites_the_paper(tiny):
    section = render(tiny, "cooperation").select_one("h1 + .anchor-tools")
    assert not section.select(".anchor-number")  # the page title is the section itself
    apa = section.select_one("[data-cite-style=apa] .cite-text").get_text()
    assert apa.startswith("The Centre. (2018, August). Secondly: the substance. In A paper")
    paper = render(tiny, "index").select_one("h1 + .anchor-tools")
    chicago = paper.select_one("[data-cite-style=chicago] .cite-text").get_text()
    assert chicago.startswith("The Centre. A Paper on Things. Baghdad: The Centre, August 2018.")
    assert f"{SITE_URL}#title" in chicago


def test_every_style_has_a_copy_button_and_files_have_downloads(tiny):
    cite = render(tiny, "cooperation").select_one("#cyber-security + div details")
    styles = {div["data-cite-style"]: div for div in cite.select(".cite-style")}
    assert list(styles) == ["chicago", "apa", "bibtex", "ris"]
    for div in styles.values():
        assert div.select_one("button[data-copy-cite]")
    assert styles["bibtex"].select_one("button")["type"] == "button"
    downloads = [b["data-download"] for b in cite.select("button[data-download]")]
    assert downloads == ["albayan2018-cyber-security.bib", "albayan2018-cyber-security.ris"]


def test_pages_without_the_papers_ids_are_left_alone(tiny):
    html = render(tiny, "about")
    assert not html.select(".editorial, script")


def test_alias_renders_the_old_id_right_before_its_target(tiny):
    (tiny / "data" / "anchor-aliases.yml").write_text(
        "aliases:\n  cooperation:\n    p2-4-9: p2-4-2\n    defence: cyber-security\n"
    )
    html = render(tiny, "cooperation")
    alias = html.select_one("#p2-4-9")
    assert alias.name == "span" and alias.get_text() == ""
    assert "editorial" in alias["class"]
    assert alias.find_next_sibling()["id"] == "p2-4-2"
    assert html.select_one("#defence").find_next_sibling()["id"] == "cyber-security"


def test_the_papers_pages_carry_one_json_ld_record(tiny):
    scripts = render(tiny, "cooperation").select("script[type='application/ld+json']")
    assert len(scripts) == 1
    record = json.loads(scripts[0].string)
    assert record["@type"] == "ScholarlyArticle"
    assert record["author"]["name"] == "The Centre"
    assert [part["url"] for part in record["hasPart"]] == [SITE_URL, f"{SITE_URL}cooperation/"]
    assert record["hasPart"][0]["name"] == "Introduction"  # the nav's name, not the title
    areas = record["hasPart"][1]["hasPart"]
    assert [(a["name"], a["url"]) for a in areas] == [
        ("Defence and cyber-security", f"{SITE_URL}cooperation/#cyber-security")
    ]
    # The cited records only where the paper's title page is: the home page and /print/.
    assert "citation" not in record
    home = json.loads(render(tiny, "index").select_one("script[type='application/ld+json']").string)
    assert "citation" in home
    assert {k: v for k, v in home.items() if k != "citation"} == record


def test_targets_know_page_kind_and_number(tiny):
    targets = paper_targets(load_edition(tiny).pages)
    assert set(targets) == {
        "title",
        "p0-1",
        "cooperation",
        "p2-0",
        "cyber-security",
        "p2-4-1",
        "p2-4-2",
    }
    assert targets["cyber-security"].number == "2.4"
    assert targets["cyber-security"].first_paragraph == "p2-4-1"
    assert targets["cooperation"].page_title and targets["cooperation"].number == ""
    assert targets["p2-4-2"].page == "cooperation" and targets["p2-4-2"].number == "2.4.2"


@pytest.mark.parametrize(
    ("anchor", "number", "section"),
    [("p1-3", "1.3", "1"), ("p2-7-2", "2.7.2", "2.7"), ("p2-0", "2.0", "2"), ("title", "", "")],
)
def test_numbers_are_read_off_the_ids(anchor, number, section):
    assert paragraph_number(anchor) == number
    assert section_number(anchor) == section


@pytest.mark.build
def test_search_finds_the_authors_words_not_the_controls(built_site):
    index = json.loads((built_site.site / "search" / "search_index.json").read_text())
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "NATO is working on building" in texts["cooperation/#cyber-security"]
    paper = [loc for loc in texts if loc.split("#")[0].rstrip("/") in ("", *PAPER_PAGES)]
    assert len(paper) > 10
    for location in paper:
        for control in ("¶ ", "§ 2", "Copy link", "[date of access]", "@techreport"):
            assert control not in texts[location], (location, control)
