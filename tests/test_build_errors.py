"""The editor's loop and a newcomer's first steps: what happens when something goes wrong.

- `make serve` shows a broken source's file:line in the browser, and the site comes back
  when the file is fixed;
- `make build` keeps the last good site when a build fails;
- make refuses a Python older than 3.11 and a busy port with a sentence;
- the command-line tool runs as its help says, and answers a mistake with a sentence;
- the site's one 404 page is the default language's;
- every reliance on a Material or mkdocs-static-i18n internal names a test that exists.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, copy_project

BIB = "sources/references.bib"
BROKEN = ("@book{alltag1993,", "@memoir{alltag1993,")


def _env() -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    env.pop("SITE_URL", None)
    return env


def _break(project: Path) -> int:
    """Give the .bib an unknown entry type; return the line of the entry."""
    bib = project / BIB
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text.replace(*BROKEN), encoding="utf-8")
    return text[:text.index(BROKEN[0])].count("\n") + 1


def _mend(project: Path) -> None:
    bib = project / BIB
    bib.write_text(bib.read_text(encoding="utf-8").replace(BROKEN[1], BROKEN[0]), encoding="utf-8")


def _body(url: str) -> bytes:
    """The body of the answer, whatever its status (a missing page is answered with 404)."""
    try:
        return urllib.request.urlopen(url, timeout=10).read()  # noqa: S310 (our own server)
    except urllib.error.HTTPError as answer:
        return answer.read()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _make_project(tmp_path: Path) -> Path:
    """A copy of the project that make can run in, using the repository's virtualenv."""
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "requirements.in", "requirements-test.in"):
        shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to(ROOT / ".venv")
    # The venv is current: make must not install into the repository's own venv from here.
    stamp = (ROOT / ".venv/.installed").stat().st_mtime
    for name in ("requirements.txt", "requirements.in", "requirements-test.in"):
        os.utime(project / name, (stamp - 60, stamp - 60))
    return project


def _make(project: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=project, env=_env(),
                          capture_output=True, text=True, timeout=timeout)


# --- the preview ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.browser
def test_a_broken_source_shows_in_the_preview_and_the_site_comes_back(tmp_path, chromium):
    project = copy_project(tmp_path / "project")
    line = _break(project)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    context = chromium.new_context()
    try:
        url = f"http://127.0.0.1:{port}/article/"
        for _ in range(120):  # the first build: up to a minute
            try:
                urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own server)
                break
            except OSError:
                time.sleep(0.5)
        page = context.new_page()
        page.goto(url, timeout=20000)
        problem = page.locator(".edition-problem").first
        assert f"{BIB}:{line}:" in problem.inner_text()
        assert "unknown entry type" in problem.inner_text()
        for other in ("/", "/en/about/", "/en/works/gorlov2001/"):  # every page says it, until fixed
            assert b"edition-problem" in _body(f"http://127.0.0.1:{port}{other}")
        _mend(project)
        # The page reloads by itself once the rebuild is done.
        page.wait_for_selector("h1#германо-советские-тайные-военные-переговоры-в-связи-с-рурским-конфликтом-1923",
                               timeout=60000)
        assert page.locator(".edition-problem").count() == 0
        assert page.locator("#p12").count() == 1
    finally:
        context.close()
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output


# --- make ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_make_build_keeps_the_last_good_site(tmp_path):
    project = _make_project(tmp_path)
    first = _make(project, "build")
    assert first.returncode == 0, first.stdout + first.stderr
    article = project / "site/article/index.html"
    good = article.read_bytes()
    line = _break(project)
    second = _make(project, "build")
    output = second.stdout + second.stderr
    assert second.returncode != 0
    assert f"{BIB}:{line}:" in output and "site/ is left as it was" in output, output
    assert "Traceback" not in output, output
    assert article.read_bytes() == good
    assert not (project / "site.new").exists()


def test_make_refuses_an_old_python(tmp_path):
    project = _make_project(tmp_path)
    old = tmp_path / "python3.9"
    old.write_text('#!/bin/sh\ncase "$*" in *--version*) echo "Python 3.9.2";; *) exit 1;; esac\n')
    old.chmod(0o755)
    result = _make(project, "check", f"PYTHON={old}")
    assert result.returncode != 0
    assert "needs Python 3.11 or newer" in result.stdout + result.stderr
    assert "Python 3.9.2" in result.stdout + result.stderr


def test_make_serve_on_a_busy_port_says_so(tmp_path):
    project = _make_project(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _make(project, "serve", f"PORT={port}", timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"port {port} is in use" in output and "make serve PORT=" in output, output
    assert "Traceback" not in output


def test_make_help_lists_the_targets(tmp_path):
    result = _make(_make_project(tmp_path), "help")
    assert result.returncode == 0
    for target in ("serve", "build", "check", "test", "test-fast", "generate", "clean"):
        assert f"make {target}" in result.stdout


# --- the command line ----------------------------------------------------------------------

CLI = [sys.executable, "scripts/edition_cli.py"]


def test_the_cli_runs_as_its_help_says(tmp_path):
    usage = subprocess.run([*CLI, "--help"], cwd=ROOT, capture_output=True, text=True)
    assert usage.returncode == 0
    for command in ("check", "generate", "cite"):
        assert command in usage.stdout
    check = subprocess.run([*CLI, "check"], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0 and "without error" in check.stdout
    cite = subprocess.run([*CLI, "cite", "gorlov2001"], cwd=ROOT, capture_output=True, text=True)
    assert cite.returncode == 0 and "Горлов С. А." in cite.stdout and "Gorlov S. A." in cite.stdout
    out = tmp_path / "works"
    generate = subprocess.run([*CLI, "generate", "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert generate.returncode == 0 and (out / "ru" / "works" / "gorlov2001.md").is_file()
    unknown = subprocess.run([*CLI, "cite", "gorlov2002"], cwd=ROOT, capture_output=True, text=True)
    assert unknown.returncode == 1 and "no work 'gorlov2002'" in unknown.stderr


def test_a_mistake_reaches_the_cli_as_a_sentence(tmp_path):
    project = copy_project(tmp_path / "project")
    line = _break(project)
    result = subprocess.run([sys.executable, "scripts/edition_cli.py", "check"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {BIB}:{line}: ")
    assert "Traceback" not in result.stderr


# --- the site ------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_root_404_page_is_russian(site):
    page = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="ru"' in page
    assert "Германо-советские тайные военные переговоры (1923)" in page


def test_every_guard_named_in_internals_is_a_test():
    table = (ROOT / "scripts/edition/internals.py").read_text(encoding="utf-8")
    guards = re.findall(r"(tests/\w+\.py)::(\w+)", table)
    assert len(guards) >= 8
    for path, name in guards:
        assert re.search(rf"^def {name}\(", (ROOT / path).read_text(encoding="utf-8"), re.M), f"{path}::{name}"


def test_a_venv_of_another_python_is_made_again(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    fake = project / ".venv/bin/python"
    fake.parent.mkdir(parents=True)
    fake.write_text("#!/bin/sh\necho '(3, 9)'\n")
    fake.chmod(0o755)
    result = _make(project, "python")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ".venv was made by another Python" in result.stdout
    assert not (project / ".venv").exists()
