"""The reader's page in Chromium: the notes in the margin, the side-by-side text, the
article's header and the text face (issue: the reader's page)."""

from __future__ import annotations

import html as html_module
import re

import pytest

from edition import paths, webfonts

WIDE, PHONE = 1440, 390


@pytest.fixture(scope="module")
def base(site, serve):
    return serve(site)


FACE_IN = "document.documentElement.classList.contains('edition-fonts') && document.fonts.status === 'loaded'"


def face_is_in(page, seconds: float = 10) -> None:
    """Waits until edition.js has called the text face in and the browser has loaded it
    (polled: the pages' policy forbids the eval that wait_for_function would need)."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(FACE_IN):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the text face was not called in, or did not load, within 10 s")


def fonts_of(page, selector: str) -> list[dict]:
    """The faces Chromium draws an element's text with, as its DevTools report them."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.fixture
def open_page(chromium):
    contexts = []

    def opened(url: str, width: int, javascript: bool = True):
        context = chromium.new_context(viewport={"width": width, "height": 1000}, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        if javascript:
            face_is_in(page)
            page.wait_for_timeout(200)  # the margin is laid out again once the fonts are in
        return page
    yield opened
    for context in contexts:
        context.close()


MARGIN = """() => [...document.querySelectorAll('.margin-note')].map(note => {
  const sup = document.getElementById(note.dataset.for), ref = sup.getBoundingClientRect();
  const box = note.getBoundingClientRect(), p = sup.closest('p').getBoundingClientRect();
  return {for: note.dataset.for, top: box.top, bottom: box.bottom, left: box.left, right: box.right,
          height: box.height, ref: ref.top, textRight: p.right,
          line: parseFloat(getComputedStyle(sup.closest('p')).lineHeight),
          shown: getComputedStyle(note).display !== 'none' && note.offsetParent !== null};
})"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path", ["article/", "en/article/"])
def test_every_note_stands_in_the_margin_beside_its_reference(open_page, base, path):
    page = open_page(f"{base}/{path}", WIDE)
    notes = page.evaluate(MARGIN)
    refs = page.evaluate("""() => [...document.querySelectorAll('p[id^="p"] a.footnote-ref')]
                            .map(a => a.parentNode.id)""")
    assert [n["for"] for n in notes] == refs and len(refs) >= 21  # the author's 21 and the editor's
    for note in notes:
        assert note["shown"] and note["height"] >= 10, note
        assert abs(note["top"] - note["ref"]) <= note["line"], note  # within a line of its reference
        assert note["left"] > note["textRight"] and note["right"] <= WIDE, note  # beside the text
    ordered = sorted(notes, key=lambda n: n["top"])
    for one, two in zip(ordered, ordered[1:]):
        assert one["bottom"] <= two["top"], (one["for"], two["for"])  # never over each other


@pytest.mark.browser
@pytest.mark.slow
def test_the_margin_copies_are_not_read_twice_nor_shown_on_a_phone(open_page, base):
    page = open_page(f"{base}/article/", WIDE)
    assert page.evaluate("document.querySelector('.margin-notes').getAttribute('aria-hidden')") == "true"
    assert page.evaluate("[...document.querySelectorAll('.margin-notes a')].every(a => a.tabIndex === -1)")
    phone = open_page(f"{base}/article/", PHONE)
    assert phone.evaluate("[...document.querySelectorAll('.margin-note')].every(n => n.offsetParent === null)")
    assert phone.is_visible("#fn\\:10")  # the list at the foot stays


ROWS = """lang => [...document.querySelectorAll('.parallel-row')].map(row => {
  const ru = row.querySelector('#ru-' + row.id).getBoundingClientRect();
  const en = row.querySelector('#en-' + row.id).getBoundingClientRect();
  return {id: row.id, ru: [ru.top, ru.bottom, ru.left], en: [en.top, en.bottom, en.left]};
})"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path", ["parallel/", "en/parallel/"])
def test_side_by_side_the_paragraphs_start_level(open_page, base, path):
    rows = open_page(f"{base}/{path}", WIDE).evaluate(ROWS)
    assert [r["id"] for r in rows] == [f"p{n}" for n in range(1, 13)]
    for row in rows:
        assert abs(row["ru"][0] - row["en"][0]) < 1, row  # level
        assert row["ru"][2] < row["en"][2], row  # Russian left, English right


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path", ["parallel/", "en/parallel/"])
def test_on_a_phone_the_languages_follow_each_other(open_page, base, path):
    rows = open_page(f"{base}/{path}", PHONE).evaluate(ROWS)
    for row in rows:
        assert row["ru"][1] <= row["en"][0] and abs(row["ru"][2] - row["en"][2]) < 1, row


