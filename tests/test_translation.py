"""The translation keeps the conventions its translator's note states (sources/text/
translators-note.en.md): one English form per person, with the author's initials, in the text,
the timeline and the registers, and the bibliography's romanized form reachable from the
register; places of publication in English; "p." and "pp." with unspaced ranges; figures
and thousands; quotation marks and dashes; one spelling. Each check is a function that returns
what it finds wrong, run on the real edition and, in its `_can_fail` twin, on a broken copy,
so that no check passes by finding nothing to look at."""

from __future__ import annotations

import html
import re

import pytest

from edition import gost, marks, paths
from edition.labels import LABELS
from edition.registers import GROUP_LABELS
from edition.romanize import is_cyrillic, romanize

NOTE = "translators-note.en"
SUMMARY = "summary-translation.en"


# --- the English prose of the edition ------------------------------------------------------------

ITALIC = re.compile(r"\*[^*\n]+\*")  # in the English text, titles in their own language


def prose(ed) -> list[tuple[str, str]]:
    """(place, text) for every piece of the edition's English prose: the article's paragraphs
    as read (the titles in italics, which keep their own language, left out), the words of the
    notes around their references, the timeline, the registers' names, roles and remarks, the
    translation of the summary and the translator's note."""
    found = [(f"paragraph {anchor}", ITALIC.sub("", text)) for anchor, text in ed.paragraphs["en"]]
    found += [(f"note {label}", re.sub(marks.CITE_TOKEN, "", note.text))
              for label, note in ed.articles["en"].notes.items()]
    for event in ed.timeline:
        found += [(f"timeline line {event.line}", event.event["en"])]
        found += [(f"timeline line {event.line} (date)", event.label["en"])] if "en" in event.label else []
    for entry in ed.names.values():
        found += [(f"names.yml {entry.id} ({field})", value["en"])
                  for field, value in (("name", entry.name), ("role", entry.role), ("note", entry.note)) if value]
    found += [(SUMMARY, block) for block in ed.texts[SUMMARY].split("\n\n") if block.strip()]
    romanized = re.compile(r'<span lang="ru-Latn">[^<]*</span>')  # the catalogue's forms, quoted
    found += [(NOTE, romanized.sub("", block)) for block in ed.texts[NOTE].split("\n\n") if block.strip()]
    return found


def english_pages() -> list[tuple[str, str]]:
    """The English pages' own Markdown (not the included texts, read by prose())."""
    return [(path.name, path.read_text(encoding="utf-8")) for path in sorted((paths.DOCS / "en").glob("*.md"))]


# --- names: one English form per person, with the author's initials -----------------------------

INITIALS = r"(?:[A-Z]\.\s?)+"


def name_form_problems(texts: list[tuple[str, str]], entries) -> list[str]:
    """Every person named with initials is named in one of the forms names.yml gives."""
    problems = []
    persons = [e for e in entries.values() if e.group == "persons"]
    for place, text in texts:
        for entry in persons:
            family = re.escape(entry.sort["en"])
            for match in re.finditer(rf"(?<![\w.]){INITIALS}\s?(?:von\s)?{family}(?![\w-])", text):
                form = " ".join(match.group().split())
                if form not in entry.forms["en"]:
                    problems.append(f"{place}: “{form}” is not a form of {entry.id} in names.yml")
            ala_lc = romanize(entry.sort["ru"])
            if ala_lc != entry.sort["en"] and re.search(rf"(?<!\w){re.escape(ala_lc)}(?!\w)", text):
                problems.append(f"{place}: “{ala_lc}”, the catalogue's romanization, for {entry.sort['en']}")
    return problems


def test_persons_have_one_english_form_everywhere(ed):
    assert not name_form_problems(prose(ed), ed.names)


def test_persons_have_one_english_form_everywhere_can_fail(ed):
    broken = [("paragraph p2", "As the historian B. Shtein rightly observes"),
              ("timeline", "H. Seeckt and O. Hasse meet"), ("role", "introduced by Shteĭn")]
    assert len(name_form_problems(broken, ed.names)) == 3


