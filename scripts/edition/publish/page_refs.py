"""The "(p. N)" after links to a paragraph, written as text rather than counted by layout.

pdf.css asks for the page of every link to a paragraph of the paper (``.pdf-pararef``:
the sources and the timeline of the full edition say "¶ 1.3 (p. 4)") with
``target-counter``. WeasyPrint resolves a target counter by laying pages out again until
the numbers settle, which doubled the full edition's typesetting time. The paper's pages
are already known when the full edition is made: the A4 paper PDF is laid out first, and
the full edition begins as the paper does. So the numbers are written into the
stylesheet as plain text, and the laid-out document is checked against them: a number
that turned out wrong is corrected and the document laid out again, so what is printed
is always the page the paragraph is on (pdf.py).

Reads the laid-out pages' anchors only; no layout here.
"""

from __future__ import annotations

from edition.model.addresses import paragraph_number
from edition.publish.footnotes import pages_of


def paragraph_pages(document) -> dict[str, int]:
    """Every paragraph id of a laid-out document → its page number (the first page is 1)."""
    return {
        anchor: page + 1
        for anchor, (page, _) in pages_of(document).items()
        if paragraph_number(anchor)
    }


def wrong_pages(assumed: dict[str, int], document) -> dict[str, int]:
    """The paragraphs whose page is not the one assumed → the page they are on."""
    actual = paragraph_pages(document)
    return {
        anchor: actual[anchor]
        for anchor, page in assumed.items()
        if anchor in actual and actual[anchor] != page
    }


def page_refs_css(pages: dict[str, int]) -> str:
    """Rules giving each link to a paragraph its page as text.

    More specific than pdf.css's ``.pdf-pararef::after``, which stays for a paragraph
    not listed.
    """
    return "".join(
        f'.pdf-pararef[href="#{anchor}"]::after {{ content: " (p. {page})" }}\n'
        for anchor, page in sorted(pages.items())
    )
