"""The books' text face: Charis SIL, from Debian's fonts-sil-charis.

Charis SIL has every character the edition prints: Cyrillic, German and Polish letters, and
the Library of Congress romanization's marks (ĭ, ʹ and the tie of i͡a, U+0361), which the
Fontsource cuts of PT Serif, Source Serif 4 and Noto Serif leave out.

Both books get the faces cut down to the characters of their text (`cut`). Beyond size, this
keeps the PDF's copied text right: Charis draws the en dash and the minus sign with one
glyph, and a PDF maps each glyph back to one character, so with the whole font a copied
«1920 – 1933» came out with a minus. Cut to the text's characters, a glyph keeps only the
character the text uses.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError

FOLDER = Path("/usr/share/fonts/truetype/charis")
FAMILY = "Charis SIL"
INSTALL = "install it with `make books-deps` (Debian's package fonts-sil-charis)"


@dataclass(frozen=True)
class Face:
    style: str  # normal | italic
    weight: int
    path: Path
    data: bytes = b""  # the face cut to a text's characters (cut)

    @property
    def name(self) -> str:
        return self.path.name


FACES = (("normal", 400, "CharisSIL-Regular.ttf"), ("italic", 400, "CharisSIL-Italic.ttf"),
         ("normal", 700, "CharisSIL-Bold.ttf"), ("italic", 700, "CharisSIL-BoldItalic.ttf"))


def faces(folder: Path = FOLDER) -> list[Face]:
    """The four faces; a missing one stops the build with what to install."""
    found = [Face(style, weight, folder / name) for style, weight, name in FACES]
    missing = [face.path for face in found if not face.path.is_file()]
    if missing:
        raise EditionError(missing[0], None, f"the books' text face {FAMILY} is not installed: {INSTALL}")
    return found


def font_face_css(found: list[Face], url) -> str:
    """@font-face rules naming each face's file by `url(face)`."""
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-style: {f.style}; font-weight: {f.weight}; '
        f'src: url("{url(f)}"); }}' for f in found)


# What the layout adds to a text: hyphens, digits of calls and page numbers, spaces and marks.
ADDED = "-\u2010\u00ad\u00a0\u2002\u2009 0123456789|¶.,:;()[]–—"


def cut(found: list[Face], text: str) -> list[Face]:
    """Each face cut to the characters of `text` and those the layout adds."""
    characters = "".join(sorted(set(text + ADDED)))
    return [Face(f.style, f.weight, f.path, subset(f, characters)) for f in found]


def subset(face: Face, text: str, *, name_ids=("*",), flavor: str | None = None, edit=None) -> bytes:
    """The face cut down to the characters of `text`: a TrueType file, or a `flavor` of it
    ("woff2", the site's cuts); `edit(font)` may change the cut before it is saved (the site
    renames it). By default the family's names and its licence (OFL) travel with the cut."""
    from fontTools import subset as fonttools_subset

    options = fonttools_subset.Options()
    # Kerning, ligatures, and the marks' positioning that sets the tie of i͡a over both letters.
    options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk", "rlig"]
    options.name_IDs = list(name_ids)
    options.hinting = False  # screens and PDF viewers render outlines well without it
    options.notdef_outline = True
    options.drop_tables += ["Silf", "Silt", "Sill", "Glat", "Gloc", "Feat"]  # Graphite: no browser or EPUB reader uses it
    font = fonttools_subset.load_font(str(face.path), options)
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    if edit is not None:
        edit(font)
    font.flavor = flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
