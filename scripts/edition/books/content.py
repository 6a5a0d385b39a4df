"""What a book holds, taken from the site's rendered pages and put in book form.

The hook hands over the HTML that the edition's Markdown extension rendered for the home,
article, About and bibliography pages of a language (`Rendered`). From it `book()` takes:
the front matter (the home page up to its how-to-cite block), the translator's note (English),
the article with each note moved to the place that cites it, the bibliography, and the
how-to-cite block; the apparatus of emendations comes from the edition's data.

In book form a note is `<span class="note" id="fn:N" data-n="N">` where its reference stood,
a page of the original stays `<span class="page-break" data-page="N">`, the site's own
controls (permanent links, back links, hidden words for screen readers) are gone, and every
link is absolute unless it points to a place inside the book. The PDF and the EPUB each
turn these into their own forms.
"""

from __future__ import annotations

import copy
import html as html_module
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin

import tinyhtml5

from ..errors import EditionError
from ..paths import DOCS
from .words import word

PAGES = ("index.md", "article.md", "works/index.md")  # the pages a book is made of
# The page each part of a book is taken from.
PART_PAGES = {"front": "index.md", "translator": "index.md", "cite": "index.md",
              "article": "article.md", "bibliography": "works/index.md"}


@dataclass
class Rendered:
    """One page's content as the site rendered it, and its address."""
    html: str
    url: str  # absolute, or site-relative when the site has no URL
    _tree: etree.Element | None = field(default=None, repr=False)

    def tree(self) -> etree.Element:
        """The content parsed (once: the books and the side-by-side page both read the
        article), as a fresh copy that the caller may take apart."""
        if self._tree is None:
            self._tree = fragment(self.html)
        return copy.deepcopy(self._tree)


@dataclass
class Entry:
    """One line of the apparatus: the edition's reading, the source's, and why."""
    ident: str
    lemma: str
    witness: str
    sic: bool
    reason: str


@dataclass
class Book:
    lang: str
    title: str
    authors: str
    keywords: tuple[str, ...]
    description: str
    version: str
    date: str  # YYYY-MM-DD
    date_label: str
    url: str  # the article page's address
    source: str  # what is known of the printed source, and what the margin's numbers are
    front: list[etree.Element]
    translator: list[etree.Element]
    article: list[etree.Element]
    bibliography: list[etree.Element]
    cite: list[etree.Element]
    apparatus: list[Entry] = field(default_factory=list)


class BookError(EditionError):
    """A page's rendering lacks what a book needs (a template or an extension changed)."""


def element(tag: str, text: str | None = None, attributes: dict | None = None, **more: str) -> etree.Element:
    """A new element; attributes as a dict (`{"epub:type": …}`) or as keywords (`class_=…`,
    `aria_hidden=…` for `class`, `aria-hidden`)."""
    found = dict(attributes or {})
    found.update({key.rstrip("_").replace("_", "-"): value for key, value in more.items()})
    made = etree.Element(tag, found)
    made.text = text
    return made


def front_matter(book: Book) -> tuple[list, list, list]:
    """The front in both books' words: its heading and bylines, the edition statement (the
    edition, what is known of the source, the address online), and the rest (summary,
    abstract); copies, which each book places its own way."""
    heading, *rest = copy.deepcopy(book.front)
    bylines = []
    while rest and "byline" in classes(rest[0]):
        bylines.append(rest.pop(0))
    online = element("p", f"{word(book.lang, 'online')}: ", class_="online")
    online.append(element("a", book.url, href=book.url))
    statement = [element("p", edition_line(book), class_="edition-line"),
                 element("p", book.source, class_="unknown-source"), online]
    return [heading, *bylines], statement, rest


def apparatus_source(item: etree.Element, entry, lang: str) -> None:
    """An apparatus entry's second half, in both books: the source's reading (or "thus in the
    source" for a sic) and the reason."""
    source = etree.SubElement(item, "span", {"class": "source"})
    source.text = word(lang, "sic_reading") if entry.sic else entry.witness
    source.tail = f" — {entry.reason}"


