"""The project check: a pure core that finds every problem in the edition's sources.

Front doors: ``edition check`` (``make check``, the authoritative gate) and the edition
plugin (``edition.plugin``, stops ``mkdocs build`` before any page is written). Neither
adds logic: both call ``check_edition`` and report its problems as ``path:line: message``.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

from edition.checks.aliases import check_aliases, source_ids
from edition.checks.manifest import check_manifest
from edition.checks.sourcing import (
    check_claims,
    check_evidence,
    check_qualifications,
    check_research,
    check_verdict_log,
)
from edition.model.config import CONFIG, redirect_sources
from edition.model.edition import DOCS, Edition, load_edition
from edition.model.errata import ERRATA_PATH
from edition.model.pages import ID_RE, Page
from edition.model.paper import paper_problems
from edition.model.problems import Problem, SourceError
from edition.model.register import REGISTER_PATH, Register
from edition.model.yaml_source import LineDict, LineList


def check_project(root: Path) -> list[Problem]:
    """Every problem in the project under ``root``, sorted by file and line."""
    try:
        edition = load_edition(root)
    except SourceError as error:
        return [error.problem]
    return check_edition(edition)


def check_edition(edition: Edition) -> list[Problem]:
    """Every problem in the model's sources, sorted by file and line."""
    pages = list(edition.pages)
    problems = [
        *edition.load_problems,
        *edition.register.problems,
        *edition.ledger.problems,
        *edition.verdict_log.problems,
        *edition.research.problems,
    ]
    for page in pages:
        problems += page.problems
    problems += check_front_matter(pages)
    problems += check_navigation(edition.config, pages)
    problems += check_anchors(pages)
    problems += check_note_references(pages, edition.register)
    problems += check_errata(edition)
    problems += check_claims(pages, edition.register, edition.ledger)
    problems += check_evidence(edition.register, edition.ledger)
    problems += check_verdict_log(edition.verdict_log, edition.register, edition.ledger)
    problems += check_research(edition.research, edition.register, edition.ledger)
    problems += check_qualifications(edition.research, edition.register, edition.ledger)
    problems += edition.timeline.problems
    problems += check_addresses(edition)
    return sorted(set(problems))


def check_front_matter(pages: list[Page]) -> list[Problem]:
    """Every page has a description fit for its <meta> tag."""
    problems = []
    for page in pages:
        description = page.meta.get("description")
        line = page.meta.key_lines.get("description", 1) if page.meta else 1
        if not isinstance(description, str) or not description.strip():
            problems.append(
                Problem(page.path, 1, "front matter needs a 'description' (one or two sentences)")
            )
        elif '"' in description:
            # The theme writes it into content="…" unescaped: a straight quote cuts it short.
            problems.append(Problem(page.path, line, "description contains '\"'; use “ ” instead"))
    return problems


def check_navigation(config: LineDict, pages: list[Page]) -> list[Problem]:
    """Every page is in ``nav`` (or in ``not_in_nav``) and every ``nav`` entry is a page."""
    if not isinstance(config, LineDict) or not isinstance(config.get("nav"), LineList):
        return [Problem(CONFIG, 1, "mkdocs.yml has no 'nav' list; list every page in paper order")]
    nav_line = config.key_lines["nav"]
    listed = dict(_nav_files(config["nav"]))
    unlisted = _not_in_nav(config.get("not_in_nav"))
    problems = [
        Problem(CONFIG, nav_line, f"{page.path} is not in the navigation; add it under 'nav'")
        for page in pages
        if page.path.removeprefix(f"{DOCS}/") not in listed
        and not unlisted(page.path.removeprefix(f"{DOCS}/"))
    ]
    existing = {page.path.removeprefix(f"{DOCS}/") for page in pages}
    problems += [
        Problem(CONFIG, line, f"nav entry {name!r} is not a page in {DOCS}/; fix or remove it")
        for name, line in listed.items()
        if name.endswith(".md") and name not in existing
    ]
    return problems


def _not_in_nav(patterns: object):
    """Matcher for ``not_in_nav``, pages built but deliberately left out of the nav.

    MkDocs reads gitignore-style lines; this covers the forms the project uses: a
    leading "/" anchors a pattern to docs/ (``/print.md``), otherwise it matches a file
    name at any depth; ``*`` and ``?`` glob. Blank lines and ``#`` comments are skipped.
    """
    lines = [line.strip() for line in str(patterns or "").splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]

    def unlisted(name: str) -> bool:
        return any(
            fnmatchcase(name, pattern[1:])
            if pattern.startswith("/")
            else fnmatchcase(name.rsplit("/", 1)[-1], pattern) or fnmatchcase(name, pattern)
            for pattern in lines
        )

    return unlisted


