"""The edition's few marks in its Markdown pages, turned into Markdown and HTML.

    {pb N}          page N of the printed original begins with the next word
    {em ID}         an emendation: the edition's reading from sources/emendations.yml
    {sic ID}        a reading kept as printed and marked (sic)
    {missing}       a note whose text the witness lacks
    {meta FIELD}    from the article's metadata: title (title.en, title.ru), authors, keywords
    {include NAME}  the text of sources/text/NAME.md (NAME ends in its language: summary.ru)
    {table NAME}    a table built from data: emendations, hyphenation
    {cite}          how to cite the article: GOST, Chicago, APA and the files to download
                    ({cite folded}: the same, folded until the reader opens it)
    {register G}    the register of persons, places, organisations or documents
    {timeline}      the dated events, each linked to its paragraph
    [text](cite:KEY)          a link from the author's words to the work KEY (Russian notes)
    [@KEY], [@KEY MODE]       the reference to KEY, written from the bibliography (English
                              notes); MODE is short, ibid or opcit

Pages generated from data (the works pages) never go through here, so nothing in a title
from the .bib can be read as one of these marks.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import escape, gost, paths
from .bibliography import Bibliography
from .citations import CITE_LINK, CITE_TOKEN, with_readings
from .emendations import Emendation
from .errors import EditionError
from .labels import label
from .metadata import Metadata
from .witness import Witness

TOKEN = re.compile(r"\{(pb|em|sic|missing|meta|include|table|cite|register|timeline)(?: ([^{}\n]*))?\}")
SIC = re.compile(r"\{sic ([^{}\s]+)\}")


@dataclass
class Page:
    """What a mark needs to know about the page it stands on."""

    lang: str
    src_uri: str  # e.g. "ru/article.md"
    path: Path  # the Markdown file, for error messages
    sources: Any  # build.Sources: every source file, read and checked
    site_url: str = ""

    @property
    def emendations(self) -> dict[str, Emendation]:
        return self.sources.emendations

    @property
    def metadata(self) -> Metadata:
        return self.sources.metadata

    @property
    def bibliography(self) -> Bibliography:
        return self.sources.bibliography

    @property
    def witness(self) -> Witness:
        return self.sources.witness

    @property
    def place_names(self) -> dict[str, str]:
        return self.sources.place_names

    def link(self, target: str) -> str:
        """A Markdown link target to `target` (a path under the language folder)."""
        here = posixpath.dirname(self.src_uri)
        return posixpath.relpath(f"{self.lang}/{target}", here or ".")

    def link_outside(self, target: str) -> str:
        """A Markdown link target to a file outside the language folders (`cite/…`)."""
        return posixpath.relpath(target, posixpath.dirname(self.src_uri) or ".")

    def url_to(self, lang: str, target: str) -> str:
        """A relative URL to a page of either language: for raw HTML links, which MkDocs
        leaves alone (a Markdown link cannot leave the language being built)."""
        return posixpath.relpath(site_url_of(f"{lang}/{target}"), site_url_of(self.src_uri)) + "/"


def site_url_of(src_uri: str) -> str:
    """Where a page lands: the default language at the root, the other under /LANG/;
    `x.md` becomes `x/` and `index.md` its folder (use_directory_urls)."""
    lang, _, rest = src_uri.partition("/")
    rest = rest.removesuffix(".md")
    rest = "" if rest == "index" else rest.removesuffix("/index")
    prefix = "" if lang == paths.DEFAULT_LANGUAGE else lang
    return "/" + "/".join(part for part in (prefix, rest) if part)


def render(markdown: str, page: Page) -> str:
    markdown = TOKEN.sub(lambda m: _include(m, page) if m.group(1) == "include" else m.group(0), markdown)
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if "{" in line or "cite:" in line or "[@" in line:
            lines[number] = _render_line(line, page, number + 1)
    return "\n".join(lines)


def _render_line(line: str, page: Page, number: int) -> str:
    indent = line[: len(line) - len(line.lstrip())]

    def token(match: re.Match) -> str:
        kind, argument = match.group(1), (match.group(2) or "").strip()
        try:
            expanded = RENDERERS[kind](argument, page)
        except KeyError as missing:
            raise EditionError(page.path, number, f"{{{kind} {argument}}}: unknown {missing}") from None
        return expanded.replace("\n", "\n" + indent)  # a table inside an indented block

    line = CITE_LINK.sub(lambda m: _cite_link(m, page, number), line)
    line = CITE_TOKEN.sub(lambda m: _cite_token(m, page, number), line)
    return TOKEN.sub(token, line)


# --- marks ---------------------------------------------------------------------------------


def _page_break(argument: str, page: Page) -> str:
    n = int(argument)
    title = escape.attr(label(page.lang, "page_break", n=n))
    # Drawn by CSS from data-page; hidden from screen readers, for whom a page number in
    # the middle of a sentence would be noise.
    return (f'<span class="page-break" id="page-{n}" aria-hidden="true" title="{title}" '
            f'data-page="{n}"></span>')


def _emendation(argument: str, page: Page) -> str:
    found = page.emendations[argument]
    if found.is_sic:
        raise KeyError(f"emendation (use {{sic {argument}}})")
    title = escape.attr(label(page.lang, "emended", reading=found.witness))
    hidden = escape.md(label(page.lang, "emended_hidden", reading=found.witness))
    return (f'<span class="emendation" id="em-{found.id}" title="{title}">{escape.md(found.edition)}'
            f'<span class="visually-hidden">{hidden}</span></span>')


def _sic(argument: str, page: Page) -> str:
    found = page.emendations[argument]
    if not found.is_sic:
        raise KeyError(f"sic entry (use {{em {argument}}})")
    reading = found.edition if page.lang == "ru" else found.english
    title = label(page.lang, "sic").replace('"', "'")
    return (f'<span class="sic-reading" id="em-{found.id}">{escape.md(reading)}</span> '
            f'[\\[*sic*\\]]({page.link("about.md")}#{found.id} "{title}"){{: .sic }}')


def _missing(argument: str, page: Page) -> str:
    text = escape.md(label(page.lang, "missing_note"))
    note = escape.md(label(page.lang, "editor_note"))
    return f'<span class="editorial">{text} — [{note}]({page.link("about.md")}#missing-notes)</span>'


def _meta(argument: str, page: Page) -> str:
    """{meta title}, {meta title.en}, {meta authors}, {meta keywords}: from sources/article.yml."""
    field, _, lang = argument.partition(".")
    lang = lang or page.lang
    meta = page.metadata
    if field == "title":
        return escape.md(meta.title[lang])
    if field == "authors":
        return escape.md(", ".join(author.display(lang) for author in meta.authors))
    if field == "keywords":
        return escape.md(", ".join(meta.keywords["en"])) + "."
    raise KeyError("metadata field")


def _include(match: re.Match, page: Page) -> str:
    name = (match.group(2) or "").strip()
    path = paths.TEXTS / f"{name}.md"
    if not path.is_file():
        raise EditionError(page.path, None, f"{{include {name}}}: no file {path.name} in sources/text")
    text = path.read_text(encoding="utf-8").strip()
    lang = name.rsplit(".", 1)[-1]
    if lang != page.lang:
        return f'<div lang="{lang}" markdown>\n\n{text}\n\n</div>'
    return text


def _table(argument: str, page: Page) -> str:
    from . import tables  # the About page's tables: only one page needs them
    return tables.TABLES[argument](page)


def _how_to_cite(argument: str, page: Page) -> str:
    from . import citing
    if argument not in ("", "folded"):
        raise KeyError("form of {cite} (write {cite} or {cite folded})")
    return citing.how_to_cite(page.metadata, citing.Urls(page.site_url), page.lang,
                              lambda name: page.link_outside(f"{citing.CITE_FOLDER}/{name}"),
                              collapsed=argument == "folded")


def _register(argument: str, page: Page) -> str:
    from . import registers
    group = [e for e in page.sources.names.values() if e.group == argument]
    if not group:
        raise KeyError("register group")
    return registers.render(group, page.lang, page.sources.paragraphs[page.lang], page.link("article.md"))


def _timeline(argument: str, page: Page) -> str:
    from . import timeline
    return timeline.table(page.sources.timeline, page.lang, page.link("article.md"))


RENDERERS = {"pb": _page_break, "em": _emendation, "sic": _sic, "missing": _missing,
             "meta": _meta, "table": _table, "cite": _how_to_cite, "register": _register,
             "timeline": _timeline}


# --- citations -------------------------------------------------------------------------------


def work_link(page: Page, key: str) -> str:
    return page.link(f"{paths.WORKS_FOLDER}/{key}.md")


def _lang_attribute(page: Page, key: str) -> str:
    """Mark a reference in another language than the page's (a German title in a note)."""
    code = page.bibliography[key].marked_language(page.lang)
    return f'{{: lang="{code}" }}' if code else ""


