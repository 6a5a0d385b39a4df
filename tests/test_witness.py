"""The witness is the printed article's extraction, copied byte for byte and read right."""

import hashlib

import pytest

from edition import paths, witness, yamlfile
from edition.errors import EditionError

# SHA-256 of ../shared/source/article.txt, the file the edition was made from.
WITNESS_SHA256 = "1e649f886e171a965e7c0f24d76d9577a73972b047f7ecf099123ac3f92f335a"


@pytest.fixture(scope="module")
def w(ed):
    return ed.witness


def hyphenation_keep_list() -> set[str]:
    """The words sources/hyphenation.yml lists as keeping their line-end hyphen."""
    return witness.parse_hyphenation(yamlfile.load(paths.HYPHENATION), paths.HYPHENATION)


def test_witness_is_the_source_byte_for_byte():
    assert hashlib.sha256(paths.WITNESS.read_bytes()).hexdigest() == WITNESS_SHA256


def test_eight_printed_pages(w):
    # Page 3 follows the divider; line 52 (" советского") is a split word, not a page.
    assert [page[0].number for page in w.pages] == [1, 23, 49, 97, 143, 186, 229, 271]


def test_twelve_paragraphs_nineteen_notes_twenty_one_references(w):
    assert len(w.paragraphs) == 12
    assert sorted(w.notes) == list(range(1, 20))
    refs = [number for block in w.paragraphs for _, number in block.note_refs]
    assert refs == list(range(1, 22))


def test_notes_20_and_21_are_referenced_where_the_readme_says(w):
    ten, eleven = w.paragraphs[9], w.paragraphs[10]
    (offset20, _), = [r for r in ten.note_refs if r[1] == 20]
    (offset21, _), = [r for r in eleven.note_refs if r[1] == 21]
    assert ten.text[:offset20].endswith("35 млн марок")
    assert eleven.text[:offset21].endswith("«Heinkel D-17»")


def test_a_sentence_runs_across_a_page_break_and_the_notes_between(w):
    # "высту-" ends page 4 before notes 6-9; "пит" opens page 5.
    paragraph = w.paragraphs[3]
    assert "в этом конфликте СССР выступит на стороне Германии." in paragraph.text
    (offset, page), = paragraph.page_breaks
    assert page == 5 and paragraph.text[offset:].startswith("на стороне")


def test_line_end_hyphens_real_compounds_keep_their_hyphen(w):
    decisions = {(d.line, d.word): d.kept for d in w.hyphens}
    assert decisions[(51, "германо-советского")] is True
    assert decisions[(13, "версальско-вашингтонской")] is True
    assert "германо-советского военного сотрудничества" in w.paragraphs[0].text


def test_line_end_hyphens_that_split_a_word_are_removed(w):
    decisions = {(d.line, d.word): d.kept for d in w.hyphens}
    assert decisions[(10, "Германии")] is False       # Герма- / нии
    assert decisions[(126, "выступит")] is False       # высту- / (notes) / пит
    assert decisions[(278, "германо-российского")] is False  # германо-россий- / ского
    assert "германо-российского военно-химического завода" in w.paragraphs[10].text


def test_every_kept_hyphen_is_used_once(w):
    kept = [d.word for d in w.hyphens if d.kept]
    assert sorted(kept) == sorted(hyphenation_keep_list())
    assert len(w.hyphens) == 57


def test_a_missing_note_reference_stops_the_reader():
    text = paths.WITNESS.read_text(encoding="utf-8").replace("марок20.", "марок.")
    with pytest.raises(EditionError, match="note reference 20 not found"):
        witness.parse(text, hyphenation_keep_list(), paths.WITNESS)