@pytest.mark.browser
@pytest.mark.slow
def test_side_by_side_reads_without_javascript(open_page, base):
    page = open_page(f"{base}/en/parallel/#p7", WIDE, javascript=False)
    assert page.locator(".parallel-row").count() == 12
    assert "2 февраля 1923 г." in page.inner_text("#ru-p7") and "2 February 1923" in page.inner_text("#en-p7")
    assert page.is_visible("#ru-fn\\:17") and page.is_visible("#en-fn\\:17")  # each language's notes


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_a_paragraph_leads_to_its_pair_and_back(open_page, base, lang):
    prefix = "" if lang == paths.DEFAULT_LANGUAGE else f"{lang}/"
    page = open_page(f"{base}/{prefix}article/", WIDE)
    page.click('#p7 a.parallel-link')
    page.wait_for_url(re.compile(rf"/{prefix}parallel/#p7$"))
    top = page.evaluate("document.getElementById('p7').getBoundingClientRect().top")
    assert 0 <= top < 200, top  # the pair in view
    page.click(f"#{lang}-p7 a.paragraph-link")
    page.wait_for_url(re.compile(rf"/{prefix}article/#p7$"))


@pytest.mark.slow
@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_the_article_header_says_what_the_edition_knows(site, ed, lang):
    prefix = "" if lang == paths.DEFAULT_LANGUAGE else f"{lang}/"
    html = (site / prefix / "article" / "index.html").read_text(encoding="utf-8")
    header = html_module.unescape(re.search(r'<section class="article-header".*?</section>', html, re.S).group(0))
    terms = re.findall(r"<dt>(.*?)</dt>", header)
    assert len(terms) == 6
    release = ed.release
    assert release.version in header and release.date_label(lang) in header
    assert ed.metadata.authors[0].display(lang) in header
    for target in ("edition-" + lang + ".pdf", "edition-" + lang + ".epub", "edition.tei.xml",
                   "parallel/", "changelog/"):
        assert target in header, target
    other = "en" if lang == "ru" else "ru"
    assert ed.metadata.title[other] in header
    if not ed.metadata.journal:  # what the source does not give is said, not guessed
        assert ("не указаны" if lang == "ru" else "gives neither") in header


@pytest.mark.slow
def test_the_site_face_has_every_character_of_the_site(site):
    """The committed cut of Charis SIL holds every character the built site shows that the
    face itself has: a text that gains a new one fails here until `make fonts` is run."""
    from fontTools.ttLib import TTFont
    whole = {chr(c) for face in webfonts.fonts.faces() for c in TTFont(str(face.path)).getBestCmap()}
    covered = webfonts.covered()
    shown = webfonts.site_characters(site)
    for char in sorted(shown & whole):
        part = webfonts.part_of(char)
        for face in webfonts.FACES:
            assert char in covered[webfonts.file_name(face, part)], (char, hex(ord(char)), face)


# --- The text face after the first paint -------------------------------------------------------

