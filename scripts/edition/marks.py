"""The grammar of the edition's marks: one definition, read by the Markdown extension that
expands them (mdx_edition.py) and by the edition's reading of the article pages (article.py).

    {pb N}          page N of the printed original begins with the next word
    {em ID}         an emendation: the edition's reading from sources/emendations.yml
    {sic ID}        a reading kept as printed and marked (sic)
    {missing}       a note whose text the witness lacks
    {meta FIELD}    from the article's metadata: title (title.en, title.ru), authors, keywords
    {ed ID}         the letter of the editor's note ID: put in by the build at the anchor that
                    sources/commentary.yml gives it (commentary.py), never written in a page
    [text](cite:KEY)          a link from the author's words to the work KEY (Russian notes)
    [@KEY], [@KEY MODE]       the reference to KEY, written from the bibliography (English
                              notes); MODE is short, ibid or opcit

and, each alone in its paragraph (a block):

    {include NAME}  the text of sources/text/NAME.md (NAME ends in its language: summary.ru)
    {table NAME}    a table built from data: emendations, hyphenation
    {cite}          how to cite the article ({cite folded}: folded until the reader opens it)
    {header}        the article page's header: author, source, version, other language, downloads
    {parallel}      the side-by-side text of both languages (parallel.py fills it in after the build)
    {register G}    the register of persons, places, organisations or documents
    {timeline}      the dated events, each linked to its paragraph
    {changelog}     the releases, newest first: corrections of the text, changes to the site
    {data}          the edition's data to download: TEI, bibliography, citation files, source
    {commentary}    the editor's notes, each linked to its place in the article

Anything that starts like a mark but does not parse as one (`{pb 4` without its brace, an
unknown `{pd 4}`) is an error, never text for the reader.
"""

from __future__ import annotations

import re

INLINE = ("pb", "em", "sic", "missing", "meta", "ed")
BLOCK = ("include", "table", "cite", "register", "timeline", "changelog", "data", "commentary", "header",
         "parallel")
NAMES = INLINE + BLOCK

# A mark: its name and its argument (everything up to the closing brace, on one line).
MARK = re.compile(r"\{(" + "|".join(NAMES) + r")(?: ([^{}\n]*))?\}")
INLINE_MARK = r"\{(" + "|".join(INLINE) + r")(?: ([^{}\n]*))?\}"
BLOCK_MARK = re.compile(r"^\{(" + "|".join(BLOCK) + r")(?: ([^{}\n]*))?\}$")
# What is left of a mark that did not parse, or of a word in braces that is no mark.
BROKEN = re.compile(r"\{(?:" + "|".join(NAMES) + r")\b[^}\n]*(?:\}|$)|\{[a-z]+(?: [^{}\n]*)?\}", re.M)

# [link text](cite:KEY); the link text may hold one level of brackets: «[б/м, …]».
CITE_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(cite:([^)\s]*)\)")
CITE_TOKEN = r"\[@([^\]\s]*)(?:\s+([a-z]+))?\]"
# short: the set title, volume and imprint of a volume cited again (notes 17, 19);
# shortset: the same with the set's number of volumes and its imprint before the volume, as
# the author abbreviates note 14.
CITE_MODES = ("short", "shortset", "ibid", "opcit")
ANCHOR = re.compile(r"^\{:\s*#(p\d+)\s*\}\s*$")
CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
FENCE = re.compile(r"^\s*(```|~~~)")


def describe_broken(text: str) -> str:
    """What is wrong with a piece of text that starts like a mark but is none."""
    name = re.match(r"\{(\w+)", text).group(1)
    shown = text if len(text) <= 40 else text[:37] + "…"
    if name == "ed" and MARK.fullmatch(text):
        return (f"{text}: the letters of the editor's notes are put in by the build: anchor the note "
                "in sources/commentary.yml instead")
    if name in BLOCK and text.endswith("}") and MARK.fullmatch(text):
        return f"{text} must stand alone in its paragraph, with blank lines around it"
    if name in NAMES:
        return f"{shown!r} is not a well-formed mark: write {{{name} …}} on one line, with its closing brace"
    return f"{shown} is not a mark of this edition (the marks are: {', '.join(NAMES)})"


