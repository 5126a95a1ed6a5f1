"""The manifest of published addresses (data/anchors.txt), id aliases and redirects.

Unit tests of the pure core (merge, harvest, missing, the check) on small fake sites and
damaged copies of the project; then the real manifest against one real build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, edit
from edition.checks.project import check_project
from edition.cli import main
from edition.model.addresses import PDF_NAME
from edition.model.aliases import ALIASES_PATH
from edition.model.manifest import (
    MANIFEST_PATH,
    format_manifest,
    merge,
    parse_manifest,
    read_entries,
)
from edition.publish.manifest import harvest, missing

PAGE = """<!doctype html><html><body>
<header id="__header"><h1 id="site-name">Site</h1></header>
<article class="md-content__inner md-typeset">
<h1 id="evolution">First</h1>
<p id="p1-1">Text.<sup id="fnref:1"><a href="#fn:1">1</a></sup></p>
<span id="p1-0" class="anchor-alias"></span><p id="p1-2">More.</p>
<div class="footnote"><ol><li id="fn:1"><p>Note.</p></li></ol></div>
</article></body></html>"""
REDIRECT = """<!doctype html><html><head>
<meta http-equiv="refresh" content="0; url=../evolution/"></head></html>"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site in miniature: a home page, one paper page, a moved page, a 404."""
    site = tmp_path / "site"
    (site / "evolution").mkdir(parents=True)
    (site / "history").mkdir()
    (site / "index.html").write_text(PAGE.replace("evolution", "title"))
    (site / "evolution" / "index.html").write_text(PAGE)
    (site / "history" / "index.html").write_text(REDIRECT)
    (site / "404.html").write_text(PAGE.replace("evolution", "not-found"))
    (site / PDF_NAME).write_bytes(b"%PDF-")
    return site


# ---- merge and the file: never drop an address ------------------------------------


@pytest.mark.parametrize(
    ("existing", "found"),
    [
        (["/a/", "/a/#x"], ["/a/", "/a/#y", "/b/"]),  # new addresses found
        (["/a/", "/gone/#z"], ["/a/"]),  # an address the site lost stays listed
        ([], ["/b/", "/a/"]),  # a first run
        (["/a/#x"], []),  # an empty site drops nothing either
    ],
)
def test_merge_keeps_every_existing_address_and_adds_the_new(existing, found):
    merged = merge(existing, found)
    assert set(existing) <= set(merged)
    assert set(found) <= set(merged)
    assert merged == sorted(set(merged))


def test_the_file_round_trips_with_its_header():
    text = format_manifest(["/b/", "/a/#x", "/a/"])
    assert text.startswith("# Published addresses")
    assert [entry for _, entry in parse_manifest(text)] == ["/a/", "/a/#x", "/b/"]


def test_the_committed_manifest_is_sorted_unique_and_lists_the_kinds_of_address():
    entries = [entry for _, entry in read_entries(ROOT)]
    assert entries == sorted(set(entries))
    for kind in ("/evolution/", "/evolution/#p1-3", "/cooperation/#cyber-security"):
        assert kind in entries
    assert "/cooperation/#p2-7-2" in entries
    assert f"/{PDF_NAME}" in entries and "/print/" in entries
    assert {"/sources/#note-1", "/sources/#note-e20", "/timeline/#2004"} <= set(entries)
    assert any(entry.startswith("/timeline/#event-") for entry in entries)


# ---- reading a built site -----------------------------------------------------------


def test_harvest_takes_headings_and_paragraphs_of_the_text_only(site):
    found = harvest(site)
    assert {"/", "/#title", "/evolution/", "/evolution/#evolution"} <= found
    assert {"/evolution/#p1-1", "/evolution/#p1-2", f"/{PDF_NAME}"} <= found
    # Not addresses: the theme's ids, per-page note numbers, an alias (already listed),
    # the 404 page, and a redirect page (its address is listed from before the move).
    assert not {a for a in found if "site-name" in a or ":" in a or "p1-0" in a}
    assert not {a for a in found if "not-found" in a or a.startswith("/history/")}


def test_missing_names_what_the_site_lost_and_follows_redirects(site):
    entries = ["/evolution/#p1-2", "/evolution/#p1-0", "/history/#p1-1", "/history/"]
    assert missing(entries, site) == []
    lost = ["/evolution/#p1-7", "/future/", "/history/#p9-9", "/old.pdf"]
    assert missing(entries + lost, site) == lost


