"""``mkdocs.yml``, read in one place: the site's own facts and the settings the edition uses.

The check, the extensions, the print page, the exports and the PDF all take what they
need of the configuration from here (through the edition model), never by parsing the
file themselves. ``!ENV`` is resolved as MkDocs resolves it, so ``SITE_URL=… make build``
gives every part of the edition the same public address.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.model.problems import Problem, SourceError
from edition.model.yaml_source import LineDict, load_yaml

CONFIG = "mkdocs.yml"
# The address mkdocs.yml falls back to when SITE_URL is not set: a placeholder that no
# published site may carry (``make publish`` refuses it).
PLACEHOLDER_URL = "https://iraq-nato.example.org/"


@dataclass(frozen=True)
class Site:
    """The site's own facts, written once in mkdocs.yml."""

    url: str  # ends in "/"
    name: str
    author: str
    description: str

    @property
    def is_placeholder(self) -> bool:
        """True while the address is the placeholder, not a real published one."""
        return self.url == PLACEHOLDER_URL


def read_config(root: Path) -> LineDict:
    """``mkdocs.yml`` with line numbers; raises SourceError when it cannot be read."""
    config = load_yaml(root / CONFIG, CONFIG, config=True)
    if not isinstance(config, LineDict):
        raise SourceError(Problem(CONFIG, 1, "mkdocs.yml must be a mapping"))
    return config


def site_facts(config: LineDict) -> Site:
    """``site_url``, ``site_name``, ``site_author`` and ``site_description``."""
    return Site(
        url=str(config.get("site_url") or "").rstrip("/") + "/",
        name=str(config.get("site_name") or ""),
        author=str(config.get("site_author") or ""),
        description=" ".join(str(config.get("site_description") or "").split()),
    )


def redirect_sources(config: dict) -> set[str]:
    """Old page paths (``old.md``) that mkdocs.yml redirects, from the ``redirects`` plugin."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            maps = (plugin["redirects"] or {}).get("redirect_maps") or {}
            return {str(old) for old in maps}
    return set()


def markdown_extensions(config: dict) -> tuple[list[str], dict[str, dict]]:
    """The ``markdown_extensions`` of mkdocs.yml as Python-Markdown takes them.

    Names in order, and each one's options: what MkDocs passes to Python-Markdown, so the
    PDF stage renders the print page with exactly the extensions the site uses.
    """
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(str(name))
                configs[str(name)] = dict(options or {})
        else:
            names.append(str(item))
    return names, configs
