"""Load YAML while remembering the line of every mapping, key and list item.

Checks must name the line of the bad entry, and plain ``yaml.safe_load`` forgets
where things came from. The loader here also keeps dates as strings (the edition
validates date formats itself) and rejects duplicate keys, which PyYAML would
otherwise silently overwrite.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from pathlib import Path

import yaml

from edition.model.problems import Problem, SourceError


class LineDict(dict):
    """A mapping that knows its own line and the line of each of its keys."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines: dict = {}


class LineList(list):
    """A sequence that knows its own line and the line of each item."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.item_lines: list = []


# libyaml's parser when PyYAML has it (its wheels do): the pure-Python scanner made the
# check 20x slower on large corpora. Construction, and so line tracking, stays in Python.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):
    """A safe loader without timestamp resolution, building Line* containers."""


# Dates stay strings: "2004-06" and "2004-06-28" must be compared and validated alike.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeBase.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class _ConfigLoader(_Loader):
    """Reads mkdocs.yml: ``!ENV`` as MkDocs resolves it; other MkDocs-only tags become None."""


def _construct_env(loader: _ConfigLoader, node: yaml.Node):
    """``!ENV NAME`` or ``!ENV [NAME, …, default]``, resolved as MkDocs resolves it."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = [loader.construct_object(child) for child in node.value]
    return next((os.environ[name] for name in names if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _construct_env)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@contextmanager
def _collector_paused():
    """Pause the cyclic garbage collector while a document is built.

    Building a large document creates hundreds of thousands of containers, each of
    which triggers collections that rescan every live object: the check's time grew
    faster than the corpus (2.3x per page from 100 to 1,000 pages). The loader makes
    no reference cycles, so nothing is left for the collector to find.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_yaml(path: Path, label: str | None = None, *, config: bool = False):
    """Parse ``path``; raise SourceError naming file and line when it is not valid YAML.

    ``label`` is the path as shown in messages (relative to the project root);
    ``config`` tolerates the custom tags of ``mkdocs.yml``.
    """
    shown = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(Problem(shown, 1, "file not found; create it or fix the path")) from None
    return load_yaml_text(text, shown, loader=_ConfigLoader if config else _Loader)


def load_yaml_text(text: str, label: str, first_line: int = 1, loader=_Loader):
    """Parse YAML text; ``first_line`` offsets lines for YAML embedded in a file (front matter)."""
    padded = "\n" * (first_line - 1) + text
    try:
        with _collector_paused():
            return yaml.load(padded, Loader=loader)  # noqa: S506 - loader derives from SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else first_line
        what = error.problem or error.context or "not valid YAML"
        raise SourceError(
            Problem(label, line, f"malformed YAML: {what}; fix the syntax at this line")
        ) from None
    except yaml.YAMLError as error:
        raise SourceError(Problem(label, first_line, f"malformed YAML: {error}")) from None


def load_list(root: Path, relative: str, key: str) -> tuple[LineList, list[Problem]]:
    """The list under ``key``, the one top-level key of a data file, or why there is none.

    The notes register, the claims ledger, the timeline and the errata all have this
    shape (``notes:``, ``claims:``, ``events:``, ``errata:``); an empty list is valid.
    """
    try:
        data = load_yaml(root / relative, relative)
    except SourceError as error:
        return LineList(), [error.problem]
    if not isinstance(data, LineDict) or set(data) != {key}:
        line = getattr(data, "line", 1)
        return LineList(), [
            Problem(relative, line, f"the file must be a mapping with one key, {key!r}")
        ]
    if not isinstance(data[key], LineList):
        return LineList(), [Problem(relative, data.key_lines[key], f"{key!r} must be a list")]
    return data[key], []
