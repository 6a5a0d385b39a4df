"""Reading the witness: the plain-text extraction of the printed article.

The extraction is eight printed pages one after another. Each page is body text followed by
its notes; a new page starts with a line that begins with one space (page 3, the first page
of the article body, follows the `****` divider instead). Lines are hard-wrapped and
hyphenated; `sources/hyphenation.yml` lists the line-end hyphens that are real hyphens.

Everything here is derived from the file, so that tests can hold the edition against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import paths, schemas
from .errors import EditionError

DIVIDER = "************"
NOTE_COUNT = 21  # note references run 1..21; notes 20 and 21 have no text in the witness
TERMINAL = ".!?»…"
NOTE_REF_FOLLOWERS = " .,;:)»"


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the witness file
    text: str
    page: int


@dataclass(frozen=True)
class HyphenDecision:
    line: int  # the line that ends with the hyphen
    left: str
    right: str
    kept: bool

    @property
    def word(self) -> str:
        return self.left + self.right if self.kept else self.left[:-1] + self.right


@dataclass
class Block:
    """A paragraph (or a note) joined from its lines.

    `text` has note references removed; `note_refs` and `page_breaks` give their offsets in it.
    """

    text: str
    first_line: int
    last_line: int
    line_starts: list[tuple[int, int]] = field(default_factory=list)  # (offset, line number)
    note_refs: list[tuple[int, int]] = field(default_factory=list)  # (offset, note number)
    page_breaks: list[tuple[int, int]] = field(default_factory=list)  # (offset, page number)

    def line_at(self, offset: int) -> int:
        """The witness line on which the character at `offset` stands."""
        number = self.first_line
        for start, line in self.line_starts:
            if start > offset:
                break
            number = line
        return number

    def with_note_refs(self, template: str = "[^{n}]") -> str:
        """The text with each note reference put back where the witness has it."""
        out, last = [], 0
        for offset, number in self.note_refs:
            out += [self.text[last:offset], template.format(n=number)]
            last = offset
        out.append(self.text[last:])
        return "".join(out)


@dataclass
class Witness:
    path: Path
    pages: list[list[Line]]
    title_ru: str
    summary_ru: list[Block]
    title_en: str
    abstract_en: list[Block]
    keywords_en: list[str]
    paragraphs: list[Block]
    notes: dict[int, Block]
    hyphens: list[HyphenDecision]

    def find(self, reading: str) -> list[tuple[str, Block, int]]:
        """Where a reading occurs in the joined text: (part, block, offset) for each hit.

        Parts are `summary`, `abstract`, `paragraph N` and `note N`.
        """
        hits = []
        for part, block in self.blocks():
            start = block.text.find(reading)
            while start != -1:
                hits.append((part, block, start))
                start = block.text.find(reading, start + 1)
        return hits

    def blocks(self):
        for block in self.summary_ru:
            yield "summary", block
        for block in self.abstract_en:
            yield "abstract", block
        for number, block in enumerate(self.paragraphs, 1):
            yield f"paragraph {number}", block
        for number, block in self.notes.items():
            yield f"note {number}", block


# --- pages ------------------------------------------------------------------------------


def split_pages(raw_lines: list[str]) -> list[list[Line]]:
    """Cut the file into printed pages.

    A page begins with a line that starts with exactly one space, unless the line before
    ends with a hyphen: then the space is an extraction artefact inside a hyphenated word
    (line 52, ` советского`). The line after the divider begins page 3.
    """
    pages: list[list[tuple[int, str]]] = [[]]
    previous = ""
    after_divider = False
    for number, text in enumerate(raw_lines, 1):
        starts_page = (
            re.match(r" \S", text) is not None and not previous.rstrip().endswith("-")
        ) or after_divider
        if starts_page and pages[-1]:
            pages.append([])
        after_divider = text.strip() == DIVIDER
        pages[-1].append((number, text))
        if text.strip():
            previous = text
    return [[Line(n, t, page) for n, t in lines] for page, lines in enumerate(pages, 1)]


# --- joining lines ----------------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip("0123456789").endswith(tuple(TERMINAL))


def _starts_paragraph(text: str) -> bool:
    first = text.strip()[:1]
    return first.isupper() or first.isdigit()


def join_lines(
    units: list[tuple[Line, bool]], keep: set[str], decisions: list[HyphenDecision]
) -> list[Block]:
    """Join lines into paragraphs.

    `units` are the lines with a flag telling whether something (a blank line, notes, a page
    break) stood between the line and the one before it. Such a gap is a paragraph break only
    when the line before ends a sentence and this one begins like a paragraph: a blank line
    alone does not prove one.
    """
    blocks: list[Block] = []
    for line, gap in units:
        text = _squash(line.text)
        if not text:
            continue
        current = blocks[-1] if blocks else None
        new_paragraph = current is None or (
            gap and _ends_sentence(current.text) and _starts_paragraph(text)
        )
        if new_paragraph:
            blocks.append(Block(text, line.number, line.number, [(0, line.number)]))
            continue
        if current.text.endswith("-"):
            left = current.text.rsplit(" ", 1)[-1]
            right = text.split(" ", 1)[0]
            kept = _word(left + right) in keep
            decisions.append(HyphenDecision(current.last_line, left, right, kept))
            if not kept:
                current.text = current.text[:-1]
        else:
            current.text += " "
        current.line_starts.append((len(current.text), line.number))
        current.text += text
        current.last_line = line.number
    return blocks


def _word(token: str) -> str:
    return token.strip(".,;:!?«»()[]\"")


# --- note references ----------------------------------------------------------------------


def take_note_refs(paragraphs: list[Block], first: int, last: int) -> None:
    """Find note references first..last in order and cut them out of the text.

    A reference is the expected number glued to the preceding word or punctuation and
    followed by a space, punctuation or the end of the paragraph (`материалов3`, `1933»1`,
    `Германии.10`). Looking for the next number only, in order, keeps years and dates safe.
    """
    number = first
    for block in paragraphs:
        position = 0
        while number <= last:
            pattern = re.compile(rf"(?<=[^\s\d]){number}(?=[{re.escape(NOTE_REF_FOLLOWERS)}]|$)")
            match = pattern.search(block.text, position)
            if not match:
                break
            start, end = match.span()
            block.text = block.text[:start] + block.text[end:]
            block.line_starts = [(o - (end - start) if o > start else o, n) for o, n in block.line_starts]
            block.note_refs.append((start, number))
            position = start
            number += 1
    if number <= last:
        raise EditionError(paths.WITNESS, None, f"note reference {number} not found in the body")


# --- the whole file -----------------------------------------------------------------------


def _units(lines: list[Line]) -> list[tuple[Line, bool]]:
    units, gap = [], False
    for line in lines:
        if not line.text.strip():
            gap = True
            continue
        units.append((line, gap))
        gap = False
    return units


def _split_notes(page: list[Line], expected: int) -> tuple[list[Line], dict[int, list[Line]], int]:
    """Separate a page's body lines from the notes printed at its foot."""
    body: list[Line] = []
    notes: dict[int, list[Line]] = {}
    for line in page:
        match = re.match(r"(\d+)(?=\D)", line.text)
        if match and int(match.group(1)) == expected and not line.text[match.end()].isspace():
            notes[expected] = [Line(line.number, line.text[match.end():], line.page)]
            expected += 1
        elif notes:
            notes[expected - 1].append(line)
        else:
            body.append(line)
    return body, notes, expected


