"""The article's citation records, one per language page: each page cites what it is.

The Russian page is the original article, in this edition; the English page is the edition's
English translation of it (its English title, language `en`, the original's title and
address, the translation credited to the edition). While the journal is unknown, what a
reader cites is this electronic publication: its date is the edition's release date, given
where each format puts the date of a web document (biblatex `date` of an @online entry, RIS
`DA`/`PY` of an ELEC record, CSL `issued` of a webpage), never as the printed article's.
"""

from __future__ import annotations

from . import formats, paths
from .metadata import Metadata

KEY = "ruhr-negotiations-1923"
EDITORS = "The editors of this digital edition"
TRANSLATION_NOTE = "English translation by the edition of the Russian original"
FILES = {  # the name of each format's file, by language; the media type
    "bib": ("application/x-bibtex", "biblatex"),
    "ris": ("application/x-research-info-systems", "RIS"),
    "json": ("application/vnd.citationstyles.csl+json", "CSL-JSON"),
}


def file_name(kind: str, lang: str) -> str:
    """`article.bib` for the Russian original, `article-en.bib` for the English translation."""
    suffix = "" if lang == paths.DEFAULT_LANGUAGE else f"-{lang}"
    return f"article{suffix}.{kind}"


def _authors(meta: Metadata, lang: str) -> list[str]:
    return [author.display(lang) for author in meta.authors]


def _key(lang: str) -> str:
    return KEY if lang == paths.DEFAULT_LANGUAGE else f"{KEY}-{lang}"


def _journal_fields(meta: Metadata) -> list[tuple[str, str]]:
    pages = "--".join(p for p in (meta.first_page, meta.last_page) if p)
    return [("journaltitle", meta.journal or ""), ("volume", meta.volume or ""), ("number", meta.issue or ""),
            ("pages", pages), ("doi", meta.doi or "")]


def biblatex(meta: Metadata, urls, lang: str, abstract: str, release) -> str:
    """An @article once the journal is known (its year the article's), else an @online
    entry of this edition dated by the release."""
    text = formats.bibtex_text
    online = not meta.journal
    # Braces keep the initials «К. К.» one name, not a given name and a family name.
    fields = [("author", " and ".join("{" + text(a) + "}" for a in _authors(meta, lang))),
              ("title", text(meta.title[lang]))]
    if lang != paths.DEFAULT_LANGUAGE:
        fields.append(("origtitle", text(meta.title[paths.DEFAULT_LANGUAGE])))
        if meta.journal:  # biblatex's @online has no translator nor origlanguage (its note says so)
            fields += [("translator", "{" + EDITORS + "}"), ("origlanguage", "russian")]
    fields += _journal_fields(meta)
    fields += [("date", release.date if online else str(meta.year or "")),
               ("version", release.version),
               ("organization", EDITORS if online else ""),
               ("url", urls.article(lang)),
               ("langid", "russian" if lang == "ru" else "english"),
               ("keywords", text(", ".join(meta.keywords["en"]))),
               ("abstract", text(" ".join(abstract.split()))),
               ("note", text(_note(urls, lang, release)))]
    return formats.biblatex([("online" if online else "article", _key(lang), fields)])


def _note(urls, lang: str, release) -> str:
    version = f"Digital scholarly edition, version {release.version} of {release.date}"
    if lang == paths.DEFAULT_LANGUAGE:
        return f"{version}. English translation: {urls.article('en')}"
    return f"{version}. {TRANSLATION_NOTE}: {urls.article(paths.DEFAULT_LANGUAGE)}"


def ris(meta: Metadata, urls, lang: str, abstract: str, release) -> str:
    record = {"type_of_reference": "JOUR" if meta.journal else "ELEC",
              "authors": _authors(meta, lang), "title": meta.title[lang]}
    if lang != paths.DEFAULT_LANGUAGE:
        record["original_publication"] = meta.title[paths.DEFAULT_LANGUAGE]
        record["secondary_authors"] = [EDITORS]  # A2: the translation's responsibility
    if meta.journal:
        record.update({"secondary_title": meta.journal, "year": str(meta.year or "")})
    else:  # the web document: this release of the edition
        record.update({"year": release.date[:4], "date": release.date.replace("-", "/"), "publisher": EDITORS})
    for field, value in (("volume", meta.volume), ("number", meta.issue), ("start_page", meta.first_page),
                         ("end_page", meta.last_page), ("doi", meta.doi)):
        if value:
            record[field] = value
    record.update({"edition": f"Version {release.version}", "keywords": list(meta.keywords["en"]),
                   "abstract": " ".join(abstract.split()), "language": lang, "urls": [urls.article(lang)],
                   "notes": [_note(urls, lang, release)], "id": _key(lang)})
    return formats.ris([{k: v for k, v in record.items() if v}])


def csl(meta: Metadata, urls, lang: str, abstract: str, release) -> str:
    year, month, day = (int(part) for part in release.date.split("-"))
    item = {
        "id": _key(lang),
        "type": "article-journal" if meta.journal else "webpage",
        "title": meta.title[lang],
        "author": [{"literal": a} for a in _authors(meta, lang)],
        "language": lang,
        "keyword": ", ".join(meta.keywords["en"]),
        "abstract": abstract,
        "URL": urls.article(lang),
        "version": release.version,
        "publisher": EDITORS,
        "note": _note(urls, lang, release),
    }
    if lang != paths.DEFAULT_LANGUAGE:
        item["original-title"] = meta.title[paths.DEFAULT_LANGUAGE]
        item["translator"] = [{"literal": EDITORS}]
    if meta.journal:
        item["container-title"] = meta.journal
        if meta.year:
            item["issued"] = {"date-parts": [[meta.year]]}
    else:  # the web page: issued on the release's day
        item["issued"] = {"date-parts": [[year, month, day]]}
    for key, value in (("volume", meta.volume), ("issue", meta.issue), ("DOI", meta.doi)):
        if value:
            item[key] = value
    if meta.first_page:
        item["page"] = "-".join(p for p in (meta.first_page, meta.last_page) if p)
    return formats.csl_json([item])


WRITERS = {"bib": biblatex, "ris": ris, "json": csl}


def files(meta: Metadata, urls, abstracts: dict[str, str], release) -> dict[str, str]:
    """Every language's three records: file name → text."""
    return {file_name(kind, lang): write(meta, urls, lang, abstracts[lang], release)
            for lang in paths.LANGUAGES for kind, write in WRITERS.items()}
