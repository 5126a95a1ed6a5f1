"""Read the edition's Markdown pages into what the checks need, with line numbers.

A page is front matter plus blocks. Blocks of the author's text are paragraphs and
headings; each must carry an explicit id written in the Markdown: ``{ #id }`` at the
end of a heading, ``{: #id }`` on the last line of a paragraph. Editorial blocks
(``<div class="editorial…" markdown>`` … ``</div>``) and other raw HTML are skipped:
they are the edition's words, not the author's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from edition.model.addresses import page_path
from edition.model.problems import Problem, SourceError
from edition.model.yaml_source import LineDict, load_yaml_text

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([^\s}]+)\s*\})?\s*$")
PARA_ID_RE = re.compile(r"^\{:\s*#([^\s}]+)\s*\}\s*$")
ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# A note reference in the Markdown: [^7] (the author's note 7) or [^E3] (editorial).
NOTE_REF_RE = r"\[\^([1-9][0-9]*|E[1-9][0-9]*)\]"
NOTE_REF = re.compile(NOTE_REF_RE)


@dataclass(frozen=True)
class Block:
    """A heading or paragraph of the author's text."""

    kind: str  # "heading" or "paragraph"
    line: int  # first line of the block
    text: str  # the words, lines joined with single spaces, id markup removed
    anchor: str  # explicit id, "" when missing
    anchor_line: int

    @property
    def words(self) -> str:
        """The author's words: note references removed, whitespace collapsed."""
        return page_words(self.text)

    @property
    def note_positions(self) -> list[tuple[int, str]]:
        """(offset in ``words``, note id) of every note reference, in order."""
        positions, removed = [], 0
        for match in NOTE_REF.finditer(self.text):
            positions.append((match.start() - removed, match.group(1)))
            removed += match.end() - match.start()
        return positions


@dataclass
class Page:
    """One Markdown page of the edition."""

    path: str  # relative to the project root, e.g. docs/evolution.md
    source: str = ""  # the whole file as written
    meta: LineDict = field(default_factory=LineDict)
    blocks: list[Block] = field(default_factory=list)
    note_refs: list[tuple[str, int]] = field(default_factory=list)  # (note id, line)
    problems: list[Problem] = field(default_factory=list)

    @property
    def url(self) -> str:
        """Public URL path of the page: ``/``, ``/evolution/`` and so on."""
        return page_path(self.name)

    @property
    def name(self) -> str:
        """The page's name as the ledger writes it: 'index', 'evolution' and so on."""
        return Path(self.path).stem

    @property
    def all_words(self) -> str:
        """Every word of the file, front matter and editorial blocks included."""
        return page_words(self.source)

    @property
    def is_paper(self) -> bool:
        """True for the pages that carry the author's text (front matter ``section``)."""
        return "section" in self.meta


def page_words(markdown: str) -> str:
    """The page source as words: note references dropped, whitespace collapsed."""
    return " ".join(NOTE_REF.sub("", markdown).split())


def read_page(root: Path, relative: str) -> Page:
    """Parse ``root / relative`` into a Page; problems are collected, not raised."""
    source = (root / relative).read_text(encoding="utf-8")
    page = Page(relative, source)
    lines = source.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            page.problems.append(Problem(relative, 1, "front matter is not closed by '---'"))
            return page
        try:
            meta = load_yaml_text("\n".join(lines[1:end]), relative, first_line=2)
        except SourceError as error:
            page.problems.append(error.problem)
            return page
        if isinstance(meta, LineDict):
            page.meta = meta
        start = end + 1
    _scan_body(page, lines, start)
    return page


def _scan_body(page: Page, lines: list[str], start: int) -> None:
    """Split the body into blocks and collect note references with their lines."""
    block: list[tuple[int, str]] = []
    html_depth = 0  # nesting of raw HTML blocks being skipped
    for index in range(start, len(lines)):
        number, line = index + 1, lines[index]
        for match in NOTE_REF.finditer(line):
            page.note_refs.append((match.group(1), number))
        stripped = line.strip()
        if html_depth or (not block and stripped.startswith("<")):
            html_depth += len(re.findall(r"<div\b", line)) - len(re.findall(r"</div>", line))
            html_depth = max(html_depth, 0)
            continue
        if not stripped:
            _close(page, block)
            block = []
        elif not block and stripped.startswith("#"):
            _close(page, [(number, line)])
        else:
            block.append((number, line))
    _close(page, block)


def _close(page: Page, block: list[tuple[int, str]]) -> None:
    """Turn collected lines into a Block."""
    if not block:
        return
    first_line, first = block[0]
    heading = HEADING_RE.match(first.strip())
    if heading and len(block) == 1:
        _, text, anchor = heading.groups()
        page.blocks.append(Block("heading", first_line, text, anchor or "", first_line))
        return
    last_line, last = block[-1]
    marker = PARA_ID_RE.match(last.strip())
    body = block[:-1] if marker else block
    text = " ".join(line.strip() for _, line in body)
    anchor = marker.group(1) if marker else ""
    page.blocks.append(Block("paragraph", first_line, text, anchor, last_line))
