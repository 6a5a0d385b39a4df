"""A Markdown extension that marks Russian words inside pages of another language.

Screen readers switch voice and browsers hyphenate by `lang`; in the English pages the
quoted Russian terms («Там же», «Райхсвер») would otherwise be read as English. It walks the
text of the rendered tree, leaves code and anything already marked with a language alone,
and wraps each run of Cyrillic in `<span lang="ru">`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

RUN = re.compile(r"[А-Яа-яЁё](?:[^A-Za-z«»\x02\x03<>]*[А-Яа-яЁё])?\.?")
SKIP = {"code", "pre", "script", "style"}


class MarkRussian(Treeprocessor):
    def __init__(self, md, extension: "LanguageExtension"):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.page_lang in ("", "ru"):
            return
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        for child in list(element):
            if child.tag in SKIP or child.get("lang"):
                self._split_tail(element, child)
                continue
            self._walk(child)
            self._split_tail(element, child)
        self._split_text(element)

    def _split_text(self, element: etree.Element) -> None:
        spans = self._spans(element.text or "")
        if spans is None:
            return
        element.text, pieces = spans
        for offset, span in enumerate(pieces):
            element.insert(offset, span)

    def _split_tail(self, parent: etree.Element, child: etree.Element) -> None:
        spans = self._spans(child.tail or "")
        if spans is None:
            return
        child.tail, pieces = spans
        index = list(parent).index(child)
        for offset, span in enumerate(pieces, 1):
            parent.insert(index + offset, span)

    @staticmethod
    def _spans(text: str):
        """(text before the first run, [span, …]) with each span's tail the text after it."""
        matches = list(RUN.finditer(text))
        if not matches:
            return None
        head = text[:matches[0].start()]
        spans = []
        for number, match in enumerate(matches):
            span = etree.Element("span", {"lang": "ru"})
            span.text = match.group()
            end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
            span.tail = text[match.end():end]
            spans.append(span)
        return head, spans


class LanguageExtension(Extension):
    """`page_lang` is set by the build before each language is rendered."""

    def __init__(self, **kwargs):
        self.page_lang = ""
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.treeprocessors.register(MarkRussian(md, self), "edition_mark_russian", 1)
