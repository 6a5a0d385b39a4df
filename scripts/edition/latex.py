r"""The little LaTeX a UTF-8 bibliography may still carry, decoded; anything else refused.

BibTeX files copied from elsewhere bring accents written as commands (`{\"o}`, `\'e`),
special letters (`\ss`, `\o`), escaped characters (`\&`) and TeX dashes (`--`). These are
decoded into the characters they stand for. Any other command (`\textit{…}`, `\url{…}`)
would print as garbage or lose its meaning silently, so it raises `Unsupported`, which the
bibliography turns into an error naming the file and line.
"""

from __future__ import annotations

import re
import unicodedata

ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
           ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
           "r": "\u030a", "d": "\u0323", "b": "\u0331"}
LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å",
           "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ"}
ESCAPES = {"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " "}

# An accent: \"o, \"{o}, {\"o}, \c{c}, \v s; a letter command: \ss, {\o}; an escape: \&.
ACCENT = re.compile(r"""\\(["'`^~=.])\s*(?:\{(\\?[A-Za-z])\}|(\\?[A-Za-z]))"""
                    r"""|\\([uvHckrdb])(?:\s*\{(\\?[A-Za-z])\}|\s+([A-Za-z]))""")
LETTER = re.compile(r"\\(ss|ae|AE|oe|OE|aa|AA|[oOlLij])(?![A-Za-z])\s*(?:\{\})?")
ESCAPE = re.compile(r"\\([&%$#_{} ])")
COMMAND = re.compile(r"\\([A-Za-z]+|.)")


class Unsupported(ValueError):
    """A LaTeX command the edition does not decode."""


def _accent(match: re.Match) -> str:
    mark = ACCENTS[match.group(1) or match.group(4)]
    base = next(g for g in match.groups()[1:3] + match.groups()[4:] if g)
    base = LETTERS.get(base[1:], base) if base.startswith("\\") else base
    return unicodedata.normalize("NFC", base + mark)


def decode(text: str) -> str:
    """`text` with its accents, letters, escapes, dashes and protecting braces decoded."""
    if "\\" in text:
        text = ACCENT.sub(_accent, text)
        text = LETTER.sub(lambda m: LETTERS[m.group(1)], text)
        text = ESCAPE.sub(lambda m: "\x00" + m.group(1), text)  # kept apart from braces below
        left = COMMAND.search(text)
        if left:
            raise Unsupported(f"the LaTeX command \\{left.group(1)} is not supported: write the text "
                              "itself in UTF-8 (accented letters as they are, no formatting commands)")
    if "--" in text:
        text = text.replace("---", "—").replace("--", "–")
    text = re.sub(r"(?<!\x00)[{}]", "", text)
    return text.replace("\x00", "")
