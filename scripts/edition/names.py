"""Persons, places, organisations and documents: `sources/names.yml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import paths, schemas

GROUPS = ("persons", "places", "organisations", "documents")


@dataclass(frozen=True)
class Entry:
    id: str
    group: str
    name: dict[str, str]
    forms: dict[str, tuple[str, ...]]
    sort: dict[str, str]
    life: str
    role: dict[str, str]
    note: dict[str, str]
    work: str  # a bibliography key, for a document the article cites
    line: int
    works: tuple[str, ...] = ()  # (persons) bibliography keys of the works they wrote

    def pattern(self, lang: str) -> re.Pattern:
        """All forms in one language as a whole-word pattern, longest first."""
        forms = sorted(self.forms[lang], key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")


def parse(data, path: Path) -> dict[str, Entry]:
    schemas.check(data, schemas.NAMES, path)
    entries: dict[str, Entry] = {}
    for group in GROUPS:
        for item in data[group]:
            ident = item["id"]
            if ident in entries:
                raise item.error(f"id '{ident}' is used twice (first on line {entries[ident].line})", "id")
            entries[ident] = Entry(
                id=ident, group=group, name=dict(item["name"]),
                forms={lang: tuple(item["forms"][lang]) for lang in paths.LANGUAGES},
                sort=dict(item.get("sort") or {}), life=item.get("life", ""),
                role=dict(item.get("role") or {}), note=dict(item.get("note") or {}),
                work=item.get("work", ""), line=item.line, works=tuple(item.get("works") or ()),
            )
    return entries


def parse_imprints(data, path: Path, entries: dict[str, Entry]) -> dict[str, str]:
    """`imprints`: a place of publication as the bibliography writes it (`location`) → its
    English form, for the places the article's text does not name (those are `places`)."""
    found: dict[str, str] = {}
    named = place_names(entries)
    for item in data.get("imprints") or ():
        location = item["location"]
        if location in found:
            raise item.error(f"the place of publication '{location}' is listed twice", "location")
        if location in named:
            raise item.error(f"'{location}' is a place of the registers: its English form "
                             f"'{named[location]}' is given there, not here", "location")
        found[location] = item["en"]
    return found


def place_names(entries: dict[str, Entry], imprints: dict[str, str] | None = None) -> dict[str, str]:
    """A place of publication as the bibliography writes it → English, for the imprints of the
    English references: the places of the registers (Москва → Moscow), then `imprints`
    (München → Munich)."""
    return {e.name["ru"]: e.name["en"] for e in entries.values() if e.group == "places"} | (imprints or {})
