"""The edition as one MkDocs plugin (``plugins: - edition``), in the shape of Material's."""
