"""Python-Markdown extension: the ``/sources/`` page, generated from the register and ledger.

``[[sources]]`` on ``docs/sources.md`` becomes a summary (claims, notes, records,
verdicts), download links for the ledger, and one entry per note: its number, verdict
and qualification, the claims it covers (linked to their paragraphs) and its records.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import Counter

from edition.extensions.base import EditionExtension
from edition.extensions.notes import record_item
from edition.extensions.placeholders import PlaceholderPreprocessor
from edition.model.addresses import note_anchor, paragraph_label
from edition.model.claims import Claim, Ledger, claim_verdict
from edition.model.register import VERDICTS, Note, Register

PLACEHOLDER = "[[sources]]"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """Make text safe to place in Markdown as plain words."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def note_title(note: Note) -> str:
    """'Note 7' or 'Editorial note E3'."""
    return f"Editorial note {note.id}" if note.editorial else f"Note {note.id}"


def sources_markdown(register: Register, ledger: Ledger) -> list[str]:
    """The whole generated part of the sources page, as Markdown lines."""
    by_note: dict[str, list[Claim]] = {}
    for claim in ledger.claims:
        for note_id in claim.notes:
            by_note.setdefault(note_id, []).append(claim)
    notes = list(register.notes.values())
    lines = summary(notes, ledger, register)
    for heading, group in (
        ("The author's notes", [n for n in notes if not n.editorial]),
        ("Editorial notes", [n for n in notes if n.editorial]),
    ):
        if group:
            anchor = "authors-notes" if group[0].id.isdigit() else "editorial-notes"
            lines += [f"## {heading} {{ #{anchor} }}", ""]
            for note in group:
                lines += note_entry(note, by_note.get(note.id, []), register)
    return lines


def summary(notes: list[Note], ledger: Ledger, register: Register) -> list[str]:
    """Counts a reader can check the whole apparatus against."""
    records = [record for note in notes for record in note.records]
    urls = {record.url for record in records}
    primary = {record.url for record in records if record.primary}
    note_verdicts = Counter(note.verdict for note in notes)
    claim_verdicts = Counter(claim_verdict(claim, register) for claim in ledger.claims)
    editorial = sum(note.editorial for note in notes)
    dated = sum(claim.date is not None for claim in ledger.claims)

    def tally(counter: Counter) -> str:
        return " · ".join(f"{verdict} {counter[verdict]}" for verdict in VERDICTS)

    return [
        "## Summary { #summary }",
        "",
        "| What | Count |",
        "| --- | --- |",
        f"| Claims registered | {len(ledger.claims)} ({dated} dated, shown on the timeline) |",
        f"| Notes | {len(notes) - editorial} by the author, {editorial} editorial |",
        f"| Records | {len(urls)} distinct public records, {len(primary)} of them primary |",
        f"| Verdicts on notes | {tally(note_verdicts)} |",
        f"| Verdicts on claims | {tally(claim_verdicts)} |",
        "",
        'The claims ledger for download: <a href="claims.json" download>claims.json</a> · '
        '<a href="claims.csv" download>claims.csv</a> (claim, address, wording, notes, '
        "verdict, records).",
        "",
    ]


def note_entry(note: Note, claims: list[Claim], register: Register) -> list[str]:
    """One note's entry: heading, verdict, claims covered, records."""
    lines = [f"### {note_title(note)} {{ #{note_anchor(note.id)} }}", ""]
    lines += [
        f'<p class="verdict verdict--{note.verdict.replace(" ", "-")}"><strong>Verdict: '
        f"{note.verdict}.</strong> {escape(note.qualification)}</p>",
        "",
        f"*The paper asserts:* {escape(note.claim)}",
        "",
        "*Claims this note covers:*",
        "",
    ]
    for claim in claims:
        link = f"[{paragraph_label(claim.anchor)}]({claim.page}.md#{claim.anchor})"
        line = f"- {link} “{escape(claim.text)}”"
        if claim.verdict:
            line += f" — *{claim.verdict}:* {escape(claim.qualification)}"
        lines.append(line)
    if not claims:
        lines.append("- (none registered)")
    lines += ["", "*Records:*", ""]
    if note.records:
        # The same records are in the note bodies on the paper's pages, which search
        # indexes: indexing them here too doubled the index every page load fetches.
        items = etree.Element("ol", {"class": "note-records", "data-search-exclude": ""})
        items.extend(record_item(record) for record in note.records)
        lines += [etree.tostring(items, encoding="unicode", method="html"), ""]
    else:
        lines += ["No public record was found.", ""]
    return lines


class SourcesExtension(EditionExtension):
    """Register the ``[[sources]]`` placeholder."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """Run before block parsing so the generated Markdown is parsed like any page."""

        def render() -> list[str]:
            edition = self.edition()
            return sources_markdown(edition.register, edition.ledger)

        preprocessor = PlaceholderPreprocessor(md, PLACEHOLDER, render)
        md.preprocessors.register(preprocessor, "edition_sources", 25)


def makeExtension(**kwargs) -> SourcesExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.sources_page``."""
    return SourcesExtension(**kwargs)
