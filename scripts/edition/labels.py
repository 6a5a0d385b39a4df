"""The words the build itself writes into pages, in both languages."""

LABELS: dict[str, dict[str, str]] = {
    "ru": {
        "page_break": "Начало {n}-й страницы печатного оригинала",
        "emended": "Исправление издания; в источнике: «{reading}»",
        "emended_hidden": " (исправлено издателем; в источнике: {reading})",
        "sic": "Так в источнике; см. пояснение издателя",
        "missing_note": "Текст этого примечания в источнике отсутствует.",
        "editor_note": "Примеч. изд.",
        "note": "Примечание {n}",
        "in_text": "место в тексте, абзац {n}",
        "note_short": "примеч.",
        "notes_short": "примеч.",
        "works": "Библиография",
        "primary": "Опубликованные источники",
        "secondary": "Исследования",
        "cited_in": "Цитируется в статье",
        "not_cited_directly": "Статья не ссылается на это издание прямо.",
        "published_in": "Опубликовано в издании",
        "parts_cited": "Цитируемые в статье части этого издания",
        "original": "В исходной графике",
        "bibtex": "Запись biblatex",
        "download": "Скачать запись",
        "download_all": "Скачать всю библиографию",
        "custom_fields": "В записи *usera* — сделанный издателем английский перевод заглавия (*userb* — "
                         "заглавия журнала); *editora* с *editoratype = organizer* — учреждения, "
                         "подготовившие издание.",
        "relation_quoted": "цит. по",
        "relation_see": "см.",
        "relation_ibid": "там же",
        "relation_opcit": "указ. соч.",
        "bibliography_intro": (
            "Все работы, на которые ссылается автор в примечаниях 1–19, в порядке "
            "ГОСТ Р 7.0.5-2008: сначала на кириллице, затем на латинице. У каждой работы "
            "своя страница со списком ссылающихся на нее примечаний."
        ),
        "back_to_bibliography": "Вся библиография",
        "editor_ref": "Примечание редактора {letter}",
        "editor_notes": "Примечания редактора",
        "editor_back": "Вернуться к месту в тексте",
        "note_back": "Вернуться к месту примечания {n} в тексте",
        "editor_place_p": "абзац {n}",
        "editor_place_n": "примечание {n}",
    },
    "en": {
        "page_break": "Page {n} of the printed original begins here",
        "emended": "Emended by the edition; the source reads «{reading}»",
        "emended_hidden": " (emended by the editor; the source reads {reading})",
        "sic": "Thus in the source; see the editor's explanation",
        "missing_note": "The text of this note is missing from the source.",
        "editor_note": "Editor's note",
        "note": "Note {n}",
        "in_text": "in the text, paragraph {n}",
        "note_short": "note",
        "notes_short": "notes",
        "works": "Bibliography",
        "primary": "Published sources",
        "secondary": "Studies",
        "cited_in": "Cited in the article",
        "not_cited_directly": "The article does not cite this publication directly.",
        "published_in": "Published in",
        "parts_cited": "Parts of this publication cited in the article",
        "bibtex": "biblatex record",
        "download": "Download the record",
        "download_all": "Download the whole bibliography",
        "custom_fields": "In the record, *usera* is the edition's English translation of the title (*userb*, "
                         "of the journal's title); *editora* with *editoratype = organizer* names the "
                         "bodies that prepared the publication.",
        "original": "In the original script",
        "relation_quoted": "quoted in",
        "relation_see": "see",
        "relation_ibid": "ibid.",
        "relation_opcit": "op. cit.",
        "bibliography_intro": (
            "Every work the author cites in notes 1–19, ordered as GOST R 7.0.5-2008 orders a "
            "list: works in Cyrillic first, then those in Latin script. Each work has a page of "
            "its own that lists the notes citing it."
        ),
        "back_to_bibliography": "The whole bibliography",
        "editor_ref": "Editor's note {letter}",
        "editor_notes": "Editor's notes",
        "editor_back": "Back to the place in the text",
        "note_back": "Back to the place of note {n} in the text",
        "editor_place_p": "paragraph {n}",
        "editor_place_n": "note {n}",
    },
}


def label(lang: str, key: str, **values) -> str:
    return LABELS[lang][key].format(**values)
