"""The books of every language written into the site: `data/edition-LANG.pdf` and `.epub`."""

from __future__ import annotations

import os
from pathlib import Path

from .. import downloads
from . import content, epub, fonts, pdf


def wanted() -> bool:
    """Books are made by every real build; EDITION_BOOKS=0 leaves them out (the tests' many
    builds of broken copies, the benchmark's comparison with plain Material)."""
    return os.environ.get("EDITION_BOOKS", "1").strip() != "0"


def write_all(edition, rendered: dict, site_dir: Path) -> dict[str, Path]:
    """Every language's PDF and EPUB; returns the files written, by their site path."""
    found = fonts.faces()
    written = {}
    made = [content.book(lang, rendered[lang], edition) for lang in sorted(rendered)]
    # One cut of the faces for both languages: they share most characters, and cutting is slow.
    faces = fonts.cut(found, "".join(content.characters(book) for book in made))
    for book in made:
        lang = book.lang
        for kind, render in (("pdf", pdf.render), ("epub", epub.render)):
            path = downloads.book_path(kind, lang)
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render(book, faces))
            written[path] = target
    return written
