"""The editor's loop: while `mkdocs serve` runs, a mistake shows in the browser.

MkDocs' preview server waits for a build that succeeds before it answers again, so a broken
source would make every request hang with no word of why. In a preview the build therefore
goes on past the edition's errors and MkDocs' warnings, collects them, and at the end
replaces every page of the preview with one page that lists them (file:line: sentence). The
preview server reloads it by itself when a fixed file is saved, and the site is back.
A deploying build (`mkdocs build --strict`) stops at the first error, as before.
"""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path


def is_preview() -> bool:
    """Is this process `mkdocs serve`? (MkDocs tells plugins only on the first build.)"""
    return len(sys.argv) > 1 and sys.argv[1] == "serve"


class Collector(logging.Handler):
    """MkDocs' warnings and errors during a preview build."""

    def __init__(self, problems: list[str]):
        super().__init__(logging.WARNING)
        self.problems = problems

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.problems:
            self.problems.append(message)


def collect_warnings(problems: list[str]) -> None:
    """From now on, MkDocs' warnings are collected into `problems` (for this build only)."""
    logger = logging.getLogger("mkdocs")
    for handler in [h for h in logger.handlers if isinstance(h, Collector)]:
        logger.removeHandler(handler)  # a previous rebuild's
    logger.addHandler(Collector(problems))


PAGE = """<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Издание не собирается · The edition does not build</title>
<style>
body {{ font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 50rem; padding: 0 1rem;
       color: #1a1a1a; background: #fff; }}
h1 {{ font-size: 1.4rem; color: #a00000; }}
li {{ margin: .6rem 0; font-family: ui-monospace, monospace; white-space: pre-wrap; }}
</style>
</head>
<body>
<main>
<h1 id="edition-error">Издание не собирается · <span lang="en">The edition does not build</span></h1>
<p>Исправьте названное ниже и сохраните файл: страница обновится сама, а сайт вернется, как только
все будет исправлено.</p>
<p lang="en">Fix what is named below and save the file: this page reloads by itself, and the site
comes back once every problem is fixed.</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def error_page(problems: list[str]) -> str:
    items = "\n".join(f'<li class="edition-problem" lang="en">{html.escape(p)}</li>' for p in problems)
    return PAGE.format(items=items)


def replace_pages(site_dir: str, problems: list[str]) -> None:
    """Every HTML page of the preview becomes the error page (the 404 page too)."""
    page = error_page(problems)
    root = Path(site_dir)
    for path in root.rglob("*.html"):
        path.write_text(page, encoding="utf-8")
    if not (root / "index.html").exists():  # nothing built at all: the site's address still answers
        (root / "index.html").write_text(page, encoding="utf-8")
