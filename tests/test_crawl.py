"""The site as GitHub Pages serves a project site, under /REPO/, crawled from its home pages.

A reader of the deployed edition starts at https://OWNER.github.io/REPO/ or at its /en/ twin.
The crawl starts there too, over HTTP, and follows every link a reader can click; every
other reference of the pages (stylesheets, scripts, icons, canonical and hreflang links,
the URLs Material's scripts compute) is fetched as well. Nothing may point outside /REPO/:
on GitHub Pages that is another project's site, or nothing.
"""

from __future__ import annotations

import gzip
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

import sitehtml
from conftest import server_url, start_pages_server

pytestmark = pytest.mark.slow

# Attributes whose value is a URL the browser follows or fetches (HTML and inline SVG).
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "xlink:href"}
# The one kind of data: URI the edition uses: a BibTeX (or RIS) record offered as a download.
DOWNLOAD_TYPES = ("data:application/x-bibtex", "data:application/x-research-info-systems",
                  "data:application/vnd.citationstyles.csl+json")
# Fragments that need no id: "#" and "#top" scroll to the top of any page (HTML spec,
# "scroll to the fragment").
TOP_FRAGMENTS = {"", "top"}
# Material writes this JSON into every page; its scripts fetch URLs computed from it.
CONFIG_ID = "__config"


@dataclass
class Reference:
    """One URL written in a page or stylesheet."""
    source: str  # the URL of the page or stylesheet it is written in
    tag: str  # the element that writes it ("css" in a stylesheet, "script" for computed URLs)
    attr: str  # its attribute, or how the URL is computed
    value: str  # as written
    rel: str = ""
    url: str = ""  # made absolute, fragment kept (empty for data:, mailto: and the like)

    @property
    def clicked(self) -> bool:
        """A link a reader follows to another page or download."""
        return self.tag in ("a", "area")

    def __str__(self):
        rel = f" rel={self.rel}" if self.rel else ""
        return f"<{self.tag}{rel} {self.attr}>={self.value[:100]!r}"


@dataclass
class Resource:
    """A fetched URL: its status and, for an HTML page, what it holds."""
    status: int
    kind: str = ""
    body: bytes = b""
    page: sitehtml.Page | None = None

    @cached_property
    def targets(self) -> set[str]:
        """What a #fragment may name in this page: ids, and names of <a name> anchors."""
        if self.page is None:
            return set()
        names = {e.attrs["name"] for e in self.page.by_tag("a") if "name" in e.attrs}
        return self.page.ids | names


@dataclass
class Crawl:
    base: str  # http://127.0.0.1:PORT/REPO/
    fetched: dict[str, Resource] = field(default_factory=dict)  # URL without fragment
    references: list[Reference] = field(default_factory=list)
    reached: set[str] = field(default_factory=set)  # URLs a reader reaches by clicking

    def inside(self, url: str) -> bool:
        return url.startswith(self.base)

    def get(self, url: str) -> Resource:
        """The resource at `url` (no fragment), fetched once."""
        if url not in self.fetched:
            self.fetched[url] = fetch(url)
        return self.fetched[url]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is answered as it is: a link should name the final URL


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str) -> Resource:
    try:
        with _opener.open(url, timeout=30) as answer:
            resource = Resource(answer.status, answer.headers.get_content_type(), answer.read())
    except urllib.error.HTTPError as error:
        resource = Resource(error.code, error.headers.get_content_type(), error.read())
    if resource.kind == "text/html":  # parsed as tests/sitehtml.py parses a built file
        page = sitehtml.Page(Path(urlsplit(url).path))
        sitehtml._Parser(page).feed(resource.body.decode("utf-8"))
        resource.page = page
    return resource


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def references_in(url: str, resource: Resource) -> list[Reference]:
    """Every URL an HTML page or a stylesheet names, resolved against `url`."""
    found: list[Reference] = []
    if resource.page is not None:
        for element in resource.page.elements:
            rel = element.attrs.get("rel", "")
            for attr, value in element.attrs.items():
                if attr in URL_ATTRIBUTES:
                    found.append(Reference(url, element.tag, attr, value, rel))
                elif attr in ("srcset", "imagesrcset"):
                    found += [Reference(url, element.tag, attr, v, rel) for v in _srcset_urls(value)]
            # <meta property="og:url" content="…">, citation_*_url and the like.
            content = element.attrs.get("content", "")
            if element.tag == "meta" and re.match(r"(https?:)?//", content):
                name = element.attrs.get("name") or element.attrs.get("property", "")
                found.append(Reference(url, "meta", f"{name} content", content))
            if element.tag == "script" and element.attrs.get("id") == CONFIG_ID:
                found += _config_references(url, element.text)
    elif resource.kind == "text/css":
        text = resource.body.decode("utf-8")
        found += [Reference(url, "css", "url()", v) for v in re.findall(r"""url\(\s*['"]?([^'")]+)""", text)]
        found += [Reference(url, "css", "@import", v) for v in re.findall(r"""@import\s+['"]([^'"]+)""", text)]
    for reference in found:
        # Relative URLs and http(s) ones are resolved; data:, mailto:, javascript: are not links
        # within the site and are judged as written.
        if not re.match(r"[a-z][a-z0-9+.-]*:", reference.value, re.I) \
                or reference.value.lower().startswith(("http:", "https:")):
            reference.url = urljoin(url, reference.value)
    return found


