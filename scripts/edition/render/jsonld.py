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

from edition.model.addresses import absolute, note_anchor
from edition.model.claims import Ledger, claim_review
from edition.model.config import Site
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


def claim_reviews(ledger: Ledger, register: Register, paper: Paper, site: Site) -> dict:
    """One schema.org ``ClaimReview`` per claim with a verdict (its own or its note's).

    The claim is the author's exact words, where the paper makes it its paragraph's
    address, the verdict the rating's name, the evidence's records the citations. Each
    review's address is the note (or, for a claim's own verdict, the paragraph) where
    ``/sources/`` explains it.
    """
    reviews = []
    sources = absolute(site.url, "sources")
    edition = {"@type": "Organization", "name": f"{site.name}: the online edition", "url": site.url}
    for claim in ledger.claims:
        review = claim_review(claim, register)
        if review is None:
            continue
        anchor = note_anchor(review.note) if review.note else note_anchor(claim.notes[0])
        item = {
            "@type": "ClaimReview",
            "url": f"{sources}#{anchor}",
            "claimReviewed": claim.text,
            "itemReviewed": {
                "@type": "Claim",
                "author": _organisation(paper.author),
                "datePublished": paper.date,
                "appearance": {
                    "@type": "CreativeWork",
                    "url": absolute(site.url, claim.page, claim.anchor),
                    "isPartOf": {"@type": "ScholarlyArticle", "name": paper.title},
                },
            },
            "reviewRating": {"@type": "Rating", "alternateName": review.verdict},
            "reviewBody": review.qualification or None,
            "author": edition,
            "datePublished": review.checked,
            "dateModified": review.checked,
        }
        cited = dict.fromkeys(evidence.record for evidence in review.evidence)
        if cited:
            item["citation"] = [
                {"@type": "CreativeWork", "name": review.records[url].title, "url": url}
                for url in cited
                if url in review.records
            ]
        reviews.append({key: value for key, value in item.items() if value is not None})
    return {"@context": "https://schema.org", "@graph": reviews}


def script_text(record: dict) -> str:
    """Compact JSON safe inside <script>: "</" cannot end the element early."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/")
