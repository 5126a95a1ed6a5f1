"""What every edition extension shares: the project root, and the edition model read from it.

The root is the folder of ``mkdocs.yml``. The edition's MkDocs plugin (``edition.plugin``)
sets it on every edition extension from the config file's own location, so a build
started from any folder reads the right data. An engine that runs no MkDocs plugins
(Zensical) leaves it unset; then the extensions use the current folder, and say so in
one line when it holds no ``mkdocs.yml``.
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension

from edition.model.config import CONFIG
from edition.model.edition import Edition, load_edition

# The module prefix of every extension here; the edition plugin configures each one.
PACKAGE = "edition.extensions."


class RootError(RuntimeError):
    """The extension cannot tell where the project is."""


class EditionExtension(Extension):
    """A Python-Markdown extension that renders from the edition model."""

    def __init__(self, **kwargs):
        self.config = {
            "root": ["", "Project root, the folder of mkdocs.yml (set by the edition plugin)"]
        }
        super().__init__(**kwargs)

    @property
    def root(self) -> Path:
        """The project root: as configured, else the current folder if it is a project."""
        configured = self.getConfig("root")
        root = Path(configured) if configured else Path.cwd()
        if not (root / CONFIG).is_file():
            raise RootError(
                f"{root}: no {CONFIG} here; build with mkdocs (whose edition plugin gives the "
                f"project root) or start the engine in the folder of {CONFIG}"
            )
        return root

    def edition(self) -> Edition:
        """The edition model (read once per change of the sources, shared by all pages)."""
        return load_edition(self.root)


# ---- Print mode ------------------------------------------------------------------------
# The print page (/print/, and the PDF made from the same Markdown) is rendered for paper:
# notes as footnote elements at their reference, paragraph numbers for the margin, no
# screen controls at all. The print extension switches a document into print mode when
# it meets its placeholder, before any extension renders; the others ask ``printing``.

_PRINTING = "edition_printing"


def printing(md) -> bool:
    """True while ``md`` renders the print page."""
    return getattr(md, _PRINTING, False)


def set_printing(md, on: bool) -> None:
    """Switch print mode for the document ``md`` is rendering."""
    setattr(md, _PRINTING, on)
