"""Reading an article's Markdown: paragraphs with their anchors, note references, notes.

The article pages follow a few conventions that this module relies on and checks:
a paragraph is one line followed by `{: #pN }`; a note is one line `[^N]: text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import EditionError

ANCHOR = re.compile(r"^\{:\s*#(p\d+)\s*\}\s*$")
NOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:\s?(.*)$")
NOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FENCE = re.compile(r"^(```|~~~)")


@dataclass
class Paragraph:
    anchor: str
    text: str
    line: int


@dataclass
class Note:
    label: str
    text: str
    line: int


@dataclass
class Article:
    path: Path
    paragraphs: list[Paragraph] = field(default_factory=list)
    notes: dict[str, Note] = field(default_factory=dict)
    references: list[tuple[str, str, int]] = field(default_factory=list)  # (label, anchor, line)

    def paragraph_of(self, label: str) -> str | None:
        """The anchor of the paragraph that refers to note `label` first."""
        return next((anchor for ref, anchor, _ in self.references if ref == label), None)


def check_footnotes(markdown: str, path: Path) -> None:
    """Every note reference has a definition and every definition is referred to.

    Python-Markdown would print an undefined reference as literal text and quietly keep an
    unused definition, so either mistake would reach readers unnoticed.
    """
    defined: dict[str, int] = {}
    referred: dict[str, int] = {}
    for number, line in enumerate(_outside_code(markdown), 1):
        definition = NOTE_DEFINITION.match(line)
        if definition:
            label = definition.group(1)
            if label in defined:
                raise EditionError(path, number, f"note [^{label}] is defined twice (first on line {defined[label]})")
            defined[label] = number
            line = definition.group(2)
        for reference in NOTE_REFERENCE.finditer(line):
            referred.setdefault(reference.group(1), number)
    for label, number in referred.items():
        if label not in defined:
            raise EditionError(path, number, f"note reference [^{label}] has no definition")
    for label, number in defined.items():
        if label not in referred:
            raise EditionError(path, number, f"note [^{label}] is defined but nothing refers to it")


def _outside_code(markdown: str):
    """The lines of the page, with fenced code blocks blanked."""
    in_code = False
    for line in markdown.split("\n"):
        if FENCE.match(line.strip()):
            in_code = not in_code
            yield ""
        else:
            yield "" if in_code else line


def parse(markdown: str, path: Path) -> Article:
    article = Article(path)
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        number = index + 1
        anchor = ANCHOR.match(line)
        if anchor:
            text = lines[index - 1] if index else ""
            if not text.strip():
                raise EditionError(path, number, f"anchor #{anchor.group(1)} does not follow a paragraph line")
            article.paragraphs.append(Paragraph(anchor.group(1), text, number - 1))
            for reference in NOTE_REFERENCE.finditer(text):
                article.references.append((reference.group(1), anchor.group(1), number - 1))
            continue
        definition = NOTE_DEFINITION.match(line)
        if definition:
            label = definition.group(1)
            article.notes[label] = Note(label, definition.group(2), number)
    anchors = [p.anchor for p in article.paragraphs]
    if len(set(anchors)) != len(anchors):
        raise EditionError(path, None, "paragraph anchors repeat: " + ", ".join(anchors))
    return article


def load(path: Path) -> Article:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EditionError(path, None, "article page not found") from None
    check_footnotes(text, path)
    return parse(text, path)
