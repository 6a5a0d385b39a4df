"""The releases of the edition (`sources/changelog.yml`): its version and date, and what
each release corrected in the text or changed in the site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import escape, gost, paths, schemas
from .errors import EditionError

VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


@dataclass(frozen=True)
class Release:
    version: str
    date: str  # YYYY-MM-DD
    corrections: dict[str, tuple[str, ...]]
    changes: dict[str, tuple[str, ...]]
    line: int

    @property
    def tag(self) -> str:
        return f"v{self.version}"

    def date_label(self, lang: str) -> str:
        """«1 декабря 2026 г.», "1 December 2026"."""
        year, month, day = (int(part) for part in self.date.split("-"))
        return f"{day} {gost.MONTHS[lang][month - 1]} {year}" + (" г." if lang == "ru" else "")


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in VERSION.match(version).groups())


def parse(data, path: Path) -> list[Release]:
    """The releases, newest first: versions rising and dates not falling towards the top."""
    schemas.check(data, schemas.CHANGELOG, path)
    releases = []
    for entry in data:
        if schemas.calendar_date(entry["date"]) is None or len(entry["date"]) != 10:
            raise entry.error(f"date '{entry['date']}' is not a real date written YYYY-MM-DD", "date")
        release = Release(entry["version"], entry["date"],
                          {lang: tuple(entry["corrections"][lang]) for lang in paths.LANGUAGES},
                          {lang: tuple(entry["changes"][lang]) for lang in paths.LANGUAGES}, entry.line)
        if releases and _number(release.version) >= _number(releases[-1].version):
            raise EditionError(path, release.line, f"version {release.version} stands below "
                                                   f"{releases[-1].version}: the newest release comes first")
        if releases and release.date > releases[-1].date:
            raise EditionError(path, release.line, f"{release.version} is dated after the newer "
                                                   f"{releases[-1].version}")
        releases.append(release)
    return releases


WORDS = {
    "ru": {"version": "Версия", "of": "от", "corrections": "Исправления текста", "changes": "Изменения сайта",
           "none": "нет"},
    "en": {"version": "Version", "of": "of", "corrections": "Corrections of the text", "changes": "Changes to the site",
           "none": "none"},
}


def page(releases: list[Release], lang: str) -> str:
    """The changelog as Markdown, newest first: corrections of the text apart from changes."""
    words = WORDS[lang]
    out = []
    for release in releases:
        out += [f"## {words['version']} {release.version} {{ #{release.tag.replace('.', '-')} }}", "",
                f"*{escape.md(release.date_label(lang))}*", ""]
        for kind in ("corrections", "changes"):
            items = getattr(release, kind)[lang]
            out.append(f"**{words[kind]}:** {words['none']}." if not items else f"**{words[kind]}:**")
            out += [""] + [f"- {escape.md(' '.join(item.split()))}" for item in items] + [""] if items else [""]
    return "\n".join(out)
