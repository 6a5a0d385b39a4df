"""The one MkDocs hook. It only orchestrates: sources → edition object → pages.

    on_config       the edition's Markdown extension joins the build (once)
    on_pre_build    the edition is read from sources/ (edition.load), the works pages and
                    citation files made, once per build (the first language)
    on_files        those generated files handed to MkDocs, in memory, for each language
    on_page_markdown  the extension is told which page it renders; an article gets the letters
                    of the editor's notes (commentary.py), which its file never holds
    on_page_context   citation metadata for the head of the home and article pages
    on_post_page    two slips of Material's HTML mended; absolute hreflang links; the page's
                    Content-Security-Policy (csp.py)
    on_page_content the rendered home, article and bibliography pages kept for the books and
                    the side-by-side text
    on_post_build   once both languages are built: the side-by-side text put into its pages
                    (parallel.py); the PDF and EPUB of each language (books/), unless EDITION_BOOKS=0 or in
                    a preview; in a preview (`mkdocs serve`), the error page if anything went wrong

mkdocs-static-i18n builds the site once per language, so each event runs once per language.
The state of a build (the edition, the generated files, a preview's problems) lives on the
extension object in `config.markdown_extensions`, which both language builds share; a new
`mkdocs serve` rebuild loads a new config and so starts afresh. What this relies on in
Material and mkdocs-static-i18n is listed in scripts/edition/internals.py.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the `edition` package

from edition import article as article_module  # noqa: E402
from edition import (  # noqa: E402
    article_records,
    citing,
    commentary,
    csp,
    downloads,
    internals,
    marks,
    minify,
    parallel,
    paths,
    preview,
    site_files,
    tei,
    whitespace,
)
from edition import edition as edition_module  # noqa: E402
from edition.books import content as book_content  # noqa: E402
from edition.books import make as books  # noqa: E402
from edition.errors import EditionError  # noqa: E402
from edition.mdx_edition import EditionExtension, Page  # noqa: E402

ARTICLE_PAGES = {"index.md", "article.md"}  # the pages that carry the citation metadata


@dataclass
class BuildState:
    edition: edition_module.Edition | None = None
    generated: dict = field(default_factory=dict)
    cite_files: dict = field(default_factory=dict)
    problems: list[str] | None = None  # a preview's errors; None in a real build
    warnings: list[str] = field(default_factory=list)  # a preview's warnings from MkDocs
    not_found_page: str = ""  # the default language's 404 page
    tei: str = ""  # the edition in TEI P5
    repository: str = ""  # the source repository's address (EDITION_REPOSITORY), where known
    rendered: dict = field(default_factory=dict)  # {lang: {page: book_content.Rendered}} for the books
    built: int = 0  # the language builds finished


def _extension(config) -> EditionExtension:
    return next(e for e in config.markdown_extensions if isinstance(e, EditionExtension))


def _state(config) -> BuildState:
    return _extension(config).state


def _fail(state: BuildState, error: EditionError) -> None:
    """Stop the build with the error's sentence; in a preview, note it and go on."""
    if state.problems is None:
        raise PluginError(str(error)) from None
    if str(error) not in state.problems:
        state.problems.append(str(error))


def on_config(config, **kwargs):
    if not any(isinstance(e, EditionExtension) for e in config.markdown_extensions):
        extension = EditionExtension()
        extension.state = BuildState(problems=[] if preview.is_preview() else None)
        if extension.state.problems is not None:
            preview.collect_warnings(extension.state.warnings)
        config.markdown_extensions.append(extension)
    if not (config.site_url or "").strip():
        raise PluginError("SITE_URL is empty: leave it unset for a local build, or give the site's "
                          "address, such as https://OWNER.github.io/REPO/")
    _extension(config).state.repository = os.environ.get("EDITION_REPOSITORY", "").strip()
    return config


