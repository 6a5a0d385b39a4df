"""The edition's changes to the witness (`sources/emendations.yml`), checked against it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import paths, schemas
from .witness import Witness


@dataclass(frozen=True)
class Emendation:
    id: str
    kind: str
    part: str  # summary, abstract, paragraph N, note N
    witness: str
    edition: str
    english: str  # sic only: the reading of the English translation
    reason: dict[str, str]
    line: int  # line of the entry in emendations.yml
    witness_line: int  # line of the witness file where the reading stands
    page: int  # printed page of the witness

    @property
    def is_sic(self) -> bool:
        return self.kind == "sic"


def parse(data, path: Path, witness: Witness) -> dict[str, Emendation]:
    schemas.check(data, schemas.EMENDATIONS, path)
    found: dict[str, Emendation] = {}
    line_to_page = {line.number: number for number, page in enumerate(witness.pages, 1) for line in page}
    for entry in data:
        ident, kind, part = entry["id"], entry["kind"], entry["in"]
        if ident in found:
            raise entry.error(f"emendation id '{ident}' is used twice (first on line {found[ident].line})", "id")
        reading, edition = entry["witness"], entry["edition"]
        if kind == "sic" and reading != edition:
            raise entry.error("a sic entry keeps the witness reading: 'edition' must equal 'witness'", "edition")
        if kind == "sic" and "english" not in entry:
            raise entry.error("a sic entry needs 'english': the reading of the English translation")
        if kind != "sic" and "english" in entry:
            raise entry.error("'english' is for sic entries only: the translation follows the edition's reading",
                              "english")
        if kind != "sic" and reading == edition:
            raise entry.error("the edition reading is the same as the witness reading", "edition")
        if kind != "deletion" and not edition:
            raise entry.error(f"'edition' is empty: only a deletion removes the reading (kind: {kind})", "edition")
        hits = [(block, offset) for where, block, offset in witness.find(reading) if where == part]
        if len(hits) != 1:
            problem = "is not found" if not hits else f"occurs {len(hits)} times"
            raise entry.error(f"the witness reading {reading!r} {problem} in {part} of {witness.path.name}",
                              "witness")
        block, offset = hits[0]
        line = block.line_at(offset)
        found[ident] = Emendation(
            id=ident, kind=kind, part=part, witness=reading, edition=edition,
            english=entry.get("english", ""),
            reason={lang: " ".join(entry["reason"][lang].split()) for lang in paths.LANGUAGES},
            line=entry.line, witness_line=line, page=line_to_page[line],
        )
    return found
