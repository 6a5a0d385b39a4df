"""References formatted as the author's notes are: GOST R 7.0.5-2008.

`reference(work, "ru")` gives the description in Russian practice; `reference(work, "en")`
gives the same description for the English edition: Cyrillic romanized (ALA-LC), an English
translation of the title in square brackets, and the descriptive words (volume, translated
from, place of publication) in English. Output is plain text; callers escape it.
"""

from __future__ import annotations

import re

from .bibliography import Date, Name, Work
from .romanize import is_cyrillic, romanize

# A run of text in another language inside a description, when the Style asks for marks:
# \x02CODE\x03TEXT\x04. Pages turn a run into <span lang="CODE">; plain() drops the marks.
# Only the runs are marked, so an English translation in brackets and English descriptive
# words stay in the page's language (a German title is `de`, romanized Russian `ru-Latn`).
RUN = re.compile("\x02([^\x03]*)\x03(.*?)\x04", re.S)


def _run(code: str, text: str) -> str:
    return f"\x02{code}\x03{text}\x04" if text else text


def plain(text: str) -> str:
    """A description without its language marks."""
    if "\x02" not in text:
        return text
    return RUN.sub(lambda m: m.group(2), text)


def segments(text: str) -> list[tuple[str, str]]:
    """A description as (language code or "", text) pieces, in order."""
    if "\x02" not in text:
        return [("", text)]
    out, position = [], 0
    for match in RUN.finditer(text):
        if match.start() > position:
            out.append(("", text[position:match.start()]))
        out.append((match.group(1), match.group(2)))
        position = match.end()
    if position < len(text):
        out.append(("", text[position:]))
    return out

TERMINAL = (".", "…", "!", "?")
LETTER = re.compile(r"[^\W\d_]")
# A range between figures: English writes an en dash without spaces ("pp. 150–152", "1956–2000").
RANGE = re.compile(r"(?<=\d)\s*[–-]\s*(?=\d)")
SHORT_SET = "set"  # reference(short=SHORT_SET): the short form of note 14 (marks.CITE_MODES)

MONTHS = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
# GOST R 7.0.12 abbreviates a few places of publication.
PLACE_ABBREVIATIONS = {"Москва": "М.", "Санкт-Петербург": "СПб.", "Ленинград": "Л."}
LANGUAGES = {
    "english": ("англ.", "English"),
    "french": ("фр.", "French"),
    "german": ("нем.", "German"),
    "russian": ("рус.", "Russian"),
}
EDITOR_TYPES = {"chief": ("отв. ред.", "ed.-in-chief"), "editor": ("под ред.", "ed.")}
# Descriptive words the notes put after a title ("сборник документов").
TITLE_ADDONS = {"сб. док.": "collection of documents"}
WORDS = {
    "ru": {"volume": "Т.", "volumes": "в {n} т.", "number": "№", "translated": "пер. с {lang}",
           "year": "г."},
    "en": {"volume": "Vol.", "volumes": "in {n} vols.", "number": "No.",
           "translated": "trans. from {lang}", "year": ""},
}


def sentence(*parts: str) -> str:
    """Join description areas with '. ', not doubling a stop already there; end with one."""
    out = ""
    for part in (p.strip() for p in parts if p and p.strip()):
        if out:
            out += " " if plain(out).endswith(TERMINAL) else ". "
        out += part
    return out if not out or plain(out).endswith(TERMINAL) else out + "."


