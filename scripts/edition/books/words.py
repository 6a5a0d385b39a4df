"""The words only the PDF and the EPUB write, in both languages (the words they share with the
site come from labels.py and citing.LABELS)."""

WORDS = {
    "ru": {
        "edition": "Цифровое научное издание. Версия {version} от {date}",
        "margin": "отмеченные номера страниц — страницы печатного оригинала (с. 1–{pages})",
        "online": "Электронная версия",
        "contents": "Содержание",
        "article": "Статья",
        "translator": "От переводчика",
        "apparatus": "Исправления и пометы sic",
        "apparatus_intro": "Слева — чтение издания, справа от скобки — чтение источника",
        "apparatus_pages": "номер страницы — страница этого файла",
        "sic_reading": "так в источнике",
        "page": "с.",
        "page_list": "Страницы печатного оригинала",
        "page_label": "Страница {n} печатного оригинала",
        "cover": "Титул",
    },
    "en": {
        "edition": "A digital scholarly edition. Version {version}, {date}",
        "margin": "the page numbers marked are those of the printed Russian original (pp. 1–{pages})",
        "online": "Online",
        "contents": "Contents",
        "article": "Article",
        "translator": "Translator's note",
        "apparatus": "Emendations and sic",
        "apparatus_intro": "The edition's reading stands before the bracket, the source's after it",
        "apparatus_pages": "the page is this file's",
        "sic_reading": "thus in the source",
        "page": "p.",
        "page_list": "Pages of the printed original",
        "page_label": "Page {n} of the printed original",
        "cover": "Title page",
    },
}


def word(lang: str, key: str, **values) -> str:
    return WORDS[lang][key].format(**values)
