"""Which files a folder of articles holds, and how a file's name is shown in records.

Folders are walked recursively in a stable order (names sorted, hidden entries skipped). A folder
that cannot be read is reported where it stands in that order, never skipped in silence.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import NamedTuple

# The files a folder is searched for. A file named on the command line is read whatever its name.
# What a folder is walked for: plain text and saved web pages (read/document.py tells them apart).
ARTICLE_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")
# Characters a displayed file name never holds as they are: C0 and C1 controls, DEL.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class Found(NamedTuple):
    """A file found in a folder, or a folder that could not be read (``error`` set)."""

    path: str
    error: str | None = None


def walk_articles(folder: str | os.PathLike, suffixes: tuple[str, ...] = ARTICLE_SUFFIXES) -> Iterator[Found]:
    """Article files below ``folder`` in a stable order, and every unreadable folder on the way."""
    failures: list[OSError] = []
    for root, directories, files in os.walk(folder, onerror=failures.append):
        yield from _failures(failures)
        directories[:] = sorted(name for name in directories if not name.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(suffixes) and not name.startswith("."):
                yield Found(os.path.join(root, name))
    yield from _failures(failures)


def _failures(failures: list[OSError]) -> Iterator[Found]:
    while failures:
        error = failures.pop(0)
        yield Found(str(error.filename), f"{display_path(str(error.filename))}: cannot read folder ({error.strerror})")


def display_path(name: str) -> str:
    """A file name as records show it: valid UTF-8 on one line.

    Python hands over a file name that is not UTF-8 with its bad bytes as lone surrogates, which no
    UTF-8 output can hold, and a name may hold a line break, which would split a CSV row or a line
    of output. Both are shown as backslash escapes ("x\\xff.txt", "a\\x0ab.txt"). The same name always
    gives the same text, so ``--resume`` recognises it.
    """
    if name.isprintable():
        return name  # the usual case, settled by one C-level scan
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system produced: show it escaped as it is
        raw = name.encode("utf-8", "backslashreplace")
    shown = raw.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", shown)
