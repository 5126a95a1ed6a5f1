"""One strict build of the real site: clean, complete, and self-contained."""

from __future__ import annotations

import re

import pytest

from conftest import PAPER_PAGES, edit, run_mkdocs_build

pytestmark = pytest.mark.build

PAGES_IN_ORDER = [*PAPER_PAGES, "timeline", "sources", "about"]


def test_strict_build_has_no_warnings(built_site):
    assert "WARNING" not in built_site.output, built_site.output
    assert "ERROR" not in built_site.output, built_site.output


def test_navigation_follows_the_paper(built_site):
    nav = built_site.page("index").select("nav.md-nav--primary > ul > li > a")
    hrefs = [a["href"] for a in nav]
    assert hrefs == [
        ".",
        "evolution/",
        "cooperation/",
        "future/",
        "conclusion/",
        "timeline/",
        "sources/",
        "about/",
    ]


@pytest.mark.parametrize("name", PAGES_IN_ORDER)
def test_every_page_has_its_own_description(built_site, name):
    description = built_site.page(name).select_one("meta[name=description]")["content"]
    assert len(description) > 60
    others = {
        built_site.page(other).select_one("meta[name=description]")["content"]
        for other in PAGES_IN_ORDER
        if other != name
    }
    assert description not in others


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_every_heading_and_paragraph_of_the_paper_has_an_explicit_id(built_site, name):
    article = built_site.page(name).select_one("article")
    for element in article.select("h1, h2, h3, p"):
        if element.find_parent(class_="editorial") or "editorial" in element.get("class", []):
            continue
        assert re.fullmatch(r"[a-z][a-z0-9-]*", element.get("id", "")), element


def test_cooperation_keeps_the_papers_numbered_areas(built_site):
    headings = built_site.page("cooperation").select("article h2")
    numbers = [h.get_text().split(".")[0] for h in headings]
    assert numbers == [str(n) for n in range(1, 8)]
    assert headings[3]["id"] == "cyber-security"


def test_site_url_and_canonical_links(built_site):
    canonical = built_site.page("evolution").select_one("link[rel=canonical]")["href"]
    assert canonical.startswith("https://") and canonical.endswith("/evolution/")


def test_no_page_loads_anything_from_another_host(built_site):
    # Static guard; the browser test records real requests.
    external = re.compile(
        r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I
    )
    for path in built_site.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in external.findall(html):
            assert 'rel="canonical"' in tag, f"{path}: {tag}"
    for css in built_site.site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8"), css


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (("docs/future.md", "drones.[^10]", "drones.[^11]"), "docs/future.md:14: note [^11]"),
        (("data/notes.yml", "  - id: 2\n", "  - id: 2\n   bad: [x\n"), "data/notes.yml:"),
        (("mkdocs.yml", "  - Conclusion: conclusion.md\n", ""), "docs/conclusion.md is not in"),
    ],
)
def test_bad_input_fails_the_build_with_file_and_line(project, tmp_path, damage, expected):
    edit(project / damage[0], damage[1], damage[2])
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert expected in build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "site" / "index.html").exists()
