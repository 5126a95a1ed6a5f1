"""Generated Markdown in place of a placeholder line such as ``[[errata]]``.

Pages that show data (the errata table, the sources page, the timeline) hold one
placeholder line; a preprocessor replaces it with Markdown rendered from ``data/``
before block parsing, so the result is ordinary Markdown under any engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown.preprocessors import Preprocessor

# The opening of a fenced code block (``` or ~~~, three or more, up to three spaces in).
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class PlaceholderPreprocessor(Preprocessor):
    """Replace every placeholder line with the lines ``render()`` returns.

    A placeholder shown as code stays as written: inside a fenced block, or indented by
    four spaces or more (an indented code block), as a page explaining placeholders
    would show it.
    """

    def __init__(self, md, placeholder: str, render: Callable[[], list[str]]):
        super().__init__(md)
        self.placeholder = placeholder
        self.render = render

    def run(self, lines: list[str]) -> list[str]:
        """Expand the placeholder; pages without it pass through untouched (and unrendered)."""
        if self.placeholder not in (line.strip() for line in lines):
            return lines
        generated: list[str] | None = None
        out: list[str] = []
        fence = ""
        for line in lines:
            opening = FENCE_RE.match(line)
            if fence:
                fence = "" if line.strip().startswith(fence) else fence
            elif opening:
                fence = opening.group(1)
            elif line.strip() == self.placeholder and not line.startswith("    "):
                generated = generated or ["", *self.render(), ""]
                out.extend(generated)
                continue
            out.append(line)
        return out
