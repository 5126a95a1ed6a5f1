"""Only records read, every qualification sentence carried, valid addresses; the counts.

Each damage case breaks one rule of the second reading on a copy of the real project and
asserts the check's one line (file, line, what to do), its exit code and that nothing else
went wrong (no traceback). The counts a reader sees on /sources/ and on the home page are
compared with the model's, never with numbers written here.
"""

from __future__ import annotations

import re
from collections import Counter

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, edit
from edition.checks.sourcing import qualification_sentences
from edition.cli import main
from edition.extensions.base import PACKAGE
from edition.model.claims import claim_verdict
from edition.model.config import read_config
from edition.model.edition import load_edition
from edition.model.register import VERDICTS
from edition.model.urls import address_problem
from test_check import line_of
from test_sources_page import render_sources, summary_row

E11_QUOTE = "it has a three-tiered organizational structure which includes the CTS headquarters"
JORDAN = "https://jordantimes.com/news/local/350-iraqi-officers-be-trained-jordan-november"


def research_line(project, url: str) -> int:
    """Line of a record's entry in the research file."""
    return line_of(project / "source/research.yml", f"- url: {url}")


def drop_research_entry(project, url: str) -> None:
    """Remove one record's entry (its '- url:' line and the keys under it)."""
    path = project / "source/research.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"- url: {url}")
    end = start + 1
    while lines[end].startswith("  "):
        end += 1
    path.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")


def first_evidence_line(project, note_id: str, record: str) -> int:
    note = load_edition(project).register.notes[note_id]
    return next(e.line for e in note.evidence if e.record == record)


DOCPLAYER = "http://docplayer.net/307535-The-iraqi-counter-terrorism-service-by-david-witty.html"

