"""What a batch scores: the command line's paths expanded into documents, in a stable order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from ..read.files import display_path, walk_articles
from ..read.url import is_url

STDIN = "-"


class Document(NamedTuple):
    """One input to score: a file's name (as the file system gives it), or "-" for standard input.

    ``error`` is set for an input that cannot even be listed (a folder that cannot be read): it
    becomes an error record in its place, so nothing given is lost in silence.
    """

    name: str
    error: str | None = None

    @property
    def path(self) -> str:
        """The name as records show it (valid UTF-8, see :func:`~scorer.read.files.display_path`)."""
        return display_path(self.name)


def expand_inputs(inputs: Iterable[str]) -> Iterator[Document]:
    """Files as given, folders walked recursively for article files (text and HTML), "-" and URLs as is.

    A name that does not exist is passed through: scoring it gives an error record, so one bad
    argument does not stop the batch.
    """
    for name in inputs:
        if name != STDIN and not is_url(name) and Path(name).is_dir():
            for found in walk_articles(name):
                yield Document(found.path, found.error)
        else:
            yield Document(name)
