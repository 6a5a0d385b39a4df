"""The EPUB 3 of one language, packaged by hand (a zip of XHTML, a package document and a
navigation document), so that it is the same bytes for the same sources.

The author's notes are EPUB footnotes: a `noteref` link in the text and an `aside` of type
`footnote` after the paragraph that cites it, which reading systems show as a pop-up. The
pages of the printed original are `pagebreak` marks listed in the navigation's page list.
EPUBCheck (Debian's epubcheck) holds the result to the standard in the tests.
"""

from __future__ import annotations

import copy
import io
import re
import xml.etree.ElementTree as etree
import zipfile
from pathlib import Path

from ..citing import LABELS as CITE_LABELS
from ..labels import label
from . import content, fonts
from .content import Book, classes, edition_line
from .content import element as _element
from .words import word

STYLESHEET = Path(__file__).with_name("epub.css")
XHTML, OPS = "http://www.w3.org/1999/xhtml", "http://www.idpf.org/2007/ops"


def _id(value: str) -> str:
    """An id as XML allows it (the site's `fn:3` has a colon)."""
    return re.sub(r"[^\w.-]", "-", value)


def _xhtml(lang: str, title: str, body_children: list[etree.Element], body_type: str = "") -> bytes:
    html = etree.Element("html", {"xmlns": XHTML, "xmlns:epub": OPS, "lang": lang, "xml:lang": lang})
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", {"charset": "utf-8"})
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "link", {"rel": "stylesheet", "type": "text/css", "href": "style.css"})
    body = etree.SubElement(html, "body", {"epub:type": body_type} if body_type else {})
    body.extend(body_children)
    text = etree.tostring(html, encoding="unicode", method="xml")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + text).encode("utf-8")


def _notes_as_footnotes(elements: list[etree.Element], lang: str) -> list[etree.Element]:
    """Each note in place becomes a noteref; its text an aside after its block."""
    out = []
    for block in elements:
        asides = []
        parents = content.parents_of(block)
        for note in [e for e in block.iter("span") if "note" in classes(e)]:
            number, ident = note.get("data-n"), _id(note.get("id"))  # fn-8, or an editor's ed-…
            back_id = ident.replace("fn-", "fnref-", 1) if ident.startswith("fn-") else ident.replace("ed-", "edref-", 1)
            ref = _element("a", number, {"epub:type": "noteref", "role": "doc-noteref", "href": f"#{ident}",
                                         "id": back_id})
            sup = _element("sup")
            sup.append(ref)
            content.replace(parents[note], note, sup)
            name = (label(lang, "editor_ref", letter=number) if "editor-note" in classes(note)
                    else label(lang, "note", n=number))
            aside = _element("aside", None, {"epub:type": "footnote", "role": "doc-footnote", "id": ident,
                                             "class": " ".join(sorted(classes(note)))})
            paragraph = etree.SubElement(aside, "p")
            back = etree.SubElement(paragraph, "a", {"href": f"#{back_id}", "role": "doc-backlink",
                                                    "aria-label": name})
            back.text = number
            back.tail = ". " + (note.text or "")
            paragraph.extend(list(note))
            asides.append(aside)
        out.append(block)
        out.extend(asides)
    return out


def _page_marks(elements: list[etree.Element], lang: str) -> None:
    for element in elements:
        for mark in element.iter("span"):
            if "page-break" in classes(mark):
                page = mark.get("data-page")
                mark.attrib = {"epub:type": "pagebreak", "role": "doc-pagebreak", "id": f"page-{page}",
                               "aria-label": word(lang, "page_label", n=page), "title": page, "class": "page-break"}


def _documents(book: Book) -> list[tuple[str, str, list[etree.Element], str]]:
    """(file, title, blocks, body type) of each content document, in reading order."""
    lang = book.lang
    head, statement, rest = content.front_matter(book)
    docs = [("front.xhtml", book.title, [*head, *statement, *rest], "frontmatter")]
    if book.translator:
        docs.append(("translator.xhtml", word(lang, "translator"), copy.deepcopy(book.translator), "preface"))
    article = copy.deepcopy(book.article)
    docs.append(("article.xhtml", word(lang, "article"), _notes_as_footnotes(article, lang), "bodymatter"))
    if book.apparatus:
        listing = _element("ol")
        for entry in book.apparatus:
            item = etree.SubElement(listing, "li", {"id": f"app-{entry.ident}"})
            link = etree.SubElement(item, "a", {"href": f"#em-{entry.ident}"})
            link.text = entry.lemma
            link.tail = "\u2009] "
            content.apparatus_source(item, entry, lang)
        docs.append(("apparatus.xhtml", word(lang, "apparatus"),
                     [_element("h2", word(lang, "apparatus")), _element("p", word(lang, "apparatus_intro") + "."),
                      listing], "backmatter"))
    works, cite = label(lang, "works"), CITE_LABELS[lang]["title"]
    docs.append(("bibliography.xhtml", works, [_element("h2", works), *copy.deepcopy(book.bibliography)], "backmatter"))
    docs.append(("cite.xhtml", cite, [_element("h2", cite), *copy.deepcopy(book.cite)], "backmatter"))
    for _, _, blocks, _ in docs:
        _page_marks(blocks, lang)
    _link_across(docs)
    return docs


