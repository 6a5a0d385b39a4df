"""What the built site sends is lighter than what the editors write, and means the same:
white space that holds a line break is one break (whitespace.compact), the stylesheet and
script lose their comments (minify). Issue: the reader's page, its first view."""

from __future__ import annotations

import gzip
import re

import pytest

from edition import minify, paths, whitespace


def test_a_run_of_white_space_with_a_line_break_becomes_the_break():
    html = ('<div>\n      <p>one\n\n   two</p>  <span> x </span>\n'
            '<pre>  keep\n    this</pre>\n  <script>\n  var a = 1;\n</script>\n  <style>\n a {}\n</style>\n</div>')
    assert whitespace.compact(html) == ('<div>\n<p>one\ntwo</p>  <span> x </span>\n'
                                        '<pre>  keep\n    this</pre>\n<script>\n  var a = 1;\n</script>\n'
                                        '<style>\n a {}\n</style>\n</div>')


def test_the_css_minifier_keeps_strings_and_descendant_pseudo_classes():
    # The space before a colon stays: in a selector it is a descendant (`.a :hover`).
    css = '/* a note */\n.a :hover > b ,\n.c { content: ", ; {}" ;  margin : 0  1em ; }\n@media (min-width: 5em) { .d{x:y} }'
    assert minify.css(css) == '.a :hover>b,.c{content:", ; {}";margin :0 1em;}@media (min-width:5em){.d{x:y}}'


def test_the_script_minifier_drops_comment_lines_and_indentation_only(tmp_path):
    source = '  // why\n  var url = "http://x//y"; // kept: not a whole line\n\n  if (a) {\n    b();\n  }\n'
    assert minify.js(source, tmp_path / "e.js") == 'var url = "http://x//y"; // kept: not a whole line\nif (a) {\nb();\n}\n'


@pytest.mark.slow
def test_the_built_site_sends_the_minified_assets_and_compact_pages(site):
    for name, shrink in (("edition.css", minify.css), ("edition.js", None)):
        source = (paths.DOCS / "assets" / name).read_text(encoding="utf-8")
        built = (site / "assets" / name).read_text(encoding="utf-8")
        expected = shrink(source) if shrink else minify.js(source, paths.DOCS / "assets" / name)
        assert built == expected and len(gzip.compress(built.encode())) < len(gzip.compress(source.encode())) * 0.8
    for page in ("article/index.html", "en/article/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|script|style)\b.*?</\1>", "", html, flags=re.S)
        assert not re.search(r"\n[ \t]+", outside), page  # no indentation left to send


@pytest.mark.browser
@pytest.mark.slow
def test_chromium_reads_the_minified_stylesheet_as_the_written_one(site, chromium):
    """The real client's reading: the same rules, the same declarations. (A custom property or
    a var() keeps its value's own tokens, so the space after a comma is left out there.)"""
    read = []
    for css in ((paths.DOCS / "assets" / "edition.css").read_text(encoding="utf-8"),
                (site / "assets" / "edition.css").read_text(encoding="utf-8")):
        page = chromium.new_page()
        page.set_content(f"<style>{css}</style>")
        rules = page.evaluate("[...document.styleSheets[0].cssRules].map(rule => rule.cssText)")
        read.append([re.sub(r",\s+", ",", rule) for rule in rules])
        page.close()
    assert len(read[0]) > 50 and read[0] == read[1]
