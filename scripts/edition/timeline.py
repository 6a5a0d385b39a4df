"""The timeline: the article's dated events (`sources/timeline.yml`), each linked to its
paragraph, checked against the Russian text and written as a table for either language."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import escape, gost, paths, yamlfile
from .errors import EditionError

DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Event:
    start: tuple[int, ...]  # (year[, month[, day]])
    end: tuple[int, ...] | None
    label: dict[str, str]
    paragraph: int
    quote: str
    event: dict[str, str]
    line: int


def _date(text: str, entry) -> tuple[int, ...]:
    match = DATE.match(text.strip())
    if not match:
        raise entry.error(f"date '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    return tuple(int(part) for part in match.groups() if part)


def parse(data, path: Path) -> list[Event]:
    if not isinstance(data, list):
        raise EditionError(path, 1, "expected a list of events")
    events = []
    for entry in data:
        if not isinstance(entry, yamlfile.Located):
            raise EditionError(path, None, "each event must be a mapping")
        # YAML reads an unquoted 1923-01-12 as a date: take it back as text.
        value = entry.require("date", (str, int, datetime.date))
        start, _, end = (value.isoformat() if isinstance(value, datetime.date) else str(value)).partition("/")
        event = entry.require("event", dict)
        label = entry.get("label") or {}
        events.append(Event(
            start=_date(start, entry), end=_date(end, entry) if end else None,
            label={lang: str(label[lang]) for lang in label},
            paragraph=entry.require("paragraph", int), quote=" ".join(entry.require("quote").split()),
            event={lang: event.require(lang) for lang in paths.LANGUAGES}, line=entry.line))
    return sorted(events, key=sort_key)


def sort_key(event: Event) -> tuple[int, int, int]:
    """In time order; an event dated by its month alone comes before that month's days,
    one dated by its year alone after everything dated more closely in that year."""
    year, month, day = (*event.start, None, None)[:3]
    return (year, 13 if month is None else month, 0 if day is None else day)


@cache
def load(path: Path = paths.SOURCES / "timeline.yml") -> list[Event]:
    return parse(yamlfile.load(path), path)


def check(events: list[Event], paragraphs: list[str], path: Path) -> None:
    """Every event's quote stands in its paragraph of the Russian article."""
    for event in events:
        if not 1 <= event.paragraph <= len(paragraphs):
            raise EditionError(path, event.line, f"there is no paragraph {event.paragraph}")
        if event.quote not in " ".join(paragraphs[event.paragraph - 1].split()):
            raise EditionError(path, event.line,
                               f"the quote {event.quote!r} is not in paragraph {event.paragraph}")


def date_label(event: Event, lang: str) -> str:
    """«11–16 января 1923 г.», «January 1923», «1924»."""
    if lang in event.label:
        return event.label[lang]
    months = gost.MONTHS[lang]
    year_word = " г." if lang == "ru" else ""
    start, end = event.start, event.end
    if len(start) == 3 and end and len(end) == 3 and end[:2] == start[:2]:
        return f"{start[2]}–{end[2]} {months[start[1] - 1]} {start[0]}{year_word}"
    if len(start) == 3:
        return f"{start[2]} {months[start[1] - 1]} {start[0]}{year_word}"
    if len(start) == 2:
        month = months[start[1] - 1] if lang == "en" else NOMINATIVE[start[1] - 1]
        return f"{month} {start[0]}{year_word}"
    return f"{start[0]}{year_word}"


NOMINATIVE = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
              "октябрь", "ноябрь", "декабрь")
HEAD = {"ru": ("Дата", "Событие", "Абзац"), "en": ("Date", "Event", "Paragraph")}


def table(events: list[Event], lang: str, article_link: str) -> str:
    """The timeline as a Markdown table, each row linked to its paragraph."""
    rows = ["| " + " | ".join(HEAD[lang]) + " |", "| --- | --- | --- |"]
    for event in events:
        rows.append(f"| {escape.md(date_label(event, lang))} | {escape.md(event.event[lang])} "
                    f"| [{event.paragraph}]({article_link}#p{event.paragraph}) |")
    return "\n".join(rows)
