"""The timeline: the article's dated events (`sources/timeline.yml`), each linked to its
paragraph, checked against the Russian text and written as a table for either language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import escape, gost, schemas
from .errors import EditionError


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
    parts = schemas.calendar_date(text)
    if parts is None:
        raise entry.error(f"date '{text}' is not a real date written YYYY, YYYY-MM or YYYY-MM-DD", "date")
    return parts


def parse(data, path: Path) -> list[Event]:
    schemas.check(data, schemas.TIMELINE, path)
    events = []
    for entry in data:
        start, _, end = str(entry["date"]).partition("/")
        first, last = _date(start, entry), (_date(end, entry) if end else None)
        if last is not None and last < first:
            raise entry.error(f"the range '{entry['date']}' ends before it begins", "date")
        events.append(Event(
            start=first, end=last, label=dict(entry.get("label") or {}),
            paragraph=entry["paragraph"], quote=" ".join(entry["quote"].split()),
            event=dict(entry["event"]), line=entry.line))
    return sorted(events, key=sort_key)


def sort_key(event: Event) -> tuple[int, int, int]:
    """In time order; an event dated by its month alone comes before that month's days,
    one dated by its year alone after everything dated more closely in that year."""
    year, month, day = (*event.start, None, None)[:3]
    return (year, 13 if month is None else month, 0 if day is None else day)


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
