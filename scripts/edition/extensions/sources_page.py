"""Python-Markdown extension: the ``/sources/`` page, generated from the register and ledger.

``[[sources]]`` on ``docs/sources.md`` becomes a summary (sentences, claims and analysis,
notes, records, verdicts), download links for the ledger and the verdict log, one entry
per note (its number, verdict, qualification and the day it was checked, the claims it
covers linked to their paragraphs, its records with the quotes that carry each fact),
the verdict log, and a schema.org ``ClaimReview`` for every claim with a verdict.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections import Counter

from markdown.treeprocessors import Treeprocessor

from edition.extensions.base import EditionExtension, printing
from edition.extensions.notes import record_item
from edition.model.addresses import note_anchor, paragraph_label
from edition.model.claims import Claim, Ledger, claim_verdict
from edition.model.dates import parse_date
from edition.model.evidence import Evidence
from edition.model.register import VERDICTS, Note, Register
from edition.model.sentences import Sentence, account
from edition.model.verdict_log import VerdictLog
from edition.render.jsonld import claim_reviews, script_text
from edition.render.placeholders import PlaceholderPreprocessor

PLACEHOLDER = "[[sources]]"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """Make text safe to place in Markdown as plain words (never inside raw HTML)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def note_title(note: Note) -> str:
    """'Note 7' or 'Editorial note E3'."""
    return f"Editorial note {note.id}" if note.editorial else f"Note {note.id}"


def day(iso: str) -> str:
    """'2026-12-01' as ``<time>``: '1 December 2026'."""
    return f'<time datetime="{iso}">{parse_date(iso)}</time>'


def sources_markdown(
    register: Register,
    ledger: Ledger,
    sentences: list[Sentence],
    log: VerdictLog,
    reviews: dict | None = None,
    fold: bool = True,
) -> list[str]:
    """The whole generated part of the sources page, as Markdown lines.

    ``reviews`` is the ClaimReview JSON-LD, emitted as a script; None leaves it out
    (the print page, which has no use for it). ``fold``: the records' quotes folded
    (note_entry); the print page shows them.
    """
    by_note: dict[str, list[Claim]] = {}
    for claim in ledger.claims:
        for note_id in claim.notes:
            by_note.setdefault(note_id, []).append(claim)
    notes = list(register.notes.values())
    lines = summary(notes, ledger, register, sentences)
    for heading, group in (
        ("The author's notes", [n for n in notes if not n.editorial]),
        ("Editorial notes", [n for n in notes if n.editorial]),
    ):
        if group:
            anchor = "authors-notes" if group[0].id.isdigit() else "editorial-notes"
            lines += [f"## {heading} {{ #{anchor} }}", ""]
            for note in group:
                lines += note_entry(note, by_note.get(note.id, []), register, fold)
    lines += verdict_log(log, register, ledger)
    if reviews is not None:
        # A raw HTML block: kept out of the search index, read by machines only.
        lines += [
            '<script type="application/ld+json" class="edition-claimreview editorial" '
            f"data-search-exclude>{script_text(reviews)}</script>",
            "",
        ]
    return lines


def summary(
    notes: list[Note], ledger: Ledger, register: Register, sentences: list[Sentence]
) -> list[str]:
    """Counts a reader can check the whole apparatus against."""
    records = [record for note in notes for record in note.records]
    urls = {record.url for record in records}
    primary = {record.url for record in records if record.primary}
    note_verdicts = Counter(note.verdict for note in notes)
    claim_verdicts = Counter(claim_verdict(claim, register) for claim in ledger.claims)
    editorial = sum(note.editorial for note in notes)
    dated = sum(claim.date is not None for claim in ledger.claims)
    kinds = Counter(sentence.kind for sentence in sentences)

    def tally(counter: Counter) -> str:
        return " · ".join(f"{verdict} {counter[verdict]}" for verdict in VERDICTS)

    return [
        "## Summary { #summary }",
        "",
        "| What | Count |",
        "| --- | --- |",
        f"| Sentences of the paper | {len(sentences)}: {kinds['claim']} with at least one "
        f"registered claim, {kinds['analysis']} wholly the author's analysis |",
        f"| Claims registered | {len(ledger.claims)} ({dated} dated, shown on the timeline) |",
        f"| Analysis registered | {len(ledger.analysis)} passages of the author's judgement, "
        "forecast or framing, which need no note |",
        f"| Notes | {len(notes) - editorial} by the author, {editorial} editorial |",
        f"| Records | {len(urls)} distinct public records, {len(primary)} of them primary |",
        f"| Verdicts on notes | {tally(note_verdicts)} |",
        f"| Verdicts on claims | {tally(claim_verdicts)} |",
        "",
        'For download: the claims ledger, <a href="claims.json" download>claims.json</a> · '
        '<a href="claims.csv" download>claims.csv</a> (entry, kind, address, wording, notes, '
        "verdict, date checked, evidence, records), and the "
        '<a href="#verdict-log">verdict log</a>, '
        '<a href="verdict-log.json" download>verdict-log.json</a> · '
        '<a href="verdict-log.csv" download>verdict-log.csv</a>.',
        "",
    ]


