"""Score many documents, in one process or several, and stream their records in input order.

Records come out in input order whatever the number of processes, so ``--jobs 4`` prints exactly
what ``--jobs 1`` prints. Nothing is held in memory beyond a few chunks of work in flight.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..read.decode import read_limited
from ..result import Result
from .inputs import STDIN, Document

# Documents handed to a worker at a time: large enough to amortise process overhead, small enough
# that output keeps streaming.
_CHUNK = 8


@dataclass(frozen=True)
class ScoringOptions:
    """Everything a worker needs to build its scorer: plain, picklable settings."""

    model: str | None = None
    lexicons: str | None = None


def score_document(scorer, document: Document) -> dict:
    """Score one input (a path, or "-" for standard input) into its JSON record."""
    if document.error is not None:
        return Result(path=document.path, model=scorer.model_id, error=document.error).to_dict()
    if document.name == STDIN:
        try:
            data = read_limited(sys.stdin.buffer, "standard input")
        except InputError as error:
            return Result(path=STDIN, model=scorer.model_id, error=str(error)).to_dict()
        return scorer.score_bytes(data, STDIN).to_dict()
    return scorer.score_file(document.name).to_dict()


_worker_scorer = None


def _init_worker(options: ScoringOptions) -> None:
    global _worker_scorer
    from ..api import Scorer

    _worker_scorer = Scorer(options.model, options.lexicons)


def _score_in_worker(document: Document) -> dict:
    assert _worker_scorer is not None
    return score_document(_worker_scorer, document)


def score_all(documents: Iterable[Document], options: ScoringOptions, jobs: int = 1, scorer=None) -> Iterator[dict]:
    """Records for ``documents``, in order. ``jobs`` > 1 scores in that many worker processes; with
    one job, ``scorer`` (if given) is used instead of loading another."""
    if jobs <= 1:
        if scorer is None:
            from ..api import Scorer

            scorer = Scorer(options.model, options.lexicons)
        for document in documents:
            yield score_document(scorer, document)
        return
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.imap(_score_in_worker, _refuse_stdin(documents), chunksize=_CHUNK)


def _refuse_stdin(documents: Iterable[Document]) -> Iterator[Document]:
    # Standard input cannot be shared with worker processes.
    for document in documents:
        if document.name == STDIN:
            raise InputError("standard input (-) cannot be scored with --jobs above 1")
        yield document
