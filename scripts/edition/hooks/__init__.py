"""The engine adapters: MkDocs hooks, thin, with no logic of their own."""
