"""The edition as one TEI P5 document: both texts aligned, with the bibliography and registers.

    document(edition, version, date, site_url)   the TEI XML, as text

The document is built as an ElementTree and serialised once, so that every piece of data
(a title from the .bib, a name, a reason) reaches the XML as text, escaped, never as markup.
Its shape:

    teiHeader      the edition, its source (a witness whose journal is unknown), its principles
    text/group     the Russian text (pages 1–2 in the front, p1–p12 with notes n1–n21) and the
                   English translation (en-p1…, en-n1…, each @corresp to its Russian twin)
    text/back      the reasons for the emendations, the bibliography (biblStruct per .bib key)
                   and the registers of names.yml (listPerson, listPlace, listOrg, documents)

The marks of the article pages (marks.py) mean here what mdx_edition.py makes of them:
{pb N} a <pb/>, [^N] the note itself at its reference, {em ID} a <choice> (sic/corr, or
orig/reg for a normalisation), {sic ID} a <sic> alone, {missing} a <gap/>. The editor's
notes (commentary.py) are <note type="editorial">, in the paragraph at their anchor, or just
after the author's note they concern. The encoding decisions are stated, for readers of the
file, in its <encodingDesc>.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as etree
from collections import Counter
from dataclasses import dataclass, replace

from . import commentary, gost, marks
from .bibliography import Work, parse_date

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

EDITION_ID = "edition"  # the edition as a body: publisher, and @resp of every emendation
EDITION_BODY = "The editors of this digital edition"
# An emendation's kind → the element of the witness's reading and of the edition's.
CHOICE = {"correction": ("sic", "corr"), "deletion": ("sic", "corr"), "normalisation": ("orig", "reg")}
NAME_TAGS = {"persons": "persName", "places": "placeName", "organisations": "orgName", "documents": "title"}
# names.yml group → (list element, entry element, heading of its division)
REGISTERS = {"persons": ("listPerson", "person", "Persons"), "places": ("listPlace", "place", "Places"),
             "organisations": ("listOrg", "org", "Organizations"), "documents": ("listBibl", "bibl", "Documents")}
LANGUAGE_NAMES = {"ru": "Russian", "en": "English", "de": "German", "fr": "French"}
PARTS = ("incollection", "inbook", "article")  # entry types described at two levels, analytic and monogr
MISSING_NOTE = {"ru": "Текста этого примечания в источнике нет.", "en": "The witness lacks the text of this note."}
LIFE = re.compile(r"(\d{3,4})\s*[–-]\s*(\d{3,4})")
# Characters XML 1.0 cannot hold: a source carrying one must not yield a file no parser reads.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The elements whose content is other elements only: indented; all others are mixed content,
# where white space is text and stays as built.
STRUCTURE = frozenset("""TEI teiHeader fileDesc titleStmt author editor respStmt editionStmt publicationStmt
    availability sourceDesc encodingDesc projectDesc editorialDecl correction normalization hyphenation
    segmentation interpretation profileDesc langUsage textClass keywords text group front body back div
    titlePage docTitle listBibl biblStruct analytic monogr imprint listPerson person listPlace place
    listOrg org""".split())

# The pieces of an article's Markdown line that become elements; the rest is text.
INLINE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in (
    ("link", marks.CITE_LINK.pattern),
    ("cite", marks.CITE_TOKEN),
    ("note", marks.NOTE_MARK.pattern),
    ("page", marks.PAGE_MARK.pattern),
    ("reading", marks.EMENDATION.pattern),
    ("missing", marks.MISSING_MARK.pattern),
    ("editorial", marks.LETTER_MARK.pattern),
    ("xref", r"\[[^\[\]]+\]\(#[^)\s]+\)"),
    ("meta", r"\{meta [^{}\n]*\}"),
    ("strong", r"\*\*(?:(?!\*\*).)+\*\*"),
    ("emphasis", r"\*[^*\s](?:[^*]*[^*\s])?\*(?:\{:\s*lang=\"[^\"]+\"\s*\})?"),
)))
PROSE_MARKUP = re.compile(r"`([^`]+)`")


# --- elements ------------------------------------------------------------------------------


def element(name: str, text: str | None = None, **attributes: str) -> etree.Element:
    """A TEI element; `id` and `lang` are xml:id and xml:lang. Tags stay unqualified: the root
    declares the TEI namespace as the default (ElementTree's default_namespace option refuses
    unprefixed attributes, and register_namespace would change a setting of the whole process)."""
    special = {"id": XML_ID, "lang": XML_LANG}
    node = etree.Element(name, {special.get(k, k): v for k, v in attributes.items()})
    node.text = text
    return node


def sub(parent: etree.Element, name: str, text: str | None = None, **attributes: str) -> etree.Element:
    node = element(name, text, **attributes)
    parent.append(node)
    return node


def add_text(parent: etree.Element, text: str) -> None:
    """Text after whatever `parent` already holds (its text, or its last child's tail)."""
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def prose(parent: etree.Element, name: str, text: str, **attributes: str) -> etree.Element:
    """A paragraph of the header's prose: `x` names an element (<gi>), `@x` an attribute
    (<att>), `"x"` a value (<val>)."""
    node = sub(parent, name, **attributes)
    position = 0
    for match in PROSE_MARKUP.finditer(text):
        add_text(node, text[position:match.start()])
        term = match.group(1)
        if term.startswith("@"):
            sub(node, "att", term[1:])
        elif term.startswith('"'):
            sub(node, "val", term.strip('"'))
        else:
            sub(node, "gi", term)
        position = match.end()
    add_text(node, text[position:])
    return node


# --- the document ----------------------------------------------------------------------------


def document(edition, version: str, date: str, site_url: str) -> str:
    """The edition as one TEI P5 document (UTF-8 text with its XML declaration).
    `date` is the release's ISO date (YYYY-MM-DD); `site_url` the site's address, or ""."""
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise ValueError(f"date {date!r} is not an ISO date (YYYY-MM-DD)") from None
    tei = element("TEI", xmlns=TEI_NS, lang="en")
    tei.append(header(edition, version, date, site_url))
    outer = sub(tei, "text")
    group = sub(outer, "group")
    russian_text(group, edition)
    english_text(group, edition)
    back(outer, edition)
    check_ids(tei)
    indent(tei)
    xml = DECLARATION + etree.tostring(tei, encoding="unicode") + "\n"
    bad = NOT_XML.search(xml)
    if bad:
        raise ValueError(f"the character U+{ord(bad.group()):04X} in a source cannot be written to XML "
                         f"(near {xml[max(0, bad.start() - 40):bad.start()]!r})")
    return xml


def check_ids(root: etree.Element) -> None:
    """An xml:id given twice (a .bib key equal to a names.yml id) would make the file invalid:
    say which, rather than leave it to the validator."""
    seen: set[str] = set()
    for node in root.iter():
        ident = node.get(XML_ID)
        if ident in seen:
            raise ValueError(f"the id '{ident}' is given twice: bibliography keys, names.yml ids and the "
                             "text's own ids (p1, n1, e1, …) must all differ")
        if ident:
            seen.add(ident)


def indent(node: etree.Element, level: int = 0) -> None:
    """Line breaks between structural elements only (ElementTree.indent would add white space
    inside mixed content, between a word and its note)."""
    if node.tag not in STRUCTURE or not len(node) or (node.text or "").strip() \
            or any((child.tail or "").strip() for child in node):
        return
    inner = "\n" + "  " * (level + 1)
    node.text = inner
    for child in node:
        indent(child, level + 1)
        child.tail = inner
    node[-1].tail = "\n" + "  " * level


# --- the header ------------------------------------------------------------------------------


def header(edition, version: str, date: str, site_url: str) -> etree.Element:
    head = element("teiHeader")
    file_desc = sub(head, "fileDesc")
    title_stmt(file_desc, edition.metadata)
    release = sub(sub(file_desc, "editionStmt"), "edition", f"Version {version}, ", n=version)
    sub(release, "date", date, when=date)
    publication_stmt(file_desc, version, date, site_url)
    source_desc(file_desc, edition)
    encoding_desc(head, edition)
    profile_desc(head, edition)
    return head


def title_stmt(file_desc: etree.Element, meta) -> None:
    stmt = sub(file_desc, "titleStmt")
    for lang, title in meta.edition_title.items():
        sub(stmt, "title", title, type="main", lang=lang)
    for author in meta.authors:  # as far as known: the witness gives initials only
        person = sub(stmt, "author")
        for lang in author.initials:
            sub(person, "persName", author.display(lang), lang=lang)
    resp = sub(stmt, "respStmt")
    for task in ("establishment of the Russian text", "emendations", "editor's notes", "English translation"):
        sub(resp, "resp", task)
    sub(resp, "orgName", EDITION_BODY, id=EDITION_ID)


def publication_stmt(file_desc: etree.Element, version: str, date: str, site_url: str) -> None:
    stmt = sub(file_desc, "publicationStmt")
    sub(sub(stmt, "publisher"), "orgName", EDITION_BODY, ref=f"#{EDITION_ID}")
    sub(stmt, "date", date, when=date)
    sub(stmt, "idno", version, type="version")
    if site_url:
        sub(stmt, "idno", site_url, type="URL")
    # No licence is named in the sources: say where it is stated, and name none.
    sub(sub(stmt, "availability"), "p", "No licence has been declared for this edition yet: ask its editors "
                                        "before reusing it beyond quotation.")


def source_desc(file_desc: etree.Element, edition) -> None:
    """The witness, and what is known of the journal that printed it: nothing, so far."""
    meta, pages = edition.metadata, len(edition.witness.pages)
    bibl = sub(sub(file_desc, "sourceDesc"), "bibl", type="article")
    for author in meta.authors:
        sub(bibl, "author", author.display("ru"), lang="ru")
    sub(bibl, "title", meta.title["ru"], level="a", lang="ru")
    sub(bibl, "title", meta.title["en"], level="a", type="parallel")
    unknown = []
    for label, value, tag, attributes in (
            ("the journal's title", meta.journal, "title", {"level": "j"}),
            ("the year", meta.year, "date", {}),
            ("the volume", meta.volume, "biblScope", {"unit": "volume"}),
            ("the issue", meta.issue, "biblScope", {"unit": "issue"}),
            ("the page numbers", _page_range(meta), "biblScope", {"unit": "page"})):
        if value is None:
            unknown.append(label)
        else:
            sub(bibl, tag, str(value), **attributes)
    if meta.doi:
        sub(bibl, "idno", meta.doi, type="DOI")
    if all(author.family is None for author in meta.authors):
        unknown.append("the author's full name (the witness gives only the initials)")
    sub(bibl, "extent", f"{pages} printed pages")
    sub(bibl, "note", f"The only witness of the text: a plain-text extraction (UTF-8) of the article as "
                      f"printed in a Russian journal, {pages} pages. The first two hold the Russian summary "
                      "and the English title, abstract and keywords; the others the article, with the "
                      "author's notes at the foot of each page. The edition keeps an unchanged copy "
                      "(sources/witness/article.txt).")
    if unknown:
        sub(bibl, "note", "Not given in the witness, and unknown to this edition: " + "; ".join(unknown)
            + ". None of them is guessed here.", type="unknown")


def _page_range(meta) -> str | None:
    if meta.first_page and meta.last_page:
        return f"{meta.first_page}–{meta.last_page}"
    return meta.first_page


def encoding_desc(head: etree.Element, edition) -> None:
    desc = sub(head, "encodingDesc")
    project = sub(desc, "projectDesc")
    for text in PROJECT:
        prose(project, "p", text)
    principles = sub(desc, "editorialDecl", id="principles")
    for part, attributes, paragraphs in principle_parts(edition):
        holder = sub(principles, part, **attributes)
        for text in paragraphs:
            prose(holder, "p", text)
    translation = sub(desc, "editorialDecl", id="translation")
    for text in translation_conventions(edition):
        prose(translation, "p", text)


PROJECT = (
    "A digital scholarly edition of a Russian journal article on the secret German–Soviet military "
    "negotiations held in connection with the Ruhr conflict of 1923. The Russian text is established from "
    "its only known witness; the author's notes are kept as printed, and every work they cite is described "
    "in the bibliography; the English translation is the edition's own.",
    "This file holds both texts, aligned paragraph by paragraph and note by note, with the bibliography, the "
    "registers of persons, places, organizations and documents, and the reason for every emendation. It is "
    "written from the same source files as the edition's website.",
)


def principle_parts(edition) -> list[tuple[str, dict, list[str]]]:
    """The editorial principles of the Russian text, as (element, attributes, paragraphs)."""
    kinds = Counter(entry.kind for entry in edition.emendations.values())
    changes = sum(n for kind, n in kinds.items() if kind != "sic")
    counted = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(kinds.items()) if kind != "sic")
    slips = ", ".join(f"«{e.witness}»" for e in edition.emendations.values() if e.is_sic)
    hyphens = edition.witness.hyphens
    kept = [h.word for h in hyphens if h.kept]
    paragraphs, pages = len(edition.witness.paragraphs), len(edition.witness.pages)
    return [
        ("correction", {"method": "markup"}, [
            "Every word of the witness is kept, in its order: automated tests compare the Russian article, "
            "summary, abstract and notes with the witness word for word.",
            f"Each change the edition makes to a word or a sign is an entry of its list of emendations ({changes}: "
            f"{counted}). In the Russian text each is a `choice` whose `@xml:id` is the entry's identifier. "
            "A correction gives the witness's reading in `sic` and the edition's in `corr` of `@type` "
            '`"correction"`; a deletion of text the extraction printed more than once is a `sic` and a `corr` '
            'of `@type` `"deletion"` holding what the edition keeps (empty when nothing is kept); a '
            "normalization gives `orig` and `reg`. `corr` and `reg` name the edition in `@resp`. The reason, "
            'in Russian and English, is a `note` of `@type` `"emendation"` in the back matter, whose `@target` '
            "points to the place.",
            "The author's forms of names (Райхсвер beside Рейхсвер), the author's punctuation and grammar are "
            "not corrected. An evident slip that only a conjecture could put right is kept, marked with `sic` "
            f"alone and explained in its note: {slips}.",
        ]),
        ("normalization", {"method": "silent"}, [
            "Without an entry of their own, line breaks and runs of spaces are not kept, and the titles, "
            "printed in capitals, are given in sentence case. The spacing and spelling slips the edition does "
            "change (a missing space, «ue» or «oe» for an umlaut) are entries of the list of emendations, "
            "encoded with `orig` and `reg`.",
        ]),
        ("hyphenation", {"eol": "none"}, [
            f"The witness is hard-wrapped and hyphenated. Of its {len(hyphens)} line-end hyphens, {len(kept)} "
            f"join the parts of a compound word and are kept ({', '.join(kept)}); the others divide one word "
            "and are removed without a mark. Each decision is listed in the edition's sources "
            "(sources/hyphenation.yml) and on its About page.",
        ]),
        ("segmentation", {}, [
            f"The body has the witness's {paragraphs} paragraphs, p1 to p{paragraphs}: a blank line of the "
            "extraction is a paragraph break only where a sentence ends before it and the next line begins "
            "like a paragraph.",
            f"`pb` marks where each of the {pages} printed pages of the witness begins, before its first whole "
            f"word. Its `@n` is the page's place in the witness (1 to {pages}), not a page number of the "
            "journal, which is unknown. Pages 1 and 2, the title, summary, English title, abstract and "
            "keywords, are the front of the Russian text.",
            "The author's notes, numbered in one sequence, stand where the witness has their reference, as "
            '`note` with `@place` `"foot"` and the author\'s number in `@n`. Notes 20 and 21 are referred to '
            "in the text, but their text is not in the witness: each holds only a `gap` of `@reason` "
            '`"missing"`. The edition does not supply them.',
        ]),
        ("interpretation", {}, [
            "Persons, places, organizations and documents named in the paragraphs of both texts are tagged "
            "`persName`, `placeName`, `orgName` and `title`, whose `@ref` points to their entry in the registers "
            "of the back matter. The forms come from one list (sources/names.yml), which the website's "
            "registers share. Where forms overlap the longest is tagged, and a name within a tagged name is "
            "tagged inside it; a name that runs across an emendation, and the witness's side of a `choice`, "
            "are left untagged.",
            "The editor's notes, kept apart from the author's, are `note` of `@type` `\"editorial\"` with the "
            "edition in `@resp`, lettered in `@n` (a, b, c… in the reading order of the Russian text, the "
            "paragraphs first, then the author's notes). A note on a passage stands in the paragraph after "
            "the words it concerns; a note on an author's note follows that note and points to it with "
            "`@target`. Each stands in both texts, in the language of the text, the English pointing to the "
            "Russian with `@corresp`; they are not part of the witness.",
            "In the Russian notes, the author's words that cite a work, «Там же» and «Указ. соч.» included, "
            "are a `ref` within `bibl` whose `@target` is the work's `biblStruct`; the words stay as printed.",
            "The bibliography records only what the edition's BibTeX file gives. Each `biblStruct` has the "
            "entry's key as `@xml:id`, its entry type as `@type` and its group (a published source, primary, "
            "or a study, secondary) as `@subtype`. A part of a collection or of a book, and a volume of a set, "
            'point to the whole with `relatedItem` of `@type` `"host"`; their imprint gives the place and '
            "date they inherit from it.",
        ]),
    ]


