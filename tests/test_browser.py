"""The real site in a real browser: Debian's Chromium driven by Playwright."""

import re
import shutil
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own traffic (updates, sync, field trials) is off: only the site is requested.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def base(site, serve):
    return serve(site)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


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


def _search(page, base, path: str, query: str) -> list[str]:
    page.goto(f"{base}{path}")
    page.click("input.md-search__input")
    page.fill("input.md-search__input", query)
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
