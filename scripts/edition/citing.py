"""How to cite the article: the edition's citation in GOST R 7.0.5-2008, Chicago and APA
forms, the BibTeX, RIS and CSL-JSON files, and the machine-readable metadata of its pages
(Highwire Press `citation_*` tags, schema.org JSON-LD).

Everything comes from `sources/article.yml`. A fact it leaves empty (journal, year, pages,
the author's full name) is left out of every form, never filled in: APA's «n.d.» is that
style's own way of saying the date is not known.
"""

from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import article_records, downloads, escape, gost, paths
from .bibliography import Bibliography
from .metadata import Metadata
from .romanize import romanize

CITE_FOLDER = "cite"
ACCESS_DATE = {"ru": "ДД.ММ.ГГГГ", "en": "DD.MM.YYYY"}  # filled in by the reader's browser


@dataclass(frozen=True)
class Urls:
    """Absolute addresses of the article's pages, from the site's address."""

    site: str

    def home(self, lang: str) -> str:
        return self.site + paths.prefix(lang)

    def article(self, lang: str) -> str:
        return self.home(lang) + "article/"

    def file(self, name: str) -> str:
        return f"{self.site}{CITE_FOLDER}/{name}"


def _authors(meta: Metadata, lang: str) -> list[str]:
    return [author.display(lang) for author in meta.authors]


def _journal_part(meta: Metadata, lang: str) -> str:
    """«// Journal. 2013. Т. 5, № 2. С. 30–40.» with whatever of it is known."""
    if not meta.journal:
        return ""
    words = gost.WORDS["ru"]
    issue = ", ".join(p for p in (f"{words['volume']} {meta.volume}" if meta.volume else "",
                                  f"{words['number']} {meta.issue}" if meta.issue else "") if p)
    pages = "–".join(p for p in (meta.first_page, meta.last_page) if p)
    return "// " + gost.sentence(meta.journal, str(meta.year or ""), issue, f"С. {pages}" if pages else "")


def _version_ru(release) -> str:
    year, month, day = release.date.split("-")
    return f"Версия {release.version} от {day}.{month}.{year}."


def gost_citation(meta: Metadata, urls: Urls, lang: str, release) -> str:
    """GOST R 7.0.5-2008, a reference to an electronic resource (plain text)."""
    head = ", ".join(_authors(meta, "ru"))
    # The general designation [Электронный ресурс] stands straight after the title proper.
    if lang == "ru":
        title = f"{meta.title['ru']} [Электронный ресурс]: цифровое научное издание"
    else:  # the English translation: the original title as its parallel title
        title = f"{meta.title['en']} [Электронный ресурс] = {meta.title['ru']} / пер. с рус."
    described = f"{head} {title}".strip()
    source = _journal_part(meta, lang)
    described += f" {source}" if source else ""
    return (f"{gost.sentence(described)} {_version_ru(release)} URL: {urls.article(lang)} "
            f"(дата обращения: {ACCESS_DATE['ru']}).")


def _romanized(text: str) -> str:
    """Russian romanized, as Markdown marked `ru-Latn` (the words around it stay English)."""
    return f'<span lang="ru-Latn">{escape.md(romanize(text))}</span>'


def _english_title(meta: Metadata) -> str:
    """The original title romanized, its English form in brackets (Chicago and APA), as
    Markdown."""
    return f"{_romanized(meta.title['ru'])} {escape.md('[' + meta.title['en'] + ']')}"


def _pages(meta: Metadata) -> str:
    return "–".join(p for p in (meta.first_page, meta.last_page) if p)


def _version_en(release) -> str:
    return f"version {release.version}, {release.date_label('en')}"


