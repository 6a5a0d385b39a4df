"""The edition's stylesheet and script as the built site sends them: without their comments
and indentation, which are for the people who edit them (docs/assets/ keeps them whole).

Every page loads both before or while it first paints, so their bytes are the reader's wait;
cut here they are 2.5 KB less of every first view. Two small rules, no parser:
- CSS: comments go, white space shrinks to one space and goes around { } ; , > and after a
  colon (not before one: `.a :hover` is not `.a:hover`) — outside quoted strings, which stay.
- JavaScript: lines that are only a // comment go, and every line's indentation; the line
  breaks stay, so no statement is joined to the next. A /* comment or a template literal
  (whose lines are text) would need a real parser: the file then stops the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import EditionError

CSS_TOKEN = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|/\*.*?\*/|\s+|[{};:,>]|[^"\'/\s{};:,>]+|/', re.S)


def css(text: str) -> str:
    out: list[str] = []
    for token in CSS_TOKEN.findall(text):
        if token.startswith("/*"):
            continue
        if token.isspace():
            if out and out[-1] not in "{};:,> ":
                out.append(" ")
            continue
        if token in "{};,>" and out and out[-1] == " ":
            out.pop()
        out.append(token)
    return "".join(out).strip()


def js(text: str, where: Path) -> str:
    for number, line in enumerate(text.splitlines(), 1):
        if "`" in line or "/*" in line:
            raise EditionError(where, number, "the build's minifier keeps only // comments and no template "
                               "literals: write this line without /* or `")
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def site_assets(site_dir: Path, sources: Path) -> None:
    """The built site's copies of edition.css and edition.js, minified from docs/assets/."""
    for name, shrink in (("edition.css", lambda text, path: css(text)), ("edition.js", js)):
        source = sources / name
        built = site_dir / "assets" / name
        if built.is_file():
            built.write_text(shrink(source.read_text(encoding="utf-8"), source), encoding="utf-8")
