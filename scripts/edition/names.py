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
                work=item.get("work", ""), line=item.line,
            )
    return entries


def place_names(entries: dict[str, Entry]) -> dict[str, str]:
    """Russian place name → English, for imprints of the English references (Москва → Moscow)."""
    return {e.name["ru"]: e.name["en"] for e in entries.values() if e.group == "places"}