def chicago_citation(meta: Metadata, urls: Urls, lang: str, release) -> str:
    """Chicago (bibliography entry), as Markdown: *italics* for the journal."""
    e = escape.md
    authors = ", ".join(_authors(meta, "en"))
    parts = [e(authors if authors.endswith(".") else authors + "."), f"“{_english_title(meta)}.”"]
    if meta.journal:
        where = f"*{_romanized(meta.journal)}*"
        where += f" {e(meta.volume)}" if meta.volume else ""
        where += f", no. {e(meta.issue)}" if meta.issue else ""
        where += f" ({meta.year})" if meta.year else ""
        where += f": {e(_pages(meta))}." if _pages(meta) else "."
        parts.append(where)
    parts.append("Digital scholarly edition" + (", English translation" if lang == "en" else "")
                 + f", {e(_version_en(release))}.")
    parts.append(f"{urls.article(lang)}.")
    return " ".join(parts)


def apa_citation(meta: Metadata, urls: Urls, lang: str, release) -> str:
    """APA 7, as Markdown: a journal article, or a web document while the journal is unknown."""
    e = escape.md
    authors = ", ".join(_authors(meta, "en"))
    year = f"({meta.year})" if meta.year else "(n.d.)"
    if meta.journal:
        title = f"{_english_title(meta)}."
        where = f" *{_romanized(meta.journal)}*"
        where += f", *{e(meta.volume)}*" if meta.volume else ""
        where += f"({e(meta.issue)})" if meta.issue else ""
        where += f", {e(_pages(meta))}." if _pages(meta) else "."
    else:  # a web document: the edition's version after its title, as APA writes a version
        title, where = f"*{_english_title(meta)}* (Version {e(release.version)}, {e(release.date_label('en'))}).", ""
    link = f"https://doi.org/{meta.doi}" if meta.doi else urls.article(lang)
    return f"{e(authors)} {year}. {title}{where} {link}"


LABELS = {
    "ru": {"title": "Как цитировать", "files": "Описание для библиографических программ",
           "books": "Издание для чтения и печати",
           "note": "Пока журнал, год и страницы статьи не известны, цитируется это издание."},
    "en": {"title": "How to cite", "files": "For reference managers",
           "books": "This edition to read offline or print",
           "note": "While the article's journal, year and pages are unknown, cite this edition."},
}


def how_to_cite(meta: Metadata, urls: Urls, lang: str, link_for, release, collapsed: bool = False,
                books: str = "") -> str:
    """The "How to cite" box: the three forms and the files, as indented Markdown; folded
    (a details element) where it would stand between the reader and the text. `books`: the
    links to this language's PDF and EPUB, as raw HTML (downloads.book_links)."""
    words = LABELS[lang]
    gost_text = escape.md(gost_citation(meta, urls, lang, release)).replace(
        ACCESS_DATE["ru"], f'<span class="access-date">{ACCESS_DATE["ru"]}</span>')
    files = " · ".join(f"[{label}]({link_for(article_records.file_name(kind, lang))})"
                       for kind, (_, label) in article_records.FILES.items())
    body = [f"**ГОСТ Р 7.0.5-2008.** {gost_text}", f"**Chicago.** {chicago_citation(meta, urls, lang, release)}",
            f"**APA.** {apa_citation(meta, urls, lang, release)}", f"{words['files']}: {files}"]
    if books:
        body.append(f"{words['books']}: {books}")
    if not meta.journal:
        body.insert(0, f"*{words['note']}*")
    opener = "???" if collapsed else "!!!"
    return f'{opener} quote "{words["title"]}"\n\n' + "\n\n".join("    " + line for line in body)


# --- files to download ------------------------------------------------------------------------


# --- metadata in the page's head --------------------------------------------------------------


