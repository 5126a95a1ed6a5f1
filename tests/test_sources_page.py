"""The sources page of the real project: counts, verdict log and ClaimReview JSON-LD.

Renders ``docs/sources.md`` with the extensions of ``mkdocs.yml``, as a build does, but
without a build: the page is data, and what a reader (or a fact-checking engine) relies
on is that its numbers and reviews say what the model holds.
"""

from __future__ import annotations

import json
import re

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from edition.extensions.base import PACKAGE
from edition.model.claims import claim_review
from edition.model.config import read_config
from edition.model.edition import load_edition
from edition.model.sentences import sentences


def render_sources(root=ROOT) -> BeautifulSoup:
    """The body of ``docs/sources.md`` under ``root`` as HTML, as the site renders it."""
    configured = []
    for item in read_config(ROOT)["markdown_extensions"]:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        options = dict(options or {})
        if name.startswith(PACKAGE):
            options["root"] = str(root)
        configured.append((name, options))
    text = (root / "docs/sources.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    html = markdown.Markdown(
        extensions=[name for name, _ in configured],
        extension_configs={name: options for name, options in configured if options},
    ).convert(body)
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def page():
    return render_sources()


@pytest.fixture(scope="module")
def edition():
    return load_edition(ROOT)


def summary_row(page, what: str) -> str:
    for row in page.select("table tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        if cells and cells[0] == what:
            return cells[1]
    raise AssertionError(f"no summary row {what!r}")


def test_sentence_counts_equal_the_sentences_of_the_paper_pages(page, edition):
    # Counted here from the pages themselves, with the check's own splitter.
    total = sum(
        len(sentences(block.words))
        for paper_page in edition.paper_pages
        for block in paper_page.blocks
        if block.kind == "paragraph" and block.anchor
    )
    row = summary_row(page, "Sentences of the paper")
    shown, claims, analysis = map(int, re.findall(r"\d+", row))
    assert (shown, claims + analysis) == (total, total), row
    assert claims and analysis  # both kinds exist in the paper
    assert summary_row(page, "Claims registered").startswith(f"{len(edition.ledger.claims)} ")
    analysis_row = summary_row(page, "Analysis registered")
    assert analysis_row.startswith(f"{len(edition.ledger.analysis)} ")


def claim_reviews(page) -> list[dict]:
    scripts = page.select('script[type="application/ld+json"].edition-claimreview')
    assert len(scripts) == 1
    assert scripts[0].has_attr("data-search-exclude")
    document = json.loads(scripts[0].string)
    assert document["@context"] == "https://schema.org"
    return document["@graph"]


def test_one_claim_review_per_claim_with_a_verdict(page, edition):
    reviews = claim_reviews(page)
    reviewed = [c for c in edition.ledger.claims if claim_review(c, edition.register)]
    # A demanding fact-checker expects every claim with a verdict, its own or its note's.
    assert len(reviewed) == len(edition.ledger.claims)
    assert [r["claimReviewed"] for r in reviews] == [c.text for c in reviewed]
    site = edition.site.url
    for review, claim in zip(reviews, reviewed, strict=True):
        expected = claim_review(claim, edition.register)
        assert review["@type"] == "ClaimReview"
        assert review["reviewRating"] == {"@type": "Rating", "alternateName": expected.verdict}
        appearance = review["itemReviewed"]["appearance"]["url"]
        assert appearance == f"{site}{claim.page}/#{claim.anchor}".replace("/index/", "/")
        assert (
            review["itemReviewed"]["author"]["name"] == "Al-Bayan Center for Planning and Studies"
        )
        assert review["datePublished"] == review["dateModified"] == expected.checked
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
        cited = [item["url"] for item in review.get("citation", [])]
        assert cited == list(dict.fromkeys(e.record for e in expected.evidence))
        assert all(
            item["name"] and item["@type"] == "CreativeWork" for item in review.get("citation", [])
        )


def test_verdict_log_table_lists_every_change(page, edition):
    heading = page.find(id="verdict-log")
    assert heading is not None and heading.name == "h2"
    table = heading.find_next("table")
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in table.select("tbody tr")
    ]
    changes = edition.verdict_log.changes
    assert len(rows) == len(changes) > 0
    for row, change in zip(rows, changes, strict=True):
        if change.old == change.new:
            assert row[2] == f"{change.new}, unchanged"
        else:
            assert row[2] == f"{change.old} → {change.new}"
        assert change.id in row[1]
        assert row[3] == change.reason


def test_qualifications_are_shown_as_written_not_markdown_escaped():
    # Raw HTML is not read as Markdown: a backslash escape would show to the reader. The
    # fixture project's note E1 has Markdown's special characters in its qualification.
    fixture = render_sources(ROOT / "tests/cases/_project")
    verdict = fixture.find(id="note-e1").find_next("p", class_="verdict").get_text()
    assert "its *partners across the globe*; none" in verdict
    assert "a [strategic] partner" in verdict
    assert "\\" not in verdict


def test_every_evidence_quote_stands_under_its_record(page, edition):
    quotes = {
        (note.id, e.record, e.quote)
        for note in edition.register.notes.values()
        for e in note.evidence
    }
    shown = set()
    for heading in page.select("h3[id^=note-]"):
        note_id = heading["id"].removeprefix("note-").upper()
        records = heading.find_next("ol", class_="note-records")
        for item in records.find_all("li", class_="record"):
            url = item.find("a", class_="record-title")["href"]
            for quote in item.select("blockquote.evidence > p"):
                shown.add((note_id, url, quote.get_text()))
    assert shown == quotes


def test_arabic_and_persian_quotes_run_right_to_left(page):
    # The browser sets each quote's direction from its first strong letter, so the closing
    # quotation mark of an Arabic quote stands at its left end, where a reader expects it.
    rtl = re.compile("[\u0600-\u06ff]")
    quotes = page.select("blockquote.evidence > p")
    arabic = [q for q in quotes if rtl.match(q.get_text().lstrip('"«'))]
    assert len(arabic) >= 4
    assert all(q.get("dir") == "auto" for q in quotes)


def test_at_rest_every_quote_is_folded_under_its_record_or_claim(page, edition):
    # The page lists what each note rests on; the quoted words are one step away.
    quotes = page.select("blockquote")
    assert len(quotes) >= sum(len(note.evidence) for note in edition.register.notes.values())
    for quote in quotes:
        disclosure = quote.find_parent("details")
        assert disclosure is not None and "evidence-quotes" in disclosure["class"], quote
        assert not disclosure.has_attr("open")
        assert disclosure.summary.get_text() == "Quoted evidence"


@pytest.mark.build
def test_on_paper_the_quotes_are_not_folded(built_site):
    printed = built_site.page("print")
    assert printed.select("blockquote.evidence")
    assert not printed.select("details.evidence-quotes")


@pytest.mark.browser
def test_a_link_to_quoted_words_opens_their_fold(browser, site_url, edition):
    quote = next(e.quote for n in edition.register.notes.values() for e in n.evidence)
    words = " ".join(quote.split()[:6])
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/sources/#:~:text={quote_fragment(words)}")
    # Chromium opens the closed <details> that holds the words, and scrolls to them.
    page.wait_for_function(
        "(words) => [...document.querySelectorAll('details.evidence-quotes[open]')]"
        ".some((d) => d.textContent.replace(/\\s+/g, ' ').includes(words))",
        arg=words,
    )
    context.close()


def quote_fragment(words: str) -> str:
    """``words`` percent-encoded for a text directive ("-", "&" and "," are its signs)."""
    from urllib.parse import quote

    return quote(words, safe="").replace("-", "%2D")
