"""JSON Schemas of the edition's YAML files, and checking a file against its schema.

Each schema rejects unknown keys, so that a typo (`lifee:` for `life:`) stops the build
instead of dropping what the key held. An error names the line of the offending key or
value (yamlfile keeps them), in words an editor can act on.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import jsonschema

from .errors import EditionError
from .yamlfile import line_at

TEXT = {"type": "string", "minLength": 1}
BOTH = {"type": "object", "properties": {"ru": TEXT, "en": TEXT}, "required": ["ru", "en"],
        "additionalProperties": False}
FORMS = {"type": "array", "items": TEXT, "minItems": 1}
ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_-]*$",
      "description": "an identifier of lower-case letters, digits, - and _"}


def closed(properties: dict, required: tuple[str, ...] = ()) -> dict:
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": False}


NAME_ENTRY = closed({
    "id": ID, "name": BOTH, "sort": BOTH, "life": TEXT, "role": BOTH, "note": BOTH, "work": TEXT,
    "forms": closed({"ru": FORMS, "en": FORMS}, ("ru", "en")),
    "works": {"type": "array", "items": TEXT, "minItems": 1,
              "description": "the bibliography keys of the works the person wrote"},
}, ("id", "name", "forms"))
PERSON = {**NAME_ENTRY, "required": ["id", "name", "forms", "sort", "role"]}

NAMES = closed({
    "persons": {"type": "array", "items": PERSON},
    "places": {"type": "array", "items": NAME_ENTRY},
    "organisations": {"type": "array", "items": NAME_ENTRY},
    "documents": {"type": "array", "items": NAME_ENTRY},
    "imprints": {"type": "array", "items": closed({"location": TEXT, "en": TEXT}, ("location", "en"))},
}, ("persons", "places", "organisations", "documents"))

TIMELINE = {"type": "array", "minItems": 1, "items": closed({
    "date": {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$",
             "description": "a date YYYY, YYYY-MM or YYYY-MM-DD, or a range START/END"},
    "label": BOTH, "paragraph": {"type": "integer", "minimum": 1}, "quote": TEXT, "event": BOTH,
}, ("date", "paragraph", "quote", "event"))}

EMENDATIONS = {"type": "array", "items": closed({
    "id": ID, "kind": {"enum": ["correction", "deletion", "normalisation", "sic"]},
    "in": {"type": "string", "pattern": r"^(summary|abstract|paragraph [1-9]\d*|note [1-9]\d*)$",
           "description": "summary, abstract, paragraph N or note N"},
    "witness": TEXT, "edition": {"type": "string"}, "english": TEXT, "reason": BOTH,
}, ("id", "kind", "in", "witness", "edition", "reason"))}

LISTS = closed({"ru": {"type": "array", "items": TEXT}, "en": {"type": "array", "items": TEXT}}, ("ru", "en"))
CHANGELOG = {"type": "array", "minItems": 1, "items": closed({
    "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$", "description": "a version MAJOR.MINOR.PATCH"},
    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "a date YYYY-MM-DD"},
    "corrections": LISTS, "changes": LISTS,
}, ("version", "date", "corrections", "changes"))}

COMMENTARY = {"type": "array", "items": closed({
    "id": ID,
    "anchor": {"type": "string", "pattern": r"^[pn][1-9]\d*$",
               "description": "a paragraph (p4) or an author's note (n8)"},
    "at": BOTH, "text": BOTH,
}, ("id", "anchor", "text"))}

HYPHENATION = closed({"keep": {"type": "array", "items": TEXT}}, ("keep",))

OPTIONAL_TEXT = {"type": ["string", "null"], "minLength": 1}
ARTICLE = closed({
    "title": BOTH,
    "language": {"enum": ["ru"]},
    "authors": {"type": "array", "minItems": 1, "items": closed({
        "initials": BOTH, "family": OPTIONAL_TEXT, "given": OPTIONAL_TEXT}, ("initials",))},
    "keywords": closed({"ru": {"type": "array", "items": TEXT}, "en": {"type": "array", "items": TEXT}},
                       ("ru", "en")),
    "journal": closed({"title": OPTIONAL_TEXT, "issn": OPTIONAL_TEXT}, ("title", "issn")),
    "year": {"type": ["integer", "null"], "minimum": 1900, "maximum": 2100},
    "volume": OPTIONAL_TEXT, "issue": OPTIONAL_TEXT,
    "pages": closed({"first": OPTIONAL_TEXT, "last": OPTIONAL_TEXT}, ("first", "last")),
    "doi": OPTIONAL_TEXT, "url": OPTIONAL_TEXT,
    "edition": closed({"title": BOTH, "editors": {"type": "array", "items": TEXT},
                       "doi": {"type": ["string", "null"], "pattern": r"^10\.\d{4,9}/\S+$",
                               "description": "a DOI such as 10.5281/zenodo.1234567, or null"}}, ("title",)),
}, ("title", "language", "authors", "keywords", "journal", "year", "volume", "issue", "pages",
    "doi", "url", "edition"))

TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping",
              "null": "empty (null)", "number": "a number", "boolean": "true or false"}


def _where(path) -> str:
    """`persons[5].forms`, `entry 2.date`: keys by name, list items counted from 1 as an
    editor counts them."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step + 1}]" if out else f"entry {step + 1}"
        else:
            out += f".{step}" if out else str(step)
    return out


def _unknown_key(error: jsonschema.ValidationError) -> str:
    """The first key an additionalProperties error found outside the schema's properties."""
    return sorted(set(error.instance) - set(error.schema.get("properties", {})), key=str)[0]


def _words(error: jsonschema.ValidationError) -> str:
    where = _where(error.absolute_path)
    subject = f"'{where}'" if where else "the file"
    kind, value = error.validator, error.instance
    if kind == "additionalProperties":
        known = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown key '{_unknown_key(error)}' in {subject} (known keys: {known})"
    if kind == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        return f"{subject} lacks the required key '{missing.group(1) if missing else '?'}'"
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        quote = " (put it in quotes)" if "string" in wanted and isinstance(value, (int, float)) else ""
        return f"{subject} must be " + " or ".join(TYPE_WORDS.get(w, w) for w in wanted) + f", not {value!r}{quote}"
    if kind == "enum":
        return f"{subject} must be one of " + ", ".join(map(str, error.validator_value)) + f", not {value!r}"
    if kind == "pattern":
        expected = error.schema.get("description", "of the expected form")
        return f"{subject}: {value!r} is not {expected}"
    if kind in ("minLength", "minItems"):
        return f"{subject} must not be empty"
    return f"{subject}: {error.message}"


def check(data, schema: dict, path: Path) -> None:
    """Stop at the first place where `data` departs from `schema`, naming its line."""
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if not errors:
        return
    # An unknown key first (a typo explains the required key it lacks); then the earliest
    # line and, on one line, the deepest error: the most precise message.
    error = min(errors, key=lambda e: (e.validator != "additionalProperties",
                                       line_at(data, e.absolute_path) or 0, -len(e.absolute_path)))
    line = line_at(data, error.absolute_path)
    if error.validator == "additionalProperties":  # the unknown key's own line
        line = getattr(error.instance, "lines", {}).get(_unknown_key(error), line)
    raise EditionError(path, line, _words(error))


def calendar_date(text: str) -> tuple[int, ...] | None:
    """(year[, month[, day]]) of YYYY, YYYY-MM or YYYY-MM-DD if it is a real date, else None."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p)
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return parts
