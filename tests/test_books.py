"""The PDFs and EPUBs, read back by real clients: pdfminer.six (through pdfplumber) for the
PDFs' text, each character with its font, size and place; EPUBCheck for the EPUBs.

The PDF's layout gives each kind of text its own size (print.css): the text 10.5 pt, the
notes 8.5 pt, the note calls 6.5 pt, the margins' numbers 7.5 pt, the page bar 7 pt. The
tests sort the extracted words by that, undo the layout's hyphenation (WeasyPrint breaks a
word with U+2010, which no source text contains), and hold the result to the witness with
the emendations applied: the fidelity test's rule.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from edition import downloads, paths
from edition.books import content, fonts

pytestmark = pytest.mark.slow

BODY, NOTE, CALL, MARGIN, BAR = 10.5, 8.5, 6.5, 7.5, 7.0
COLUMN_LEFT, COLUMN_RIGHT = 32 / 25.4 * 72, (210 - 32) / 25.4 * 72  # print.css: 32 mm margins
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def book_file(site: Path, kind: str, lang: str) -> Path:
    return site / downloads.book_path(kind, lang)


# --- reading a PDF back ------------------------------------------------------------------------


@dataclass
class Page:
    number: int
    body: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    margin_pages: list[dict] = field(default_factory=list)
    bars: list[dict] = field(default_factory=list)
    headings: list[dict] = field(default_factory=list)
    footer: str = ""


def _touch(left: dict, right: dict) -> bool:
    """Two words set on one line with no space between them."""
    return abs(left["top"] - right["top"]) < 6 and -0.5 < right["x0"] - left["x1"] < 0.5


def _size(word) -> float:
    return round(word["size"], 1)


def read_pdf(path: Path) -> tuple[list[Page], dict]:
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        info = dict(pdf.metadata)
        info["catalog"] = {key: pdf.doc.catalog[key] for key in pdf.doc.catalog}
        for number, sheet in enumerate(pdf.pages, 1):
            page = Page(number)
            # x_tolerance: a note's space (8.5 pt) is narrower than pdfplumber's default gap.
            words = sheet.extract_words(extra_attrs=["size", "fontname"], use_text_flow=True, x_tolerance=1.2)
            touching = None  # a call or bar that touches the text word before it
            for word in words:
                size, left = _size(word), word["x0"]
                if word["top"] > sheet.height - 26 / 25.4 * 72:  # below the page area: the page number
                    page.footer += word["text"]
                    continue
                if size == BODY and COLUMN_LEFT - 1 <= left <= COLUMN_RIGHT:
                    # A call or bar inside a word ("гг.»²)."): the word's halves are one word.
                    word["glued"] = touching is not None and _touch(touching, word)
                    page.body.append(word)
                    touching = None
                    continue
                if size in (CALL, BAR):  # the chain of calls after a word: "Европы" ᵇ ⁸ "."
                    before = touching or (page.body[-1] if page.body else None)
                    touching = word if before is not None and _touch(before, word) else None
                elif size != MARGIN:
                    touching = None
                if size == NOTE:
                    page.notes.append(word)
                elif size == CALL:
                    page.calls.append(word["text"])
                elif size == MARGIN and word["x1"] < COLUMN_LEFT and word["text"].isdigit():
                    page.margin_pages.append(word)
                elif size == BAR and word["text"] == "|":
                    page.bars.append(word)
                elif size > BODY + 0.5:
                    page.headings.append(word)
            pages.append(page)
    return pages, info


def joined(words: list[dict]) -> list[str]:
    """The words' texts with the layout's line breaks undone: a U+2010 at a line's end is
    WeasyPrint's hyphenation and goes; a hyphen there (a compound broken at its hyphen)
    stays, and the halves join."""
    out: list[str] = []
    glue = False
    for index, word in enumerate(words):
        text = word["text"]
        if glue or word.get("glued"):
            out[-1] += text
        else:
            out.append(text)
        nxt = words[index + 1] if index + 1 < len(words) else None
        line_end = nxt is None or abs(nxt["top"] - word["top"]) > 2  # the next line, or page
        glue = False
        if out[-1].endswith("\u2010"):
            out[-1] = out[-1][:-1]
            glue = True
        elif out[-1].endswith("-") and line_end and nxt is not None and not nxt["text"][:1].isdigit():
            glue = True
    return out


def emended(text: str, part: str, ed) -> str:
    """The witness's text of a part with the edition's recorded changes made."""
    for entry in ed.emendations.values():
        if entry.part == part:
            assert text.count(entry.witness) == 1, entry.id
            text = text.replace(entry.witness, entry.edition)
    return text


def _marker(word: dict) -> bool:
    """A note's number (bold) or an editor's note's letter (bold italic) at its start."""
    text = word["text"]
    return "Bold" in word["fontname"] and (text.isdigit() or ("Italic" in word["fontname"] and
                                                              len(text) == 1 and text.isalpha()))


