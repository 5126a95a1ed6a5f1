"""Every page shows exactly the paper's notes for its text, under their original numbers."""

from __future__ import annotations

import re

import pytest

from conftest import PAPER_PAGES, ROOT
from site_links import page_url, resolve

pytestmark = pytest.mark.build

SECTION_HEADINGS = ["First:", "Secondly:", "Third:", "Conclusion"]
MARKER = re.compile(r"(?<=[.)])(10|[1-9])(?=\s|$)|(?<=mechanism)(6)(?=\.)")


def notes_per_page_from_source() -> dict[str, list[int]]:
    """Which note numbers the extracted text has in each of the paper's sections."""
    lines = (ROOT / "source/paper.txt").read_text(encoding="utf-8").splitlines()
    sections: list[list[str]] = [[]]
    for line in lines:
        if any(line.strip().startswith(heading) for heading in SECTION_HEADINGS):
            sections.append([])
        sections[-1].append(line)
    return {
        name: [int(a or b) for a, b in MARKER.findall(" ".join(" ".join(part).split()))]
        for name, part in zip(PAPER_PAGES, sections, strict=True)
    }


def test_source_has_ten_notes_in_order():
    numbers = [n for page in notes_per_page_from_source().values() for n in page]
    assert numbers == list(range(1, 11))


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_page_shows_the_papers_notes_with_original_numbers(built_site, name):
    page = built_site.page(name)
    expected = notes_per_page_from_source()[name]
    refs = page.select("article sup[id^='fnref']:not(.editorial) a.footnote-ref")
    # The number, named "Note 5" for screen readers.
    assert [int(a.get_text()) for a in refs] == expected
    assert [a["aria-label"] for a in refs] == [f"Note {n}" for n in expected]
    items = page.select("article div.footnote > ol > li[value]")
    assert [int(li["value"]) for li in items] == expected
    for number, ref, item in zip(expected, refs, items, strict=True):
        # Reference and body point at each other with the original number.
        assert ref["href"] == f"#fn:{number}"
        assert item["id"] == f"fn:{number}"
        assert ref.parent["id"] == f"fnref:{number}"
        assert item.select_one("a.footnote-backref")["href"] == f"#fnref:{number}"
        # The body says its number (the tooltip copies the body) and lists records.
        assert item.select_one(".note-number").get_text() == f"Note {number}."
        assert item.select("ul.note-records > li a[href^='http']")
        # What the note marks comes first; that its text is lost is said once, above.
        assert item.select_one(".note-lead").get_text().startswith(f"Note {number}. The paper")
        assert "lost" not in item.get_text()
    lead = page.select_one(".notes-lead").get_text()
    assert ("texts are lost" in lead) == bool(expected)  # once, where the paper's notes are


def test_note_bodies_are_editorial(built_site):
    for name in PAPER_PAGES:
        for footnotes in built_site.page(name).select("div.footnote"):
            assert "editorial" in footnotes["class"]


def test_no_duplicate_ids_on_any_page(built_site):
    for path in built_site.site.rglob("*.html"):
        ids = re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), path


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_editorial_notes_are_marked_and_resolve(built_site, name):
    page = built_site.page(name)
    for sup in page.select("article sup[id^='fnref'].editorial"):
        # Named for screen readers, bracketed on screen (edition.css), quieter.
        assert "edition-ref" in sup["class"]
        label = sup.a.get_text()
        assert re.fullmatch(r"E[1-9][0-9]*", label)
        assert sup.a["aria-label"] == f"Editorial note {label}"
        body = page.find(id=f"fn:{label}")
        assert body is not None and not body.has_attr("value")
        assert "edition-note" in body["class"]
        assert body.select_one(".note-number").get_text() == f"Editorial note {label}."
        # The verdict links to the note's entry on /sources/.
        href = body.select_one(".note-verdict a")["href"]
        assert resolve(page_url(name), href) == ("/sources/", f"note-{label.lower()}")
