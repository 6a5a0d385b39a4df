"""The bibliography as files to download: biblatex (as written), RIS and CSL-JSON.

The biblatex file is the editor's entries themselves, with the collections they point to.
RIS and CSL-JSON are written from the parsed records through formats.py, each field where
those formats put it: a part's container is the collection it is printed in, and a volume
of a set keeps its number; the year is the volume's own; a document's own date (`origdate`)
is a note, not the date of the publication; an organisation that prepared a collection is a
note, not its publisher (the notes do not name publishers).
"""

from __future__ import annotations

import re

from . import formats
from .bibliography import Work
from .gost import parse_organisations

RIS_TYPES = {"book": "BOOK", "mvbook": "BOOK", "inbook": "CHAP", "collection": "EDBOOK",
             "mvcollection": "EDBOOK", "incollection": "CHAP", "article": "JOUR"}
CSL_TYPES = {"book": "book", "mvbook": "book", "inbook": "chapter", "collection": "book",
             "mvcollection": "book", "incollection": "chapter", "article": "article-journal"}
LANGUAGES = {"russian": "ru", "german": "de", "english": "en", "french": "fr"}


def crossref_order(works: list[Work]) -> list[Work]:
    """Entries that point to a collection come before it, as BibTeX's crossref expects."""
    depth = {w.key: len(w.ancestors()) for w in works}
    return sorted(works, key=lambda w: -depth[w.key])


# The edition's one field beyond biblatex's data model, and the custom field that carries it
# in the downloads, so that biber reads them without a warning.
EDITION_FIELDS = {"titletranslation": "usera", "journaltitletranslation": "userb"}
HEADER = ("% biblatex. usera, userb: the edition's English translation of a non-English title, journal title.\n"
          "% Written by the edition from sources/references.bib.\n\n")
FIELD_NAME = re.compile(r"^(\s*)(" + "|".join(EDITION_FIELDS) + r")(\s*)=", re.M)


ORGANIZATION = re.compile(r"^(\s*)organization(\s*)=\s*\{.*\},?\s*$", re.M)
# biblatex's data model has no `organization` for books and collections: there the bodies
# that prepared one are its `editora`, of the type `organizer`.
ORGANIZED = {"book", "mvbook", "collection", "mvcollection", "incollection", "inbook"}


def as_biblatex(work: Work) -> str:
    """An entry as the editor wrote it, in biblatex's data model: the edition's own fields
    renamed (their values as written), the organisations of a collection as its organizers."""
    raw = FIELD_NAME.sub(lambda m: m.group(1) + EDITION_FIELDS[m.group(2)].ljust(len(m.group(2)))
                         + m.group(3) + "=", work.raw.strip())
    if work.type in ORGANIZED and work.own("organization"):
        bodies = " and ".join("{" + formats.bibtex_text(o) + "}" for o in parse_organisations(work.own("organization")))
        def organizers(match: re.Match) -> str:
            indent, width = match.group(1), len("organization") + len(match.group(2))
            return (f"{indent}{'editora'.ljust(width)}= {{{bodies}}},\n"
                    f"{indent}{'editoratype'.ljust(width)}= {{organizer}},")
        raw = ORGANIZATION.sub(organizers, raw)
    return raw


def bibtex(works: list[Work], header: bool = True) -> str:
    """The entries as the editor wrote them, with the collections they need, in biblatex
    (with a header saying what the custom fields hold, for a file)."""
    chosen: dict[str, Work] = {}
    for work in works:
        for needed in (work, *work.ancestors()):
            chosen.setdefault(needed.key, needed)
    body = "\n\n".join(as_biblatex(w) for w in crossref_order(list(chosen.values()))) + "\n"
    return HEADER + body if header else body


def title_of(work: Work) -> str:
    """The work's own title, with its subtitle; a volume without one is named by its number."""
    title = work.own("title")
    if work.own("subtitle"):
        title += ": " + work.own("subtitle")
    return title


def container(work: Work) -> tuple[Work | None, str]:
    """(the publication a part is printed in, its volume number): for a document in vol. 1
    of a set, the set and "1"; for a volume of a set, the set and the volume's own number."""
    if work.parent is None:
        return None, ""
    if work.type in ("collection", "book") and work.own("volume"):
        return work.parent, work.own("volume")
    host = work.parent
    if host.own("volume") and host.parent is not None:
        return host.parent, host.own("volume")
    return host, ""


