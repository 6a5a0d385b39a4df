"""The editor's commentary (`sources/commentary.yml`): the edition's own notes on the author's
text, kept apart from the author's numbered notes and lettered a, b, c… by the build.

    parse(data, path, articles, emendations, bibliography)   the notes, checked, in letter order
    marked(text, notes, lang)     a paragraph's or note's Markdown with {ed ID} at each anchor
    into_article(markdown, …)     an article page's Markdown with every letter put in
    concerning(notes, …)          the works each note concerns, for the works pages
    mentioning(notes, entry, …)   the notes that name a register's entry

Each entry is anchored to a paragraph (`p4`) or an author's note (`n8`); `at`, in each
language, names the words after which its letter stands (at the end of the paragraph or note
without it). The words are matched against the text as a reader reads it, marks undone, so
an editor writes «генерала В. Хассе», not «генерала {sic s1}».

The letters follow the reading order of the Russian text (the original): the paragraphs from
first to last, each from its start, then the author's notes in their order. The translation
must meet the letters in the same order, so that a letter means one note in both languages.

The letters never enter the source files: the build puts them into the Markdown it renders
(and the TEI it writes), so the author's text stays as it was, and the fidelity checks, which
read the files, see no letter (marks.to_witness would drop one all the same).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import labels, marks, paths, schemas
from .errors import EditionError

ANCHOR = re.compile(r"^(p|n)([1-9]\d*)$")
# Links inside a note's text that stay on the article page: a paragraph, an author's note,
# another editor's note. The About page turns them into links to the article.
FRAGMENT_LINK = re.compile(r"\]\(#([^)\s]+)\)")
RAW_HTML = re.compile(r"<[A-Za-z/!?][^>\n]*>?")


@dataclass(frozen=True)
class Note:
    id: str
    letter: str  # a, b, … z, aa, ab …: assigned by the build
    anchor: str  # p4 (a paragraph) or n8 (an author's note)
    at: dict[str, str]  # lang → the words the letter follows; empty for the end
    text: dict[str, str]  # lang → Markdown
    offsets: dict[str, int]  # lang → where {ed ID} goes in the paragraph's or note's Markdown
    line: int  # line of the entry in commentary.yml

    @property
    def on_note(self) -> bool:
        return self.anchor.startswith("n")

    @property
    def number(self) -> int:
        return int(self.anchor[1:])

    @property
    def html_id(self) -> str:
        """The id of the entry in the list of editor's notes; the letter's is `edref-…`."""
        return f"ed-{self.id}"


def letter(index: int) -> str:
    """0 → a, 25 → z, 26 → aa: the sequence of CSS's lower-alpha list markers."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


# --- the text as read, and where each of its characters stands in the Markdown ---------------

# The pieces of a line of an article's Markdown that a reader does not read as written.
PIECES = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in (
    ("link", marks.CITE_LINK.pattern),
    ("cite", marks.CITE_TOKEN),
    ("reading", marks.EMENDATION.pattern),
    ("silent", "|".join(mark.pattern for mark in (marks.NOTE_MARK, marks.PAGE_MARK, marks.MISSING_MARK,
                                                  marks.LETTER_MARK, marks.INLINE_ATTRIBUTES)) + r"|\*+"),
)))


def as_read(markdown: str, lang: str, emendations: dict) -> tuple[str, list[int]]:
    """The text as a reader reads it, and for each of its characters the offset in `markdown`
    just after it: where a letter following that character goes. A character of a reading,
    or of a link's words, maps to the end of its mark or link: a letter never splits one."""
    text, ends, position = [], [], 0

    def literal(upto: int) -> None:
        for offset in range(position, upto):
            text.append(markdown[offset])
            ends.append(offset + 1)

    for match in PIECES.finditer(markdown):
        literal(match.start())
        kind = match.lastgroup
        if kind == "link":
            shown = match.group(match.re.groupindex["link"] + 1)
        elif kind == "reading":
            entry = emendations.get(match.group(match.re.groupindex["reading"] + 2))
            shown = "" if entry is None else (entry.english if lang != "ru" and entry.is_sic else entry.edition)
        else:
            shown = ""
        text.append(shown)
        ends.extend([match.end()] * len(shown))
        position = match.end()
    literal(len(markdown))
    return "".join(text), ends


def _offset(markdown: str, phrase: str, lang: str, emendations: dict) -> tuple[int, int]:
    """(where the letter goes, how many times the phrase occurs) in a line of Markdown."""
    if not phrase:
        return len(markdown), 1
    text, ends = as_read(markdown, lang, emendations)
    count = text.count(phrase)
    if count != 1:
        return -1, count
    return ends[text.index(phrase) + len(phrase) - 1], 1


