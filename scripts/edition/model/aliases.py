"""Anchor aliases (``data/anchor-aliases.yml``): old ids kept alive after an id moved.

Ids are public: a briefing written years ago links ``/evolution/#p1-3``. When an id has
to change, the old one stays as an alias: the paragraphs extension renders an empty
element carrying the old id right before the element with the new id, so the old link
still lands on the right text. Loading and validation are pure (no MkDocs import); the
project check reports every problem with its line before a build starts.

The file maps page name → {old id: new id}::

    aliases:
      evolution:
        p1-3: p1-4
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from edition.model.addresses import PUBLIC_ID_RE
from edition.model.problems import Problem, SourceError
from edition.model.yaml_source import LineDict, load_yaml

ALIASES_PATH = "data/anchor-aliases.yml"


@dataclass(frozen=True)
class Alias:
    """An old id on a page that now leads to a new one."""

    page: str
    old: str
    new: str
    line: int


@dataclass
class Aliases:
    """Every alias in the file, and every problem found while reading it."""

    aliases: list[Alias] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def by_target(self) -> dict[str, list[str]]:
        """New id → the old ids to render before it, in file order."""
        targets: dict[str, list[str]] = {}
        for alias in self.aliases:
            targets.setdefault(alias.new, []).append(alias.old)
        return targets

    def old_ids(self, page: str) -> set[str]:
        """The old ids a page keeps alive."""
        return {alias.old for alias in self.aliases if alias.page == page}


def load_aliases(root: Path) -> Aliases:
    """Read and shape-check the alias file; a missing file means no aliases."""
    result = Aliases()
    if not (root / ALIASES_PATH).is_file():
        return result
    try:
        data = load_yaml(root / ALIASES_PATH, ALIASES_PATH)
    except SourceError as error:
        result.problems.append(error.problem)
        return result

    def problem(line: int, message: str) -> None:
        result.problems.append(Problem(ALIASES_PATH, line, message))

    if not isinstance(data, LineDict) or set(data) != {"aliases"}:
        problem(getattr(data, "line", 1), "the file must be a mapping with one key, 'aliases'")
        return result
    pages = data["aliases"]
    if pages is None:  # "aliases:" with nothing under it
        return result
    if not isinstance(pages, LineDict):
        problem(data.key_lines["aliases"], "'aliases' must map page names to {old id: new id}")
        return result
    for page, mapping in pages.items():
        line = pages.key_lines[page]
        if not isinstance(mapping, LineDict):
            problem(line, f"aliases of page {page!r} must be a mapping of old id: new id")
            continue
        for old, new in mapping.items():
            old, new, key_line = str(old), str(new), mapping.key_lines[old]
            bad = [value for value in (old, new) if not PUBLIC_ID_RE.match(value)]
            if bad:
                problem(key_line, f"{bad[0]!r} is not an id (lowercase letters, digits, hyphens)")
            elif old == new:
                problem(key_line, f"alias {old!r} points at itself; remove it")
            else:
                result.aliases.append(Alias(str(page), old, new, key_line))
    return result
