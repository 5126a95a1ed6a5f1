"""Paragraph numbers derived from paragraph ids: ``p1-3`` → ``¶ 1.3``.

The id is the public handle; the number a reader sees is computed from it, so the two
can never disagree.
"""

from __future__ import annotations

import re

PARAGRAPH_ID_RE = re.compile(r"^p(\d+(?:-\d+)*)$")


def paragraph_number(anchor: str) -> str:
    """'p1-3' → '1.3', 'p2-7-2' → '2.7.2'; '' for ids that are not paragraph ids."""
    match = PARAGRAPH_ID_RE.match(anchor)
    return match.group(1).replace("-", ".") if match else ""


def paragraph_label(anchor: str) -> str:
    """'p1-3' → '¶ 1.3' (or the id itself for headings)."""
    number = paragraph_number(anchor)
    return f"¶ {number}" if number else anchor


def note_anchor(note_id: str) -> str:
    """Id of a note's entry on /sources/: 'note-7', 'note-e3'."""
    return f"note-{note_id.lower()}"
