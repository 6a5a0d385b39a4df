"""Accessibility in a real browser: axe-core's checks, and reading with the keyboard only.

axe-core (the npm package, pinned in package.json) runs inside Debian's Chromium on the
pages a reader meets first, in both languages, both colour schemes and on a phone. A
violation of impact "serious" or "critical" fails. The keyboard test walks the article with
Tab, as someone who cannot use a mouse reads it.
"""

from __future__ import annotations

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The home, article, side-by-side, bibliography and one source page, Russian at the root
# and English under /en/.
PAGES = ["", "article/", "parallel/", "works/", "works/gorlov2001/",
         "en/", "en/article/", "en/parallel/", "en/works/", "en/works/gorlov2001/"]
FAILING_IMPACTS = {"serious", "critical"}
# How many Tab stops from the top are checked for a visible focus indicator: the header,
# the navigation and the opening of the text with its first note references.
TAB_STOPS = 40


# How readers see the pages: both colour schemes on a desktop screen, and a phone (the
# layout changes below 76em: drawer, narrow code blocks, touch; Lighthouse's default device).
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
         "is_mobile": True, "has_touch": True}
VIEWS = {"light": {**DESKTOP, "color_scheme": "light"},
         "dark": {**DESKTOP, "color_scheme": "dark"},
         "phone": {**PHONE, "color_scheme": "light"}}


@pytest.fixture(scope="module", params=list(VIEWS))
def view_context(request, chromium):
    """A browser context for one view; motion reduced, so that no transition is caught
    half-way when colours are measured."""
    context = chromium.new_context(**VIEWS[request.param], reduced_motion="reduce")
    yield context
    context.close()