def _meta_tag(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{html.escape(content, quote=True)}">'


def _reference_tag(work) -> str:
    """A cited work as Google Scholar's `citation_reference` lists it."""
    parts = [f"citation_title={work.own('title') or work.get('title')}"]
    parts += [f"citation_author={n.family_first()}" for n in work.names("author")]
    date = work.date() or next((a.date() for a in work.ancestors() if a.date()), None)
    if date:
        parts.append(f"citation_publication_date={date.year}")
    if work.get("journaltitle"):
        parts.append(f"citation_journal_title={work.get('journaltitle')}")
    return _meta_tag("citation_reference", "; ".join(parts))


def head_html(meta: Metadata, urls: Urls, lang: str, page_url: str, bibliography: Bibliography,
              cited_keys: list[str], abstract: str, release) -> str:
    """Highwire Press tags, links to the citation files and the TEI, the address to cite
    (RFC 8574 cite-as), and JSON-LD, for one page."""
    tags = [_meta_tag("citation_title", meta.title[lang])]
    tags += [_meta_tag("citation_author", a) for a in _authors(meta, lang)]
    if meta.year:
        tags.append(_meta_tag("citation_publication_date", str(meta.year)))
    for name, value in (("citation_journal_title", meta.journal), ("citation_volume", meta.volume),
                        ("citation_issue", meta.issue), ("citation_firstpage", meta.first_page),
                        ("citation_lastpage", meta.last_page), ("citation_doi", meta.doi),
                        ("citation_issn", meta.issn)):
        if value:
            tags.append(_meta_tag(name, value))
    tags.append(_meta_tag("citation_language", lang))
    # The date of this web publication, as Highwire dates an online version: never the
    # printed article's (citation_publication_date, given only once the year is known).
    tags.append(_meta_tag("citation_online_date", release.date.replace("-", "/")))
    tags += [_meta_tag("citation_keywords", k) for k in meta.keywords["en"]]
    tags.append(_meta_tag("citation_abstract_html_url", urls.home(lang)))
    tags.append(_meta_tag("citation_fulltext_html_url", urls.article(lang)))
    tags += [_reference_tag(bibliography[key]) for key in cited_keys]
    # This page's own records: the original on the Russian page, the translation on the English.
    for kind, (media_type, _) in article_records.FILES.items():
        name = article_records.file_name(kind, lang)
        tags.append(f'<link rel="alternate" type="{media_type}" href="{html.escape(_relative(page_url, urls.file(name)))}" '
                    f'title="{name}">')
    tei_link = _relative(page_url, urls.site + downloads.TEI_PATH)
    tags.append(f'<link rel="alternate" type="{downloads.TEI_TYPE}" href="{html.escape(tei_link)}" '
                f'title="{downloads.TEI_FILE}">')
    tags.append(f'<link rel="cite-as" href="{html.escape(urls.article(lang))}">')
    tags.append('<script type="application/ld+json">' + json_ld(meta, urls, lang, abstract, release) + "</script>")
    return "\n    ".join(tags)


def _relative(page_url: str, target: str) -> str:
    here, there = urlsplit(page_url).path, urlsplit(target).path
    return posixpath.relpath(there, here if here.endswith("/") else posixpath.dirname(here))


def json_ld(meta: Metadata, urls: Urls, lang: str, abstract: str, release) -> str:
    other = "en" if lang == "ru" else "ru"
    data = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": meta.title[lang],
        "name": meta.title[lang],
        "inLanguage": lang,
        "author": [{"@type": "Person", "name": a} for a in _authors(meta, lang)],
        "keywords": list(meta.keywords["en"]),
        "url": urls.article(lang),
        "isAccessibleForFree": True,
        "version": release.version,
    }
    if abstract:
        data["abstract"] = abstract
    twin = {"@type": "ScholarlyArticle", "name": meta.title[other], "inLanguage": other,
            "url": urls.article(other)}
    # The Russian text is the original; the English is this edition's translation of it.
    data["workTranslation" if lang == "ru" else "translationOfWork"] = twin
    if lang != "ru":  # the translation is the edition's
        data["translator"] = {"@type": "Organization", "name": article_records.EDITORS}
    if meta.year:
        data["datePublished"] = str(meta.year)
    if meta.journal:
        data["isPartOf"] = {"@type": "Periodical", "name": meta.journal}
    # `</` cannot close the script element from inside the data.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
