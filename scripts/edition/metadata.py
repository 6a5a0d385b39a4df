"""The article's metadata (`sources/article.yml`), checked on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import paths, yamlfile
from .errors import EditionError
from .yamlfile import Located

# Facts the witness does not give: the file must have these keys, empty until known.
UNKNOWN_UNTIL_FILLED = ("journal", "year", "volume", "issue", "pages", "doi")


@dataclass(frozen=True)
class Author:
    initials: dict[str, str]  # by language
    family: str | None
    given: str | None

    def display(self, lang: str) -> str:
        """The name as far as it is known: full name when filled in, else the initials."""
        if self.family:
            return f"{self.given} {self.family}".strip() if self.given else self.family
        return self.initials[lang]


@dataclass(frozen=True)
class Metadata:
    path: Path
    title: dict[str, str]
    language: str
    authors: tuple[Author, ...]
    keywords: dict[str, tuple[str, ...]]
    journal: str | None
    issn: str | None
    year: int | None
    volume: str | None
    issue: str | None
    first_page: str | None
    last_page: str | None
    doi: str | None
    url: str | None
    edition_title: dict[str, str]


def _text(value) -> str | None:
    return None if value in (None, "") else str(value)


def parse(data, path: Path) -> Metadata:
    if not isinstance(data, Located):
        raise EditionError(path, 1, "expected a mapping of metadata fields")
    title = data.require("title", dict)
    for lang in paths.LANGUAGES:
        title.require(lang) if isinstance(title, Located) else None
    for key in UNKNOWN_UNTIL_FILLED:
        if key not in data:
            raise data.error(f"missing key '{key}': keep it, empty (null) if unknown")
    authors = []
    for entry in data.require("authors", list):
        if not isinstance(entry, Located):
            raise data.error("each author must be a mapping with 'initials'")
        initials = entry.require("initials", dict)
        for lang in paths.LANGUAGES:
            initials.require(lang)
        authors.append(Author(dict(initials), _text(entry.get("family")), _text(entry.get("given"))))
    keywords = data.require("keywords", dict)
    journal = data.get("journal") or {}
    pages = data.get("pages") or {}
    edition = data.require("edition", dict)
    year = data.get("year")
    if year is not None and not isinstance(year, int):
        raise data.error(f"'year' must be a number or empty, not {year!r}")
    return Metadata(
        path=path,
        title={lang: title[lang] for lang in paths.LANGUAGES},
        language=data.require("language"),
        authors=tuple(authors),
        keywords={lang: tuple(keywords.get(lang) or ()) for lang in paths.LANGUAGES},
        journal=_text(journal.get("title")),
        issn=_text(journal.get("issn")),
        year=year,
        volume=_text(data.get("volume")),
        issue=_text(data.get("issue")),
        first_page=_text(pages.get("first")),
        last_page=_text(pages.get("last")),
        doi=_text(data.get("doi")),
        url=_text(data.get("url")),
        edition_title={lang: edition.require("title", dict)[lang] for lang in paths.LANGUAGES},
    )


@cache
def load(path: Path = paths.ARTICLE_META) -> Metadata:
    return parse(yamlfile.load(path), path)
