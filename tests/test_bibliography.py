"""The bibliography: records as a bibliographer would model them, GOST renderings that
reproduce the author's notes, and links from every note to its work and back."""

import re

import bibtexparser
import pytest

import sitehtml
from edition import citations, gost, names, paths

# Which work each note cites, read off the notes by hand (not from the Markdown's links).
NOTE_WORKS = {
    1: "zeidler1993", 2: "gorlov2001", 3: "moskva-berlin", 4: "stein1945", 5: "herriot1958",
    6: "alltag1993", 7: "wintzer2006", 8: "politburo-1923-01-18", 9: "vtsik-1923-01-13",
    10: "gorlov2001", 11: "zubachevsky2013", 12: "zubachevsky2013", 13: "gorlov2001",
    14: "politburo-1923-01-23", 15: "seidt2002", 16: "niedermayer-1945-05-16",
    17: "rvs-report-1923-02-13", 18: "rvs-report-1923-02-13", 19: "delegation-report-1923-03-21",
}
PREFIXES = ("Цит. по: ", "См. об этом: ")
PINPOINT = re.compile(r"\s*(?:С|S)\.\s*[IVXLC\d]+(?:\s*–\s*\d+)?\.?$")
# Notes whose reference the author abbreviates as a repeated reference to the same volume:
# set title, volume, imprint (17, 19), or set title, number of volumes, imprint, volume (14).
SHORT_FORM = {17: True, 19: True, 14: gost.SHORT_SET}
# Where the author's wording differs from the GOST rendering, and why.
AUTHOR_VARIANTS = {
    9: [("В 24 т.", "в 24 т.")],  # a capital after the colon; GOST and note 3 use «в 3 т.»
    4: [("Пер. с англ.", "пер. с англ.")],  # GOST writes the statement in lower case
    5: [("Пер. с фр.", "пер. с фр.")],
    # The author repeats the set's imprint after the volume; GOST gives it once.
    8: [("Т. 1: 1920 – 1926. М., 2011.", "Т. 1: 1920 – 1926.")],
    14: [("В 3-х т.", "В 3 т.")],  # GOST's «в 3 т.», capitalized where it opens an area
}


@pytest.fixture(scope="module")
def bib(ed):
    return ed.bibliography


@pytest.fixture(scope="module")
def ru_notes(ed):
    found = ed.emendations
    notes = ed.articles["ru"].notes
    return {int(k): citations.with_readings(v.text, found) for k, v in notes.items() if k.isdigit()}


def plain(note_text: str) -> str:
    """The reference as the note prints it: no link syntax, prefix or pinpoint."""
    text = citations.CITE_LINK.sub(lambda m: m.group(1), note_text)
    for prefix in PREFIXES:
        text = text.removeprefix(prefix)
    return PINPOINT.sub("", text).strip()


@pytest.mark.parametrize("note", [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 14, 15, 16, 17, 19])
def test_gost_rendering_reproduces_the_note(note, bib, ru_notes):
    rendered = gost.reference(bib[NOTE_WORKS[note]], "ru", short=SHORT_FORM.get(note, False))
    written = plain(ru_notes[note])
    for author, gost_form in AUTHOR_VARIANTS.get(note, []):
        written = written.replace(author, gost_form)
    assert rendered == written


def test_note_14_differs_only_in_the_authors_own_short_form(bib, ru_notes):
    # «… 1920 – 1941 гг. В 3-х т. М., 2011. Т. 1: 1920 – 1926.»: the document is described
    # exactly; the volume in the author's own abbreviation of the set's description.
    written = plain(ru_notes[14])
    rendered = gost.reference(bib["politburo-1923-01-23"], "ru", short=True)
    assert written.split(" // ")[0] == rendered.split(" // ")[0]
    assert set(written.split(" // ")[1].split()) - {"В", "3-х", "т."} == set(rendered.split(" // ")[1].split())


def test_every_note_links_its_work_in_the_markdown(ed):
    for lang in paths.LANGUAGES:
        found = {c.note: c.key for c in ed.citations[lang]}
        assert found == NOTE_WORKS, lang


def test_ibid_and_op_cit_lead_to_the_right_work(ed):
    cited = {c.note: c for c in ed.citations["ru"]}
    for note in (12, 18):  # «Там же»: the work of the note before
        assert "ibid" in cited[note].relations and cited[note].key == cited[note - 1].key
    assert cited[12].pinpoint == "С. 33"  # «Там же.» alone: the same page
    assert cited[18].pinpoint == "С. 114"
    for note in (10, 13):  # «Указ. соч.»: Gorlov's book, cited in full in note 2
        assert "opcit" in cited[note].relations and cited[note].key == cited[2].key
    assert {n for n, c in cited.items() if "quoted" in c.relations} == {5, 7, 11, 13}
    assert cited[15].relations == ("see",)
    assert cited[1].relations == ()