def year_of(work: Work) -> str:
    """The year of the publication: the work's own date or the nearest collection's."""
    date = work.own("date") or next((a.own("date") for a in work.ancestors() if a.own("date")), "")
    return date.split("/")[0][:4]


def _notes(work: Work) -> list[str]:
    notes = []
    if work.own("origdate"):
        notes.append(f"Document dated {work.own('origdate')}")
    organisations = parse_organisations(work.own("organization"))
    if organisations:
        notes.append("Prepared by: " + "; ".join(organisations))
    if work.own("note"):
        notes.append(work.own("note"))
    return notes


def _ris_name(name) -> str:
    """RIS's form of a name: family name, comma, given names (initials here)."""
    return f"{name.family}, {name.given}" if name.given else name.family


def _translation(work: Work) -> list[str]:
    """The edition's English title, as a note: RIS's translated-title tag is read as the
    title by some clients, and the title is the original's."""
    return [f"English title: {work.own('titletranslation')}"] if work.own("titletranslation") else []


def ris_record(work: Work) -> dict:
    record = {"type_of_reference": RIS_TYPES[work.type], "id": work.key,
              "authors": [_ris_name(n) for n in work.names("author")]}
    own = title_of(work)
    host, volume = container(work)
    if not own and work.own("volume"):
        own = f"Vol. {work.own('volume')}"
    record["title"] = own
    if host is not None:
        record["secondary_title"] = title_of(host)
        editors = [_ris_name(n) for n in host.names("editor")]
        record["secondary_authors"] = editors
        if host.names("author") and work.type == "inbook":
            record["notes"] = ["In: " + "; ".join(_ris_name(n) for n in host.names("author"))]
    if volume:
        record["volume"] = volume
    if work.type == "article":
        record["secondary_title"] = work.get("journaltitle")
        record["number"] = work.own("number")
        record["volume"] = work.own("volume")
    if not host:
        record["secondary_authors"] = [_ris_name(n) for n in work.names("editor")]
    record["year"] = year_of(work)
    record["place_published"] = work.get("location")
    record["number_of_volumes"] = work.own("volumes")
    record["notes"] = record.get("notes", []) + _notes(work) + _translation(work)
    record["language"] = LANGUAGES.get(work.lang, work.lang)
    return {k: v for k, v in record.items() if v}


def records(works: list[Work]) -> dict[str, dict[str, str]]:
    """Every work's record as a file of its own, in each format ("bib", "ris", "json"), and
    its CSL-JSON item's line ("csl", to join into the whole list): each formatter runs once
    over all the works (a large bibliography stays fast)."""
    ris_texts = formats.ris_each([ris_record(w) for w in works])
    lines = [formats.csl_item(csl_item(w)) for w in works]
    return {work.key: {"bib": bibtex([work]), "ris": ris_text, "json": formats.csl_list([line]), "csl": line}
            for work, ris_text, line in zip(works, ris_texts, lines, strict=True)}


def _csl_names(work: Work, role: str) -> list[dict]:
    return [{"family": n.family, "given": n.given} if n.given else {"literal": n.family} for n in work.names(role)]


def csl_item(work: Work) -> dict:
    host, volume = container(work)
    item = {"id": work.key, "type": CSL_TYPES[work.type],
            "title": title_of(work) or (f"Vol. {work.own('volume')}" if work.own("volume") else ""),
            "author": _csl_names(work, "author"),
            "editor": _csl_names(host if host is not None and not work.names("editor") else work, "editor"),
            "translator": _csl_names(work, "translator"),
            "container-author": _csl_names(host, "author") if host is not None and work.type == "inbook" else [],
            "container-title": (work.get("journaltitle") if work.type == "article"
                                else title_of(host) if host is not None else ""),
            "volume": volume or (work.own("volume") if work.type == "article" else ""),
            "issue": work.own("number") if work.type == "article" else "",
            "number-of-volumes": work.own("volumes"),
            "publisher-place": work.get("location"),
            "language": LANGUAGES.get(work.lang, work.lang),
            "note": "; ".join(_notes(work)),
            "keyword": work.group}
    if work.own("titletranslation"):  # CSL has no translated title: the edition's is a note
        item["note"] = "; ".join(p for p in (item["note"], *_translation(work)) if p)
    year = year_of(work)
    if year:
        item["issued"] = {"date-parts": [[int(year)]]}
    return {k: v for k, v in item.items() if v}

