"""Sourcing checks: every sentence accounted for, every claim keeps its note.

Also: every qualification's evidence names its own records, every logged verdict its
note or claim; nothing dangles. Pure functions over pages, the notes register, the
claims ledger and the verdict log; ``checks/project.py`` calls them. Problems point at
the file an editor has to change: the page for text that lost a note or a claim's
wording, the ledger for entries that point nowhere.
"""

from __future__ import annotations

import re

from edition.model.claims import LEDGER_PATH, Ledger, claim_verdict, normalise
from edition.model.pages import Block, Page
from edition.model.problems import Problem
from edition.model.register import REGISTER_PATH, Register
from edition.model.research import RESEARCH_PATH, Research
from edition.model.sentences import sentences
from edition.model.verdict_log import LOG_PATH, VerdictLog

# Only words need an entry: spaces, punctuation and quotation marks between entries do not.
WORD_CHAR = re.compile(r"\w")
COVER_IT = f"register it in {LEDGER_PATH} as a claim with its notes or as analysis"
__all__ = [
    "check_claims",
    "check_evidence",
    "check_qualifications",
    "check_research",
    "check_verdict_log",
    "sentences",
]


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
    """Ledger entries against the pages: words, notes, coverage; notes that cover no claim."""
    problems: list[Problem] = []
    paragraphs = paper_paragraphs(pages)
    covered: dict[tuple[str, str], list[tuple[int, int]]] = {}
    covering_notes: set[str] = set()
    for claim in ledger.entries:
        target = paragraphs.get((claim.page, claim.anchor))
        if target is None:
            where = f"docs/{claim.page}.md#{claim.anchor}"
            problems.append(
                Problem(
                    LEDGER_PATH,
                    claim.line,
                    f"{claim.kind} {claim.id} points at {where}, which does not exist; "
                    "fix page/anchor",
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
                    f"{claim.kind} {claim.id} is no longer in paragraph {claim.anchor}: "
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
    problems += _unaccounted(paragraphs, covered)
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


def _unaccounted(paragraphs, covered) -> list[Problem]:
    """Sentences whose words the ledger's entries (claims and analysis) do not all cover."""
    problems = []
    for key, (page, block) in paragraphs.items():
        words = block.words
        mask = bytearray(len(words))
        for a, b in covered.get(key, []):
            mask[a:b] = b"\x01" * (b - a)
        for start, end, sentence in sentences(words):
            gap = next(
                (i for i in range(start, end) if not mask[i] and WORD_CHAR.match(words[i])), None
            )
            if gap is None:
                continue
            if not any(mask[start:end]):
                what = "is in no ledger entry"
            else:
                stop = next((i for i in range(gap, end) if mask[i]), end)
                what = f"is only partly in the ledger (“{_short(words[gap:stop], 40)}” is not)"
            problems.append(
                Problem(
                    page.path,
                    block.line,
                    f"paragraph {block.anchor}: sentence “{_short(sentence)}” {what}; {COVER_IT}",
                )
            )
    return problems


def check_evidence(register: Register, ledger: Ledger) -> list[Problem]:
    """Evidence names only records of its own note, or of the claim's notes."""
    problems = []
    for note in register.notes.values():
        urls = {record.url for record in note.records}
        problems += [
            Problem(
                REGISTER_PATH,
                item.line,
                f"note {note.id}: evidence names record {item.record}, which is not one of "
                "this note's records; copy the url of one of its records, or add the record",
            )
            for item in note.evidence
            if item.record not in urls
        ]
    for claim in ledger.claims:
        if not all(n in register.notes for n in claim.notes):
            continue  # the missing note is reported already (or the register did not load)
        notes = [register.notes[n] for n in claim.notes]
        urls = {record.url for note in notes for record in note.records}
        listed = ", ".join(claim.notes)
        problems += [
            Problem(
                LEDGER_PATH,
                item.line,
                f"claim {claim.id}: evidence names record {item.record}, which no record of "
                f"its notes ({listed}) lists; copy the url of one of their records, or add "
                "the record to a note",
            )
            for item in claim.evidence
            if item.record not in urls
        ]
    return problems


def check_verdict_log(log: VerdictLog, register: Register, ledger: Ledger) -> list[Problem]:
    """Each change names a note or claim, and its latest change ends at today's verdict."""
    claims = {claim.id: claim for claim in ledger.claims}
    problems, latest = [], {}
    for change in log.changes:
        if change.id not in register.notes and change.id not in claims:
            if not (register.notes and claims) or change.id in register.declared:
                continue  # a file that did not load, or a note with problems of its own
            problems.append(
                Problem(
                    LOG_PATH,
                    change.line,
                    f"verdict log entry {change.id}: no note or claim has this id; write a "
                    f"note id from {REGISTER_PATH} or a claim id from {LEDGER_PATH}",
                )
            )
            continue
        latest[change.id] = change
    for identifier, change in latest.items():
        if identifier in register.notes:
            current = register.notes[identifier].verdict
        else:
            current = claim_verdict(claims[identifier], register)
        if change.new != current:
            problems.append(
                Problem(
                    LOG_PATH,
                    change.line,
                    f"verdict log entry {identifier}: its latest change ends at {change.new!r} "
                    f"but its verdict is {current or 'none'!r}; log the change that led there",
                )
            )
    return problems


def _short(text: str, limit: int = 70) -> str:
    """The start of a long wording, enough to find it."""
    text = normalise(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# An inference says what was not found, never states it as a fact of the world.
INFERENCE_WORDING = re.compile(
    r"\bno (?:\w+ )*?(?:record|records|source|sources|text|texts)\b|\bnone of\b|\bnot found\b"
    r"|\bnothing\b|\bno\b[^.]*\b(?:found|seen)\b",
    re.IGNORECASE,
)
RESEARCH_FIX = (
    f"add the record to {RESEARCH_PATH} with the day its copy was read (seen, copy, read), "
    "or remove the evidence"
)


def qualification_sentences(text: str) -> list[str]:
    """The sentences of a qualification, numbered from 1 by their place in the list."""
    return [sentence for _start, _end, sentence in sentences(normalise(text)) if sentence]


def _reviewed(register: Register, ledger: Ledger):
    """(path, label, entry) for every note, and every claim with its own qualification."""
    for note in register.notes.values():
        yield REGISTER_PATH, f"note {note.id}", note
    for claim in ledger.claims:
        if claim.qualification or claim.evidence:
            yield LEDGER_PATH, f"claim {claim.id}", claim


def check_research(research: Research, register: Register, ledger: Ledger) -> list[Problem]:
    """Every evidence item quotes a record whose copy the research file says was read."""
    if not research.loaded:
        return []  # the file's own problem is reported already
    problems = []
    for path, label, entry in _reviewed(register, ledger):
        for item in entry.evidence:
            known = research.records.get(item.record)
            if known is None:
                problems.append(
                    Problem(
                        path,
                        item.line,
                        f"{label}: evidence quotes record {item.record}, which has no entry in "
                        f"{RESEARCH_PATH}; {RESEARCH_FIX}",
                    )
                )
            elif not known.was_seen:
                problems.append(
                    Problem(
                        path,
                        item.line,
                        f"{label}: evidence quotes record {item.record}, which {RESEARCH_PATH}"
                        f":{known.line} lists as not seen; quote only a copy that was read, "
                        "or remove the evidence",
                    )
                )
    return problems


def check_qualifications(research: Research, register: Register, ledger: Ledger) -> list[Problem]:
    """Each sentence of a qualification names what carries it: quotes, or a search."""
    problems = []
    for path, label, entry in _reviewed(register, ledger):
        if not entry.qualification:
            continue
        said = qualification_sentences(entry.qualification)
        quoted = {n for item in entry.evidence for n in item.sentences}
        inferred = {n for item in entry.inferences for n in item.sentences}
        for item in (*entry.evidence, *entry.inferences):
            beyond = [n for n in item.sentences if n > len(said)]
            if beyond:
                problems.append(
                    Problem(
                        path,
                        item.line,
                        f"{label}: 'sentences' names sentence {beyond[0]}, but the "
                        f"qualification has {len(said)}; number its sentences from 1",
                    )
                )
        problems += [
            Problem(
                path,
                item.line,
                f"{label}: inference names search {item.search!r}, which {RESEARCH_PATH} "
                "does not list; write the search down there (id, date, for, queries, read, "
                "found)",
            )
            for item in entry.inferences
            if research.loaded and item.search not in research.searches
        ]
        for number, sentence in enumerate(said, start=1):
            if number in quoted:
                continue
            if number in inferred:
                if not INFERENCE_WORDING.search(sentence):
                    problems.append(
                        Problem(
                            path,
                            entry.qualification_line,
                            f"{label}: sentence {number} of the qualification "
                            f"(“{_short(sentence)}”) is carried by a search, not a quote, "
                            "but states a fact; word it as an inference (“no record found "
                            "places …”)",
                        )
                    )
                continue
            problems.append(
                Problem(
                    path,
                    entry.qualification_line,
                    f"{label}: sentence {number} of the qualification (“{_short(sentence)}”) "
                    "names no evidence; add its number to the 'sentences' of the evidence "
                    "that carries it, or an inference naming a search, or remove the sentence",
                )
            )
    return problems