def _link_across(docs) -> None:
    """Ids made XML-safe, and links to a place in the book pointed at its document."""
    where = {}
    for name, _, blocks, _ in docs:
        for block in blocks:
            for element in block.iter():
                if element.get("id"):
                    element.set("id", _id(element.get("id")))
                    where[element.get("id")] = name
    for name, _, blocks, _ in docs:
        for block in blocks:
            for link in block.iter("a"):
                href = link.get("href", "")
                if href.startswith("#"):
                    target = _id(href[1:])
                    link.set("href", f"{where[target]}#{target}" if where.get(target, name) != name else f"#{target}")


def _nav(book: Book, docs) -> bytes:
    lang = book.lang
    toc = _element("nav", None, {"epub:type": "toc", "id": "toc", "role": "doc-toc"})
    toc.append(_element("h2", word(lang, "contents")))
    listing = etree.SubElement(toc, "ol")
    for name, title, _, _ in docs:
        item = etree.SubElement(listing, "li")
        etree.SubElement(item, "a", {"href": name}).text = title
    pages = _element("nav", None, {"epub:type": "page-list", "id": "page-list", "hidden": "hidden"})
    pages.append(_element("h2", word(lang, "page_list")))
    listing = etree.SubElement(pages, "ol")
    for name, _, blocks, _ in docs:
        for block in blocks:
            for mark in block.iter("span"):
                if mark.get("epub:type") == "pagebreak":
                    item = etree.SubElement(listing, "li")
                    etree.SubElement(item, "a", {"href": f"{name}#{mark.get('id')}"}).text = mark.get("title")
    landmarks = _element("nav", None, {"epub:type": "landmarks", "id": "landmarks", "hidden": "hidden"})
    listing = etree.SubElement(landmarks, "ol")
    for kind, name in (("titlepage", "front.xhtml"), ("bodymatter", "article.xhtml")):
        item = etree.SubElement(listing, "li")
        etree.SubElement(item, "a", {"epub:type": kind, "href": name}).text = \
            word(lang, "cover") if kind == "titlepage" else word(lang, "article")
    return _xhtml(lang, word(lang, "contents"), [toc, pages, landmarks])


def _package(book: Book, docs, font_files: list[str]) -> bytes:
    lang = book.lang
    esc = _escape
    modified = f"{book.date}T00:00:00Z"
    meta = [
        f'<dc:identifier id="uid">{esc(book.url)}#epub</dc:identifier>',
        f"<dc:title>{esc(book.title)}</dc:title>",
        f"<dc:creator>{esc(book.authors)}</dc:creator>",
        f"<dc:language>{lang}</dc:language>",
        f"<dc:date>{book.date}</dc:date>",
        f'<meta property="dcterms:modified">{modified}</meta>',
        f"<dc:description>{esc(book.description)}</dc:description>",
        f"<dc:source>{esc(book.source)}</dc:source>",
        *(f"<dc:subject>{esc(k)}</dc:subject>" for k in book.keywords),
        f"<dc:rights>{esc(edition_line(book))}</dc:rights>",
        '<meta property="schema:accessMode">textual</meta>',
        '<meta property="schema:accessModeSufficient">textual</meta>',
        '<meta property="schema:accessibilityFeature">structuralNavigation</meta>',
        '<meta property="schema:accessibilityFeature">printPageNumbers</meta>',
        '<meta property="schema:accessibilityFeature">pageNavigation</meta>',
        '<meta property="schema:accessibilityHazard">none</meta>',
        '<meta property="schema:accessibilitySummary">The text in reading order, with its notes as footnotes '
        'and the pages of the printed original marked.</meta>',
    ]
    items = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
             '<item id="style" href="style.css" media-type="text/css"/>']
    items += [f'<item id="{name.removesuffix(".xhtml")}" href="{name}" media-type="application/xhtml+xml"/>'
              for name, _, _, _ in docs]
    items += [f'<item id="font-{i}" href="fonts/{name}" media-type="font/ttf"/>' for i, name in enumerate(font_files)]
    spine = [f'<itemref idref="{name.removesuffix(".xhtml")}"/>' for name, _, _, _ in docs]
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{lang}" '
            'prefix="schema: http://schema.org/">\n'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n  ' + "\n  ".join(meta) + "\n</metadata>\n"
            "<manifest>\n  " + "\n  ".join(items) + "\n</manifest>\n"
            "<spine>\n  " + "\n  ".join(spine) + "\n</spine>\n</package>\n").encode("utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


CONTAINER = (b'<?xml version="1.0" encoding="utf-8"?>\n'
             b'<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
             b'<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>'
             b"</rootfiles>\n</container>\n")


def render(book: Book, faces: list[fonts.Face]) -> bytes:
    """The EPUB's bytes."""
    docs = _documents(book)
    contents = {name: _xhtml(book.lang, title, blocks, kind) for name, title, blocks, kind in docs}
    font_css = fonts.font_face_css(faces, lambda face: f"fonts/{face.name}")
    files = {"mimetype": b"application/epub+zip", "META-INF/container.xml": CONTAINER,
             "EPUB/package.opf": _package(book, docs, [f.name for f in faces]),
             "EPUB/nav.xhtml": _nav(book, docs),
             "EPUB/style.css": (font_css + "\n" + STYLESHEET.read_text("utf-8")).encode("utf-8")}
    files.update({f"EPUB/{name}": text for name, text in contents.items()})
    files.update({f"EPUB/fonts/{face.name}": face.data for face in faces})
    stamp = tuple(int(part) for part in book.date.split("-")) + (0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():  # the mimetype first and stored, as EPUB requires
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()