class Style:
    """What differs between the Russian and the English form of a description."""

    def __init__(self, lang: str, place_names: dict[str, str] | None = None, marked: bool = False):
        self.lang = lang
        self.words = WORDS[lang]
        self.place_names = place_names or {}
        self.marked = marked  # mark the runs in another language (see RUN)
        self.memo_key = (lang, frozenset(self.place_names.items()), marked)

    def text(self, value: str) -> str:
        if self.lang != "en":
            return value
        if not LETTER.search(value):  # a title of figures alone ("1920 – 1926") has no
            return RANGE.sub("–", value)  # language: English writes its range unspaced
        if self.marked and is_cyrillic(value):
            return _run("ru-Latn", romanize(value))
        return romanize(value)

    def name(self, name: Name, family_first: bool = True) -> str:
        form = name.family_first() if family_first else name.initials_first()
        return self.text(form)

    def place(self, location: str) -> str:
        if self.lang == "ru":
            return PLACE_ABBREVIATIONS.get(location, location)
        return self.place_names.get(location, self.text(location))

    def date(self, date: Date | None) -> str:
        if date is None:
            return ""
        if date.end_year:
            return f"{date.year} – {date.end_year}" if self.lang == "ru" else f"{date.year}–{date.end_year}"
        if date.day and date.month:
            month = MONTHS[self.lang][date.month - 1]
            return f"{date.day} {month} {date.year} {self.words['year']}".strip()
        return str(date.year)

    def title(self, work: Work) -> str:
        """Title, subtitle and, in English, the translation of a foreign title."""
        title = self.text(work.own("title"))
        if work.own("subtitle"):
            title += ": " + self.text(work.own("subtitle"))
        title = self.in_language(work, title)  # a German title; its translation stays outside
        translation = work.own("titletranslation")
        if self.lang == "en" and translation and work.lang != "english":
            title += f" [{translation}]"
        return title

    def in_language(self, work: Work, text: str) -> str:
        """`text` (the work's own words) marked with the work's language on an English page,
        where that language is neither English nor Russian (romanized Russian is marked
        by text())."""
        code = work.lang_code
        if self.marked and self.lang == "en" and code not in ("", "en", "ru"):
            return _run(code, text)
        return text

    def addon(self, value: str) -> str:
        if self.lang == "en":
            return TITLE_ADDONS.get(value, romanize(value))
        return value


def reference(work: Work, lang: str, short: bool | str = False,
              place_names: dict[str, str] | None = None, marked: bool = False) -> str:
    """The description of `work` as a note gives it. `short` is the abbreviated form the
    author uses for a volume cited again (set title, volume, imprint), or SHORT_SET, the
    form of note 14 (set title, number of volumes, the set's imprint, volume); `marked`
    keeps the marks of the runs in another language (see RUN)."""
    return describe(work, Style(lang, place_names, marked), short)


def describe(work: Work, style: Style, short: bool | str = False) -> str:
    """`reference` with a Style made once by the caller (for many works)."""
    return _describe(work, style, short)


def _describe(work: Work, style: Style, short: bool | str = False) -> str:
    """Describe a work once per form: a collection's description recurs in each document's."""
    memo = work.__dict__.setdefault("_descriptions", {})
    key = (style.memo_key, short)
    if key not in memo:
        memo[key] = _describe_uncached(work, style, short)
    return memo[key]


def _describe_uncached(work: Work, style: Style, short: bool | str) -> str:
    if work.type in ("incollection", "inbook"):
        return _part(work, style, short)
    if work.type == "collection" and work.parent is not None:
        return _volume(work, style, short)
    if work.type == "article":
        return _article(work, style)
    return _monograph(work, style, short)


def heading(work: Work, style: Style) -> str:
    """The first author, family name first, when a work has one to three authors."""
    authors = work.names("author")
    return style.name(authors[0]) if 0 < len(authors) <= 3 else ""


def _with_heading(work: Work, style: Style, rest: str) -> str:
    head = heading(work, style)
    return f"{head} {rest}" if head else rest


def _title_block(work: Work, style: Style) -> str:
    block = style.title(work)
    if work.own("titleaddon"):
        block += ": " + style.addon(work.own("titleaddon"))
    if work.own("volumes"):
        block += ": " + style.words["volumes"].format(n=work.own("volumes"))
    return block


def _responsibility(work: Work, style: Style) -> str:
    """What follows the slash: other authors, translation, editors, organisations."""
    statements = []
    authors = work.names("author")
    if len(authors) > 3:
        others = ", ".join(style.name(a, family_first=False) for a in authors[:3])
        statements.append(others + (" [и др.]" if style.lang == "ru" else " [et al.]"))
    elif len(authors) > 1:
        statements.append(", ".join(style.name(a, family_first=False) for a in authors))
    if work.own("origlanguage"):
        ru_form, en_form = LANGUAGES.get(work.own("origlanguage"), (work.own("origlanguage"),) * 2)
        statements.append(style.words["translated"].format(lang=ru_form if style.lang == "ru" else en_form))
    responsible = []
    editors = work.names("editor")
    if editors:
        kind = EDITOR_TYPES.get(work.own("editortype") or "editor", EDITOR_TYPES["editor"])
        label = kind[0] if style.lang == "ru" else kind[1]
        responsible.append(f"{label} " + ", ".join(style.name(e, family_first=False) for e in editors))
    organisations = parse_organisations(work.own("organization"))
    responsible += [style.text(o) for o in organisations]
    if responsible:
        statements.append("; ".join(responsible))
    # The first statement follows the slash; each further one follows " ; " (GOST R 7.0.5, 5.5).
    return " ; ".join(statements)


