"""The edition's data to download, as the About page lists it ({data}): the TEI, the
bibliography, the citation files, and the source repository at the release's tag."""

from __future__ import annotations

from . import article_records, escape

TEI_FOLDER, TEI_FILE = "data", "edition.tei.xml"
TEI_PATH = f"{TEI_FOLDER}/{TEI_FILE}"
TEI_TYPE = "application/tei+xml"
BOOK_LABELS = {"pdf": "PDF", "epub": "EPUB"}  # the books, in the order their links take
BOOK_TYPES = {"pdf": "application/pdf", "epub": "application/epub+zip"}


def book_path(kind: str, lang: str) -> str:
    """The site path of a language's PDF or EPUB (books/make.py writes them)."""
    return f"{TEI_FOLDER}/edition-{lang}.{kind}"


def book_links(lang: str, url_to_file) -> str:
    """Raw HTML links to a language's books: they are written after the pages, so MkDocs,
    which checks Markdown links against its files, would not find them (the tests' crawl of
    the built site does)."""
    return " · ".join(f'<a href="{url_to_file(book_path(kind, lang))}" type="{BOOK_TYPES[kind]}">{label}</a>'
                      for kind, label in BOOK_LABELS.items())


WORDS = {
    "ru": {
        "books": "Издание для чтения и печати: русский текст — {ru}; английский перевод — {en}",
        "tei": "Текст издания в TEI P5 (XML): русский текст с исправлениями и их причинами, английский "
               "перевод, выровненный по абзацам и примечаниям, библиография и указатели",
        "bibliography": "Библиография", "citation": "Описание статьи (оригинала) для библиографических программ",
        "source": "Исходные файлы издания (тексты, данные, сборка) в репозитории, версия {tag}",
        "no_source": "Адрес репозитория с исходными файлами указывается при публикации сайта.",
        "version": "Версия издания {version} от {date}; все изменения — на странице [«Изменения и "
                   "исправления»]({changelog}).",
    },
    "en": {
        "books": "The edition to read offline or print: the English translation, {en}; the Russian text, {ru}",
        "tei": "The text of the edition in TEI P5 (XML): the Russian text with its emendations and their "
               "reasons, the English translation aligned paragraph by paragraph and note by note, the "
               "bibliography and the registers",
        "bibliography": "The bibliography", "citation": "The record of this English translation for reference managers",
        "source": "The edition's source files (texts, data, build) in its repository, at {tag}",
        "no_source": "The address of the repository with the source files is given when the site is published.",
        "version": "Version {version} of the edition, {date}; every change is listed under [Updates and "
                   "corrections]({changelog}).",
    },
}


def data_section(release, lang: str, link_outside, link, repository: str = "", url_to_file=None) -> str:
    """The list as Markdown; `link_outside(path)` and `link(path)` give link targets from the
    page to a site file and to a page of its language, `url_to_file(path)` a raw HTML one."""
    words = WORDS[lang]
    works = link("works/index.md").removesuffix("index.md")
    lines = [
        words["version"].format(version=release.version, date=escape.md(release.date_label(lang)),
                                changelog=link("changelog.md")), "",
        *([f"- {words['books'].format(**{code: book_links(code, url_to_file) for code in ('ru', 'en')})}."]
          if url_to_file else []),
        f"- [{TEI_FILE}]({link_outside(TEI_PATH)}): {words['tei']}.",
        f"- {words['bibliography']}: [biblatex]({works}references.bib) · [RIS]({works}references.ris) · "
        f"[CSL-JSON]({works}references.json).",
        f"- {words['citation']}: " + " · ".join(
            f"[{label}]({link_outside('cite/' + article_records.file_name(kind, lang))})"
            for kind, (_, label) in article_records.FILES.items()) + ".",
    ]
    if repository:
        tree = f"{repository.rstrip('/')}/tree/{release.tag}"
        lines.append(f"- [{escape.md(words['source'].format(tag=release.tag))}]({tree}).")
    else:
        lines.append(f"- {words['no_source']}")
    return "\n".join(lines)
