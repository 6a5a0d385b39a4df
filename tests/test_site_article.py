"""The built articles: notes, anchors, page marks, and the links between them."""

import pytest

import sitehtml

pytestmark = pytest.mark.slow

ARTICLES = {"ru": "article/index.html", "en": "en/article/index.html"}


@pytest.fixture(scope="module", params=["ru", "en"])
def built(request, site):
    return request.param, sitehtml.read(site / ARTICLES[request.param])


def test_twenty_one_note_references_and_texts(built):
    lang, page = built
    # The author's notes only: an editor's letter is a footnote-ref too (for its preview).
    refs = [a for a in page.links if "footnote-ref" in a.attrs.get("class", "")
            and "editor-note-ref" not in a.attrs.get("class", "")]
    assert [a.attrs["href"] for a in refs] == [f"#fn:{n}" for n in range(1, 22)]
    notes = [e for e in page.by_tag("li") if e.attrs.get("id", "").startswith("fn:")]
    assert [e.attrs["id"] for e in notes] == [f"fn:{n}" for n in range(1, 22)]


def test_every_note_reference_and_back_link_resolves(built):
    lang, page = built
    for a in page.links:
        href = a.attrs["href"]
        if href.startswith(("#fn:", "#fnref:")):
            assert href[1:] in page.ids, href
    backrefs = [a for a in page.links if "footnote-backref" in a.attrs.get("class", "")
                and "editor-backref" not in a.attrs.get("class", "")]
    assert [a.attrs["href"] for a in backrefs] == [f"#fnref:{n}" for n in range(1, 22)]


def test_twelve_paragraph_anchors_on_paragraphs(built):
    lang, page = built
    anchored = [e.attrs["id"] for e in page.by_tag("p") if e.attrs.get("id", "").startswith("p")]
    assert anchored == [f"p{n}" for n in range(1, 13)]


def test_page_breaks_of_the_original_are_marked(built):
    lang, page = built
    marks = page.by_class("page-break")
    assert [m.attrs["data-page"] for m in marks] == ["3", "4", "5", "6", "7", "8"]
    for mark in marks:
        assert mark.attrs.get("aria-hidden") == "true" and mark.attrs.get("title")
        assert mark.text == ""  # the number is drawn by CSS, not text inside the sentence


def test_missing_notes_say_so(built):
    lang, page = built
    wording = {"ru": "в источнике отсутствует", "en": "missing from the source"}[lang]
    for number in (20, 21):
        note = next(e for e in page.by_tag("li") if e.attrs.get("id") == f"fn:{number}")
        assert wording in note.text


def test_russian_page_shows_emendations_and_the_sic(site):
    page = sitehtml.read(site / ARTICLES["ru"])
    emended = page.by_class("emendation")
    assert len(emended) == 11
    assert all("в источнике" in e.attrs["title"] for e in emended)
    sic = [a for a in page.links if "sic" in a.attrs.get("class", "")]
    assert len(sic) == 1 and sic[0].attrs["href"].endswith("about/#s1")


def test_about_page_lists_every_emendation_with_links_to_the_place(site, ed):
    about = sitehtml.read(site / "about/index.html")
    article = sitehtml.read(site / ARTICLES["ru"])
    for ident in ed.emendations:
        assert ident in about.ids
        assert f"em-{ident}" in article.ids
        assert any(h.endswith(f"article/#em-{ident}") for h in about.hrefs()), ident
