"""The edition as one object, read once per build from every source file.

    load()       read and check every source: the witness, emendations, metadata,
                 bibliography, names, timeline, shared texts and both articles' Markdown
    generate()   the works pages and downloads of both languages, as text

Each module parses its own file with a pure `parse(text or data, path)`; this is the only
place that opens the files, in the order the checks need them. The first bad input raises an
EditionError naming its file and line. Nothing is cached between builds: `mkdocs serve`
calls load() again on each rebuild and sees every edit.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import (
    article,
    bibliography,
    changelog,
    citations,
    commentary,
    emendations,
    marks,
    metadata,
    names,
    paths,
    textfile,
    timeline,
    witness,
    works_pages,
    yamlfile,
)
from .errors import EditionError


@dataclass
class Edition:
    witness: witness.Witness
    emendations: dict[str, emendations.Emendation]
    metadata: metadata.Metadata
    bibliography: bibliography.Bibliography
    names: dict[str, names.Entry]
    articles: dict[str, article.Article]  # by language
    citations: dict[str, list[citations.Citation]]  # by language
    paragraphs: dict[str, list[tuple[str, str]]]  # by language: (anchor, text as read)
    texts: dict[str, str]  # sources/text/NAME.md by NAME (summary.ru, abstract.en)
    abstracts: dict[str, str]  # the Russian summary, the English abstract: plain text
    timeline: list[timeline.Event]
    releases: list[changelog.Release]  # newest first
    imprints: dict[str, str] = field(default_factory=dict)  # names.yml: place of publication → English
    commentary: list[commentary.Note] = field(default_factory=list)  # the editor's notes, a, b, c…

    @property
    def release(self) -> changelog.Release:
        """The release being built: its version and date are the edition's."""
        return self.releases[0]

    @property
    def cited_keys(self) -> list[str]:
        """The works the notes cite, each once, in the order of first citation."""
        return list(dict.fromkeys(c.key for c in self.citations[paths.DEFAULT_LANGUAGE]))

    @property
    def place_names(self) -> dict[str, str]:
        return names.place_names(self.names, self.imprints)


@contextmanager
def gc_paused():
    """Build many small objects without the cyclic garbage collector scanning them again and
    again: a large bibliography loads and formats a fifth faster. It runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load() -> Edition:
    """Read every source; the first bad input raises an EditionError naming file and line."""
    keep = witness.parse_hyphenation(yamlfile.load(paths.HYPHENATION), paths.HYPHENATION)
    the_witness = witness.parse(textfile.read(paths.WITNESS), keep, paths.WITNESS)
    check_hyphenation(the_witness, keep)
    found = emendations.parse(yamlfile.load(paths.EMENDATIONS), paths.EMENDATIONS, the_witness)
    meta = metadata.parse(yamlfile.load(paths.ARTICLE_META), paths.ARTICLE_META)
    works = bibliography.parse(textfile.read(paths.BIBLIOGRAPHY), paths.BIBLIOGRAPHY)
    names_data = yamlfile.load(paths.NAMES)
    entries = names.parse(names_data, paths.NAMES)
    imprints = names.parse_imprints(names_data, paths.NAMES, entries)
    for entry in entries.values():
        for key in (entry.work, *entry.works):
            if key and key not in works:
                raise EditionError(paths.NAMES, entry.line, f"'{entry.id}': work '{key}' is not in "
                                                            f"{paths.BIBLIOGRAPHY.name}")
    texts = {path.name.removesuffix(".md"): textfile.read(path)
             for path in sorted(paths.TEXTS.glob("*.md")) if path.name != "README.md"}
    for name, text in texts.items():
        for piece, line in marks.broken(text):
            raise EditionError(paths.TEXTS / f"{name}.md", line, marks.describe_broken(piece))
    articles = {}
    for lang in paths.LANGUAGES:
        path = paths.article_markdown(lang)
        articles[lang] = article.parse(textfile.read(path), path)
        article.check_shape(articles[lang], len(the_witness.paragraphs), witness.NOTE_COUNT)
    # The marks of the home pages and the shared texts, read once for the checks below.
    homes = [_scanned(paths.DOCS / lang / "index.md", lang, textfile.read(paths.DOCS / lang / "index.md"))
             for lang in paths.LANGUAGES]
    shared = [_scanned(paths.TEXTS / f"{name}.md", name.rsplit(".", 1)[-1], text) for name, text in texts.items()]
    check_page_marks(articles, homes[0], the_witness)
    check_emendation_marks(articles, shared, found)
    check_fidelity(articles["ru"], texts, the_witness, found)
    check_meta_marks(meta, [Scanned(a.path, lang, a.marks) for lang, a in articles.items()] + homes + shared)
    cited = {lang: citations.read(lang, articles[lang], works, found) for lang in paths.LANGUAGES}
    editors_notes = commentary.parse(yamlfile.load(paths.COMMENTARY), paths.COMMENTARY, articles, found, works)
    check_uncited(works, cited[paths.DEFAULT_LANGUAGE])
    paragraphs = paragraphs_as_read(articles, found)
    events = timeline.parse(yamlfile.load(paths.TIMELINE), paths.TIMELINE)
    timeline.check(events, [text for _, text in paragraphs["ru"]], paths.TIMELINE)
    return Edition(
        witness=the_witness, emendations=found, metadata=meta, bibliography=works, names=entries,
        articles=articles, citations=cited, paragraphs=paragraphs, texts=texts,
        abstracts={"ru": _plain_text(texts, "summary.ru"), "en": _plain_text(texts, "abstract.en")},
        timeline=events,
        releases=changelog.parse(yamlfile.load(paths.CHANGELOG), paths.CHANGELOG),
        imprints=imprints,
        commentary=editors_notes,
    )


def check_hyphenation(the_witness: witness.Witness, keep: set[str]) -> None:
    """Every word listed as keeping its hyphen is one of the witness's line-end hyphens."""
    used = {decision.word for decision in the_witness.hyphens if decision.kept}
    for word in sorted(keep - used):
        raise EditionError(paths.HYPHENATION, _line_of(paths.HYPHENATION, word),
                           f"'{word}' is not a word split at a line end of the witness")


