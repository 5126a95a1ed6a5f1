"""Search that forgives how people type, in Chromium.

Straight and curly apostrophes, the group's several names, clean titles and snippets.

The separator is in mkdocs.yml (plugins: search); the group's names are its entries' tags
(scripts/edition/publish/search_index.py).
"""

from __future__ import annotations

import pytest

from quality import search

pytestmark = pytest.mark.browser

PAPER = ("/", "/evolution/", "/cooperation/", "/future/", "/conclusion/")

# Every result link with its title and its snippet, as the reader sees them.
RESULTS_JS = """() => [...document.querySelectorAll(".md-search-result__link")].map((a) => ({
  href: new URL(a.href).pathname + new URL(a.href).hash,
  title: (a.querySelector("h1, h2") || {textContent: ""}).textContent.trim(),
  text: a.innerText,
}))"""


ALL_DRAWN_JS = """() => {
  const count = document.querySelector(".md-search-result__meta").textContent.match(/\\d+/);
  const groups = document.querySelectorAll(".md-search-result__list > .md-search-result__item");
  return count !== null && groups.length === Number(count[0]);
}"""


@pytest.fixture(scope="module")
def results(browser, site_url):
    """Query → its results, each query typed into a freshly opened search."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def run(query: str) -> list[dict]:
        page.goto(site_url + "/about/")
        search(page, query)
        # Every page's group drawn ("7 matching documents": seven groups), then the
        # "more" groups, folded, unfolded so every result is counted.
        page.wait_for_function(ALL_DRAWN_JS)
        for more in page.locator(".md-search-result__more > summary").all():
            more.click()
        return page.evaluate(RESULTS_JS)

    yield run
    context.close()


def pages(found: list[dict]) -> set[str]:
    return {result["href"].partition("#")[0] for result in found}


def test_straight_and_curly_apostrophes_find_the_same_passages(results):
    # The paper writes "Iraq’s"; a keyboard types "Iraq's".
    curly = results("Iraq’s")
    straight = results("Iraq's")
    assert {r["href"] for r in straight} == {r["href"] for r in curly}
    assert set(PAPER) <= pages(straight)
    # "Da'esh" is one of the group's names (next test): it finds the paper's "Da’esh".
    assert {"/", "/evolution/", "/cooperation/", "/future/"} <= pages(results("Da'esh"))


def named(found: list[dict]) -> set[str]:
    """The passages found with every word of the query.

    Material marks the others "Missing: …" and lists them after.
    """
    return {r["href"] for r in found if "#" in r["href"] and "Missing" not in r["text"]}


@pytest.mark.parametrize("name", ["Daesh", "ISIS", "ISIL", "Islamic State", "Da'esh"])
def test_every_name_of_the_group_finds_the_same_passages(results, name):
    expected = named(results("Da’esh"))
    # The paper's own passages are among them: the introduction, evolution, cooperation.
    assert {"/#p0-1", "/evolution/#p1-3", "/cooperation/#p2-1-1"} <= expected
    assert named(results(name)) == expected


def test_titles_are_the_authors_and_snippets_hold_no_apparatus(results):
    found = results("NATO training")
    assert found
    for result in found:
        assert "¶" not in result["title"], result
        if result["href"].partition("#")[0] in PAPER:
            for apparatus in ("On the timeline", "Editorial note", "§", "Cite"):
                assert apparatus not in result["text"], (result["href"], apparatus)


@pytest.mark.parametrize(
    ("query", "first"),
    [("Votel", "/future/"), ("Istanbul", "/evolution/"), ("Wales Summit", "/timeline/")],
)
def test_the_paper_ranks_first_for_its_own_words(results, query, first):
    # Votel and Istanbul are the paper's words (and the titles of timeline events); the
    # paper does not name the Wales Summit, the timeline does.
    assert results(query)[0]["href"].partition("#")[0] == first


# Words of ¶ 2.4.1 only (the paragraph on cyber-security under "4. Defence and …").
PHRASE = "confidentiality of data and information"


def test_a_result_for_a_paragraph_opens_at_that_paragraph(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/about/")
    search(page, PHRASE)
    found = page.evaluate(RESULTS_JS)
    # The paragraph is a result of its own, named by its section and number, and the
    # best one: its page's group comes first and it leads that group.
    assert found[0]["href"] == "/cooperation/"
    assert found[1]["href"] == "/cooperation/#p2-4-1", found[:3]
    assert found[1]["title"] == "4. Defence and cyber-security · paragraph 2.4.1"
    assert "NATO is focussing its training" in found[1]["text"]
    page.locator('.md-search-result__link[href$="#p2-4-1"]').first.click()
    page.wait_for_url("**/cooperation/**#p2-4-1")
    page.evaluate("() => new Promise(requestAnimationFrame)")
    box = page.evaluate(
        """() => {
      const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
      const box = document.getElementById("p2-4-1").getBoundingClientRect();
      return {header, top: box.top, viewport: innerHeight};
    }"""
    )
    # Wholly below the sticky header, in view: the reader sees the paragraph they found.
    assert box["header"] - 0.5 <= box["top"] < box["viewport"] / 2, box
    context.close()


def test_a_heading_still_opens_at_its_heading(results):
    # The heading's own words: its entry is kept (it holds the heading, not the text).
    found = results("cyber-security")
    assert "/cooperation/#cyber-security" in {result["href"] for result in found}
