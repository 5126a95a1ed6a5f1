"""The online edition of the Iraq–NATO paper: its model, checks, renderers and publishing.

Layers, each importing only those before it:

- ``model``: the edition's sources read once and validated (no ``markdown``, no ``mkdocs``);
- ``checks``: the project check over the model (``edition check``, every build);
- ``render``: cite boxes, JSON-LD and placeholder lines, the pieces extensions render with;
- ``extensions``: Python-Markdown extensions that build HTML from the model;
- ``publish``: after the build: the PDF, the offline edition, the exports, the manifest;
- ``plugin``: the MkDocs plugin that runs every step of a build; ``cli``: the ``edition``
  command, the same steps one at a time (for other engines).
"""
