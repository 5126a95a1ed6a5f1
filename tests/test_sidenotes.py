"""Notes beside the text on wide screens, in Chromium; the notes list everywhere.

The sidenotes are build-time markup (notes.py) laid out by edition.css ("Sidenotes").
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from edition.model.edition import load_edition
from test_quality_a11y import AXE, AXE_OPTIONS
from test_reading_layer import new_page, path_of

pytestmark = pytest.mark.browser

WIDE = [1440, 1280]
# The pages with notes, and /cooperation/, the one with most (ten, in eight paragraphs).
PAGES = ["index", "evolution", "cooperation", "future", "conclusion"]

# Every note reference of the paper's paragraphs with its sidenote (the n-th of the
# paragraph is its n-th reference's) and the boxes of both and of the paragraph.
BOXES_JS = """() => [...document.querySelectorAll("article p[id^='p']")].flatMap((p) => {
  const refs = [...p.querySelectorAll(":scope > sup[id^='fnref']")];
  const sides = [...p.querySelectorAll(":scope > .sidenote")];
  const box = (e) => e.getBoundingClientRect().toJSON();
  return refs.map((sup, n) => ({
    id: sup.id, paragraph: p.id, para: box(p), side: sides[n] && box(sides[n]),
    shown: !!sides[n] && sides[n].checkVisibility(),
    number: sides[n] && sides[n].querySelector("a").textContent,
    text: sides[n] && sides[n].textContent,
    clipped: !!sides[n] && sides[n].scrollHeight > sides[n].clientHeight + 1,
    count: [refs.length, sides.length],
  }));
})"""


TOPICS = {n: note.topic for n, note in load_edition(ROOT).register.notes.items()}


def sidenotes(page) -> list[dict]:
    return page.evaluate(BOXES_JS)


@pytest.mark.parametrize("width", WIDE)
@pytest.mark.parametrize("name", PAGES)
def test_each_note_stands_beside_the_paragraph_that_calls_it(browser, site_url, width, name):
    page = new_page(browser, width)
    page.goto(site_url + path_of(name))
    found = sidenotes(page)
    assert found, name
    viewport = page.viewport_size["width"]
    below = 0.0  # the bottom of the previous sidenote
    for note in found:
        side, para = note["side"], note["para"]
        assert note["shown"], note["id"]
        assert note["count"][0] == note["count"][1], note["paragraph"]
        # Its own number, and what the note covers, whole (the register's topic).
        number = note["id"].partition(":")[2]
        assert note["number"] == number
        assert note["text"].endswith(TOPICS[number] + "."), note["text"]
        assert not note["clipped"], f"{note['id']}: cut off in the margin"
        # Beside its paragraph: it begins within the paragraph's lines, to the right of
        # the text and inside the window, and never on top of the note before it.
        assert para["top"] - 1 <= side["top"] < para["bottom"], (note["id"], side, para)
        assert side["left"] >= para["right"] + 8, (note["id"], side["left"], para["right"])
        assert side["right"] <= viewport, (note["id"], side["right"], viewport)
        assert side["top"] >= below, (note["id"], "overlaps the note above")
        below = side["bottom"]
    # The page's notes list stays, whole, below the text.
    assert page.locator(".footnote li[id^='fn:']").count() == len({n["id"] for n in found})
    page.context.close()


def test_on_a_phone_and_in_print_the_notes_list_serves_alone(browser, site_url):
    page = new_page(browser, 375)
    page.goto(site_url + "/cooperation/")
    found = sidenotes(page)
    assert len(found) == 10 and not [note for note in found if note["shown"]]
    assert page.locator(".footnote").is_visible()
    page.context.close()
    # Printed from a wide window: the list, not the margin.
    page = new_page(browser, 1440)
    page.goto(site_url + "/cooperation/")
    page.emulate_media(media="print")
    assert not [note for note in sidenotes(page) if note["shown"]]
    assert page.locator(".footnote li").first.is_visible()
    page.context.close()


def test_the_margin_is_seen_not_heard(browser, site_url):
    page = new_page(browser, 1280)
    page.goto(site_url + "/cooperation/")
    # Screen readers get each note once, from the reference named for it; the margin
    # copy is hidden from them and its link is out of the tab order.
    hidden = page.eval_on_selector_all(
        ".sidenote", "es => es.every(e => e.getAttribute('aria-hidden') === 'true')"
    )
    assert hidden
    assert page.eval_on_selector_all(".sidenote a", "es => es.every(e => e.tabIndex === -1)")
    name = page.get_by_role("link", name="Note 7")
    assert name.count() == 1
    page.context.close()


def test_pointing_at_a_note_number_lights_up_its_sidenote(browser, site_url):
    page = new_page(browser, 1280)
    page.goto(site_url + "/cooperation/")
    colour = "(s) => getComputedStyle(s).backgroundColor"
    # ¶ 2.4.1 calls note 7 only; ¶ 2.3.1 calls E10, then E11.
    side, other = page.locator("#p2-4-1 > .sidenote"), page.locator("#p2-6-1 > .sidenote")
    at_rest = side.evaluate(colour)
    page.locator("#fnref\\:7 > .footnote-ref").hover()
    assert side.evaluate(colour) != at_rest
    assert other.evaluate(colour) == at_rest  # only its own
    page.mouse.move(0, 0)
    page.locator("#fnref\\:7 > .footnote-ref").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard: :focus-visible
    assert side.evaluate(colour) != at_rest
    page.context.close()


def test_the_reader_switch_takes_the_editions_notes_out_of_the_margin(browser, site_url):
    page = new_page(browser, 1280)
    page.goto(site_url + "/cooperation/")
    page.locator(".layer-switch").click()
    shown = {note["id"]: note for note in sidenotes(page) if note["shown"]}
    # The author's notes stay, without the edition's verdict; the edition's go.
    assert set(shown) == {f"fnref:{n}" for n in range(5, 10)}
    assert not page.locator("#p2-4-1 .sidenote-verdict").is_visible()
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_notes_in_the_margin(browser, site_url, scheme):
    page = new_page(browser, 1440, scheme)
    page.goto(site_url + "/cooperation/")
    page.locator("#fnref\\:7 > .footnote-ref").hover()  # a lit note, and its tooltip open
    tip = page.locator(".md-tooltip2--active")  # Material's footnote tooltip
    tip.wait_for()
    assert tip.get_attribute("aria-label") == "Note 7"  # a dialog a screen reader names
    # Checked as the reader sees it: after its fade (half faded, its text's contrast is
    # half its own).
    tip.evaluate("(tip) => Promise.all(tip.getAnimations({subtree: true}).map((a) => a.finished))")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-tooltip2--active')).opacity === '1'"
    )
    found = AXE.run(page, options=AXE_OPTIONS)
    rules = [
        (rule["id"], [n["target"] for n in rule["nodes"][:3]])
        for rule in found.response["violations"]
    ]
    assert rules == []
    page.context.close()


def test_the_table_of_contents_moves_to_the_left_column(browser, site_url):
    # The right-hand column holds the notes: the areas are listed under the page's name.
    page = new_page(browser, 1280)
    page.goto(site_url + "/cooperation/")
    assert not page.locator(".md-sidebar--secondary").is_visible()
    toc = page.locator(".md-sidebar--primary .md-nav--secondary a[href='#cyber-security']")
    assert toc.is_visible()
    page.context.close()