def test_english_notes_have_the_russian_pinpoints(ed):
    def pages(pinpoint: str) -> str:  # «С. 150 – 152» and "pp. 150–152" name the same pages
        return re.sub(r"\s*[–-]\s*", "–", re.sub(r"^\S+\s*", "", pinpoint))
    ru = {c.note: pages(c.pinpoint) for c in ed.citations["ru"]}
    en = {c.note: pages(c.pinpoint) for c in ed.citations["en"]}
    assert ru == en


def test_records_are_modelled_as_a_bibliographer_would(bib):
    documents = [w for w in bib.works.values() if w.type == "incollection"]
    assert documents and all(w.parent is not None and w.own("origdate") for w in documents)
    volume = bib["moskva-berlin-1"]
    assert volume.type == "collection" and volume.own("volume") == "1"
    assert volume.parent.type == "mvcollection" and volume.parent.own("volumes") == "3"
    assert {d.key for d in volume.children} == {
        "politburo-1923-01-18", "politburo-1923-01-23", "rvs-report-1923-02-13",
        "delegation-report-1923-03-21"}
    article = bib["zubachevsky2013"]
    assert (article.get("journaltitle"), article.own("date"), article.own("number")) == (
        "Военно-исторический журнал", "2013", "2")
    assert bib["herriot1958"].own("origlanguage") == "french"
    assert bib["jordan1945"].own("origlanguage") == "english"
    assert bib["stein1945"].parent.key == "jordan1945"
    assert all(w.lang in ("russian", "german") for w in bib.works.values())


def test_nothing_is_guessed(bib):
    text = paths.BIBLIOGRAPHY.read_text(encoding="utf-8")
    for field in ("publisher", "pagetotal", "isbn", "doi", "url"):
        assert not re.search(rf"^\s*{field}\s*=", text, re.M), field
    # Authors only with the initials the notes give.
    for work in bib.works.values():
        for name in work.names("author") + work.names("editor"):
            assert re.fullmatch(r"(?:[A-ZА-Я]\.(?:-[A-ZА-Я]\.)?\s?)+", name.given), name


def test_bibliography_is_ordered_cyrillic_before_latin(bib):
    ordered = sorted(bib.works.values(), key=gost.sort_key)
    scripts = [gost.sort_key(w)[0] for w in ordered]
    assert scripts == sorted(scripts) and scripts[0] == 0 and scripts[-1] == 1


def test_english_references_are_romanized_with_translated_titles(bib, ed):
    en = gost.reference(bib["gorlov2001"], "en", place_names=names.place_names(ed.names))
    assert en == ("Gorlov S. A. Sovershenno sekretno: Alʹi͡ans Moskva — Berlin, 1920 – 1933 gg. "
                  "[Top Secret: The Moscow–Berlin Alliance, 1920–1933]. Moscow, 2001.")


# --- the built site -----------------------------------------------------------------------------

ARTICLES = {"ru": "article/index.html", "en": "en/article/index.html"}
WORKS = {"ru": "works", "en": "en/works"}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_each_note_links_to_its_work_page_and_back(lang, site):
    page_path = site / ARTICLES[lang]
    page = sitehtml.read(page_path)
    notes = {e.attrs["id"]: e for e in page.by_tag("li") if e.attrs.get("id", "").startswith("fn:")}
    for note, key in NOTE_WORKS.items():
        note_links = [a.attrs["href"] for a in page.links
                      if a.attrs["href"].endswith(f"works/{key}/")]
        assert note_links, (note, key)
        work_path = site / WORKS[lang] / key / "index.html"
        assert work_path.is_file()
        targets = [sitehtml.resolve(site, page_path, h)[0] for h in note_links]
        assert work_path in targets
        assert notes[f"fn:{note}"]  # the note exists
        work = sitehtml.read(work_path)
        back = {sitehtml.resolve(site, work_path, h) for h in work.hrefs()}
        assert (page_path, f"fn:{note}") in back, (note, key)


@pytest.mark.slow
def test_the_note_links_sit_inside_the_right_notes(site):
    for lang in ("ru", "en"):
        html = (site / ARTICLES[lang]).read_text(encoding="utf-8")
        for note, key in NOTE_WORKS.items():
            item = re.search(rf'<li id="fn:{note}">(.*?)</li>', html, re.S).group(1)
            assert f"works/{key}/" in item, (lang, note)