def _nav_files(nav: LineList):
    """Yield (file, line) for every page in a (nested) nav list."""
    for item, line in zip(nav, nav.item_lines, strict=True):
        if isinstance(item, str):
            yield item, line
        elif isinstance(item, LineDict):
            for value in item.values():
                if isinstance(value, str):
                    yield value, line
                elif isinstance(value, LineList):
                    yield from _nav_files(value)


def check_anchors(pages: list[Page]) -> list[Problem]:
    """Every heading and paragraph of the author's text has a well-formed, unique id."""
    problems = []
    # Ids are unique across the paper, not only per page: /print/ holds every page.
    elsewhere: dict[str, str] = {}
    for page in (page for page in pages if page.is_paper):
        seen: dict[str, int] = {}
        for block in page.blocks:
            if not block.anchor:
                how = "{ #id }" if block.kind == "heading" else "a last line {: #id }"
                problems.append(
                    Problem(page.path, block.line, f"{block.kind} has no explicit id; add {how}")
                )
                continue
            if not ID_RE.match(block.anchor):
                problems.append(
                    Problem(
                        page.path,
                        block.anchor_line,
                        f"id {block.anchor!r} must be lowercase letters, digits and hyphens",
                    )
                )
            if block.anchor in seen:
                problems.append(
                    Problem(
                        page.path,
                        block.anchor_line,
                        f"duplicate id {block.anchor!r} (first at line {seen[block.anchor]}); "
                        "ids are public link targets, give this one a new id",
                    )
                )
            elif block.anchor in elsewhere:
                problems.append(
                    Problem(
                        page.path,
                        block.anchor_line,
                        f"id {block.anchor!r} is already used on {elsewhere[block.anchor]}; "
                        "ids are unique across the paper, give this one a new id",
                    )
                )
            else:
                seen[block.anchor] = block.anchor_line
        elsewhere.update(dict.fromkeys(seen, page.path))
    return problems


def check_note_references(pages: list[Page], register: Register) -> list[Problem]:
    """References resolve to register entries, and every register entry is cited."""
    problems = []
    cited: set[str] = set()
    for page in pages:
        for note_id, line in page.note_refs:
            cited.add(note_id)
            # An entry that exists but is invalid is reported by the register, not here.
            if note_id not in register.declared:
                problems.append(
                    Problem(
                        page.path,
                        line,
                        f"note [^{note_id}] has no entry in {REGISTER_PATH}; "
                        "add one or fix the reference",
                    )
                )
    problems += [
        Problem(REGISTER_PATH, note.line, f"note {note.id} is cited on no page; cite or remove it")
        for note in register.notes.values()
        if note.id not in cited
    ]
    return problems


def check_errata(edition: Edition) -> list[Problem]:
    """Each listed repair names a page that really carries the repaired words."""
    problems = []
    for erratum in edition.errata:
        page = edition.page(erratum.page)
        if page is None:
            problems.append(Problem(ERRATA_PATH, erratum.line, f"page {erratum.page!r} not found"))
        elif erratum.edition not in page.all_words:
            problems.append(
                Problem(
                    ERRATA_PATH,
                    erratum.line,
                    f"{erratum.edition!r} is not on page {erratum.page!r}; "
                    "update the erratum with the page text",
                )
            )
    return problems


def check_addresses(edition: Edition) -> list[Problem]:
    """The paper's facts for citations, the id aliases, and the manifest of addresses."""
    pages, config, aliases = list(edition.pages), edition.config, edition.aliases
    problems = paper_problems(config)
    known = source_ids(pages, edition.timeline, edition.register)
    problems += check_aliases(aliases, known)
    # The paper's pages are the ones whose every id the sources define: only there can a
    # lost id be told before a build (the manifest test covers every page after one).
    paper_ids = {
        page.name: known[page.name] | aliases.old_ids(page.name) for page in pages if page.is_paper
    }
    docs = {page.path.removeprefix(f"{DOCS}/") for page in pages}
    problems += check_manifest(list(edition.manifest), docs, redirect_sources(config), paper_ids)
    return problems
