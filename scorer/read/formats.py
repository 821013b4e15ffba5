"""What kind of document some bytes are: plain text, HTML, or a format the scorer does not read.

Judged by content, not by name: a PDF saved as ``story.txt`` is still a PDF. Binary formats are
known by the bytes they open with; HTML by its opening tags.
"""

from __future__ import annotations

import re

from ..errors import InputError

# The formats the scorer reads, as error messages name them.
SUPPORTED = "plain text, Markdown and HTML"
HTML_SUFFIXES = (".html", ".htm")

# Opening bytes of formats that are not articles the scorer can read, with their names.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX, EPUB and ODT files are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document (DOC, XLS, PPT)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV sound or AVI video)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3", "an SQLite database"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg file"),
)
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def refuse_binary_formats(data: bytes, name: str) -> None:
    """Raise :class:`InputError` naming the format if ``data`` opens like a known non-text format."""
    head = data[:16].lstrip(b"\xef\xbb\xbf")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"{name}: {what}, not an article the scorer can read ({SUPPORTED})")


def looks_like_html(data: bytes | str, name: str | None = None) -> bool:
    """Whether a document is HTML: by its name (.html, .htm), or by what it opens with."""
    if name is not None and name.lower().endswith(HTML_SUFFIXES):
        return True
    head = data[:1024]
    if isinstance(head, str):
        head = head.encode("utf-8", "ignore")
    return bool(_HTML_START.match(head.lstrip(b"\xef\xbb\xbf")))
