"""The one MkDocs hook: it calls the edition's build steps (scripts/edition/build.py).

mkdocs-static-i18n builds the site once per language, so every event here runs twice;
each step is idempotent and the sources are read once per build.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the `edition` package

from edition import build  # noqa: E402
from edition.errors import EditionError  # noqa: E402

_sources: build.Sources | None = None


def _fail(error: EditionError):
    return PluginError(str(error))


def on_pre_build(config, **kwargs):
    """Read and check the sources, then write the generated pages before MkDocs lists files."""
    global _sources
    try:
        _sources = build.load()
        build.generate(_sources)
    except EditionError as error:
        raise _fail(error) from None


def on_page_markdown(markdown, page, config, files, **kwargs):
    try:
        return build.render_page(markdown, page.file.src_uri, _sources)
    except EditionError as error:
        raise _fail(error) from None
