"""The TEI export (scripts/edition/tei.py): valid TEI P5 by the TEI Consortium's own schema,
the witness word for word once its emendations are reversed, both texts complete and aligned,
every pointer resolved, and the sources' text kept as text, markup and all.

The schema is the vendored tests/standards/tei_all.rng (see its README), checked with Debian's
jing. No site build is needed: the document is written from the edition object alone.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import xml.etree.ElementTree as etree
from collections import Counter
from pathlib import Path

import pytest

from edition import bibliography, paths, tei
from edition import edition as edition_module

SCHEMA = Path(__file__).parent / "standards" / "tei_all.rng"
TEI = f"{{{tei.TEI_NS}}}"
VERSION, DATE, SITE = "1.4.0", "2025-03-01", "https://example.org/edition/"
# Debian's /usr/bin/jing is a java-wrappers script that reports, on stderr, optional jars it
# does not find. Those lines are the wrapper's, not the validator's: every other line counts.
WRAPPER_LINE = re.compile(r"^\[warning\] \S*jing: Unable to locate \S+ in \S+$")
POINTERS = ("target", "corresp", "ref", "resp", "decls")


def validate(path: Path) -> tuple[int, list[str]]:
    """jing's exit status and its messages about `path`."""
    jing = shutil.which("jing")
    assert jing, "jing is missing: apt-get install jing (it runs on the Java the tests install)"
    result = subprocess.run([jing, str(SCHEMA), str(path)], capture_output=True, text=True, timeout=300)
    lines = [line for line in (result.stdout + result.stderr).splitlines() if not WRAPPER_LINE.match(line)]
    return result.returncode, lines


def local(node: etree.Element) -> str:
    return node.tag.removeprefix(TEI)


def ids_of(root: etree.Element) -> dict[str, etree.Element]:
    return {node.get(tei.XML_ID): node for node in root.iter() if node.get(tei.XML_ID)}


def as_witness(node: etree.Element) -> str:
    """An element's text as the witness has it: the witness's side of every choice, an
    author's note as its reference [^N], a page start as {pb N}, editorial notes dropped."""
    out = [node.text or ""]
    for child in node:
        tag = local(child)
        if tag == "choice":
            out += [as_witness(c) for c in child if local(c) in ("sic", "orig")]
        elif tag == "note":
            out.append("" if child.get("type") in ("emendation", "editorial") else f"[^{child.get('n')}]")
        elif tag == "pb":
            out.append(f"{{pb {child.get('n')}}}")
        else:
            out.append(as_witness(child))
        out.append(child.tail or "")
    return "".join(out)


def as_read(node: etree.Element) -> str:
    """An element's text as a reader of the edition reads it: the edition's side of every
    choice, without notes and page marks."""
    out = [node.text or ""]
    for child in node:
        tag = local(child)
        if tag == "choice":
            out += [as_read(c) for c in child if local(c) in ("corr", "reg")]
        elif tag not in ("note", "pb"):
            out.append(as_read(child))
        out.append(child.tail or "")
    return "".join(out)


@pytest.fixture(scope="module")
def xml(ed) -> str:
    return tei.document(ed, VERSION, DATE, SITE)


@pytest.fixture(scope="module")
def root(xml) -> etree.Element:
    return etree.fromstring(xml.encode("utf-8"))


@pytest.fixture(scope="module")
def ids(root) -> dict[str, etree.Element]:
    return ids_of(root)


def body(ids, lang: str) -> etree.Element:
    return ids[f"text-{lang}"].find(f"{TEI}body")


def foot_notes(node: etree.Element) -> list[etree.Element]:
    return [n for n in node.iter(f"{TEI}note") if n.get("place") == "foot"]


# --- (1) valid TEI P5 ----------------------------------------------------------------------


def test_the_vendored_schema_keeps_its_release_and_licence():
    opening = SCHEMA.read_text(encoding="utf-8")[:3000]
    assert re.search(r"TEI Edition: P5 Version\s4\.12\.0", opening)  # the file has a no-break space there
    assert "CC+BY and BSD-2" in opening


