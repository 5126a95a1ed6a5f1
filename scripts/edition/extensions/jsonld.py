"""The paper as a schema.org ``ScholarlyArticle`` in JSON-LD, built from data, never typed.

Sections come from the pages' headings (with their addresses), citations from the
records of the notes register, the bibliographic facts from ``extra.paper``. Pure: the
paragraphs extension serialises the result into a ``<script type="application/ld+json">``
on the paper's pages, so every engine that runs Python-Markdown emits it (a template
could not read ``data/notes.yml``, and a MkDocs hook would be lost under Zensical).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from edition.model.paper import Paper
from edition.model.register import Register


@dataclass(frozen=True)
class Section:
    """A part of the paper: a page, or one of the seven areas of section 2."""

    title: str
    url: str
    parts: tuple[Section, ...] = field(default_factory=tuple)


def _organisation(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def _part(section: Section, position: int) -> dict:
    part = {
        "@type": "CreativeWork",
        "name": section.title,
        "url": section.url,
        "position": position,
    }
    if section.parts:
        part["hasPart"] = [_part(sub, n) for n, sub in enumerate(section.parts, 1)]
    return part


def citations(register: Register) -> list[dict]:
    """Every record of the register once (by URL), in the register's order."""
    seen: dict[str, dict] = {}
    for note in register.notes.values():
        for record in note.records:
            if record.url in seen:
                continue
            item = {
                "@type": "CreativeWork",
                "name": record.title,
                "url": record.url,
                "publisher": _organisation(record.publisher),
            }
            if record.date != "undated":
                item["datePublished"] = record.date
            seen[record.url] = item
    return list(seen.values())


def scholarly_article(
    paper: Paper, sections: list[Section], register: Register | None, pdf_url: str
) -> dict:
    """The paper, its parts, the PDF, the original and, given a register, the citations."""
    record = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "name": paper.title,
        "headline": paper.title,
        "genre": paper.genre,
        "author": _organisation(paper.author),
        "publisher": _organisation(paper.publisher),
        "locationCreated": {"@type": "Place", "name": paper.place},
        "datePublished": paper.date,
        "inLanguage": paper.language,
        "url": paper.site_url,
        "sameAs": paper.original_url,
        "encoding": {
            "@type": "MediaObject",
            "contentUrl": pdf_url,
            "encodingFormat": "application/pdf",
        },
        "hasPart": [_part(section, n) for n, section in enumerate(sections, 1)],
    }
    if register is not None:
        record["citation"] = citations(register)
    return record


def script_text(record: dict) -> str:
    """Compact JSON safe inside <script>: "</" cannot end the element early."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/")
