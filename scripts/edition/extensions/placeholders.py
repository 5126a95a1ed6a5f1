"""Generated Markdown in place of a placeholder line such as ``[[errata]]``.

Pages that show data (the errata table, the sources page, the timeline) hold one
placeholder line; a preprocessor replaces it with Markdown rendered from ``data/``
before block parsing, so the result is ordinary Markdown under any engine.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown.preprocessors import Preprocessor


class PlaceholderPreprocessor(Preprocessor):
    """Replace every line equal to ``placeholder`` with the lines ``render()`` returns."""

    def __init__(self, md, placeholder: str, render: Callable[[], list[str]]):
        super().__init__(md)
        self.placeholder = placeholder
        self.render = render

    def run(self, lines: list[str]) -> list[str]:
        """Expand the placeholder; pages without it pass through untouched (and unrendered)."""
        if self.placeholder not in (line.strip() for line in lines):
            return lines
        generated = ["", *self.render(), ""]
        out: list[str] = []
        for line in lines:
            out.extend(generated if line.strip() == self.placeholder else [line])
        return out
