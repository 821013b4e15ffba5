"""Where records go: standard output, or a file written atomically and resumable.

With ``--output FILE`` records stream into ``FILE.part``; only a finished run renames it to
``FILE``, so FILE is never half-written. A killed run leaves ``FILE.part``, and ``--resume`` reads
it back (cutting a torn last line), skips the documents it holds, and carries on appending.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
from pathlib import Path
from typing import TextIO

from ..errors import ScorerError, UsageError
from ..read.files import display_path
from ..report.table import csv_header, csv_row
from ..report.html import render_html
from ..report.text import render_text
from .resume import completed_paths

FORMATS = ("text", "json", "jsonl", "csv", "html")
RESUMABLE = ("jsonl", "csv")


def check_output_path(target: Path) -> None:
    """Refuse, before anything is scored, an output that is not a regular file or a new path.

    Writing goes through ``FILE.part`` and a rename, which would replace a symbolic link, a device
    or a pipe with a plain file, and fails on a folder only at the very end.
    """
    for path in (target, target.with_name(target.name + ".part")):
        try:
            status = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError as error:
            raise ScorerError(f"cannot use {display_path(str(path))} as output: {error.strerror}") from None
        if stat.S_ISLNK(status.st_mode):
            kind = "a symbolic link"
        elif stat.S_ISDIR(status.st_mode):
            kind = "a folder"
        elif not stat.S_ISREG(status.st_mode):
            kind = "a device, pipe or socket"
        else:
            continue
        raise UsageError(f"--output {display_path(str(path))} is {kind}: give a regular file or a new path")
    if not target.parent.is_dir():
        raise UsageError(f"--output {display_path(str(target))}: folder {display_path(str(target.parent))} does not exist")


def compact(record: dict) -> dict:
    """The record without its per-sentence detail (``--no-sentences``): ``sentences`` becomes null,
    and everything about the article as a whole stays, its sources included."""
    return {**record, "sentences": None}


def check_sink(fmt: str, target: Path | None, resume: bool, sentences: bool = True) -> None:
    """Refuse, as a usage error, a format, output or resume request that cannot work."""
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if resume and target is None:
        raise UsageError("--resume needs --output FILE: it skips the documents already in FILE")
    if not sentences and fmt in ("text", "html"):
        raise UsageError(f"--no-sentences is for json, jsonl and csv output: the {fmt} report shows the sentences")
    if resume and fmt not in RESUMABLE:
        raise UsageError(f"--resume works with --format {' or '.join(RESUMABLE)}, not {fmt}")
    if target is not None:
        check_output_path(target)


class RecordSink:
    """Writes records in one format to standard output or to an output file (see the module doc)."""

    def __init__(
        self,
        fmt: str,
        target: Path | None,
        resume: bool = False,
        single: bool = False,
        colour: bool = False,
        top: int | None = None,
        sentences: bool = True,
    ):
        check_sink(fmt, target, resume, sentences)
        self.fmt, self.target, self.single, self.colour, self.top = fmt, target, single, colour, top
        # The HTML report opens with an index of every article, so it is written whole at the end.
        self._kept: list[dict] = []
        self.sentences = sentences
        self.done: set[str] = set()
        self.count = 0
        self._part = target.with_name(target.name + ".part") if target else None
        self._handle: TextIO
        fresh = True
        if target is not None:
            assert self._part is not None
            if resume:
                if not self._part.exists() and target.exists():
                    shutil.copyfile(target, self._part)
                self.done, good = completed_paths(self._part, fmt == "csv")
                if self._part.exists():
                    os.truncate(self._part, good)
                    fresh = good == 0
            try:
                self._handle = open(self._part, "a" if resume else "w", encoding="utf-8", newline="")
            except OSError as error:
                raise ScorerError(f"cannot write {display_path(str(target))}: {error.strerror}") from None
        else:
            self._handle = sys.stdout
        if fmt == "csv" and fresh:
            self._handle.write(csv_header())
        if fmt == "json" and not single:
            self._handle.write("[")

    def write(self, record: dict) -> None:
        handle = self._handle
        if not self.sentences:
            record = compact(record)
        if self.fmt == "html":
            self._kept.append(record)
            self.count += 1
            return
        if self.fmt == "jsonl":
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            handle.write(csv_row(record))
        elif self.fmt == "json":
            text = json.dumps(record, ensure_ascii=False, indent=2)
            if not self.single:
                text = ("\n" if self.count == 0 else ",\n") + text
            handle.write(text)
        elif record["error"] and self.target is None:
            return  # the report for people: the error is on standard error already, said once
        else:
            handle.write(("\n" if self.count else "") + render_text(record, self.colour, self.top))
        self.count += 1
        handle.flush()

    def close(self, finished: bool = True) -> None:
        """Finish the output; a finished file run replaces FILE by FILE.part in one rename."""
        if self.fmt == "json":
            self._handle.write("\n" if self.single else ("\n]\n" if self.count else "]\n"))
        if self.fmt == "html":
            self._handle.write(render_html(self._kept))
        self._handle.flush()
        if self.target is None:
            return
        os.fsync(self._handle.fileno())
        self._handle.close()
        if finished:
            assert self._part is not None
            os.replace(self._part, self.target)