TRANSLATORS_NOTE = "translators-note.en"  # sources/text/: the English home page includes it too
SUMMARY_TRANSLATION = "summary-translation.en"  # the edition's English of the Russian summary


def translation_conventions(edition) -> list[str]:
    """How the translation is encoded, then the translator's note itself, read from the one
    text the English home page includes (each paragraph and list item a paragraph)."""
    return [
        "Each English paragraph and note points to its Russian counterpart with `@corresp` (en-p1 to p1, en-n1 "
        "to n1, and so on); a `pb` pointing to the Russian page break shows where a page of the printed "
        "original begins. The slips kept in the Russian text are kept, and marked with `sic`, in the English "
        "too. The front of the English text holds the edition's translation of the author's Russian summary.",
        *(plain_markdown(block) for block in markdown_blocks(edition.texts[TRANSLATORS_NOTE])),
    ]


def markdown_blocks(text: str) -> list[str]:
    """The paragraphs and list items of a Markdown text, each joined into one line."""
    blocks: list[str] = []
    for paragraph in text.split("\n\n"):
        items = re.split(r"^- ", paragraph.strip(), flags=re.M)
        blocks += [" ".join(item.split()) for item in items if item.strip()]
    return blocks


def plain_markdown(text: str) -> str:
    """Markdown prose as plain text: links as their words, no emphasis, HTML tags or code marks."""
    text = marks.MARKDOWN_LINK.sub(r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return text.replace("**", "").replace("`", "")


def profile_desc(head: etree.Element, edition) -> None:
    profile = sub(head, "profileDesc")
    usage = sub(profile, "langUsage")
    quoted = {work.lang_code for work in edition.bibliography.works.values() if work.lang_code}
    for code in ["ru", "en", *sorted(quoted - {"ru", "en"})]:
        sub(usage, "language", LANGUAGE_NAMES.get(code, code), ident=code)
    classes = sub(profile, "textClass")
    for lang, words in edition.metadata.keywords.items():
        if words:
            keywords = sub(classes, "keywords", lang=lang)
            for word in words:
                sub(keywords, "term", word)


# --- the texts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What writing one part of a text needs to know."""

    edition: object
    lang: str
    witness: bool  # the Russian text (emendations as choices), or the translation (its readings)
    notes: dict  # the article's notes, by label
    names: tuple = ()  # (pattern, element, id) of every names.yml entry, where names are tagged

    @property
    def prefix(self) -> str:
        return "" if self.witness else f"{self.lang}-"


def name_patterns(edition, lang: str) -> tuple:
    return tuple((entry.pattern(lang), NAME_TAGS[entry.group], entry.id)
                 for entry in edition.names.values() if any(entry.forms[lang]))


def russian_text(group: etree.Element, edition) -> None:
    """The witness as established: pages 1–2 (title, summary; English title, abstract) in the
    front, as the Russian home page gives them, then the article."""
    text = sub(group, "text", id="text-ru", lang="ru", type="original", decls="#principles")
    context = Context(edition, "ru", True, edition.articles["ru"].notes)
    front = sub(text, "front")
    sub(front, "pb", n="1", id="pb1")
    title_page(front, edition.metadata.title["ru"])
    shared_text(front, edition.texts["summary.ru"], "summary", context)
    sub(front, "pb", n="2", id="pb2")
    title_page(front, edition.metadata.title["en"], lang="en")
    shared_text(front, edition.texts["abstract.en"], "abstract", replace(context, lang="en"))
    body(text, edition.articles["ru"], replace(context, names=name_patterns(edition, "ru")))


def english_text(group: etree.Element, edition) -> None:
    text = sub(group, "text", id="text-en", lang="en", type="translation", corresp="#text-ru",
               decls="#translation")
    front = sub(text, "front")
    title_page(front, edition.metadata.title["en"])
    context = Context(edition, "en", False, edition.articles["en"].notes, name_patterns(edition, "en"))
    shared_text(front, edition.texts[SUMMARY_TRANSLATION], "summary", replace(context, names=()))
    body(text, edition.articles["en"], context)


def title_page(front: etree.Element, title: str, **attributes: str) -> None:
    sub(sub(sub(front, "titlePage", **attributes), "docTitle"), "titlePart", title, type="main")


def shared_text(front: etree.Element, markdown: str, kind: str, context: Context) -> None:
    """A text of sources/text/ (the summary, the abstract): its heading and paragraphs."""
    div = sub(front, "div", type=kind, id=f"{kind}-{context.lang}", lang=context.lang)
    for block in (block.strip() for block in markdown.split("\n\n")):
        if block.startswith("#"):
            inline(sub(div, "head"), block.lstrip("#").strip(), context)
        elif block:
            inline(sub(div, "p"), " ".join(block.split()), context)


def body(text: etree.Element, article, context: Context) -> None:
    holder = sub(text, "body")
    notes = context.edition.commentary
    for paragraph in article.paragraphs:
        attributes = {"id": context.prefix + paragraph.anchor}
        if not context.witness:
            attributes["corresp"] = f"#{paragraph.anchor}"
        markdown = commentary.marked(paragraph.text, commentary.at_anchor(notes, paragraph.anchor), context.lang)
        inline(sub(holder, "p", **attributes), markdown, context)


def inline(parent: etree.Element, markdown: str, context: Context) -> None:
    """A line of the article's Markdown, marks and all, appended to `parent` as TEI."""
    position = 0
    for match in INLINE.finditer(markdown):
        words(parent, markdown[position:match.start()], context)
        MARKS[match.lastgroup](parent, match.group(), context)
        position = match.end()
    words(parent, markdown[position:], context)


def words(parent: etree.Element, text: str, context: Context) -> None:
    """Plain text, with the names of the registers tagged (where the context tags names)."""
    position = 0
    for start, end, tag, ident in mentions(text, context.names):
        add_text(parent, text[position:start])
        name = sub(parent, tag, ref=f"#{ident}")
        # A name inside this one (a place in an organisation's name) is tagged within it.
        words(name, text[start:end], replace(context, names=tuple(n for n in context.names if n[2] != ident)))
        position = end
    add_text(parent, text[position:])


def mentions(text: str, names: tuple) -> list[tuple[int, int, str, str]]:
    """Where entries are named in `text`: the longest of the forms that start at one place,
    the first of two that overlap."""
    found = sorted((m.start(), -m.end(), tag, ident) for pattern, tag, ident in names
                   for m in pattern.finditer(text) if m.end() > m.start())
    chosen, reached = [], 0
    for start, negative_end, tag, ident in found:
        if start >= reached:
            chosen.append((start, -negative_end, tag, ident))
            reached = -negative_end
    return chosen


# --- the marks -------------------------------------------------------------------------------


def page_mark(parent: etree.Element, token: str, context: Context) -> None:
    n = token.removeprefix("{pb ").removesuffix("}")
    if context.witness:
        sub(parent, "pb", n=n, id=f"pb{n}")
    else:  # where the page of the Russian original begins, in the translation
        sub(parent, "pb", n=n, corresp=f"#pb{n}")


def note_mark(parent: etree.Element, token: str, context: Context) -> None:
    """The note itself, at its reference; names are not tagged in notes."""
    label = token[2:-1]
    attributes = {"n": label, "place": "foot", "id": f"{context.prefix}n{label}"}
    if not context.witness:
        attributes["corresp"] = f"#n{label}"
    inline(sub(parent, "note", **attributes), context.notes[label].text, replace(context, names=()))
    for editorial in commentary.at_anchor(context.edition.commentary, f"n{label}"):
        editorial_note(parent, editorial, context, target=f"#{context.prefix}n{label}")


def editorial_mark(parent: etree.Element, token: str, context: Context) -> None:
    """{ed ID}, put in by commentary.marked: the editor's note, at the words it concerns."""
    ident = token.removeprefix("{ed ").removesuffix("}")
    editorial_note(parent, next(n for n in context.edition.commentary if n.id == ident), context)


def editorial_note(parent: etree.Element, note, context: Context, target: str = "") -> None:
    attributes = {"type": "editorial", "n": note.letter, "resp": f"#{EDITION_ID}",
                  "id": context.prefix + note.html_id}
    if target:
        attributes["target"] = target
    if not context.witness:
        attributes["corresp"] = f"#{note.html_id}"
    holder = sub(parent, "note", **attributes)
    for block in note.text[context.lang].split("\n\n"):
        inline(sub(holder, "p"), " ".join(block.split()), replace(context, names=()))


def xref_mark(parent: etree.Element, token: str, context: Context) -> None:
    """[words](#p7), (#fn:17), (#ed-ID) in an editor's note: a pointer to that place of this text."""
    words_, target = re.fullmatch(r"\[([^\]]+)\]\(#([^)\s]+)\)", token).groups()
    ident = "n" + target.removeprefix("fn:") if target.startswith("fn:") else target
    inline(sub(parent, "ref", target=f"#{context.prefix}{ident}"), words_, context)


def reading_mark(parent: etree.Element, token: str, context: Context) -> None:
    """{em ID}: the witness's reading and the edition's; {sic ID}: the reading kept, marked."""
    ident = marks.EMENDATION.fullmatch(token).group(2)
    entry = context.edition.emendations[ident]
    if entry.is_sic:
        sic = sub(parent, "sic", id=context.prefix + ident)
        if not context.witness:  # the translation's form of the reading, pointing to the original's
            sic.set("corresp", f"#{ident}")
        words(sic, entry.edition if context.witness else entry.english, context)
    elif context.witness:
        witness_tag, edition_tag = CHOICE[entry.kind]
        choice = sub(parent, "choice", id=ident)
        sub(choice, witness_tag, entry.witness)
        words(sub(choice, edition_tag, resp=f"#{EDITION_ID}", type=entry.kind), entry.edition, context)
    else:  # the translation follows the edition's reading (edition.load allows no {em} there)
        words(parent, entry.edition, context)


def missing_mark(parent: etree.Element, token: str, context: Context) -> None:
    gap = sub(parent, "gap", reason="missing", resp=f"#{EDITION_ID}")
    sub(gap, "desc", MISSING_NOTE[context.lang])


def link_mark(parent: etree.Element, token: str, context: Context) -> None:
    """[words](cite:KEY) in the Russian notes: the author's words, pointing to the work."""
    text, key = marks.CITE_LINK.fullmatch(token).groups()
    work = context.edition.bibliography[key]
    bibl = sub(parent, "bibl", **_language(work, context.lang))
    inline(sub(bibl, "ref", target=f"#{key}"), text, context)


def cite_mark(parent: etree.Element, token: str, context: Context) -> None:
    """[@KEY MODE] in the English notes: the reference as the site writes it (CiteToken)."""
    key, mode = re.fullmatch(marks.CITE_TOKEN, token).groups()
    work = context.edition.bibliography[key]
    text = gost.citation_text(work, mode, context.lang, context.edition.place_names, marked=True)
    ref = sub(sub(parent, "bibl"), "ref", target=f"#{key}")
    for code, piece in gost.segments(text):  # a German title, romanized Russian: as on the page
        if code:
            sub(ref, "foreign", piece, lang=code)
        else:
            add_text(ref, piece)


def _language(work: Work, lang: str) -> dict[str, str]:
    code = work.marked_language(lang)
    return {"lang": code} if code else {}


def meta_mark(parent: etree.Element, token: str, context: Context) -> None:
    """{meta FIELD}: from the article's metadata, as mdx_edition.meta gives it."""
    argument = token.removeprefix("{meta ").removesuffix("}").strip()
    text = context.edition.metadata.mark_text(argument, context.lang)
    words(parent, text, context)


def strong_mark(parent: etree.Element, token: str, context: Context) -> None:
    inline(sub(parent, "hi", rend="bold"), token[2:-2], context)


def emphasis_mark(parent: etree.Element, token: str, context: Context) -> None:
    """*words*, or *words*{: lang="de" } (a title in another language, as the page marks it)."""
    marked = re.fullmatch(r"\*(.+)\*\{:\s*lang=\"([^\"]+)\"\s*\}", token, re.S)
    if marked:
        inline(sub(parent, "hi", rend="italic", lang=marked.group(2)), marked.group(1), context)
    else:
        inline(sub(parent, "hi", rend="italic"), token[1:-1], context)


MARKS = {"link": link_mark, "cite": cite_mark, "note": note_mark, "page": page_mark, "reading": reading_mark,
         "missing": missing_mark, "meta": meta_mark, "strong": strong_mark, "emphasis": emphasis_mark,
         "editorial": editorial_mark, "xref": xref_mark}


# --- the back matter -------------------------------------------------------------------------


def back(outer: etree.Element, edition) -> None:
    matter = sub(outer, "back")
    reasons(sub(matter, "div", type="emendations"), edition)
    bibliography(sub(matter, "div", type="bibliography"), edition)
    for group, (list_tag, entry_tag, heading) in REGISTERS.items():
        div = sub(matter, "div", type=group)
        sub(div, "head", heading)
        listing = sub(div, list_tag, **({"type": group} if list_tag == "listBibl" else {}))
        for entry in (e for e in edition.names.values() if e.group == group):
            register_entry(listing, entry, entry_tag, edition)


def reasons(div: etree.Element, edition) -> None:
    """Why each emendation and sic reading: a note pointing to it (and to the English sic)."""
    sub(div, "head", "Emendations and readings marked sic")
    english = {ident for name, ident, _ in edition.articles["en"].marks if name == "sic"}
    for entry in edition.emendations.values():
        targets = f"#{entry.id}" + (f" #en-{entry.id}" if entry.id in english else "")
        note = sub(div, "note", type="emendation", subtype=entry.kind, target=targets, resp=f"#{EDITION_ID}")
        for lang, reason in entry.reason.items():
            sub(note, "p", reason, lang=lang)


def bibliography(div: etree.Element, edition) -> None:
    sub(div, "head", "Bibliography")
    listing = sub(div, "listBibl")
    for work in edition.bibliography.works.values():
        bibl_struct(listing, work)


def bibl_struct(listing: etree.Element, work: Work) -> None:
    """One .bib entry: its own fields; a crossref parent is pointed to, not repeated."""
    attributes = {"id": work.key, "type": work.type}
    if work.group:
        attributes["subtype"] = work.group
    if work.lang_code:
        attributes["lang"] = work.lang_code
    struct = sub(listing, "biblStruct", **attributes)
    if work.type in PARTS:
        analytic = sub(struct, "analytic")
        people(analytic, work)
        titles(analytic, work, "a")
        if work.own("origdate"):
            date_element(analytic, work.own("origdate"))
    if work.type == "article":
        journal(struct, work)
    else:
        monogr(struct, work.parent if work.type in PARTS else work)
    if work.own("note"):
        sub(struct, "note", work.own("note"))
    if work.own("origlanguage"):
        sub(struct, "note", work.own("origlanguage"), type="origlanguage")
    if work.parent is not None:
        sub(struct, "relatedItem", type="host", target=f"#{work.parent.key}")


def people(parent: etree.Element, work: Work) -> None:
    for role in ("author", "editor", "translator"):
        for name in work.names(role):
            attributes = {}
            if role == "translator":
                attributes["role"] = "translator"
            elif role == "editor" and work.own("editortype"):
                attributes["role"] = work.own("editortype")
            person = sub(sub(parent, "author" if role == "author" else "editor", **attributes), "persName")
            sub(person, "surname", name.family)
            if name.given:
                sub(person, "forename", name.given)


def titles(parent: etree.Element, work: Work, level: str) -> None:
    for field, kind in (("title", "main"), ("subtitle", "sub"), ("titleaddon", "desc")):
        if work.own(field):
            sub(parent, "title", work.own(field), level=level, type=kind)
    if work.own("titletranslation"):
        sub(parent, "title", work.own("titletranslation"), level=level, type="translated", lang="en")


def monogr(struct: etree.Element, work: Work) -> None:
    """The monographic level: a book, a collection, a volume of a set (its own fields), and
    the imprint as biblatex resolves it through crossref."""
    holder = sub(struct, "monogr")
    people(holder, work)
    titles(holder, work, "m")
    for organisation in gost.parse_organisations(work.own("organization")):
        responsible = sub(holder, "respStmt")
        sub(responsible, "resp", "organization")
        sub(responsible, "orgName", organisation)
    imprint(holder, work)
    if work.own("volume"):
        sub(holder, "biblScope", work.own("volume"), unit="volume")
    if work.own("volumes"):
        sub(sub(holder, "extent"), "measure", work.own("volumes"), unit="volume", quantity=work.own("volumes"))


def journal(struct: etree.Element, work: Work) -> None:
    holder = sub(struct, "monogr")
    sub(holder, "title", work.get("journaltitle"), level="j")
    if work.own("journaltitletranslation"):
        sub(holder, "title", work.own("journaltitletranslation"), level="j", type="translated", lang="en")
    imprint(holder, work)
    for field, unit in (("volume", "volume"), ("number", "issue")):
        if work.own(field):
            sub(holder, "biblScope", work.own(field), unit=unit)


def imprint(holder: etree.Element, work: Work) -> None:
    place = sub(holder, "imprint")
    if work.get("location"):
        sub(place, "pubPlace", work.get("location"))
    date = next((w.own("date") for w in (work, *work.ancestors()) if w.own("date")), "")
    if date:
        date_element(place, date)
    if not len(place):  # TEI needs something here, and nothing is known: an empty date says so
        sub(place, "date")


def date_element(parent: etree.Element, value: str) -> None:
    """A .bib date (checked by bibliography.py): one day, month or year, or a range of years."""
    date = parse_date(value)
    if date is not None and date.end_year:
        sub(parent, "date", f"{date.year}–{date.end_year}", **{"from": str(date.year), "to": str(date.end_year)})
    else:
        sub(parent, "date", value, when=value)


def register_entry(listing: etree.Element, entry, entry_tag: str, edition) -> None:
    """A names.yml entry: its names in both languages, life dates if given, role and note, and
    the works a person wrote, with the name as the bibliography heads them where it differs."""
    item = sub(listing, entry_tag, id=entry.id)
    for lang, name in entry.name.items():
        sub(item, NAME_TAGS[entry.group], name, lang=lang)
    life = LIFE.fullmatch(entry.life.strip()) if entry.life else None
    if life:
        sub(item, "birth", life.group(1), when=life.group(1).zfill(4))
        sub(item, "death", life.group(2), when=life.group(2).zfill(4))
    elif entry.life:
        sub(item, "note", entry.life, type="life")
    for kind, texts in (("role", entry.role), ("remark", entry.note)):
        for lang, text in texts.items():
            sub(item, "note", text, type=kind, lang=lang)
    if entry.work:
        sub(item, "ptr", target=f"#{entry.work}")
    for key in entry.works:  # the works the person wrote, and the name as the bibliography heads them
        work = edition.bibliography[key]
        authors = work.names("author")
        style = gost.Style("en")
        if authors and style.text(authors[0].family) != entry.sort.get("en"):  # «Shteĭn» for Shtein
            sub(item, NAME_TAGS[entry.group], gost.heading(work, style), type="bibliographic",
                lang="ru-Latn" if work.lang == "russian" else work.lang_code)
        sub(item, "ptr", type="bibliography", target=f"#{key}")
