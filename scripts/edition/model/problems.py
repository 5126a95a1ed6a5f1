"""One problem found in the project's sources, reported as ``path:line: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A problem an editor must fix, located by file and 1-based line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        """Format as compilers do, so editors and terminals can jump to the spot."""
        return f"{self.path}:{self.line}: {self.message}"


class SourceError(Exception):
    """Raised by loaders when a file cannot be used at all (e.g. malformed YAML)."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
