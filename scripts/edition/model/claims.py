"""The claims ledger (``data/claims.yml``): every factual claim, where it is, what sources it.

A claim is a run of the author's exact words in one paragraph, registered with the
notes that cover it. Dated claims (``date`` + ``event``) are also the paper's events
on the timeline: their date and note live here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from edition.model.dates import Span, parse_span
from edition.model.evidence import Evidence, Inference, parse_evidence, parse_inferences
from edition.model.fields import Fields
from edition.model.problems import Problem
from edition.model.register import CHECKED_WHY, EVIDENCE_WHY, NOTE_ID_RE, VERDICTS, Register
from edition.model.yaml_source import LineDict, LineList, load_list

LEDGER_PATH = "data/claims.yml"
KINDS = ("claim", "analysis")
CLAIM_FIELDS = Fields(
    "claim",
    required=("id", "page", "anchor", "text", "notes"),
    optional=(
        "kind",
        "verdict",
        "qualification",
        "checked",
        "evidence",
        "inferences",
        "date",
        "event",
        "summary",
    ),  # fmt: skip
    text=("id", "page", "anchor", "text", "qualification", "event", "summary"),
    days=("checked",),
    requires=(("verdict", "checked", CHECKED_WHY), ("qualification", "evidence", EVIDENCE_WHY)),
    entry_id=True,
)
# The author's judgement, forecast or framing: accounted for, labelled, needing no note.
ANALYSIS_FIELDS = Fields(
    "analysis",
    required=("id", "page", "anchor", "text", "kind"),
    text=("id", "page", "anchor", "text"),
    entry_id=True,
    unknown_hint=(
        "; analysis is the author's judgement and carries no notes, verdict or date: "
        "remove the key, or make the entry kind: claim"
    ),
)


@dataclass(frozen=True)
class Claim:
    """One ledger entry: a factual claim with its notes, or the author's analysis."""

    id: str
    line: int
    page: str  # docs/<page>.md
    anchor: str  # paragraph id on that page
    text: str  # whitespace-normalised author's words
    notes: tuple[str, ...]
    kind: str = "claim"  # or "analysis": no notes, verdict, date
    verdict: str = ""  # only when it differs from the note's
    qualification: str = ""
    checked: str = ""  # with an own verdict: "YYYY-MM-DD"
    evidence: tuple[Evidence, ...] = ()
    inferences: tuple[Inference, ...] = ()  # sentences carried by a search, not a quote
    qualification_line: int = field(default=0, compare=False)  # where it is written
    date: Span | None = None
    event: str = ""  # timeline title of a dated claim
    summary: str = ""  # one sentence in the edition's words, for the timeline


@dataclass
class Ledger:
    """The validated entries in file order, and every problem found while loading."""

    entries: list[Claim] = field(default_factory=list)  # claims and analysis
    problems: list[Problem] = field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        """The factual claims, each with its notes (analysis left out)."""
        return [entry for entry in self.entries if entry.kind == "claim"]

    @property
    def analysis(self) -> list[Claim]:
        """The author's judgement, forecast or framing."""
        return [entry for entry in self.entries if entry.kind == "analysis"]


def claim_verdict(claim: Claim, register: Register) -> str:
    """The claim's own verdict, else the verdict of its first note that has one."""
    if claim.verdict:
        return claim.verdict
    verdicts = [register.notes[n].verdict for n in claim.notes if n in register.notes]
    return next((v for v in verdicts if v), "")


@dataclass(frozen=True)
class Review:
    """The edition's review of one claim: its own, or that of the note it takes it from."""

    verdict: str
    qualification: str
    checked: str  # "YYYY-MM-DD"
    evidence: tuple[Evidence, ...]
    records: dict  # url → Record, of the claim's notes: what evidence may name
    note: str = ""  # the note whose verdict it is; "" for the claim's own


def claim_review(claim: Claim, register: Register) -> Review | None:
    """The review a reader finds for ``claim``, or None when it has no verdict."""
    notes = [register.notes[n] for n in claim.notes if n in register.notes]
    records = {record.url: record for note in notes for record in note.records}
    if claim.verdict:
        return Review(claim.verdict, claim.qualification, claim.checked, claim.evidence, records)
    note = next((note for note in notes if note.verdict), None)
    if note is None:
        return None
    return Review(
        note.verdict, note.qualification, note.checked, note.evidence, records, note=note.id
    )


