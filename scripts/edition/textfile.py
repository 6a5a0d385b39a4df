"""Reading a source file as text: UTF-8 (with or without a BOM), any line ends.

An editor's tool may save a file with a byte-order mark or with Windows line ends; both are
harmless and read as if they were not there. A byte that is not UTF-8 stops the build on the
line it stands on, instead of a Python traceback.
"""

from __future__ import annotations

from pathlib import Path

from .errors import EditionError


def decode(data: bytes, path: Path) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise EditionError(path, line, f"byte 0x{data[error.start]:02x} is not UTF-8: save the file "
                                       "as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
