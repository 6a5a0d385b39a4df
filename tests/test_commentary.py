"""The editor's commentary (sources/commentary.yml, scripts/edition/commentary.py): lettered in
reading order, anchored in both languages, aligned one to one, kept out of the author's text,
and present in every output: the article pages, the About page, the works pages, the
registers, the search index, the TEI, the previews."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as etree
from html import unescape
from pathlib import Path

import pytest

import sitehtml
from edition import commentary, edition, marks, paths, tei, yamlfile
from edition.errors import EditionError

ARTICLES = {"ru": "article/index.html", "en": "en/article/index.html"}
ABOUT = {"ru": "about/index.html", "en": "en/about/index.html"}
TEI = f"{{{tei.TEI_NS}}}"


# --- the data ---------------------------------------------------------------------------------


def test_the_letters_run_a_b_c():
    assert [commentary.letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["a", "b", "z", "aa", "ab", "az", "ba"]


def test_letters_are_given_in_the_reading_order_of_both_texts(ed):
    notes = ed.commentary
    assert [n.letter for n in notes] == [commentary.letter(i) for i in range(len(notes))]
    for lang in paths.LANGUAGES:
        order = [(n.on_note, n.number, n.offsets[lang]) for n in notes]
        assert order == sorted(order), lang


def test_every_anchor_resolves_in_both_languages(ed):
    for note in ed.commentary:
        for lang in paths.LANGUAGES:
            article = ed.articles[lang]
            source = (article.paragraphs[note.number - 1].text if not note.on_note
                      else article.notes[str(note.number)].text)
            text, ends = commentary.as_read(source, lang, ed.emendations)
            if note.at:
                phrase = note.at[lang]
                assert text.count(phrase) == 1, (note.id, lang)
                assert ends[text.index(phrase) + len(phrase) - 1] == note.offsets[lang], (note.id, lang)
            else:
                assert note.offsets[lang] == len(source)


def test_russian_and_english_notes_align_one_to_one(ed):
    """Each entry says the same in both languages: both texts there, the same places linked,
    the same numbers (dates, paragraphs, notes) named."""
    data = yamlfile.load(paths.COMMENTARY)
    assert [e["id"] for e in data] and len(ed.commentary) == len(data)
    for note in ed.commentary:
        ru, en = note.text["ru"], note.text["en"]
        assert ru.strip() and en.strip(), note.id
        assert commentary.FRAGMENT_LINK.findall(ru) == commentary.FRAGMENT_LINK.findall(en), note.id
        assert set(re.findall(r"\d+", ru)) == set(re.findall(r"\d+", en)), note.id
        assert bool(note.at) == all(note.at.get(lang) for lang in paths.LANGUAGES), note.id


def test_the_issue_s_discrepancies_are_commented(ed):
    """The two dates of issue 11, the «В. Хассе» reading and the missing notes 20–21."""
    by_place = {(n.anchor, n.at.get("ru", "")): n for n in ed.commentary}
    assert "18 января" in by_place[("p4", "12 января 1923 г.")].text["ru"]
    assert "23 January" in by_place[("p6", "22 января 1923 г.")].text["en"]
    assert "Otto Hasse" in by_place[("p4", "генерала В. Хассе")].text["en"]
    assert {"n20", "n21"} <= {n.anchor for n in ed.commentary}


# --- the author's text stays as it was ------------------------------------------------------------


def test_no_letter_stands_in_a_source_file():
    for path in [paths.article_markdown(lang) for lang in paths.LANGUAGES] + sorted(paths.TEXTS.glob("*.md")):
        assert "{ed " not in path.read_text(encoding="utf-8"), path


def test_the_russian_text_with_its_letters_is_still_the_witness(ed):
    """The Russian article as its page renders it, letters put in, passes the build's own
    fidelity check (edition.check_fidelity), paragraph by paragraph and note by note."""
    russian = ed.articles["ru"]
    lettered = dataclasses.replace(
        russian,
        paragraphs=[dataclasses.replace(p, text=commentary.marked(p.text, commentary.at_anchor(ed.commentary, p.anchor),
                                                                  "ru")) for p in russian.paragraphs],
        notes={label: dataclasses.replace(n, text=commentary.marked(n.text, commentary.at_anchor(ed.commentary,
                                                                                                 f"n{label}"), "ru"))
               for label, n in russian.notes.items()})
    texts = [p.text for p in lettered.paragraphs] + [n.text for n in lettered.notes.values()]
    assert sum(t.count("{ed ") for t in texts) == len(ed.commentary)
    edition.check_fidelity(lettered, ed.texts, ed.witness, ed.emendations)  # raises at any departure
    page = commentary.into_article(russian.text, russian, ed.commentary, "ru")
    assert marks.LETTER_MARK.sub("", page) == russian.text  # the letters are all the page adds


def test_a_letter_written_into_the_text_is_refused():
    page = "Текст{ed hasse-initial} дальше.\n{: #p1 }\n"
    with pytest.raises(EditionError, match="put in by the build"):
        edition.article.parse(page, Path("docs/ru/article.md"))


# --- bad entries stop with file and line -------------------------------------------------------

ENTRY = """- id: x
  anchor: p6
  at:
    ru: 22 января 1923 г.
    en: On 22 January 1923
  text:
    ru: Примечание.
    en: A note.