def on_pre_build(config, **kwargs):
    """Read and check every source, and make the works pages, once per build."""
    state = _state(config)
    _check_output_folder(config.site_dir)
    if internals.language(config) != paths.DEFAULT_LANGUAGE and state.edition is not None:
        _show_release(config, state)
        return  # the second language of the same build
    try:
        with edition_module.gc_paused():
            state.edition = edition_module.load()
            _check_release_tag(state.edition.release)
            state.generated = edition_module.generate(state.edition)
            state.cite_files = article_records.files(state.edition.metadata, citing.Urls(config.site_url),
                                                     state.edition.abstracts, state.edition.release)
            state.tei = tei.document(state.edition, state.edition.release.version, state.edition.release.date,
                                     config.site_url)
    except EditionError as error:
        _fail(state, error)
    _show_release(config, state)


def _check_release_tag(release) -> None:
    """A build of a release tag (the Pages workflow passes it) must be of the newest release."""
    tag = os.environ.get("EDITION_RELEASE_TAG", "").strip()
    if tag and tag != release.tag:
        raise EditionError(paths.CHANGELOG, release.line, f"the build is of the tag {tag}, but the newest "
                                                          f"release here is {release.version}: add {tag}'s entry first")


def _show_release(config, state: BuildState) -> None:
    """The version and date for the footer of every page of this language (copyright.html)."""
    if state.edition is None:
        return
    lang, release = internals.language(config), state.edition.release
    config.extra["release"] = {"version": release.version, "date": release.date_label(lang),
                               "changelog": f"{paths.prefix(lang)}changelog/", "lang": lang}


def _check_output_folder(site_dir: str) -> None:
    folder = Path(site_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".edition-write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as error:
        raise PluginError(f"{site_dir}: the site cannot be written there ({error.strerror or error}): "
                          "choose another folder with -d, or make this one writable") from None


@event_priority(-110)  # after mkdocs-static-i18n has arranged the files of this language
def on_files(files, config, **kwargs):
    state, lang = _state(config), internals.language(config)
    if state.edition is None:
        return files  # a preview with a broken source: nothing to add
    with edition_module.gc_paused():
        added = site_files.files_for(lang, state.generated, config.site_dir)
    for name, text in state.cite_files.items():  # the same files in every language's build
        added.append(site_files.static_file(f"{citing.CITE_FOLDER}/{name}", text, config.site_dir))
    added.append(site_files.static_file(downloads.TEI_PATH, state.tei, config.site_dir))
    for file in added:
        files.append(file)
    internals.register_generated_pages(config, lang, [f for f in added if f.is_documentation_page()])
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    state, extension = _state(config), _extension(config)
    src_uri = page.file.src_uri
    lang = src_uri.split("/", 1)[0]
    extension.page_lang = internals.language(config)
    extension.page = None
    if state.edition is None or lang not in paths.LANGUAGES or edition_module.is_generated(src_uri):
        return markdown
    path = paths.DOCS / src_uri
    # The locator reads the file as written: MkDocs has taken the front matter off `markdown`.
    locator = marks.Locator(page.file.content_string)
    article = next((a for a in state.edition.articles.values() if a.path == path), None)
    if article is None:  # the articles were checked when the edition was loaded
        try:
            for text, line in marks.broken(locator.lines):
                raise EditionError(path, line, marks.describe_broken(text))
            article_module.check_footnotes(markdown, path)
        except EditionError as error:
            _fail(state, error)
    extension.page = Page(lang, src_uri, path, state.edition, config.site_url, locator,
                          state.problems, state.repository)
    if article is not None:
        markdown = commentary.into_article(markdown, article, state.edition.commentary, lang)
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    lang, _, name = page.file.src_uri.partition("/")
    if name in book_content.PAGES and lang in paths.LANGUAGES:
        url = page.canonical_url or urljoin(config.site_url or "/", page.url)
        _state(config).rendered.setdefault(lang, {})[name] = book_content.Rendered(html, url)
    return html


def on_page_context(context, page, config, nav, **kwargs):
    """Citation metadata in the head of the home and article pages; the page's title as text."""
    state, lang = _state(config), internals.language(config)
    context["edition_title"] = internals.plain_title(page, config)
    name = page.file.src_uri.split("/", 1)[-1]
    if state.edition is not None and name in ARTICLE_PAGES and page.file.src_uri.count("/") == 1:
        meta = state.edition.metadata
        context["edition_title"] = meta.title[lang] if name == "article.md" else config.site_name
        context["edition_head"] = citing.head_html(
            meta, citing.Urls(config.site_url), lang, page.canonical_url or "/",
            state.edition.bibliography, state.edition.cited_keys,
            # The abstract in the data of the page that shows it (citation_abstract_html_url):
            # on the article's, a kilobyte more of the page that must reach a phone quickly.
            state.edition.abstracts[lang] if name == "index.md" else "", state.edition.release)
    return context


CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def valid_html(output: str) -> str:
    """Two slips of Material's templates that the Nu Html Checker reports as errors:
    autocomplete="off" on its checkbox toggles, which HTML allows only on text-like inputs,
    and, on a page outside the navigation, a table-of-contents label pointing at a toggle
    that is not there. (Material's templates are not overridden for these: the partials
    would have to be copied whole.)"""
    output = CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    if 'id="__toc"' not in output:
        output = TOC_LABEL.sub(r'<span class="md-nav__title">\1</span>', output)
    return output


HREFLANG_LINK = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang="[^"]*">)')


