"""One strict build of the real site: clean, complete, and self-contained.

Bad input failing the build is tested once, in test_sourcing.py: every damage case goes
through the same check, which the command-line tests cover case by case.
"""

from __future__ import annotations

import os
import re

import pytest
import yaml

from conftest import PAPER_PAGES, ROOT
from edition.model.config import PLACEHOLDER_URL

pytestmark = pytest.mark.build

PAGES_IN_ORDER = [*PAPER_PAGES, "timeline", "sources", "briefing", "about"]


def front_matter(name: str) -> dict:
    """The YAML front matter of docs/<name>.md."""
    text = (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


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
        "briefing/",
        "about/",
    ]


@pytest.mark.parametrize("name", PAGES_IN_ORDER)
def test_every_page_has_its_own_description(built_site, name):
    # The summary the editors wrote for the page, not the site's, and no other page's.
    description = built_site.page(name).select_one("meta[name=description]")["content"]
    assert description == front_matter(name)["description"]
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


@pytest.mark.parametrize("name", PAGES_IN_ORDER)
def test_each_page_is_canonical_at_its_public_address(built_site, name):
    # The address the build was given (SITE_URL, else the placeholder), plus the page's path.
    base = (os.environ.get("SITE_URL") or PLACEHOLDER_URL).rstrip("/") + "/"
    expected = base if name == "index" else f"{base}{name}/"
    assert built_site.page(name).select_one("link[rel=canonical]")["href"] == expected


def test_no_page_loads_anything_from_another_host(built_site):
    # Static guard; the browser test records real requests.
    external = re.compile(
        r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I
    )
    for path in built_site.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in external.findall(html):
            assert 'rel="canonical"' in tag, f"{path}: {tag}"
    # Stylesheets load nothing from elsewhere either: no remote url() or @import.
    remote = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(?:https?:)?//""", re.I)
    for css in built_site.site.rglob("*.css"):
        assert not remote.findall(css.read_text(encoding="utf-8")), css