def alignment_problems(pairs: list[tuple[str, str, str]], entries) -> list[str]:
    """(place, Russian, English): a name in the Russian has its English form in the English."""
    return [f"{place}: {entry.id}" for place, ru, en in pairs for entry in entries.values()
            if entry.pattern("ru").search(ru) and not entry.pattern("en").search(en)]


def _timeline_and_roles(ed) -> list[tuple[str, str, str]]:
    pairs = [(f"timeline line {e.line}", e.event["ru"], e.event["en"]) for e in ed.timeline]
    pairs += [(f"names.yml {e.id} ({field})", value["ru"], value["en"])
              for e in ed.names.values() for field, value in (("role", e.role), ("note", e.note)) if value]
    return pairs


def test_timeline_and_registers_name_whom_the_russian_names(ed):
    """As tests/test_languages.py checks the paragraphs: the same names, in their English forms."""
    assert not alignment_problems(_timeline_and_roles(ed), ed.names)


def test_timeline_and_registers_name_whom_the_russian_names_can_fail(ed):
    pairs = [(p, ru, en.replace("Sklyansky", "Sklianskii")) for p, ru, en in _timeline_and_roles(ed)]
    assert any(problem.endswith(": sklyansky") for problem in alignment_problems(pairs, ed.names))


def initials_problems(entries, sic_readings: set[str]) -> list[str]:
    """The English gives as many initials as the author (Н. Н. Крестинский, N. N. Krestinsky;
    Н. Крестинский, N. Krestinsky), each the initial of the name's English form in the register
    (И. В. Сталин, J. V. Stalin, for Joseph): a sic reading apart (V. Hasse)."""
    problems = []
    for entry in (e for e in entries.values() if e.group == "persons"):
        counts = {}
        for lang in ("ru", "en"):
            counts[lang] = sorted({len(re.findall(r"(?<!\w)\w\.", f)) for f in entry.forms[lang]
                                   if f not in sic_readings} - {0})
        if counts["ru"] != counts["en"]:
            problems.append(f"{entry.id}: the author gives {counts['ru']} initials, the English {counts['en']}")
        given = entry.name["en"].split()[0]
        if not given.endswith("."):  # the register knows the first name: the initials follow it
            for form in entry.forms["en"]:
                if re.match(r"[A-Z]\.", form) and form not in sic_readings and form[0] != given[0]:
                    problems.append(f"{entry.id}: “{form}” does not begin with the initial of {given}")
    return problems


def test_initials_are_the_authors_in_their_english_form(ed):
    sic = {e.english for e in ed.emendations.values() if e.is_sic}
    assert not initials_problems(ed.names, sic)


def test_initials_are_the_authors_in_their_english_form_can_fail(ed):
    from dataclasses import replace
    entries = dict(ed.names)
    entries["stalin"] = replace(entries["stalin"], forms={"ru": ("И. В. Сталину",), "en": ("I. V. Stalin",)})
    entries["krestinsky"] = replace(entries["krestinsky"], forms={"ru": ("Н. Н. Крестинским",), "en": ("N. Krestinsky",)})
    assert len(initials_problems(entries, set())) >= 2


# --- names: the bibliography's romanized form, reached from the register ------------------------


def cross_reference_problems(entries, bibliography) -> list[str]:
    """A person of the registers who wrote a work of the bibliography lists it (`works`), so
    that the register gives the name as the bibliography writes it («Shteĭn B. E.»)."""
    problems = []
    persons = {e.sort["ru"]: e for e in entries.values() if e.group == "persons"}
    persons |= {e.sort["en"]: e for e in entries.values() if e.group == "persons"}
    for work in bibliography.works.values():
        for author in work.names("author"):
            entry = persons.get(author.family)
            if entry is not None and work.key not in entry.works:
                problems.append(f"{entry.id} wrote {work.key}, but names.yml does not list it under works")
    for entry in entries.values():
        for key in entry.works:
            if entry.sort["ru"] not in [a.family for a in bibliography[key].names("author")] + [entry.sort["en"]] \
                    and entry.sort["en"] not in [a.family for a in bibliography[key].names("author")]:
                problems.append(f"{entry.id}: {key} is not by {entry.sort['ru']}")
    return problems