def absolute_hreflang(output: str, page_url: str) -> str:
    """hreflang alternates must be absolute URLs (search engines ignore relative ones);
    Material writes them relative to the page."""
    return HREFLANG_LINK.sub(lambda m: m.group(1) + urljoin(page_url, m.group(2)) + m.group(3), output)


def _secured(output: str, config) -> str:
    """The page with its Content-Security-Policy (scripts/edition/csp.py); not in a preview,
    whose server injects its own reloading script."""
    return output if _state(config).problems is not None else csp.add(output)


def on_post_page(output, page, config, **kwargs):
    output = whitespace.compact(valid_html(output))
    if page.canonical_url:
        output = absolute_hreflang(output, page.canonical_url)
    return _secured(output, config)


def on_post_template(output_content, template_name, config, **kwargs):
    if template_name != "404.html":
        return output_content
    # One 404.html serves the whole site: the default language's (mkdocs-static-i18n writes
    # it once per language, the last language last).
    state = _state(config)
    if internals.language(config) == paths.DEFAULT_LANGUAGE or not state.not_found_page:
        state.not_found_page = _secured(whitespace.compact(valid_html(output_content)), config)
    return state.not_found_page


def _parallel_urls(config) -> dict[str, str]:
    """The address of each language's side-by-side page."""
    base = config.site_url or "/"
    return {lang: urljoin(base, paths.prefix(lang) + "parallel/") for lang in paths.LANGUAGES}


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config, **kwargs):
    state = _state(config)
    # mkdocs-static-i18n builds the other language inside the default language's build, and
    # this runs at the end of each: the work of the whole site waits for the last one.
    state.built += 1
    whole_site = state.built == len(paths.LANGUAGES) and state.edition is not None
    if whole_site:
        try:
            parallel.fill(config.site_dir, state.rendered, _parallel_urls(config))
            minify.site_assets(Path(config.site_dir), Path(config.docs_dir) / "assets")
            if state.problems is None and books.wanted():
                books.write_all(state.edition, state.rendered, Path(config.site_dir))
        except EditionError as error:
            _fail(state, error)
    # The edition's own errors first: MkDocs' warnings then are mostly their consequences
    # (a bibliography that did not load leaves every link to it broken).
    shown = state.problems or state.warnings
    if shown:
        preview.replace_pages(config.site_dir, shown)

