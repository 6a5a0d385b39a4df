"""The bibliography as files to download: BibTeX (as written) and RIS."""

from __future__ import annotations

from .bibliography import Work
from .gost import parse_organisations

RIS_TYPES = {"book": "BOOK", "mvbook": "BOOK", "inbook": "CHAP", "collection": "EDBOOK",
             "mvcollection": "EDBOOK", "incollection": "CHAP", "article": "JOUR"}
RIS_LANGUAGES = {"russian": "ru", "german": "de", "english": "en", "french": "fr"}


def crossref_order(works: list[Work]) -> list[Work]:
    """Entries that point to a collection come before it, as BibTeX's crossref expects."""
    depth = {w.key: len(w.ancestors()) for w in works}
    return sorted(works, key=lambda w: -depth[w.key])


def bibtex(works: list[Work]) -> str:
    """The entries exactly as the editor wrote them, with the collections they need."""
    chosen: dict[str, Work] = {}
    for work in works:
        for needed in (work, *work.ancestors()):
            chosen.setdefault(needed.key, needed)
    return "\n\n".join(w.raw.strip() for w in crossref_order(list(chosen.values()))) + "\n"


def _title(work: Work) -> str:
    title = work.own("title")
    if work.own("subtitle"):
        title += ": " + work.own("subtitle")
    return title


def ris_record(work: Work) -> str:
    lines = [("TY", RIS_TYPES[work.type])]
    lines += [("AU", f"{n.family}, {n.given}".strip(", ")) for n in work.names("author")]
    own_title = _title(work) or (f"Т. {work.own('volume')}" if work.own("volume") else "")
    lines.append(("TI", own_title))
    # The container: the collection or book a part is printed in; the set a volume belongs to.
    container = work.parent
    if container is not None:
        book = container.parent if container.parent is not None and container.own("volume") else container
        lines.append(("T2", _title(book)))
        if container.own("volume"):
            lines.append(("VL", container.own("volume")))
        lines += [("A2", f"{n.family}, {n.given}") for n in book.names("editor")]
    if work.type == "article":
        lines.append(("T2", work.get("journaltitle")))
        lines += [("IS", work.own("number"))] if work.own("number") else []
        lines += [("VL", work.own("volume"))] if work.own("volume") else []
    lines += [("ED", f"{n.family}, {n.given}") for n in work.names("editor")]
    lines += [("PB", o) for o in parse_organisations(work.own("organization"))]
    date = work.get("date")
    if date:
        lines.append(("PY", date.split("/")[0][:4]))
    if work.own("origdate"):
        lines.append(("DA", work.own("origdate").replace("-", "/")))
    if work.get("location"):
        lines.append(("CY", work.get("location")))
    if work.own("volumes"):
        lines.append(("NV", work.own("volumes")))
    if work.own("note"):
        lines.append(("N1", work.own("note")))
    if work.lang:
        lines.append(("LA", RIS_LANGUAGES.get(work.lang, work.lang)))
    lines.append(("ID", work.key))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}" for tag, value in lines if value or tag == "ER")


def ris(works: list[Work]) -> str:
    return "\n\n".join(ris_record(w) for w in works) + "\n"
