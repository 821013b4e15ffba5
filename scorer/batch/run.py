"""Score many documents: expand inputs, score in one or several processes, stream the records.

Records come out in input order whatever the number of processes, so ``--jobs 4`` prints exactly
what ``--jobs 1`` prints. Nothing is held in memory beyond a few chunks of work in flight.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..evaluate.corpus import TEXT_SUFFIXES
from ..errors import InputError

STDIN = "-"
# Documents handed to a worker at a time: large enough to amortise process overhead, small enough
# that output keeps streaming.
_CHUNK = 8


@dataclass(frozen=True)
class ScoringOptions:
    """Everything a worker needs to build its scorer: plain, picklable settings."""

    model: str | None = None
    lexicons: str | None = None


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Files as given, folders walked recursively for .txt/.md/.text in a stable order, "-" as is.

    A name that does not exist is passed through: scoring it gives an error record, so one bad
    argument does not stop the batch.
    """
    for name in inputs:
        if name == STDIN:
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            for root, directories, files in os.walk(path):
                directories[:] = sorted(d for d in directories if not d.startswith("."))
                for file_name in sorted(files):
                    if file_name.lower().endswith(TEXT_SUFFIXES) and not file_name.startswith("."):
                        yield os.path.join(root, file_name)
        else:
            yield name


_worker_scorer = None


def _init_worker(options: ScoringOptions) -> None:
    global _worker_scorer
    from ..api import Scorer

    _worker_scorer = Scorer(options.model, options.lexicons)


def _score_one(name: str) -> dict:
    assert _worker_scorer is not None
    return score_name(_worker_scorer, name)


def score_name(scorer, name: str) -> dict:
    """Score one input name (a path, or "-" for standard input) into its JSON record."""
    if name == STDIN:
        return scorer.score_bytes(sys.stdin.buffer.read(), STDIN).to_dict()
    return scorer.score_file(name).to_dict()


def score_all(names: Iterable[str], options: ScoringOptions, jobs: int = 1, scorer=None) -> Iterator[dict]:
    """Records for ``names``, in order. ``jobs`` > 1 scores in that many worker processes; with one
    job, ``scorer`` (if given) is used instead of loading another."""
    if jobs <= 1:
        if scorer is None:
            from ..api import Scorer

            scorer = Scorer(options.model, options.lexicons)
        for name in names:
            yield score_name(scorer, name)
        return
    # Standard input cannot be shared with worker processes; it is read here, in order.
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.imap(_score_one, _refuse_stdin(names), chunksize=_CHUNK)


def _refuse_stdin(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        if name == STDIN:
            raise InputError("standard input (-) cannot be scored with --jobs above 1")
        yield name


def completed_paths(path: Path, csv_format: bool) -> tuple[set[str], int]:
    """Paths already recorded in a partial output file, and the byte length of its complete lines.

    A run killed mid-write can leave a torn last line; only lines ending in a newline (and, for
    JSON lines, parsing) count, and the caller cuts the file back to the returned length.
    """
    done: set[str] = set()
    good = 0
    if not path.exists():
        return done, 0
    with open(path, "rb") as handle:
        data = handle.read()
    offset = 0
    first = True
    for line in data.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            break
        text = line.decode("utf-8", errors="replace").rstrip("\n")
        if csv_format:
            if first:
                first = False
                offset += len(line)
                good = offset
                continue
            row = next(csv.reader([text]), None)
            if not row:
                break
            done.add(row[0])
        else:
            try:
                record = json.loads(text)
            except ValueError:
                break
            done.add(record.get("path"))
        offset += len(line)
        good = offset
    return done, good
