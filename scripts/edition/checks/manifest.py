"""The manifest check (sources only): what must keep working, told before any build.

An entry whose page is gone without a redirect, or whose id no paper page defines any
more and no alias keeps, fails the project check and so ``mkdocs build``.
"""

from __future__ import annotations

from edition.model.addresses import PDF_NAMES, PUBLIC_ID_RE, path_sources
from edition.model.manifest import MANIFEST_PATH
from edition.model.problems import Problem


def check_manifest(
    entries: list[tuple[int, str]],
    docs: set[str],
    redirected: set[str],
    paper_ids: dict[str, set[str]],
) -> list[Problem]:
    """What the sources can tell about the manifest before any build.

    ``docs``: the Markdown files under docs/ (``evolution.md``); ``redirected``: the old
    files mkdocs.yml redirects; ``paper_ids``: page name → the ids its sources define plus
    the old ids its aliases keep, for the pages whose every id the sources define.
    """
    problems = []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(MANIFEST_PATH, line, message))

    seen: dict[str, int] = {}
    previous = ""
    for line, entry in entries:
        path, _, anchor = entry.partition("#")
        if not path.startswith("/") or (anchor and not PUBLIC_ID_RE.match(anchor)):
            problem(line, f"{entry!r} is not a path#anchor like /evolution/#p1-3")
            continue
        if entry in seen:
            problem(
                line, f"{entry} is listed twice (first at line {seen[entry]}); remove this line"
            )
            continue
        seen[entry] = line
        if entry < previous:
            problem(line, f"{entry} is out of order; run `make anchors` to sort the file")
        previous = max(previous, entry)
        if path.removeprefix("/") in PDF_NAMES:
            continue
        files = path_sources(path)
        if not any(name in docs or name in redirected for name in files):
            problem(
                line,
                f"{entry} is published but no page has this address; restore the page or "
                f"add a redirect from {files[0]} in mkdocs.yml (plugin 'redirects')",
            )
            continue
        name = files[0].removesuffix(".md").removesuffix("/index") if path != "/" else "index"
        if anchor and name in paper_ids and anchor not in paper_ids[name]:
            problem(
                line,
                f"{entry} is published but page {name!r} has no id {anchor!r}; restore the id "
                f"or keep it as an alias in data/anchor-aliases.yml",
            )
    return problems
