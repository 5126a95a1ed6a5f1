"""Python-Markdown extension: the timeline page, its overview strip, and links back.

- ``[[timeline]]`` (on ``docs/timeline.md``) becomes the events grouped by year: year
  headings with year ids (``#2014``), an ordered list of events with real headings,
  dates, one sentence, notes (linked to ``/sources/``) and the paragraphs that discuss
  them, plus a filter (paper only / with context) that needs no script.
- ``[[timeline-strip]]`` becomes a compact HTML/CSS strip of 2004–2018 with the paper's
  milestones, each year linking to its place on the timeline.
- Every paragraph of the paper that an event points at gets its events, which the
  paragraph's menu lists (``backlink``).

Elements are built as a tree after attr_list has set paragraph ids (priority 7) and
before toc collects headings (5); links are written to ``.md`` files so the engine
resolves and checks them. Data comes validated from ``timeline_data``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from edition.extensions.base import EditionExtension, printing
from edition.model.addresses import note_anchor, paragraph_label
from edition.model.dates import PAPER_YEARS
from edition.model.timeline import Event, Timeline

TIMELINE_PAGE = "timeline.md"
KIND_LABELS = {"paper": "In the paper", "context": "Context"}


def _element(parent, tag: str, text: str = "", **attributes) -> etree.Element:
    """Append a child with attributes (``class_`` for class) and optional text."""
    attrs = {key.rstrip("_").replace("_", "-"): value for key, value in attributes.items()}
    child = etree.SubElement(parent, tag, attrs)
    if text:
        child.text = text
    return child


def event_item(event: Event) -> etree.Element:
    """One event as ``<li>`` with a heading, its date, kind, sentence, notes and paragraphs."""
    kinds = [event.kind] + (["after"] if event.after_publication else [])
    item = etree.Element("li", {"class": " ".join(f"timeline-event--{k}" for k in kinds)})
    item.set("class", "timeline-event " + item.get("class"))
    _element(item, "h3", event.title, id=event.anchor)
    meta = _element(item, "p", class_="timeline-meta")
    # A range is two <time> elements: HTML's datetime attribute holds one date.
    for text, iso in event.date.parts():
        if iso:
            time = _element(meta, "time", text, datetime=iso)
        else:
            time.tail = text
    time.tail = " · "
    labels = [KIND_LABELS[event.kind]] + (
        ["After the paper’s publication"] * event.after_publication
    )
    for label in labels:
        _element(meta, "span", label, class_="timeline-kind").tail = " "
    summary = _element(item, "p", event.summary, class_="timeline-summary")
    if event.verdict:
        # The paper's events are claims: say how far the record bears them out.
        verdict = _element(summary, "span", class_="timeline-verdict")
        verdict.text = " Verdict: "
        _element(verdict, "strong", event.verdict)
    refs = _element(item, "p", class_="timeline-refs")
    refs.text = "Notes: "
    for index, note_id in enumerate(event.notes):
        link = _element(refs, "a", note_id, href=f"sources.md#{note_anchor(note_id)}")
        link.tail = ", " if index < len(event.notes) - 1 else ""
    paragraphs = _element(refs, "span")
    paragraphs.text = " · In the paper: "
    for index, (page, anchor) in enumerate(event.paragraphs):
        link = _element(paragraphs, "a", paragraph_label(anchor), href=f"{page}.md#{anchor}")
        link.tail = ", " if index < len(event.paragraphs) - 1 else ""
    return item


def timeline_tree(timeline: Timeline, *, controls: bool = True) -> etree.Element:
    """The whole timeline: filter (on screen), then one group per year."""
    root = etree.Element("div", {"class": "timeline editorial"})
    if controls:
        root.append(filter_form())
    for year, events in timeline.years().items():
        has_paper = any(event.kind == "paper" for event in events)
        group = _element(
            root, "section", class_="timeline-year", data_has_paper=str(has_paper).lower()
        )
        _element(group, "h2", str(year), id=str(year))
        items = _element(group, "ol", class_="timeline-events")
        items.extend(event_item(event) for event in events)
    return root


def filter_form() -> etree.Element:
    """Paper events only, or with context.

    CSS only (:has), so it works without JavaScript and is in place when the page first
    paints: a control that a script reveals later pushes the events down.
    """
    control = etree.Element("form", {"class": "timeline-filter"})
    fieldset = _element(control, "fieldset")
    _element(fieldset, "legend", "Show")
    for value, text in (
        ("all", "The paper’s events and context"),
        ("paper", "The paper’s events only"),
    ):
        label = _element(fieldset, "label")
        radio = _element(label, "input", type="radio", name="timeline-filter", value=value)
        if value == "all":
            radio.set("checked", "checked")
        radio.tail = " " + text
    return control


def strip_tree(timeline: Timeline) -> etree.Element:
    """A compact strip of the paper's years, each linking to its place on the timeline."""
    years = timeline.years()
    nav = etree.Element(
        "nav",
        {"class": "timeline-strip editorial", "aria-label": "The paper’s milestones, 2004–2018"},
    )
    items = _element(nav, "ol")
    for year in range(PAPER_YEARS[0], PAPER_YEARS[1] + 1):
        milestones = [event for event in years.get(year, []) if event.kind == "paper"]
        item = _element(items, "li", class_="has-milestones" if milestones else "")
        target = _element(item, "a", href=f"{TIMELINE_PAGE}#{year}") if year in years else item
        _element(target, "span", str(year), class_="strip-year")
        marks = _element(
            target, "span", "●" * len(milestones), class_="strip-marks", aria_hidden="true"
        )
        marks.tail = None
        if milestones:
            titles = "; ".join(event.title for event in milestones)
            target.set("title", titles)
            _element(target, "span", f": {titles}", class_="visually-hidden")
    # What the marks mean, in words: a phone cannot show the hover titles.
    legend = _element(nav, "p", class_="strip-legend", aria_hidden="true")
    _element(legend, "span", "●", class_="strip-marks").tail = (
        " one event the paper dates in that year; a year with a line has such events. "
        "Each year opens its place on the timeline."
    )
    return nav


