"""Reading built pages with the standard library: ids, links, elements by class."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Page:
    path: Path
    ids: set[str] = field(default_factory=set)
    links: list[Element] = field(default_factory=list)  # <a href>
    elements: list[Element] = field(default_factory=list)  # every element, text included
    lang: str = ""

    def by_class(self, name: str) -> list[Element]:
        return [e for e in self.elements if name in e.attrs.get("class", "").split()]

    def by_tag(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def hrefs(self) -> list[str]:
        return [a.attrs["href"] for a in self.links]


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        element = Element(tag, values)
        self.page.elements.append(element)
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.page.links.append(element)
        if tag == "html":
            self.page.lang = values.get("lang", "")
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data


def read(path: Path, html: str | None = None) -> Page:
    """A built page, parsed; `html` replaces the file's text when given."""
    page = Page(path)
    _Parser(page).feed(path.read_text(encoding="utf-8") if html is None else html)
    return page


def resolve(site: Path, page_path: Path, href: str) -> tuple[Path | None, str]:
    """The built file a relative link points to, and its fragment (None for external links)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, parts.fragment
    if not parts.path:
        return page_path, parts.fragment
    base = "/" + page_path.relative_to(site).as_posix()
    target = urlsplit(urljoin(base, parts.path)).path.lstrip("/")
    candidate = site / target
    if candidate.is_dir() or target.endswith("/") or target == "":
        candidate = candidate / "index.html"
    return candidate, parts.fragment