def _line_of(path: Path, text: str) -> int | None:
    lines = textfile.read(path).split("\n")
    return next((number for number, line in enumerate(lines, 1) if text in line), None)


class Scanned(NamedTuple):
    """A page or shared text and its marks: (name, argument, line), as marks.find reads them."""

    path: Path
    lang: str
    marks: list


def _scanned(path: Path, lang: str, text: str) -> Scanned:
    return Scanned(path, lang, list(marks.find(text)))


def check_page_marks(articles: dict[str, article.Article], home: Scanned, the_witness: witness.Witness) -> None:
    """Each article marks the pages of the body (3…8) once each, in order; the Russian
    edition marks every page of the witness, the first two on its home page."""
    body = list(range(3, len(the_witness.pages) + 1))
    for text in articles.values():
        _check_sequence(text.path, text.marks, body)
    _check_sequence(home.path, home.marks, list(range(1, body[0])))


def _check_sequence(path: Path, page_marks: list, expected: list[int]) -> None:
    found = []
    for name, argument, line in page_marks:
        if name != "pb":
            continue
        try:
            found.append((marks.page_number(argument), line))
        except ValueError as problem:
            raise EditionError(path, line, str(problem)) from None
    for position, (number, line) in enumerate(found):
        if number not in expected:
            raise EditionError(path, line, f"{{pb {number}}}: this page marks pages "
                                           f"{expected[0]}–{expected[-1]} of the witness only")
        if position < len(expected) and number != expected[position]:
            seen = [n for n, _ in found[:position]]
            problem = "is marked twice" if number in seen else "comes out of order"
            raise EditionError(path, line, f"{{pb {number}}} {problem}: expected {{pb {expected[position]}}} here")
    if len(found) < len(expected):
        missing = expected[len(found)]
        raise EditionError(path, found[-1][1] if found else None, f"{{pb {missing}}} is missing: every "
                                                                  "page of the witness is marked once")


def check_emendation_marks(articles: dict[str, article.Article], shared: list[Scanned],
                           found: dict[str, emendations.Emendation]) -> None:
    """Every entry of emendations.yml is marked once in the Russian text; the English
    translation marks the sic readings once and no emendation (it follows the edition)."""
    sources = [(articles["ru"].path, articles["ru"].marks)] + [(text.path, text.marks) for text in shared]
    used: dict[str, tuple[Path, int]] = {}
    for path, page_marks in sources:
        for name, ident, line in page_marks:
            if name not in ("em", "sic"):
                continue
            if ident not in found:
                raise EditionError(path, line, f"{{{name} {ident}}}: no entry '{ident}' in emendations.yml")
            if ident in used:
                first_path, first_line = used[ident]
                raise EditionError(path, line, f"{{{name} {ident}}} is used twice (first at "
                                               f"{first_path.name}:{first_line}): each entry marks one place")
            used[ident] = (path, line)
    for entry in found.values():
        if entry.id not in used:
            raise EditionError(paths.EMENDATIONS, entry.line, f"'{entry.id}' is marked nowhere in the Russian "
                                                              f"text: add {{{'sic' if entry.is_sic else 'em'} "
                                                              f"{entry.id}}} where it belongs")
    english = articles["en"]
    seen: set[str] = set()
    for name, ident, line in english.marks:
        if name == "em":
            raise EditionError(english.path, line, f"{{em {ident}}}: the translation follows the edition's "
                                                   "reading and marks no emendation")
        if name == "sic":
            if ident not in found or not found[ident].is_sic:
                raise EditionError(english.path, line, f"{{sic {ident}}}: no sic entry '{ident}' in emendations.yml")
            if ident in seen:
                raise EditionError(english.path, line, f"{{sic {ident}}} is used twice")
            seen.add(ident)


def check_meta_marks(meta: metadata.Metadata, pages: list[Scanned]) -> None:
    """Every {meta FIELD} of the articles, the home pages and the shared texts names a field:
    the TEI is written from these before any page is rendered."""
    for path, lang, page_marks in pages:
        for name, argument, line in page_marks:
            if name == "meta":
                try:
                    meta.mark_text(argument, lang if lang in paths.LANGUAGES else paths.DEFAULT_LANGUAGE)
                except ValueError as problem:
                    raise EditionError(path, line, str(problem)) from None