def parse_hyphenation(data, path: Path) -> set[str]:
    """The words of `sources/hyphenation.yml` whose line-end hyphen is a real hyphen."""
    schemas.check(data, schemas.HYPHENATION, path)
    return set(data["keep"])


def parse(text: str, keep: set[str], path: Path = paths.WITNESS) -> Witness:
    pages = split_pages(text.split("\n"))
    if len(pages) != 8:
        raise EditionError(path, None, f"expected 8 printed pages, found {len(pages)}")
    decisions: list[HyphenDecision] = []

    # Pages 1 and 2: the Russian title and summary, the English title, abstract, keywords.
    page1, page2 = pages[0], [line for line in pages[1] if line.text.strip() != DIVIDER]
    title_ru, rest1 = _heading(page1, "Резюме", path)
    title_en, rest2 = _heading(page2, "Abstract", path)
    keyword_at = next(i for i, line in enumerate(rest2) if line.text.startswith("Keywords:"))
    summary = join_lines(_units(rest1), keep, decisions)
    abstract = join_lines(_units(rest2[:keyword_at]), keep, decisions)
    keywords_text = _squash(" ".join(line.text for line in rest2[keyword_at:]))
    keywords = [k.strip().rstrip(".") for k in keywords_text.removeprefix("Keywords:").split(",")]

    # Pages 3 to 8: body text with the notes of each page at its foot.
    body_units: list[tuple[Line, bool]] = []
    note_lines: dict[int, list[Line]] = {}
    expected = 1
    for page in pages[2:]:
        body, notes, expected = _split_notes(page, expected)
        units = _units(body)
        if units:  # the page break itself is a gap, as the notes before it are
            units[0] = (units[0][0], True)
        body_units += units
        note_lines.update(notes)

    paragraphs = join_lines(body_units, keep, decisions)
    take_note_refs(paragraphs, 1, NOTE_COUNT)
    for block in paragraphs:
        block.page_breaks = _page_breaks(block, pages)
    notes = {n: join_lines(_units(lines), keep, decisions)[0] for n, lines in note_lines.items()}

    return Witness(path, pages, _squash(title_ru), summary, _squash(title_en), abstract,
                   keywords, paragraphs, notes, decisions)


def _heading(page: list[Line], label: str, path: Path) -> tuple[str, list[Line]]:
    """The title lines above `label`, and the lines after it."""
    for index, line in enumerate(page):
        if line.text.strip() == label:
            title = " ".join(ln.text for ln in page[:index] if ln.text.strip())
            return title, page[index + 1:]
    raise EditionError(path, page[0].number, f"heading '{label}' not found on this page")


def _page_breaks(block: Block, pages: list[list[Line]]) -> list[tuple[int, int]]:
    """Offsets in the block where a printed page begins: the first word wholly on the page."""
    first_lines = {page[0].number: number for number, page in enumerate(pages, 1)}
    first_lines[pages[2][0].number] = 3
    breaks = []
    for offset, line in block.line_starts:
        if line in first_lines:
            start = offset
            if offset and block.text[offset - 1] != " ":  # the page break splits a word:
                space = block.text.find(" ", offset)  # mark it before the next whole word
                start = space + 1 if space != -1 else len(block.text)
            breaks.append((start, first_lines[line]))
    return breaks