def notes_of(pages: list[Page]) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Each note's words, and the page it stands on, split at the notes' numbers and the
    editor's notes' letters."""
    notes: dict[str, list[dict]] = {}
    where: dict[str, int] = {}
    current = None
    for page in pages:
        for word in page.notes:
            if _marker(word):
                current = word["text"]
                notes[current], where[current] = [], page.number
            elif current is not None:
                notes[current].append(word)
    return {n: joined(words) for n, words in notes.items()}, where


@pytest.fixture(scope="module")
def pdfs(site):
    return {lang: read_pdf(book_file(site, "pdf", lang)) for lang in paths.LANGUAGES}


def _article_pages(pages: list[Page]) -> list[Page]:
    """The article's pages: from the second page with a first-level title (the article's
    own; the first is the title page's) to the page before the back matter's first heading."""
    starts = [p for p in pages if p.headings and max(_size(w) for w in p.headings) == 15.0]
    first = starts[1].number
    back = next(p.number for p in pages if p.number > first and p.headings
                and max(_size(w) for w in p.headings) < 15.0 and p.body == [])
    return [p for p in pages if first <= p.number < back]


def test_the_russian_pdf_reproduces_the_article_word_for_word(pdfs, ed):
    pages, _ = pdfs["ru"]
    words = [w for p in _article_pages(pages) for w in p.body]
    expected = " ".join(emended(block.text, f"paragraph {n}", ed) for n, block in enumerate(ed.witness.paragraphs, 1))
    assert joined(words) == expected.split()


def test_the_russian_pdf_reproduces_the_summary_and_abstract(pdfs, ed):
    pages, _ = pdfs["ru"]
    first = _article_pages(pages)[0].number
    words = joined([w for p in pages if p.number < first for w in p.body])
    keywords = words.index("Keywords:")
    expected = [emended(b.text, "summary", ed) for b in ed.witness.summary_ru]
    expected += [emended(b.text, "abstract", ed) for b in ed.witness.abstract_en]
    assert words[:keywords] == " ".join(expected).split()
    assert " ".join(words[keywords + 1:]).rstrip(".").split(", ") == ed.witness.keywords_en
    headings = " ".join(w["text"] for p in pages if p.number < first for w in p.headings).lower()
    assert ed.witness.title_ru.lower() in headings and ed.witness.title_en.lower() in headings


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_the_pdf_has_the_editors_notes(pdfs, ed, lang):
    notes, _ = notes_of(pdfs[lang][0])
    for note in ed.commentary:
        expected = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", note.text[lang]).replace("*", "").split()
        assert notes[note.letter][:6] == expected[:6], note.letter
        assert notes[note.letter][-3:] == expected[-3:], note.letter


def test_the_russian_pdf_reproduces_every_note(pdfs, ed):
    notes, _ = notes_of(pdfs["ru"][0])
    notes = {n: words for n, words in notes.items() if n.isdigit()}  # the editor's: below
    assert list(notes) == [str(n) for n in range(1, 22)]
    for number in range(1, 20):
        assert notes[str(number)] == emended(ed.witness.notes[number].text, f"note {number}", ed).split(), number
    for number in ("20", "21"):  # said missing, in the edition's words
        assert " ".join(notes[number]).startswith("Текст этого примечания в источнике отсутствует")


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_every_note_stands_on_the_page_that_cites_it(pdfs, lang, ed):
    pages, _ = pdfs[lang]
    _, where = notes_of(pages)
    cited = {call: page.number for page in pages for call in page.calls}
    assert sorted(c for c in cited if c.isdigit()) == sorted(str(n) for n in range(1, 22))
    on_notes = [n for n in ed.commentary if n.on_note]  # their letters stand in a note's text
    assert {c for c in cited if not c.isdigit()} == {n.letter for n in ed.commentary if not n.on_note}
    for note in on_notes:  # on the page of the note they concern
        assert where[note.letter] == where[str(note.number)], note.letter
    assert {n: p for n, p in where.items() if n in cited} == cited


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_the_margin_gives_the_originals_pages_beside_their_starts(pdfs, lang, ed):
    pages, _ = pdfs[lang]
    numbers = [int(w["text"]) for p in pages for w in p.margin_pages]
    first = 1 if lang == "ru" else 3
    assert numbers == list(range(first, len(ed.witness.pages) + 1))
    for page in pages:  # each number on the line of its bar
        for number in page.margin_pages:
            assert any(abs(bar["bottom"] - number["bottom"]) < 8 for bar in page.bars), (page.number, number["text"])


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_the_pages_are_numbered_and_counted(pdfs, lang):
    pages, _ = pdfs[lang]
    assert [p.footer for p in pages] == [str(p.number) for p in pages]
    assert 6 <= len(pages) <= 16  # a journal article's length, not a runaway layout


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_the_paragraphs_keep_their_numbers(site, lang):
    pages, _ = read_pdf(book_file(site, "pdf", lang))
    import pdfplumber
    with pdfplumber.open(book_file(site, "pdf", lang)) as pdf:
        marks = [w["text"] for sheet in pdf.pages
                 for w in sheet.extract_words(extra_attrs=["size"]) if w["x0"] > COLUMN_RIGHT and _size(w) == MARGIN]
    assert [m for m in marks if m != "¶"] == [str(n) for n in range(1, 13)]


def test_the_english_pdf_has_the_translation_and_the_authors_abstract(pdfs, ed):
    pages, _ = pdfs["en"]
    first = _article_pages(pages)[0].number
    front = " ".join(joined([w for p in pages if p.number < first for w in p.body]))
    for block in ed.witness.abstract_en:
        assert " ".join(emended(block.text, "abstract", ed).split()) in front
    article = joined([w for p in _article_pages(pages) for w in p.body])
    translation = " ".join(re.sub(r"\{[^}]*\}|\[\^\d+\]|\*|\{:[^}]*\}", "", p.text) for p in ed.articles["en"].paragraphs)
    assert article[:8] == translation.split()[:8] and article[-6:] == translation.split()[-6:]


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_the_pdf_says_what_it_is(pdfs, ed, lang):
    _, info = pdfs[lang]
    meta = ed.metadata
    assert info["Title"] == meta.title[lang]
    assert info["Author"] == ", ".join(a.display(lang) for a in meta.authors)
    assert set(meta.keywords["en"]) <= set(info["Keywords"].split(", "))
    catalog = info["catalog"]
    assert catalog["Lang"].decode() == lang
    assert "StructTreeRoot" in catalog and catalog["MarkInfo"]["Marked"] is True  # tagged (PDF/UA-1)


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_the_pdf_embeds_only_the_text_face(site, lang):
    listing = subprocess.run(["pdffonts", str(book_file(site, "pdf", lang))], capture_output=True, text=True)
    if listing.returncode != 0 and "not found" in listing.stderr:
        pytest.skip("poppler's pdffonts is not installed")
    fonts_used = [line.split()[0].split("+", 1)[1] for line in listing.stdout.splitlines()[2:]]
    embedded = [line.split()[-5] for line in listing.stdout.splitlines()[2:]]
    assert fonts_used and all(name.startswith("Charis-SIL") for name in fonts_used), fonts_used
    assert set(embedded) == {"yes"}


# --- the EPUBs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_epubcheck_finds_nothing(site, lang):
    result = subprocess.run(["java", "-jar", "/usr/bin/epubcheck", str(book_file(site, "epub", lang))],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout, result.stdout


def read_epub(path: Path) -> dict[str, ET.Element]:
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[0] == "mimetype" and archive.read("mimetype") == b"application/epub+zip"
        return {name: ET.fromstring(archive.read(name)) for name in archive.namelist() if name.endswith(".xhtml")}


def _text_without(element: ET.Element, skip) -> str:
    parts = [element.text or ""]
    for child in element:
        if not skip(child):
            parts.append(_text_without(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _not_the_authors(element: ET.Element) -> bool:
    """Note references, page marks and the edition's [sic] are not the author's words."""
    return (element.get(EPUB_TYPE) in {"noteref", "pagebreak"} or element.tag == f"{XHTML}sup"
            or "sic" in element.get("class", "").split())


def test_the_russian_epub_reproduces_the_article_and_its_notes(site, ed):
    docs = read_epub(book_file(site, "epub", "ru"))
    article = docs["EPUB/article.xhtml"]
    paragraphs = [p for p in article.iter(f"{XHTML}p") if re.fullmatch(r"p\d+", p.get("id", ""))]
    assert [p.get("id") for p in paragraphs] == [f"p{n}" for n in range(1, 13)]
    for number, (paragraph, block) in enumerate(zip(paragraphs, ed.witness.paragraphs), 1):
        assert _text_without(paragraph, _not_the_authors).split() == \
               emended(block.text, f"paragraph {number}", ed).split(), number
    asides = [a for a in article.iter(f"{XHTML}aside") if a.get(EPUB_TYPE) == "footnote"]
    editors = [a for a in asides if not a.get("id").startswith("fn-")]
    asides = [a for a in asides if a.get("id").startswith("fn-")]
    assert [a.get("id") for a in asides] == [f"fn-{n}" for n in range(1, 22)]
    assert [a.get("id") for a in editors] == [n.html_id for n in ed.commentary if not n.on_note]
    for number in range(1, 20):
        text = _text_without(asides[number - 1], lambda e: e.get("role") == "doc-backlink")
        assert text.split()[1:] == emended(ed.witness.notes[number].text, f"note {number}", ed).split(), number
    refs = [a.get("href") for a in article.iter(f"{XHTML}a") if a.get(EPUB_TYPE) == "noteref"]
    assert [r for r in refs if r.startswith("#fn-")] == [f"#fn-{n}" for n in range(1, 22)]


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_the_epub_lists_the_originals_pages(site, lang, ed):
    docs = read_epub(book_file(site, "epub", lang))
    page_list = next(n for n in docs["EPUB/nav.xhtml"].iter(f"{XHTML}nav") if n.get(EPUB_TYPE) == "page-list")
    links = [(a.text, a.get("href")) for a in page_list.iter(f"{XHTML}a")]
    first = 1 if lang == "ru" else 3
    assert [int(text) for text, _ in links] == list(range(first, len(ed.witness.pages) + 1))
    for _, href in links:
        name, anchor = href.split("#")
        marks = [e for e in docs[f"EPUB/{name}"].iter() if e.get("id") == anchor]
        assert len(marks) == 1 and marks[0].get(EPUB_TYPE) == "pagebreak"


# --- the links to them, and their mistakes -----------------------------------------------------


@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_the_article_page_links_its_languages_books(site, lang):
    page = site / ("" if lang == paths.DEFAULT_LANGUAGE else lang) / "article" / "index.html"
    html = page.read_text(encoding="utf-8")
    for kind in downloads.BOOK_LABELS:
        href = re.search(rf'href="([^"]*edition-{lang}\.{kind})"', html).group(1)
        target = (page.parent / href).resolve()
        assert target == book_file(site, kind, lang).resolve() and target.stat().st_size > 20_000


def test_a_missing_text_face_stops_with_what_to_install(tmp_path):
    with pytest.raises(content.EditionError) as caught:
        fonts.faces(tmp_path)
    assert "Charis SIL is not installed" in str(caught.value) and "make books-deps" in str(caught.value)


def test_a_page_without_what_a_book_needs_stops_with_its_file(ed):
    rendered = {name: content.Rendered("<h1>x</h1><p>y</p>", f"http://example.org/{name}") for name in content.PAGES}
    with pytest.raises(content.BookError) as caught:
        content.book("ru", rendered, ed)
    assert "docs/ru/index.md" in str(caught.value) and "how-to-cite" in str(caught.value)