def witness_with_marks(block: witness.Block) -> str:
    """A witness paragraph with its note references and page starts put in as marks."""
    inserts = [(o, f"[^{n}]") for o, n in block.note_refs] + [(o, f"{{pb {p}}}") for o, p in block.page_breaks]
    text = block.text
    for offset, mark in sorted(inserts, key=lambda i: (-i[0], i[1].startswith("["))):
        text = text[:offset] + mark + text[offset:]
    return text


def _departure(edition_text: str, witness_text: str) -> str | None:
    """Where the edition's words, marks undone, part from the witness's: a sentence, or None."""
    mine, theirs = edition_text.split(), witness_text.split()
    if mine == theirs:
        return None
    at = next((i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b), min(len(mine), len(theirs)))
    def word(words):
        return f"«{words[at]}»" if at < len(words) else "nothing more"
    return (f"departs from the witness at word {at + 1}: the edition has {word(mine)}, the witness "
            f"{word(theirs)} (every change to the witness is an entry of emendations.yml)")


def check_fidelity(russian: article.Article, texts: dict[str, str], the_witness: witness.Witness,
                   found: dict[str, emendations.Emendation]) -> None:
    """The Russian text, its marks undone, is the witness word for word, with the note
    references and page starts where the witness has them: an accidental edit stops here."""
    for paragraph, block in zip(russian.paragraphs, the_witness.paragraphs):
        problem = _departure(marks.to_witness(paragraph.text, found, keep_pages=True), witness_with_marks(block))
        if problem:
            raise EditionError(russian.path, paragraph.line, f"paragraph {paragraph.anchor} {problem}")
    for number, block in the_witness.notes.items():
        note = russian.notes.get(str(number))
        problem = note and _departure(marks.to_witness(note.text, found), block.text)
        if problem:
            raise EditionError(russian.path, note.line, f"note {number} {problem}")
    for name, blocks in (("summary.ru", the_witness.summary_ru), ("abstract.en", the_witness.abstract_en)):
        path = paths.TEXTS / f"{name}.md"
        if name not in texts:
            raise EditionError(path, None, "file not found: the home pages include it")
        text = texts[name]
        paragraphs = [(p, text[:text.find(p)].count("\n") + 1) for p in text.split("\n\n")
                      if p.strip() and not p.lstrip().startswith(("#", "**Keywords"))]
        for (paragraph, line), block in zip(paragraphs, blocks):
            problem = _departure(marks.to_witness(paragraph, found), block.text)
            if problem:
                raise EditionError(path, line, problem)
        if len(paragraphs) != len(blocks):
            raise EditionError(path, None, f"{len(paragraphs)} paragraphs, but the witness has {len(blocks)}")


def check_uncited(works: bibliography.Bibliography, cited: list[citations.Citation]) -> None:
    """An edition's bibliography lists the works its notes cite: a work that no note cites,
    nor any part of it, is an error unless its keywords say `uncited`."""
    keys = {c.key for c in cited}
    for work in works.works.values():
        if work.key in keys or work.listed_uncited:
            continue
        if any(part.key in keys for part in work.descendants()):
            continue
        raise EditionError(works.path, work.line, f"'{work.key}' is cited by no note (nor is any part of it): "
                                                  f"cite it, remove it, or add '{bibliography.UNCITED}' to its "
                                                  "keywords to list it all the same")


def paragraphs_as_read(articles: dict[str, article.Article],
                       found: dict[str, emendations.Emendation]) -> dict[str, list[tuple[str, str]]]:
    """Each article's paragraphs as a reader sees them: the edition's readings in the Russian,
    the sic reading in its English form in the English."""
    out = {}
    for lang, text in articles.items():
        if lang == "ru":
            def read(t):
                return marks.with_readings(t, found)
        else:
            def read(t):
                return marks.EMENDATION.sub(lambda m: found[m.group(2)].english, t)
        out[lang] = [(p.anchor, marks.strip_marks(read(p.text))) for p in text.paragraphs]
    return out


def _plain_text(texts: dict[str, str], name: str) -> str:
    """A shared text's paragraphs as plain text (no heading, no keyword line)."""
    if name not in texts:
        raise EditionError(paths.TEXTS / f"{name}.md", None, "file not found: the home pages include it")
    return "\n\n".join(p.strip() for p in texts[name].split("\n\n")
                       if p.strip() and not p.startswith(("#", "**")))


def generate(edition: Edition) -> dict[str, dict[str, str]]:
    """The works pages and downloads of every language: language → file name → text."""
    editor_notes = {lang: commentary.concerning(edition.commentary, edition.citations[lang], lang)
                    for lang in paths.LANGUAGES}
    return works_pages.all_pages(edition.bibliography, edition.citations, edition.place_names, editor_notes)


def is_generated(src_uri: str) -> bool:
    parts = src_uri.split("/")
    return len(parts) > 2 and parts[1] == paths.WORKS_FOLDER
