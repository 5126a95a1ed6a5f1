"""The author's words on the built site equal the source text, modulo the errata list."""

from __future__ import annotations

import difflib
import re

import pytest
import yaml

from conftest import PAPER_PAGES, ROOT

pytestmark = pytest.mark.build

# Note markers in the extracted text are digits glued after a full stop or a closing
# bracket ("police).1", "partner.2 The"). A marker glued to a word ("mechanism6.") is
# not caught by this rule on purpose: it must be listed in the errata.
GLUED_MARKER = re.compile(r"(?<=[.)])(10|[1-9])(?=\s|$)")


def source_words() -> tuple[list[str], list[int]]:
    """Words of source/paper.txt with note markers removed and errata applied."""
    text = " ".join((ROOT / "source/paper.txt").read_text(encoding="utf-8").split())
    markers = [int(m) for m in GLUED_MARKER.findall(text)]
    text = GLUED_MARKER.sub("", text)
    errata = yaml.safe_load((ROOT / "data/errata.yml").read_text(encoding="utf-8"))["errata"]
    for erratum in errata:
        assert text.count(erratum["source"]) == 1, f"erratum source {erratum['source']!r}"
        text = text.replace(erratum["source"], erratum["edition"])
    return text.split(), markers


def author_words(build, name: str) -> list[str]:
    """Words of the author's text on a built page: no editorial elements, no note refs."""
    article = build.page(name).select_one("article.md-content__inner")
    for element in article.select(".editorial, sup[id^='fnref']"):
        element.decompose()
    return article.get_text().split()


def test_site_words_equal_source_words(built_site):
    expected, _ = source_words()
    actual = [word for name in PAPER_PAGES for word in author_words(built_site, name)]
    if actual != expected:
        diff = difflib.unified_diff(expected, actual, "source", "site", n=4, lineterm="")
        pytest.fail("the site's words differ from the source:\n" + "\n".join(diff))


def test_markers_removed_are_the_papers_notes():
    # The rule finds every marker but note 6, whose repair is listed in the errata.
    _, markers = source_words()
    assert markers == [1, 2, 3, 4, 5, 7, 8, 9, 10]


def test_every_page_has_author_text(built_site):
    # Guards the test above against an empty extraction on one page.
    for name in PAPER_PAGES:
        assert len(author_words(built_site, name)) > 40, name