def _config_references(url: str, text: str) -> list[Reference]:
    """The URLs Material's scripts fetch, from the page's JSON config (see its bundle:
    `new URL(config.base, location)`, then `new URL("search/search_index.json", base)`)."""
    config = json.loads(text)
    base = urljoin(url, config["base"])
    found = [Reference(url, "script", "__config base + search/search_index.json",
                       urljoin(base, "search/search_index.json"))]
    if config.get("search"):
        found.append(Reference(url, "script", "__config search (the search worker)", config["search"]))
    return found


def crawl(base: str, starts: list[str]) -> Crawl:
    """Follow every link a reader can click from `starts`; fetch every other reference once."""
    result = Crawl(base)
    queue = deque(starts)
    result.reached.update(starts)
    read: set[str] = set()  # pages and stylesheets whose references were collected
    while queue:
        url = queue.popleft()
        if url in read:
            continue
        read.add(url)
        for reference in references_in(url, result.get(url)):
            result.references.append(reference)
            if not reference.url or not result.inside(reference.url):
                continue
            target = urldefrag(reference.url).url
            resource = result.get(target)
            # A reader's click leads on to the next page; a stylesheet's url()s are fetched
            # too. A page named only by <link> (canonical, hreflang) is fetched, not read on:
            # "reached" means reached by clicking.
            if reference.clicked and target not in result.reached:
                result.reached.add(target)
                queue.append(target)
            elif resource.kind == "text/css":
                queue.append(target)
    return result


def summary(problems: list[tuple[str, str]]) -> str:
    """One line per problem, with the number of pages that have it: Material's footer, say,
    is on every page, and 50 identical lines would hide the other problems."""
    pages: dict[str, list[str]] = {}
    for page, problem in problems:
        pages.setdefault(problem, []).append(page)
    return "\n".join(f"{problem}  [on {len(set(where))} page(s), e.g. {sorted(where)[0]}]"
                     for problem, where in sorted(pages.items()))


# --- The checks: each returns (page, problem) pairs, empty when all is well ---------------

def broken_references(result: Crawl) -> list[tuple[str, str]]:
    """Internal references whose URL does not answer 200 (a redirect counts: links should
    name the final URL)."""
    problems = []
    for ref in result.references:
        if ref.url and result.inside(ref.url):
            status = result.fetched[urldefrag(ref.url).url].status
            if status != 200:
                problems.append((ref.source, f"{ref} → HTTP {status}"))
    return problems


def missing_fragments(result: Crawl) -> list[tuple[str, str]]:
    """Internal references whose #fragment is no id (or <a name>) of the page they lead to."""
    problems = []
    for ref in result.references:
        if not ref.url or not result.inside(ref.url) or "#" not in ref.value:
            continue
        target, fragment = urldefrag(ref.url)
        fragment = unquote(fragment)
        resource = result.fetched[target]
        if fragment in TOP_FRAGMENTS or resource.status != 200:
            continue  # the top of the page; a broken target is reported by broken_references
        if fragment not in resource.targets:
            problems.append((ref.source, f"{ref}: no id {fragment!r} in {target}"))
    return problems


def escaping_references(result: Crawl) -> list[tuple[str, str]]:
    """References that lead outside the project's sub-path: another host, the host's root,
    or a scheme that is no link within the site."""
    problems = []
    for ref in result.references:
        if ref.value.lower().startswith(DOWNLOAD_TYPES) and ref.tag == "a":
            continue  # a BibTeX/RIS record carried in the link itself
        if ref.value.lower().startswith("data:") and ref.tag == "css":
            continue  # Material's icons, drawn from SVG inside its stylesheet
        if not ref.url:
            problems.append((ref.source, f"{ref}: not a link within the site"))
        elif not result.inside(ref.url):
            problems.append((ref.source, f"{ref}: outside {result.base}"))
    return problems


def unreached_files(result: Crawl, built: dict[str, Path]) -> list[tuple[str, str]]:
    return [(url, "no link from the home pages leads here") for url in sorted(set(built) - result.reached)]


# Files for machines, not readers: Material's assets, the search index its script loads,
# the sitemap for crawlers (checked on its own below), the page for missing paths.
NOT_FOR_READERS = ("assets/", "search/", "sitemap.xml", "404.html")


def built_files(folder: Path, base: str) -> dict[str, Path]:
    """URL → file of every page and download of the built site."""
    urls = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_dir() or relative.startswith(NOT_FOR_READERS):
            continue
        urls[base + relative.removesuffix("index.html")] = path
    return urls


def crawl_site(url: str) -> Crawl:
    return crawl(url, [url, url + "en/"])


@pytest.fixture(scope="module")
def crawled(project_site) -> Crawl:
    return crawl_site(project_site.url)


