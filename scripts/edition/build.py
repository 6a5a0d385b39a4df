"""The build steps, in the order a build runs them; the MkDocs hook and the CLI call these.

    load()          read and check every source file once (witness, emendations, metadata,
                    bibliography, names, the articles' notes)
    generate()      the works pages and downloads of both languages, as text
    render_page()   expand the edition's marks in one page's Markdown
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from . import (article, bibliography, citations, emendations, markup, metadata, names, paths,
               timeline, witness, works_pages)
from .errors import EditionError


@dataclass
class Sources:
    witness: witness.Witness
    emendations: dict[str, emendations.Emendation]
    metadata: metadata.Metadata
    bibliography: bibliography.Bibliography
    names: dict[str, names.Entry]
    citations: dict[str, list[citations.Citation]]  # by language
    paragraphs: dict[str, list[tuple[str, str]]]  # by language: (anchor, text as read)
    abstracts: dict[str, str]  # the Russian summary, the English abstract: plain text
    timeline: list[timeline.Event]

    @property
    def cited_keys(self) -> list[str]:
        """The works the notes cite, each once, in the order of first citation."""
        return list(dict.fromkeys(c.key for c in self.citations[paths.DEFAULT_LANGUAGE]))

    @property
    def place_names(self) -> dict[str, str]:
        return names.place_names(self.names)


@contextmanager
def gc_paused():
    """Build many small objects without the cyclic garbage collector scanning them again and
    again: a large bibliography loads and formats a fifth faster. It runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load() -> Sources:
    """Read every source; the first bad input raises an EditionError naming file and line."""
    for cached in (witness.load, emendations.load, metadata.load, bibliography.load, names.load,
                   citations.load, timeline.load):
        cached.cache_clear()  # `mkdocs serve` rebuilds in one process: read edits afresh
    found = emendations.load()
    texts = paragraphs_as_read(found)
    events = timeline.load()
    timeline.check(events, [text for _, text in texts["ru"]], paths.SOURCES / "timeline.yml")
    return Sources(
        witness=witness.load(),
        emendations=found,
        metadata=metadata.load(),
        bibliography=bibliography.load(),
        names=names.load(),
        citations={lang: list(citations.load(lang)) for lang in paths.LANGUAGES},
        paragraphs=texts,
        abstracts={"ru": _plain_text("summary.ru"), "en": _plain_text("abstract.en")},
        timeline=events,
    )


def paragraphs_as_read(found: dict[str, emendations.Emendation]) -> dict[str, list[tuple[str, str]]]:
    """Each article's paragraphs as a reader sees them: the edition's readings in the Russian,
    the sic reading in its English form in the English."""
    out = {}
    for lang in paths.LANGUAGES:
        text_of = (lambda t: citations.with_readings(t, found)) if lang == "ru" else \
            (lambda t: markup.SIC.sub(lambda m: found[m.group(1)].english, t))
        article_text = article.load(paths.article_markdown(lang))
        out[lang] = [(p.anchor, markup.strip_marks(text_of(p.text))) for p in article_text.paragraphs]
    return out


def _plain_text(name: str) -> str:
    """A shared text's paragraphs as plain text (no heading, no keyword line)."""
    text = (paths.TEXTS / f"{name}.md").read_text(encoding="utf-8")
    return "\n\n".join(p.strip() for p in text.split("\n\n")
                        if p.strip() and not p.startswith(("#", "**")))


def generate(sources: Sources) -> dict[str, dict[str, str]]:
    """The works pages and downloads of every language: language → file name → text."""
    return works_pages.all_pages(sources.bibliography, sources.citations, sources.place_names)


def is_generated(src_uri: str) -> bool:
    parts = src_uri.split("/")
    return len(parts) > 2 and parts[1] == paths.WORKS_FOLDER


def render_page(markdown: str, src_uri: str, sources: Sources, site_url: str = "") -> str:
    """The page's Markdown with the edition's marks expanded. Generated pages pass as they are."""
    lang = src_uri.split("/", 1)[0]
    if lang not in paths.LANGUAGES or is_generated(src_uri):
        return markdown
    path = paths.DOCS / src_uri
    article.check_footnotes(markdown, path)
    return markup.render(markdown, markup.Page(lang, src_uri, path, sources, site_url))


__all__ = ["EditionError", "Sources", "load", "generate", "render_page", "is_generated"]
