"""Persons, places, organisations and documents: `sources/names.yml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import paths, yamlfile
from .errors import EditionError

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


def _pair(entry, key: str, required: bool = True) -> dict[str, str]:
    value = entry.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or any(not value.get(lang) for lang in paths.LANGUAGES):
        raise entry.error(f"'{key}' needs a ru and an en form")
    return {lang: str(value[lang]) for lang in paths.LANGUAGES}


def parse(data, path: Path) -> dict[str, Entry]:
    if not isinstance(data, dict):
        raise EditionError(path, 1, "expected the groups " + ", ".join(GROUPS))
    entries: dict[str, Entry] = {}
    for group in GROUPS:
        for item in data.get(group) or []:
            if not isinstance(item, yamlfile.Located):
                raise EditionError(path, None, f"{group}: each entry must be a mapping")
            ident = item.require("id")
            if ident in entries:
                raise item.error(f"id '{ident}' is used twice")
            forms = item.require("forms", dict)
            for lang in paths.LANGUAGES:
                if not forms.get(lang):
                    raise item.error(f"'{ident}': forms.{lang} must list at least one form")
            entries[ident] = Entry(
                id=ident, group=group, name=_pair(item, "name"),
                forms={lang: tuple(str(f) for f in forms[lang]) for lang in paths.LANGUAGES},
                sort=_pair(item, "sort", required=group == "persons"),
                life=str(item.get("life") or ""),
                role=_pair(item, "role", required=group == "persons"),
                note=_pair(item, "note", required=False),
                work=str(item.get("work") or ""),
                line=item.line,
            )
    return entries


@cache
def load(path: Path = paths.NAMES) -> dict[str, Entry]:
    return parse(yamlfile.load(path), path)


def place_names(entries: dict[str, Entry] | None = None) -> dict[str, str]:
    """Russian place name → English, for imprints of the English references (Москва → Moscow)."""
    return {e.name["ru"]: e.name["en"] for e in (entries or load()).values() if e.group == "places"}
