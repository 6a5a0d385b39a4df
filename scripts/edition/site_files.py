"""Handing the generated pages to MkDocs in memory, as pages of the language being built.

mkdocs-static-i18n rebuilds every file it sees in `on_files` from its path on disk, so a page
that exists only in memory is lost if the plugin sees it. These files are therefore added
after the plugin's `on_files` (the hook runs later), already shaped the way the plugin shapes
its own: the default language at the site root, the other under /LANG/, each page knowing
its twin in the other language (the language switch and the sitemap read `alternates`).

Nothing is written to docs/: no generated file can go stale or be edited by hand, and
`mkdocs serve` has nothing to watch but the sources.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from . import paths


def dest_uri(lang: str, name: str) -> str:
    """`works/KEY/index.html` for a page, `works/references.bib` for a download."""
    prefix = paths.prefix(lang)
    if name.endswith(".md"):
        stem = name.removesuffix(".md")
        page = f"{paths.WORKS_FOLDER}/index.html" if stem == "index" else f"{paths.WORKS_FOLDER}/{stem}/index.html"
        return prefix + page
    return f"{prefix}{paths.WORKS_FOLDER}/{name}"


def make_file(lang: str, name: str, content: str, site_dir: str) -> File:
    file = File(f"{lang}/{paths.WORKS_FOLDER}/{name}", src_dir=None, dest_dir=site_dir,
                use_directory_urls=True, dest_uri=dest_uri(lang, name))
    file.generated_by = "edition"
    file.content_string = content  # in memory (MkDocs 1.6 public API)
    # What mkdocs-static-i18n records on the files it builds itself.
    file.locale = file.localization = file.locale_alternate_of = lang
    file.norm_src_uri = f"{paths.WORKS_FOLDER}/{name}"
    file.alternates = {lang: file}
    return file


class Twin:
    """The same page in another language, as the switch and the sitemap need it: its URL."""

    page = None

    def __init__(self, lang: str, name: str):
        uri = dest_uri(lang, name)
        self.url = uri.removesuffix("index.html") if uri.endswith("index.html") else uri


def files_for(lang: str, generated: dict[str, dict[str, str]], site_dir: str) -> list[File]:
    """The generated files of `lang`, each linked to its twin in every other language."""
    files = []
    others = [other for other in generated if other != lang]
    for name, content in generated[lang].items():
        file = make_file(lang, name, content, site_dir)
        for other in others:
            if name in generated[other]:
                file.alternates[other] = Twin(other, name)
        files.append(file)
    return files


def static_file(path: str, content: str, site_dir: str) -> File:
    """A file outside the language folders (`cite/article.bib`), the same for every language."""
    file = File(path, src_dir=None, dest_dir=site_dir, use_directory_urls=True, dest_uri=path)
    file.generated_by = "edition"
    file.content_string = content
    return file
