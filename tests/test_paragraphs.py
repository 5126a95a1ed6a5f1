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
        '<p id="p2-4-1"><a class="edition-control edition-control--paragraph editorial" '
        'data-search-exclude="" href="#p2-4-1"><span aria-hidden="true">¶</span>'
        '<span class="visually-hidden">Paragraph</span>\u00a02.4.1</a> '
        "Cyber words.</p>"
    )
    if html != expected:
        diff = difflib.unified_diff(
            expected.split("><"), html.split("><"), "expected", "rendered", lineterm=""
        )
        pytest.fail("\n".join(diff))


def test_a_paragraph_has_one_control_its_number_linking_to_itself(tiny):
    html = render(tiny, "cooperation")
    paragraph = html.select_one("p#p2-4-2")
    control = paragraph.contents[0]
    assert control.name == "a" and "editorial" in control["class"]
    assert control["href"] == "#p2-4-2"  # without JavaScript, a permalink
    assert control.get_text(" ", strip=True) == "¶ Paragraph 2.4.2"
    assert control.has_attr("data-search-exclude")
    # One control and no other: no buttons or icons at rest.
    assert len(paragraph.select(".edition-control, button")) == 1
    # The author's words follow, untouched.
    assert paragraph.get_text().endswith("More cyber words.")


def test_area_heading_holds_its_one_control_after_toc_has_read_it(tiny):
    html = render(tiny, "cooperation")
    heading = html.select_one("h2#cyber-security")
    control = heading.select_one("a.edition-control")
    assert control.get_text(" ", strip=True) == "§ Section 2.4"
    assert control.has_attr("data-search-exclude")  # search titles keep the author's words
    assert not heading.select(".headerlink")  # the control is the permalink
    # No row of controls under the heading: the next element is the author's paragraph.
    assert heading.find_next_sibling().get("id") == "p2-4-1"
    # The table of contents names the heading with the author's words only.
    toc = markdown.Markdown(
        extensions=["attr_list", "toc", "edition.extensions.paragraphs"],
        extension_configs={"edition.extensions.paragraphs": {"root": str(tiny)}},
    )
    toc.convert((tiny / "docs" / "cooperation.md").read_text().split("---\n", 2)[2])
    names = [t["name"] for t in toc.toc_tokens[0]["children"]]
    assert "4. Defence and cyber-security" in names


def test_cite_boxes_are_gathered_after_the_text(tiny):
    html = render(tiny, "cooperation")
    boxes = html.select_one("div.cite-boxes.editorial")
    assert all(part.has_attr("data-search-exclude") for part in boxes.find_all(recursive=False))
    assert boxes["data-short-cite"] == "The Centre, A Paper on Things (Baghdad, August 2018)"
    cite = boxes.select_one("details#cite-cyber-security")
    assert cite.summary.get_text() == "Cite “Defence and cyber-security”"
    chicago = cite.select_one("[data-cite-style=chicago] .cite-text").get_text()
    assert "“Defence and cyber-security.” In A Paper on Things." in chicago
    assert f"{SITE_URL}cooperation/#cyber-security" in chicago
    assert "[date of access]" in chicago  # edition.js fills in the reader's date


def test_page_title_cites_the_section_and_the_title_page_cites_the_paper(tiny):
    section = render(tiny, "cooperation").select_one("#cite-cooperation")
    apa = section.select_one("[data-cite-style=apa] .cite-text").get_text()
    assert apa.startswith("The Centre. (2018, August). Secondly: the substance. In A paper")
    title = render(tiny, "cooperation").select_one("h1 .edition-control")
    assert title.get_text(" ", strip=True) == "§ This page: link and citation"  # no number
    paper = render(tiny, "index").select_one("#cite-title")
    assert paper.summary.get_text() == "Cite the paper"
    chicago = paper.select_one("[data-cite-style=chicago] .cite-text").get_text()
    assert chicago.startswith("The Centre. A Paper on Things. Baghdad: The Centre, August 2018.")
    assert f"{SITE_URL}#title" in chicago


def test_every_style_is_there_and_files_say_how_to_save_them(tiny):
    cite = render(tiny, "cooperation").select_one("#cite-cyber-security")
    styles = {div["data-cite-style"]: div for div in cite.select(".cite-style")}
    assert list(styles) == ["chicago", "apa", "bibtex", "ris"]
    assert not cite.select("button")  # the dialog of edition.js brings its own
    downloads = [div.get("data-download") for div in styles.values()]
    assert downloads == [
        None,
        None,
        "albayan2018-cyber-security.bib",
        "albayan2018-cyber-security.ris",
    ]
    assert styles["bibtex"]["data-type"] == "application/x-bibtex"


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
    # Each paragraph is an entry of its own (publish/search_index.py).
    assert "NATO is working on building" in texts["cooperation/#p2-4-1"]
    paper = [loc for loc in texts if loc.split("#")[0].rstrip("/") in ("", *PAPER_PAGES)]
    assert len(paper) > 10
    for location in paper:
        for control in ("¶ ", "§ 2", "Copy link", "[date of access]", "@techreport"):
            assert control not in texts[location], (location, control)
