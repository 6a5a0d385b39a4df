"""{header}: the article page's header — who wrote it (as the witness gives him), what is known
and unknown of the printed source, which version of the edition this is, the other
language, the side-by-side text and the downloads.

Every fact comes from its one place: the article's metadata (sources/article.yml), the
newest release (sources/changelog.yml), the witness's page count; the links from the paths
the build writes them to.
"""

from __future__ import annotations

from . import article_records, downloads
from .citing import CITE_FOLDER
from .escape import md as escape  # text from data files, as characters (no markup, no marks)

WORDS = {
    "ru": {
        "label": "Сведения о статье",
        "author": "Автор", "initials_only": "в источнике указаны только инициалы",
        "source": "Печатный оригинал",
        "unknown": "журнал, год, том, выпуск и страницы в источнике не указаны",
        "witness": "текст — по единственному источнику, извлечению текста {pages} печатных страниц",
        "edition": "Издание", "version": "цифровое научное издание, версия {version} от {date}",
        "changes": "изменения",
        "other": "English", "other_text": "английский перевод",
        "parallel": "Параллельный текст", "parallel_text": "русский и английский текст рядом, абзац к абзацу",
        "downloads": "Скачать",
    },
    "en": {
        "label": "About this article",
        "author": "Author", "initials_only": "the source gives only the initials",
        "source": "Printed original",
        "unknown": "the source gives neither the journal nor the year, volume, issue or pages",
        "witness": "text from its only witness, a text extraction of {pages} printed pages",
        "edition": "Edition", "version": "digital scholarly edition, version {version}, {date}",
        "changes": "changes",
        "other": "По-русски", "other_text": "the Russian original",
        "parallel": "Side by side", "parallel_text": "the Russian and the English text, paragraph beside paragraph",
        "downloads": "Download",
    },
}
OTHER = {"ru": "en", "en": "ru"}


def known_source(meta, lang: str) -> str:
    """What the metadata knows of the journal, or that the source gives none of it (the
    article header and the books' edition statement)."""
    if not meta.journal:
        return WORDS[lang]["unknown"]
    parts = [meta.journal, str(meta.year) if meta.year else ""]
    if meta.volume:
        parts.append(("т. " if lang == "ru" else "vol. ") + meta.volume)
    if meta.issue:
        parts.append(("№ " if lang == "ru" else "no. ") + meta.issue)
    if meta.first_page:
        pages = meta.first_page + (f"–{meta.last_page}" if meta.last_page else "")
        parts.append(("с. " if lang == "ru" else "pp. ") + pages)
    return ", ".join(escape(p) for p in parts if p)


def render(edition, lang: str, url_to_file, url_to_page) -> str:
    """The header as raw HTML. `url_to_file(path)` and `url_to_page(lang, page)` give relative
    URLs from the article page to a site file and to a page of either language."""
    words, meta, release = WORDS[lang], edition.metadata, edition.release
    author = ", ".join(escape(a.display(lang)) for a in meta.authors)
    if not any(a.family for a in meta.authors):
        author += f' <span class="article-header__aside">({words["initials_only"]})</span>'
    source = known_source(meta, lang) + "; " + words["witness"].format(pages=len(edition.witness.pages))
    version = escape(words["version"].format(version=release.version, date=release.date_label(lang)))
    changes = f'<a href="{url_to_page(lang, "changelog.md")}">{words["changes"]}</a>'
    other = OTHER[lang]
    files = [downloads.book_links(lang, url_to_file)]
    files.append(f'<a href="{url_to_file(downloads.TEI_PATH)}" type="{downloads.TEI_TYPE}">TEI</a>')
    files += [f'<a href="{url_to_file(CITE_FOLDER + "/" + article_records.file_name(kind, lang))}">{label}</a>'
              for kind, (_, label) in article_records.FILES.items()]
    rows = [
        (words["author"], author),
        (words["source"], source),
        (words["edition"], f"{version} ({changes})"),
        (words["other"], f'<a href="{url_to_page(other, "article.md")}" hreflang="{other}" lang="{other}">'
                         f'{escape(edition.metadata.title[other])}</a> <span class="article-header__aside">'
                         f'({words["other_text"]})</span>'),
        (words["parallel"], f'<a class="parallel-link" href="{url_to_page(lang, "parallel.md")}">'
                            f'{words["parallel_text"]}</a>'),
        (words["downloads"], " · ".join(files)),
    ]
    items = "\n".join(f"<dt>{escape(term)}</dt><dd>{value}</dd>" for term, value in rows)
    return (f'<section class="article-header" aria-label="{escape(words["label"])}">\n'
            f'<dl class="article-header__facts">\n{items}\n</dl>\n</section>')

