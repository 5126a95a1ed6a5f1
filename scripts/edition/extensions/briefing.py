"""Python-Markdown extension: ``[[briefing]]`` becomes the data of the briefing pack.

``docs/briefing.md`` holds the placeholder. ``/briefing/`` lists the paragraphs a reader
chose with "Add to briefing" (kept in the browser's storage) and lets them reorder,
copy, print and download them. The page must work from a folder too (the offline
edition, ``file://``), where a script cannot fetch a JSON file, so every paragraph of the
paper is written into the page here, at build time, as one
``<script type="application/json" id="briefing-data">`` block: data, not code, so the
Content-Security-Policy needs no hash for it, and nothing runs until ``briefing.js``
reads it. About 6 KB compressed, on this page only.

Each paragraph carries its number, its part and area of the paper, its permanent
address, the author's words (note references removed, as on the page) and the author's
notes 1–10 it cites, with the offsets where their numbers stand. The original note texts
are lost: a note is given as the edition describes it (what the note marks, the
verdict), and marked as the edition's words by ``briefing.js``. Editorial notes (E1…)
are the edition's apparatus, not the paper's, and are left out.

Engine-independent: no MkDocs import; everything comes from the edition model.
"""

from __future__ import annotations

import json

from edition.extensions.base import EditionExtension
from edition.model.addresses import note_anchor, paragraph_number
from edition.model.edition import Edition
from edition.model.pages import NOTE_REF
from edition.render.placeholders import PlaceholderPreprocessor

PLACEHOLDER = "[[briefing]]"
DATA_ID = "briefing-data"


def paragraph_record(block, page, area: str, edition: Edition) -> dict:
    """One paragraph as the briefing page needs it."""
    paper = edition.paper
    # The words as Block.words has them (references removed, spaces collapsed), with
    # each reference's offset: where its number stands after the word before it.
    marked = " ".join(NOTE_REF.sub(lambda m: f"\0{m.group(1)}\0", block.text).split())
    words, notes = "", []
    for index, piece in enumerate(marked.split("\0")):
        if index % 2 == 0:
            words += piece[1:] if words.endswith(" ") and piece.startswith(" ") else piece
            continue
        note = edition.register.notes.get(piece)
        if piece.isdigit() and note is not None:  # the author's notes only
            entry = {"id": piece, "at": len(words.rstrip()), "claim": note.claim}
            if note.verdict:
                entry["verdict"] = note.verdict
            entry["url"] = paper.url("sources", note_anchor(piece))
            notes.append(entry)
    words = words.strip()
    return {
        "id": block.anchor,
        "number": paragraph_number(block.anchor),
        "page": page.name,
        "part": str(page.meta.get("title", "")),
        "area": area,
        "url": paper.url(page.name, block.anchor),
        "words": words,
        "notes": notes,
    }


def briefing_data(edition: Edition) -> dict:
    """The paper's facts and every paragraph of the paper, in the paper's order."""
    paper = edition.paper
    pages = sorted(edition.paper_pages, key=lambda page: int(page.meta.get("section", 0) or 0))
    paragraphs = []
    for page in pages:
        area = ""
        for block in page.blocks:
            if block.kind == "heading" and block.text.startswith(tuple("123456789")):
                area = block.words  # an area of section 2, with the author's number
            if block.kind == "paragraph" and paragraph_number(block.anchor):
                paragraphs.append(paragraph_record(block, page, area, edition))
    return {
        "paper": {
            "title": paper.title,
            "publisher": paper.publisher,
            "place": paper.place,
            "date": f"{paper.month_name} {paper.year}",
            "original": paper.original_url,
            "edition": paper.site_url,
        },
        "page": paper.url("briefing"),
        "paragraphs": paragraphs,
    }


def data_block(data: dict) -> str:
    """The data as an inert script block; ``<`` escaped so no text can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{DATA_ID}">{text}</script>'


class BriefingExtension(EditionExtension):
    """Register the placeholder."""

    def container(self, md) -> list[str]:
        """The app's container and its data, stashed as raw HTML, for the placeholder."""
        edition = self.edition()
        if edition.paper is None:  # the check says which fact is missing
            return []
        # Empty until briefing.js builds the pack in it; room is kept for it (edition.css),
        # so nothing below moves when it does. Without a script it is not shown at all.
        html = (
            '<div class="editorial briefing" id="briefing">'
            + data_block(briefing_data(edition))
            + "</div>"
        )
        return [md.htmlStash.store(html)]

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """Priority 25, with the other placeholders: before raw HTML is stashed (20)."""
        preprocessor = PlaceholderPreprocessor(md, PLACEHOLDER, lambda: self.container(md))
        md.preprocessors.register(preprocessor, "edition_briefing", 25)


def makeExtension(**kwargs) -> BriefingExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.extensions.briefing``."""
    return BriefingExtension(**kwargs)
