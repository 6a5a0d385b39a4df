"""The PDF of one language: the book as a print document, laid out by WeasyPrint.

WeasyPrint turns `float: footnote` into notes at the foot of the page that cites them, and
`target-counter()` into the page numbers of the apparatus. The document is tagged
(PDF/UA-1), carries its title, author, language and keywords, and is the same bytes for the
same sources: its dates are the release's and its identifier a hash of its HTML.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import xml.etree.ElementTree as etree
from pathlib import Path

from ..citing import LABELS as CITE_LABELS
from ..labels import label
from . import fonts
from .content import Book, apparatus_source, classes, front_matter
from .content import element as _element
from .words import word

STYLESHEET = Path(__file__).with_name("print.css")


def _data_uri(face: fonts.Face) -> str:
    return "data:font/ttf;base64," + base64.b64encode(face.data).decode("ascii")


def page_marks(root: etree.Element) -> None:
    """A page of the original becomes a bar in the line and its number in the margin."""
    for mark in root.iter("span"):
        if "page-break" in classes(mark):
            page = mark.get("data-page")
            mark.attrib = {"class": "page-mark", "id": f"page-{page}"}
            bar = etree.SubElement(mark, "span", {"class": "page-bar", "aria-hidden": "true"})
            bar.text = "|"
            number = etree.SubElement(mark, "span", {"class": "page-number"})
            number.text = page


def paragraph_numbers(root: etree.Element) -> None:
    """The article's paragraphs keep their permanent numbers, in the right margin."""
    for paragraph in root.iter("p"):
        ident = paragraph.get("id", "")
        if ident[:1] == "p" and ident[1:].isdigit():
            number = _element("span", f"¶\u2009{ident[1:]}", class_="paragraph-number")
            number.tail, paragraph.text = paragraph.text, None
            paragraph.insert(0, number)


def _demoted(elements: list[etree.Element]) -> list[etree.Element]:
    for element in elements:
        for inner in element.iter():
            if inner.tag == "h2":
                inner.tag = "h3"
    return elements


def document(book: Book, faces: list[fonts.Face]) -> str:
    """The print document as HTML (the book itself is left as it was, for the EPUB)."""
    book = copy.deepcopy(book)
    lang = book.lang
    html = _element("html", lang=lang)
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "title").text = book.title
    for name, content in (("author", book.authors), ("description", book.description),
                          ("keywords", ", ".join(book.keywords)), ("dcterms.created", book.date),
                          ("dcterms.modified", book.date)):
        if content:
            etree.SubElement(head, "meta", name=name, content=content)
    style = etree.SubElement(head, "style")
    style.text = fonts.font_face_css(faces, _data_uri) + "\n" + STYLESHEET.read_text("utf-8")
    body = etree.SubElement(html, "body")

    front = etree.SubElement(body, "section", {"class": "front"})
    head, statement, rest = front_matter(book)
    front.extend(head)
    etree.SubElement(front, "div", {"class": "edition-statement"}).extend(statement)
    front.extend(rest)
    if book.translator:
        etree.SubElement(body, "section", {"class": "translator"}).extend(book.translator)

    article = etree.SubElement(body, "section", {"class": "article"})
    article.extend(book.article)

    if book.apparatus:
        section = etree.SubElement(body, "section", {"class": "back apparatus"})
        section.append(_element("h2", word(lang, "apparatus")))
        section.append(_element("p", f"{word(lang, 'apparatus_intro')}; {word(lang, 'apparatus_pages')}."))
        listing = etree.SubElement(section, "ol")
        for entry in book.apparatus:
            item = etree.SubElement(listing, "li", id=f"app-{entry.ident}")
            where = etree.SubElement(item, "span")
            where.text = f"{word(lang, 'page')}\u00a0"
            where.append(_element("a", None, href=f"#em-{entry.ident}", class_="page-ref"))
            where.tail = f". {entry.lemma}\u2009] "
            apparatus_source(item, entry, lang)
    section = etree.SubElement(body, "section", {"class": "back bibliography"})
    section.append(_element("h2", label(lang, "works")))
    section.extend(_demoted(book.bibliography))
    section = etree.SubElement(body, "section", {"class": "back cite"})
    section.append(_element("h2", CITE_LABELS[lang]["title"]))
    section.extend(book.cite)

    page_marks(body)
    paragraph_numbers(article)
    return "<!DOCTYPE html>\n" + etree.tostring(html, encoding="unicode", method="html")


def render(book: Book, faces: list[fonts.Face]) -> bytes:
    """The PDF's bytes."""
    import weasyprint

    html = document(book, faces)
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    return weasyprint.HTML(string=html, base_url=str(STYLESHEET.parent)).write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=identifier)
