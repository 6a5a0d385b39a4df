"""Where things live in the repository. Every module asks here, none hard-codes a path."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SOURCES = ROOT / "sources"
WITNESS = SOURCES / "witness" / "article.txt"
ARTICLE_META = SOURCES / "article.yml"
EMENDATIONS = SOURCES / "emendations.yml"
HYPHENATION = SOURCES / "hyphenation.yml"
NAMES = SOURCES / "names.yml"
BIBLIOGRAPHY = SOURCES / "references.bib"
TEXTS = SOURCES / "text"

DOCS = ROOT / "docs"
LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"

# Generated pages and downloads, one folder per language, git-ignored.
WORKS_FOLDER = "works"
CITE_FOLDER = "cite"


def article_markdown(lang: str) -> Path:
    return DOCS / lang / "article.md"


def works_dir(lang: str) -> Path:
    return DOCS / lang / WORKS_FOLDER
