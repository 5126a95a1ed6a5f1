"""Build and check logic for the online edition of the Iraq–NATO paper.

Modules here never import MkDocs, except the thin adapter ``mkdocs_hook``: the
rendering parts are Python-Markdown extensions and the checks are a pure core, so
both keep working under any engine that reads ``mkdocs.yml``.
"""
