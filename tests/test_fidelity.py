"""Fidelity: the edition's Russian text, its marks undone, is the witness word for word."""

import re

import pytest

from edition import marks, paths

PAGE_MARK = re.compile(r"\{pb (\d+)\}")


def words(text: str) -> list[str]:
    return text.split()


@pytest.fixture(scope="module")
def w(ed):
    return ed.witness


@pytest.fixture(scope="module")
def found(ed):
    return ed.emendations


@pytest.fixture(scope="module")
def ru(ed):
    return ed.articles["ru"]


def witness_with_marks(block) -> str:
    """The witness paragraph with its note references and page starts put in as marks."""
    inserts = [(o, f"[^{n}]") for o, n in block.note_refs]
    inserts += [(o, f"⟦{p}⟧") for o, p in block.page_breaks]
    text = block.text
    for offset, mark in sorted(inserts, key=lambda i: (-i[0], i[1].startswith("["))):
        text = text[:offset] + mark + text[offset:]
    return text


def edition_with_marks(markdown: str, found) -> str:
    return marks.to_witness(PAGE_MARK.sub(lambda m: f"⟦{m.group(1)}⟧", markdown), found)


def test_the_article_has_the_witness_paragraphs(ru, w):
    assert [p.anchor for p in ru.paragraphs] == [f"p{n}" for n in range(1, 13)]


@pytest.mark.parametrize("number", range(1, 13))
def test_paragraph_reproduces_the_witness(number, ru, w, found):
    """Every word in order, note references and page starts at the same places."""
    edition = edition_with_marks(ru.paragraphs[number - 1].text, found)
    expected = witness_with_marks(w.paragraphs[number - 1])
    assert words(edition) == words(expected)


@pytest.mark.parametrize("number", range(1, 20))
def test_note_reproduces_the_witness(number, ru, w, found):
    edition = marks.to_witness(ru.notes[str(number)].text, found)
    assert words(edition) == words(w.notes[number].text)


def test_notes_20_and_21_say_that_their_text_is_missing(ru):
    assert ru.notes["20"].text == "{missing}" and ru.notes["21"].text == "{missing}"


def _text_paragraphs(name: str) -> list[str]:
    text = (paths.TEXTS / f"{name}.md").read_text(encoding="utf-8")
    return [p for p in text.split("\n\n") if p.strip() and not p.startswith(("#", "**Keywords"))]


def test_russian_summary_reproduces_the_witness(w, found):
    edition = [marks.to_witness(p, found) for p in _text_paragraphs("summary.ru")]
    assert [words(p) for p in edition] == [words(b.text) for b in w.summary_ru]


def test_english_abstract_reproduces_the_witness(w, found):
    edition = [marks.to_witness(p, found) for p in _text_paragraphs("abstract.en")]
    assert [words(p) for p in edition] == [words(b.text) for b in w.abstract_en]


def test_titles_and_keywords_are_the_witness_own(ed):
    meta, wit = ed.metadata, ed.witness
    # The print sets the titles in capitals; the edition gives them in sentence case.
    assert meta.title["ru"].casefold() == wit.title_ru.casefold()
    assert meta.title["en"].casefold() == wit.title_en.casefold()
    assert list(meta.keywords["en"]) == wit.keywords_en


def test_unknown_facts_stay_empty(ed):
    meta = ed.metadata
    assert (meta.journal, meta.year, meta.volume, meta.issue, meta.first_page, meta.doi) == (None,) * 6
    assert [a.initials["ru"] for a in meta.authors] == ["К. К."]
    assert all(a.family is None and a.given is None for a in meta.authors)


def test_every_emendation_is_marked_once_in_the_russian_text(found):
    pages = [paths.article_markdown("ru"), paths.TEXTS / "summary.ru.md"]
    marked = re.findall(r"\{(?:em|sic) ([^}\s]+)\}", "\n".join(p.read_text(encoding="utf-8") for p in pages))
    assert sorted(marked) == sorted(found)


def test_each_emendation_is_at_its_recorded_place(ru, found):
    for item in found.values():
        kind, number = item.part.split()
        text = ru.paragraphs[int(number) - 1].text if kind == "paragraph" else ru.notes[number].text
        assert re.search(r"\{(?:em|sic) " + re.escape(item.id) + r"\}", text), item.id


def test_the_triple_fragment_is_emended_to_one_reading(found):
    item = found["e3"]
    assert item.kind == "deletion" and item.witness_line == 286
    assert item.witness.count("Fokker D-XIII»") == 2 and item.witness.count("D-XIII»") == 3
    assert item.edition == "«Fokker D-XIII» и довольно современными"


def test_the_hasse_slip_is_kept_and_marked(found):
    sic = found["s1"]
    assert (sic.kind, sic.witness, sic.edition, sic.witness_line) == ("sic", "В. Хассе", "В. Хассе", 119)
