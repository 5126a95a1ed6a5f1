"""The edition model: every source of the edition, read once, validated, shared.

``load_edition(root)`` reads ``mkdocs.yml``, the pages, the notes register, the claims
ledger, the verdict log, the research file, the timeline, the errata, the id aliases and
the manifest of addresses, and returns them as one frozen ``Edition``. The check, every
Markdown extension, the print page, the exports and the PDF take their data from it, so
a build reads each file once.

MkDocs makes a new Markdown instance (and so new extension instances) for every page;
the model is therefore cached per project root and kept while no input file changes
(compared by modification time and size), which keeps ``mkdocs serve`` fast and still
picks up an edit on the next rebuild.

Pure: no ``markdown`` or ``mkdocs`` import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from edition.model.aliases import Aliases, load_aliases
from edition.model.claims import Ledger, load_ledger
from edition.model.config import CONFIG, Site, read_config, site_facts
from edition.model.errata import Erratum, load_errata
from edition.model.manifest import read_entries
from edition.model.pages import Page, read_page
from edition.model.paper import Paper, paper_from_config
from edition.model.problems import Problem, SourceError
from edition.model.register import Register, load_register
from edition.model.research import RESEARCH_PATH, Research, load_research
from edition.model.timeline import Timeline, load_timeline, paper_anchors
from edition.model.verdict_log import VerdictLog, load_verdict_log
from edition.model.yaml_source import LineDict

DOCS = "docs"
DATA = "data"


@dataclass(frozen=True)
class Edition:
    """Everything the edition is made of, validated; ``load_problems`` says what is wrong."""

    root: Path
    config: LineDict
    pages: tuple[Page, ...]
    register: Register
    ledger: Ledger
    timeline: Timeline
    errata: tuple[Erratum, ...]
    aliases: Aliases
    manifest: tuple[tuple[int, str], ...]
    verdict_log: VerdictLog = field(default_factory=VerdictLog)
    research: Research = field(default_factory=Research)
    load_problems: tuple[Problem, ...] = field(default=())

    @property
    def site(self) -> Site:
        """The site's own facts (address, name, author, description)."""
        return site_facts(self.config)

    @property
    def paper(self) -> Paper | None:
        """The paper's bibliographic facts, or None when mkdocs.yml lacks some."""
        return paper_from_config(self.config)

    @property
    def paper_pages(self) -> list[Page]:
        """The pages that carry the author's text, in file order."""
        return [page for page in self.pages if page.is_paper]

    def page(self, name: str) -> Page | None:
        """A page by name ('index', 'evolution', …)."""
        return next((page for page in self.pages if page.name == name), None)


def input_files(root: Path) -> list[Path]:
    """Every file the model reads: mkdocs.yml, the Markdown pages, the data, the research."""
    return [root / CONFIG, *_listing(root)[1], root / RESEARCH_PATH]


def _folders(root: Path) -> list[Path]:
    """docs/ and data/ with every folder under them."""
    tops = [root / DOCS, root / DATA]
    below = sorted(path for top in tops if top.is_dir() for path in top.rglob("*") if path.is_dir())
    return [*tops, *below]


def _stamp(path: Path) -> tuple[str, int, int] | None:
    """A file's or folder's name, mtime and size; None when it does not exist."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (path.as_posix(), stat.st_mtime_ns, stat.st_size)


# Root → (its folders and their stamps, the files found in them). A folder's mtime
# changes when a file is added, removed or renamed in it, so the tree is walked again
# only then: every page of a build asks for the model, and walking the tree each time
# was most of what asking cost.
_listings: dict[Path, tuple[tuple, list[Path]]] = {}


def _listing(root: Path) -> tuple[tuple, list[Path]]:
    known = _listings.get(root)
    if known is not None:
        folders, _files = known
        if tuple(_stamp(Path(name)) for name, _mtime, _size in folders) == folders:
            return known
    folders = tuple(stamp for stamp in map(_stamp, _folders(root)) if stamp)
    files = sorted((root / DOCS).rglob("*.md")) + sorted(
        path for path in (root / DATA).rglob("*") if path.is_file()
    )
    _listings[root] = (folders, files)
    return _listings[root]


def _signature(root: Path) -> tuple:
    """What identifies one state of the inputs: each file's name, mtime and size."""
    folders, files = _listing(root)
    inputs = [root / CONFIG, *files, root / RESEARCH_PATH]
    return folders + tuple(_stamp(path) for path in inputs)


_cache: dict[Path, tuple[tuple, Edition]] = {}


def load_edition(root: Path) -> Edition:
    """The model of the project at ``root``, read again only when an input changed.

    Raises SourceError when ``mkdocs.yml`` itself cannot be read: without it there is
    no edition to describe.
    """
    root = root.resolve()
    signature = _signature(root)
    cached = _cache.get(root)
    if cached is not None and cached[0] == signature:
        return cached[1]
    edition = _read(root)
    _cache[root] = (signature, edition)
    return edition


def _read(root: Path) -> Edition:
    config = read_config(root)
    pages = tuple(
        read_page(root, path.relative_to(root).as_posix())
        for path in sorted((root / DOCS).rglob("*.md"))
    )
    register = load_register(root)
    ledger = load_ledger(root)
    timeline = load_timeline(root, ledger, register, paper_anchors(pages))
    errata, errata_problems = load_errata(root)
    return Edition(
        root=root,
        config=config,
        pages=pages,
        register=register,
        ledger=ledger,
        timeline=timeline,
        errata=tuple(errata),
        aliases=load_aliases(root),
        manifest=tuple(read_entries(root)),
        verdict_log=load_verdict_log(root),
        research=load_research(root),
        load_problems=tuple(errata_problems),
    )


__all__ = ["Edition", "SourceError", "input_files", "load_edition"]
