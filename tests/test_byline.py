"""Who wrote the paper, and when: the byline of every paper page and the edition's dates."""

from __future__ import annotations

import pytest

from conftest import PAPER_PAGES, ROOT
from edition.model.edition import load_edition

PAPER = load_edition(ROOT).paper


@pytest.mark.parametrize("name", PAPER_PAGES[1:])
def test_every_section_page_says_whose_paper_it_is(built_site, name):
    page = built_site.page(name)
    [byline] = page.select("article .edition-byline.editorial")
    text = " ".join(byline.get_text(" ").split())
    assert byline.cite.get_text() == PAPER.title
    assert f"{PAPER.publisher}, Baghdad, August 2018." in text
    assert byline.select_one("a")["href"] == PAPER.original_url
    # Before the page's title, so a reader arriving from a deep link scrolls past it once.
    assert byline.find_next("h1") is not None


def test_the_title_page_lets_its_cover_say_it(built_site):
    page = built_site.page("index")
    assert not page.select(".edition-byline-text")
    assert "Al-Bayan Center for Planning and Studies" in page.select_one(".cover").get_text()
    assert page.select_one(".edition-byline .layer-switch")  # the switch is still there


def test_the_footer_gives_the_editions_dates(built_site):
    for name in [*PAPER_PAGES, "about"]:
        dates = built_site.page(name).select(".md-footer .edition-dates time")
        assert [time["datetime"] for time in dates][0] == PAPER.online_date
        assert len(dates) == 2  # online since, updated
