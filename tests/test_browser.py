"""The real site in a real browser: Debian's Chromium driven by Playwright."""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

@pytest.fixture(scope="session")
def browser(chromium):
    return chromium


@pytest.fixture(scope="session")
def base(site, serve):
    return serve(site)


def in_view(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector, "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")


def test_language_switch_from_a_paragraph_keeps_the_paragraph(page, base):
    page.goto(f"{base}/en/article/#p7")
    page.wait_for_load_state("load")
    assert in_view(page, "#p7")
    page.hover(".md-select")  # the language menu opens on hover
    page.click("a.md-select__link[hreflang='ru']")
    page.wait_for_url(re.compile(r"/article/#p7$"))
    assert not page.url.rstrip("/").endswith("/en/article#p7")
    assert page.evaluate("document.documentElement.lang") == "ru"
    assert in_view(page, "#p7")
    assert page.inner_text("#p7").startswith("2 февраля 1923 г.")


def test_language_switch_follows_the_paragraph_in_view(page, base):
    page.goto(f"{base}/article/")
    page.eval_on_selector("#p9", "e => e.scrollIntoView()")
    page.hover(".md-select")
    page.click("a.md-select__link[hreflang='en']")
    page.wait_for_url(re.compile(r"/en/article/#p9$"))
    assert in_view(page, "#p9")


READY = ("Начните печатать для поиска", "Type to start searching")  # Material's ready message


def _search(page, base, path: str, query: str) -> list[str]:
    page.goto(f"{base}{path}")
    page.click("input.md-search__input")
    # Typing before the search worker has built its index loses the query: wait for it.
    page.wait_for_function("ready => ready.includes(document.querySelector('.md-search-result__meta')"
                           ".textContent.trim())", arg=list(READY), timeout=15000)
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material searches on a key press: one, with the whole query
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    return [urlsplit(href).path for href in links]  # without Material's ?h= highlight query


def test_russian_search_finds_inflected_forms(page, base):
    # «переговорами» is nowhere in the site: only the Russian stemmer can find the article.
    results = _search(page, base, "/article/", "переговорами")
    assert results[0] == "/article/", results  # the article ranks first
    # «переговоров» finds the other forms too, highlighted in the excerpts.
    _search(page, base, "/article/", "переговоров")
    marked = page.eval_on_selector_all(".md-search-result mark", "m => m.map(e => e.textContent.toLowerCase())")
    assert "переговоры" in marked, marked


def test_english_search_finds_inflected_forms(page, base):
    # The singular «negotiation» is nowhere in the site; «negotiations» is.
    results = _search(page, base, "/en/article/", "negotiation")
    assert "/en/article/" in results, results
    marked = page.eval_on_selector_all(".md-search-result mark", "m => m.map(e => e.textContent.toLowerCase())")
    assert "negotiations" in marked, marked
    assert results[0] == "/en/article/", results  # the article ranks first


@pytest.mark.parametrize("path", ["/article/", "/en/article/"])
def test_the_search_index_waits_until_search_is_opened(browser, base, path):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    try:
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        before = list(requests)
        page.click("input.md-search__input")
        page.wait_for_function("ready => ready.includes(document.querySelector('.md-search-result__meta')"
                               ".textContent.trim())", arg=list(READY), timeout=15000)
    finally:
        context.close()
    for asked in ("/search/search_index.json", "/workers/search."):  # the index, and the worker
        assert not any(asked in p for p in before), before
        assert any(asked in p for p in requests), requests


# --- the reader's edition ------------------------------------------------------------------------

TOOLTIP = ".md-tooltip2--active"


def _preview_text(page) -> str:
    page.wait_for_selector(TOOLTIP, state="visible", timeout=15000)  # a busy CI machine is slow
    return page.inner_text(TOOLTIP)


def test_hovering_note_10_shows_the_note(page, base):
    page.goto(f"{base}/article/")
    page.hover('a.footnote-ref[href="#fn:10"]')
    text = _preview_text(page)
    assert "Горлов С. А." in text and "С. 76" in text


def test_keyboard_focus_on_note_10_shows_the_note(page, base):
    page.goto(f"{base}/en/article/")
    page.focus('a.footnote-ref[href="#fn:9"]')
    for _ in range(6):  # on to note 10 with the keyboard, as a reader would (past the [sic] link and
        # the letters of two editor's notes)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "#fn:10":
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#fn:10"
    text = _preview_text(page)
    assert "Gorlov S. A." in text and "Op. cit." in text and "p. 76" in text


def test_tapping_a_note_on_a_touch_screen_shows_the_note(browser, base):
    context = browser.new_context(viewport={"width": 412, "height": 860}, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(f"{base}/article/")
        page.tap('a.footnote-ref[href="#fn:10"]')
        text = _preview_text(page)
        assert "Горлов С. А." in text
    finally:
        context.close()


def test_the_link_inside_a_preview_opens_the_source_page(page, base):
    page.goto(f"{base}/article/")
    page.hover('a.footnote-ref[href="#fn:10"]')
    page.wait_for_selector(TOOLTIP, state="visible")
    page.wait_for_timeout(400)  # the preview fades in; click once it stands still
    page.click(f"{TOOLTIP} a[href*='works/gorlov2001']")
    page.wait_for_url(re.compile(r"/works/gorlov2001/$"))
    assert "Совершенно секретно" in page.inner_text("h1")


@pytest.mark.parametrize("path", ["/article/", "/en/article/", "/", "/en/works/gorlov2001/"])
def test_no_request_leaves_the_site(browser, base, path):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        page.click("input.md-search__input")  # the search loads its worker and index on demand
        page.fill("input.md-search__input", "Рур")
        page.keyboard.press("End")
        page.wait_for_timeout(500)
    finally:
        context.close()
    assert requests and all(url.startswith(base) or url.startswith("data:") for url in requests), \
        [url for url in requests if not url.startswith(base)]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_article_prints_like_a_journal_article(browser, base, lang, tmp_path_factory):
    context = browser.new_context(viewport={"width": 800, "height": 1100})
    page = context.new_page()
    try:
        page.goto(f"{base}{'/article/' if lang == 'ru' else '/en/article/'}")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer',
            '.paragraph-link', 'details.quote'].map(s => {
              const e = document.querySelector(s); return e ? getComputedStyle(e).display : 'none'; })""")
        assert set(hidden) == {"none"}, hidden
        assert page.evaluate("getComputedStyle(document.querySelector('.footnote ol')).listStyleType") == "decimal"
        assert "serif" in page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
        folder = tmp_path_factory.getbasetemp() / "print"
        folder.mkdir(exist_ok=True)
        page.screenshot(path=str(folder / f"article-{lang}.png"), full_page=True)
    finally:
        context.close()
