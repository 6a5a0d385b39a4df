"""The edition's changes to the witness (`sources/emendations.yml`), checked against it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import paths, witness as witness_module, yamlfile
from .errors import EditionError
from .witness import Witness

KINDS = ("correction", "deletion", "normalisation", "sic")
PART = re.compile(r"^(summary|abstract|paragraph \d+|note \d+)$")


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
    if not isinstance(data, list):
        raise EditionError(path, 1, "expected a list of emendations")
    found: dict[str, Emendation] = {}
    line_to_page = {line.number: number for number, page in enumerate(witness.pages, 1) for line in page}
    for entry in data:
        if not isinstance(entry, yamlfile.Located):
            raise EditionError(path, None, f"each emendation must be a mapping, not {entry!r}")
        ident = entry.require("id")
        if ident in found:
            raise entry.error(f"emendation id '{ident}' is used twice")
        kind = entry.require("kind")
        if kind not in KINDS:
            raise entry.error(f"kind '{kind}' is not one of {', '.join(KINDS)}")
        part = entry.require("in")
        if not PART.match(part):
            raise entry.error(f"'in: {part}' must be summary, abstract, paragraph N or note N")
        reading, edition = entry.require("witness"), entry.require("edition")
        if kind == "sic" and reading != edition:
            raise entry.error("a sic entry keeps the witness reading: 'edition' must equal 'witness'")
        if kind != "sic" and reading == edition:
            raise entry.error("the edition reading is the same as the witness reading")
        reason = entry.require("reason", dict)
        for lang in paths.LANGUAGES:
            reason.require(lang)
        hits = [(block, offset) for where, block, offset in witness.find(reading) if where == part]
        if len(hits) != 1:
            problem = "is not found" if not hits else f"occurs {len(hits)} times"
            raise entry.error(f"the witness reading {reading!r} {problem} in {part} of {witness.path.name}")
        block, offset = hits[0]
        line = block.line_at(offset)
        found[ident] = Emendation(
            id=ident, kind=kind, part=part, witness=reading, edition=edition,
            english=entry.require("english") if kind == "sic" else "",
            reason={lang: " ".join(reason[lang].split()) for lang in paths.LANGUAGES},
            line=entry.line, witness_line=line, page=line_to_page[line],
        )
    return found


@cache
def load(path: Path = paths.EMENDATIONS) -> dict[str, Emendation]:
    return parse(yamlfile.load(path), path, witness_module.load())
