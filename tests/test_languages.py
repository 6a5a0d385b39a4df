"""Both languages are whole sites: every page has its twin, the switch leads to it, the two
articles align paragraph by paragraph and note by note, and names keep their English forms."""

import re
from html.parser import HTMLParser

import pytest

import sitehtml
from edition import edition, paths

SKIP = {"404.html"}


def built_pages(site):
    """Built HTML pages by language: path relative to the language's root."""
    pages = {"ru": {}, "en": {}}
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        if relative in SKIP or relative.startswith(("assets/", "search/")):
            continue
        if relative.startswith("en/"):
            pages["en"][relative.removeprefix("en/")] = path
        else:
            pages["ru"][relative] = path
    return pages


@pytest.mark.slow
def test_every_page_has_its_twin(site):
    pages = built_pages(site)
    assert len(pages["ru"]) > 20
    assert set(pages["ru"]) == set(pages["en"])


@pytest.mark.slow
def test_the_language_switch_leads_to_the_twin(site):
    pages = built_pages(site)
    for lang, other in (("ru", "en"), ("en", "ru")):
        for relative, path in pages[lang].items():
            page = sitehtml.read(path)
            switch = [a for a in page.links if "md-select__link" in a.attrs.get("class", "")
                      and a.attrs.get("hreflang") == other]
            assert len(switch) == 1, relative
            target, _ = sitehtml.resolve(site, path, switch[0].attrs["href"])
            assert target == pages[other][relative], (relative, switch[0].attrs["href"])


@pytest.mark.slow
def test_html_lang_and_interface_language(site):
    pages = built_pages(site)
    interface = {"ru": 'placeholder="Поиск"', "en": 'placeholder="Search"'}
    for lang, found in pages.items():
        for relative, path in found.items():
            assert sitehtml.read(path).lang == lang, relative
            assert interface[lang] in path.read_text(encoding="utf-8"), relative


@pytest.mark.slow
def test_russian_in_english_pages_is_marked(site):
    page = sitehtml.read(site / "en/about/index.html")
    marked = [e.text for e in page.elements if e.attrs.get("lang") == "ru"]
    assert "Там же" in marked and "Райхсвер" in marked
    work = sitehtml.read(site / "en/works/gorlov2001/index.html")
    assert any(e.attrs.get("lang") == "ru" and "Горлов" in e.text for e in work.elements)
    home = sitehtml.read(site / "index.html")
    assert any(e.attrs.get("lang") == "en" and "Abstract" in e.text for e in home.elements)


@pytest.fixture(scope="module")
def articles(ed):
    return {lang: ed.articles[lang] for lang in paths.LANGUAGES}


def test_articles_align_paragraph_by_paragraph_and_note_by_note(articles):
    ru, en = articles["ru"], articles["en"]
    assert [p.anchor for p in ru.paragraphs] == [p.anchor for p in en.paragraphs] == [f"p{n}" for n in range(1, 13)]
    assert list(ru.notes) == list(en.notes) == [str(n) for n in range(1, 22)]
    # Each note is referred to from the same paragraph in both languages.
    assert [(label, anchor) for label, anchor, _ in ru.references] == \
           [(label, anchor) for label, anchor, _ in en.references]
    # Page marks stand in the same paragraphs.
    marks = {lang: [(p.anchor, m) for p in a.paragraphs for m in re.findall(r"\{pb (\d+)\}", p.text)]
             for lang, a in articles.items()}
    assert marks["ru"] == marks["en"]


def test_english_notes_cite_the_same_works(articles, ed):
    ru = [(c.note, c.key) for c in ed.citations["ru"]]
    en = [(c.note, c.key) for c in ed.citations["en"]]
    assert ru == en


def _paragraph_texts(lang: str, articles, found) -> list[str]:
    """The paragraphs as read: the edition's readings, {sic} in its English form in English."""
    return [text for _, text in edition.paragraphs_as_read(articles, found)[lang]]


def test_every_name_appears_in_its_english_form_where_the_russian_has_it(articles, ed):
    ru, en = _paragraph_texts("ru", articles, ed.emendations), _paragraph_texts("en", articles, ed.emendations)
    missing = []
    for entry in ed.names.values():
        for number, (ru_text, en_text) in enumerate(zip(ru, en), 1):
            if entry.pattern("ru").search(ru_text) and not entry.pattern("en").search(en_text):
                missing.append(f"{entry.id} in paragraph {number}")
    assert not missing, missing


def test_the_name_check_can_fail(articles, ed):
    """The check above is not vacuous: it finds a name the translation would drop."""
    ru, en = _paragraph_texts("ru", articles, ed.emendations), _paragraph_texts("en", articles, ed.emendations)
    seeckt = ed.names["seeckt"]
    assert seeckt.pattern("ru").search(ru[1]) and seeckt.pattern("en").search(en[1])
    assert not seeckt.pattern("en").search(en[1].replace("Seeckt", "the general"))


def test_interface_words_exist_in_both_languages():
    from edition.labels import LABELS
    assert set(LABELS["ru"]) == set(LABELS["en"])
    assert all(LABELS[lang][key] for lang in LABELS for key in LABELS[lang])


# Letters of the ALA-LC romanization of Russian that English words never have.
ROMANIZATION = re.compile("[ʹʺ͡ĭĖė]")


class _LanguageRuns(HTMLParser):
    """Each text run of a page with the language of the element it stands in."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.runs: list[tuple[str, str]] = []  # (language, text)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        lang = attributes.get("lang") or (self.stack[-1][1] if self.stack else "")
        # Material's header repeats the page's title as plain text, where no run can be
        # marked (a known limit: its template is not overridden for this).
        if attributes.get("data-md-component") == "header-topic":
            lang = "(header)"
        self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        # <title> is plain text by definition: it cannot mark a run (and is not checked).
        if self.stack and self.stack[-1][0] not in ("script", "style", "code", "pre", "title") and data.strip():
            self.runs.append((self.stack[-1][1], data))


@pytest.mark.slow
def test_language_tags_cover_only_their_language(site):
    """A German title's `de` does not take in its English translation in brackets; romanized
    Russian is `ru-Latn` wherever it stands; an editor's hidden words are the page's."""
    checked = 0
    for path in sorted(site.rglob("*.html")):
        reader = _LanguageRuns()
        reader.feed(path.read_text(encoding="utf-8"))
        for lang, text in reader.runs:
            if lang == "de":
                assert "[" not in text, (path, text)
            if ROMANIZATION.search(text) and lang != "(header)":
                assert lang == "ru-Latn", (path, lang, text)
                checked += 1
        page = sitehtml.read(path)
        if path.parent.name == "parallel":  # each column's hidden words are its own language's
            cells = re.split(r'(?=<div class="parallel-cell" lang=")', path.read_text(encoding="utf-8"))
            for cell in cells[1:]:
                lang = cell[len('<div class="parallel-cell" lang="'):].split('"', 1)[0]
                for found in re.findall(r'<span class="visually-hidden"(?: lang="([^"]*)")?', cell):
                    assert found in ("", lang), (path, lang, found)
            continue
        for hidden in page.by_class("visually-hidden"):
            assert hidden.attrs.get("lang") in (None, page.lang), (path, hidden.attrs)
    assert checked > 50
