"""The timeline: strict validation of its data, and the built page tied both ways to the text."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from edition.cli import main
from site_links import page_url, resolve, target_exists

# A valid context event to damage: appended to data/timeline.yml in each case below.
GOOD_EVENT = {
    "id": "test-event",
    "kind": "context",
    "date": "2010-05",
    "title": "A test event",
    "summary": "A sentence.",
    "notes": [1],
    "paragraphs": ["evolution#p1-1"],
}

# case: (changes to GOOD_EVENT, or raw YAML text to append; expected message)
BAD_EVENTS = {
    "unknown key": ({"colour": "red"}, "unknown key 'colour'"),
    "missing key": ({"summary": None}, "missing required key 'summary'"),
    "date outside the paper's span": ({"date": "2003-05"}, "outside 2004–2018"),
    "date after the span": ({"date": "2018-11/2019-02"}, "outside 2004–2018"),
    "date not in ISO form": ({"date": "June 2010"}, "must be YYYY, YYYY-MM or YYYY-MM-DD"),
    "not a calendar date": ({"date": "2010-02-30"}, "is not a calendar date"),
    "range ending before it starts": ({"date": "2010-05/2010-03"}, "ends before it starts"),
    "date not a string": ({"date": 2010}, "must be a quoted string"),
    "kind other than context": ({"kind": "paper"}, "kind must be 'context'"),
    "unknown note": ({"notes": ["E99"]}, "note E99 is not in data/notes.yml"),
    "unknown paragraph": ({"paragraphs": ["evolution#p1-99"]}, "'evolution#p1-99' does not exist"),
    "notes not a list": ({"notes": 3}, "'notes' must be a non-empty list"),
    "malformed YAML": ("  - id: [unclosed\n", "malformed YAML"),
}


def append_event(project, change) -> tuple[int, int]:
    """Append a (damaged) event; return its first and last line."""
    path = project / "data/timeline.yml"
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    line = text.count("\n") + 1
    if isinstance(change, str):
        addition = change
    else:
        event = {k: v for k, v in {**GOOD_EVENT, **change}.items() if v is not None}
        addition = yaml.safe_dump([event], allow_unicode=True, sort_keys=False)
        addition = "".join("  " + row + "\n" for row in addition.splitlines())
    path.write_text(text + addition, encoding="utf-8")
    return line, line + addition.count("\n") - 1


def test_good_event_passes(project, capsys):
    # The fixture event itself is valid: the failures below come from the damage.
    append_event(project, {})
    assert main(["check", "--root", str(project)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("case", sorted(BAD_EVENTS))
def test_bad_event_is_reported_with_file_and_line(case, project, capsys):
    change, message = BAD_EVENTS[case]
    start, end = append_event(project, change)
    assert main(["check", "--root", str(project)]) == 1
    lines = capsys.readouterr().err.splitlines()
    hits = [line for line in lines if line.startswith("data/timeline.yml:") and message in line]
    assert hits, "\n".join(lines)
    number = int(hits[0].split(":")[1])
    assert start <= number <= end + 1, hits[0]
    assert not any("Traceback" in line for line in lines)


def test_duplicate_event_id_is_reported(project, capsys):
    append_event(project, {})
    second, _ = append_event(project, {})
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert f"data/timeline.yml:{second}: duplicate event id 'test-event'" in err


# ---- the built page -------------------------------------------------------------------


def expected_events() -> dict[str, str]:
    """Event anchor → kind, read straight from the data files."""
    claims = yaml.safe_load((ROOT / "data/claims.yml").read_text(encoding="utf-8"))["claims"]
    context = yaml.safe_load((ROOT / "data/timeline.yml").read_text(encoding="utf-8"))["events"]
    events = {f"event-{c['id']}": "paper" for c in claims if "date" in c}
    events.update({f"event-{e['id']}": "context" for e in context})
    return events


def timeline_events(built_site):
    return built_site.page("timeline").select("li.timeline-event")


@pytest.mark.build
def test_page_lists_every_event_once_in_date_order(built_site):
    items = timeline_events(built_site)
    ids = [item.h3["id"] for item in items]
    assert sorted(ids) == sorted(expected_events())
    starts = [item.time["datetime"].split("/")[0] for item in items]
    keys = [tuple(int(part) for part in start.split("-")) for start in starts]
    assert keys == sorted(keys)
    for item in items:
        kind = "paper" if "timeline-event--paper" in item["class"] else "context"
        assert expected_events()[item.h3["id"]] == kind


@pytest.mark.build
def test_years_are_headings_with_year_anchors(built_site):
    page = built_site.page("timeline")
    years = [h2["id"] for h2 in page.select(".timeline-year > h2")]
    assert years == sorted(years) and all(re.fullmatch(r"20(0[4-9]|1[0-8])", y) for y in years)
    for item in timeline_events(built_site):
        year = item.find_parent(class_="timeline-year").h2["id"]
        assert item.time["datetime"].startswith(year)


@pytest.mark.build
def test_every_event_links_an_existing_paragraph_and_note(built_site):
    for item in timeline_events(built_site):
        links = [a["href"] for a in item.select(".timeline-refs a")]
        notes = [h for h in links if resolve("/timeline/", h)[0] == "/sources/"]
        paragraphs = [h for h in links if resolve("/timeline/", h)[0] != "/sources/"]
        assert notes and paragraphs, item.h3["id"]
        for href in links:
            assert target_exists(built_site.site, "/timeline/", href), href


@pytest.mark.build
def test_paper_events_year_is_in_the_paragraph_they_link(built_site):
    events = built_site.page("timeline").select("li.timeline-event--paper")
    assert len(events) == list(expected_events().values()).count("paper")
    for item in events:
        year = item.time["datetime"][:4]
        links = item.select(".timeline-refs span a")
        assert links, item.h3["id"]
        for link in links:
            path, fragment = resolve("/timeline/", link["href"])
            name = path.strip("/") or "index"
            paragraph = built_site.page(name).find(id=fragment)
            # Only the author's words count: the backlink itself carries the year too.
            for added in paragraph.select(".editorial, sup"):
                added.decompose()
            assert year in paragraph.get_text(), (item.h3["id"], fragment)


@pytest.mark.build
def test_context_and_after_publication_are_marked_in_words(built_site):
    marked = {"Context": 0, "After the paper’s publication": 0}
    for item in timeline_events(built_site):
        kinds = [span.get_text() for span in item.select(".timeline-kind")]
        if "timeline-event--context" in item["class"]:
            assert "Context" in kinds
        if "timeline-event--after" in item["class"]:
            assert "After the paper’s publication" in kinds
        for kind in marked:
            marked[kind] += kind in kinds
        assert item.find_parent(class_="editorial")
    # Words only where they are true: the paper's own events carry neither.
    context = list(expected_events().values()).count("context")
    assert marked["Context"] == context, marked
    assert 0 < marked["After the paper’s publication"] < context, marked


@pytest.mark.build
@pytest.mark.parametrize("name", ["index", "timeline"])
def test_overview_strip_links_resolve(built_site, name):
    strip = built_site.page(name).select_one("nav.timeline-strip")
    assert strip is not None and "editorial" in strip["class"]
    years = [span.get_text() for span in strip.select(".strip-year")]
    assert years == [str(y) for y in range(2004, 2019)]
    links = strip.select("a[href]")
    assert links
    for link in links:
        assert target_exists(built_site.site, page_url(name), link["href"]), link["href"]


@pytest.mark.build
def test_paragraphs_link_back_to_their_events(built_site):
    expected = {}
    for item in timeline_events(built_site):
        for link in item.select(".timeline-refs span a"):
            expected.setdefault(resolve("/timeline/", link["href"]), set()).add(item.h3["id"])
    assert expected
    for (path, fragment), events in expected.items():
        name = path.strip("/") or "index"
        paragraph = built_site.page(name).find(id=fragment)
        backlinks = paragraph.select(".timeline-backlink.editorial a")
        assert {resolve(path, a["href"])[1] for a in backlinks} == events, fragment