"""


def _parse(ed, text: str):
    data = yamlfile.parse(text, paths.COMMENTARY)
    return commentary.parse(data, paths.COMMENTARY, ed.articles, ed.emendations, ed.bibliography)


@pytest.mark.parametrize("old, new, line, says", [
    ("anchor: p6", "anchor: p13", 2, "the ru article has no paragraph 13"),
    ("anchor: p6", "anchor: n22", 2, "has no note 22"),
    ("anchor: p6", "anchor: para6", 2, "is not a paragraph (p4) or an author's note (n8)"),
    ("ru: 22 января 1923 г.", "ru: 23 января 1923 г.", 4, "'23 января 1923 г.' is not in paragraph 6"),
    ("en: On 22 January 1923", "en: On 23 January 1923", 5, "is not in paragraph 6 of the en article"),
    ("ru: 22 января 1923 г.", "ru: '1923'", 4, "occurs 2 times"),
    ("    en: On 22 January 1923\n", "", 3, "'entry 1.at' lacks the required key 'en'"),
    ("    en: A note.\n", "", 6, "lacks the required key 'en'"),
    ("anchor: p6", "anchr: p6", 2, "unknown key 'anchr'"),
    ("ru: Примечание.", "ru: Примечание {pb 4}.", 7, "has no place in an editor's note"),
    ("en: A note.", "en: See [paragraph 13](#p13).", 8, "the link #p13 names no place"),
    ("en: A note.", "en: '[@nosuchwork]'", 8, "no such work"),
    ("en: A note.", "en: A <script>alert(1)</script> note.", 8, "is HTML"),
])
def test_a_bad_entry_names_its_line(ed, old, new, line, says):
    assert old in ENTRY
    with pytest.raises(EditionError) as error:
        _parse(ed, ENTRY.replace(old, new))
    assert f"commentary.yml:{line}:" in str(error.value) and says in str(error.value), str(error.value)


def test_a_duplicate_id_names_the_second(ed):
    with pytest.raises(EditionError, match=r"commentary\.yml:9: editor's note id 'x' is used twice"):
        _parse(ed, ENTRY + ENTRY)


def _two(first: tuple[str, str], second: tuple[str, str]) -> str:
    """Two entries on paragraph 6, x and y, at the (ru, en) words given."""
    out = ""
    for ident, (ru, en) in (("x", first), ("y", second)):
        out += ENTRY.replace("- id: x", f"- id: {ident}").replace("ru: 22 января 1923 г.", f"ru: {ru}") \
            .replace("en: On 22 January 1923", f"en: {en}")
    return out


def test_letters_that_the_translation_would_meet_in_another_order_are_refused(ed):
    in_order = _two(("Л. Д. Троцкого", "L. D. Trotsky's"), ("22 января 1923 г.", "On 22 January 1923"))
    assert [(n.id, n.letter) for n in _parse(ed, in_order)] == [("y", "a"), ("x", "b")]
    crossed = _two(("Л. Д. Троцкого", "On 22 January 1923"), ("22 января 1923 г.", "L. D. Trotsky's"))
    with pytest.raises(EditionError, match="a letter must mean one note in both languages"):
        _parse(ed, crossed)


# --- the TEI -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tei_ids(ed):
    root = etree.fromstring(tei.document(ed, "1.0.0", "2026-01-01", "").encode("utf-8"))
    return {node.get(tei.XML_ID): node for node in root.iter() if node.get(tei.XML_ID)}


def test_each_editor_s_note_is_an_editorial_note_in_both_texts(ed, tei_ids):
    for note in ed.commentary:
        for prefix, lang in (("", "ru"), ("en-", "en")):
            element = tei_ids[f"{prefix}{note.html_id}"]
            assert (element.tag, element.get("type"), element.get("n"), element.get("resp")) == \
                (f"{TEI}note", "editorial", note.letter, "#edition")
            text = " ".join("".join(element.itertext()).split())
            assert text.startswith(commentary.plain(note.text[lang])[:30]), (note.id, lang)
            if prefix:
                assert element.get("corresp") == f"#{note.html_id}"
            if note.on_note:
                assert element.get("target") == f"#{prefix}n{note.number}"


def test_an_editor_s_note_stands_in_its_paragraph_or_after_its_note(ed, tei_ids):
    for note in ed.commentary:
        anchor = ed.articles["ru"].paragraph_of(str(note.number)) if note.on_note else note.anchor
        for prefix in ("", "en-"):
            children = list(tei_ids[prefix + anchor])
            mine = tei_ids[prefix + note.html_id]
            assert mine in children, note.id
            if note.on_note:  # just after the author's note, or after another note on it
                before = children[children.index(mine) - 1]
                assert before.get(tei.XML_ID) == f"{prefix}n{note.number}" or before.get("target") == mine.get("target")


# --- the built site -------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["ru", "en"])
def built(request, site):
    return request.param, sitehtml.read(site / ARTICLES[request.param])


@pytest.mark.slow
def test_each_letter_leads_to_its_note_and_back(built, ed):
    lang, page = built
    letters = [a for a in page.links if "editor-note-ref" in a.attrs.get("class", "").split()]
    assert [a.text for a in letters] == [n.letter for n in ed.commentary]  # in reading order on the page
    assert [a.attrs["href"] for a in letters] == [f"#{n.html_id}" for n in ed.commentary]
    wording = {"ru": "Примечание редактора {}", "en": "Editor's note {}"}[lang]
    assert [a.attrs["aria-label"] for a in letters] == [wording.format(n.letter) for n in ed.commentary]
    backs = [a for a in page.links if "editor-backref" in a.attrs.get("class", "").split()]
    assert [a.attrs["href"] for a in backs] == [f"#edref-{n.id}" for n in ed.commentary]
    for note in ed.commentary:
        assert note.html_id in page.ids and f"edref-{note.id}" in page.ids


@pytest.mark.slow
def test_the_list_follows_the_author_s_notes(built, ed):
    lang, page = built
    ids = [e.attrs["id"] for e in page.elements if e.attrs.get("id", "").startswith(("fn:", "ed-", "editors-notes"))]
    assert ids[:21] == [f"fn:{n}" for n in range(1, 22)]
    assert ids[21:] == ["editors-notes"] + [n.html_id for n in ed.commentary]
    heading = next(e for e in page.elements if e.attrs.get("id") == "editors-notes")
    assert heading.tag == "h2" and heading.text.startswith({"ru": "Примечания редактора", "en": "Editor's notes"}[lang])


@pytest.mark.slow
def test_a_note_on_an_author_s_note_stands_inside_it(site, ed):
    html = (site / ARTICLES["ru"]).read_text(encoding="utf-8")
    for note in (n for n in ed.commentary if n.on_note):
        item = re.search(rf'<li id="fn:{note.number}">(.*?)</li>', html, re.S).group(1)
        assert f'href="#{note.html_id}"' in item, note.id


def text_of(html: str) -> str:
    """A page's or a search entry's words: tags out, characters unescaped, spaces joined."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_about_page_lists_every_note_with_a_link_to_its_place(site, ed, lang):
    about = sitehtml.read(site / ABOUT[lang])
    words = text_of((site / ABOUT[lang]).read_text(encoding="utf-8"))
    for note in ed.commentary:
        assert note.html_id in about.ids, note.id
        assert any(h.endswith(f"article/#edref-{note.id}") for h in about.hrefs()), note.id
        assert commentary.plain(note.text[lang]) in words, note.id