# --- reading the file ---------------------------------------------------------------------------


def _anchored_text(anchor: str, article) -> str | None:
    """The Markdown of the paragraph or note an anchor names, in one article; None if none."""
    kind, number = ANCHOR.match(anchor).groups()
    if kind == "p":
        return next((p.text for p in article.paragraphs if p.anchor == anchor), None)
    note = article.notes.get(number)
    return note.text if note else None


def _place_words(anchor: str) -> str:
    """The anchor in the messages' words: "paragraph 6", "note 8"."""
    kind, number = ANCHOR.match(anchor).groups()
    return labels.label("en", "editor_place_p" if kind == "p" else "editor_place_n", n=number)


def parse(data, path: Path, articles: dict, emendations: dict, bibliography) -> list[Note]:
    """Every entry, checked against the articles, in the order of its letter."""
    schemas.check(data, schemas.COMMENTARY, path)
    seen: dict[str, int] = {}
    placed = []
    for entry in data:
        ident = entry["id"]
        if ident in seen:
            raise entry.error(f"editor's note id '{ident}' is used twice (first on line {seen[ident]})", "id")
        seen[ident] = entry.line
        anchor = entry["anchor"]
        at = dict(entry.get("at") or {})
        offsets = {}
        for lang in paths.LANGUAGES:
            text = _anchored_text(anchor, articles[lang])
            if text is None:
                raise entry.error(f"anchor '{anchor}': the {lang} article has no "
                                  f"{_place_words(anchor)}", "anchor")
            offset, count = _offset(text, at.get(lang, ""), lang, emendations)
            if count != 1:
                where = entry["at"].lines.get(lang, entry.line)
                problem = "is not in" if count == 0 else f"occurs {count} times in"
                raise EditionError(path, where, f"at.{lang}: {at[lang]!r} {problem} {_place_words(anchor)} "
                                                f"of the {lang} article (words as the reader reads them, marks "
                                                "undone; give enough of them to stand once)")
            offsets[lang] = offset
        for lang in paths.LANGUAGES:
            _check_text(entry, lang, bibliography, path)
        placed.append((entry, anchor, at, offsets))
    notes = _lettered(placed)
    _check_fragments(notes, data, path, articles[paths.DEFAULT_LANGUAGE])
    return notes


def _reading_order(anchor: str, offset: int) -> tuple:
    kind, number = ANCHOR.match(anchor).groups()
    return (kind == "n", int(number), offset)


def _lettered(placed: list) -> list[Note]:
    """Letters in the Russian reading order; the English must meet them in the same order."""
    ordered = sorted(placed, key=lambda p: _reading_order(p[1], p[3]["ru"]))
    for lang in paths.LANGUAGES:
        for before, after in zip(ordered, ordered[1:]):
            if before[1] != after[1] or before[3][lang] < after[3][lang]:
                continue
            entry = after[0]
            # The line of the words to move: this language's `at`, else the entry's.
            where = entry["at"].lines.get(lang, entry.line) if "at" in entry else entry.line
            if before[3][lang] > after[3][lang]:
                raise EditionError(entry.path, where, f"'{entry['id']}' comes after '{before[0]['id']}' in the "
                                                      f"Russian {_place_words(after[1])} but before it in the "
                                                      f"{lang} one: a letter must mean one note in both languages "
                                                      f"(move the words of at.{lang})")
            raise EditionError(entry.path, where, f"'{entry['id']}' is anchored at the same place as "
                                                  f"'{before[0]['id']}' in the {lang} text: give other words in at")
    return [Note(id=entry["id"], letter=letter(index), anchor=anchor, at=at,
                 text={lang: entry["text"][lang].strip() for lang in paths.LANGUAGES},
                 offsets=offsets, line=entry.line)
            for index, (entry, anchor, at, offsets) in enumerate(ordered)]


