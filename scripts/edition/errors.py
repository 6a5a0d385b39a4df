"""The one error type of the build: it names the file and line that caused it."""

from __future__ import annotations

from pathlib import Path

from .paths import ROOT


class EditionError(Exception):
    """Bad input. The message starts with `file:line:` so an editor can jump to it."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        try:
            shown = self.path.resolve().relative_to(ROOT)
        except ValueError:
            shown = self.path
        where = f"{shown}:{self.line}" if self.line else f"{shown}"
        return f"{where}: {self.message}"
