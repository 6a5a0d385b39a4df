"""The site's text face: Charis SIL (Debian's fonts-sil-charis), cut for the web.

`make fonts` writes docs/assets/fonts/: each face (regular, italic) cut into two WOFF2 files,
Latin (with the Western European and Polish letters, the romanization's ĭ, ʹ and tie, and the
punctuation) and Cyrillic, holding the characters the built site uses plus a base repertoire
(the alphabets, digits, the punctuation of both languages), so that a new word seldom needs
a new cut. A page downloads only the files whose characters it shows (`unicode-range`): a
Russian page's notes need the Latin file too, an English page's quotations the Cyrillic. A
character outside them falls back to the reader's serif face: a visual flaw, never a wrong
text; the tests check that the committed files cover every character of the built site.

The files are generated, committed like a lock file, and never edited by hand; the build
only copies them. Cutting them at every build would cost a second.

A cut is a modified version of the font under its licence (SIL Open Font License 1.1), which
reserves the names "Charis" and "SIL": the cut files are named FAMILY and keep Charis SIL's
copyright in their name tables; the licence's text, 9 KB that every file would carry, stands
once beside them in OFL.txt (written from the font's own licence field), which the licence
allows, and each file's licence field names it. The About page says whose face it is. (The
books embed their cuts in the document with the whole name table.)
"""

from __future__ import annotations

import html.parser
from pathlib import Path

from .books import fonts
from .errors import EditionError
from .paths import DOCS

OUT = DOCS / "assets" / "fonts"
STYLESHEET = DOCS / "assets" / "edition.css"
FAMILY = "Edition Serif"  # the cut's own name: the licence reserves "Charis" and "SIL"
FACES = {"regular": ("normal", 400), "italic": ("italic", 400)}
# The base repertoire: ASCII, the two languages' punctuation, the Russian alphabet and the
# German letters (most of the bibliography is German). Other letters come with the text that
# uses them (`make fonts`, which the tests ask for): each costs every first view its bytes.
BASE = ("".join(map(chr, range(0x20, 0x7F))) + "«»„“”‘’–—…№§¶°×·•‹›‐‑ ‑\u00a0\u2009\u202f"
        + "ÄÖÜäöüß" + "".join(map(chr, range(0x0410, 0x0450))) + "Ёё")


# Each file's part of Unicode, as edition.css's @font-face rules give it (unicode-range).
# Two parts, not more: an English article page shows extended Latin and Cyrillic, a Russian
# one Latin in its notes, and a request costs more than the 2 KB of extended Latin letters.
RANGES = {
    "latin": ((0x0000, 0x03FF), (0x0530, 0x10FFFF)),
    "cyrillic": ((0x0400, 0x052F),),
}
# The reader's own serif faces, in which the text shows until the edition's face arrives (it is
# fetched after the first paint: edition.js), scaled to the face's widths so that the lines
# break nearly alike and the page hardly moves when the face comes. Each is (family, style,
# the local() names of one design, size-adjust in %): the ratio of Charis SIL's average
# advance to the fallback's over the article's text in both languages, each character
# weighted by how often it occurs, measured once on Liberation Serif 2.1 (metric-compatible
# with Times New Roman and Tinos) and DejaVu Serif 2.37 (whose italic Debian lacks: the
# browser slants the regular). Latin and Cyrillic differ by under 2 %, so one value serves.
FALLBACKS = (
    ("Edition Serif Times", "normal",
     ("Times New Roman", "TimesNewRomanPSMT", "Liberation Serif", "LiberationSerif", "Tinos"), 109.4),
    ("Edition Serif Times", "italic",
     ("Times New Roman Italic", "TimesNewRomanPS-ItalicMT", "Liberation Serif Italic", "LiberationSerif-Italic",
      "Tinos Italic"), 103.8),
    ("Edition Serif DejaVu", "normal", ("DejaVu Serif", "DejaVuSerif"), 87.1),
)
CSS_BEGIN = "/* @font-face rules written by `make fonts` (scripts/edition/webfonts.py): do not edit. */"
CSS_END = "/* End of the rules written by `make fonts`. */"
LICENCE_FILE = "OFL.txt"
LICENCE_NOTE = ("This Font Software is licensed under the SIL Open Font License, Version 1.1; "
                f"its text is in {LICENCE_FILE} beside this file.")


def part_of(char: str) -> str:
    return next(part for part, spans in RANGES.items() if any(a <= ord(char) <= b for a, b in spans))


def unicode_range(part: str) -> str:
    """The part's range as CSS writes it."""
    return ", ".join(f"U+{a:04X}-{b:04X}" for a, b in RANGES[part])


class _Text(html.parser.HTMLParser):
    """The characters a page shows: its text, without scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chars: set[str] = set()
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        for name, value in attrs:  # a title or aria-label shows in a tooltip, in the page's face
            if name in ("title", "aria-label", "alt", "placeholder") and value:
                self.chars.update(value)

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.chars.update(data)


def site_characters(site: Path) -> set[str]:
    """Every character the built site's pages show."""
    pages = sorted(site.rglob("*.html"))
    if not pages:  # a wrong folder would cut the face to the base repertoire alone
        raise EditionError(site, None, "no built pages here: give the folder of a built site (make fonts builds one)")
    parser = _Text()
    for page in pages:
        parser.feed(page.read_text(encoding="utf-8"))
    return {c for c in parser.chars if c.isprintable() or c == "\u00a0"}


