"""Every place where the edition relies on something Material for MkDocs or
mkdocs-static-i18n does not promise, with the test that fails if an upgrade breaks it.

Both are pinned (requirements.txt); after an upgrade, run the tests named here first.

| reliance | where | guarded by |
| --- | --- | --- |
| i18n's `current_language`: the language being built | `language()` below | tests/test_languages.py::test_html_lang_and_interface_language |
| i18n's `i18n_files_per_language`: the sitemap's pages with their twins | `register_generated_pages()` below | tests/test_crawl.py::test_the_sitemap_lists_every_page_under_the_project_path |
| the attributes i18n records on its files (`locale`, `alternates`, …), for the works pages added in memory after its `on_files` | site_files.make_file | tests/test_languages.py::test_the_language_switch_leads_to_the_twin |
| i18n writes `404.html` once per language, the last one last | mkdocs_hook.on_post_template | tests/test_build_errors.py::test_the_root_404_page_is_russian |
| Material's `htmltitle` template block, overridden so that every title is escaped text | overrides/main.html, `plain_title()` below | tests/test_hostile_text.py::test_every_page_title_is_the_hostile_text_as_text |
| Material looks for sitemap.xml beside every `<link rel="alternate">` and drops the #fragment of the language switch when it finds none | overrides/main.html (the head script), docs/assets/edition.js | tests/test_browser.py::test_language_switch_from_a_paragraph_keeps_the_paragraph |
| Material's search worker appends `*` to every word, so lunr skips stemming | overrides/assets/javascripts/lunr/min/lunr.multi.min.js | tests/test_browser.py::test_russian_search_finds_inflected_forms |
| the HTML of Material's checkbox toggles and table-of-contents label | mkdocs_hook.valid_html | tests/test_html_validity.py::test_every_built_page_is_valid_html |
| MkDocs reads the ids of raw HTML from the page's lines before parsing (so block marks are a preprocessor) | mdx_edition.BlockMarks | tests/test_crawl.py::test_every_fragment_is_an_id_in_its_target |
| i18n builds the other language inside the default language's `on_post_build`, so the hook's `on_post_build` runs once per language, the whole site built only at the last | mkdocs_hook.on_post_build (`state.built`) | tests/test_reading_page.py::test_side_by_side_the_paragraphs_start_level |
| Material fetches the search index with one XMLHttpRequest and starts its search worker with `new Worker`, both at start-up | overrides/main.html (held until search is focused) | tests/test_browser.py::test_the_search_index_waits_until_search_is_opened |
| Material closes search 125 ms after the #fragment changes | tests/test_security.py (the walk waits) | tests/test_security.py::test_a_walk_through_every_kind_of_page_records_no_violation |
| Material's `<html class="no-js">`, which its bundle removes at the end of the page: the head removes it first, so that edition.css's `.no-js` (the text face at once) holds only without JavaScript | overrides/main.html (the head script), docs/assets/edition.css | tests/test_reading_page.py::test_the_face_comes_after_the_first_paint_and_then_sets_the_text |
| i18n's English build does not count the shared docs/assets/ among its documentation files, so a Markdown link from an English page to them fails the strict build: the About pages link OFL.txt in raw HTML | docs/ru/about.md, docs/en/about.md | tests/test_crawl.py::test_every_internal_reference_resolves |
| MkDocs passes `on_page_markdown` the page without its front matter (the locator reads `page.file.content_string`) | mkdocs_hook.on_page_markdown | tests/test_mutations.py::test_mutation[ru-cite-form] |

A test named here that stops existing is itself a failure: tests/test_build_errors.py checks
that every guard above is a real test.
"""

from __future__ import annotations

import html
import re

TAG = re.compile(r"<[^>]+>")


def language(config) -> str:
    """The language being built: mkdocs-static-i18n builds the site once per language."""
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n else config.theme.language


def register_generated_pages(config, lang: str, pages) -> None:
    """Pages made in memory join the sitemap's list of this language's pages and twins."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        i18n.i18n_files_per_language[lang] += pages


def plain_title(page, config) -> str:
    """The text of the page's <title>, as Material words it, as plain text: MkDocs gives the
    title as HTML (a `.bib` title `&lt;script&gt;` stays escaped there), and Material's
    `striptags` would turn it back into markup; overrides/main.html escapes this text."""
    site = config.site_name
    meta_title = (page.meta or {}).get("title") if page.meta else None
    if meta_title:
        return f"{meta_title} - {site}"
    if page.title and not page.is_homepage:
        return f"{html.unescape(TAG.sub('', str(page.title)))} - {site}"
    return site