@pytest.mark.slow
def test_the_search_index_holds_the_notes_of_both_languages(site, ed):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"]: text_of(doc["text"]) for doc in index["docs"]}
    for lang, location in (("ru", "article/#editors-notes"), ("en", "en/article/#editors-notes")):
        for note in ed.commentary:
            assert commentary.plain(note.text[lang]) in pages[location], (lang, note.id)


@pytest.mark.slow
def test_works_pages_and_registers_name_the_notes(site, ed):
    for prefix, wording in (("", "Примечание редактора a"), ("en/", "Editor's note a")):
        work = (site / prefix / "works/politburo-1923-01-18/index.html").read_text(encoding="utf-8")
        assert wording in text_of(work) and "../../article/#ed-instruction-date" in work
        registers = (site / prefix / "registers/index.html").read_text(encoding="utf-8")
        hasse = registers[registers.index('id="hasse"'):]
        assert "#ed-hasse-initial" in hasse[:hasse.index("</li>")]


# --- the preview, in a browser -----------------------------------------------------------------


@pytest.fixture(scope="module")
def base(site, serve):
    return serve(site)


TOOLTIP = ".md-tooltip2--active"


@pytest.mark.browser
@pytest.mark.slow
def test_hovering_an_editor_s_letter_shows_its_note(page, base):
    page.goto(f"{base}/article/")
    page.hover('a.editor-note-ref[href="#ed-hasse-initial"]')
    page.wait_for_selector(TOOLTIP, state="visible", timeout=15000)
    text = page.inner_text(TOOLTIP)
    assert "Так в источнике: «В. Хассе»" in text and "Отто Хассе" in text


@pytest.mark.browser
@pytest.mark.slow
def test_tapping_an_editor_s_letter_shows_its_note(chromium, base):
    context = chromium.new_context(viewport={"width": 412, "height": 860}, has_touch=True, is_mobile=True,
                                   device_scale_factor=2)
    tab = context.new_page()
    try:
        tab.goto(f"{base}/en/article/")
        tab.tap('a.editor-note-ref[href="#ed-proposal-date"]')
        tab.wait_for_selector(TOOLTIP, state="visible", timeout=15000)
        assert "23 January 1923" in tab.inner_text(TOOLTIP)
    finally:
        context.close()