def test_the_site_exists_only_under_the_project_path(project_site):
    base = project_site.url
    root = base.removesuffix(urlsplit(base).path) + "/"
    assert fetch(base).status == 200
    assert fetch(base + "en/").status == 200
    # The server answers like GitHub Pages: nothing at the host's root, so a link that
    # escapes the sub-path breaks here even though the file exists in the site folder.
    assert fetch(root).status == 404
    assert fetch(root + "article/").status == 404
    assert fetch(base + "article").status == 301  # a folder without its slash


def test_every_internal_reference_resolves(crawled):
    assert len(crawled.references) > 1000  # the crawl did read the pages
    problems = broken_references(crawled)
    assert not problems, summary(problems)


def test_every_fragment_is_an_id_in_its_target(crawled):
    # The notes, their back-links and the works pages' "cited in" links all carry fragments.
    assert sum("#" in ref.value for ref in crawled.references) > 200
    problems = missing_fragments(crawled)
    assert not problems, summary(problems)


def test_no_reference_leaves_the_project_path(crawled):
    problems = escaping_references(crawled)
    assert not problems, summary(problems)


def test_every_built_page_and_download_is_reachable_from_the_home_pages(crawled, project_site):
    built = built_files(project_site.folder, project_site.url)
    assert any(url.endswith("/en/works/gorlov2001/") for url in built)
    assert any(url.endswith("/works/references.bib") for url in built)
    problems = unreached_files(crawled, built)
    assert not problems, summary(problems)


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_the_sitemap_lists_every_page_under_the_project_path(project_site):
    base = project_site.url
    sitemap = fetch(base + "sitemap.xml")
    assert sitemap.status == 200
    tree = ET.fromstring(sitemap.body)
    locs = [loc.text.strip() for loc in tree.iter(f"{SITEMAP}loc")]
    alternates = [link.get("href") for link in tree.iter(f"{XHTML}link")]
    outside = [url for url in locs + alternates if not url.startswith(base)]
    assert not outside, outside
    broken = [url for url in sorted(set(locs + alternates)) if fetch(url).status != 200]
    assert not broken, broken
    pages = {url for url in built_files(project_site.folder, base) if url.endswith("/")}
    assert base + "en/works/gorlov2001/" in pages
    assert set(locs) == pages, sorted(set(locs) ^ pages)
    # The compressed copy that search engines may ask for says the same.
    assert gzip.decompress(fetch(base + "sitemap.xml.gz").body) == sitemap.body


def test_a_missing_page_gets_the_404_page_whose_links_work(project_site):
    # GitHub Pages answers any missing path under /REPO/ with /REPO/404.html, at that path:
    # the 404 page's links must work from any depth.
    missing = project_site.url + "no/such/page/"
    result = Crawl(project_site.url)
    resource = result.fetched[missing] = fetch(missing)
    assert resource.status == 404 and resource.page is not None
    result.references = references_in(missing, resource)
    assert any(ref.clicked for ref in result.references)
    for ref in result.references:
        if ref.url and result.inside(ref.url):
            result.get(urldefrag(ref.url).url)
    problems = broken_references(result) + escaping_references(result) + missing_fragments(result)
    assert not problems, summary(problems)


# --- The checks themselves, on a small site with one fault of each kind --------------------

BAD_SITE = {
    "index.html": '<a href="a/">a</a> <a href="a/#here">ok</a> <a href="a/#nowhere">no id</a>'
                  ' <a href="gone/">gone</a> <a href="a">no slash</a> <a href="/a/">root</a>'
                  ' <a href="https://example.org/">away</a> <a href="mailto:x@example.org">mail</a>'
                  ' <a href="data:application/x-bibtex;base64,QA==">bib</a>'
                  ' <img src="data:image/png;base64,AA==" alt="">',
    "en/index.html": '<link rel="stylesheet" href="../assets/style.css"><a href="../a/#top">top</a>',
    "a/index.html": '<p id="here">here</p>',
    "assets/style.css": 'body { background: url("missing.png") }',
    "lonely/index.html": "<p>no link leads here</p>",
}


def test_the_checks_find_each_kind_of_fault(tmp_path):
    for name, text in BAD_SITE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"<!doctype html><title>t</title>{text}", encoding="utf-8")
    server = start_pages_server(tmp_path)
    try:
        url = server_url(server)
        result = crawl_site(url)
    finally:
        server.shutdown()
    broken = summary(broken_references(result))
    assert "'gone/' → HTTP 404" in broken and "'a' → HTTP 301" in broken
    assert "'missing.png' → HTTP 404" in broken and "'/a/'" not in broken  # /a/ is outside
    assert "no id 'nowhere'" in summary(missing_fragments(result))
    assert "'a/#here'" not in summary(missing_fragments(result))
    escaping = summary(escaping_references(result))
    assert "'https://example.org/'" in escaping and "'/a/'" in escaping and "mailto:" in escaping
    assert "data:image/png" in escaping and "x-bibtex" not in escaping
    assert [u for u, _ in unreached_files(result, built_files(tmp_path, url))] == [url + "lonely/"]
