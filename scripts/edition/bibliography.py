"""Loading the bibliography: `.bib` → checked records, with collections resolved.

bibtexparser never raises: a broken block lands in `failed_blocks` and parsing goes on, so
every failure is turned into an EditionError here, or an entry would vanish silently.
bibtexparser does not resolve `crossref` either: `Work.parent` does, and `Work.get` reads a
field through the chain the way biblatex inherits it.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import bibtexparser
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock

from . import latex, paths
from .errors import EditionError

# Entry types the formatter knows, their required fields ("a|b": either) and the types
# their `crossref` may point to.
ENTRY_TYPES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "book": (("title", "date"), frozenset({"mvbook"})),
    "mvbook": (("title", "date"), frozenset()),
    "inbook": (("author", "title", "crossref"), frozenset({"book"})),
    "collection": (("title|volume", "date"), frozenset({"mvcollection"})),
    "mvcollection": (("title", "date"), frozenset()),
    "incollection": (("title", "crossref"), frozenset({"collection", "mvcollection"})),
    "article": (("author", "title", "journaltitle", "date"), frozenset()),
}
GROUPS = ("primary", "secondary")  # published sources, studies
UNCITED = "uncited"  # a keyword: listed although no note cites the work or a part of it
LANGUAGE_CODES = {"russian": "ru", "german": "de", "english": "en", "french": "fr"}  # langid → BCP 47
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:/(\d{4}))?$")
NAME_FIELDS = ("author", "editor", "translator")


@dataclass(frozen=True)
class Name:
    family: str
    given: str = ""  # initials, as the notes give them

    def initials_first(self) -> str:
        return f"{self.given} {self.family}".strip()

    def family_first(self) -> str:
        return f"{self.family} {self.given}".strip()


@dataclass(frozen=True)
class Date:
    year: int
    month: int | None = None
    day: int | None = None
    end_year: int | None = None


@dataclass
class Work:
    key: str
    type: str
    fields: dict[str, str]
    line: int  # 1-based line of the entry in the .bib file
    raw: str  # the entry as written, for the "copy BibTeX" box
    parent: Work | None = None
    children: list[Work] = field(default_factory=list)
    name_fields: dict[str, str] = field(default_factory=dict)  # name lists with their inner braces

    def own(self, name: str) -> str:
        return self.fields.get(name, "")

    def get(self, name: str) -> str:
        """A field of this entry, or inherited from the collection it belongs to."""
        work: Work | None = self
        while work is not None:
            if work.fields.get(name):
                return work.fields[name]
            work = work.parent
        return ""

    @cached_property
    def _names(self) -> dict[str, list[Name]]:
        return {role: parse_names(self.name_fields.get(role, self.fields.get(role, ""))) for role in NAME_FIELDS}

    def names(self, role: str) -> list[Name]:
        """Authors, editors or translators, parsed once."""
        return self._names[role]

    def date(self, name: str = "date") -> Date | None:
        cache = self.__dict__.setdefault("_dates", {})
        if name not in cache:
            cache[name] = parse_date(self.own(name)) if self.own(name) else None
        return cache[name]

    @cached_property
    def keywords(self) -> tuple[str, ...]:
        return tuple(word.strip() for word in self.get("keywords").split(",") if word.strip())

    @cached_property
    def group(self) -> str:
        """primary (a published source) or secondary (a study)."""
        return next((word for word in self.keywords if word in GROUPS), "")

    @property
    def listed_uncited(self) -> bool:
        """The entry says explicitly that it stands in the bibliography though no note cites it."""
        return UNCITED in self.keywords

    @cached_property
    def lang(self) -> str:
        """The work's language, or its collection's (read once the collections are linked)."""
        return self.get("langid")

    @cached_property
    def lang_code(self) -> str:
        return LANGUAGE_CODES.get(self.lang, "")

    def marked_language(self, page_lang: str) -> str:
        """The `lang` to mark this work's whole reference with on a page of `page_lang`, or
        "". English pages write the reference themselves, with its English words (the
        bracketed translation, "Moscow"): they mark only the runs inside it (gost.RUN)."""
        code = self.lang_code
        if not code or code == page_lang or page_lang == "en":
            return ""
        return code

    def ancestors(self) -> list[Work]:
        chain, work = [], self.parent
        while work is not None:
            chain.append(work)
            work = work.parent
        return chain

    def descendants(self) -> list[Work]:
        found = []
        for child in self.children:
            found += [child, *child.descendants()]
        return found


@dataclass
class Bibliography:
    path: Path
    works: dict[str, Work]

    def __getitem__(self, key: str) -> Work:
        return self.works[key]

    def __contains__(self, key: str) -> bool:
        return key in self.works


def parse_names(value: str) -> list[Name]:
    """A name list split as BibTeX splits it (bibtexparser's own parser): `and` between
    names, "Family, Given" or "Given Family", a corporate name in braces kept whole."""
    names = []
    for written in split_multiple_persons_names(value.strip()) if value.strip() else []:
        parts = parse_single_name_into_parts(written)
        family = " ".join(parts.von + parts.last + parts.jr)
        names.append(Name(strip_braces(family), strip_braces(" ".join(parts.first))))
    return names


def inner_value(raw: str) -> str:
    """A braced or quoted field value without its enclosing delimiters, inner braces kept."""
    raw = raw.strip()
    if len(raw) > 1 and (raw[0], raw[-1]) in (("{", "}"), ('"', '"')):
        return raw[1:-1]
    return raw


def parse_date(value: str) -> Date | None:
    """YYYY, YYYY-MM, YYYY-MM-DD or a range of years YYYY/YYYY; None unless a real date."""
    match = DATE.match(value.strip())
    if not match:
        return None
    year, month, day, end = match.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if end and int(end) < int(year):
        return None
    return Date(int(year), int(month) if month else None, int(day) if day else None,
                int(end) if end else None)


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MACRO = re.compile(r"^[A-Za-z_][\w:.+/-]*$")


def _parts(raw: str) -> list[str]:
    """A field's value split at the `#` that join its parts (outside braces and quotes)."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(raw):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(raw[start:index])
            start = index + 1
    parts.append(raw[start:])
    return [part.strip() for part in parts]


def field_value(raw: str, strings: dict[str, str] | None = None) -> str:
    """A field as written (`{…}`, `"…"`, a number, an @string macro, parts joined by `#`)
    → the text readers see. Raises ValueError (with a sentence) for what cannot be read."""
    raw = raw.strip()
    if raw[:1] == "{" and raw[-1:] == "}" and "#" not in raw:  # the common case: one braced value
        return strip_braces(raw[1:-1]).strip()
    out = []
    for part in _parts(raw):
        if len(part) > 1 and part[0] == part[-1] == '"' or part[:1] == "{" and part[-1:] == "}":
            out.append(part[1:-1])
        elif part.isdigit():
            out.append(part)
        elif MACRO.match(part):
            macro = part.lower()
            if strings is not None and macro in strings:
                out.append(strings[macro])
            elif macro in MONTHS:
                out.append(str(MONTHS.index(macro) + 1))
            else:
                raise ValueError(f"'{part}' is neither a braced value nor a defined @string macro")
        else:
            raise ValueError(f"cannot read the value {part[:40]!r}: put it in braces")
    return strip_braces("".join(out)).strip()


def strip_braces(text: str) -> str:
    r"""A field's value as readers see it: BibTeX's case-protecting braces dropped, accents and
    escaped characters (`{\"o}`, `\&`) and dashes (`--`, `---`) decoded (see latex.py)."""
    if "{" not in text and "}" not in text and "\\" not in text and "--" not in text:
        return text  # the common case in a UTF-8 bibliography: nothing to decode
    return latex.decode(text)


def parse(text: str, path: Path = paths.BIBLIOGRAPHY) -> Bibliography:
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we report failures ourselves
    # No middleware: field values keep their enclosing braces or quotes, which
    # `field_value` takes off together with the braces inside (faster than a second pass).
    library = bibtexparser.parse_string(text, parse_stack=[])
    for block in library.failed_blocks:
        raise EditionError(path, block.start_line + 1, _failure(block))

    strings: dict[str, str] = {}
    for string in library.strings:
        try:
            strings[string.key.lower()] = field_value(string.value, strings)
        except ValueError as error:
            raise EditionError(path, string.start_line + 1, f"@string {string.key}: {error}") from None
    works: dict[str, Work] = {}
    for entry in library.entries:
        line = entry.start_line + 1
        kind = entry.entry_type.lower()
        if not entry.key.strip():
            raise EditionError(path, line, f"@{kind} entry without a key: write one after '@{kind}{{'")
        if kind not in ENTRY_TYPES:
            known = ", ".join(sorted(ENTRY_TYPES))
            raise EditionError(path, line, f"@{kind}{{{entry.key}}}: unknown entry type (known: {known})")
        values = {}
        for item in entry.fields:
            try:
                values[item.key.lower()] = field_value(str(item.value), strings)
            except (ValueError, latex.Unsupported) as error:
                where = item.start_line + 1 if item.start_line is not None else line
                raise EditionError(path, where, f"'{entry.key}', field {item.key}: {error}") from None
        works[entry.key] = Work(entry.key, kind, values, line, entry.raw,
                                name_fields={f.key.lower(): inner_value(str(f.value)) for f in entry.fields
                                             if f.key.lower() in NAME_FIELDS and "#" not in str(f.value)})

    for work in works.values():
        _link_parent(work, works, path)
    for entry in library.entries:
        _check(works[entry.key], path, _field_lines(entry))
    return Bibliography(path, works)


def _failure(block) -> str:
    if isinstance(block, DuplicateBlockKeyBlock):
        first = block.previous_block.start_line + 1 if block.previous_block else "?"
        return f"duplicate entry key '{block.key}' (first defined on line {first})"
    if isinstance(block, DuplicateFieldKeyBlock):
        fields = ", ".join(sorted(block.duplicate_keys))
        return f"entry '{block.ignore_error_block.key}' has the field {fields} more than once"
    first = block.raw.strip().splitlines()[0] if block.raw.strip() else ""
    return (f"cannot parse the entry starting '{first[:60]}': check for an unbalanced brace, "
            "a missing comma or a missing '=' in this entry")


def _field_lines(entry) -> dict[str, int]:
    return {f.key.lower(): f.start_line + 1 for f in entry.fields if f.start_line is not None}


def _link_parent(work: Work, works: dict[str, Work], path: Path) -> None:
    target = work.own("crossref")
    if not target:
        return
    if target not in works:
        raise EditionError(path, work.line, f"'{work.key}': crossref to unknown key '{target}'")
    parent = works[target]
    allowed = ENTRY_TYPES[work.type][1]
    if parent.type not in allowed:
        raise EditionError(path, work.line,
                           f"'{work.key}' (@{work.type}) cannot belong to @{parent.type} '{target}'")
    work.parent = parent
    parent.children.append(work)


def _check(work: Work, path: Path, lines: dict[str, int]) -> None:
    seen, parent = {work.key}, work.parent
    while parent is not None:  # a loop of crossrefs would never end
        if parent.key in seen:
            raise EditionError(path, work.line, f"'{work.key}': crossref loop through '{parent.key}'")
        seen.add(parent.key)
        parent = parent.parent
    for required in ENTRY_TYPES[work.type][0]:
        if not any(work.get(name) for name in required.split("|")):
            shown = " or ".join(required.split("|"))
            raise EditionError(path, work.line,
                               f"@{work.type}{{{work.key}}}: missing required field '{shown}'")
    for name in ("date", "origdate"):
        if work.own(name) and parse_date(work.own(name)) is None:
            raise EditionError(path, lines.get(name, work.line),
                               f"'{work.key}': {name} '{work.own(name)}' is not a real date written "
                               "YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY")
    words = work.keywords
    unknown = [word for word in words if word not in (*GROUPS, UNCITED)]
    if unknown or work.group not in GROUPS:
        raise EditionError(path, lines.get("keywords", work.line),
                           f"'{work.key}': keywords must say primary or secondary, and may add "
                           f"{UNCITED} (got '{work.own('keywords') or work.get('keywords')}')")
    if not work.lang:
        raise EditionError(path, work.line, f"'{work.key}': missing required field 'langid'")

