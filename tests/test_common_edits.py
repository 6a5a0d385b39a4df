"""The README's "Common edits", followed as written on a copy of the project: each builds,
and the site shows the change where the README says it will."""

from __future__ import annotations

import pytest

import sitehtml
from conftest import copy_project, run_build

pytestmark = pytest.mark.slow


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(project, tmp_path):
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "site"


def test_add_a_source_and_cite_it_in_both_languages(tmp_path):
    """Note 6 is made to cite a new entry instead of the one it cites: the new work gets its
    page, in both languages, listing note 6."""
    project = copy_project(tmp_path / "project")
    bib = project / "sources/references.bib"
    edit(bib, "% --- Studies", "@book{alltag-new,\n  title            = {Alltag in der Weimarer Republik. Kindheit und "
         "Jugend in unruhiger Zeit},\n  titletranslation = {Everyday Life in the Weimar Republic},\n"
         "  location         = {München},\n  date             = {1993},\n  langid           = {german},\n"
         "  keywords         = {primary},\n}\n\n% --- Studies")
    edit(bib, "  keywords         = {primary},\n}\n\n@book{alltag-new,", "  keywords         = {primary, uncited},\n}\n\n"
         "@book{alltag-new,")
    edit(project / "docs/ru/article.md", "(cite:alltag1993) S. 76.", "(cite:alltag-new) S. 76.")
    edit(project / "docs/en/article.md", "[^6]: [@alltag1993] p. 76.", "[^6]: [@alltag-new] p. 76.")
    site = build(project, tmp_path)
    for folder in ("", "en/"):
        page = sitehtml.read(site / folder / "works/alltag-new/index.html")
        back = [a.attrs["href"] for a in page.links if "#fnref:6" in a.attrs["href"]]
        assert back, folder
        article = sitehtml.read(site / folder / "article/index.html")
        assert any(a.attrs["href"].endswith("works/alltag-new/") for a in article.links), folder


def test_fix_a_name_form(tmp_path):
    """Cuno's English form changed in names.yml and in the text: the register follows."""
    project = copy_project(tmp_path / "project")
    names = project / "sources/names.yml"
    edit(names, "    name: {ru: Вильгельм Куно, en: Wilhelm Cuno}", "    name: {ru: Вильгельм Куно, en: Wilhelm Kuno}")
    edit(names, "      en: [W. Cuno, Cuno]", "      en: [W. Kuno, Kuno]")
    edit(project / "docs/en/article.md", "Reich Chancellor W. Cuno", "Reich Chancellor W. Kuno")
    site = build(project, tmp_path)
    register = (site / "en/registers/index.html").read_text(encoding="utf-8")
    assert "Wilhelm Kuno" in register and "Wilhelm Cuno" not in register
    assert 'href="../article/#p2"' in register.split("Wilhelm Kuno", 1)[1].split("</li>", 1)[0]


def test_add_an_emendation(tmp_path):
    """A new entry and its {em ID} mark: the text shows the edition's reading, the About
    page lists the entry with its place in the witness."""
    project = copy_project(tmp_path / "project")
    edit(project / "sources/emendations.yml", "- id: s1\n", "- id: e12\n  kind: correction\n  in: note 11\n"
         "  witness: Цит. по\n  edition: Цитируется по\n  reason:\n    ru: Проверка рецепта README.\n"
         "    en: A check of the README's recipe.\n\n- id: s1\n")
    article = project / "docs/ru/article.md"
    text = article.read_text(encoding="utf-8")
    start = text.index("[^11]: ")
    article.write_text(text[:start] + text[start:].replace("Цит. по", "{em e12}", 1), encoding="utf-8")
    site = build(project, tmp_path)
    page = sitehtml.read(site / "article/index.html")
    (mark,) = [e for e in page.by_class("emendation") if e.attrs.get("id") == "em-e12"]
    assert mark.text.startswith("Цитируется по")
    about = (site / "about/index.html").read_text(encoding="utf-8")
    assert 'id="e12"' in about and "Проверка рецепта README." in about


def test_add_an_editor_s_note(tmp_path):
    """An entry anchored to paragraph 12 (its letter at the paragraph's end) gets the letter its
    place in the reading order gives it, in both articles, and its line on both About pages."""
    project = copy_project(tmp_path / "project")
    data = project / "sources/commentary.yml"
    data.write_text(data.read_text(encoding="utf-8") + """
- id: catalyst
  anchor: p12
  text:
    ru: Проверочное примечание.
    en: A test note.
""", encoding="utf-8")
    site = build(project, tmp_path)
    for prefix in ("", "en/"):
        article = sitehtml.read(site / prefix / "article/index.html")
        letters = [a for a in article.links if "editor-note-ref" in a.attrs.get("class", "")]
        assert [(a.text, a.attrs["href"]) for a in letters if a.attrs["href"] == "#ed-catalyst"] == [("f", "#ed-catalyst")]
        assert [a.text for a in letters] == list("abcdefgh")  # the notes on notes 20 and 21 move on
        about = sitehtml.read(site / prefix / "about/index.html")
        assert "ed-catalyst" in about.ids
