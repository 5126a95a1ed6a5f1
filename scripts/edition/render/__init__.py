"""Pieces the Markdown extensions render with: cite boxes, JSON-LD, placeholder lines.

Not extensions themselves (none is listed under ``markdown_extensions``); kept apart so
that ``extensions/`` holds only what a Markdown engine loads. No MkDocs import.
"""