def test_registers_lead_to_the_bibliographys_form_of_each_author(ed):
    assert not cross_reference_problems(ed.names, ed.bibliography)
    assert ed.names["shtein"].works == ("stein1945",) and ed.names["jordan"].works == ("jordan1945",)


def test_registers_lead_to_the_bibliographys_form_of_each_author_can_fail(ed):
    from dataclasses import replace
    entries = dict(ed.names)
    entries["jordan"] = replace(entries["jordan"], works=())
    assert cross_reference_problems(entries, ed.bibliography) == [
        "jordan wrote jordan1945, but names.yml does not list it under works"]


@pytest.mark.slow
def test_the_built_register_gives_the_bibliographys_form(site, ed):
    page = (site / "en/registers/index.html").read_text(encoding="utf-8")
    for entry in (e for e in ed.names.values() if e.works):
        item = page[page.index(f'id="{entry.id}"'):]
        item = item[:item.index("</li>")]
        for key in entry.works:
            heading = gost.plain(gost.heading(ed.bibliography[key], gost.Style("en")))
            assert f'href="../works/{key}/"' in item, entry.id
            assert heading in html.unescape(re.sub(r"<[^>]+>", "", item)), (entry.id, heading)
    shtein = page[page.index('id="shtein"'):]
    assert "Shteĭn B. E." in html.unescape(re.sub(r"<[^>]+>", "", shtein[:shtein.index("</li>")]))


# --- places of publication --------------------------------------------------------------------------


def place_problems(bibliography, place_names: dict[str, str]) -> list[str]:
    """Every place of publication has its English form in names.yml, and the English
    references write that form, never the bibliography's own where the two differ."""
    problems = []
    for work in bibliography.works.values():
        location = work.get("location")
        if not location:
            continue
        if location not in place_names:
            problems.append(f"{work.key}: no English form of '{location}' in names.yml (places or imprints)")
            continue
        text = gost.plain(gost.reference(work, "en", place_names=place_names))
        english = place_names[location]
        if f"{english}, " not in text or (english != location and f"{location}, " in text):
            problems.append(f"{work.key}: {text}")
    return problems


def test_places_of_publication_are_english(ed):
    assert not place_problems(ed.bibliography, ed.place_names)
    assert ed.place_names["München"] == "Munich" and ed.place_names["Москва"] == "Moscow"


def test_places_of_publication_are_english_can_fail(ed):
    without_munich = {k: v for k, v in ed.place_names.items() if k != "München"}
    assert len(place_problems(ed.bibliography, without_munich)) == 3  # Zeidler, Alltag, Seidt


@pytest.mark.slow
def test_the_built_english_notes_and_bibliography_write_munich(site):
    for page in ("en/article/index.html", "en/works/index.html", "en/works/zeidler1993/index.html"):
        text = html.unescape(re.sub(r"<[^>]+>", "", (site / page).read_text(encoding="utf-8")))
        assert "Munich, 1993" in text and "München, " not in text and "Moskva, " not in text, page
    russian = (site / "works/index.html").read_text(encoding="utf-8")
    assert "München, 1993" in russian  # the Russian keeps the author's form


# --- page references ----------------------------------------------------------------------------------

PINPOINT = re.compile(r"^(?:p\. (?:\d+|[IVXLC]+)|pp\. \d+–\d+)$")