def note_entry(note: Note, claims: list[Claim], register: Register, fold: bool = True) -> list[str]:
    """One note's entry: heading, verdict, claims covered, records with their evidence.

    ``fold``: each record's quotes in a closed disclosure (on screen); False on paper.
    """
    lines = [f"### {note_title(note)} {{ #{note_anchor(note.id)} }}", ""]
    if note.verdict:
        # Raw HTML: Markdown is not read inside it, so the text is HTML-escaped.
        checked = f' <span class="checked">Checked {day(note.checked)}.</span>'
        lines += [
            f'<p class="verdict verdict--{note.verdict.replace(" ", "-")}"><strong>Verdict: '
            f"{note.verdict}.</strong> {html.escape(note.qualification, quote=False)}"
            f"{checked if note.checked else ''}</p>",
            "",
        ]
    lines += [
        f"*The paper asserts:* {escape(note.claim)}",
        "",
        "*Claims this note covers:*",
        "",
    ]
    records = {record.url: record for record in register.notes[note.id].records}
    for claim in claims:
        link = f"[{paragraph_label(claim.anchor)}]({claim.page}.md#{claim.anchor})"
        line = f"- {link} “{escape(claim.text)}”"
        if claim.verdict:
            line += f" — *{claim.verdict}:* {escape(claim.qualification)}"
            if claim.checked:
                line += f" Checked {day(claim.checked)}."
        lines.append(line)
        if claim.evidence:
            claim_records = {
                record.url: record
                for note_id in claim.notes
                if note_id in register.notes
                for record in register.notes[note_id].records
            }
            for item in claim.evidence:
                lines += ["", *claim_evidence(item, claim_records), ""]
    if not claims:
        lines.append("- (none registered)")
    lines += ["", "*Records:*", ""]
    if note.records:
        # The same records are in the note bodies on the paper's pages, which search
        # indexes: indexing them here too doubled the index every page load fetches.
        items = etree.Element("ol", {"class": "note-records", "data-search-exclude": ""})
        for record in records.values():
            item = record_item(record)
            quotes = [evidence_quote(e) for e in note.evidence if e.record == record.url]
            if quotes and fold:
                item.append(folded(quotes))
            else:
                item.extend(quotes)
            items.append(item)
        lines += [etree.tostring(items, encoding="unicode", method="html"), ""]
    else:
        lines += ["No public record was found.", ""]
    return lines


def full_stop(text: str) -> str:
    """End a fact with one full stop, whether or not it was written with one."""
    return text if text.endswith((".", "!", "?")) else text + "."


def folded(quotes: list[etree.Element]) -> etree.Element:
    """A record's quotes in a closed ``<details>``, a reader opens them.

    At rest the page lists what each note rests on. Chromium opens the disclosure for
    a text fragment or find-in-page, Material for printing.
    """
    details = etree.Element("details", {"class": "evidence-quotes"})
    etree.SubElement(details, "summary").text = "Quoted evidence"
    details.extend(quotes)
    return details