@pytest.mark.slow
def test_collection_pages_list_their_cited_documents_and_documents_their_collection(site):
    volume = sitehtml.read(site / "works/moskva-berlin-1/index.html")
    for key in ("politburo-1923-01-18", "politburo-1923-01-23", "rvs-report-1923-02-13",
                "delegation-report-1923-03-21"):
        assert f"../{key}/" in volume.hrefs()
        document = sitehtml.read(site / f"works/{key}/index.html")
        assert "../moskva-berlin-1/" in document.hrefs() and "../moskva-berlin/" in document.hrefs()


@pytest.mark.slow
def test_downloads_parse_and_hold_every_work(site, bib):
    for folder in WORKS.values():
        library = bibtexparser.parse_string((site / folder / "references.bib").read_text(encoding="utf-8"))
        assert not library.failed_blocks
        assert {e.key for e in library.entries} == set(bib.works)
        ris = (site / folder / "references.ris").read_text(encoding="utf-8")
        assert ris.count("TY  - ") == ris.count("ER  - ") == len(bib.works)


@pytest.mark.slow
def test_bibliography_page_groups_sources_and_studies(site, bib):
    page = sitehtml.read(site / "works/index.html")
    headings = [h.text.strip().rstrip("¶").strip() for h in page.by_tag("h2")]
    assert headings == ["Опубликованные источники", "Исследования"]
    listed = [h for h in page.hrefs() if re.fullmatch(r"[a-z0-9-]+/", h)]
    assert len(listed) == len(bib.works)


@pytest.mark.slow
def test_text_from_the_bib_is_escaped(project, tmp_path):
    from conftest import run_build
    # As BibTeX writes it: \{ and \} are literal braces, \& a literal ampersand.
    hostile_bib = (r"<script>alert(1)</script> *bold* \{\{ config.site_name \}\} \{pb 1\} "
                   r"[x](http://e.org) \& <b>")
    shown = "<script>alert(1)</script> *bold* {{ config.site_name }} {pb 1} [x](http://e.org) & <b>"
    bib = project / "sources/references.bib"
    # No note cites the added work, so it says `uncited` to be listed all the same.
    bib.write_text(bib.read_text(encoding="utf-8") + (
        "\n@book{hostile,\n  title = {" + hostile_bib + "},\n  location = {Москва},\n"
        "  date = {2001},\n  langid = {russian},\n  keywords = {secondary, uncited},\n}\n"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for folder in ("works", "en/works"):
        path = tmp_path / "site" / folder / "hostile/index.html"
        html = path.read_text(encoding="utf-8")
        # The <title> element is raw text to a browser, so Material's unescaped title there
        # is shown, not run; nowhere else may the markup survive.
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert "</title" not in title
        body = html.replace(title, "")
        assert "<script>alert" not in body and "<b>" not in body
        page = sitehtml.read(path)
        assert not [a for a in page.links if a.attrs["href"] == "http://e.org"]
        assert not page.by_class("page-break") and "<strong>bold" not in body
        assert shown in page.by_tag("h1")[0].text
        assert shown in page.by_class("work-reference")[0].text


def test_english_notes_write_pages_as_the_translators_note_says(ed):
    """The translator's note: «С.» becomes "p.", and "pp." before a range with an en dash."""
    pinpoints = [c.pinpoint for c in ed.citations["en"] if c.pinpoint]
    assert len(pinpoints) >= 15
    for pinpoint in pinpoints:
        assert re.fullmatch(r"p\. [\dIVXLC]+|pp\. \d+–\d+", pinpoint), pinpoint
    # The note is one text of sources/text, which the English home page includes.
    note = ed.texts["translators-note.en"]
    assert "«С.» “p.”" in note and "“pp.” before a range" in note
    assert "{include translators-note.en}" in (paths.DOCS / "en/index.md").read_text(encoding="utf-8")


def test_names_are_split_as_bibtex_splits_them():
    from edition import bibliography
    text = ("@book{x,\n  author = {{Институт истории РАН} and Иванов, И. И. and Jean-Louis Barthou},\n"
            "  title = {T},\n  date = {2001},\n  langid = {russian},\n  keywords = {secondary, uncited},\n}\n")
    work = bibliography.parse(text).works["x"]
    assert [(n.family, n.given) for n in work.names("author")] == [
        ("Институт истории РАН", ""), ("Иванов", "И. И."), ("Barthou", "Jean-Louis")]
