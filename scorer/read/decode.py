"""Bytes -> text: decoding that never loses a byte, and line ends normalised to ``\\n``.

The same bytes always give the same text. Offsets everywhere else index this decoded text as a
Python ``str``.
"""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path

from ..errors import InputError
from .files import display_path

# Files larger than this are refused rather than read: no news article comes close, and a
# multi-gigabyte input would otherwise take the whole machine's memory.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

# A text whose first few thousand characters are more than this share of control characters
# is binary data that happens to decode (images, archives), not an article.
_BINARY_CONTROL_SHARE = 0.10
_BINARY_SAMPLE_CHARS = 4096

_BOMS = (
    # UTF-32 before UTF-16: the UTF-32-LE BOM begins with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _cp1252_or_latin1(error: UnicodeDecodeError) -> tuple[str, int]:
    # Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); Latin-1 maps every
    # byte, so those five decode as their Latin-1 code points and no input byte is ever lost.
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("latin-1"), error.end


codecs.register_error("scorer-latin1", _cp1252_or_latin1)


def decode_bytes(data: bytes, name: str = "<input>") -> str:
    """Decode a document deterministically and normalise its line ends to ``\\n``.

    UTF-8 (with or without BOM) and UTF-16/UTF-32 with a BOM are decoded as such; anything else
    falls back to Windows-1252 (Latin-1 for its undefined bytes), which never fails. Binary data
    raises :class:`InputError` with a one-line message naming ``name``.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data:
            raise InputError(f"{name}: binary file (contains NUL bytes), not a text article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="scorer-latin1")
    sample = text[:_BINARY_SAMPLE_CHARS]
    if sample and len(_CONTROL_CHARS.findall(sample)) > _BINARY_CONTROL_SHARE * len(sample):
        raise InputError(f"{name}: binary file (mostly control characters), not a text article")
    return normalise_line_ends(text)


def normalise_line_ends(text: str) -> str:
    """Windows (``\\r\\n``) and old Mac (``\\r``) line ends as ``\\n``: offsets index this text."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_limited(stream, name: str, limit: int | None = None) -> bytes:
    """All of ``stream`` (a binary file object), refused past ``limit`` bytes (default
    :data:`MAX_DOCUMENT_BYTES`) like a file that large."""
    limit = MAX_DOCUMENT_BYTES if limit is None else limit
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: more than the {limit // 2**20} MiB an article may be")
    return data


def read_document(path: str | Path) -> str:
    """Read and decode one file; every failure is an :class:`InputError` naming the file."""
    return decode_bytes(read_bytes(path), display_path(str(path)))


def read_bytes(path: str | Path) -> bytes:
    """Read one file's bytes; every failure is an :class:`InputError` naming the file."""
    path = Path(path)
    shown = display_path(str(path))
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):
            # A pipe or device would block or never end: read those through standard input ("-").
            raise InputError(f"{shown}: not a regular file (pipe it to standard input as '-')")
        size = status.st_size
        if size > MAX_DOCUMENT_BYTES:
            raise InputError(
                f"{shown}: file is {size / 1e6:.0f} MB, larger than the "
                f"{MAX_DOCUMENT_BYTES // 2**20} MiB an article may be"
            )
        with open(path, "rb") as handle:  # read_limited: the file may have grown since stat
            return read_limited(handle, shown)
    except IsADirectoryError:
        raise InputError(f"{shown}: is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as error:
        raise InputError(f"{shown}: cannot read ({error.strerror or error})") from None