def evidence_quote(evidence: Evidence) -> etree.Element:
    """The record's own words as a quotation, with where they stand and what they show."""
    quote = etree.Element("blockquote", {"class": "evidence"})
    # dir="auto": Arabic and Persian quotes run right to left, their marks where they belong.
    etree.SubElement(quote, "p", {"dir": "auto"}).text = evidence.quote
    # No <small>: the theme dims blockquotes already, and smaller dimmed text fails contrast.
    footer = etree.SubElement(quote, "footer")
    footer.text = f"— Where: {evidence.where}. The fact it carries: {full_stop(evidence.fact)}"
    return quote


def claim_evidence(evidence: Evidence, records: dict) -> list[str]:
    """A claim's own evidence as a Markdown quotation inside its list item."""
    record = records.get(evidence.record)
    title = escape(record.title) if record else escape(evidence.record)
    return [
        f"    > {escape(evidence.quote)}",
        "    >",
        f"    > — [{title}](<{evidence.record}>). Where: {escape(evidence.where)}. "
        f"The fact it carries: {escape(full_stop(evidence.fact))}",
    ]


def verdict_log(log: VerdictLog, register: Register, ledger: Ledger) -> list[str]:
    """The public log of verdicts: date, note or claim, old → new, reason."""
    claims = {claim.id: claim for claim in ledger.claims}
    lines = [
        "## Verdict log { #verdict-log }",
        "",
        "Every change of a verdict, or of the qualification that explains it, oldest first: "
        "a reader who cited a verdict can see whether it moved. A verdict marked unchanged "
        "kept its value while the qualification that explains it was corrected.",
        "",
    ]
    if not log.changes:
        return [*lines, "No verdict has changed yet.", ""]
    lines += ["| Date | Note or claim | Verdict | Reason |", "| --- | --- | --- | --- |"]
    for change in log.changes:
        if change.id in register.notes:
            what = f"[{note_title(register.notes[change.id])}](#{note_anchor(change.id)})"
        elif change.id in claims:
            claim = claims[change.id]
            what = f"claim [{escape(claim.id)}]({claim.page}.md#{claim.anchor})"
        else:
            what = escape(change.id)
        verdict = f"{change.old} → {change.new}"
        if change.old == change.new:
            verdict = f"{change.new}, unchanged"
        lines.append(f"| {day(change.date)} | {what} | {verdict} | {escape(change.reason)} |")
    return [*lines, ""]


_FOLD = "_edition_fold_claim_quotes"  # set while the page being rendered is /sources/


class FoldClaimQuotes(Treeprocessor):
    """Each claim's own quotes folded under it, as the records' are (``folded``).

    They are Markdown quotations inside the claim's list item (``claim_evidence``), so
    they are folded here, once parsed, rather than written as HTML the list would wrap.
    """

    def run(self, root: etree.Element) -> None:
        """Fold the quotations of every list item, on /sources/ only."""
        if not getattr(self.md, _FOLD, False):
            return
        setattr(self.md, _FOLD, False)
        for item in root.iter("li"):
            quotes = [child for child in item if child.tag == "blockquote"]
            for quote in quotes:
                item.remove(quote)
            if quotes:
                item.append(folded(quotes))


class SourcesExtension(EditionExtension):
    """Register the ``[[sources]]`` placeholder."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        """Run before block parsing so the generated Markdown is parsed like any page."""

        def render() -> list[str]:
            edition = self.edition()
            setattr(md, _FOLD, not printing(md))
            reviews = None
            if not printing(md) and edition.paper is not None:
                reviews = claim_reviews(
                    edition.ledger, edition.register, edition.paper, edition.site
                )
            return sources_markdown(
                edition.register,
                edition.ledger,
                account(edition.paper_pages, edition.ledger),
                edition.verdict_log,
                reviews,
                fold=not printing(md),
            )

        preprocessor = PlaceholderPreprocessor(md, PLACEHOLDER, render)
        md.preprocessors.register(preprocessor, "edition_sources", 25)
        md.treeprocessors.register(FoldClaimQuotes(md), "edition_sources_fold", 5)


def makeExtension(**kwargs) -> SourcesExtension:  # noqa: N802 - Python-Markdown's API name
    """Entry point used by ``markdown_extensions: - edition.sources_page``."""
    return SourcesExtension(**kwargs)
