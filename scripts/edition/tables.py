"""Tables of the "About this edition" page, built from the data they document."""

from __future__ import annotations

from . import escape

HEAD = {
    "emendations": {
        "ru": ("№", "Где", "В источнике", "В издании", "Вид", "Почему"),
        "en": ("No.", "Where", "Source reads", "Edition reads", "Kind", "Why"),
    },
    "hyphenation": {
        "ru": ("Строка источника", "В источнике", "В издании", "Дефис"),
        "en": ("Source line", "Source reads", "Edition reads", "Hyphen"),
    },
}
KINDS = {
    "ru": {"correction": "исправление", "deletion": "удаление", "normalisation": "нормализация",
           "sic": "sic"},
    "en": {"correction": "correction", "deletion": "deletion", "normalisation": "normalization",
           "sic": "sic"},
}
PARTS = {
    "ru": {"paragraph": "абзац", "note": "примечание", "summary": "резюме", "abstract": "аннотация"},
    "en": {"paragraph": "paragraph", "note": "note", "summary": "summary", "abstract": "abstract"},
}
LINE = {"ru": "с. {page}, строка {line}", "en": "p. {page}, line {line}"}
KEPT = {"ru": ("сохранен", "снят"), "en": ("kept", "removed")}


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(head, rows) -> str:
    return "\n".join([_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows)])


def _where(page, part: str, anchor: str) -> str:
    """A link to the emended place: in the Russian article, from either language."""
    kind, _, number = part.partition(" ")
    text = f"{PARTS[page.lang][kind]} {number}".strip()
    if page.lang == "ru":
        return f"[{text}]({page.link('article.md')}#{anchor})"
    return f'<a href="{page.url_to("ru", "article.md")}#{anchor}" hreflang="ru">{text}</a>'


def emendations(page) -> str:
    rows = []
    for found in page.emendations.values():
        where = _where(page, found.part, f"em-{found.id}")
        where += "<br>" + LINE[page.lang].format(page=found.page, line=found.witness_line)
        rows.append([
            f'<span id="{found.id}">{found.id}</span>', where,
            escape.md(found.witness), escape.md(found.edition),
            KINDS[page.lang][found.kind], escape.md(found.reason[page.lang]),
        ])
    return _table(HEAD["emendations"][page.lang], rows)


def hyphenation(page) -> str:
    rows = []
    for decision in page.witness.hyphens:
        kept, removed = KEPT[page.lang]
        rows.append([
            str(decision.line),
            f"{escape.md(decision.left)}&#8203;{escape.md(decision.right)}", escape.md(decision.word),
            f"**{kept}**" if decision.kept else removed,
        ])
    return _table(HEAD["hyphenation"][page.lang], rows)


TABLES = {"emendations": emendations, "hyphenation": hyphenation}
