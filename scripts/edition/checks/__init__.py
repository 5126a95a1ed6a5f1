"""The project check over the model: every problem as ``path:line: message``."""