def broken(markdown: str | list[str]):
    """Pieces of a page outside code that start like a mark and do not stand as one (a mark
    that does not parse, an unknown one, a block mark inside a paragraph): (text, line).
    `markdown` is the page, or its lines as outside_code() gives them."""
    lines = outside_code(markdown) if isinstance(markdown, str) else markdown
    for number, line in enumerate(lines, 1):
        for match in BROKEN.finditer(line):
            text = match.group()
            mark = MARK.fullmatch(text)
            if not mark or mark.group(1) == "ed" or (mark.group(1) in BLOCK and line.strip() != text):
                yield text, number


def page_number(argument: str) -> int:
    """The N of {pb N}; ValueError with a sentence if N is not a page number."""
    if not argument.strip().isdigit():
        raise ValueError(f"{{pb {argument}}}: the page must be a number, as in {{pb 4}}")
    return int(argument)


def outside_code(markdown: str) -> list[str]:
    """The page's lines with fenced blocks and code spans blanked: where marks are read."""
    lines, fence = [], None
    for line in markdown.split("\n"):
        opener = FENCE.match(line)
        if fence is None and opener:
            fence = opener.group(1)
            lines.append("")
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines.append("")
        else:
            lines.append(CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
    return lines


def find(markdown: str):
    """Every mark of a page outside code: (name, argument, line), in order."""
    for number, line in enumerate(outside_code(markdown), 1):
        for match in MARK.finditer(line):
            yield match.group(1), (match.group(2) or "").strip(), number


class Locator:
    """Finds the line of the n-th occurrence of a piece of text in a page, outside code:
    Python-Markdown does not keep source lines, so the marks' errors ask here."""

    def __init__(self, markdown: str):
        self.lines = outside_code(markdown)
        self.seen: dict[str, int] = {}

    def next_line(self, text: str) -> int | None:
        """The line of the next not yet claimed occurrence of `text`."""
        count = self.seen[text] = self.seen.get(text, 0) + 1
        return self.line(text, count)

    def line(self, text: str, occurrence: int = 1) -> int | None:
        found = 0
        for number, line in enumerate(self.lines, 1):
            found += line.count(text)
            if found >= occurrence:
                return number
        return next((n for n, line in enumerate(self.lines, 1) if text in line), None)


# --- the text a mark stands for -----------------------------------------------------------

EMENDATION = re.compile(r"\{(em|sic) ([^{}\s]+)\}")
PAGE_MARK = re.compile(r"\{pb \d+\}")
LETTER_MARK = re.compile(r"\{ed [^{}\s]+\}")  # an editor's note's letter: never the author's text
NOTE_MARK = re.compile(r"\[\^[^\]]+\]")
MISSING_MARK = re.compile(r"\{missing\}")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # [words](target): group 1 the words


def with_readings(text: str, emendations: dict, reading: str = "edition") -> str:
    """Replace {em ID}/{sic ID} by the edition's (or the witness's) reading."""
    def replace(match):
        found = emendations.get(match.group(2))
        return getattr(found, reading) if found else match.group(0)
    return EMENDATION.sub(replace, text)


INLINE_ATTRIBUTES = re.compile(r"\{:[^{}\n]*\}")  # attr_list's {: lang="de" } after an element


def strip_marks(text: str) -> str:
    """Text with note references, page marks, attribute lists and link syntax taken out:
    what a reader reads."""
    text = INLINE_ATTRIBUTES.sub("", NOTE_MARK.sub("", LETTER_MARK.sub("", text)))
    text = PAGE_MARK.sub("", text)
    return CITE_LINK.sub(lambda m: m.group(1), text)


def to_witness(markdown: str, emendations: dict, keep_pages: bool = False) -> str:
    """The Russian text with every mark undone (page marks kept if asked): what the witness
    says, for the fidelity checks."""
    text = with_readings(LETTER_MARK.sub("", markdown), emendations, reading="witness")
    text = CITE_LINK.sub(lambda m: m.group(1), text)
    if not keep_pages:
        text = PAGE_MARK.sub("", text)
    return MISSING_MARK.sub("", text)
