"""The side-by-side text: the Russian and the English article paragraph beside paragraph,
each paragraph followed by the notes it cites, in its own language.

It is made from the two article pages as the site rendered them (the hook keeps their
HTML), after both languages are built, and put into the parallel page of each language in
place of the page's {parallel} mark. Nothing is re-rendered: the text, the notes, the
emendations and the editor's letters are the article pages' own. In each column every id
takes the language as a prefix (`ru-fn:8`), so that the two columns' notes do not collide,
and the row takes the paragraph's own id (`#p7`), so that the article's paragraph links work
here too. Each paragraph's number leads back to that paragraph of its article.

The page is static and reads without JavaScript; on a narrow screen the row's two cells
stack, Russian first (edition.css).
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from .books.content import classes, parents_of
from .errors import EditionError
from .paths import DOCS, LANGUAGES, prefix

PENDING = '<div class="parallel" data-parallel="pending">'
END = "<!-- the side-by-side text ends -->"


def placeholder(anchors: list[str]) -> str:
    """What {parallel} leaves in the page: the rows' anchors, empty, so that MkDocs knows
    them when it checks the article's links to #p7 here; fill() replaces it whole."""
    rows = "".join(f'<div class="parallel-row" id="{a}"></div>' for a in anchors)
    return f"{PENDING}{rows}</div>{END}"
PARAGRAPH = re.compile(r"p\d+$")
WORDS = {
    "ru": {"back": "Абзац {n} в русском тексте статьи"},
    "en": {"back": "Paragraph {n} in the English article"},
}


def _relative(target: str, page_url: str) -> str:
    """`target` (absolute) as a link from `page_url`: relative on the same site."""
    here, there = urlsplit(page_url), urlsplit(target)
    if (here.scheme, here.netloc) != (there.scheme, there.netloc):
        return target
    path = posixpath.relpath(there.path or "/", posixpath.dirname(here.path) if not here.path.endswith("/")
                             else here.path.rstrip("/") or "/")
    if there.path.endswith("/") and not path.endswith("/"):
        path += "/"
    return path + (f"#{there.fragment}" if there.fragment else "")


def _column(lang: str, body: etree.Element, article_url: str, page_url: str) -> dict[str, etree.Element]:
    """One language's paragraphs (from its article's parsed body, which it takes apart), each a
    cell with its notes, by paragraph id."""
    notes, numbers = {}, {}  # each note by id, and its number in its list (an editor's letter counts so)
    for box in [d for d in body.iter("div") if "footnote" in classes(d)]:
        for item in box.iter("li"):
            notes[item.get("id")] = item
        listing = box.find("ol")
        for number, item in enumerate(listing if listing is not None else [], 1):
            numbers[item.get("id")] = number
    paragraphs = [p for p in body.iter("p") if PARAGRAPH.match(p.get("id", ""))]
    cells = {}
    for paragraph in paragraphs:
        ident = paragraph.get("id")
        cell = etree.Element("div", {"class": "parallel-cell", "lang": lang})
        cell.append(paragraph)
        cited = _cited(paragraph, notes)
        if cited:
            holder = etree.SubElement(cell, "div", {"class": "footnote parallel-notes"})
            numbered = etree.SubElement(holder, "ol")
            lettered = None
            for note_id in cited:
                item = notes[note_id]
                if note_id.startswith("fn:"):
                    item.set("value", note_id[3:])
                    numbered.append(item)
                else:
                    if lettered is None:
                        lettered = etree.SubElement(holder, "ol", {"type": "a", "class": "editor-notes"})
                    item.set("value", str(numbers[note_id]))  # <ol type="a">: 3 is c
                    lettered.append(item)
            if not len(numbered):
                holder.remove(numbered)
        _retarget(cell, lang, article_url, page_url, ident)
        cells[ident] = cell
    return cells


