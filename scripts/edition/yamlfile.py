"""YAML that remembers where each mapping stood, so that errors can name the line."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import EditionError


class Located(dict):
    """A mapping read from YAML, with the file and 1-based line it began on."""

    path: Path
    line: int

    def error(self, message: str) -> EditionError:
        return EditionError(self.path, self.line, message)

    def require(self, key: str, kind: type | tuple[type, ...] = str):
        if key not in self or self[key] in (None, ""):
            raise self.error(f"missing required key '{key}'")
        value = self[key]
        if not isinstance(value, kind):
            expected = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            raise self.error(f"'{key}' must be a {expected}, not {type(value).__name__}")
        return value


def _loader_for(path: Path):
    class Loader(yaml.SafeLoader):
        pass

    def construct_mapping(loader, node, deep=False):
        mapping = Located(loader.construct_mapping(node, deep=True))
        mapping.path = path
        mapping.line = node.start_mark.line + 1
        return mapping

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return Loader


def load(path: Path):
    """Parse a YAML file; a syntax error becomes an EditionError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EditionError(path, None, "file not found") from None
    try:
        return yaml.load(text, Loader=_loader_for(path))  # noqa: S506 (SafeLoader subclass)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        detail = " ".join(str(part) for part in (err.context, err.problem) if part)
        raise EditionError(path, line, f"YAML syntax error: {detail}") from None
    except yaml.YAMLError as err:
        raise EditionError(path, None, f"YAML error: {err}") from None