def milestones_list(timeline: Timeline) -> etree.Element:
    """Print mode: the paper's milestones as years and titles.

    A strip of dots says nothing on paper.
    """
    items = etree.Element("ul", {"class": "print-milestones editorial"})
    for year, events in timeline.years().items():
        titles = [event.title for event in events if event.kind == "paper"]
        if titles:
            item = _element(items, "li")
            _element(item, "a", str(year), href=f"{TIMELINE_PAGE}#{year}").tail = ": " + "; ".join(
                titles
            )
    return items


def backlink(events: list[Event]) -> etree.Element:
    """The paragraph's events, appended to it for the "On the timeline" item of its menu.

    With JavaScript the run stays out of sight (edition.css) and the paragraph's menu
    lists its events; without it (noscript.css) it is read after the paragraph. Never in
    the search index: a search result quotes the author's words.
    """
    span = etree.Element(
        "span", {"class": "timeline-backlink editorial", "data-search-exclude": ""}
    )
    span.text = " On the timeline: "
    for index, event in enumerate(events):
        link = _element(
            span, "a", str(event.date), href=f"{TIMELINE_PAGE}#{event.anchor}", title=event.title
        )
        link.tail = ", " if index < len(events) - 1 else ""
    return span


class TimelineTreeprocessor(Treeprocessor):
    """Expand the placeholders and add backlinks to paragraphs that events point at."""

    def __init__(self, md, extension: TimelineExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Work only on pages that need it: placeholders, or paragraphs with events."""
        timeline = self.extension.edition().timeline
        paper = printing(self.md)  # no screen controls, no backlinks in the text
        # One overview strip per page: /print/ holds both the home page and the timeline
        # page, and two navigation landmarks with one name confuse screen readers.
        strips = 0
        by_anchor: dict[str, list[Event]] = {}
        for event in timeline.events:
            for _page, anchor in event.paragraphs:
                by_anchor.setdefault(anchor, []).append(event)
        for parent in root.iter():
            for child in list(parent):
                text = (child.text or "").strip()
                if (
                    child.tag == "p"
                    and text in ("[[timeline]]", "[[timeline-strip]]")
                    and len(child) == 0
                ):
                    index = list(parent).index(child)  # a dropped strip shifts the rest
                    parent.remove(child)
                    if text == "[[timeline]]":
                        parent.insert(index, timeline_tree(timeline, controls=not paper))
                    elif not strips:
                        strip = milestones_list(timeline) if paper else strip_tree(timeline)
                        parent.insert(index, strip)
                    strips += text == "[[timeline-strip]]"
                elif not paper and child.tag == "p" and child.get("id") in by_anchor:
                    child.append(backlink(by_anchor[child.get("id")]))


class TimelineExtension(EditionExtension):
    """Register the timeline treeprocessor."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """After attr_list (8) has set ids, before toc (5) collects headings."""
        md.treeprocessors.register(TimelineTreeprocessor(md, self), "edition_timeline", 7)


def makeExtension(**kwargs) -> TimelineExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.timeline``."""
    return TimelineExtension(**kwargs)