def fragment(html: str) -> etree.Element:
    """The page content as a <body> element tree, parsed as a browser parses it."""
    root = tinyhtml5.parse(f"<!DOCTYPE html><html><body>{html}</body></html>", namespace_html_elements=False)
    return root.find("body")


def classes(element: etree.Element) -> set[str]:
    return set(element.get("class", "").split())


def _remove(parent: etree.Element, child: etree.Element) -> None:
    """Take `child` out, keeping the text that followed it."""
    tail = child.tail or ""
    index = list(parent).index(child)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(child)


def replace(parent: etree.Element, child: etree.Element, new: etree.Element) -> None:
    """`new` where `child` stood in `parent`, with the text that followed it."""
    new.tail = child.tail
    index = list(parent).index(child)
    parent.remove(child)
    parent.insert(index, new)


def parents_of(root: etree.Element) -> dict:
    """Each element's parent (ElementTree keeps none)."""
    return {child: parent for parent in root.iter() for child in parent}


def strip_site_controls(root: etree.Element) -> None:
    """The site's own controls, which a book does not have: heading and paragraph permalinks,
    the notes' back links, the words only a screen reader hears (the apparatus says them)."""
    parents = parents_of(root)
    for element in list(root.iter()):
        names = classes(element)
        if element.tag == "a" and names & {"headerlink", "paragraph-link", "parallel-link", "footnote-backref"}:
            _remove(parents[element], element)
        elif names & {"visually-hidden"}:
            _remove(parents[element], element)
        elif "emendation" in names:
            element.attrib.pop("title", None)


def absolute_links(root: etree.Element, page_url: str, inside: dict[str, str]) -> None:
    """Links relative to the page made absolute, except those to a place inside the book
    (`inside`: the page address of each such place, by its id), which become `#id`."""
    for link in root.iter("a"):
        href = link.get("href")
        if not href:
            continue
        target = urljoin(page_url, href)
        address, anchor = urldefrag(target)
        if anchor and inside.get(anchor) == address:
            link.set("href", f"#{anchor}")
        else:
            link.set("href", target)


def sic_to_apparatus(root: etree.Element) -> None:
    """A [sic] leads to its entry in the book's apparatus rather than to the About page."""
    for link in root.iter("a"):
        if "sic" in classes(link):
            link.set("href", "#app-" + urldefrag(link.get("href", ""))[1])
            link.attrib.pop("title", None)


def _editors_notes(article: etree.Element) -> dict[str, etree.Element]:
    """The editor's notes (sources/commentary.yml) taken out of their list after the
    author's notes, with its heading: their text, by the list item's id (ed-…)."""
    box = next((d for d in article.iter("div") if "editor-notes" in classes(d)), None)
    if box is None:
        return {}
    notes = {item.get("id"): _note_text(item, etree.Element("span")) for item in box.iter("li")}
    parents = parents_of(article)
    heading = next((h for h in article if h.tag == "h2" and h.get("id") == "editors-notes"), None)
    if heading is not None:
        _remove(parents[heading], heading)
    _remove(parents[box], box)
    return notes


def editors_notes_in_place(article: etree.Element, notes: dict[str, etree.Element], path) -> None:
    """Each editor's letter in the text becomes a lettered note in place (class `note
    editor-note`, `data-n` the letter); a letter inside an author's note stays a letter there,
    and its text follows that note's text (a note cannot hold a note)."""
    parents = parents_of(article)
    for sup in [s for s in article.iter("sup") if "editor-ref" in classes(s)]:
        link = sup.find("a")
        target = (link.get("href") or "").lstrip("#") if link is not None else ""
        if target not in notes:
            raise BookError(path, None, f"the editor's letter {sup.get('id')} has no note in the rendered list")
        letter = "".join(link.itertext()).strip()
        text = notes.pop(target)
        holder = parents[sup]
        while holder is not None and "note" not in classes(holder):
            holder = parents.get(holder)
        if holder is None:  # in the text: a lettered note of its own
            note = etree.Element("span", {"class": "note editor-note", "id": target, "data-n": letter})
            note.text, note[:] = text.text, list(text)
            replace(parents[sup], sup, note)
        else:  # in an author's note: the letter stays, the text follows the note's
            mark = etree.Element("sup", {"class": "editor-letter"})
            mark.text = letter
            replace(parents[sup], sup, mark)
            inline = etree.SubElement(holder, "span", {"class": "editor-inline", "id": target})
            label = etree.SubElement(inline, "span", {"class": "editor-letter-label"})
            label.text = letter
            label.tail = text.text
            inline.extend(list(text))
            inline.tail = None
    if notes:
        raise BookError(path, None, f"the editor's notes {', '.join(notes)} have no letter in the rendered text")