def test_the_document_is_valid_tei(xml, tmp_path):
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"')
    path = tmp_path / "edition.tei.xml"
    path.write_text(xml, encoding="utf-8")
    status, messages = validate(path)
    assert (status, messages) == (0, [])


def test_the_validator_finds_an_unknown_element(xml, tmp_path):
    # The same call on the document with one element TEI does not have: the test above can fail.
    anchor = '<p xml:id="p5">'
    assert anchor in xml
    bad = xml.replace(anchor, anchor + "<bogus/>", 1)
    line = bad[:bad.index("<bogus/>")].count("\n") + 1
    path = tmp_path / "bad.tei.xml"
    path.write_text(bad, encoding="utf-8")
    status, messages = validate(path)
    assert status == 1
    assert any(re.match(rf"{re.escape(str(path))}:{line}:\d+: error: .*bogus", m) for m in messages), messages


# --- (2) the Russian text is the witness ----------------------------------------------------


@pytest.mark.parametrize("number", range(1, 13))
def test_russian_paragraph_reversed_is_the_witness(number, ids, ed):
    """Every word in order, note references and page starts where the witness has them."""
    expected = edition_module.witness_with_marks(ed.witness.paragraphs[number - 1])
    assert as_witness(ids[f"p{number}"]).split() == expected.split()


@pytest.mark.parametrize("number", range(1, 20))
def test_russian_note_reversed_is_the_witness(number, ids, ed):
    assert as_witness(ids[f"n{number}"]).split() == ed.witness.notes[number].text.split()


def test_summary_and_abstract_reversed_are_the_witness(ids, ed):
    summary = [as_witness(p).split() for p in ids["summary-ru"].iter(f"{TEI}p")]
    assert summary == [block.text.split() for block in ed.witness.summary_ru]
    abstract = [as_witness(p).split() for p in ids["abstract-en"].iter(f"{TEI}p")]
    assert abstract[-1] == ("Keywords: " + ", ".join(ed.witness.keywords_en) + ".").split()
    assert abstract[:-1] == [block.text.split() for block in ed.witness.abstract_en]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_each_paragraph_reads_as_the_edition(lang, ids, ed):
    """The edition's side of the choices (the translation's sic reading in English) is what
    the site shows: edition.paragraphs (whose Markdown emphasis is <hi> here)."""
    for anchor, text in ed.paragraphs[lang]:
        ident = anchor if lang == "ru" else f"en-{anchor}"
        assert as_read(ids[ident]).split() == text.replace("*", "").split(), anchor


def test_notes_20_and_21_are_gaps_saying_why(ids):
    for ident in ("n20", "n21", "en-n20", "en-n21"):
        note = ids[ident]
        (gap,) = list(note)
        assert local(gap) == "gap" and gap.get("reason") == "missing" and not (note.text or "").strip()
        assert "witness" in gap.findtext(f"{TEI}desc") or "источнике" in gap.findtext(f"{TEI}desc")


def test_each_emendation_is_encoded_by_its_kind(ids, ed):
    sides = {"correction": ("sic", "corr"), "deletion": ("sic", "corr"), "normalisation": ("orig", "reg")}
    for entry in ed.emendations.values():
        node = ids[entry.id]
        if entry.is_sic:
            assert local(node) == "sic" and as_read(node) == entry.edition
            assert ids[f"en-{entry.id}"].get("corresp") == f"#{entry.id}"
            assert as_read(ids[f"en-{entry.id}"]) == entry.english
            continue
        witness_side, edition_side = (node.find(TEI + tag) for tag in sides[entry.kind])
        assert local(node) == "choice" and len(node) == 2
        assert as_read(witness_side) == entry.witness and as_read(edition_side) == entry.edition
        assert edition_side.get("resp") == "#edition" and edition_side.get("type") == entry.kind


