"""One writer per citation format, on the field's own libraries: biblatex through
bibtexparser's writer, RIS through rispy, CSL-JSON as JSON. The article's records
(article_records.py) and the bibliography's (exports.py) are written here, and the tests read
every file back with real clients (bibtexparser, biber, rispy, citeproc-py)."""

from __future__ import annotations

import json

import bibtexparser
import rispy
from bibtexparser.library import Library
from bibtexparser.middlewares import AddEnclosingMiddleware
from bibtexparser.model import Entry, Field


def bibtex_text(value: str) -> str:
    """A value as biblatex reads it back as the same text: braces and backslashes escaped."""
    return value.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")


def biblatex(entries: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    """Entries (type, key, [(field, value already in BibTeX's syntax inside the braces)])."""
    library = Library([Entry(kind, key, [Field(name, value) for name, value in fields if value])
                       for kind, key, fields in entries])
    enclose = AddEnclosingMiddleware(reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{")
    return bibtexparser.write_string(library, unparse_stack=[enclose]).strip() + "\n"


class _RisWriter(rispy.RisWriter):
    """rispy's writer without the running number it puts before each record: Zotero and
    Citation.js read a record from its TY line."""

    def set_header(self, count):
        return ""


def ris_each(records: list[dict]) -> list[str]:
    """Each record as a RIS file of its own: rispy writes them all at once."""
    text = rispy.dumps(records, implementation=_RisWriter)
    return [block.strip("\n") + "\n" for block in text.split("\n\n") if block.strip()]


def ris(records: list[dict]) -> str:
    """Records as rispy's dictionaries (type_of_reference, title, authors, urls, …)."""
    return "\n".join(ris_each(records))


def csl_item(item: dict) -> str:
    """One CSL-JSON item on one line (json's fast encoder)."""
    return json.dumps(item, ensure_ascii=False)


def csl_list(lines: list[str]) -> str:
    """A CSL-JSON file of items written by csl_item(), one to a line: still readable."""
    return "[\n" + ",\n".join(lines) + "\n]\n"


def csl_json(items: list[dict]) -> str:
    return csl_list([csl_item(item) for item in items])
