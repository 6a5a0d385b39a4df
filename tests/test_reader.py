"""The reader's edition: citing it, its machine-readable metadata, registers and timeline."""

import json
import re

import bibtexparser
import pytest

import sitehtml
from edition.registers import GROUP_LABELS

pytestmark = pytest.mark.slow

FOUR_PAGES = {("ru", "home"): "index.html", ("ru", "article"): "article/index.html",
              ("en", "home"): "en/index.html", ("en", "article"): "en/article/index.html"}


@pytest.fixture(scope="module")
def meta(ed):
    return ed.metadata


def metas(page, name):
    return [e.attrs["content"] for e in page.by_tag("meta") if e.attrs.get("name") == name]


def json_ld(page):
    blocks = [e.text for e in page.by_tag("script") if e.attrs.get("type") == "application/ld+json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("where", sorted(FOUR_PAGES))
def test_highwire_tags_agree_with_the_metadata_file(where, site, meta, ed):
    lang, _ = where
    page = sitehtml.read(site / FOUR_PAGES[where])
    assert metas(page, "citation_title") == [meta.title[lang]]
    assert metas(page, "citation_author") == [a.display(lang) for a in meta.authors]
    assert metas(page, "citation_language") == [lang]
    assert metas(page, "citation_keywords") == list(meta.keywords["en"])
    assert metas(page, "citation_abstract_html_url")[0].endswith("/" if lang == "ru" else "/en/")
    assert metas(page, "citation_fulltext_html_url")[0].endswith("article/")
    # Unknown facts are not invented: no date, journal or pages while article.yml has none.
    for name, value in (("citation_publication_date", meta.year), ("citation_journal_title", meta.journal),
                        ("citation_firstpage", meta.first_page), ("citation_doi", meta.doi)):
        assert bool(metas(page, name)) == bool(value), name
    references = metas(page, "citation_reference")
    assert len(references) == len(ed.cited_keys) == 15  # 19 notes cite 15 works
    assert any("citation_title=Совершенно секретно" in r for r in references)


@pytest.mark.parametrize("where", sorted(FOUR_PAGES))
def test_json_ld_scholarly_article_links_original_and_translation(where, site, meta):
    lang, kind = where
    data = json_ld(sitehtml.read(site / FOUR_PAGES[where]))
    assert data["@type"] == "ScholarlyArticle" and data["inLanguage"] == lang
    assert ("abstract" in data) == (kind == "home")  # on the page that shows it
    assert data["headline"] == meta.title[lang]
    assert [a["name"] for a in data["author"]] == [a.display(lang) for a in meta.authors]
    assert "datePublished" not in data and "isPartOf" not in data  # unknown: omitted
    if lang == "ru":
        assert data["workTranslation"]["inLanguage"] == "en"
        assert data["workTranslation"]["url"].endswith("/en/article/")
    else:
        assert data["translationOfWork"]["inLanguage"] == "ru"
        assert data["translationOfWork"]["url"].endswith("/article/")


@pytest.mark.parametrize("where", sorted(FOUR_PAGES))
def test_alternate_links_canonical_and_hreflang(where, site):
    path = site / FOUR_PAGES[where]
    page = sitehtml.read(path)
    links = [e.attrs for e in page.by_tag("link")]
    for kind in ("application/x-bibtex", "application/x-research-info-systems",
                 "application/vnd.citationstyles.csl+json"):
        (link,) = [lk for lk in links if lk.get("rel") == "alternate" and lk.get("type") == kind]
        target, _ = sitehtml.resolve(site, path, link["href"])
        assert target.is_file(), link
    assert [lk for lk in links if lk.get("rel") == "canonical"]
    assert {lk.get("hreflang") for lk in links if lk.get("rel") == "alternate" and lk.get("hreflang")} == {"ru", "en"}


def test_citation_files_parse_and_agree(site, meta, ed):
    bib = bibtexparser.parse_string((site / "cite/article.bib").read_text(encoding="utf-8"))
    assert not bib.failed_blocks and len(bib.entries) == 1
    entry = bib.entries[0]
    assert entry["title"] == meta.title["ru"] and entry["author"] == "{К. К.}"
    csl = json.loads((site / "cite/article.json").read_text(encoding="utf-8"))
    assert csl[0]["title"] == meta.title["ru"] and csl[0]["author"] == [{"literal": "К. К."}]
    # The printed article's year is unknown: the only date is this web edition's.
    assert csl[0]["type"] == "webpage" and csl[0]["issued"] == {"date-parts": [[2026, 12, 1]]}
    assert ed.release.date == "2026-12-01"
    records = read_ris((site / "cite/article.ris").read_text(encoding="utf-8"))
    assert len(records) == 1
    assert records[0]["TI"] == [meta.title["ru"]] and records[0]["AU"] == ["К. К."]
    assert records[0]["TY"] == ["ELEC"] and records[0]["PY"] == [ed.release.date[:4]]


def read_ris(text: str) -> list[dict[str, list[str]]]:
    """A plain RIS reader: `TAG  - value` lines, records ending with ER."""
    records, current = [], {}
    for line in text.splitlines():
        match = re.match(r"^([A-Z][A-Z0-9])  - ?(.*)$", line)
        if not match:
            assert not line.strip(), f"not a RIS line: {line!r}"
            continue
        tag, value = match.groups()
        if tag == "ER":
            records.append(current)
            current = {}
        else:
            current.setdefault(tag, []).append(value)
    assert not current, "a record without ER"
    return records


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_how_to_cite_shows_three_forms_and_the_files(lang, site):
    path = site / ("article/index.html" if lang == "ru" else "en/article/index.html")
    page = sitehtml.read(path)
    (box,) = [e for e in page.by_tag("details") if "quote" in e.attrs.get("class", "")]
    text = " ".join(box.text.split())
    for form in ("ГОСТ Р 7.0.5-2008.", "Chicago.", "APA."):
        assert form in text
    assert "(n.d.)" in text and "К. К." in text and "K. K." in text
    suffix = "" if lang == "ru" else "-en"  # each page offers its own records
    for name in (f"article{suffix}.bib", f"article{suffix}.ris", f"article{suffix}.json"):
        hrefs = [h for h in page.hrefs() if h.endswith(f"cite/{name}")]  # the box's and the header's
        assert len(hrefs) == 2 and all(sitehtml.resolve(site, path, h)[0].is_file() for h in hrefs)


# --- registers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_register_occurrences_point_at_paragraphs_naming_the_entry(lang, site, ed):
    register_path = site / ("registers/index.html" if lang == "ru" else "en/registers/index.html")
    article_path = site / ("article/index.html" if lang == "ru" else "en/article/index.html")
    register_html = register_path.read_text(encoding="utf-8")
    paragraph_text = reading_text(article_path)
    entries = ed.names
    checked = 0
    for entry_id, entry in entries.items():
        block = re.search(rf'<span id="{re.escape(entry_id)}"></span>(.*?)</li>', register_html, re.S)
        assert block, entry_id
        anchors = re.findall(r'href="[^"]*article/#(p\d+)"', block.group(1))
        if not any(entry.pattern(lang).search(text) for text in paragraph_text.values()):
            # Named only in a note (W. M. Jordan): the entry says so and leads to the works.
            assert entry.works and not anchors, entry_id
            assert GROUP_LABELS[lang]["not_named"] in block.group(1), entry_id
            assert all(f"works/{key}/" in block.group(1) for key in entry.works), entry_id
            continue
        assert anchors, f"{entry_id} is linked to no paragraph"
        for anchor in anchors:
            assert entry.pattern(lang).search(" ".join(paragraph_text[anchor].split())), (entry_id, anchor)
            checked += 1
    assert checked > 100


def reading_text(path) -> dict[str, str]:
    """The built paragraphs' text as read: without note numbers and paragraph numbers."""
    html = path.read_text(encoding="utf-8")
    html = re.sub(r'<sup id="fnref\d*:[^"]*">.*?</sup>', "", html, flags=re.S)
    html = re.sub(r'<a class="paragraph-link".*?</a>', "", html, flags=re.S)
    page = sitehtml.read(path, html)
    return {e.attrs["id"]: e.text for e in page.by_tag("p") if re.fullmatch(r"p\d+", e.attrs.get("id", ""))}


def test_every_name_in_the_article_belongs_to_a_register_entry(ed):
    """Every capitalised word of the Russian text that does not begin a sentence or a
    quotation is part of a form of some entry."""
    sources = ed
    entries = list(sources.names.values())
    missing = []
    for anchor, text in sources.paragraphs["ru"]:
        covered = [m.span() for e in entries for m in e.pattern("ru").finditer(text)]
        for match in re.finditer(r"(?<![\w-])([A-ZА-ЯЁ][\w-]*)", text):
            word, before = match.group(1), text[:match.start()].rstrip()
            if len(word) == 1 or not before or before[-1] in ".!?«(:[":
                continue  # an initial, or the first word of a sentence or quotation
            if not any(start <= match.start() < end for start, end in covered):
                missing.append(f"{anchor}: {word}")
    assert not missing, missing


def test_the_sic_reading_is_in_the_register(ed):
    hasse = ed.names["hasse"]
    assert "В. Хассе" in hasse.forms["ru"] and hasse.note


# --- timeline ----------------------------------------------------------------------------------


def test_timeline_events_stand_in_their_paragraphs_in_order(ed):
    sources = ed
    events = sources.timeline
    assert events[0].start == (1923, 1, 11) and events[-1].start == (1926,)
    assert [e.start[0] for e in events] == sorted(e.start[0] for e in events)
    dated = [e.start for e in events if len(e.start) == 3]
    assert dated == sorted(dated)
    paragraphs = [text for _, text in sources.paragraphs["ru"]]
    for event in events:
        assert event.quote in " ".join(paragraphs[event.paragraph - 1].split()), event.quote


def test_a_wrong_timeline_quote_stops_the_build(project, tmp_path):
    from conftest import run_build
    data = project / "sources/timeline.yml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "quote: опубликованном 13 января", "quote: опубликованном 14 января"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "sources/timeline.yml:" in result.stdout + result.stderr
    assert "is not in paragraph 4" in result.stdout + result.stderr


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_timeline_page_links_each_event_to_its_paragraph(lang, site, ed):
    path = site / ("timeline/index.html" if lang == "ru" else "en/timeline/index.html")
    page = sitehtml.read(path)
    links = [h for h in page.hrefs() if re.search(r"article/#p\d+$", h)]
    assert len(links) == len(ed.timeline)
    for href in links:
        target, fragment = sitehtml.resolve(site, path, href)
        assert fragment in sitehtml.read(target).ids
    assert ("11–16 января 1923 г." if lang == "ru" else "11–16 January 1923") in path.read_text(encoding="utf-8")