FONT_REQUESTS = """() => ({
  paint: performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint').startTime,
  fonts: performance.getEntriesByType('resource').filter(e => e.name.endsWith('.woff2')).map(e => e.startTime),
})"""
SHIFTS = """() => { window.edShifts = [];
  new PerformanceObserver(list => { for (const e of list.getEntries()) window.edShifts.push(e.value); })
    .observe({type: 'layout-shift', buffered: true}); }"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path", ["article/", "en/article/"])
def test_the_face_comes_after_the_first_paint_and_then_sets_the_text(chromium, base, path):
    """A first visit paints in the reader's serif, fetches the face after that paint (a font
    fetched before it delays it), then shows the text in the face; the next page calls it in
    from the head at once."""
    context = chromium.new_context(viewport={"width": PHONE, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/{path}")
    page.wait_for_load_state("load")
    face_is_in(page)
    timing = page.evaluate(FONT_REQUESTS)
    assert timing["fonts"] and min(timing["fonts"]) > timing["paint"], timing
    faces = {f["familyName"] for f in fonts_of(page, "#p1")}
    assert faces == {"Edition Serif"}, faces
    again = context.new_page()
    again.goto(f"{base}/{path}#p7")
    assert "edition-fonts" in again.evaluate("document.documentElement.className")
    context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_without_javascript_the_text_is_in_the_face(open_page, base):
    page = open_page(f"{base}/article/", PHONE, javascript=False)
    page.wait_for_timeout(300)
    assert {f["familyName"] for f in fonts_of(page, "#p1")} == {"Edition Serif"}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", [PHONE, WIDE])
@pytest.mark.parametrize("path", ["article/", "en/article/"])
def test_the_face_arriving_hardly_moves_the_page(chromium, base, path, width):
    """The fallback is scaled to the face (webfonts.FALLBACKS): the swap's layout shift stays
    far below the 0.1 that browsers call good, and the article is about as long in both."""
    lengths = {}
    for blocked in (False, True):
        context = chromium.new_context(viewport={"width": width, "height": 900})
        if blocked:  # the face never comes: the text stays in the fallback
            context.route("**/*.woff2", lambda route: route.abort())
        page = context.new_page()
        page.add_init_script(f"({SHIFTS})()")
        page.goto(f"{base}/{path}")
        page.wait_for_load_state("load")
        if blocked:
            page.wait_for_timeout(500)
            # The About page's promise: Times New Roman (here its metric twin) or DejaVu Serif.
            faces = {f["familyName"] for f in fonts_of(page, "#p1")}
            assert faces <= {"Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif"} and faces, faces
        else:
            face_is_in(page)
            page.wait_for_timeout(300)
            assert sum(page.evaluate("window.edShifts")) < 0.05
        lengths[blocked] = page.evaluate("document.querySelector('#p12').getBoundingClientRect().bottom"
                                         " - document.querySelector('#p1').getBoundingClientRect().top")
        context.close()
    assert abs(lengths[True] - lengths[False]) / lengths[False] < 0.04, lengths


def test_the_stylesheet_has_the_face_rules_make_fonts_writes():
    """edition.css's @font-face block is the one webfonts.css_rules() writes from the parts'
    ranges and the fallbacks' measures: edited by hand or stale, it fails here."""
    css = webfonts.STYLESHEET.read_text(encoding="utf-8")
    assert webfonts.with_css_rules(css) == css, "edition.css's @font-face block is stale: run `make fonts`"
    # The licence travels beside the cuts (OFL §2), each cut keeping the copyright and naming it.
    from fontTools.ttLib import TTFont
    assert (webfonts.OUT / webfonts.LICENCE_FILE).read_text(encoding="utf-8") == webfonts.licence_text()
    assert "Reserved Font Names" in webfonts.licence_text()
    for part in webfonts.RANGES:
        for face in webfonts.FACES:
            names = TTFont(str(webfonts.OUT / webfonts.file_name(face, part)))["name"]
            assert names.getDebugName(0).startswith("Copyright") and names.getDebugName(1) == webfonts.FAMILY
            assert webfonts.LICENCE_FILE in names.getDebugName(13)


@pytest.mark.slow
@pytest.mark.parametrize("lang", paths.LANGUAGES)
def test_side_by_side_the_editors_notes_keep_their_letters(site, ed, lang):
    """A lettered list that holds only some of the editor's notes numbers each by its letter."""
    html = (site / paths.prefix(lang) / "parallel" / "index.html").read_text(encoding="utf-8")
    found = dict(re.findall(r'<li id="(?:ru|en)-ed-([a-z0-9-]+)" value="(\d+)"', html))
    letters = {note.id: note.letter for note in ed.commentary}
    assert found and set(found) == set(letters)
    for ident, value in found.items():
        assert chr(ord("a") + int(value) - 1) == letters[ident], ident
