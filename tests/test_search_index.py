"""One search entry per paragraph: the splitting of Material's index, without a build.

The browser side (a result opens at its paragraph) is in test_search_forgiving.py.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from edition.publish.search_index import PARAGRAPH_BOOST, page_split, split_index

ROOT = Path(__file__).resolve().parents[1]

# A paper page as the extensions write it: a control and a note mark excluded from
# search, an area heading, a notes list.
HTML = """\
<h1 id="cooperation">Secondly</h1>
<p id="p2-0"><a class="edition-control" data-search-exclude="" href="#p2-0">¶ 2.0</a> We have \
mentioned NATO.<sup data-search-exclude="" id="fnref:5"><a href="#fn:5">5</a></sup></p>
<h2 id="cyber-security">4. Defence and cyber-security</h2>
<p>An editorial line that is not the paper's.</p>
<p id="p2-4-1">NATO is working on cyber security.<span class="timeline-backlink" \
data-search-exclude=""> On the timeline: 2016</span></p>
<p id="p2-4-2">A second paragraph.</p>
<div class="footnote" data-search-exclude=""><ol><li><p>Note 5. Verdict.</p></li></ol></div>
"""

# Material's entries for that page (what its search plugin writes).
INDEX = {
    "config": {"separator": "[\\s\\-]+"},
    "docs": [
        {"location": "about/", "title": "About", "text": "<p>About.</p>"},
        {
            "location": "cooperation/",
            "title": "Secondly",
            "text": "<p> We have mentioned NATO.</p>",
        },
        {
            "location": "cooperation/#cyber-security",
            "title": "4. Defence and cyber-security",
            "text": "<p>An editorial line that is not the paper's.</p> <p>NATO is working on "
            "cyber security.</p> <p>A second paragraph.</p>",
            "boost": 0.5,
        },
    ],
}


def test_each_paragraph_becomes_an_entry_after_its_section():
    split = page_split("cooperation/", HTML)
    docs = split_index(INDEX, [split])["docs"]
    assert [doc["location"] for doc in docs] == [
        "about/",
        "cooperation/",
        "cooperation/#p2-0",
        "cooperation/#cyber-security",
        "cooperation/#p2-4-1",
        "cooperation/#p2-4-2",
    ]
    by = {doc["location"]: doc for doc in docs}
    # The page's own entry first (Material's worker needs it so) and each heading kept,
    # with what is not a paragraph of the paper.
    assert by["cooperation/"]["text"] == ""
    assert by["cooperation/#cyber-security"]["text"] == (
        "<p>An editorial line that is not the paper's.</p>"
    )
    # The paragraph's words only: no number, note mark or timeline line.
    assert by["cooperation/#p2-0"]["text"] == "<p> We have mentioned NATO.</p>"
    assert by["cooperation/#p2-4-1"]["text"] == "<p>NATO is working on cyber security.</p>"
    # Titled by section and number; the page's boost carried over, times the paragraphs'.
    assert by["cooperation/#p2-0"]["title"] == "Paragraph 2.0"
    assert by["cooperation/#p2-4-1"]["title"] == ("4. Defence and cyber-security · paragraph 2.4.1")
    assert by["cooperation/#p2-4-1"]["boost"] == 0.5 * PARAGRAPH_BOOST
    assert by["cooperation/#p2-0"]["boost"] == PARAGRAPH_BOOST
    assert by["about/"] == INDEX["docs"][0]


def test_pages_without_paragraph_ids_are_left_alone():
    assert page_split("about/", "<h1 id='about'>About</h1><p>Text.</p>") is None
    assert split_index(INDEX, []) == INDEX


def test_the_offline_edition_searches_as_the_site_does():
    # mkdocs.offline.yml repeats the plugins (INHERIT replaces lists): the search settings
    # (the forgiving separator) must be repeated too.
    def search_options(name: str) -> dict:
        text = (ROOT / name).read_text(encoding="utf-8")
        config = yaml.safe_load(text.replace("!ENV", "").replace("!relative", ""))
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "search" in plugin:
                return plugin["search"]
        return {}

    assert search_options("mkdocs.offline.yml") == search_options("mkdocs.yml") != {}


def test_an_entry_naming_the_group_carries_its_other_names_as_tags():
    # However the apostrophe is written, or none: "ISIS" and "Daesh" find the paper's word.
    for written in ("Da’esh", "Da'esh", "Daesh", "Islamic State"):
        index = {
            "config": {},
            "docs": [{"location": "a/", "title": "A", "text": f"<p>{written}</p>"}],
        }
        (entry,) = split_index(index, [])["docs"]
        assert entry["tags"] == ["Da’esh", "Daesh", "ISIS", "ISIL", "Islamic State"], written
    other = {"config": {}, "docs": [{"location": "a/", "title": "A", "text": "<p>NATO</p>"}]}
    assert "tags" not in split_index(other, [])["docs"][0]