def test_each_reason_is_given_in_both_languages(root, ed):
    reasons = {n.get("target").split()[0]: n for n in root.iter(f"{TEI}note") if n.get("type") == "emendation"}
    assert sorted(reasons) == sorted(f"#{ident}" for ident in ed.emendations)
    for entry in ed.emendations.values():
        given = {p.get(tei.XML_LANG): p.text for p in reasons[f"#{entry.id}"]}
        assert given == entry.reason


# --- (3) complete: counts, ids, pointers ----------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_twelve_paragraphs_and_twenty_one_notes(lang, ids):
    prefix = "" if lang == "ru" else "en-"
    paragraphs = body(ids, lang).findall(f"{TEI}p")
    assert [p.get(tei.XML_ID) for p in paragraphs] == [f"{prefix}p{n}" for n in range(1, 13)]
    notes = foot_notes(body(ids, lang))
    assert [n.get("n") for n in notes] == [str(n) for n in range(1, 22)]
    assert [n.get(tei.XML_ID) for n in notes] == [f"{prefix}n{n}" for n in range(1, 22)]


def test_page_starts(ids):
    russian = [pb.get("n") for pb in ids["text-ru"].iter(f"{TEI}pb")]
    assert russian == [str(n) for n in range(1, 9)]
    assert [pb.get(tei.XML_ID) for pb in ids["text-ru"].iter(f"{TEI}pb")] == [f"pb{n}" for n in range(1, 9)]
    assert not ids["text-en"].find(f"{TEI}front").findall(f".//{TEI}pb")
    english = list(body(ids, "en").iter(f"{TEI}pb"))
    assert [(pb.get("n"), pb.get("corresp")) for pb in english] == [(str(n), f"#pb{n}") for n in range(3, 9)]


def test_every_id_once_and_every_emendation_present(root, ed):
    counted = Counter(node.get(tei.XML_ID) for node in root.iter() if node.get(tei.XML_ID))
    assert [ident for ident, n in counted.items() if n > 1] == []
    for ident in ed.emendations:
        assert counted[ident] == 1, ident
    choices = list(root.iter(f"{TEI}choice"))
    assert len(choices) == sum(1 for e in ed.emendations.values() if not e.is_sic)


def test_the_translation_has_no_emendation(ids):
    assert not list(ids["text-en"].iter(f"{TEI}choice"))


def test_every_work_is_a_bibl_struct(root, ed):
    structs = [s.get(tei.XML_ID) for s in root.iter(f"{TEI}biblStruct")]
    assert sorted(structs) == sorted(ed.bibliography.works)
    for work in ed.bibliography.works.values():
        struct = next(s for s in root.iter(f"{TEI}biblStruct") if s.get(tei.XML_ID) == work.key)
        hosts = [r.get("target") for r in struct.iter(f"{TEI}relatedItem")]
        assert hosts == ([f"#{work.parent.key}"] if work.parent else [])
        translated = [t.text for t in struct.iter(f"{TEI}title") if t.get("type") == "translated"]
        if work.own("titletranslation"):
            assert work.own("titletranslation") in translated


def test_every_names_entry_is_a_register_entry(ids, ed):
    expected = {"persons": "person", "places": "place", "organisations": "org", "documents": "bibl"}
    for entry in ed.names.values():
        node = ids[entry.id]
        assert local(node) == expected[entry.group], entry.id
        names = {n.get(tei.XML_LANG): n.text for n in node if local(n) == tei.NAME_TAGS[entry.group]
                 and n.get("type") != "bibliographic"}
        assert names == entry.name


def test_life_dates_come_only_from_the_names_file(ids, ed):
    for entry in (e for e in ed.names.values() if e.group == "persons"):
        dates = [(local(n), n.get("when")) for n in ids[entry.id] if local(n) in ("birth", "death")]
        if entry.life:
            born, died = re.split(r"\s*[–-]\s*", entry.life)
            assert dates == [("birth", born), ("death", died)], entry.id
        else:
            assert dates == [], entry.id


