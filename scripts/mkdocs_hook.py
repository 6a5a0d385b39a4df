"""The one MkDocs hook: it calls the edition's build steps (scripts/edition/build.py).

mkdocs-static-i18n builds the site once per language, so every event here runs once per
language: the sources are read and the works pages made once, on the first.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the `edition` package

from edition import build, citing, permalinks, site_files  # noqa: E402
from edition.errors import EditionError  # noqa: E402
from edition.mdx_lang import LanguageExtension  # noqa: E402

_state: dict = {}
_mark_russian = LanguageExtension()
ARTICLE_PAGES = {"index.md", "article.md"}  # the pages that carry the citation metadata


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n else config.theme.language


def _page_name(page) -> str:
    return page.file.src_uri.split("/", 1)[-1]


def on_config(config, **kwargs):
    if _mark_russian not in config.markdown_extensions:
        config.markdown_extensions.append(_mark_russian)
    return config


def on_pre_build(config, **kwargs):
    """Read and check every source, and make the works pages, once per build."""
    _mark_russian.page_lang = _language(config)
    if _language(config) != build.paths.DEFAULT_LANGUAGE and "sources" in _state:
        return  # the second language of the same build
    try:
        with build.gc_paused():
            sources = _state["sources"] = build.load()
            _state["generated"] = build.generate(sources)
            _state["cite_files"] = citing.files(sources.metadata, citing.Urls(config.site_url or "/"),
                                                sources.abstracts["en"])
    except EditionError as error:
        raise PluginError(str(error)) from None


@event_priority(-110)  # after mkdocs-static-i18n has arranged the files of this language
def on_files(files, config, **kwargs):
    lang = _language(config)
    with build.gc_paused():
        added = site_files.files_for(lang, _state["generated"], config.site_dir)
    for name, text in _state["cite_files"].items():  # the same files in every language's build
        added.append(site_files.static_file(f"{citing.CITE_FOLDER}/{name}", text, config.site_dir))
    for file in added:
        files.append(file)
    i18n = config.plugins.get("i18n")
    if i18n is not None:  # the sitemap lists each language's pages with their twins
        i18n.i18n_files_per_language[lang] += [f for f in added if f.is_documentation_page()]
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    try:
        return build.render_page(markdown, page.file.src_uri, _state["sources"], config.site_url or "/")
    except EditionError as error:
        raise PluginError(str(error)) from None


def on_page_content(html, page, config, files, **kwargs):
    if _page_name(page) == "article.md":
        return permalinks.add_paragraph_links(html, _language(config))
    return html


def on_page_context(context, page, config, nav, **kwargs):
    """Citation metadata in the head of the home and article pages."""
    if _page_name(page) in ARTICLE_PAGES and page.file.src_uri.count("/") == 1:
        sources, lang = _state["sources"], _language(config)
        context["edition_title"] = (sources.metadata.title[lang] if _page_name(page) == "article.md"
                                    else config.site_name)
        context["edition_head"] = citing.head_html(
            sources.metadata, citing.Urls(config.site_url or "/"), lang, page.canonical_url or "/",
            sources.bibliography, sources.cited_keys, sources.abstracts[lang])
    return context


CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def valid_html(output: str) -> str:
    """Two slips of Material's templates that the Nu Html Checker reports as errors:
    autocomplete="off" on its checkbox toggles, which HTML allows only on text-like inputs,
    and, on a page outside the navigation, a table-of-contents label pointing at a toggle
    that is not there."""
    output = CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    if 'id="__toc"' not in output:
        output = TOC_LABEL.sub(r'<span class="md-nav__title">\1</span>', output)
    return output


HREFLANG_LINK = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang="[^"]*">)')


def absolute_hreflang(output: str, page_url: str) -> str:
    """hreflang alternates must be absolute URLs (search engines ignore relative ones);
    Material writes them relative to the page."""
    return HREFLANG_LINK.sub(lambda m: m.group(1) + urljoin(page_url, m.group(2)) + m.group(3), output)


def on_post_page(output, page, config, **kwargs):
    output = valid_html(output)
    return absolute_hreflang(output, page.canonical_url) if page.canonical_url else output


def on_post_template(output_content, template_name, config, **kwargs):
    return valid_html(output_content) if template_name == "404.html" else output_content
