"""The home page's cover: the chart of the notes' verdicts, counted from the register."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from edition.model.edition import load_edition
from edition.model.register import VERDICTS
from test_reading_layer import new_page

ROOT = Path(__file__).resolve().parents[1]


def register_counts() -> Counter:
    return Counter(note.verdict for note in load_edition(ROOT).register.notes.values())


@pytest.mark.build
def test_the_chart_counts_what_the_register_says(built_site):
    counts = register_counts()
    assert sum(counts.values()) == 30  # ten author's notes, twenty of the edition's
    chart = built_site.page("index").select_one(".cover figure.verdict-chart")
    rows = chart.select_one(".verdict-rows")
    names = [name.get_text() for name in rows.select(".verdict-name")]
    numbers = [int(number.get_text()) for number in rows.select(".verdict-count")]
    bars = [float(rect["width"]) for rect in rows.select("svg rect")]
    assert [name.lower() for name in names] == list(VERDICTS)
    assert numbers == [counts[verdict] for verdict in VERDICTS] == bars
    # Heard once: the rows are hidden from screen readers, the caption says every count.
    assert rows["aria-hidden"] == "true"
    caption = chart.figcaption.get_text()
    # It says what it counts: the notes, not the claims (whose verdicts differ).
    assert "on the 30 notes" in caption and "claims" not in caption
    for verdict in VERDICTS:
        assert f"{counts[verdict]} {verdict}" in caption
    assert chart.figcaption.a["href"] == "sources/"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_the_bars_are_as_long_as_their_counts_and_fit_the_cover(browser, site_url, width, scheme):
    page = new_page(browser, width, scheme)
    page.goto(site_url + "/")
    boxes = page.eval_on_selector_all(
        ".verdict-chart svg rect", "rs => rs.map(r => r.getBoundingClientRect().toJSON())"
    )
    cover = page.locator(".cover").bounding_box()
    counts = [register_counts()[verdict] for verdict in VERDICTS]
    unit = boxes[1]["width"] / counts[1]  # partly supported, the longest
    for box, count in zip(boxes, counts, strict=True):
        assert abs(box["width"] - count * unit) < 1.5
        assert box["height"] >= 8  # a bar, not a hairline
        assert box["right"] <= cover["x"] + cover["width"]
    # The bars have the accent colour of the scheme, not the page's background.
    fill, background = page.evaluate(
        """() => [getComputedStyle(document.querySelector(".verdict-bar")).fill,
                  getComputedStyle(document.body).backgroundColor]"""
    )
    assert fill not in (background, "rgb(0, 0, 0)", "none")
    page.context.close()
