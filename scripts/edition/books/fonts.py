"""The books' text face: Charis SIL, from Debian's fonts-sil-charis.

Charis SIL has every character the edition prints: Cyrillic, German and Polish letters, and
the Library of Congress romanization's marks (ĭ, ʹ and the tie of i͡a, U+0361), which the
Fontsource cuts of PT Serif, Source Serif 4 and Noto Serif leave out. The PDF embeds the
glyphs it uses (WeasyPrint subsets them); the EPUB carries subsets cut here with fontTools.
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


def subset(face: Face, text: str) -> bytes:
    """The face cut down to the characters of `text` (and the ones a reader's
    hyphenation may add), as a TrueType file."""
    from fontTools import subset as fonttools_subset

    options = fonttools_subset.Options()
    options.layout_features = ["*"]  # kerning, ligatures and mark positioning for the tie
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["Silf", "Silt", "Sill", "Glat", "Gloc", "Feat"]  # Graphite, which EPUB readers do not use
    font = fonttools_subset.load_font(str(face.path), options)
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(text=text + "-\u2010\u00ad0123456789")
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