# name: (damage, reported file, the line it names (from the damaged copy), message part)
CASES = {
    "evidence quotes a record with no research entry": (
        lambda p: drop_research_entry(p, DOCPLAYER),
        "data/notes.yml",
        lambda p: first_evidence_line(p, "E11", DOCPLAYER),
        f"note E11: evidence quotes record {DOCPLAYER}, which has no entry in "
        "source/research.yml; add the record to source/research.yml with the day its copy "
        "was read (seen, copy, read), or remove the evidence",
    ),
    "evidence quotes a record listed as not seen": (
        lambda p: edit(
            p / "source/research.yml",
            f"- url: {DOCPLAYER}\n  seen: '2026-12-08'\n",
            f"- url: {DOCPLAYER}\n  seen: not seen\n  why: no copy could be read\n",
        ),
        "data/notes.yml",
        lambda p: first_evidence_line(p, "E11", DOCPLAYER),
        "lists as not seen; quote only a copy that was read, or remove the evidence",
    ),
    "empty quote": (
        lambda p: edit(p / "data/notes.yml", f'quote: "{E11_QUOTE}', 'quote: "" #'),
        "data/notes.yml",
        lambda p: line_of(p / "data/notes.yml", 'quote: "" #'),
        "note E11: evidence 'quote' must be non-empty text",
    ),
    "qualification sentence carried by nothing": (
        lambda p: edit(
            p / "data/notes.yml",
            "      Oil Police.\n",
            "      Oil Police. NATO trained the Special Operations Forces at Taji.\n",
        ),
        "data/notes.yml",
        lambda p: load_edition(p).register.notes["E11"].qualification_line,
        "note E11: sentence 4 of the qualification (“NATO trained the Special Operations "
        "Forces at Taji.”) names no evidence; add its number to the 'sentences' of the "
        "evidence that carries it, or an inference naming a search, or remove the sentence",
    ),
    "evidence names a sentence the qualification lacks": (
        lambda p: edit(
            p / "data/notes.yml",
            "the Counter-Terrorism Service commands Iraq's Special Operations Forces brigades\"\n"
            "        sentences: [1]",
            "the Counter-Terrorism Service commands Iraq's Special Operations Forces brigades\"\n"
            "        sentences: [9]",
        ),
        "data/notes.yml",
        lambda p: first_evidence_line(p, "E11", DOCPLAYER),
        "note E11: 'sentences' names sentence 9, but the qualification has 3",
    ),
    "inference names a search the research file lacks": (
        lambda p: edit(
            p / "data/notes.yml",
            "        search: e-governance\n",
            "        search: e-government\n",
        ),
        "data/notes.yml",
        lambda p: load_edition(p).register.notes["E12"].inferences[0].line,
        "note E12: inference names search 'e-government', which source/research.yml does "
        "not list; write the search down there",
    ),
    "inference worded as a fact": (
        lambda p: edit(
            p / "data/notes.yml",
            "institutions. No\n      record was found of NATO introducing e-governance",
            "institutions. NATO\n      never introduced e-governance",
        ),
        "data/notes.yml",
        lambda p: load_edition(p).register.notes["E12"].qualification_line,
        "is carried by a search, not a quote, but states a fact; word it as an inference "
        "(“no record found places …”)",
    ),
    "note record host with a trailing dot": (
        lambda p: edit(
            p / "data/notes.yml",
            f"        url: {JORDAN}-%E2%80%94-nato\n        primary: false\n    checked: "
            '"2026-12-08"',
            f"        url: {JORDAN.replace('.com/', '.com./')}-%E2%80%94-nato\n"
            '        primary: false\n    checked: "2026-12-08"',
        ),
        "data/notes.yml",
        lambda p: line_of(p / "data/notes.yml", "url: https://jordantimes.com./"),
        "note 7: host 'jordantimes.com.' of 'https://jordantimes.com./news/local/350-iraqi-"
        "officers-be-trained-jordan-november-%E2%80%94-nato' ends with a dot; remove the "
        "trailing dot",
    ),
    "timeline record host without a top-level domain": (
        lambda p: edit(
            p / "data/timeline.yml",
            "url: https://www.thedefensepost.com/",
            "url: https://thedefensepost/",
        ),
        "data/timeline.yml",
        lambda p: line_of(p / "data/timeline.yml", "url: https://thedefensepost/"),
        "event fortin-named: host 'thedefensepost' of 'https://thedefensepost/2018/08/22/"
        "canada-major-general-fortin-lead-nato-iraq-mission/' has no top-level domain",
    ),
    "research record address with a space in its host": (
        lambda p: edit(
            p / "source/research.yml",
            f"- url: {DOCPLAYER}\n",
            "- url: http://docplayer .net/307535\n",
        ),
        "source/research.yml",
        lambda p: research_line(p, "http://docplayer .net/307535"),
        "research record: 'http://docplayer .net/307535' contains a space",
    ),
    "record address with a scheme that is not http or https": (
        lambda p: edit(
            p / "data/notes.yml",
            "        url: https://www.pm.gc.ca/en/news/backgrounders/2018/07/11/canadas-"
            "leadership-iraq\n",
            "        url: ftp://www.pm.gc.ca/en/news/backgrounders/2018/07/11/canadas-"
            "leadership-iraq\n",
        ),
        "data/notes.yml",
        lambda p: line_of(p / "data/notes.yml", "url: ftp://www.pm.gc.ca/"),
        "note 4: url 'ftp://www.pm.gc.ca/en/news/backgrounders/2018/07/11/canadas-"
        "leadership-iraq' must start with http(s)://",
    ),
    "research record seen without a day or 'not seen'": (
        lambda p: edit(
            p / "source/research.yml",
            f"- url: {DOCPLAYER}\n  seen: '2026-12-08'\n",
            f"- url: {DOCPLAYER}\n  seen: yesterday\n",
        ),
        "source/research.yml",
        lambda p: research_line(p, DOCPLAYER) + 1,
        "'seen' must be a quoted day date",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_reports_the_damage_in_one_line(case, project, capsys):
    damage, report, locate, message = CASES[case]
    damage(project)
    assert main(["check", "--root", str(project)]) == 1
    lines = capsys.readouterr().err.splitlines()
    prefix = f"{report}:{locate(project)}: "
    hits = [line for line in lines if line.startswith(prefix) and message in line]
    assert len(hits) == 1, f"expected {prefix}…{message} once in:\n" + "\n".join(lines)
    assert not any("Traceback" in line for line in lines)


def test_the_real_project_passes_and_every_quote_has_a_record_read(capsys):
    assert main(["check", "--root", str(ROOT)]) == 0
    assert "sources OK" in capsys.readouterr().out
    edition = load_edition(ROOT)
    research = edition.research
    reviewed = [*edition.register.notes.values(), *edition.ledger.claims]
    quoted = {e.record for entry in reviewed for e in entry.evidence}
    assert quoted <= {url for url, r in research.records.items() if r.was_seen}
    # Every sentence of every qualification is carried, and by existing sentences only.
    for entry in reviewed:
        if not entry.qualification:
            continue
        count = len(qualification_sentences(entry.qualification))
        carried = {n for item in (*entry.evidence, *entry.inferences) for n in item.sentences}
        assert carried == set(range(1, count + 1)), entry.id


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://www.nato.int/cps/en/natohq/news_140607.htm?selectedLocale=en", None),
        ("http://unis.unvienna.org/unis/en/pressrels/2004/sc8117.html", None),
        ("https://jordantimes.com./news/local/x", "ends with a dot"),
        ("https://nato/int", "no top-level domain"),
        ("https://nato .int/", "contains a space"),
        ("ftp://nato.int/", "must start with http(s)://"),
        ("https://nato..int/", "not a valid name"),
        ("https:/nato.int/", "must start with http(s)://"),
    ],
)
def test_an_address_is_judged_by_its_scheme_and_host(url, problem):
    found = address_problem(url)
    assert (found is None) if problem is None else (problem in found), found


def test_the_verdict_counts_on_sources_are_the_models():
    edition = load_edition(ROOT)
    page = render_sources()
    notes = Counter(note.verdict for note in edition.register.notes.values())
    claims = Counter(claim_verdict(c, edition.register) for c in edition.ledger.claims)
    for row, counter in (("Verdicts on notes", notes), ("Verdicts on claims", claims)):
        shown = summary_row(page, row)
        assert shown == " · ".join(f"{v} {counter[v]}" for v in VERDICTS), shown
    records = {r.url for note in edition.register.notes.values() for r in note.records}
    assert summary_row(page, "Records").startswith(f"{len(records)} distinct public records")


def test_the_verdict_counts_on_the_home_page_are_the_models():
    configured = []
    for item in read_config(ROOT)["markdown_extensions"]:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        options = dict(options or {})
        if name.startswith(PACKAGE):
            options["root"] = str(ROOT)
        configured.append((name, options))
    body = (ROOT / "docs/index.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    html = markdown.Markdown(
        extensions=[name for name, _ in configured],
        extension_configs={name: options for name, options in configured if options},
    ).convert(body)
    chart = BeautifulSoup(html, "html.parser").select_one(".verdict-chart")
    notes = Counter(n.verdict for n in load_edition(ROOT).register.notes.values())
    caption = re.sub(r"\s+", " ", chart.figcaption.get_text())
    for verdict in VERDICTS:
        assert f"{notes[verdict]} {verdict}" in caption, caption
    shown = [int(span.get_text()) for span in chart.select(".verdict-count")]
    assert shown == [notes[verdict] for verdict in VERDICTS]