def axe_violations(page) -> list[dict]:
    assert AXE.is_file(), f"{AXE} is missing: `make test` runs `npm ci`"
    # Evaluated through the browser's debugging protocol, which the page's Content-Security-
    # Policy does not govern (a <script> tag added to the page would be refused, as it should).
    page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def describe(path: str, violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{path or '/'}: {v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} element(s))")
        for node in v["nodes"][:3]:
            summary = " ".join(node.get("failureSummary", "").split())[:300]
            lines.append(f"    {node['target']} {node['html'][:160]!r}\n      {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_axe_violations(view_context, project_site, path):
    page = view_context.new_page()
    try:
        page.goto(project_site.url + path, wait_until="networkidle")
        violations = axe_violations(page)
    finally:
        page.close()
    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not serious, describe(path, serious)


def test_axe_finds_violations(chromium):
    # The same call on a page with known faults: the test above can fail.
    context = chromium.new_context()
    page = context.new_page()
    page.set_content('<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
                     '<a href="#"></a></body></html>')
    found = {v["id"] for v in axe_violations(page) if v["impact"] in FAILING_IMPACTS}
    context.close()
    assert {"image-alt", "link-name", "html-has-lang"} <= found, found


# --- Keyboard only ----------------------------------------------------------------------

# How an element looks, in the properties a focus indicator may change. Recorded for every
# focusable element (and label) before the walk, and again for each one when it has focus:
# an indicator is a difference between the two, so a permanent border does not count.
LOOK = r"""
// Transitions end at once: each stop is measured in its settled look, without waiting.
const still = document.createElement("style");
still.textContent = "*, *::before, *::after { transition-duration: 0s !important;"
                    + " transition-delay: 0s !important; }";
document.head.append(still);
window.__look = e => {
  const s = getComputedStyle(e), box = e.getBoundingClientRect();
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0
                  && !/rgba\(.*, 0\)$/.test(s.outlineColor);
  return {outline: outline ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "",
          shadow: s.boxShadow === "none" ? "" : s.boxShadow,
          background: s.backgroundColor,
          border: ["Top", "Right", "Bottom", "Left"].map(
                    side => s[`border${side}Width`] + s[`border${side}Color`]).join(),
          decoration: s.textDecorationLine + " " + s.textDecorationColor,
          hidden: s.opacity === "0" || box.width === 0 || box.height === 0,
          shown: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
                 && box.right > 0 && box.left < innerWidth && s.visibility !== "hidden"};
};
window.__before = new Map();
document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex], label")
  .forEach(e => window.__before.set(e, window.__look(e)));
"""

# The focused element: is its focus shown? Measured once any animation has run. A visually
# hidden control shows focus on its label:
# Material's palette switch is an invisible radio button followed by the label of the next
# option, which draws the outline (`.md-option.focus-visible + label`). A text field shows
# focus with its caret (WCAG's "Understanding 2.4.7 Focus Visible" counts the text cursor).
FOCUSED = r"""async () => {
  // A transition that another one interrupts rejects its promise: that is settled too.
  const settled = Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  await Promise.race([settled, new Promise(done => setTimeout(done, 1000))]);
  const e = document.activeElement;
  const changed = el => {
    const now = window.__look(el), then = window.__before.get(el);
    if (!then) return {marked: !!(now.outline || now.shadow), shown: now.shown};
    const marked = (now.outline && now.outline !== then.outline)
                   || (now.shadow && now.shadow !== then.shadow)
                   || ["background", "border", "decoration"].some(k => now[k] !== then[k]);
    return {marked: !!marked, shown: now.shown};
  };
  let state = changed(e);
  if (window.__look(e).hidden) {
    const labels = [...(e.labels || [])];
    if (e.nextElementSibling && e.nextElementSibling.tagName === "LABEL") labels.push(e.nextElementSibling);
    const looks = labels.map(changed);
    state = {marked: looks.some(l => l.marked), shown: looks.some(l => l.shown)};
  }
  const caret = e.matches("textarea, input:not([type]), input[type=text], input[type=search]");
  return {tag: e.tagName, cls: String(e.className), href: e.getAttribute("href"),
          text: (e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 40),
          marked: state.marked || caret, shown: state.shown,
          inContent: !!e.closest(".md-content")};
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def open_article(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.evaluate(LOOK)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_skip_link_is_the_first_tab_stop_and_leads_to_the_text(page, project_site, lang):
    open_article(page, project_site.url + lang + "article/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert "md-skip" in first["cls"].split(), first  # the first stop is the skip link
    assert first["shown"] and first["marked"], first  # focused, it shows, with an indicator
    target_id = first["href"].lstrip("#")

    page.keyboard.press("Enter")
    page.wait_for_function("id => decodeURIComponent(location.hash.slice(1)) === id", arg=target_id)
    # The text's start is in view, below Material's sticky header, not hidden under it.
    place = page.evaluate("""id => {
        const t = document.getElementById(id).getBoundingClientRect();
        const h = document.querySelector(".md-header").getBoundingClientRect();
        return {top: t.top, headerBottom: h.bottom, height: innerHeight};
    }""", target_id)
    assert place["headerBottom"] - 1 <= place["top"] < place["height"] / 2, place
    # The next Tab continues from there: inside the text, after the skipped header and
    # navigation, at or after the place the skip link named.
    page.keyboard.press("Tab")
    after = focused(page)
    assert after["inContent"], after
    assert page.evaluate("""id => {
        const t = document.getElementById(id), e = document.activeElement;
        return t === e || t.contains(e)
            || !!(t.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""", target_id)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_tab_stop_shows_where_the_focus_is(page, project_site, lang):
    open_article(page, project_site.url + lang + "article/")
    unmarked, hidden, stops = [], [], []
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        state = focused(page)
        if state["tag"] == "BODY":
            break  # past the last stop
        label = f"<{state['tag'].lower()} class={state['cls']!r} href={state['href']!r}> {state['text']!r}"
        stops.append(label)
        if not state["marked"]:
            unmarked.append(label)
        if not state["shown"]:
            hidden.append(label)
    assert len(stops) >= 10, stops  # the walk did go through the page
    assert not unmarked, "focused, but nothing shows it:\n" + "\n".join(unmarked)
    assert not hidden, "focused, but off screen or of no size:\n" + "\n".join(hidden)


def test_the_focus_check_finds_an_unmarked_stop(page):
    # A page whose links hide their focus: the walk above can fail.
    page.set_content('<style>a:focus { outline: none }</style><a href="#x">one</a> <a href="#y">two</a>')
    page.evaluate(LOOK)
    page.keyboard.press("Tab")
    assert focused(page)["marked"] is False
