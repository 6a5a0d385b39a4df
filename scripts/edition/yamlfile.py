"""YAML that remembers where each value stood, so that errors can name the line.

Stricter than plain YAML where an editor's slip would otherwise pass unseen: a key given
twice is an error (YAML would keep the last one silently), and dates stay text (YAML would
turn `1923-02-45` into a traceback and `1923-01-12` into a date object); the schemas and
the modules that read dates check them as real calendar dates.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import textfile
from .errors import EditionError


class Located(dict):
    """A mapping read from YAML, with the file, the line it began on and each key's line."""

    path: Path
    line: int
    lines: dict  # key → 1-based line of the key

    def error(self, message: str, key=None) -> EditionError:
        return EditionError(self.path, self.lines.get(key, self.line) if key is not None else self.line,
                            message)


class LocatedList(list):
    """A sequence read from YAML, with the line of each item."""

    path: Path
    line: int
    lines: list[int]


def line_at(data, where) -> int | None:
    """The line of the value at `where` (a sequence of keys and indexes) inside `data`."""
    line = getattr(data, "line", None)
    node = data
    for step in where:
        if isinstance(node, Located) and step in node:
            line, node = node.lines.get(step, node.line), node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            line, node = node.lines[step], node[step]
        else:
            break
    return line


# libyaml's parser where PyYAML was built with it (its wheels are): three times faster.
BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _loader_for(path: Path):
    class Loader(BASE):
        pass

    # Dates stay text: see the module's docstring.
    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(loader, node, deep=False):
        mapping = Located()
        mapping.path, mapping.line, mapping.lines = path, node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise EditionError(path, key_node.start_mark.line + 1, "a key must be a plain word")
            if key in mapping:
                raise EditionError(path, key_node.start_mark.line + 1,
                                   f"the key '{key}' is given twice in this mapping "
                                   f"(first on line {mapping.lines[key]}): keep one")
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(loader, node, deep=False):
        items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
        items.path, items.line = path, node.start_mark.line + 1
        items.lines = [child.start_mark.line + 1 for child in node.value]
        return items

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader


def parse(text: str, path: Path):
    """Parse YAML text; a syntax error becomes an EditionError naming file and line."""
    try:
        return yaml.load(text, Loader=_loader_for(path))  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        detail = " ".join(str(part) for part in (err.context, err.problem) if part)
        raise EditionError(path, line, f"YAML syntax error: {detail}") from None
    except yaml.YAMLError as err:
        raise EditionError(path, None, f"YAML error: {err}") from None


def load(path: Path):
    return parse(textfile.read(path), path)