def _cite_link(match: re.Match, page: Page, number: int) -> str:
    text, key = match.group(1), match.group(2)
    if key not in page.bibliography:
        raise EditionError(page.path, number, f"cite:{key}: no such work in {page.bibliography.path.name}")
    return f"[{text}]({work_link(page, key)}){_lang_attribute(page, key)}"


def _cite_token(match: re.Match, page: Page, number: int) -> str:
    key, mode = match.group(1), match.group(2)
    if key not in page.bibliography:
        raise EditionError(page.path, number, f"[@{key}]: no such work in {page.bibliography.path.name}")
    work = page.bibliography[key]
    if mode == "ibid":
        text = "Ibid." if page.lang == "en" else "Там же."
    elif mode == "opcit":
        author = gost.heading(work, gost.Style(page.lang))
        text = f"{author} {'Op. cit.' if page.lang == 'en' else 'Указ. соч.'}".strip()
    else:
        text = gost.reference(work, page.lang, short=mode == "short", place_names=page.place_names)
    lang = _lang_attribute(page, key) if mode not in ("ibid", "opcit") else ""
    return f"[{escape.md(text)}]({work_link(page, key)}){lang}"


def strip_marks(text: str) -> str:
    """Text with note references, page marks and link syntax taken out: what a reader reads."""
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"\{pb \d+\}", "", text)
    return CITE_LINK.sub(lambda m: m.group(1), text)


def to_witness(markdown: str, emendations: dict[str, Emendation]) -> str:
    """The Russian text with every mark undone: what the witness says, for the fidelity tests."""
    text = with_readings(markdown, emendations, reading="witness")
    text = CITE_LINK.sub(lambda m: m.group(1), text)
    text = re.sub(r"\{pb \d+\}", "", text)
    return text.replace("{missing}", "")
