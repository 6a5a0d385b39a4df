"""The files at the repository's root that describe a release for archives and citation
tools: CITATION.cff (GitHub's "Cite this repository", Zotero) and .zenodo.json (the record
Zenodo makes when a GitHub release is archived, and the DOI it mints).

Both are written from the sources (`edition_cli.py release-files`, or `make release-files`)
and committed; a test checks that they are current. Nothing unknown is filled in: no person
stands for the edition's editors until they are named in article.yml, no DOI until one is
minted, no licence until the repository has one.
"""

from __future__ import annotations

import json

import yaml

EDITORS = "The editors of this digital edition"
FILES = ("CITATION.cff", ".zenodo.json")


def _creators(meta) -> list[dict]:
    return [{"name": name} for name in meta.edition_editors] or [{"name": EDITORS}]


def citation_cff(edition) -> str:
    meta, release = edition.metadata, edition.release
    data = {
        "cff-version": "1.2.0",
        "message": "To cite the article, cite this edition of it as below; to cite the edition's data, "
                   "cite this record.",
        "type": "dataset",
        "title": meta.edition_title["en"],
        "authors": _creators(meta),
        "version": release.version,
        "date-released": release.date,
        "abstract": edition.abstracts["en"],
        "keywords": list(meta.keywords["en"]),
        "preferred-citation": {
            "type": "article",
            "title": meta.title["ru"],
            "authors": [{"name": author.display("ru")} for author in meta.authors],
            "languages": ["rus"],
            "notes": f"{meta.title['en']}. Digital scholarly edition with an English translation, "
                     f"version {release.version} of {release.date}.",
        },
    }
    if meta.edition_doi:
        data["doi"] = meta.edition_doi
    header = "# Written by `make release-files` from sources/ (article.yml, changelog.yml): do not edit.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def zenodo_json(edition) -> str:
    meta, release = edition.metadata, edition.release
    data = {
        "title": meta.edition_title["en"],
        "upload_type": "dataset",
        "description": edition.abstracts["en"],
        "creators": _creators(meta),
        "version": release.version,
        "publication_date": release.date,
        "keywords": list(meta.keywords["en"]),
        "language": "rus",
        "notes": f"A digital scholarly edition of the article «{meta.title['ru']}» by {meta.authors[0].display('en')} "
                 "(journal, year and pages unknown), with an English translation.",
    }
    if meta.edition_doi:
        data["doi"] = meta.edition_doi
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def files(edition) -> dict[str, str]:
    return {"CITATION.cff": citation_cff(edition), ".zenodo.json": zenodo_json(edition)}
