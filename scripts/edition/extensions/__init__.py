"""Python-Markdown extensions: HTML built from the edition model (no MkDocs import)."""
