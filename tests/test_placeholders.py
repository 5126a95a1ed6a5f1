"""A placeholder line is replaced where it stands as Markdown, never where it is shown as code."""

from __future__ import annotations

import markdown

from edition.render.placeholders import PlaceholderPreprocessor


def expand(text: str) -> list[str]:
    md = markdown.Markdown()
    calls = []

    def render():
        calls.append(1)
        return ["GENERATED"]

    out = PlaceholderPreprocessor(md, "[[thing]]", render).run(text.split("\n"))
    assert len(calls) <= 1, "rendered once per page, however many placeholders"
    return out


def test_a_placeholder_line_is_replaced():
    assert "GENERATED" in expand("Intro\n\n[[thing]]\n\nAfter")
    assert "[[thing]]" not in expand("Intro\n\n  [[thing]]  \n")


def test_a_placeholder_shown_as_code_stays_as_written():
    fenced = expand("Write it like this:\n\n```\n[[thing]]\n```\n")
    indented = expand("Write it like this:\n\n    [[thing]]\n")
    tilde = expand("~~~~ text\n[[thing]]\n~~~~\n\n[[thing]]")
    assert "GENERATED" not in fenced and "[[thing]]" in fenced
    assert "GENERATED" not in indented and "    [[thing]]" in indented
    assert tilde.count("[[thing]]") == 1 and "GENERATED" in tilde
