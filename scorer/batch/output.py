"""Where records go: standard output, or a file written atomically and resumable.

With ``--output FILE`` records stream into ``FILE.part``; only a finished run renames it to
``FILE``, so FILE is never half-written. A killed run leaves ``FILE.part``, and ``--resume`` reads
it back (cutting a torn last line), skips the documents it holds, and carries on appending.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

from .run import completed_paths
from ..errors import ScorerError
from ..report.text import csv_header, csv_row, render_text

FORMATS = ("text", "json", "jsonl", "csv")
RESUMABLE = ("jsonl", "csv")


class RecordSink:
    def __init__(
        self,
        fmt: str,
        target: Path | None,
        resume: bool = False,
        single: bool = False,
        colour: bool = False,
        top: int | None = None,
    ):
        if resume and target is None:
            raise ScorerError("--resume needs --output FILE: it skips the documents already in FILE")
        if resume and fmt not in RESUMABLE:
            raise ScorerError(f"--resume works with --format {' or '.join(RESUMABLE)}, not {fmt}")
        self.fmt, self.target, self.single, self.colour, self.top = fmt, target, single, colour, top
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
                raise ScorerError(f"cannot write {target}: {error.strerror}") from None
        else:
            self._handle = sys.stdout
        if fmt == "csv" and fresh:
            self._handle.write(csv_header())
        if fmt == "json" and not single:
            self._handle.write("[")

    def write(self, record: dict) -> None:
        handle = self._handle
        if self.fmt == "jsonl":
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            handle.write(csv_row(record))
        elif self.fmt == "json":
            text = json.dumps(record, ensure_ascii=False, indent=2)
            if not self.single:
                text = ("\n" if self.count == 0 else ",\n") + text
            handle.write(text)
        else:
            handle.write(("\n" if self.count else "") + render_text(record, self.colour, self.top))
        self.count += 1
        handle.flush()

    def close(self, finished: bool = True) -> None:
        """Finish the output; a finished file run replaces FILE by FILE.part in one rename."""
        if self.fmt == "json":
            self._handle.write("\n" if self.single else ("\n]\n" if self.count else "]\n"))
        self._handle.flush()
        if self.target is None:
            return
        os.fsync(self._handle.fileno())
        self._handle.close()
        if finished:
            assert self._part is not None
            os.replace(self._part, self.target)
