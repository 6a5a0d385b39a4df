"""The site's text face: Charis SIL (Debian's fonts-sil-charis), cut for the web.

`make fonts` writes docs/assets/fonts/: each face (regular, italic) cut into three WOFF2
files, Latin (with Western European letters and the punctuation), Latin extended (Polish
letters, the romanization's ĭ, ʹ and tie) and Cyrillic, holding the characters the built site uses plus a base repertoire
(the alphabets, digits, the punctuation of both languages), so that a new word seldom needs
a new cut. A page downloads only the files whose characters it shows (`unicode-range`), and
a character outside them falls back to the reader's serif face: a visual flaw, never a wrong
text; the tests check that the committed files cover every character of the built site.

The files are generated, committed like a lock file, and never edited by hand; the build
only copies them. Cutting them at every build would cost a second.

A cut is a modified version of the font under its licence (SIL Open Font License 1.1), which
reserves the names "Charis" and "SIL": the cut files are named FAMILY and keep Charis SIL's
copyright and licence in their name tables; the About page says whose face it is. (The
books embed their cuts in the document, which the licence allows as is.)
"""

from __future__ import annotations

import html.parser
import io
from pathlib import Path

from .books import fonts
from .errors import EditionError
from .paths import DOCS

OUT = DOCS / "assets" / "fonts"
FAMILY = "Edition Serif"  # the cut's own name: the licence reserves "Charis" and "SIL"
FACES = {"regular": ("normal", 400), "italic": ("italic", 400)}
BASE = ("".join(map(chr, range(0x20, 0x7F))) + "«»„“”‘’–—…№§¶°×·•‹›‐‑ ‑\u00a0\u2009\u202f"
        + "ÄÖÜäöüßÉéÈèÀàÇçÑñŁłŃńŚśŹźŻżĄąĘęÓó" + "".join(map(chr, range(0x0410, 0x0450))) + "Ёё")


# Each file's part of Unicode, as edition.css's @font-face rules give it (unicode-range): a
# Russian page seldom needs the extended Latin, an English page seldom the Cyrillic.
RANGES = {
    "latin": ((0x0000, 0x00FF), (0x2000, 0x10FFFF)),
    "latin-ext": ((0x0100, 0x03FF), (0x0530, 0x1FFF)),
    "cyrillic": ((0x0400, 0x052F),),
}


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
    """A WOFF2 of `face` with just `characters`."""
    from fontTools import subset as fonttools_subset

    options = fonttools_subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.hinting = False
    options.drop_tables += ["Silf", "Silt", "Sill", "Glat", "Gloc", "Feat"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # names, copyright and the OFL licence
    font = fonttools_subset.load_font(str(face.path), options)
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    _rename(font, face)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def _rename(font, face: fonts.Face) -> None:
    """The cut's names: FAMILY, not the reserved "Charis SIL" (name IDs 1, 3, 4, 6, 16, 17)."""
    style = "Italic" if face.style == "italic" else "Regular"
    names = {1: FAMILY, 2: style, 3: f"{FAMILY} {style}; cut from Charis SIL", 4: f"{FAMILY} {style}",
             6: f"{FAMILY.replace(' ', '')}-{style}"}
    table = font["name"]
    for ident in (16, 17, 21, 22):
        table.removeNames(nameID=ident)
    for ident, value in names.items():
        table.removeNames(nameID=ident)
        table.setName(value, ident, 3, 1, 0x409)
        table.setName(value, ident, 1, 0, 0)


def file_name(face: str, part: str) -> str:
    return f"edition-serif-{face}-{part}.woff2"


def repertoire(site_chars: set[str]) -> dict[str, str]:
    """The characters of each range's files: the site's and the base repertoire."""
    chars = set(BASE) | site_chars
    return {part: "".join(sorted(c for c in chars if part_of(c) == part)) for part in RANGES}


def write(site: Path, out: Path = OUT) -> dict[str, int]:
    """The four files from a built site; returns their sizes."""
    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for part, characters in repertoire(site_characters(site)).items():
        for name in FACES:
            data = cut(_face(name), characters)
            (out / file_name(name, part)).write_bytes(data)
            sizes[file_name(name, part)] = len(data)
    return sizes


def covered(out: Path = OUT) -> dict[str, set[str]]:
    """The characters each committed file holds, read back from its cmap."""
    from fontTools.ttLib import TTFont
    return {path.name: {chr(code) for code in TTFont(str(path)).getBestCmap()}
            for path in sorted(out.glob("*.woff2"))}