def _check_text(entry, lang: str, bibliography, path: Path) -> None:
    """A note's text is Markdown with [@KEY] references; the marks of the author's text have
    no place in it (a {pb} there would mark a page twice)."""
    text = entry["text"][lang]
    line = entry["text"].lines.get(lang, entry.line)
    for piece, _ in marks.broken(text):
        raise EditionError(path, line, f"text.{lang}: {marks.describe_broken(piece)}")
    tag = RAW_HTML.search(text)
    if tag:
        raise EditionError(path, line, f"text.{lang}: {tag.group()!r} is HTML: an editor's note is Markdown "
                                       "(HTML there would reach the page unescaped)")
    for found in marks.MARK.finditer(text):
        raise EditionError(path, line, f"text.{lang}: {found.group()} has no place in an editor's note "
                                       "(its text is Markdown, with [@KEY] to cite a work)")
    for found in re.finditer(marks.CITE_TOKEN, text):
        key, mode = found.groups()
        if key not in bibliography:
            raise EditionError(path, line, f"text.{lang}: [@{key}]: no such work in {bibliography.path.name}")
        if mode is not None and mode != "short":
            raise EditionError(path, line, f"text.{lang}: [@{key} {mode}]: an editor's note cites a work in "
                                           "full or with 'short' (ibid. and op. cit. depend on the notes "
                                           "before it)")


def _check_fragments(notes: list[Note], data, path: Path, article) -> None:
    """Links inside the article (#p7, #fn:17, #ed-ID) name a place that exists."""
    places = {p.anchor for p in article.paragraphs} | {f"fn:{label}" for label in article.notes}
    places |= {note.html_id for note in notes}
    for entry in data:
        for lang in paths.LANGUAGES:
            for target in FRAGMENT_LINK.findall(entry["text"][lang]):
                if target not in places:
                    raise EditionError(path, entry["text"].lines.get(lang, entry.line),
                                       f"text.{lang}: the link #{target} names no place of the article "
                                       "(write #p7 for a paragraph, #fn:17 for a note, #ed-ID for "
                                       "another editor's note)")


# --- the letters in the Markdown -----------------------------------------------------------


def at_anchor(notes: list[Note], anchor: str) -> list[Note]:
    return [note for note in notes if note.anchor == anchor]


def marked(markdown: str, notes: list[Note], lang: str) -> str:
    """The Markdown of one paragraph or note with {ed ID} where each of `notes` is anchored."""
    for note in sorted(notes, key=lambda n: n.offsets[lang], reverse=True):
        offset = note.offsets[lang]
        markdown = markdown[:offset] + f"{{ed {note.id}}}" + markdown[offset:]
    return markdown


def into_article(markdown: str, article, notes: list[Note], lang: str) -> str:
    """An article page's Markdown with every letter in its paragraph or note. The lines are
    found by their whole text, which the article's reading (article.py) took from this file."""
    for paragraph in article.paragraphs:
        here = at_anchor(notes, paragraph.anchor)
        if here:
            markdown = _replace_line(markdown, "", paragraph.text, marked(paragraph.text, here, lang))
    for label, note in article.notes.items():
        here = at_anchor(notes, f"n{label}")
        if here:
            markdown = _replace_line(markdown, rf"\[\^{re.escape(label)}\]:\s?", note.text,
                                     marked(note.text, here, lang))
    return markdown


def _replace_line(markdown: str, prefix: str, old: str, new: str) -> str:
    pattern = re.compile(rf"^({prefix}){re.escape(old)}$", re.M)
    return pattern.sub(lambda m: m.group(1) + new, markdown, count=1)


def author_notes(note: Note, lang: str) -> set[int]:
    """The author's notes an editor's note concerns: the one it is anchored to, those it links."""
    found = {note.number} if note.on_note else set()
    found |= {int(t[3:]) for t in FRAGMENT_LINK.findall(note.text[lang]) if t.startswith("fn:")}
    return found


def concerning(notes: list[Note], citations: list, lang: str) -> dict[str, list[Note]]:
    """Work key → the editor's notes that cite it ([@KEY]) or concern an author's note citing
    it, in letter order: what a work's page lists after the author's notes."""
    out: dict[str, list[Note]] = {}
    for note in notes:
        keys = [key for key, _ in re.findall(marks.CITE_TOKEN, note.text[lang])]
        numbers = author_notes(note, lang)
        keys += [c.key for c in citations if c.note in numbers]
        for key in dict.fromkeys(keys):
            out.setdefault(key, []).append(note)
    return out


def plain(text: str) -> str:
    """A note's text without Markdown links and emphasis: for finding the names it mentions."""
    text = re.sub(marks.CITE_TOKEN, "", text)
    text = marks.MARKDOWN_LINK.sub(r"\1", text)
    return " ".join(text.replace("*", "").split())


def mentioning(notes: list[Note], pattern: re.Pattern, lang: str) -> list[Note]:
    """The notes whose text in `lang` names what `pattern` (a register entry's forms) finds."""
    return [note for note in notes if pattern.search(plain(note.text[lang]))]
