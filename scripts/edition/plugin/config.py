"""The edition plugin's options, each a bool that ``!ENV`` can set.

A value of the wrong type stops the build at MkDocs' config validation, in one line
that names the option (``Plugin 'edition' option 'pdf': Expected type …``).
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class EditionConfig(Config):
    """``enabled`` switches the plugin off; the other four are its steps."""

    enabled = c.Type(bool, default=True)
    # The project check before any page is written: a bad source stops the build.
    check = c.Type(bool, default=True)
    # After the build (left out by `mkdocs serve`, being slow): the three PDFs, the
    # offline edition's zip, and the Brotli copies for nginx.
    pdf = c.Type(bool, default=True)
    offline = c.Type(bool, default=True)
    compress = c.Type(bool, default=True)