def test_every_pointer_resolves(root, ids):
    checked = 0
    for node in root.iter():
        for attribute in POINTERS:
            for pointer in (node.get(attribute) or "").split():
                assert pointer.startswith("#") and pointer[1:] in ids, (local(node), attribute, pointer)
                checked += 1
    assert checked > 500  # names, citations, alignment, emendations: the check is not empty


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_names_are_tagged_in_the_paragraphs(lang, ids, ed):
    """Each tagged name is a form of its entry, and every entry a paragraph names is tagged."""
    tags = {entry.id: tei.NAME_TAGS[entry.group] for entry in ed.names.values()}
    tagged = set()
    for node in body(ids, lang).iter():
        ref = node.get("ref")
        if ref and local(node) in tags.values():
            entry = ed.names[ref[1:]]
            assert local(node) == tags[entry.id] and entry.pattern(lang).fullmatch(as_read(node)), ref
            tagged.add(entry.id)
    named = {entry.id for entry in ed.names.values() if any(entry.forms[lang])
             and any(entry.pattern(lang).search(text) for _, text in ed.paragraphs[lang])}
    assert named - tagged == set()


def test_no_name_is_tagged_in_the_notes(ids):
    for note in foot_notes(ids["text-ru"]) + foot_notes(ids["text-en"]):
        assert not [n for n in note.iter() if n.get("ref")], note.get(tei.XML_ID)


def test_the_russian_notes_point_to_the_works_they_cite(ids, ed):
    for citation in ed.citations["ru"]:
        refs = [r.get("target") for r in ids[f"n{citation.note}"].iter(f"{TEI}ref")]
        assert f"#{citation.key}" in refs, citation


# --- (4) the translation aligned one to one -------------------------------------------------


def test_paragraphs_and_notes_are_aligned(ids):
    for n in range(1, 13):
        assert ids[f"en-p{n}"].get("corresp") == f"#p{n}"
    for n in range(1, 22):
        assert ids[f"en-n{n}"].get("corresp") == f"#n{n}"
    # A note and its translation stand in paragraphs of the same number.
    where = {}
    for lang in ("ru", "en"):
        for paragraph in body(ids, lang).findall(f"{TEI}p"):
            for note in foot_notes(paragraph):
                where[note.get(tei.XML_ID)] = paragraph.get(tei.XML_ID).removeprefix("en-")
    assert all(where[f"n{n}"] == where[f"en-n{n}"] for n in range(1, 22))


def test_english_references_are_written_from_the_bibliography(ids, ed):
    for citation in ed.citations["en"]:
        (ref,) = [r for r in ids[f"en-n{citation.note}"].iter(f"{TEI}ref") if r.get("target") == f"#{citation.key}"]
        work = ed.bibliography[citation.key]
        text = "".join(ref.itertext())  # runs in another language are <foreign> inside it
        if "ibid" in citation.relations:
            assert text == "Ibid."
        elif "opcit" in citation.relations:
            assert text.endswith("Op. cit.")
        else:
            assert text in [tei.gost.reference(work, "en", short=short, place_names=ed.place_names)
                            for short in (False, True, tei.gost.SHORT_SET)]


# --- (5) the header: this release, and no invented facts ------------------------------------


def test_version_and_date_are_in_the_header(root):
    header = root.find(f"{TEI}teiHeader")
    release = header.find(f".//{TEI}editionStmt/{TEI}edition")
    assert release.get("n") == VERSION and VERSION in "".join(release.itertext())
    assert release.find(f"{TEI}date").get("when") == DATE
    publication = header.find(f".//{TEI}publicationStmt")
    assert publication.find(f"{TEI}date").get("when") == DATE
    idnos = {i.get("type"): i.text for i in publication.findall(f"{TEI}idno")}
    assert idnos == {"version": VERSION, "URL": SITE}


def test_a_date_that_is_no_iso_date_is_refused(ed):
    with pytest.raises(ValueError, match="ISO date"):
        tei.document(ed, VERSION, "1 March 2025", SITE)


