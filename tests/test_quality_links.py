"""Links gate: no broken internal link or anchor in either edition; external links listed.

``edition.linkcheck`` never fetches anything: external addresses are only collected.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.linkcheck import check_site, main, write_external

SITE_URL = "https://iraq-nato.example.org/"


def write(site: Path, name: str, body: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>\n{body}\n</body></html>", encoding="utf-8")


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    """Two pages that link to each other correctly, with directory URLs."""
    site = tmp_path / "site"
    write(site, "index.html", '<a href="evolution/#p1-1">¶</a> <a href="https://nato.int/">x</a>')
    write(site, "evolution/index.html", '<p id="p1-1">text</p> <a href="../">home</a>')
    write(site, "assets/edition.css", "")
    return site


def test_a_correct_site_has_nothing_broken(tiny_site):
    report = check_site(tiny_site)
    assert report.broken == []
    assert report.pages == 2 and report.links == 3


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("evolution/#p9-9", "no id 'p9-9' on evolution/index.html"),
        ("future/", "no file future/index.html"),
        ("assets/missing.css", "no file assets/missing.css"),
        ("#nowhere", "no id 'nowhere' on index.html"),
        (f"{SITE_URL}evolution/#gone", "no id 'gone' on evolution/index.html"),
    ],
)
def test_broken_links_are_reported_with_file_line_and_reason(tiny_site, href, reason):
    write(tiny_site, "index.html", f'<p>intro</p>\n<a href="{href}">x</a>')
    report = check_site(tiny_site, site_url=SITE_URL)
    assert [str(broken) for broken in report.broken] == [f"index.html:3: {href!r}: {reason}"]


def test_external_links_are_listed_not_followed(tiny_site, tmp_path):
    report = check_site(tiny_site)
    assert report.external == {"https://nato.int/": {"index.html"}}
    write_external(report, tmp_path / "external.txt")
    assert (tmp_path / "external.txt").read_text().startswith("https://nato.int/\t1 page(s)")


def test_directory_addresses_are_broken_when_read_from_a_folder(tiny_site):
    report = check_site(tiny_site, file_urls=True)
    assert {broken.href for broken in report.broken} == {"evolution/#p1-1", "../"}


def test_the_command_line_exits_1_on_a_broken_link(tiny_site, capsys):
    write(tiny_site, "index.html", '<a href="nowhere/">x</a>')
    assert main([str(tiny_site), "--root", str(Path(__file__).parents[1])]) == 1
    assert "index.html:2: 'nowhere/': no file nowhere/index.html" in capsys.readouterr().err


@pytest.mark.build
def test_the_public_site_has_no_broken_link_or_anchor(built_site):
    # The whole build (with the PDFs and the offline zip that pages link to).
    # Absolute links to the public address (citations, canonical links) are checked too.
    report = check_site(built_site.site, site_url=SITE_URL)
    assert [str(broken) for broken in report.broken] == []
    assert report.pages >= 10 and report.links > 1000


@pytest.mark.build
def test_the_public_site_lists_its_external_links(built_site):
    external = check_site(built_site.site, site_url=SITE_URL).external
    # The notes' public records: official ones among them, none of them fetched here.
    assert any(url.startswith("https://www.nato.int/") for url in external)
    assert not any(url.startswith(SITE_URL) for url in external)


@pytest.mark.build
def test_the_offline_edition_has_no_broken_link_from_a_folder(offline_edition):
    report = check_site(offline_edition, file_urls=True)
    assert [str(broken) for broken in report.broken] == []
    assert report.pages >= 10
