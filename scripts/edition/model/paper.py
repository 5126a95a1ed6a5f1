"""The paper's bibliographic facts, written once in ``mkdocs.yml`` under ``extra.paper``.

Citations (cite boxes, BibTeX, RIS), the JSON-LD record and the ``citation_*`` tags in
``overrides/main.html`` all read the same facts: the templates through
``config.extra.paper``, Python through the edition model (``Edition.paper``). No MkDocs
import: the check, the Markdown extensions and the command line use it alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.model.addresses import absolute
from edition.model.config import CONFIG
from edition.model.problems import Problem
from edition.model.yaml_source import LineDict

# Every key is required: a citation missing its place or date is a wrong citation.
PAPER_KEYS = {
    "title": "the title in headline capitalisation (Chicago, BibTeX, RIS, metadata)",
    "title_sentence_case": "the same title in sentence case (APA)",
    "author": "the author, an organisation",
    "publisher": "the publisher",
    "place": "the place of publication",
    "date": "the publication date as YYYY-MM",
    "genre": "the kind of document, e.g. 'Policy paper'",
    "language": "the language code of the text, e.g. 'en'",
    "original_url": "the paper's page on the publisher's site",
    "online_date": "the date this edition went online, YYYY-MM-DD",
}
DATE_FORMATS = {
    "date": re.compile(r"^\d{4}-\d{2}$"),
    "online_date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
}
MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True)
class Paper:
    """What a citation of the paper, or of one of its sections, needs."""

    title: str
    title_sentence_case: str
    author: str
    publisher: str
    place: str
    date: str  # YYYY-MM
    genre: str
    language: str
    original_url: str
    online_date: str  # YYYY-MM-DD
    site_url: str  # the edition's address, ending in "/"

    @property
    def year(self) -> str:
        """'2018'."""
        return self.date[:4]

    @property
    def month(self) -> int:
        """8 for August."""
        return int(self.date[5:7])

    @property
    def month_name(self) -> str:
        """'August'."""
        return MONTHS[self.month - 1]

    def url(self, page: str, anchor: str = "") -> str:
        """Absolute address of a page by name ('index', 'evolution'), with an optional id."""
        return absolute(self.site_url, page, anchor)


def paper_problems(config: LineDict) -> list[Problem]:
    """Every missing or malformed fact under ``extra.paper``, with its line."""
    extra = config.get("extra")
    paper = extra.get("paper") if isinstance(extra, LineDict) else None
    if not isinstance(paper, LineDict):
        line = config.key_lines.get("extra", 1)
        return [Problem(CONFIG, line, "needs 'extra: paper:' with the paper's facts for citations")]
    problems = [
        Problem(CONFIG, paper.line, f"extra.paper needs '{key}': {meaning}")
        for key, meaning in PAPER_KEYS.items()
        if not isinstance(paper.get(key), str) or not paper[key].strip()
    ]
    problems += [
        Problem(CONFIG, paper.key_lines[key], f"extra.paper: unknown key {key!r}")
        for key in paper
        if key not in PAPER_KEYS
    ]
    for key, pattern in DATE_FORMATS.items():
        value = paper.get(key)
        if isinstance(value, str) and not pattern.match(value):
            shape = "YYYY-MM" if key == "date" else "YYYY-MM-DD"
            problems.append(
                Problem(CONFIG, paper.key_lines[key], f"extra.paper.{key} must be {shape}")
            )
    if not str(config.get("site_url") or "").startswith(("http://", "https://")):
        line = config.key_lines.get("site_url", 1)
        problems.append(Problem(CONFIG, line, "site_url must be the edition's absolute address"))
    return problems


def paper_from_config(config: LineDict) -> Paper | None:
    """The paper's facts, or None when they are incomplete (``paper_problems`` says why)."""
    if paper_problems(config):
        return None
    facts = config["extra"]["paper"]
    return Paper(
        **{key: " ".join(facts[key].split()) for key in PAPER_KEYS},
        site_url=str(config["site_url"]).rstrip("/") + "/",
    )
