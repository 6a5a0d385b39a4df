"""Escaping text from data files (the .bib, the YAML) before it enters a Markdown page.

Everything that Markdown, HTML or this edition's own `{token}` syntax would read as markup
becomes a character reference, so a title such as `<script>` or `*x*` or `{pb 1}` shows
as the characters it is.
"""

import html

_MARKUP = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~<>"}
_MARKUP["&"] = "&amp;"
_MARKUP['"'] = "&quot;"
_MARKUP["'"] = "&#39;"
_TABLE = str.maketrans(_MARKUP)


def md(text: str) -> str:
    """Text safe to put anywhere in a Markdown line (a paragraph, a link text, a table cell)."""
    return text.translate(_TABLE)


def attr(text: str) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")
