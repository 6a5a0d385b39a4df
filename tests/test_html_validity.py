"""Every built page is valid HTML, by the Nu Html Checker (vnu.jar, the W3C validator's engine).

The checker is the npm package `vnu-jar` (pinned in package.json, installed by `make test`),
run with the machine's Java. Java takes seconds to start, so the checker runs once, over all
pages together, and each test reads its part of the one answer.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_checker(pages: list[Path]) -> list[dict]:
    """The checker's error messages for `pages`, as its JSON output gives them."""
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs it (Debian: default-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: `make test` runs `npm ci`"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                             *map(str, pages)], capture_output=True, text=True, timeout=600)
    # The report goes to stderr; the exit status is 1 whenever there are errors.
    report = json.loads(result.stderr)
    return report["messages"]


@pytest.fixture(scope="module")
def checked(site) -> tuple[list[Path], list[dict]]:
    pages = sorted(site.rglob("*.html"))
    return pages, run_checker(pages)


def describe(messages: list[dict], site: Path) -> str:
    """One line per distinct error with the number of pages that have it, and where."""
    by_error: dict[tuple[str, str], list[str]] = {}
    for message in messages:
        page = Path(unquote(message.get("url", "").removeprefix("file:"))).relative_to(site).as_posix()
        extract = " ".join(message.get("extract", "").split())[:160]
        by_error.setdefault((message["message"], extract), []).append(
            f"{page}:{message.get('lastLine', '?')}")
    lines = []
    for (text, extract), where in sorted(by_error.items(), key=lambda item: -len(item[1])):
        lines.append(f"{text}\n    in: {extract!r}\n    on {len(where)} page(s), e.g. {where[0]}")
    return "\n".join(lines)


def test_the_checker_checked_every_page(checked, site):
    pages, messages = checked
    assert len(pages) > 40  # both languages, works pages, 404.html
    # A page the checker could not read is reported as a non-document error, not skipped.
    unread = [m for m in messages if m.get("type") == "non-document-error"]
    assert not unread, unread


def test_every_built_page_is_valid_html(checked, site):
    _, messages = checked
    errors = [m for m in messages if m.get("type") == "error"]
    assert not errors, f"{len(errors)} errors:\n" + describe(errors, site)


def test_the_checker_finds_errors(tmp_path):
    # The same call on a page with two known errors: the test above can fail.
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>t</title>'
                    '<p id="a">x</p><p id="a">y</p><img src="x.png"></html>', encoding="utf-8")
    messages = [m["message"] for m in run_checker([page]) if m.get("type") == "error"]
    assert any("Duplicate ID" in m for m in messages), messages
    assert any("alt" in m for m in messages), messages