def test_the_author_and_the_journal_are_not_invented(root, ed):
    header = root.find(f"{TEI}teiHeader")
    author = header.find(f".//{TEI}titleStmt/{TEI}author")
    assert [n.text for n in author] == ["К. К.", "K. K."]
    assert header.find(f".//{TEI}titleStmt/{TEI}respStmt/{TEI}orgName").get(tei.XML_ID) == "edition"
    source = header.find(f".//{TEI}sourceDesc/{TEI}bibl")
    assert [t.get("level") for t in source.findall(f"{TEI}title")] == ["a", "a"]  # no journal title
    assert not source.findall(f"{TEI}date") and not source.findall(f"{TEI}biblScope")
    unknown = "".join(n.text for n in source.findall(f"{TEI}note") if n.get("type") == "unknown")
    for fact in ("journal", "year", "volume", "issue", "page"):
        assert fact in unknown
    assert "licence" in "".join(header.find(f".//{TEI}availability").itertext())


def test_the_document_depends_on_its_arguments_only(ed, xml):
    assert tei.document(ed, VERSION, DATE, SITE) == xml
    other = tei.document(ed, "2.0.0", "2026-01-01", "")
    assert 'n="2.0.0"' in other and 'type="URL"' not in other


# --- (6) hostile text stays text ------------------------------------------------------------

HOSTILE = '<script>alert("pwned")</script> & <b>bold</b> {pb 1} *em* ]]>'


def hostile_edition(ed):
    """The edition with markup in a .bib title, a name, a reason and the site's address."""
    source = paths.BIBLIOGRAPHY.read_text(encoding="utf-8")
    old = "title            = {Совершенно секретно},"
    assert old in source
    escaped = HOSTILE.replace("&", "\\&").replace("{", "\\{").replace("}", "\\}")
    works = bibliography.parse(source.replace(old, "title            = {Совершенно секретно " + escaped + "},"),
                               paths.BIBLIOGRAPHY)
    cuno = ed.names["cuno"]
    names = dict(ed.names, cuno=dataclasses.replace(cuno, name={"ru": "Куно " + HOSTILE, "en": "Cuno " + HOSTILE}))
    e1 = ed.emendations["e1"]
    found = dict(ed.emendations, e1=dataclasses.replace(e1, reason={"ru": HOSTILE, "en": HOSTILE}))
    return dataclasses.replace(ed, bibliography=works, names=names, emendations=found)


def test_hostile_text_stays_text(ed, tmp_path):
    xml = tei.document(hostile_edition(ed), VERSION, DATE, SITE + '?a=1&b="<2>"')
    root = etree.fromstring(xml.encode("utf-8"))
    assert not [n for n in root.iter() if local(n) in ("script", "b")]
    ids = ids_of(root)
    title = next(t for t in ids["gorlov2001"].iter(f"{TEI}title") if t.get("type") == "main")
    assert title.text == "Совершенно секретно " + HOSTILE
    assert '<script>alert("pwned")</script>' in "".join(ids["en-n2"].itertext())
    assert [n.text for n in ids["cuno"] if local(n) == "persName"] == ["Куно " + HOSTILE, "Cuno " + HOSTILE]
    assert HOSTILE in [p.text for n in root.iter(f"{TEI}note") if n.get("target") == "#e1" for p in n]
    assert not [n for n in root.iter(f"{TEI}pb") if n.get("n") == "1" and n.get(tei.XML_ID) != "pb1"]
    path = tmp_path / "hostile.tei.xml"
    path.write_text(xml, encoding="utf-8")
    assert validate(path) == (0, [])


def test_a_character_xml_cannot_hold_is_refused(ed):
    cuno = ed.names["cuno"]
    broken = dataclasses.replace(ed, names=dict(ed.names, cuno=dataclasses.replace(
        cuno, name={"ru": "Куно\x01", "en": "Cuno"})))
    with pytest.raises(ValueError, match="U\\+0001"):
        tei.document(broken, VERSION, DATE, SITE)
