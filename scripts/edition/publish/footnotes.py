"""Every footnote on the page of its call: find the pages where WeasyPrint moved one on.

``footnote-policy: line`` (pdf.css) makes WeasyPrint carry the line that calls a note
onto the next page when the note does not fit. One case escapes it: when the next line
of a later paragraph overflows just where widow and orphan control forbids a break,
WeasyPrint makes room by moving the page's last footnote to the next page and leaves its
call behind. ``misplaced`` finds such notes in the laid-out document; ``to_push`` names
the paragraph whose start caused it (the last one begun on the call's page), which pdf.py
then starts on a new page, so its note stays with its call.

Reads the laid-out pages' anchors only (every id's page); no layout here.
"""

from __future__ import annotations

from edition.model.addresses import paragraph_number

NOTE_PREFIX, CALL_PREFIX = "fn:", "fnref:"


def pages_of(document) -> dict[str, tuple[int, float]]:
    """Every id in the laid-out document → (its page index, its height on that page)."""
    found: dict[str, tuple[int, float]] = {}
    for number, page in enumerate(document.pages):
        for anchor, (_x, y, *_) in page.anchors.items():
            found.setdefault(anchor, (number, y))
    return found


def misplaced(document) -> dict[str, tuple[int, int]]:
    """Note id → (its call's page, its own page), for each note not on its call's page."""
    where = pages_of(document)
    off = {}
    for anchor, (page, _) in where.items():
        if anchor.startswith(NOTE_PREFIX):
            note = anchor.removeprefix(NOTE_PREFIX)
            call = where.get(CALL_PREFIX + note)
            if call is not None and call[0] != page:
                off[note] = (call[0], page)
    return off


def to_push(document) -> set[str]:
    """The ids of the paragraphs to start on a new page so that each note meets its call."""
    where = pages_of(document)
    pushed = set()
    for call_page, _ in misplaced(document).values():
        started = [
            (y, anchor)
            for anchor, (page, y) in where.items()
            if page == call_page and paragraph_number(anchor)
        ]
        if started:
            pushed.add(max(started)[1])
    return pushed


def push_css(paragraphs: set[str]) -> str:
    """The CSS that starts each of ``paragraphs`` on a new page."""
    return "".join(f"#{anchor} {{ break-before: page }}\n" for anchor in sorted(paragraphs))
