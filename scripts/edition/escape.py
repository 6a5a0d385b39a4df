"""Escaping text from data files (the .bib, the YAML) before it enters a Markdown page.

Everything that Markdown, HTML or this edition's own `{token}` syntax would read as markup
becomes a character reference, so a title such as `<script>` or `*x*` or `{pb 1}` shows
as the characters it is.
"""

import html
import re

_MARKUP = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~<>"}
_MARKUP.update({"&": "&amp;", '"': "&quot;", "'": "&#39;"})
_SPECIAL = re.compile("[" + re.escape("".join(_MARKUP)) + "]")


def md(text: str) -> str:
    """Text safe to put anywhere in a Markdown line (a paragraph, a link text, a table cell)."""
    return _SPECIAL.sub(lambda m: _MARKUP[m.group()], text)


def attr(text: str) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")

