"""The build steps, in the order a build runs them; the MkDocs hook and the CLI call these.

    load()          read and check every source file once (witness, emendations, metadata,
                    bibliography, names, the articles' notes)
    generate()      the works pages and downloads of both languages, as text
    render_page()   expand the edition's marks in one page's Markdown
"""

from __future__ import annotations

from dataclasses import dataclass
from . import (article, bibliography, citations, emendations, markup, metadata, names, paths,
               witness, works_pages)
from .errors import EditionError


@dataclass
class Sources:
    witness: witness.Witness
    emendations: dict[str, emendations.Emendation]
    metadata: metadata.Metadata
    bibliography: bibliography.Bibliography
    names: dict[str, names.Entry]
    citations: dict[str, list[citations.Citation]]  # by language

    @property
    def place_names(self) -> dict[str, str]:
        return {e.name["ru"]: e.name["en"] for e in self.names.values() if e.group == "places"}


def load() -> Sources:
    """Read every source; the first bad input raises an EditionError naming file and line."""
    for cached in (witness.load, emendations.load, metadata.load, bibliography.load, names.load,
                   citations.load):
        cached.cache_clear()  # `mkdocs serve` rebuilds in one process: read edits afresh
    found = emendations.load()
    bib = bibliography.load()
    return Sources(
        witness=witness.load(),
        emendations=found,
        metadata=metadata.load(),
        bibliography=bib,
        names=names.load(),
        citations={lang: list(citations.load(lang)) for lang in paths.LANGUAGES},
    )


def generate(sources: Sources) -> dict[str, dict[str, str]]:
    """The works pages and downloads of every language: language → file name → text."""
    return works_pages.all_pages(sources.bibliography, sources.citations, sources.place_names)


def is_generated(src_uri: str) -> bool:
    parts = src_uri.split("/")
    return len(parts) > 2 and parts[1] == paths.WORKS_FOLDER


def render_page(markdown: str, src_uri: str, sources: Sources) -> str:
    """The page's Markdown with the edition's marks expanded. Generated pages pass as they are."""
    lang = src_uri.split("/", 1)[0]
    if lang not in paths.LANGUAGES or is_generated(src_uri):
        return markdown
    path = paths.DOCS / src_uri
    article.check_footnotes(markdown, path)
    page = markup.Page(lang, src_uri, path, sources.emendations, sources.metadata,
                       sources.bibliography, sources.witness, sources.place_names)
    return markup.render(markdown, page)


__all__ = ["EditionError", "Sources", "load", "generate", "render_page", "is_generated"]
