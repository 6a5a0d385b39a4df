"""Every citation file the site offers, read back by real clients: bibtexparser 2 and biber
for biblatex, rispy for RIS, citeproc-py for CSL-JSON. Fields are checked one by one against
the .bib, article.yml and the release."""

from __future__ import annotations

import base64
import json
import re
import subprocess
from pathlib import Path

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

import sitehtml

pytestmark = pytest.mark.slow

LANGS = {"ru": "", "en": "-en"}
LANGIDS = {"ru": "russian", "en": "english"}


def _unbrace(value: str) -> str:
    return re.sub(r"[{}]", "", value)


# --- the article's records: each page cites what it is --------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_article_biblatex_reads_back(site, ed, lang):
    text = (site / f"cite/article{LANGS[lang]}.bib").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {f.key: _unbrace(str(f.value)) for f in entry.fields}
    meta, release = ed.metadata, ed.release
    assert entry.entry_type == ("article" if meta.journal else "online")
    assert fields["title"] == meta.title[lang]
    assert fields["author"] == meta.authors[0].display(lang)
    assert fields["langid"] == LANGIDS[lang]
    assert fields["url"].endswith("/article/" if lang == "ru" else "/en/article/")
    assert fields["version"] == release.version
    assert fields["date"] == (release.date if not meta.journal else str(meta.year))
    if lang == "en":
        assert fields["origtitle"] == meta.title["ru"]
        assert "English translation by the edition" in fields["note"]
        assert "The editors of this digital edition" in fields.get("translator", fields.get("organization"))
    else:
        assert "origtitle" not in fields
    assert "journaltitle" not in fields and "pages" not in fields  # unknown, and not invented


@pytest.mark.parametrize("lang", LANGS)
def test_the_article_ris_reads_back(site, ed, lang):
    (record,) = rispy.loads((site / f"cite/article{LANGS[lang]}.ris").read_text(encoding="utf-8"))
    meta, release = ed.metadata, ed.release
    assert record["type_of_reference"] == ("JOUR" if meta.journal else "ELEC")
    assert record["title"] == meta.title[lang] and "translated_title" not in record
    assert record["authors"] == [meta.authors[0].display(lang)]
    assert record["language"] == lang
    assert record["urls"] == [next(u for u in record["urls"] if u.endswith("article/"))]
    assert record["date"] == release.date.replace("-", "/") and record["year"] == release.date[:4]
    assert record["edition"] == f"Version {release.version}"
    if lang == "en":
        assert record["original_publication"] == meta.title["ru"]
    assert " ".join(record["abstract"].split()) == " ".join(ed.abstracts[lang].split())


@pytest.mark.parametrize("lang", LANGS)
def test_the_article_csl_renders_with_a_csl_style(site, ed, lang):
    items = json.loads((site / f"cite/article{LANGS[lang]}.json").read_text(encoding="utf-8"))
    (item,) = items
    meta, release = ed.metadata, ed.release
    assert item["title"] == meta.title[lang] and item["language"] == lang and item["version"] == release.version
    assert item["issued"]["date-parts"] == [[int(p) for p in release.date.split("-")]]
    rendered = _render(items)
    assert meta.title[lang].split(" (")[0] in rendered[0] and item["URL"] in rendered[0]


def _render(items: list[dict]) -> list[str]:
    """The items as citeproc-py formats them with the CSL style it ships."""
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]


def test_each_page_links_its_own_records(site):
    for folder, suffix in (("", ""), ("en/", "-en")):
        page = sitehtml.read(site / folder / "article/index.html")
        html = (site / folder / "article/index.html").read_text(encoding="utf-8")
        for kind in ("bib", "ris", "json"):
            assert f'href="../{"../" if folder else ""}cite/article{suffix}.{kind}"' in html, (folder, kind)
        citation_title = re.search(r'<meta name="citation_title" content="([^"]*)"', html).group(1)
        assert ("Германо" in citation_title) == (folder == "")
        assert page.lang == ("ru" if folder == "" else "en")


# --- the bibliography ------------------------------------------------------------------------