def _cited(paragraph: etree.Element, notes: dict) -> list[str]:
    """The ids of the notes a paragraph cites, the editor's notes on those notes included, in
    the order of the text."""
    found = []
    for link in paragraph.iter("a"):
        if "footnote-ref" in classes(link):
            target = (link.get("href") or "").lstrip("#")
            if target in notes and target not in found:
                found.append(target)
                for inner in notes[target].iter("a"):  # an editor's letter inside that note
                    inner_target = (inner.get("href") or "").lstrip("#")
                    if "footnote-ref" in classes(inner) and inner_target in notes and inner_target not in found:
                        found.append(inner_target)
    return found


def _retarget(cell: etree.Element, lang: str, article_url: str, page_url: str, ident: str) -> None:
    """Ids prefixed with the language; links to a place in the cell follow it; the others are
    made relative to this page; the paragraph's own permalink leads back to the article."""
    parents = parents_of(cell)
    for link in [a for a in cell.iter("a") if "parallel-link" in classes(a)]:  # this page's own link
        parents[link].remove(link)
    ids = {e.get("id") for e in cell.iter() if e.get("id")}
    for element in cell.iter():
        if element.get("id"):
            element.set("id", f"{lang}-{element.get('id')}")
    cell[0].set("id", f"{lang}-{ident}")
    for link in cell.iter("a"):
        href = link.get("href")
        if href is None:
            continue
        if "paragraph-link" in classes(link):
            words = WORDS[lang]["back"].format(n=ident[1:])
            link.set("href", _relative(f"{article_url}#{ident}", page_url))
            link.set("title", words)  # its name, as in the article (mdx_edition.ParagraphLinks)
            continue
        target = urljoin(article_url, href)
        address, anchor = urldefrag(target)
        if address == urldefrag(article_url)[0] and anchor in ids:
            link.set("href", f"#{lang}-{anchor}")
        else:
            link.set("href", _relative(target, page_url))


def _articles(rendered: dict) -> dict:
    """Each language's rendered article (books.content.Rendered), which must be there."""
    for lang in LANGUAGES:
        if "article.md" not in rendered.get(lang, {}):
            raise EditionError(DOCS / lang / "article.md", None, "the article was not rendered, so the "
                                                                 "side-by-side text cannot be made")
    return {lang: rendered[lang]["article.md"] for lang in LANGUAGES}


def table(articles: dict, page_url: str) -> str:
    """The rows of both languages as HTML, for the parallel page at `page_url`."""
    columns = {lang: _column(lang, article.tree(), article.url, page_url) for lang, article in articles.items()}
    order = list(columns[LANGUAGES[0]])
    if any(list(column) != order for column in columns.values()):
        raise EditionError(DOCS / LANGUAGES[1] / "article.md", None, "the two articles' paragraphs differ "
                                                                     "(the side-by-side text pairs them one to one)")
    rows = etree.Element("div", {"class": "parallel"})
    for ident in order:
        row = etree.SubElement(rows, "div", {"class": "parallel-row", "id": ident})
        for lang in LANGUAGES:
            row.append(columns[lang][ident])
    return etree.tostring(rows, encoding="unicode", method="html")


def fill(site_dir: Path, rendered: dict, urls: dict[str, str]) -> None:
    """The parallel page of each language (`urls`: its address, by language) gets the rows."""
    articles = _articles(rendered)
    for lang, url in urls.items():
        path = Path(site_dir) / prefix(lang) / "parallel" / "index.html"
        source = DOCS / lang / "parallel.md"
        if not path.is_file():  # the articles' ⇆ links and the header lead there
            raise EditionError(source, None, "the side-by-side page is missing: the articles link to it; "
                                             "give it back, with {parallel} on a line of its own")
        page = path.read_text(encoding="utf-8")
        start, end = page.find(PENDING), page.find(END)
        if page.count(PENDING) != 1 or end < start:
            raise EditionError(source, None, "the page needs the mark {parallel} once, on a line of its own, "
                                             "where the side-by-side rows go")
        path.write_text(page[:start] + table(articles, url) + page[end + len(END):], encoding="utf-8")
