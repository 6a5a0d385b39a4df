"""The article's metadata (`sources/article.yml`), checked against its schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import paths, schemas

# Facts the witness does not give: the file must have these keys, empty until known
# (the schema requires them).
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
    edition_editors: tuple[str, ...] = ()
    edition_doi: str | None = None

    def mark_text(self, argument: str, lang: str) -> str:
        """The text of {meta ARGUMENT} on a page of `lang`: title, title.ru, title.en,
        authors, keywords. ValueError with a sentence for anything else."""
        field, _, other = argument.partition(".")
        if field == "title" and other in ("", *paths.LANGUAGES):
            return self.title[other or lang]
        if field == "authors" and not other:
            return ", ".join(author.display(lang) for author in self.authors)
        if field == "keywords" and not other:
            return ", ".join(self.keywords["en"]) + "."
        if other and other not in paths.LANGUAGES:
            raise ValueError(f"{{meta {argument}}}: no language '{other}' (write {' or '.join(paths.LANGUAGES)})")
        raise ValueError(f"{{meta {argument}}}: unknown field (known: title, title.ru, title.en, authors, keywords)")


def _text(value) -> str | None:
    return None if value in (None, "") else str(value)


def parse(data, path: Path) -> Metadata:
    """The metadata, once `data` has passed its schema (every key present, unknowns null)."""
    schemas.check(data, schemas.ARTICLE, path)
    journal, pages = data["journal"], data["pages"]
    return Metadata(
        path=path,
        title={lang: data["title"][lang] for lang in paths.LANGUAGES},
        language=data["language"],
        authors=tuple(Author(dict(a["initials"]), _text(a.get("family")), _text(a.get("given")))
                      for a in data["authors"]),
        keywords={lang: tuple(data["keywords"][lang]) for lang in paths.LANGUAGES},
        journal=_text(journal["title"]),
        issn=_text(journal["issn"]),
        year=data["year"],
        volume=_text(data["volume"]),
        issue=_text(data["issue"]),
        first_page=_text(pages["first"]),
        last_page=_text(pages["last"]),
        doi=_text(data["doi"]),
        url=_text(data["url"]),
        edition_title={lang: data["edition"]["title"][lang] for lang in paths.LANGUAGES},
        edition_editors=tuple(data["edition"].get("editors") or ()),
        edition_doi=_text(data["edition"].get("doi")),
    )
