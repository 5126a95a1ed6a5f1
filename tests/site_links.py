"""Resolve links in the built site to (page, fragment) and check their targets exist."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

BASE = "http://edition.test"


def page_url(name: str) -> str:
    """Site URL of a page by name: '/' for index, '/evolution/' and so on."""
    return "/" if name == "index" else f"/{name}/"


def resolve(from_url: str, href: str) -> tuple[str, str]:
    """The site path and fragment a relative ``href`` on ``from_url`` points at."""
    target = urlsplit(urljoin(BASE + from_url, href))
    return target.path, target.fragment


@cache
def _ids(site: Path, path: str) -> frozenset[str]:
    file = site / path.lstrip("/") / "index.html" if path.endswith("/") else site / path.lstrip("/")
    if not file.is_file():
        return frozenset()
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    return frozenset(element["id"] for element in soup.select("[id]")) | {""}


def target_exists(site: Path, from_url: str, href: str) -> bool:
    """True when the page exists and, if the link has a fragment, the id exists on it."""
    path, fragment = resolve(from_url, href)
    return fragment in _ids(site, path)