def note_pinpoint_problems(notes: dict[str, str]) -> list[str]:
    """What follows a reference in an English note: "p. 76", "pp. 150–152", nothing else."""
    problems = []
    for label, text in notes.items():
        for match in re.finditer(marks.CITE_TOKEN + r"\s*([^\n]*?)\.?$", text):
            pinpoint = match.group(3).strip()
            if pinpoint and not PINPOINT.match(pinpoint):
                problems.append(f"note {label}: “{pinpoint}”")
        if re.search(r"(?<!\w)(?:P|С|S|pp?)\.\s*\d+\s*[-–]\s+\d|\bP\. \d", re.sub(marks.CITE_TOKEN, "", text)):
            problems.append(f"note {label}: {text}")
    return problems


def test_english_notes_write_p_and_pp_with_unspaced_ranges(ed):
    notes = {label: note.text for label, note in ed.articles["en"].notes.items()}
    assert not note_pinpoint_problems(notes)
    assert sum(bool(re.search(r"\bpp?\. ", text)) for text in notes.values()) >= 15


def test_english_notes_write_p_and_pp_with_unspaced_ranges_can_fail():
    broken = {"9": "[@vtsik-1923-01-13] P. 150 – 152.", "15": "See on this: [@seidt2002] S. 148–150.",
              "4": "[@stein1945] pp. XIII.", "6": "[@alltag1993] p. 76."}
    assert sorted(p.split(":")[0] for p in note_pinpoint_problems(broken)) == ["note 15", "note 4", "note 9", "note 9"]


@pytest.mark.slow
def test_the_built_english_notes_write_p_and_pp(site):
    page = (site / "en/article/index.html").read_text(encoding="utf-8")
    notes = re.findall(r'<li id="fn:(\d+)">(.*?)</li>', page, re.S)
    assert len(notes) == 21
    for number, body in notes:
        after = html.unescape(re.sub(r"<[^>]+>", "", body.rsplit("</a>", 2)[-2] if body.count("</a>") > 1 else ""))
        assert not re.search(r"\bP\. \d|\d\s+[–-]\s+\d(?!\d* gg)", after.split("]")[-1]), (number, after)
    assert "pp. 150–152." in page and "P. 150" not in page


# --- figures and ranges ----------------------------------------------------------------------------------


