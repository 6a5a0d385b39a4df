"""Shared fixtures: the real site built once, a copy of the project to break, a server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_PARTS = ("mkdocs.yml", "docs", "sources", "scripts", "overrides")


def run_build(project: Path, site: Path, site_url: str | None = None,
              books: bool = False) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder, as a reader's build would run it; with
    the PDFs and EPUBs only if asked (`books`), since they take most of a build's time."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000",
               EDITION_BOOKS="1" if books else "0")
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(site)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def ed():
    """The edition read from the repository's sources, once per test session."""
    from edition import edition
    return edition.load()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The edition built from the repository, once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, out, books=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads (config, pages, sources, scripts, templates) at `dest`."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


@pytest.fixture
def project(tmp_path) -> Path:
    """A throw-away copy of the project, for tests that feed the build bad input."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def page(chromium):
    """A fresh desktop browser tab."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """Serve a folder on 127.0.0.1; returns a function folder -> base URL."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()


# --- The site as GitHub Pages serves a project site --------------------------------------
#
# GitHub Pages serves a project under https://OWNER.github.io/REPO/: nothing of the site
# exists outside /REPO/, a folder asked for without its slash is redirected to it, a missing
# path gets the site's 404.html with status 404, and text is sent gzip-compressed. The
# server below does the same on 127.0.0.1, so that the crawl and the benchmarks see what a
# reader on GitHub Pages sees. It is a plain function, not only a fixture, because
# benchmarks/site.py uses it too.

import gzip  # noqa: E402
import mimetypes  # noqa: E402
from types import SimpleNamespace  # noqa: E402
from urllib.parse import unquote, urlsplit  # noqa: E402

PROJECT_PATH = "/REPO/"  # the sub-path of a GitHub Pages project site
# Types GitHub Pages compresses; images and archives are sent as they are.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml", "application/x-bibtex", "application/x-research-info-systems")
# What Python's table lacks or names differently from what the site's downloads are.
TYPES = {".bib": "application/x-bibtex", ".ris": "application/x-research-info-systems",
         ".map": "application/json", ".js": "application/javascript"}


def content_type(path: Path) -> str:
    kind, encoding = mimetypes.guess_type(path.name)
    if encoding:  # sitemap.xml.gz is a gzip file, not compressed XML to unpack
        return "application/gzip"
    kind = TYPES.get(path.suffix, kind) or "application/octet-stream"
    return kind + "; charset=utf-8" if kind.startswith(COMPRESSIBLE) else kind


class PagesHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD of a built site under server.prefix, as GitHub Pages answers them."""

    protocol_version = "HTTP/1.1"  # keep-alive, as a real host: the request count stays honest

    def do_GET(self):
        self._answer(send_body=True)

    def do_HEAD(self):
        self._answer(send_body=False)

    def _answer(self, send_body: bool):
        status, file, location = self.server.locate(unquote(urlsplit(self.path).path))
        if location:
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.server.log.append((self.path, status, 0, self.header_bytes))
            return
        body = file.read_bytes() if file else b"Not found\n"
        kind = content_type(file) if file else "text/plain; charset=utf-8"
        self.send_response(status)
        if self.server.compress and kind.startswith(COMPRESSIBLE) \
                and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if send_body:
            self.wfile.write(body)
        self.server.log.append((self.path, status, len(body) if send_body else 0, self.header_bytes))

    def end_headers(self):
        # The status line and headers as sent, for the benchmark's count of bytes on the wire
        # (http.server keeps them in this buffer until here).
        self.header_bytes = sum(len(line) for line in getattr(self, "_headers_buffer", [])) + 2
        super().end_headers()

    def log_message(self, *args):
        pass


class PagesServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, folder: Path, prefix: str, compress: bool):
        super().__init__(("127.0.0.1", 0), PagesHandler)
        self.folder, self.prefix, self.compress = Path(folder).resolve(), prefix, compress
        # (request path, status, body bytes sent, header bytes sent), one per answer
        self.log: list[tuple[str, int, int, int]] = []

    def locate(self, path: str) -> tuple[int, Path | None, str | None]:
        """(status, file to send, redirect location) for a request path."""
        if path + "/" == self.prefix:
            return 301, None, self.prefix
        if not path.startswith(self.prefix):
            return 404, None, None  # nothing of the project exists outside its sub-path
        target = (self.folder / path[len(self.prefix):]).resolve()
        if target != self.folder and self.folder not in target.parents:
            return 404, None, None  # ../ out of the site
        if target.is_dir():
            if not path.endswith("/"):
                return 301, None, path + "/"
            target = target / "index.html"
        if target.is_file():
            return 200, target, None
        missing = self.folder / "404.html"
        return 404, (missing if missing.is_file() else None), None


def start_pages_server(folder: Path, prefix: str = PROJECT_PATH, compress: bool = True) -> PagesServer:
    """Serve `folder` at http://127.0.0.1:PORT{prefix}; call .shutdown() when done."""
    server = PagesServer(folder, prefix, compress)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def server_url(server: PagesServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{server.prefix}"


@pytest.fixture(scope="session")
def project_site(tmp_path_factory):
    """The edition built for, and served under, a project sub-path, as on GitHub Pages.

    The server starts first so that the build's SITE_URL carries its real port: the
    canonical and sitemap URLs then point at this server and can be checked too.
    Yields .folder (the built site) and .url (http://127.0.0.1:PORT/REPO/).
    """
    folder = tmp_path_factory.mktemp("project-site")
    server = start_pages_server(folder)
    url = server_url(server)
    result = run_build(ROOT, folder, site_url=url, books=True)
    assert result.returncode == 0, result.stdout + result.stderr
    yield SimpleNamespace(folder=folder, url=url, server=server)
    server.shutdown()


# --- Chromium, for the accessibility checks and the benchmarks ----------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own traffic (updates, sync, field trials) is off: only the site is requested.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright, one for the whole session: Playwright's sync
    API runs one instance per thread, so every browser test shares this one."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              headless=True)
        yield launched
        launched.close()