def parse_organisations(value: str) -> list[str]:
    return [part.strip() for part in value.split(" and ")] if value.strip() else []


def _imprint(work: Work, style: Style, inherit: bool = True) -> str:
    location = work.get("location") if inherit else work.own("location")
    date = (work.date() or _inherited_date(work)) if inherit else work.date()
    place = style.place(location) if location else ""
    when = style.date(date)
    return ", ".join(p for p in (place, when) if p)


def _inherited_date(work: Work) -> Date | None:
    for ancestor in work.ancestors():
        if ancestor.date():
            return ancestor.date()
    return None


def _monograph(work: Work, style: Style, short: bool | str) -> str:
    if short:
        return sentence(style.title(work))
    description = _title_block(work, style)
    responsibility = _responsibility(work, style)
    if responsibility:
        description += " / " + responsibility
    return sentence(_with_heading(work, style, description), _imprint(work, style))


def _volume(work: Work, style: Style, short: bool | str) -> str:
    volume = f"{style.words['volume']} {work.own('volume')}".strip()
    if work.own("title"):
        volume += ": " + style.title(work)
    if short == SHORT_SET:  # «… 1920 – 1941 гг. В 3-х т. М., 2011. Т. 1: 1920 – 1926.» (note 14)
        count = work.parent.own("volumes")
        volumes = style.words["volumes"].format(n=count) if count else ""
        return sentence(_describe(work.parent, style, True), volumes[:1].upper() + volumes[1:],
                        _imprint(work.parent, style), volume)
    set_description = _describe(work.parent, style, short)
    imprint = _imprint(work, style, inherit=False)
    if short and not imprint:
        imprint = _imprint(work, style)
    elif not short and imprint == _imprint(work.parent, style):
        imprint = ""  # the set's imprint, already given: not repeated
    return sentence(set_description, volume, imprint)


def _part(work: Work, style: Style, short: bool | str = False) -> str:
    """A document in a collection, or a chapter in a book: its own description, `//`, and
    the description of the whole it is printed in."""
    own = _with_heading(work, style, style.title(work))
    if work.own("origdate"):
        own = sentence(own, style.date(work.date("origdate"))).removesuffix(".") \
            if style.lang == "en" else sentence(own, style.date(work.date("origdate")))
    if work.own("note"):
        own += f" [{style.text(work.own('note'))}]"
    return f"{own} // {_describe(work.parent, style, short)}"


def _article(work: Work, style: Style) -> str:
    journal = style.text(work.get("journaltitle"))
    translation = work.own("journaltitletranslation")
    if style.lang == "en" and translation:
        journal += f" [{translation}]"
    issue = f"{style.words['number']} {work.own('number')}" if work.own("number") else ""
    volume = f"{style.words['volume']} {work.own('volume')}" if work.own("volume") else ""
    date = work.date()
    year = str(date.year) if date else ""
    return sentence(_with_heading(work, style, style.title(work)) + " // " + journal,
                    year, volume, issue)


def sort_key(work: Work) -> tuple:
    """GOST list order: works in Cyrillic before works in Latin script, then alphabetical
    by the heading (first author) or, without one, the title."""
    authors = work.names("author")
    if not authors and work.parent is not None and work.type in ("collection", "book"):
        # A volume of a set is read, and so filed, under the set's title, then its number.
        script, folded, _ = sort_key(work.parent)
        return (script, f"{folded} {work.own('volume').zfill(4)}", work.key)
    lead = authors[0].family if authors else work.own("title") or work.get("title")
    lead = lead.lstrip("«\"'([")
    folded = lead.casefold().replace("ё", "е")
    return (0 if is_cyrillic(lead[:1]) else 1, folded, work.key)


def citation_text(work, mode: str | None, lang: str, place_names: dict[str, str], marked: bool = False) -> str:
    """What a note's [@KEY MODE] says: the reference (MODE none, short or shortset), «Там же» / "Ibid."
    (ibid), or the author's name with «Указ. соч.» / "Op. cit." (opcit)."""
    if mode == "ibid":
        return "Ibid." if lang == "en" else "Там же."
    if mode == "opcit":
        return f"{heading(work, Style(lang, marked=marked))} {'Op. cit.' if lang == 'en' else 'Указ. соч.'}".strip()
    short = SHORT_SET if mode == "shortset" else mode == "short"
    return reference(work, lang, short=short, place_names=place_names, marked=marked)