def number_problems(texts: list[tuple[str, str]]) -> list[str]:
    """Figures as the translator's note writes them: 100,000, not «100 thousand»; millions in
    words; a range of figures with an unspaced en dash (1923–1933, 22–28 February)."""
    rules = [
        (re.compile(r"\d\s*(?:thousand|thous\.|mln|bn|mn)\b"), "a figure with «тыс.» or «млн» translated word for word"),
        (re.compile(r"(?<![\d,.])\d{5,}(?![\d,])"), "five figures or more without a comma"),
        (re.compile(r"(?<![\w.])\d[\d,]*\s+[–—-]\s+\d"), "a range of figures with spaces around its dash"),
        (re.compile(r"(?<![\w.-])\d+-\d+(?![\w-])"), "a range of figures with a hyphen"),
        (re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\s+\d{1,2}\b(?!,\d)"), "a date written month first"),
    ]
    return [f"{place}: {why}: …{text[max(0, m.start() - 20):m.end() + 20]}…"
            for place, text in texts for rule, why in rules for m in rule.finditer(text)]


def test_figures_and_ranges_follow_the_translators_note(ed):
    assert not number_problems(prose(ed))


def test_figures_and_ranges_follow_the_translators_note_can_fail():
    broken = [("p7", "no more than 100 thousand men"), ("p7", "about 400000 men"), ("p1", "in 1923 – 1933"),
              ("p9", "on 22-28 February"), ("timeline", "On February 2, 1923")]
    assert len(number_problems(broken)) == 5


def reference_range_problems(descriptions: list[tuple[str, str]]) -> list[str]:
    """In the English references, the edition's own words (outside a romanized or German
    title, which keeps the author's spacing) write a range with an unspaced en dash."""
    return [f"{place}: “{piece}”" for place, text in descriptions for code, piece in gost.segments(text)
            if not code and re.search(r"\d\s+[–-]\s+\d|\d-\d", piece)]


def _descriptions(ed) -> list[tuple[str, str]]:
    styles = [gost.Style("en", ed.place_names, marked=True)]
    out = [(work.key, gost.describe(work, style)) for work in ed.bibliography.works.values() for style in styles]
    for citation in ed.citations["en"]:
        mode = re.search(marks.CITE_TOKEN, ed.articles["en"].notes[str(citation.note)].text).group(2)
        out.append((f"note {citation.note}", gost.citation_text(ed.bibliography[citation.key], mode, "en",
                                                                 ed.place_names, marked=True)))
    return out


def test_english_references_write_unspaced_ranges(ed):
    found = _descriptions(ed)
    assert not reference_range_problems(found)
    assert any("Moscow, 1956–2000" in text for _, text in found)
    assert any("Vol. 1: 1920–1926" in text for _, text in found)


def test_english_references_write_unspaced_ranges_can_fail(ed):
    spaced = [(place, text.replace("1956–2000", "1956 – 2000")) for place, text in _descriptions(ed)]
    assert reference_range_problems(spaced)


def test_note_14_keeps_the_number_of_volumes_as_the_author_does(ed):
    """The author shortens notes 14, 17 and 19, and only note 14 keeps «В 3-х т.»."""
    ru = {n: ed.articles["ru"].notes[n].text for n in ("14", "17", "19")}
    en = {c.note: gost.plain(gost.citation_text(ed.bibliography[c.key], re.search(
        marks.CITE_TOKEN, ed.articles["en"].notes[str(c.note)].text).group(2), "en", ed.place_names))
        for c in ed.citations["en"] if c.note in (14, 17, 19)}
    assert "В 3-х т." in ru["14"] and "In 3 vols. Moscow, 2011. Vol. 1: 1920–1926." in en[14]
    for note in (17, 19):
        assert "3 т." not in ru[str(note)] and "3 vols." not in en[note]


# --- quotation marks, dashes, spelling ----------------------------------------------------------------


def punctuation_problems(texts: list[tuple[str, str]]) -> list[str]:
    """Curly double quotation marks, balanced; guillemets only around Russian; a spaced en dash
    as a dash; no em dash, minus sign, double hyphen or spaced hyphen; apostrophes straight."""
    problems = []
    for place, text in texts:
        text = re.sub(r"<[^>]+>|`[^`]*`|\{[^{}]*\}", "", text)  # tags, code, attribute lists
        if '"' in text or "„" in text:
            problems.append(f"{place}: a straight or German quotation mark")
        if text.count("“") != text.count("”"):
            problems.append(f"{place}: unbalanced quotation marks")
        if text.count("‘") != text.count("’"):
            problems.append(f"{place}: a curly apostrophe or an unbalanced inner quotation mark")
        for quoted in re.findall(r"«([^»]*)»", text):
            if not is_cyrillic(quoted) and re.search(r"[A-Za-z]", quoted):  # «…», «|3»: the Russian's signs
                problems.append(f"{place}: guillemets around words that are not Russian: «{quoted}»")
        if re.search(r"—|−|--| - ", text):
            problems.append(f"{place}: an em dash, a minus sign or a hyphen as a dash")
    return problems


def test_quotation_marks_and_dashes(ed):
    assert not punctuation_problems(prose(ed))


def test_quotation_marks_and_dashes_can_fail():
    broken = [("p2", 'the words "were a weapon"'), ("p2", "the words “were a weapon"), ("p2", "«Fokker D-XIII»"),
              ("p2", "these words − so recalls"), ("p2", "Germany’s side")]
    assert len(punctuation_problems(broken)) == 5


SPELLING = re.compile(
    r"\b(?:defense|offense|gasoline|color|labor|honor|center|toward|organis\w*|normalis\w*|recognis\w*|"
    r"authoris\w*|romanis\w*|harmonis\w*|realis\w*|summaris\w*|characteris\w*|emphasis(?:e|ed|es|ing)|"
    r"criticis\w*|utilis\w*|analyze\w*|catalog|dialog|program|traveled|traveling|modeled)\b", re.I)


def spelling_problems(texts: list[tuple[str, str]]) -> list[str]:
    """British spelling with -ize, as the translator's note says."""
    return [f"{place}: “{m.group()}”" for place, text in texts
            for m in SPELLING.finditer(re.sub(r"`[^`]*`|\{[^{}]*\}|#\w+|\(\w+\.md[^)]*\)", "", text))]


def _interface_words() -> list[tuple[str, str]]:
    words = [(f"labels.py {key}", value) for key, value in LABELS["en"].items()]
    return words + [(f"registers.py {key}", value) for key, value in GROUP_LABELS["en"].items()]


def test_one_spelling(ed):
    assert not spelling_problems(prose(ed) + english_pages() + _interface_words())


def test_one_spelling_can_fail():
    assert len(spelling_problems([("p6", "a joint defense"), ("registers", "Persons, organisations"),
                                  ("p7", "food and gasoline")])) == 3


# --- the summary and the translator's note -------------------------------------------------------------


def test_the_summary_is_translated_beside_the_authors_abstract(ed):
    home = (paths.DOCS / "en/index.md").read_text(encoding="utf-8")
    assert home.index("{include abstract.en}") < home.index(f"{{include {SUMMARY}}}") < home.index("{cite}")
    translation = [b for b in ed.texts[SUMMARY].split("\n\n") if b.strip() and not b.startswith("#")]
    assert len(translation) == len(ed.witness.summary_ru)
    assert ed.texts[SUMMARY].startswith("## Summary, translated by the edition")
    # The note on where the abstract departs quotes the summary and the abstract word for word.
    notes = re.findall(r"^- «([^»]+)» \([^)]*\) becomes “([^”]+)”", home, re.M)
    assert len(notes) >= 5
    summary, abstract = " ".join(ed.abstracts["ru"].split()), " ".join(ed.abstracts["en"].split())
    for russian, english in notes:
        assert russian in summary, russian
        assert all(part.strip() in abstract for part in english.split("…")), english
    assert "решающий этап" in summary and "the conclusive stage" in abstract


def test_the_summary_translation_is_no_text_of_the_authors(ed):
    """The fidelity checks hold the author's two texts against the witness; the translation is
    the edition's own and is not among them."""
    from edition import edition as edition_module
    assert ed.abstracts == {"ru": edition_module._plain_text(ed.texts, "summary.ru"),
                            "en": edition_module._plain_text(ed.texts, "abstract.en")}
    assert "translated by the edition" not in ed.abstracts["en"]


@pytest.mark.slow
def test_the_built_home_page_shows_both(site, ed):
    page = html.unescape(re.sub(r"<[^>]+>", "", (site / "en/index.html").read_text(encoding="utf-8")))
    assert " ".join(ed.abstracts["en"].split()[:12]) in " ".join(page.split())
    assert "Summary, translated by the edition" in page and "Where the author's abstract departs" in page
    tei = (site / "data/edition.tei.xml").read_text(encoding="utf-8")
    assert '<div type="summary" xml:id="summary-en" xml:lang="en">' in tei  # the English text's front
    assert '<persName type="bibliographic" xml:lang="ru-Latn">Shteĭn B. E.</persName>' in tei
    assert "Munich" in tei.split("<encodingDesc>")[1].split("</encodingDesc>")[0]  # the translator's note


def test_the_translators_note_states_each_tested_convention(ed):
    note = ed.texts[NOTE]
    for words in ("one English form", "Initials", "register entry gives the bibliography's form", "Munich",
                  "«С.» “p.”", "“pp.” before a range", "100,000", "en dash without spaces",
                  "double curly quotation marks", "guillemets", "British, with -ize", "In 3 vols."):
        assert words in note, words


def test_the_tei_header_reads_the_translators_note(ed):
    from edition import tei
    conventions = tei.translation_conventions(ed)
    assert any("ALA-LC" in text and "Munich" in text for text in conventions)
    assert not any("**" in text or "`" in text.replace("`@corresp`", "").replace("`pb`", "").replace("`sic`", "")
                   for text in conventions[1:])