def _notes(article: etree.Element, path) -> dict[str, etree.Element]:
    """The author's notes from the list at the foot of the article, by number."""
    box = next((d for d in article.iter("div") if "footnote" in classes(d) and "editor-notes" not in classes(d)), None)
    if box is None:
        raise BookError(path, None, "the rendered article has no list of notes (div.footnote)")
    notes = {}
    for item in box.iter("li"):
        number = item.get("id", "").removeprefix("fn:")
        notes[number] = _note_text(item, etree.Element("span", {"class": "note", "id": f"fn:{number}",
                                                                "data-n": number}))
    _remove(parents_of(article)[box], box)
    return notes


def _note_text(item: etree.Element, holder: etree.Element) -> etree.Element:
    """A list item's paragraphs as inline content of `holder` (a line break between two),
    without the back link and the space before it."""
    for index, paragraph in enumerate(item.findall("p")):
        if index:
            etree.SubElement(holder, "br")
        _append_content(holder, paragraph)
    for backref in [a for a in holder if "footnote-backref" in classes(a)]:
        _remove(holder, backref)
    _trim_end(holder)
    return holder


def _trim_end(element: etree.Element) -> None:
    """The space (a non-breaking one, before the back link) at the end of a note, taken off."""
    if len(element):
        element[-1].tail = (element[-1].tail or "").rstrip("\u00a0 \n") or None
    else:
        element.text = (element.text or "").rstrip("\u00a0 \n")


def _append_content(target: etree.Element, source: etree.Element) -> None:
    """The text and children of `source` added at the end of `target`."""
    if source.text:
        if len(target):
            target[-1].tail = (target[-1].tail or "") + source.text
        else:
            target.text = (target.text or "") + source.text
    for child in list(source):
        target.append(child)


def notes_in_place(article: etree.Element, path) -> list[str]:
    """Each note reference (<sup id="fnref:N">) replaced by the note itself; returns the
    numbers in the order of the text."""
    notes = _notes(article, path)
    parents, order = parents_of(article), []
    for sup in list(article.iter("sup")):
        number = sup.get("id", "").removeprefix("fnref:")
        if not sup.get("id", "").startswith("fnref:"):
            continue
        if number not in notes:
            raise BookError(path, None, f"note reference {number} has no note in the rendered list")
        replace(parents[sup], sup, notes.pop(number))
        order.append(number)
    if notes:
        raise BookError(path, None, f"notes {', '.join(notes)} are never referenced in the rendered text")
    return order


def _children_until(body: etree.Element, stop) -> list[etree.Element]:
    out = []
    for child in body:
        if stop(child):
            break
        out.append(child)
    return out


def _is_cite_box(element: etree.Element) -> bool:
    return element.tag in {"div", "details"} and {"quote"} <= classes(element)


def _section(body: etree.Element, ident: str) -> list[etree.Element]:
    """A heading with the id `ident` and what follows it up to the next heading of its level."""
    children = list(body)
    start = next((i for i, c in enumerate(children) if c.get("id") == ident), None)
    if start is None:
        return []
    level = children[start].tag
    rest = []
    for child in children[start + 1:]:
        if child.tag == level:
            break
        rest.append(child)
    return [children[start], *rest]


