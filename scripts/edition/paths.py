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
TIMELINE = SOURCES / "timeline.yml"
CHANGELOG = SOURCES / "changelog.yml"
COMMENTARY = SOURCES / "commentary.yml"
TEXTS = SOURCES / "text"

DOCS = ROOT / "docs"
LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"

# The citation pages of each language (generated in memory by the build).
WORKS_FOLDER = "works"


def prefix(lang: str) -> str:
    """A language's folder in the site: the default language at the root, the other in LANG/."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def article_markdown(lang: str) -> Path:
    return DOCS / lang / "article.md"
