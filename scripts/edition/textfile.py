"""Reading a source file as text: UTF-8 (with or without a BOM), any line ends.

An editor's tool may save a file with a byte-order mark or with Windows line ends; both are
harmless and read as if they were not there. A byte that is not UTF-8 stops the build on the
line it stands on, instead of a Python traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import EditionError

# Characters no text of the edition holds (XML cannot hold them either): C0 controls but tab
# and line feed, and the two non-characters.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def decode(data: bytes, path: Path) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise EditionError(path, line, f"byte 0x{data[error.start]:02x} is not UTF-8: save the file "
                                       "as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = CONTROL.search(text)
    if control:
        line = text[:control.start()].count("\n") + 1
        raise EditionError(path, line, f"the control character U+{ord(control.group()):04X} has no place in "
                                       "a text: delete it")
    return text


def read(path: Path) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise EditionError(path, None, "file not found") from None
    except IsADirectoryError:
        raise EditionError(path, None, "is a folder, not a file") from None
    except PermissionError:
        raise EditionError(path, None, "cannot be read: permission denied") from None
    return decode(data, Path(path))