def test_make_anchors_adds_and_never_removes(site, tmp_path, capsys):
    root = tmp_path
    (root / "data").mkdir()
    (root / "mkdocs.yml").write_text("site_name: A project with a manifest\n")
    (root / MANIFEST_PATH).write_text(format_manifest(["/evolution/#p1-1", "/future/#p3-1"]))
    assert main(["anchors", str(site), "--root", str(root)]) == 1
    entries = [entry for _, entry in read_entries(root)]
    assert "/future/#p3-1" in entries  # lost from the site, kept in the manifest
    assert "/evolution/#p1-2" in entries  # found on the site, added
    err = capsys.readouterr().err
    assert f"{MANIFEST_PATH}:" in err and "/future/#p3-1 is not on the built site" in err
    # A second run changes nothing.
    before = (root / MANIFEST_PATH).read_text()
    main(["anchors", str(site), "--root", str(root)])
    assert (root / MANIFEST_PATH).read_text() == before


# ---- the project check: lost ids, aliases, redirects ----------------------------------


def messages(project: Path) -> list[str]:
    return [str(problem) for problem in check_project(project)]


def test_a_renamed_paragraph_id_fails_the_check_until_the_old_id_is_an_alias(project):
    edit(project / "docs/evolution.md", "{: #p1-3 }", "{: #p1-30 }")
    lost = [m for m in messages(project) if "/evolution/#p1-3 " in m]
    assert lost and lost[0].startswith(f"{MANIFEST_PATH}:")
    assert "alias" in lost[0]
    (project / ALIASES_PATH).write_text("aliases:\n  evolution:\n    p1-3: p1-30\n")
    # (The claims ledger still names p1-3: that is the sourcing check's business.)
    assert [m for m in messages(project) if m.startswith((MANIFEST_PATH, ALIASES_PATH))] == []


def test_a_moved_page_fails_the_check_until_it_is_redirected(project):
    entries = [entry for _, entry in read_entries(project)] + ["/history/", "/history/#p1-1"]
    (project / MANIFEST_PATH).write_text(format_manifest(entries))
    assert any(
        "/history/ is published but no page has this address" in m for m in messages(project)
    )
    edit(
        project / "mkdocs.yml",
        "  - edition:",
        "  - redirects:\n      redirect_maps:\n        history.md: evolution.md\n  - edition:",
    )
    assert messages(project) == []


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ("evolution:\n    p1-99: p1-98", "alias target 'p1-98' is not an id on page 'evolution'"),
        ("evolution:\n    p1-2: p1-3", "alias 'p1-2' is an id in use"),
        ("future:\n    p1-1: p3-1", "alias 'p1-1' is an id in use"),  # /print/ holds both
        ("about:\n    old: the-text", "page 'about' takes no aliases"),
        ("evolution:\n    Old_Id: p1-3", "'Old_Id' is not an id"),
        ("timeline:\n    event-old: event-wales-summit", ""),  # a valid alias
        ("sources:\n    n7: note-7", ""),
    ],
)
def test_alias_problems(project, aliases, message):
    (project / ALIASES_PATH).write_text(f"aliases:\n  {aliases}\n")
    found = [m for m in messages(project) if m.startswith(ALIASES_PATH)]
    if message:
        assert len(found) == 1 and message in found[0], found
    else:
        assert found == []


def test_manifest_lines_must_be_addresses_listed_once(project):
    path = project / MANIFEST_PATH
    path.write_text(path.read_text() + "/evolution/#p1-3\nevolution#p1-3\n")
    found = [m for m in messages(project) if m.startswith(MANIFEST_PATH)]
    assert any("is listed twice" in m for m in found)
    assert any("'evolution#p1-3' is not a path#anchor" in m for m in found)


# ---- the real manifest against the real site ------------------------------------------


@pytest.fixture(scope="module")
def site_with_pdf(built_site, built_pdfs):
    """The session's site with its PDFs, as `mkdocs build` leaves it."""
    return built_site.site


@pytest.mark.build
@pytest.mark.pdf
def test_every_published_address_is_on_the_built_site(site_with_pdf):
    entries = [entry for _, entry in read_entries(ROOT)]
    lost = missing(entries, site_with_pdf)
    assert lost == [], (
        f"published addresses missing from the site: {lost}; restore them, keep old ids as "
        f"aliases ({ALIASES_PATH}) or redirect moved pages (mkdocs.yml)"
    )


@pytest.mark.build
@pytest.mark.pdf
def test_every_address_on_the_site_is_in_the_manifest(site_with_pdf):
    listed = {entry for _, entry in read_entries(ROOT)}
    unlisted = sorted(harvest(site_with_pdf) - listed)
    assert unlisted == [], f"new addresses not in {MANIFEST_PATH}: {unlisted}; run make anchors"
