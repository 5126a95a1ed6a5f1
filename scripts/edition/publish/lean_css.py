"""The edition's stylesheet as sent to readers: without its comments.

``edition.css`` explains itself at length, for maintainers; readers' browsers need none
of it, and on a paper page the comments weigh as much as the notes in the margin. The
source keeps them; the built copy drops them (the edition plugin rewrites it after
the build). Strings are kept as written, so a ``/*`` inside quotes stays. Pure and
deterministic: the same source gives the same bytes.
"""

from __future__ import annotations

import re

# A quoted string (kept) or a comment (dropped); CSS has no other place where "/*" is
# not a comment.
_STRING_OR_COMMENT = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|/\*.*?\*/""", re.S)
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def without_comments(css: str) -> str:
    """The stylesheet with its comments removed and the blank lines they leave closed up."""
    kept = _STRING_OR_COMMENT.sub(lambda m: m.group(1) or "", css)
    kept = _TRAILING_SPACE.sub("\n", kept)
    return _BLANK_LINES.sub("\n", kept).strip() + "\n"
