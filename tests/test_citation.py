"""References in four styles, and the paper's facts they are built from (``extra.paper``)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT, edit
from edition.checks.project import check_project
from edition.model.config import read_config
from edition.model.edition import load_edition
from edition.model.paper import Paper, paper_problems
from edition.render.citation import Cited, apa, bibtex, chicago, plain, ris

PAPER = Paper(
    title="Prospects for Strategic Partnership between Iraq and NATO",
    title_sentence_case="Prospects for strategic partnership between Iraq and NATO",
    author="Al-Bayan Center for Planning and Studies",
    publisher="Al-Bayan Center for Planning and Studies",
    place="Baghdad",
    date="2018-08",
    genre="Policy paper",
    language="en",
    original_url="http://www.bayancenter.org/en/2018/08/1636/",
    online_date="2026-11-28",
    site_url="https://e.example.org/",
)
URL = "https://e.example.org/cooperation/#cyber-security"
SECTION = Cited(PAPER, URL, "cyber-security", "Defence and cyber-security")
WHOLE = Cited(PAPER, "https://e.example.org/#title", "title")
DAY = date(2024, 8, 5)


def test_chicago_section_and_whole_paper():
    assert plain(chicago(SECTION), DAY) == (
        "Al-Bayan Center for Planning and Studies. “Defence and cyber-security.” In Prospects "
        "for Strategic Partnership between Iraq and NATO. Baghdad: Al-Bayan Center for "
        f"Planning and Studies, August 2018. Accessed August 5, 2024. {URL}."
    )
    assert plain(chicago(WHOLE), DAY).startswith(
        "Al-Bayan Center for Planning and Studies. Prospects for Strategic Partnership between "
        "Iraq and NATO. Baghdad:"
    )


def test_apa_uses_sentence_case_and_a_retrieval_date():
    assert plain(apa(SECTION), DAY) == (
        "Al-Bayan Center for Planning and Studies. (2018, August). Defence and cyber-security. "
        "In Prospects for strategic partnership between Iraq and NATO [Policy paper]. "
        f"Retrieved August 5, 2024, from {URL}"
    )


def test_bibtex_entry_keeps_capitals_and_carries_url_and_urldate():
    text = plain(bibtex(SECTION), DAY)
    assert text.startswith("@techreport{albayan2018-cyber-security,\n")
    fields = dict(
        (name.strip(), value.strip().rstrip(","))
        for name, value in (line.split("=", 1) for line in text.splitlines()[1:-1])
    )
    assert fields["author"] == "{{Al-Bayan Center for Planning and Studies}}"
    assert fields["title"] == "{{Prospects for Strategic Partnership between Iraq and NATO}}"
    assert fields["year"] == "{2018}" and fields["month"] == "aug"
    assert fields["url"] == "{" + URL + "}"
    assert fields["urldate"] == "{2024-08-05}"
    assert fields["note"] == "{Section ``Defence and cyber-security''}"
    assert text.count("{") == text.count("}")


def test_ris_record_is_a_report_with_section_url_and_access_date():
    lines = plain(ris(SECTION), DAY).splitlines()
    assert lines[0] == "TY  - RPRT" and lines[-1] == "ER  - "
    tags = dict(line.split("  - ", 1) for line in lines[:-1])
    assert tags["AU"] == "Al-Bayan Center for Planning and Studies"
    assert tags["SE"] == "Defence and cyber-security"
    assert tags["PY"] == "2018" and tags["DA"] == "2018/08"
    assert tags["UR"] == URL
    assert tags["Y2"] == "2024/08/05"


@pytest.mark.parametrize("style", [chicago, apa, bibtex, ris])
def test_without_a_date_each_style_says_where_the_access_date_goes(style):
    text = plain(style(SECTION))
    assert "[date of access]" in text
    assert URL in text


def test_the_real_facts_are_the_papers():
    paper = load_edition(ROOT).paper
    assert paper.title == "Prospects for Strategic Partnership between Iraq and NATO"
    assert paper.author == paper.publisher == "Al-Bayan Center for Planning and Studies"
    assert (paper.place, paper.year, paper.month_name) == ("Baghdad", "2018", "August")
    config = read_config(ROOT)
    assert paper.site_url == config["site_url"]
    # site_author (Material's <meta name=author>) is the same fact, not a second copy.
    assert config["site_author"] == paper.author


def test_paper_problems_name_the_missing_fact_and_bad_dates(project):
    edit(project / "mkdocs.yml", "    place: Baghdad\n", "")
    edit(project / "mkdocs.yml", 'date: "2018-08"', 'date: "August 2018"')
    messages = [p.message for p in paper_problems(read_config(project))]
    assert any(m.startswith("extra.paper needs 'place'") for m in messages)
    assert "extra.paper.date must be YYYY-MM" in messages
    assert any("extra.paper" in p.message for p in check_project(project))
