"""Sourcing checks: every claim keeps its note, every note its records, nothing dangles.

Pure functions over pages, the notes register and the claims ledger; ``check.py``
calls them. Problems point at the file an editor has to change: the page for text
that lost a note or a claim's wording, the ledger for entries that point nowhere.
"""

from __future__ import annotations

import re

from edition.model.claims import LEDGER_PATH, Ledger, normalise
from edition.model.pages import Block, Page
from edition.model.problems import Problem
from edition.model.register import REGISTER_PATH, Register

# A sentence ends at . ! or ? followed by a space and a capital or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")
NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion dozen"
).split()
STATES_A_NUMBER = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def sentences(words: str) -> list[tuple[int, int, str]]:
    """Split a paragraph's words into (start, end, sentence)."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(words):
        spans.append((start, match.start(), words[start : match.start()]))
        start = match.end()
    spans.append((start, len(words), words[start:]))
    return spans


def paper_paragraphs(pages: list[Page]) -> dict[tuple[str, str], tuple[Page, Block]]:
    """(page name, anchor) → (page, block) for every paragraph of the author's text."""
    return {
        (page.name, block.anchor): (page, block)
        for page in pages
        if page.is_paper
        for block in page.blocks
        if block.kind == "paragraph" and block.anchor
    }


def check_claims(pages: list[Page], register: Register, ledger: Ledger) -> list[Problem]:
    """Classes 1, 2, 5 and 6 of the sourcing check, plus notes that cover no claim."""
    problems: list[Problem] = []
    paragraphs = paper_paragraphs(pages)
    covered: dict[tuple[str, str], list[tuple[int, int]]] = {}
    covering_notes: set[str] = set()
    for claim in ledger.claims:
        target = paragraphs.get((claim.page, claim.anchor))
        if target is None:
            where = f"docs/{claim.page}.md#{claim.anchor}"
            problems.append(
                Problem(
                    LEDGER_PATH,
                    claim.line,
                    f"claim {claim.id} points at {where}, which does not exist; fix page/anchor",
                )
            )
            continue
        page, block = target
        words = block.words
        start = words.find(claim.text)
        if start < 0:
            problems.append(
                Problem(
                    page.path,
                    block.line,
                    f"claim {claim.id} is no longer in paragraph {claim.anchor}: "
                    f"“{_short(claim.text)}”; restore the words or update {LEDGER_PATH}"
                    f":{claim.line}",
                )
            )
            continue
        covered.setdefault((claim.page, claim.anchor), []).append((start, start + len(claim.text)))
        refs = block.note_positions
        for note_id in claim.notes:
            covering_notes.add(note_id)
            if not any(ref == note_id and offset >= start for offset, ref in refs):
                problems.append(
                    Problem(
                        page.path,
                        block.line,
                        f"claim {claim.id} lost its note [^{note_id}] in paragraph "
                        f"{claim.anchor}: put [^{note_id}] back after “{_short(claim.text)}”",
                    )
                )
    problems += _unsourced(paragraphs, covered)
    problems += [
        Problem(
            REGISTER_PATH,
            note.line,
            f"note {note.id} covers no claim; register the claims it marks in {LEDGER_PATH}",
        )
        for note in register.notes.values()
        if note.id not in covering_notes
    ]
    return problems


def _unsourced(paragraphs, covered) -> list[Problem]:
    """Sentences that state a year or a number but overlap no registered claim."""
    problems = []
    for key, (page, block) in paragraphs.items():
        spans = covered.get(key, [])
        for start, end, sentence in sentences(block.words):
            if not STATES_A_NUMBER.search(sentence):
                continue
            if any(a < end and start < b for a, b in spans):
                continue
            problems.append(
                Problem(
                    page.path,
                    block.line,
                    f"unsourced claim in paragraph {block.anchor}: “{_short(sentence)}” "
                    f"states a number but no claim in {LEDGER_PATH} covers it; register it "
                    "with its note",
                )
            )
    return problems


def _short(text: str, limit: int = 70) -> str:
    """The start of a long wording, enough to find it."""
    text = normalise(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