def normalise(text: str) -> str:
    """Collapse whitespace so that line breaks never decide whether words match."""
    return " ".join(text.split())


def load_ledger(root: Path) -> Ledger:
    """Load and validate the ledger under project ``root``."""
    ledger = Ledger()
    entries, ledger.problems = load_list(root, LEDGER_PATH, "claims")

    def problem(line: int, message: str) -> None:
        ledger.problems.append(Problem(LEDGER_PATH, line, message))

    seen: dict[str, int] = {}
    for entry, line in zip(entries, entries.item_lines, strict=True):
        claim = _claim(entry, line, problem)
        if claim is None:
            continue
        if claim.id in seen:
            problem(line, f"duplicate claim id {claim.id!r} (first at line {seen[claim.id]})")
            continue
        seen[claim.id] = line
        ledger.entries.append(claim)
    return ledger


def _claim(entry: object, line: int, problem) -> Claim | None:
    """Validate one ledger entry; report every problem; return the Claim if usable."""
    if not isinstance(entry, LineDict):
        problem(line, "each claim must be a mapping with id, page, anchor, text and notes")
        return None
    claim_id = entry.get("id")
    kind = entry.get("kind", "claim")
    if kind not in KINDS:
        problem(
            entry.key_lines["kind"],
            f"claim {claim_id}: kind {kind!r} must be 'claim' (a fact, with its notes) or "
            "'analysis' (the author's judgement, forecast or framing)",
        )
        return None
    if kind == "analysis":
        if not ANALYSIS_FIELDS.check(entry, f"analysis {claim_id}:", problem):
            return None
        return Claim(
            id=claim_id,
            line=line,
            page=entry["page"].strip(),
            anchor=entry["anchor"].strip(),
            text=normalise(entry["text"]),
            notes=(),
            kind="analysis",
        )
    label = f"claim {claim_id}"
    ok = CLAIM_FIELDS.check(entry, f"{label}:", problem)
    notes = entry.get("notes")
    if "notes" in entry:
        if not isinstance(notes, LineList) or not notes:
            problem(entry.key_lines["notes"], f"{label}: 'notes' must be a non-empty list")
            ok = False
        elif bad := [n for n in notes if not NOTE_ID_RE.match(str(n))]:
            problem(entry.key_lines["notes"], f"{label}: note ids {bad} must be 1, 2… or E1, E2…")
            ok = False
    if "verdict" in entry and entry["verdict"] not in VERDICTS:
        problem(
            entry.key_lines["verdict"], f"{label}: verdict must be one of {', '.join(VERDICTS)}"
        )
        ok = False
    if ("verdict" in entry) != ("qualification" in entry):
        problem(line, f"{label}: a claim's own verdict needs a qualification, and vice versa")
        ok = False
    span, date_ok = date_field(entry, label, problem)
    evidence, evidence_ok = parse_evidence(entry, label, problem)
    inferences, inferences_ok = parse_inferences(entry, label, problem)
    ok = ok and date_ok and evidence_ok and inferences_ok
    if len({"date" in entry, "event" in entry, "summary" in entry}) > 1:
        problem(
            line,
            f"{label}: 'date', 'event' and 'summary' go together (a dated claim is a paper "
            "event on the timeline: its date, title and one sentence)",
        )
        ok = False
    if not ok:
        return None
    return Claim(
        id=claim_id,
        line=line,
        page=entry["page"].strip(),
        anchor=entry["anchor"].strip(),
        text=normalise(entry["text"]),
        notes=tuple(str(n) for n in notes),
        verdict=entry.get("verdict", ""),
        qualification=normalise(entry.get("qualification", "")),
        checked=entry.get("checked", ""),
        evidence=evidence,
        inferences=inferences,
        qualification_line=entry.key_lines.get("qualification", line),
        date=span,
        event=normalise(entry.get("event", "")),
        summary=normalise(entry.get("summary", "")),
    )


def date_field(entry: LineDict, label: str, problem) -> tuple[Span | None, bool]:
    """The entry's optional ``date`` (within 2004–2018), and whether it was valid."""
    if "date" not in entry:
        return None, True
    try:
        return parse_span(entry["date"]), True
    except ValueError as error:
        problem(entry.key_lines["date"], f"{label}: {error}")
        return None, False
