"""One search entry per paragraph of the paper, so that a result opens at its paragraph.

Material's search indexes a page by its headings: one entry for the page top and one
per heading with an id, each holding all the text down to the next heading. A result
for words of ¶ 2.4.1 would open the top of its section, and on pages without area
headings (/evolution/ has six paragraphs under its title) the top of the page.

This module splits those entries. For each paragraph with a paragraph id (``p2-4-1``)
it makes an entry of its own at ``page/#p2-4-1``, titled by its section and number
("4. Defence and cyber-security · paragraph 2.4.1"); the heading's entry keeps the
heading's title and whatever else its section holds (the notes list, say), so a search
for a heading's words still opens the heading. Material's worker groups entries by the
part of the address before ``#``, so paragraph results sit under their page as sections
do. A page's ``search: boost`` and tags are carried over to its paragraphs.

The texts are made by Material's own index parser, from the page's HTML as it was
before the search plugin read it (with ``data-search-exclude`` still on the edition's
controls, note marks and timeline links), so snippets hold the author's words only
and the forgiving separator in ``mkdocs.yml`` applies as before.

Pure: ``page_split`` reads one page's HTML, ``split_index`` rewrites the index data;
the edition plugin calls them and writes the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Material's parser of a page into index sections: the same one that wrote the index,
# so a paragraph's text is exactly the text it had inside its section's entry.
from material.plugins.search.plugin import Parser

from edition.model.addresses import paragraph_number

# A paragraph of the paper as Python-Markdown writes it: ``<p id="p2-4-1">…</p>``
# (``{: #p2-4-1 }`` in the Markdown). A <p> cannot hold another <p>, so the first
# closing tag ends it.
# The weight of a paragraph's entry. Material gives a page's own entry (which held the
# text of pages without area headings) a bonus over its sections, which paragraphs, as
# sections, lose; and the timeline's and sources' entries weigh their titles 1000 times
# their text (times their page's ``search: boost``), so a timeline event named for the
# paper's words would outrank the paragraph that uses them. The paper's own paragraphs
# come first for its words. Found by trying the queries of tests/test_search_forgiving.py:
# at 5 "Votel" finds the timeline first; at 10 the paper leads by a factor of about 1.8,
# and "Wales Summit" (the timeline's words, not the paper's) still finds the timeline.
PARAGRAPH_BOOST = 10
# The group the paper calls "Da’esh" (any apostrophe, or none) and the names readers type
# for it. An entry that names it in any form carries every form as tags, which Material's
# search indexes (edition.css keeps them out of the results' look), so "ISIS" finds the
# paper's "Da’esh" with no code in the browser, and "Da’esh" (split at its apostrophe into
# "da" and "esh") finds a timeline entry that says "ISIL".
GROUP_RE = re.compile(r"\bDa\W{0,6}esh\b|\bDaesh\b|\bISIS\b|\bISIL\b|\bIslamic State\b", re.I)
GROUP_NAMES = ["Da’esh", "Daesh", "ISIS", "ISIL", "Islamic State"]
PARAGRAPH_RE = re.compile(r'<p\b[^>]*\bid="(p\d+(?:-\d+)*)"[^>]*>.*?</p>', re.DOTALL)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the paper, as its search entry needs it."""

    anchor: str  # "p2-4-1"
    section: str  # location of the index entry it was part of: "cooperation/#cyber-security"
    text: str  # its text as the index holds it: "<p>NATO is working …</p>"


@dataclass(frozen=True)
class PageSplit:
    """What one page's index entries become."""

    url: str  # the page's address, as in the index: "cooperation/"
    sections: dict[str, str]  # section location → its text without the paragraphs
    paragraphs: list[Paragraph]


def _sections(html: str) -> list:
    """Material's index sections of an HTML fragment, excluded ones left out."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [section for section in parser.data if not section.is_excluded()]


def _text(section) -> str:
    return "".join(section.text).strip()


def _location(url: str, section) -> str:
    """The address Material gives a section: the page for the first, else its heading."""
    return f"{url}#{section.id}" if section.id else url


def page_split(url: str, html: str) -> PageSplit | None:
    """Split a page's content (the HTML Material indexes) by paragraph; None if it has none.

    Each paragraph is cut out of the page and indexed on its own; what is left is
    indexed as before, heading by heading, so every heading keeps its entry.
    """
    spans = list(PARAGRAPH_RE.finditer(html))
    if not spans:
        return None
    rest, paragraphs, start = [], [], 0
    for span in spans:
        before = html[start : span.start()]
        rest.append(before)
        start = span.end()
        # The section the paragraph belongs to: the last one begun before it.
        sections = _sections("".join(rest))
        section = _location(url, sections[-1]) if sections else url
        paragraphs.extend(
            Paragraph(span.group(1), section, _text(own)) for own in _sections(span.group(0))
        )
    rest.append(html[start:])
    sections = {_location(url, s): _text(s) for s in _sections("".join(rest))}
    return PageSplit(url, sections, paragraphs)


def paragraph_title(section_title: str, anchor: str, page_top: bool) -> str:
    """A paragraph's result title: its section and number, or its number under the title.

    "4. Defence and cyber-security · paragraph 2.4.1"; "Paragraph 1.1" on /evolution/.

    Under the page title the result already sits below the page's own name, so the
    number alone is said. The word, not the sign ¶: screen readers say "pilcrow".
    """
    number = paragraph_number(anchor)
    return f"Paragraph {number}" if page_top else f"{section_title} · paragraph {number}"


def split_index(index: dict, splits: list[PageSplit]) -> dict:
    """Material's index data with each split page's paragraphs as entries of their own.

    Entries keep their order; a section's paragraphs follow it, in the page's order.
    Material's worker needs the page's own entry first, which stays so.
    """
    by_section: dict[str, tuple[PageSplit, list[Paragraph]]] = {}
    for split in splits:
        for paragraph in split.paragraphs:
            by_section.setdefault(paragraph.section, (split, []))[1].append(paragraph)
    docs = []
    for entry in index["docs"]:
        location = entry["location"]
        found = by_section.get(location)
        split = found[0] if found else next((s for s in splits if location in s.sections), None)
        if split is None:
            docs.append(entry)
            continue
        docs.append({**entry, "text": split.sections.get(location, entry["text"])})
        docs.extend(
            {
                **entry,
                "location": f"{split.url}#{paragraph.anchor}",
                "title": paragraph_title(entry["title"], paragraph.anchor, location == split.url),
                "text": paragraph.text,
                "boost": entry.get("boost", 1) * PARAGRAPH_BOOST,
            }
            for paragraph in (found[1] if found else [])
        )
    return {**index, "docs": [with_group_names(doc) for doc in docs]}


def with_group_names(entry: dict) -> dict:
    """An index entry that names the group, with its other names as tags."""
    if not GROUP_RE.search(entry.get("title", "") + " " + entry.get("text", "")):
        return entry
    tags = list(entry.get("tags", []))
    return {**entry, "tags": tags + [name for name in GROUP_NAMES if name not in tags]}
