"""The edition's marks as a Python-Markdown extension (the grammar is in marks.py).

MkDocs renders every page with this extension; the hook tells it, before each page, which
page it is (`EditionExtension.page`). Generated pages (the works pages) carry no page
context and pass untouched. The pieces, in the order Python-Markdown runs them:

    BlockMarks       {include}, {table}, {cite}, {register}, {timeline}, {commentary}: Markdown
                     made from the data, put in place of the mark's line before the page is parsed
    EditorNotes      the editor's notes, lettered, after the author's notes of an article
    InlineMark       {pb}, {em}, {sic}, {missing}, {meta}, {ed} (an editor's note's letter): elements
    CiteToken        [@KEY MODE]: the reference written from the bibliography
    CiteLinks        [text](cite:KEY): the author's words linked to the work's page
    ParagraphLinks   a permanent link at the end of each numbered paragraph (#p1 …)
    CheckTree        an id used twice, a mark inside raw HTML: an error
    MarkRussian      Russian runs inside a page of another language get lang="ru"

Code spans and fenced code never reach these processors (Python-Markdown and superfences
set them aside first), so a mark inside code stays text. What looks like a mark and is none
(`{pb 4` without its brace) is found in the page's source before rendering (marks.broken). Every error is an EditionError
naming the page's file and the line of the mark.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from mkdocs.exceptions import PluginError

from . import commentary, gost, marks, paths
from .errors import EditionError
from .labels import label


@dataclass
class Page:
    """What a mark needs to know about the page it stands on."""

    lang: str
    src_uri: str  # e.g. "ru/article.md"
    path: Path  # the Markdown file, for error messages
    edition: Any  # edition.Edition: every source file, read and checked
    site_url: str = ""
    locator: marks.Locator = field(default_factory=lambda: marks.Locator(""))
    problems: list[str] | None = None  # a preview collects errors here instead of stopping
    repository: str = ""  # the source repository's address, where the build is told it

    @property
    def emendations(self):
        return self.edition.emendations

    @property
    def witness(self):
        return self.edition.witness

    @property
    def is_article(self) -> bool:
        return self.src_uri.split("/", 1)[-1] == "article.md"

    def error(self, text: str, message: str, line: int | None = None) -> EditionError:
        """An error at the next occurrence of `text` (a mark as written) on this page, or in
        the shared text the page includes, if it stands there."""
        line = line or self.locator.next_line(text)
        if line is None:
            for name, included in self.edition.texts.items():
                found = marks.Locator(included).line(text)
                if found:
                    return EditionError(paths.TEXTS / f"{name}.md", found, message)
        return EditionError(self.path, line, message)

    def link(self, target: str) -> str:
        """A Markdown link target to `target` (a path under the language folder)."""
        here = posixpath.dirname(self.src_uri)
        return posixpath.relpath(f"{self.lang}/{target}", here or ".")

    def link_outside(self, target: str) -> str:
        """A Markdown link target to a file outside the language folders (`cite/…`)."""
        return posixpath.relpath(target, posixpath.dirname(self.src_uri) or ".")

    def url_to_file(self, target: str) -> str:
        """A relative URL to a site file that MkDocs does not know of when it checks links (the
        books, written after the pages): for raw HTML links, which it leaves alone."""
        return posixpath.relpath(f"/{target}", site_url_of(self.src_uri))

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
    return "/" + "/".join(part for part in (paths.prefix(lang).rstrip("/"), rest) if part)


def guarded(fallback):
    """Run a processor's step; an EditionError stops the build, or, in a preview (the page's
    `problems` is a list), is recorded and the step gives `fallback` instead."""
    def wrap(method):
        def run(self, *args):
            try:
                return method(self, *args)
            except EditionError as error:
                page = self.extension.page
                if page is None or page.problems is None:
                    # MkDocs reports a PluginError as a sentence; any other error as a traceback.
                    raise PluginError(str(error)) from None
                page.problems.append(str(error))
                return fallback(*args) if callable(fallback) else fallback
        return run
    return wrap


def _element(tag: str, text: str = "", **attributes: str) -> etree.Element:
    """An element whose text is final: Python-Markdown would otherwise read the text of an
    element an inline processor returns as Markdown and HTML again (a .bib title's `<img>`
    would become an image)."""
    element = etree.Element(tag, {k.rstrip("_"): v for k, v in attributes.items()})
    element.text = AtomicString(text)
    return element


# --- inline marks ------------------------------------------------------------------------


def page_break(argument: str, page: Page) -> etree.Element:
    n = marks.page_number(argument)
    if not 1 <= n <= len(page.witness.pages):
        raise ValueError(f"{{pb {n}}}: the witness has pages 1 to {len(page.witness.pages)}")
    # Drawn by CSS from data-page; hidden from screen readers, for whom a page number in
    # the middle of a sentence would be noise.
    return _element("span", class_="page-break", id=f"page-{n}", **{"aria-hidden": "true"},
                    title=label(page.lang, "page_break", n=n), **{"data-page": str(n)})


def _entry(argument: str, page: Page, mark: str):
    found = page.emendations.get(argument)
    if found is None:
        raise ValueError(f"{{{mark} {argument}}}: no entry '{argument}' in emendations.yml")
    if found.is_sic != (mark == "sic"):
        right = "sic" if found.is_sic else "em"
        raise ValueError(f"{{{mark} {argument}}}: '{argument}' is a{'' if right == 'sic' else 'n'} "
                         f"{'sic entry' if found.is_sic else 'emendation'}: write {{{right} {argument}}}")
    return found


def emendation(argument: str, page: Page) -> etree.Element:
    found = _entry(argument, page, "em")
    span = _element("span", found.edition, class_="emendation", id=f"em-{found.id}",
                    title=label(page.lang, "emended", reading=found.witness))
    # The editor's words, in the page's language even inside a German reference.
    span.append(_element("span", label(page.lang, "emended_hidden", reading=found.witness),
                         class_="visually-hidden", lang=page.lang))
    return span


def sic(argument: str, page: Page) -> etree.Element:
    found = _entry(argument, page, "sic")
    outer = _element("span", class_="sic-mark")
    reading = _element("span", found.edition if page.lang == "ru" else found.english,
                       class_="sic-reading", id=f"em-{found.id}")
    reading.tail = AtomicString(" ")
    outer.append(reading)
    link = _element("a", "[", class_="sic", href=f"{page.link('about.md')}#{found.id}", title=label(page.lang, "sic"))
    word = _element("em", "sic")
    word.tail = AtomicString("]")
    link.append(word)
    outer.append(link)
    return outer


def missing(argument: str, page: Page) -> etree.Element:
    if argument:
        raise ValueError("{missing} takes nothing after its name")
    span = _element("span", label(page.lang, "missing_note") + " — ", class_="editorial")
    span.append(_element("a", label(page.lang, "editor_note"), href=f"{page.link('about.md')}#missing-notes"))
    return span


def meta(argument: str, page: Page) -> str:
    """{meta title}, {meta title.en}, {meta authors}, {meta keywords}: from sources/article.yml."""
    return page.edition.metadata.mark_text(argument, page.lang)


def editor_letter(argument: str, page: Page) -> etree.Element:
    """{ed ID}, put in by the build (commentary.into_article): the letter of an editor's note,
    a link to it in the list after the author's notes. It is a `footnote-ref` as the author's
    numbers are, so that it has their preview (Material's content.footnote.tooltips)."""
    note = next((n for n in page.edition.commentary if n.id == argument), None)
    if note is None:
        raise ValueError(f"{{ed {argument}}}: no editor's note '{argument}' in commentary.yml")
    sup = _element("sup", class_="editor-ref", id=f"edref-{note.id}")
    sup.append(_element("a", note.letter, class_="footnote-ref editor-note-ref", href=f"#{note.html_id}",
                        **{"aria-label": label(page.lang, "editor_ref", letter=note.letter)}))
    return sup


INLINE_RENDERERS = {"pb": page_break, "em": emendation, "sic": sic, "missing": missing, "meta": meta,
                    "ed": editor_letter}


class InlineMark(InlineProcessor):
    def __init__(self, extension: EditionExtension):
        super().__init__(marks.INLINE_MARK)
        self.extension = extension

    @guarded((None, None, None))
    def handleMatch(self, match, data):  # noqa: N802 (Python-Markdown's name)
        page = self.extension.page
        if page is None:
            return None, None, None
        try:
            result = INLINE_RENDERERS[match.group(1)]((match.group(2) or "").strip(), page)
        except ValueError as problem:
            raise page.error(match.group(0), str(problem)) from None
        page.locator.next_line(match.group(0))  # claim this occurrence: later errors find the next
        return result, match.start(0), match.end(0)


# --- citations ---------------------------------------------------------------------------


def work_link(page: Page, key: str) -> str:
    return page.link(f"{paths.WORKS_FOLDER}/{key}.md")



class CiteToken(InlineProcessor):
    """[@KEY], [@KEY short|ibid|opcit] in the English notes: the reference itself."""

    def __init__(self, extension: EditionExtension):
        super().__init__(marks.CITE_TOKEN)
        self.extension = extension

    @guarded((None, None, None))
    def handleMatch(self, match, data):  # noqa: N802
        page = self.extension.page
        if page is None:
            return None, None, None
        key, mode = match.group(1), match.group(2)
        bibliography = page.edition.bibliography
        if key not in bibliography:
            raise page.error(match.group(0), f"[@{key}]: no such work in {bibliography.path.name}")
        if mode is not None and mode not in marks.CITE_MODES:
            raise page.error(match.group(0), f"[@{key} {mode}]: unknown form '{mode}' (write "
                                             f"{', '.join(marks.CITE_MODES)} or nothing)")
        page.locator.next_line(match.group(0))
        work = bibliography[key]
        text = gost.citation_text(work, mode, page.lang, page.edition.place_names, marked=True)
        link = _element("a", href=work_link(page, key))
        _add_runs(link, text)
        return link, match.start(0), match.end(0)


class PageTreeprocessor(Treeprocessor):
    """A tree processor of the edition's pages: `page_run` sees the page; generated pages
    (no page context) pass untouched."""

    def __init__(self, md, extension: EditionExtension):
        super().__init__(md)
        self.extension = extension

    @guarded(None)
    def run(self, root):
        if self.extension.page is not None:
            self.page_run(root, self.extension.page)

    def page_run(self, root, page: Page) -> None:
        raise NotImplementedError


def _add_runs(element: etree.Element, text: str) -> None:
    """A description as the element's text, each run in another language a <span lang>
    (gost.RUN): the English words around a German title stay English."""
    last = None
    for code, piece in gost.segments(text):
        if code:
            last = _element("span", piece, lang=code)
            element.append(last)
        elif last is None:
            element.text = AtomicString((element.text or "") + piece)
        else:
            last.tail = AtomicString((last.tail or "") + piece)


class CiteLinks(PageTreeprocessor):
    """[text](cite:KEY) in the Russian notes: the author's words, linked to the work."""

    def page_run(self, root, page):
        bibliography = page.edition.bibliography
        for link in root.iter("a"):
            href = link.get("href", "")
            if not href.startswith("cite:"):
                continue
            key = href.removeprefix("cite:")
            if key not in bibliography:
                raise page.error(f"(cite:{key})", f"cite:{key}: no such work in {bibliography.path.name}")
            page.locator.next_line(f"(cite:{key})")
            link.set("href", work_link(page, key))
            code = bibliography[key].marked_language(page.lang)
            if code:
                link.set("lang", code)


# --- block marks -------------------------------------------------------------------------


def include(argument: str, page: Page) -> str:
    text = page.edition.texts.get(argument)
    if text is None:
        known = ", ".join(sorted(page.edition.texts))
        raise ValueError(f"{{include {argument}}}: no file {argument}.md in sources/text (there are: {known})")
    if any(name == "include" for name, _, _ in marks.find(text)):
        raise ValueError(f"{{include {argument}}}: the included text includes another: not allowed")
    lang = argument.rsplit(".", 1)[-1]
    if lang != page.lang:  # a text included into a page of the other language keeps its own
        return f'<div lang="{lang}" markdown>\n\n{text.strip()}\n\n</div>'
    return text.strip()


def table(argument: str, page: Page) -> str:
    from . import tables  # the About page's tables: only one page needs them
    if argument not in tables.TABLES:
        raise ValueError(f"{{table {argument}}}: unknown table (known: {', '.join(tables.TABLES)})")
    return tables.TABLES[argument](page)


def how_to_cite(argument: str, page: Page) -> str:
    from . import citing, downloads
    if argument not in ("", "folded"):
        raise ValueError(f"{{cite {argument}}}: write {{cite}} or {{cite folded}}")
    return citing.how_to_cite(page.edition.metadata, citing.Urls(page.site_url), page.lang,
                              lambda name: page.link_outside(f"{citing.CITE_FOLDER}/{name}"),
                              page.edition.release, collapsed=argument == "folded",
                              books=downloads.book_links(page.lang, page.url_to_file))


def register(argument: str, page: Page) -> str:
    from . import names, registers
    group = [e for e in page.edition.names.values() if e.group == argument]
    if argument not in names.GROUPS:
        raise ValueError(f"{{register {argument}}}: unknown group (known: {', '.join(names.GROUPS)})")
    from . import works_pages
    bibliography = page.edition.bibliography
    style = gost.Style(page.lang, marked=page.lang == "en")

    def bibliography_link(key: str) -> str:
        """The author's name as the bibliography heads the work, linked to the work's page."""
        return f"[{works_pages.runs(gost.heading(bibliography[key], style))}]({work_link(page, key)})"

    return registers.render(group, page.lang, page.edition.paragraphs[page.lang], page.link("article.md"),
                            bibliography_link, page.edition.commentary)


def timeline_table(argument: str, page: Page) -> str:
    from . import timeline
    if argument:
        raise ValueError("{timeline} takes nothing after its name")
    return timeline.table(page.edition.timeline, page.lang, page.link("article.md"))


def changelog_page(argument: str, page: Page) -> str:
    from . import changelog
    if argument:
        raise ValueError("{changelog} takes nothing after its name")
    return changelog.page(page.edition.releases, page.lang)


def data_list(argument: str, page: Page) -> str:
    from . import downloads
    if argument:
        raise ValueError("{data} takes nothing after its name")
    return downloads.data_section(page.edition.release, page.lang, page.link_outside, page.link, page.repository,
                                  page.url_to_file)


def commentary_list(argument: str, page: Page) -> str:
    """{commentary}: every editor's note, its letter linked to its place in the article."""
    if argument:
        raise ValueError("{commentary} takes nothing after its name")
    article = page.link("article.md")
    lines = []
    for note in page.edition.commentary:
        kind = "editor_place_n" if note.on_note else "editor_place_p"
        place = label(page.lang, kind, n=note.number)
        # Links to places of the article (#p7, #fn:17, #ed-ID) lead there from this page too.
        text = commentary.FRAGMENT_LINK.sub(lambda m: f"]({article}#{m.group(1)})", note.text[page.lang])
        text = "\n    ".join(text.split("\n"))
        lines.append(f'- <span id="{note.html_id}"></span>***{note.letter}*** '
                     f'([{place}]({article}#edref-{note.id})) — {text}')
    return "\n".join(lines)


def article_header(argument: str, page: Page) -> str:
    from . import article_header as header
    if argument:
        raise ValueError("{header} takes nothing after its name")
    return header.render(page.edition, page.lang, page.url_to_file, page.url_to)


def parallel_text(argument: str, page: Page) -> str:
    from . import parallel
    if argument:
        raise ValueError("{parallel} takes nothing after its name")
    return parallel.placeholder([p.anchor for p in page.edition.articles[page.lang].paragraphs])


BLOCK_RENDERERS = {"include": include, "table": table, "cite": how_to_cite, "register": register,
                   "timeline": timeline_table, "changelog": changelog_page, "data": data_list,
                   "commentary": commentary_list, "header": article_header, "parallel": parallel_text}


class BlockMarks(Preprocessor):
    """A block mark alone on its line, replaced by the Markdown it stands for, indented as
    the mark is (a table inside a folded block).

    A preprocessor rather than a block processor because MkDocs learns the ids of raw HTML
    (the tables' `<span id>` anchors, which notes link to) from the lines before they are
    parsed. It runs after fenced code is set aside (25), so a mark in a fence stays text.
    """

    def __init__(self, md, extension: EditionExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines):
        page = self.extension.page
        if page is None:
            return lines
        out = []
        for line in lines:
            match = marks.BLOCK_MARK.match(line.strip())
            if not match:
                out.append(line)
                continue
            out += self._expand(line, match, page)
        return out

    @guarded(lambda line, match, page: [line])
    def _expand(self, line, match, page):
        name, argument = match.group(1), (match.group(2) or "").strip()
        written = line.strip()
        where = page.locator.next_line(written)
        try:
            text = BLOCK_RENDERERS[name](argument, page)
        except ValueError as problem:
            raise page.error(written, str(problem), where) from None
        indent = line[: len(line) - len(line.lstrip())]
        return ["", *(indent + part if part else "" for part in text.split("\n")), ""]


# --- tree checks and additions -----------------------------------------------------------

PARAGRAPH_ID = re.compile(r"^p(\d+)$")
PERMALINK_NAME = {"ru": "Абзац {n}: постоянная ссылка", "en": "Paragraph {n}: permanent link"}
PARALLEL_NAME = {"ru": "Абзац {n} рядом с английским переводом", "en": "Paragraph {n} beside the Russian original"}
SKIP = {"code", "pre", "script", "style"}


class ParagraphLinks(PageTreeprocessor):
    """A link to itself at the end of each numbered paragraph of the article.

    It stands last, so that a screen reader reaches it after the paragraph's text, not before
    every paragraph; its visible number sits in the margin (CSS) and is hidden from screen
    readers, which read the link's name instead: its title, the mouse's tooltip too (an
    aria-label saying the same would cost every paragraph its words twice).
    """

    def page_run(self, root, page):
        if not page.is_article:
            return
        for paragraph in root.iter("p"):
            number = PARAGRAPH_ID.match(paragraph.get("id", ""))
            if not number:
                continue
            name = PERMALINK_NAME[page.lang].format(n=number.group(1))
            link = etree.SubElement(paragraph, "a", {"class": "paragraph-link", "href": f"#{paragraph.get('id')}",
                                                     "title": name})
            etree.SubElement(link, "span", {"aria-hidden": "true"}).text = number.group(1)
            side = PARALLEL_NAME[page.lang].format(n=number.group(1))
            link = etree.SubElement(paragraph, "a", {"class": "parallel-link paragraph-side",
                                                     "title": side, "href": page.link("parallel.md")
                                                     + f"#{paragraph.get('id')}"})
            etree.SubElement(link, "span", {"aria-hidden": "true"}).text = "⇆"


class NoteBackLinks(PageTreeprocessor):
    """The tooltip of each note's way back to its place in the page's language: the footnotes
    extension writes it in English on every page ("Jump back to footnote 1 in the text")."""

    def page_run(self, root, page):
        for link in root.iter("a"):
            if link.get("class") == "footnote-backref" and link.get("href", "").startswith("#fnref"):
                number = link.get("href").rsplit(":", 1)[-1]
                link.set("title", label(page.lang, "note_back", n=number))


class EditorNotes(PageTreeprocessor):
    """The list of the editor's notes, after the author's notes (which the footnotes extension
    has put at the end of the page by now): a heading, then a lettered list shaped as the
    author's notes are (class `footnote`), so that it looks and previews like them. Each note's
    Markdown is parsed here and its inline Markdown later, as the footnotes extension does."""

    def page_run(self, root, page):
        if not page.is_article or not page.edition.commentary:
            return
        heading = etree.SubElement(root, "h2", {"id": "editors-notes"})
        heading.text = label(page.lang, "editor_notes")
        holder = etree.SubElement(root, "div", {"class": "footnote editor-notes"})
        listing = etree.SubElement(holder, "ol", {"type": "a"})
        back_words = label(page.lang, "editor_back")
        for note in page.edition.commentary:
            item = etree.SubElement(listing, "li", {"id": note.html_id})
            self.md.parser.parseChunk(item, note.text[page.lang])
            last = item[-1] if len(item) and item[-1].tag == "p" else etree.SubElement(item, "p")
            last.text = (last.text or "") + "\u00a0"
            back = etree.SubElement(last, "a", {"class": "footnote-backref editor-backref",
                                                "href": f"#edref-{note.id}", "title": back_words,
                                                "aria-label": back_words})
            back.text = AtomicString("\u21a9")


class CheckTree(PageTreeprocessor):
    """An id given twice on a page, or a mark inside raw HTML (where Python-Markdown never
    reads it), stops the build. (Marks that do not parse are found in the page's source by
    the hook, before rendering: marks.broken.)"""

    def page_run(self, root, page):
        seen: set[str] = set()
        for element in root.iter():
            ident = element.get("id")
            if ident and ident in seen:
                raise page.error(f"#{ident}", f"the id '{ident}' is given twice on this page")
            if ident:
                seen.add(ident)
        for raw in self.md.htmlStash.rawHtmlBlocks:
            raw = str(raw)
            if "<pre" in raw or "<code" in raw:
                continue
            found = marks.MARK.search(raw)
            if found:
                raise page.error(found.group(0), f"{found.group(0)} stands inside raw HTML, where marks are not "
                                                 "read: add the attribute markdown to the HTML element")


RUSSIAN_RUN = re.compile(r"[А-Яа-яЁё](?:[^A-Za-z«»\x02\x03<>]*[А-Яа-яЁё])?\.?")


class MarkRussian(Treeprocessor):
    """Russian words inside pages of another language, marked lang="ru".

    Screen readers switch voice and browsers hyphenate by `lang`; in the English pages the
    quoted Russian terms («Там же», «Райхсвер») would otherwise be read as English. Code and
    anything already marked with a language are left alone.
    """

    def __init__(self, md, extension: EditionExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root) -> None:
        if self.extension.page_lang in ("", "ru"):
            return
        self._walk(root)

    def _walk(self, element) -> None:
        for child in list(element):
            if child.tag in SKIP or child.get("lang"):
                self._split_tail(element, child)
                continue
            self._walk(child)
            self._split_tail(element, child)
        self._split_text(element)

    def _split_text(self, element) -> None:
        spans = self._spans(element.text or "")
        if spans is None:
            return
        element.text, pieces = spans
        for offset, span in enumerate(pieces):
            element.insert(offset, span)

    def _split_tail(self, parent, child) -> None:
        spans = self._spans(child.tail or "")
        if spans is None:
            return
        child.tail, pieces = spans
        index = list(parent).index(child)
        for offset, span in enumerate(pieces, 1):
            parent.insert(index + offset, span)

    @staticmethod
    def _spans(text: str):
        """(text before the first run, [span, …]) with each span's tail the text after it."""
        matches = list(RUSSIAN_RUN.finditer(text))
        if not matches:
            return None
        head = text[:matches[0].start()]
        spans = []
        for number, match in enumerate(matches):
            span = _element("span", match.group(), lang="ru")
            end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
            span.tail = text[match.end():end]
            spans.append(span)
        return head, spans


class EditionExtension(Extension):
    """`page` (a Page, or None for a generated page) and `page_lang` are set by the hook
    before each page is rendered."""

    def __init__(self, **kwargs):
        self.page: Page | None = None
        self.page_lang = ""
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802
        md.registerExtension(self)
        # Inline: after code spans (190) and escapes (180), before links (160).
        md.inlinePatterns.register(InlineMark(self), "edition_mark", 176)
        md.inlinePatterns.register(CiteToken(self), "edition_cite_token", 165)
        # Block marks: after fences are set aside (25), before MkDocs reads raw HTML ids (21).
        md.preprocessors.register(BlockMarks(md, self), "edition_block_marks", 23)
        # Trees: after the inline pass (20) and attr_list (8), before MkDocs resolves links (0).
        # The editor's notes: after the footnotes' list (50), before the inline pass (20).
        md.treeprocessors.register(EditorNotes(md, self), "edition_editor_notes", 40)
        md.treeprocessors.register(NoteBackLinks(md, self), "edition_note_back_links", 39)
        md.treeprocessors.register(CiteLinks(md, self), "edition_cite_links", 19)
        md.treeprocessors.register(ParagraphLinks(md, self), "edition_paragraph_links", 7)
        md.treeprocessors.register(CheckTree(md, self), "edition_check", 6)
        md.treeprocessors.register(MarkRussian(md, self), "edition_mark_russian", 1)
