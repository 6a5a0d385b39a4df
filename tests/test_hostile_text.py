"""Hostile text in every field of the sources that reaches a page is shown as text, never run.

One build of a copy of the project whose data files carry markup in every field a page
shows: the .bib (a title), names.yml (a name, a role, a note), timeline.yml (an event),
emendations.yml (a reason), article.yml (both titles, a keyword, the edition's title).
Every built page is then read: no script runs from it, no event handler or image is made
of it, the JSON-LD stays valid JSON, and the page titles carry it as text.
"""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import run_build

pytestmark = pytest.mark.slow

MARK = "pwned"
# Markup of HTML, of Markdown, of Jinja and of the edition's own marks.
HOSTILE = f'</title><script>alert("{MARK}")</script><img src=x onerror=alert(1)> *em* {{{{ 7*7 }}}} {{pb 1}} &amp;'
BIB_HOSTILE = HOSTILE.replace("{", "\\{").replace("}", "\\}").replace("&", "\\&")


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from conftest import copy_project
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project")
    sources = project / "sources"
    edit(sources / "references.bib", "title            = {Совершенно секретно},",
         "title            = {Совершенно секретно " + BIB_HOSTILE + "},")
    edit(sources / "names.yml", "    name: {ru: Вильгельм Куно, en: Wilhelm Cuno}",
         f"    name: {{ru: {_yaml('Вильгельм Куно ' + HOSTILE)}, en: {_yaml('Wilhelm Cuno ' + HOSTILE)}}}")
    edit(sources / "names.yml", "      ru: рейхсканцлер Германии", f"      ru: {_yaml('рейхсканцлер ' + HOSTILE)}")
    edit(sources / "names.yml", "      en: Reich Chancellor of Germany", f"      en: {_yaml('Reich Chancellor ' + HOSTILE)}")
    edit(sources / "timeline.yml", "    en: French and Belgian troops occupy the Ruhr region.",
         f"    en: {_yaml('French and Belgian troops occupy the Ruhr region. ' + HOSTILE)}")
    edit(sources / "emendations.yml", "    ru: Пропущен пробел между инициалами; в остальных местах статьи автор пишет «С. А.».",
         f"    ru: {_yaml(HOSTILE)}")
    meta = sources / "article.yml"
    edit(meta, "  ru: Германо-советские тайные военные переговоры в связи с Рурским конфликтом (1923)\n",
         f"  ru: {_yaml('Германо-советские тайные военные переговоры в связи с Рурским конфликтом (1923) ' + HOSTILE)}\n")
    edit(meta, "  en: German-Soviet secret military negotiations in connection with the Ruhr conflict (1923)\n",
         f"  en: {_yaml('German-Soviet secret military negotiations (1923) ' + HOSTILE)}\n")
    edit(meta, "    - German foreign policy", f"    - German foreign policy\n    - {_yaml(HOSTILE)}")
    edit(meta, "    en: German-Soviet secret military negotiations in connection with the Ruhr conflict (1923). "
               "A digital scholarly edition", f"    en: {_yaml('A digital scholarly edition ' + HOSTILE)}")
    site = root / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _Reader(HTMLParser):
    """What a browser would make of a page: scripts, event handlers, images, titles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str, str]] = []  # (type, content)
        self.handlers: list[str] = []
        self.images: list[str] = []
        self.title = ""
        self._in: str | None = None
        self._type = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.handlers += [name for name in attributes if name.startswith("on")]
        if tag == "img":
            self.images.append(attributes.get("src") or "")
        if tag in ("script", "title"):
            self._in, self._type = tag, attributes.get("type") or ""
            if tag == "script":
                self.scripts.append((self._type, ""))

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)
        elif self._in == "title":
            self.title += data


def _read(path: Path) -> _Reader:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_hostile_text_reached_the_pages(hostile_site):
    """The test is only as good as its reach: the text stands on each kind of page."""
    for page in ("index.html", "en/index.html", "article/index.html", "en/article/index.html",
                 "works/gorlov2001/index.html", "en/works/gorlov2001/index.html", "works/index.html",
                 "registers/index.html", "en/registers/index.html", "en/timeline/index.html", "about/index.html"):
        assert f'alert("{MARK}")' in html.unescape((hostile_site / page).read_text(encoding="utf-8")), page


def test_no_script_of_the_hostile_text_runs(hostile_site):
    for path in _pages(hostile_site):
        page = _read(path)
        assert not page.handlers, (path, page.handlers)
        assert "x" not in page.images, path
        for kind, content in page.scripts:
            if kind == "application/ld+json":
                json.loads(content)  # still one valid JSON value: the text did not close the script
            else:
                assert MARK not in content, (path, content[:200])


def test_every_page_title_is_the_hostile_text_as_text(hostile_site):
    titled = 0
    for path in _pages(hostile_site):
        text = path.read_text(encoding="utf-8")
        title = text.split("<title>", 1)[1].split("</title>", 1)[0] if "<title>" in text else ""
        assert "<" not in title, (path, title)  # escaped: nothing in it is markup
        if MARK in title:
            titled += 1
            assert f'alert("{MARK}")' in _read(path).title
    assert titled >= 4  # the two article pages and the two pages of the work


def test_the_page_text_shows_the_edition_marks_and_markdown_as_written(hostile_site):
    for page in ("en/works/gorlov2001/index.html", "en/registers/index.html", "en/timeline/index.html"):
        text = html.unescape((hostile_site / page).read_text(encoding="utf-8"))
        assert "<em>em</em>" not in text and "{pb 1}" in text and "{{ 7*7 }}" in text, page
