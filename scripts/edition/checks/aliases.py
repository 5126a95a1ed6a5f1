"""The alias check: each old id sits on a known page, leads to an id there, takes none in use."""

from __future__ import annotations

from edition.model.addresses import note_anchor
from edition.model.aliases import ALIASES_PATH, Alias, Aliases
from edition.model.problems import Problem


def source_ids(pages, timeline, register) -> dict[str, set[str]]:
    """Page name → the ids its sources define, for the pages whose ids are all known.

    The paper's pages (their headings and paragraphs), the timeline (years and events)
    and the sources page (one entry per note): the pages that ``/print/`` joins, so an
    alias on any of them must not collide with an id on any other.
    """
    ids = {page.name: {block.anchor for block in page.blocks if block.anchor} for page in pages}
    known = {page.name: ids[page.name] for page in pages if page.is_paper}
    known["timeline"] = ids.get("timeline", set()) | {
        *(str(year) for year in timeline.years()),
        *(event.anchor for event in timeline.events),
    }
    known["sources"] = ids.get("sources", set()) | {note_anchor(n) for n in register.notes}
    return known


def check_aliases(aliases: Aliases, known: dict[str, set[str]]) -> list[Problem]:
    """Each alias sits on a known page, leads to an id there, and takes no id in use."""
    problems = list(aliases.problems)
    every_id = set().union(*known.values()) if known else set()
    seen: dict[str, Alias] = {}
    for alias in aliases.aliases:

        def problem(message: str, alias: Alias = alias) -> None:
            problems.append(Problem(ALIASES_PATH, alias.line, message))

        if alias.page not in known:
            pages = ", ".join(sorted(known))
            problem(f"page {alias.page!r} takes no aliases (pages that do: {pages})")
            continue
        if alias.new not in known[alias.page]:
            problem(f"alias target {alias.new!r} is not an id on page {alias.page!r}")
        if alias.old in every_id:
            problem(
                f"alias {alias.old!r} is an id in use; an alias keeps an id that no longer exists"
            )
        elif alias.old in seen:
            first = seen[alias.old]
            problem(f"alias {alias.old!r} is already an alias on {first.page} (line {first.line})")
        seen.setdefault(alias.old, alias)
    return problems