def _cite_block(box: etree.Element) -> list[etree.Element]:
    """The paragraphs of a how-to-cite box, without its title."""
    return [c for c in box if c.tag not in {"summary"} and "admonition-title" not in classes(c)]


def book(lang: str, rendered: dict[str, Rendered], edition) -> Book:
    """The book of one language from its rendered pages (`rendered`, by page name)."""
    paths = {name: DOCS / lang / name for name in PAGES}
    for name in PAGES:
        if name not in rendered:
            raise BookError(paths[name], None, "the page was not rendered, so the books cannot be made")
    home, article, works = (rendered[name].tree() for name in PAGES)
    urls = {name: rendered[name].url for name in PAGES}

    boxes = [c for c in home if _is_cite_box(c)]
    if not boxes:
        raise BookError(paths["index.md"], None, "the home page has no how-to-cite block ({cite})")
    front = _children_until(home, _is_cite_box)
    if lang != "ru":  # the English home page keeps the author's Russian summary at its foot
        front += _section(home, "the-russian-summary")
    translator = _section(home, "translators-note") if lang != "ru" else []

    article_parts = [c for c in article if not _is_cite_box(c) and "article-header" not in classes(c)]
    body = etree.Element("body")
    body.extend(article_parts)
    editors = _editors_notes(body)
    order = notes_in_place(body, paths["article.md"])
    if order != sorted(order, key=int):
        raise BookError(paths["article.md"], None, f"the notes are referenced out of order: {', '.join(order)}")
    editors_notes_in_place(body, editors, paths["article.md"])

    bibliography = [c for c in works if c.tag != "h1"]
    parts = {"front": front, "translator": translator, "article": list(body), "bibliography": bibliography,
             "cite": _cite_block(boxes[0])}
    inside = _places(parts, urls)
    for name, elements in parts.items():
        holder = etree.Element("div")
        holder.extend(elements)
        strip_site_controls(holder)
        absolute_links(holder, urls[PART_PAGES[name]], inside)
        sic_to_apparatus(holder)
        parts[name] = list(holder)

    meta, release = edition.metadata, edition.release
    ids = {e.get("id") for part in parts.values() for element in part for e in element.iter()}
    apparatus = [Entry(e.id, e.english if lang != "ru" and e.is_sic else e.edition, e.witness, e.is_sic,
                       e.reason[lang]) for e in edition.emendations.values() if f"em-{e.id}" in ids]
    return Book(lang=lang, title=meta.title[lang], authors=", ".join(a.display(lang) for a in meta.authors),
                keywords=tuple(meta.keywords.get(lang) or meta.keywords.get("en") or ()),
                description=edition.abstracts[lang], version=release.version, date=release.date,
                date_label=release.date_label(lang), url=urls["article.md"], apparatus=apparatus,
                source=_source_statement(edition, lang), **parts)


def _source_statement(edition, lang: str) -> str:
    """«Журнал … не указаны; номера на полях — …»: the article header's words for the source."""
    from ..article_header import known_source
    text = known_source(edition.metadata, lang) + "; " + word(lang, "margin", pages=len(edition.witness.pages)) + "."
    return html_module.unescape(text[:1].upper() + text[1:])


def _places(parts: dict, urls: dict) -> dict[str, str]:
    """Every id in the book, with the address of the page it stands on in the site."""
    places = {}
    for name, elements in parts.items():
        address = urldefrag(urls[PART_PAGES[name]])[0]
        for element in elements:
            for inner in element.iter():
                if inner.get("id"):
                    places[inner.get("id")] = address
    return places


def characters(book: Book) -> str:
    """Every character a book's text holds, with the words the books add (words.py)."""
    from .words import WORDS
    texts = [t for part in (book.front, book.translator, book.article, book.bibliography, book.cite)
             for element in part for t in element.itertext()]
    texts += [f"{e.lemma}{e.witness}{e.reason}" for e in book.apparatus]
    texts += [book.title, book.authors, book.url, *WORDS[book.lang].values()]
    return "".join(set("".join(texts)))


def edition_line(book: Book) -> str:
    return word(book.lang, "edition", version=book.version, date=book.date_label)
