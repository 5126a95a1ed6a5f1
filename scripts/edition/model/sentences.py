"""The paper's sentences and what the ledger makes of each: claim, analysis or nothing.

Every sentence of a paper page must be accounted for by the claims ledger, as a claim
with its notes or as the author's analysis (``checks/sourcing.py`` enforces it); the
sources page counts them. One splitter serves both, so the count a reader sees is the
count the check verified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.model.claims import Ledger
from edition.model.pages import Page

# A sentence ends at . ! or ? followed by a space and a capital or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")


def sentences(words: str) -> list[tuple[int, int, str]]:
    """Split a paragraph's words into (start, end, sentence)."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(words):
        spans.append((start, match.start(), words[start : match.start()]))
        start = match.end()
    spans.append((start, len(words), words[start:]))
    return spans


@dataclass(frozen=True)
class Sentence:
    """One sentence of the author's text and the kinds of ledger entries in it."""

    page: str
    anchor: str
    text: str
    kinds: frozenset[str]  # {"claim"}, {"analysis"}, both, or empty when unaccounted

    @property
    def kind(self) -> str:
        """'claim' when it carries a claim, 'analysis' when only analysis, else ''."""
        return "claim" if "claim" in self.kinds else "analysis" if self.kinds else ""


def account(pages: list[Page], ledger: Ledger) -> list[Sentence]:
    """Every sentence of every paragraph of the paper pages, in page order."""
    by_paragraph: dict[tuple[str, str], list] = {}
    for entry in ledger.entries:
        by_paragraph.setdefault((entry.page, entry.anchor), []).append(entry)
    result = []
    for page in pages:
        if not page.is_paper:
            continue
        for block in page.blocks:
            if block.kind != "paragraph" or not block.anchor:
                continue
            words = block.words
            spans = []
            for entry in by_paragraph.get((page.name, block.anchor), []):
                start = words.find(entry.text)
                if start >= 0:
                    spans.append((start, start + len(entry.text), entry.kind))
            for start, end, text in sentences(words):
                kinds = frozenset(kind for a, b, kind in spans if a < end and start < b)
                result.append(Sentence(page.name, block.anchor, text, kinds))
    return result
