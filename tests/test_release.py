"""The edition as a citable, versioned publication: one version and date on every page and
in every citation file, a changelog, the TEI linked and valid, cite-as, CITATION.cff."""

from __future__ import annotations

import json
import re
import subprocess

import jsonschema
import pytest
import yaml

import sitehtml
from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def release(ed):
    return ed.release


def _footer(html: str) -> str:
    found = re.search(r'<div class="md-copyright__highlight edition-version">(.*?)</div>', html, re.S)
    assert found, "no version in the footer"
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


def test_every_page_shows_the_same_version_and_date(site, release):
    expected = {"ru": f"Версия {release.version} от {release.date_label('ru')} · Изменения и исправления",
                "en": f"Version {release.version}, {release.date_label('en')} · Updates and corrections"}
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        lang = "en" if path.relative_to(site).parts[0] == "en" else "ru"
        assert _footer(path.read_text(encoding="utf-8")) == expected[lang], path
    assert len(pages) > 50


def test_every_citation_names_the_version_and_date(site, release):
    bib = (site / "cite/article.bib").read_text(encoding="utf-8")
    assert f"version = {{{release.version}}}" in bib and f"date = {{{release.date}}}" in bib
    ris = (site / "cite/article.ris").read_text(encoding="utf-8")
    assert f"ET  - Version {release.version}" in ris and f"DA  - {release.date.replace('-', '/')}" in ris
    (item,) = json.loads((site / "cite/article.json").read_text(encoding="utf-8"))
    assert item["version"] == release.version and release.date in item["note"]
    day, month, year = release.date.split("-")[::-1]
    for page in ("index.html", "en/article/index.html"):  # the how-to-cite block: GOST, Chicago, APA
        text = " ".join(re.sub(r"<[^>]+>", " ", (site / page).read_text(encoding="utf-8")).split())
        assert f"Версия {release.version} от {day}.{month}.{year}." in text, page  # GOST
        assert f"version {release.version}, {release.date_label('en')}" in text, page  # Chicago
        assert f"(Version {release.version}, {release.date_label('en')})" in text, page  # APA


def test_the_changelog_lists_every_release_newest_first(site, ed):
    for folder, lang in (("", "ru"), ("en/", "en")):
        page = sitehtml.read(site / folder / "changelog/index.html")
        versions = [h.text.split()[-1].rstrip("¶") for h in page.by_tag("h2") if h.attrs.get("id", "").startswith("v")]
        assert versions == [r.version for r in ed.releases], lang
        html = (site / folder / "changelog/index.html").read_text(encoding="utf-8")
        first = html.split('id="v1-0-0"')[0]
        assert ("Исправления текста" if lang == "ru" else "Corrections of the text") in first
        assert ("Изменения сайта" if lang == "ru" else "Changes to the site") in first


def test_the_article_pages_link_the_tei_and_the_address_to_cite(site):
    for folder, lang in (("", "ru"), ("en/", "en")):
        for page in ("", "article/"):
            path = site / folder / page / "index.html"
            html = path.read_text(encoding="utf-8")
            tei = re.search(r'<link rel="alternate" type="application/tei\+xml" href="([^"]+)"', html)
            assert tei, path
            target, _ = sitehtml.resolve(site, path, tei.group(1))
            assert target == site / "data/edition.tei.xml"
            cite_as = re.search(r'<link rel="cite-as" href="([^"]+)">', html).group(1)
            assert cite_as.endswith(f"{folder}article/"), path
        about = (site / folder / "about/index.html").read_text(encoding="utf-8")
        suffix = "" if lang == "ru" else "-en"
        for download in ("data/edition.tei.xml", "works/references.bib", "works/references.ris", "works/references.json",
                         f"cite/article{suffix}.bib", f"cite/article{suffix}.ris", f"cite/article{suffix}.json"):
            assert download in about, (lang, download)


def test_the_published_tei_is_valid(site):
    result = subprocess.run(["jing", str(ROOT / "tests/standards/tei_all.rng"), str(site / "data/edition.tei.xml")],
                            capture_output=True, text=True, timeout=120)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if "[warning]" not in line]
    assert result.returncode == 0 and not errors, "\n".join(errors[:20])


def test_citation_cff_is_valid_and_current(ed):
    from edition import release_files
    schema = json.loads((ROOT / "tests/standards/citation-file-format-1.2.0.schema.json").read_text(encoding="utf-8"))
    for name, text in release_files.files(ed).items():
        assert (ROOT / name).read_text(encoding="utf-8") == text, f"{name} is stale: run make release-files"
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    cff["date-released"] = str(cff["date-released"])  # as cffconvert reads it: a string
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cff)
    assert cff["version"] == ed.release.version and cff["date-released"] == ed.release.date
    assert "doi" not in cff or ed.metadata.edition_doi  # no DOI invented
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert zenodo["version"] == ed.release.version and zenodo["publication_date"] == ed.release.date


def test_the_cff_check_can_fail():
    schema = json.loads((ROOT / "tests/standards/citation-file-format-1.2.0.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate({"cff-version": "1.2.0", "title": "x", "authors": []})


def test_the_published_tei_counts_what_the_site_shows(site):
    """The TEI of the built site and the built pages hold the same paragraphs, notes, page
    starts, emendations, works and register entries."""
    from xml.etree import ElementTree

    tei = ElementTree.parse(site / "data/edition.tei.xml").getroot()
    ns = "{http://www.tei-c.org/ns/1.0}"
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    texts = {t.get(xml_lang): t for t in tei.iter(f"{ns}text") if t.find(f"{ns}body") is not None}
    for lang, folder in (("ru", ""), ("en", "en/")):
        article = sitehtml.read(site / folder / "article/index.html")
        shown_paragraphs = [e for e in article.by_tag("p") if re.fullmatch(r"p\d+", e.attrs.get("id", ""))]
        tei_paragraphs = [p for p in texts[lang].find(f"{ns}body").iter(f"{ns}p") if p.get(xml_id)]
        assert len(tei_paragraphs) == len(shown_paragraphs) == 12, lang
        shown_notes = [e for e in article.elements if re.fullmatch(r"fn:\d+", e.attrs.get("id", ""))]
        assert len(list(texts[lang].iter(f"{ns}note"))) >= len(shown_notes) == 21, lang
        tei_notes = [n for n in texts[lang].iter(f"{ns}note") if n.get("place") == "foot"]
        assert len(tei_notes) == len(shown_notes), lang
        shown_pages = [e.attrs["data-page"] for e in article.by_class("page-break")]
        tei_pages = [pb.get("n") for pb in texts[lang].find(f"{ns}body").iter(f"{ns}pb")]
        assert tei_pages == shown_pages, lang
    shown_emendations = {e.attrs["id"].removeprefix("em-") for folder in ("", "en/")
                         for e in sitehtml.read(site / folder / "article/index.html").elements
                         if e.attrs.get("id", "").startswith("em-")}
    tei_ids = {e.get(xml_id) for e in tei.iter()}
    assert shown_emendations <= tei_ids and len(shown_emendations) == 12
    works = {p.parent.name for p in (site / "works").glob("*/index.html")}
    assert works == {b.get(xml_id) for b in tei.iter(f"{ns}biblStruct")}
    registers = sitehtml.read(site / "registers/index.html")
    entries = {e.attrs["id"] for e in registers.elements if e.tag == "span" and e.attrs.get("id")}
    listed = {e.get(xml_id) for tag in ("person", "place", "org", "bibl") for e in tei.iter(f"{ns}{tag}")
              if e.get(xml_id) in entries}
    assert entries and listed == entries
