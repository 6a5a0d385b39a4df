"""Reading an article's Markdown: paragraphs with their anchors, note references, notes, marks.

The article pages follow a few conventions that this module relies on and checks:
a paragraph is one line followed by `{: #pN }`; a note is one line `[^N]: text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import marks
from .errors import EditionError

NOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:\s?(.*)$")
NOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")


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
    text: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    notes: dict[str, Note] = field(default_factory=dict)
    references: list[tuple[str, str, int]] = field(default_factory=list)  # (label, anchor, line)
    marks: list[tuple[str, str, int]] = field(default_factory=list)  # (name, argument, line)

    def paragraph_of(self, label: str) -> str | None:
        """The anchor of the paragraph that refers to note `label` first."""
        return next((anchor for ref, anchor, _ in self.references if ref == label), None)

    def error(self, line: int | None, message: str) -> EditionError:
        return EditionError(self.path, line, message)


def check_footnotes(markdown: str, path: Path) -> None:
    """Every note reference has a definition and every definition is referred to.

    Python-Markdown would print an undefined reference as literal text and quietly keep an
    unused definition, so either mistake would reach readers unnoticed.
    """
    defined: dict[str, int] = {}
    referred: dict[str, int] = {}
    for number, line in enumerate(marks.outside_code(markdown), 1):
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


def parse(markdown: str, path: Path) -> Article:
    for text, line in marks.broken(markdown):
        raise EditionError(path, line, marks.describe_broken(text))
    check_footnotes(markdown, path)
    article = Article(path, markdown)
    lines, original = marks.outside_code(markdown), markdown.split("\n")
    for index, line in enumerate(lines):
        number = index + 1
        anchor = marks.ANCHOR.match(line)
        if anchor:
            text = lines[index - 1] if index else ""
            if not text.strip() or marks.ANCHOR.match(text):
                raise EditionError(path, number, f"anchor #{anchor.group(1)} does not follow a paragraph line")
            ident = anchor.group(1)
            if any(p.anchor == ident for p in article.paragraphs):
                first = next(p.line for p in article.paragraphs if p.anchor == ident)
                raise EditionError(path, number, f"anchor #{ident} is used twice (first after line {first})")
            text = original[index - 1]
            article.paragraphs.append(Paragraph(ident, text, number - 1))
            for reference in NOTE_REFERENCE.finditer(text):
                article.references.append((reference.group(1), ident, number - 1))
            continue
        definition = NOTE_DEFINITION.match(line)
        if definition:
            label = definition.group(1)
            article.notes[label] = Note(label, NOTE_DEFINITION.match(original[index]).group(2), number)
    article.marks = list(marks.find(markdown))
    return article


def check_shape(article: Article, paragraphs: int, notes: int) -> None:
    """The article has the witness's paragraphs p1…pN in order, and its notes 1…M."""
    for number, paragraph in enumerate(article.paragraphs, 1):
        if paragraph.anchor != f"p{number}":
            raise article.error(paragraph.line + 1, f"anchor #{paragraph.anchor} stands where #p{number} "
                                                    "should: paragraphs are numbered p1, p2, … in order")
    if len(article.paragraphs) != paragraphs:
        last = article.paragraphs[-1].line + 1 if article.paragraphs else None
        raise article.error(last, f"{len(article.paragraphs)} paragraphs with an anchor, but the witness has "
                                  f"{paragraphs}: paragraph p{len(article.paragraphs) + 1} is missing"
                            if len(article.paragraphs) < paragraphs else
                            f"{len(article.paragraphs)} paragraphs with an anchor, but the witness has {paragraphs}")
    for number, (label, note) in enumerate(article.notes.items(), 1):
        if label != str(number):
            raise article.error(note.line, f"note [^{label}] stands where note [^{number}] should: notes "
                                           "are labelled by their number, in order")
    if len(article.notes) != notes:
        raise article.error(None, f"{len(article.notes)} notes, but the witness has {notes}")
    for position, (label, _, line) in enumerate(article.references, 1):
        if label != str(position):
            raise article.error(line, f"note reference [^{label}] stands where [^{position}] should: "
                                      "the references follow the notes' order")