def _face(name: str) -> fonts.Face:
    style, weight = FACES[name]
    return next(f for f in fonts.faces() if (f.style, f.weight) == (style, weight))


def cut(face: fonts.Face, characters: str) -> bytes:
    """A WOFF2 of `face` with just `characters`, renamed; names, copyright, licence note, URL."""
    return fonts.subset(face, characters, name_ids=(0, 1, 2, 3, 4, 5, 6, 13, 14), flavor="woff2",
                        edit=lambda font: _rename(font, face))


def _rename(font, face: fonts.Face) -> None:
    """The cut's names: FAMILY, not the reserved "Charis SIL" (name IDs 1, 3, 4, 6, 16, 17);
    the licence field a note naming OFL.txt; Windows records only, which browsers read."""
    style = "Italic" if face.style == "italic" else "Regular"
    names = {1: FAMILY, 2: style, 3: f"{FAMILY} {style}; cut from Charis SIL", 4: f"{FAMILY} {style}",
             6: f"{FAMILY.replace(' ', '')}-{style}"}
    table = font["name"]
    for ident in (16, 17, 21, 22):
        table.removeNames(nameID=ident)
    for ident, value in names.items():
        table.removeNames(nameID=ident)
        table.setName(value, ident, 3, 1, 0x409)
    table.removeNames(nameID=13)
    table.setName(LICENCE_NOTE, 13, 3, 1, 0x409)
    table.names = [record for record in table.names if record.platformID == 3]


def licence_text() -> str:
    """The face's copyright and licence, as the original font's licence field gives them."""
    from fontTools.ttLib import TTFont
    return TTFont(str(_face("regular").path))["name"].getDebugName(13).strip() + "\n"


def css_rules() -> str:
    """The @font-face rules of edition.css: each cut with its range, then the fallbacks with
    Charis SIL's ascent and descent (which the fallbacks' own would shift by a pixel)."""
    from fontTools.ttLib import TTFont
    rules = [CSS_BEGIN]
    for name, (style, weight) in FACES.items():
        for part in RANGES:
            rules.append(f'@font-face {{ font-family: "{FAMILY}"; font-style: {style}; font-weight: {weight}; '
                         f'font-display: swap;\n  src: url("fonts/{file_name(name, part)}") format("woff2"); '
                         f"unicode-range: {unicode_range(part)}; }}")
    head = TTFont(str(_face("regular").path))
    units, hhea = head["head"].unitsPerEm, head["hhea"]
    for family, style, names, adjust in FALLBACKS:
        scale = units * adjust / 100
        sources = ", ".join(f'local("{n}")' for n in names)
        rules.append(f'@font-face {{ font-family: "{family}"; font-style: {style}; font-weight: 400;\n'
                     f"  src: {sources};\n  size-adjust: {adjust}%; "
                     f"ascent-override: {100 * hhea.ascent / scale:.1f}%; "
                     f"descent-override: {100 * -hhea.descent / scale:.1f}%; line-gap-override: 0%; }}")
    rules.append(CSS_END)
    return "\n".join(rules)


def with_css_rules(css: str, where: Path = STYLESHEET) -> str:
    """edition.css with its block of rules made anew."""
    start, end = css.find(CSS_BEGIN), css.find(CSS_END)
    if start < 0 or end < start:
        raise EditionError(where, None, "the block of @font-face rules that `make fonts` writes is missing: "
                           f"put the two lines «{CSS_BEGIN}» and «{CSS_END}» where it belongs")
    return css[:start] + css_rules() + css[end + len(CSS_END):]


def file_name(face: str, part: str) -> str:
    return f"edition-serif-{face}-{part}.woff2"


def repertoire(site_chars: set[str]) -> dict[str, str]:
    """The characters of each range's files: the site's and the base repertoire."""
    chars = set(BASE) | site_chars
    return {part: "".join(sorted(c for c in chars if part_of(c) == part)) for part in RANGES}


def write(site: Path, out: Path = OUT) -> dict[str, int]:
    """The font files and the licence from a built site; returns their sizes."""
    parts = repertoire(site_characters(site))
    # The stylesheet's block is checked before any file changes: a mistake leaves all as it was.
    stylesheet = with_css_rules(STYLESHEET.read_text(encoding="utf-8")) if out == OUT else None
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.woff2"):  # a part that is no more must not linger
        stale.unlink()
    (out / LICENCE_FILE).write_text(licence_text(), encoding="utf-8")
    sizes = {}
    for part, characters in parts.items():
        for name in FACES:
            data = cut(_face(name), characters)
            (out / file_name(name, part)).write_bytes(data)
            sizes[file_name(name, part)] = len(data)
    if stylesheet is not None:  # the stylesheet names these files
        STYLESHEET.write_text(stylesheet, encoding="utf-8")
    return sizes


def covered(out: Path = OUT) -> dict[str, set[str]]:
    """The characters each committed file holds, read back from its cmap."""
    from fontTools.ttLib import TTFont
    return {path.name: {chr(code) for code in TTFont(str(path)).getBestCmap()}
            for path in sorted(out.glob("*.woff2"))}
