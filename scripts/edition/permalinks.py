"""A permanent link on every numbered paragraph of the article (#p1 … #p12)."""

from __future__ import annotations

import re

PARAGRAPH = re.compile(r'(<p id="(p(\d+))"[^>]*>)(.*?)(</p>)', re.S)
NAME = {"ru": "Абзац {n}: постоянная ссылка", "en": "Paragraph {n}: permanent link"}


def add_paragraph_links(html: str, lang: str) -> str:
    """Append to each numbered paragraph a link to itself.

    It stands last, so that a screen reader reaches it after the paragraph's text, not before
    every paragraph; its visible number sits in the margin (CSS) and is hidden from screen
    readers, which read the link's name instead.
    """
    def link(match: re.Match) -> str:
        start, anchor, number, body, end = match.groups()
        name = NAME[lang].format(n=number)
        return (f'{start}{body}<a class="paragraph-link" href="#{anchor}" aria-label="{name}" '
                f'title="{name}"><span aria-hidden="true">{number}</span></a>{end}')
    return PARAGRAPH.sub(link, html)