def test_the_bibliography_biblatex_reads_back_in_bibtexparser(site, ed):
    library = bibtexparser.parse_string((site / "works/references.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    parsed = {e.key: {f.key: _unbrace(str(f.value)) for f in e.fields} for e in library.entries}
    assert set(parsed) == set(ed.bibliography.works)
    for key, work in ed.bibliography.works.items():
        for name in ("title", "subtitle", "date", "volume", "location", "langid", "crossref", "origdate"):
            if work.own(name):
                assert parsed[key][name] == work.own(name), (key, name)
        if work.own("titletranslation"):
            assert parsed[key]["usera"] == work.own("titletranslation")


@pytest.mark.parametrize("name", ["works/references.bib", "cite/article.bib", "cite/article-en.bib"])
def test_biber_validates_the_biblatex_files_against_its_data_model(site, ed, tmp_path, name):
    copy = tmp_path / Path(name).name
    copy.write_bytes((site / name).read_bytes())
    result = _biber(copy)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    problems = [line for line in output.splitlines() if line.startswith(("WARN", "ERROR"))]
    # What biblatex's model requires and the notes do not give (a document's author, an
    # editor the notes do not name) stays absent: nothing is invented. Anything else is a fault.
    missing = re.compile(r"WARN - Datamodel: Entry '([^']+)' \([^)]*\): Missing mandatory field '(\w+)'$")
    for line in problems:
        found = missing.match(line)
        assert found, line
        key, field = found.groups()
        work = ed.bibliography.works.get(key)
        # A volume of a set has no title of its own: biblatex makes the set's its maintitle.
        assert work is not None and not (work.own(field) if field == "title" else work.get(field)), line


def _biber(path: Path) -> subprocess.CompletedProcess:
    """Debian's biber checking a file against biblatex's data model (its files beside it)."""
    return subprocess.run(["biber", "--tool", "--output-resolve", "--validate-datamodel", path.name], cwd=path.parent,
                          capture_output=True, text=True, timeout=300)


def test_biber_finds_a_field_outside_the_data_model(tmp_path):
    bad = tmp_path / "bad.bib"
    bad.write_text("@book{x,\n  title = {A},\n  titletranslation = {B},\n  date = {2001},\n}\n", encoding="utf-8")
    result = _biber(bad)
    assert "invalid in data model" in result.stdout + result.stderr


def test_the_bibliography_ris_reads_back(site, ed):
    records = {r["id"]: r for r in rispy.loads((site / "works/references.ris").read_text(encoding="utf-8"))}
    assert set(records) == set(ed.bibliography.works)
    for key, work in ed.bibliography.works.items():
        record = records[key]
        assert "translated_title" not in record, key  # read as the title by some clients
        title = work.own("title") + (": " + work.own("subtitle") if work.own("subtitle") else "")
        if title:
            assert record["title"] == title, key
        assert record["language"] == {"russian": "ru", "german": "de", "english": "en", "french": "fr"}[work.lang]
        assert [a.split(",")[0] for a in record.get("authors", [])] == [n.family for n in work.names("author")]
        assert "publisher" not in record, key  # the notes name no publisher
    # A volume of a set keeps its number and its own year; its documents point to the set.
    volume, document = records["moskva-berlin-1"], records["politburo-1923-01-18"]
    assert volume["volume"] == "1" and volume["year"] == "2011" and volume["secondary_title"].startswith("Москва – Берлин")
    assert document["volume"] == "1" and document["year"] == "2011" and "date" not in document
    assert "Document dated 1923-01-18" in document["notes"]


def test_the_bibliography_csl_renders_every_work(site, ed):
    items = json.loads((site / "works/references.json").read_text(encoding="utf-8"))
    assert {i["id"] for i in items} == set(ed.bibliography.works)
    rendered = _render(items)
    assert len(rendered) == len(items)
    by_key = {i["id"]: i for i in items}
    assert by_key["stein1945"]["container-author"][0]["family"] == "Джордан"
    assert by_key["politburo-1923-01-18"]["volume"] == "1"


def test_every_work_pages_records_read_back(site, ed):
    """Each work page's three downloads, for every work, in both languages, read by the clients."""
    for key, work in ed.bibliography.works.items():
        for folder in ("", "en/"):
            page = sitehtml.read(site / folder / f"works/{key}/index.html")
            saved = {a.attrs["download"]: base64.b64decode(a.attrs["href"].split(",", 1)[1]).decode("utf-8")
                     for a in page.links if "download" in a.attrs}
            library = bibtexparser.parse_string(saved[f"{key}.bib"])
            assert not library.failed_blocks and library.entries[0].key == key
            (record,) = [r for r in rispy.loads(saved[f"{key}.ris"]) if r["id"] == key]
            (item,) = json.loads(saved[f"{key}.json"])
            assert record["language"] == item["language"] == LANGUAGE_CODES[work.lang]
            if work.own("title"):
                assert record["title"].startswith(work.own("title")) and item["title"].startswith(work.own("title"))
            assert _render([item])[0]


LANGUAGE_CODES = {"russian": "ru", "german": "de", "english": "en", "french": "fr"}


def test_each_work_page_offers_its_record_in_three_formats(site, ed):
    for folder in ("", "en/"):
        page = sitehtml.read(site / folder / "works/gorlov2001/index.html")
        saved = {a.attrs["download"]: a.attrs["href"] for a in page.links if "download" in a.attrs}
        assert set(saved) == {"gorlov2001.bib", "gorlov2001.ris", "gorlov2001.json"}, folder
        ris_text = base64.b64decode(saved["gorlov2001.ris"].split(",", 1)[1]).decode("utf-8")
        (record,) = rispy.loads(ris_text)
        assert record["title"].startswith("Совершенно секретно")
        (item,) = json.loads(base64.b64decode(saved["gorlov2001.json"].split(",", 1)[1]))
        assert item["id"] == "gorlov2001"


# --- Citation.js (Node), the library behind many reference tools ---------------------------

NODE_SCRIPT = Path(__file__).with_name("citationjs_read.mjs")


def _citation_js(path: Path, kind: str) -> list[dict]:
    result = subprocess.run(["node", str(NODE_SCRIPT), str(path), kind], capture_output=True, text=True,
                            timeout=120, cwd=Path(__file__).parents[1])
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def _issued(item: dict) -> list[int]:
    return item["issued"]["date-parts"][0]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind, extension", [("bibtex", "bib"), ("ris", "ris"), ("csl", "json")])
def test_citation_js_reads_the_article_records(site, ed, lang, kind, extension):
    (item,) = _citation_js(site / f"cite/article{LANGS[lang]}.{extension}", kind)
    meta, release = ed.metadata, ed.release
    assert item["title"] == meta.title[lang], item.get("title")  # not the translated title
    assert item["URL"].endswith("/article/" if lang == "ru" else "/en/article/")
    assert _issued(item) == [int(p) for p in release.date.split("-")]
    assert item["language"] in (lang, LANGIDS[lang])
    assert "volume" not in item and "page" not in item  # unknown, not invented


@pytest.mark.parametrize("kind, extension", [("bibtex", "bib"), ("ris", "ris"), ("csl", "json")])
def test_citation_js_reads_the_bibliography(site, ed, kind, extension):
    items = {i["id"]: i for i in _citation_js(site / f"works/references.{extension}", kind)}
    assert set(items) == set(ed.bibliography.works), sorted(set(items) ^ set(ed.bibliography.works))
    gorlov = items["gorlov2001"]
    assert gorlov["title"].startswith("Совершенно секретно") and _issued(gorlov)[0] == 2001
    assert gorlov["author"][0]["family"] == "Горлов"
    document = items["politburo-1923-01-18"]
    assert str(document["volume"]) == "1" and _issued(document)[0] == 2011, document
    assert items["zeidler1993"]["language"] in ("de", "german")


# --- the references as the pages write them --------------------------------------------------


def test_the_bibliography_lists_works_in_gost_order(site, ed):
    """Cyrillic before Latin; within each, by the heading or the title a reader sees, a
    volume of a set filed under the set's title, right after it."""
    for folder in ("", "en/"):
        page = (site / folder / "works/index.html").read_text(encoding="utf-8")
        keys = re.findall(r'<a href="([\w-]+)/"', page.split('<h2 id="', 1)[1])
        listed = [k for k in dict.fromkeys(keys) if k in ed.bibliography.works]
        assert len(listed) == len(ed.bibliography.works)
        assert listed.index("moskva-berlin-1") == listed.index("moskva-berlin") + 1, folder
        for group in ("primary", "secondary"):  # sources, then studies; in each, Latin script last
            members = [k for k in listed if ed.bibliography[k].group == group]
            latin = [k for k in members if ed.bibliography[k].lang == "german"]
            assert latin and members[-len(latin):] == latin, (folder, group, members)


def test_no_description_repeats_its_imprint(ed):
    from edition import gost
    for work in ed.bibliography.works.values():
        for lang in ("ru", "en"):
            text = gost.reference(work, lang, place_names=ed.place_names)
            imprints = re.findall(r"(?:М\.|Moscow|München|Paderborn), \d{4}\.", text)
            assert len(imprints) == len(set(imprints)), (work.key, lang, text)


def test_the_english_page_describes_the_translation(site, ed):
    html = (site / "en/article/index.html").read_text(encoding="utf-8")
    (data,) = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    assert data["inLanguage"] == "en" and data["headline"] == ed.metadata.title["en"]
    assert data["translationOfWork"]["name"] == ed.metadata.title["ru"]
    original = data["translationOfWork"]["url"]
    assert original.endswith("/article/") and not original.endswith("/en/article/")
    assert data["translator"]["name"] == "The editors of this digital edition"
    assert re.search(r'<meta name="citation_online_date" content="2026/12/01">', html)
    assert '<meta name="citation_publication_date"' not in html  # the printed article's date is unknown
