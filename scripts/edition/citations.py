"""Which note cites which work, at which page: read from the articles' Markdown.

The Russian notes are the author's words, so a citation there is a plain Markdown link
around them: `[Горлов С. А. Указ. соч.](cite:gorlov2001) С. 76.` The English notes are the
edition's, so the reference itself comes from the bibliography: `[@gorlov2001 opcit] P. 76.`
Both name the work by its BibTeX key; the pinpoint is read from the words after the link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import article as article_module
from . import marks
from .bibliography import Bibliography
from .emendations import Emendation
from .errors import EditionError

CITE_LINK = marks.CITE_LINK
CITE_TOKEN = re.compile(marks.CITE_TOKEN)
PINPOINT = re.compile(r"^\s*((?:С|S|P|p|pp)\.\s*[IVXLCDM\d]+(?:\s*[–-]\s*[IVXLCDM\d]+)?)")
with_readings = marks.with_readings


@dataclass(frozen=True)
class Citation:
    lang: str
    note: int
    key: str
    relations: tuple[str, ...]  # quoted, see, ibid, opcit; () for a plain reference
    pinpoint: str  # page(s) as the note gives them: "С. 76", "S. 148 – 150"; empty when none
    paragraph: str  # anchor of the paragraph that refers to the note
    line: int  # line of the note in the article's Markdown


def _relations(prefix: str, text: str, mode: str | None) -> tuple[str, ...]:
    """How the note cites: quoted after, see, ibid., op. cit.; empty for a plain reference."""
    found = []
    if re.search(r"(Цит\. по|Quoted in)\s*:?\s*$", prefix):
        found.append("quoted")
    if re.search(r"(См\.|See)(\s+об этом|\s+on this)?\s*:?\s*$", prefix):
        found.append("see")
    if mode == "ibid" or text.startswith("Там же"):
        found.append("ibid")
    if mode == "opcit" or re.search(r"Указ\.\s*соч\.", text):
        found.append("opcit")
    return tuple(found)


def read(lang: str, article: article_module.Article, bibliography: Bibliography,
         emendations: dict[str, Emendation]) -> list[Citation]:
    """Every citation of the article's notes, in order; a note that cites a work the
    bibliography lacks, or cites it in a form that cannot stand, stops with its line."""
    path = article.path
    citations: list[Citation] = []
    for label, note in article.notes.items():
        text = with_readings(note.text, emendations)
        matches = [(m, m.group(1), m.group(2), None) for m in CITE_LINK.finditer(text)]
        matches += [(m, "", m.group(1), m.group(2)) for m in CITE_TOKEN.finditer(text)]
        for match, link_text, key, mode in sorted(matches, key=lambda m: m[0].start()):
            if key not in bibliography:
                raise EditionError(path, note.line,
                                   f"note [^{label}] cites '{key}', which is not in {bibliography.path.name}")
            if mode is not None and mode not in marks.CITE_MODES:
                raise EditionError(path, note.line, f"[@{key} {mode}]: unknown form '{mode}' "
                                                    f"(write {', '.join(marks.CITE_MODES)} or nothing)")
            relations = _relations(text[:match.start()], link_text, mode)
            if "opcit" in relations and not bibliography[key].names("author"):
                raise EditionError(path, note.line, f"note [^{label}]: an op. cit. reference to '{key}', "
                                                    "which has no author to name it by")
            if "ibid" in relations and (not citations or citations[-1].key != key):
                before = f"'{citations[-1].key}'" if citations else "nothing"
                raise EditionError(path, note.line, f"note [^{label}]: ibid. of '{key}', but the citation "
                                                    f"before it is of {before}")
            pinpoint = PINPOINT.match(text[match.end():])
            page = " ".join(pinpoint.group(1).split()) if pinpoint else ""
            if not page and "ibid" in relations and citations and citations[-1].key == key:
                page = citations[-1].pinpoint  # "Ibid." alone: the same place as before
            citations.append(Citation(lang, int(label), key, relations, page,
                                      article.paragraph_of(label) or "", note.line))
    return citations


def by_work(citations) -> dict[str, list[Citation]]:
    grouped: dict[str, list[Citation]] = {}
    for citation in citations:
        grouped.setdefault(citation.key, []).append(citation)
    return grouped
