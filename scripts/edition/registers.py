"""Registers of persons, places, organisations and documents, from `sources/names.yml`:
where each is named in the article, found by its forms in each language's paragraphs, and
in the editor's notes."""

from __future__ import annotations

from collections.abc import Callable

from . import commentary, escape
from .names import Entry

GROUP_LABELS = {
    "ru": {"forms_ru": "В русском тексте", "forms_en": "В английском переводе", "paragraphs": "Абзацы",
           "not_named": "в тексте статьи не упоминается", "in_bibliography": "В библиографии",
           "editor_notes": "Примечания редактора"},
    "en": {"forms_ru": "In the Russian text", "forms_en": "In the English translation",
           "paragraphs": "Paragraphs", "not_named": "not named in the article's text",
           "in_bibliography": "In the bibliography", "editor_notes": "Editor's notes"},
}


def occurrences(entry: Entry, lang: str, paragraphs: list[tuple[str, str]]) -> list[str]:
    """Anchors of the paragraphs (anchor, text) that name the entry in `lang`."""
    pattern = entry.pattern(lang)
    return [anchor for anchor, text in paragraphs if pattern.search(text)]


def sort_key(entry: Entry, lang: str) -> str:
    key = entry.sort.get(lang) or entry.name[lang]
    return key.lstrip("«").casefold().replace("ё", "е")


def render(entries: list[Entry], lang: str, paragraphs: list[tuple[str, str]], article_link: str,
           work_link: Callable[[str], str] | None = None, editor_notes: list | None = None) -> str:
    """One group as a Markdown list, each entry with its own anchor (#id). `work_link(key)` is
    the Markdown link to a work's page whose text is the author's name as the bibliography
    writes it (in English romanized: «Shteĭn B. E.» for “B. E. Shtein”): the entry of a
    person who wrote works the notes cite leads there under that form. `editor_notes`
    (commentary.Note) are listed by letter where they name the entry."""
    words = GROUP_LABELS[lang]
    lines = []
    for entry in sorted(entries, key=lambda e: sort_key(e, lang)):
        head = f'<span id="{entry.id}"></span>**{escape.md(entry.name[lang])}**'
        if entry.life:
            head += f" ({escape.md(entry.life)})"
        if entry.role:
            head += f" — {escape.md(entry.role[lang])}"
        found = occurrences(entry, lang, paragraphs)
        where = ", ".join(f"[{a.removeprefix('p')}]({article_link}#{a})" for a in found)
        details = [
            f"{words['forms_ru']}: " + ", ".join(f"«{escape.md(f)}»" for f in entry.forms["ru"]),
            f"{words['forms_en']}: " + ", ".join(f"“{escape.md(f)}”" for f in entry.forms["en"]),
            f"{words['paragraphs']}: {where}" if where else words["not_named"],
        ]
        if entry.works and work_link is not None:
            details.append(f"{words['in_bibliography']}: " + ", ".join(work_link(key) for key in entry.works))
        named = commentary.mentioning(editor_notes or [], entry.pattern(lang), lang)
        if named:
            details.append(f"{words['editor_notes']}: " + ", ".join(
                f"[*{note.letter}*]({article_link}#{note.html_id})" for note in named))
        if entry.note:
            details.append(f"*{escape.md(entry.note[lang])}*")
        lines.append(f"- {head}  \n  " + " · ".join(details))
    return "\n".join(lines)

