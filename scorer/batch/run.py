"""Score many documents, in one process or several, and stream their records in input order.

Records come out in input order whatever the number of processes, so ``--jobs 4`` prints exactly
what ``--jobs 1`` prints. Nothing is held in memory beyond a few chunks of work in flight.

Several processes are a small pool of our own rather than ``multiprocessing.Pool``, for what
happens when things go wrong (docs/BENCHMARKS.md, "Both cores"):

- each worker has a pipe of its own, and the parent knows which chunks each one holds, so a worker
  that dies (killed, out of memory) is replaced and its chunks scored again: nothing is lost and,
  as records are only passed on in order, nothing is written twice. A chunk that kills a worker a
  second time stops the batch with a one-line :class:`WorkerLost`; the output then holds every
  record before it, and ``--resume`` carries on from there (``Pool`` waits forever instead);
- workers ignore Ctrl-C (SIGINT is blocked from before they are forked until they ignore it), so
  Ctrl-C at a terminal, which reaches the whole process group, interrupts only the parent, which
  stops the workers; no worker prints a traceback;
- a worker whose parent is gone (SIGTERM or SIGKILL of the parent) finds its pipe closed and
  exits quietly.

With the fork start method (Linux) workers use the parent's scorer as it is, so they start at
once; elsewhere each builds its own from :class:`ScoringOptions`.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import wait

from ..errors import InputError, ScorerError
from ..read.decode import read_limited
from ..read.url import is_url
from ..result import Result
from .inputs import STDIN, Document

# Documents handed to a worker at a time: large enough that the pipe round trip is small beside the
# scoring (a chunk of 16 news articles is about 30 ms of work), small enough that records keep
# streaming and the last chunks share out evenly (docs/BENCHMARKS.md has the measurements).
CHUNK = 16
# Chunks sent to each worker before it has finished the first: one being scored, one waiting, so a
# worker never sits idle while the parent reads its last result.
_AHEAD = 2
# Chunks in flight per worker, counted from the oldest one not yet passed on: a slow chunk holds back
# the records after it (they come out in order), and this bounds how many wait in memory meanwhile.
_WINDOW = 8
# How many times a chunk is scored again after the worker holding it died.
_RETRIES = 1
# Seconds a worker may take to exit once told to, before it is killed.
_EXIT_SECONDS = 5.0


class WorkerLost(ScorerError):
    """A worker process died twice on the same chunk of documents (killed, out of memory)."""


@dataclass(frozen=True)
class ScoringOptions:
    """Everything a worker needs to build its scorer: plain, picklable settings."""

    model: str | None = None
    lexicons: str | None = None
    any_language: bool = False  # score text not in English instead of refusing it


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
    if is_url(document.name):
        return scorer.score_url(document.name).to_dict()
    return scorer.score_file(document.name).to_dict()


def score_all(documents: Iterable[Document], options: ScoringOptions, jobs: int = 1, scorer=None) -> Iterator[dict]:
    """Records for ``documents``, in order. ``jobs`` > 1 scores in that many worker processes; with
    one job, or with several and the fork start method, ``scorer`` (if given) is used instead of
    loading another."""
    if jobs <= 1:
        if scorer is None:
            scorer = _build_scorer(options)
        for document in documents:
            yield score_document(scorer, document)
        return
    pool = _Pool(jobs, options, scorer)
    finished = False
    try:
        yield from pool.records(_chunks(_refuse_stdin(documents)))
        finished = True
    finally:
        pool.close(finished)


def _build_scorer(options: ScoringOptions):
    from ..api import Scorer

    return Scorer(options.model, options.lexicons, any_language=options.any_language)


def _refuse_stdin(documents: Iterable[Document]) -> Iterator[Document]:
    # Standard input cannot be shared with worker processes.
    for document in documents:
        if document.name == STDIN:
            raise InputError("standard input (-) cannot be scored with --jobs above 1")
        yield document


def _chunks(documents: Iterator[Document]) -> Iterator[list[Document]]:
    while chunk := list(islice(documents, CHUNK)):
        yield chunk


class _Worker:
    """One worker process, the parent's end of its pipe, and the chunks it holds, oldest first."""

    def __init__(self, context, options: ScoringOptions, scorer, others: list[_Worker]):
        parent_end, child_end = context.Pipe()
        forked = context.get_start_method() == "fork"
        # A forked worker inherits the parent's copies of the other workers' pipe ends, and closes
        # them, so that each worker's pipe closes as soon as the parent's end does.
        inherited = [worker.connection for worker in others] + [parent_end] if forked else []
        self.process = context.Process(
            target=_work,
            args=(child_end, inherited, scorer if forked else None, options),
            name="scorer-worker",
            daemon=True,
        )
        with _sigint_blocked():
            self.process.start()
        child_end.close()
        self.connection = parent_end
        self.chunks: deque[int] = deque()

    def stop(self, graceful: bool) -> None:
        """End the process: told to finish when all is done, terminated otherwise; never waited on
        for long."""
        if graceful:
            try:
                self.connection.send(None)
            except OSError:
                pass
        elif self.process.is_alive():
            self.process.terminate()
        self.process.join(_EXIT_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()
        self.process.close()


class _Pool:
    """Hands chunks to workers, keeps their results until their turn, and replaces lost workers."""

    def __init__(self, jobs: int, options: ScoringOptions, scorer):
        self._context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        self._options, self._scorer = options, scorer
        if scorer is None and self._context.get_start_method() == "fork":
            self._scorer = _build_scorer(options)  # built once, before the fork, for every worker
        self._workers: list[_Worker] = []
        # Objects alive now are never garbage in a worker: frozen, its collector does not walk them
        # (nor touch their pages, which stay shared with the parent).
        gc.freeze()
        try:
            for _ in range(jobs):
                self._start_worker()
        finally:
            gc.unfreeze()

    def _start_worker(self) -> _Worker:
        worker = _Worker(self._context, self._options, self._scorer, self._workers)
        self._workers.append(worker)
        return worker

    def records(self, chunks: Iterator[list[Document]]) -> Iterator[dict]:
        documents: dict[int, list[Document]] = {}  # chunks sent and not yet passed on
        done: dict[int, list[dict]] = {}  # their records, once back
        retry: deque[int] = deque()  # chunks whose worker died, to send again first
        attempts: dict[int, int] = {}
        next_chunk = next_out = 0
        exhausted = False
        window = _WINDOW * len(self._workers)
        while True:
            lost = []
            for worker in self._workers:
                while len(worker.chunks) < _AHEAD:
                    if retry:
                        index = retry.popleft()
                    elif exhausted or next_chunk - next_out >= window:
                        break
                    else:
                        chunk = next(chunks, None)
                        if chunk is None:
                            exhausted = True
                            break
                        index, next_chunk = next_chunk, next_chunk + 1
                        documents[index] = chunk
                    try:
                        worker.connection.send((index, documents[index]))
                    except OSError:  # it died since it last answered; this chunk never reached it
                        retry.appendleft(index)
                        lost.append(worker)
                        break
                    worker.chunks.append(index)
            if lost:
                for worker in lost:
                    self._replace(worker, documents, attempts, retry)
                continue  # hand the lost chunks out before waiting for anything
            while next_out in done:
                del documents[next_out]
                yield from done.pop(next_out)
                next_out += 1
            if exhausted and not documents:
                return
            by_handle = {worker.connection: worker for worker in self._workers}
            by_handle.update((worker.process.sentinel, worker) for worker in self._workers)
            for handle in wait(list(by_handle)):
                worker = by_handle[handle]
                if worker not in self._workers:
                    continue  # both its pipe and its process were ready, and it is already replaced
                try:
                    if not worker.connection.poll():
                        raise EOFError  # the process ended with nothing left to read
                    index, records, error = worker.connection.recv()
                except (EOFError, OSError):
                    self._replace(worker, documents, attempts, retry)
                    continue
                if error is not None:
                    raise _raised(*error)
                assert worker.chunks and worker.chunks[0] == index, "a worker answers its chunks in order"
                worker.chunks.popleft()
                done[index] = records

    def _replace(self, worker: _Worker, documents: dict, attempts: dict[int, int], retry: deque[int]) -> None:
        """A worker died: start another, and score the chunks it held again. Workers take their chunks
        in order, so only the first can have killed it: that one is scored again at most _RETRIES times."""
        self._workers.remove(worker)
        lost = list(worker.chunks)
        worker.process.join(_EXIT_SECONDS)
        exit_code = worker.process.exitcode
        worker.stop(graceful=False)
        if lost:
            index = lost[0]
            attempts[index] = attempts.get(index, 0) + 1
            if attempts[index] > _RETRIES:
                raise WorkerLost(
                    f"a worker process died ({_describe_exit(exit_code)}) twice while scoring "
                    f"{documents[index][0].path} or one of the {len(documents[index]) - 1} files after it; "
                    "the output holds every document before them (with --output, --resume carries on)"
                )
        waiting = sorted(set(retry) | set(lost))  # oldest first: the output waits for it
        retry.clear()
        retry.extend(waiting)
        gc.freeze()
        try:
            self._start_worker()
        finally:
            gc.unfreeze()

    def close(self, finished: bool) -> None:
        """Stop every worker: gracefully after the last record, at once after an interruption or an
        error (their work is no longer wanted)."""
        workers, self._workers = self._workers, []
        if not finished:
            for worker in workers:
                if worker.process.is_alive():
                    worker.process.terminate()
        for worker in workers:
            worker.stop(graceful=finished)


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


@contextmanager
def _sigint_blocked():
    """SIGINT held back around a fork: the child starts with it blocked (and ignores it before
    unblocking it), and the parent gets a Ctrl-C that came meanwhile as soon as the fork is done."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _work(connection, inherited: list, scorer, options: ScoringOptions) -> None:
    """A worker's loop: receive (index, documents), send back (index, records, error) until told to
    stop or until the parent is gone. Nothing it does prints to the terminal."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        for handle in inherited:
            handle.close()
        if scorer is None:
            scorer = _build_scorer(options)
        while True:
            try:
                task = connection.recv()
            except (EOFError, OSError):
                return  # the parent is gone
            if task is None:
                return
            index, documents = task
            try:
                message = (index, [score_document(scorer, document) for document in documents], None)
            except Exception as error:  # noqa: BLE001 - the parent raises it, as it would with one job
                message = (index, None, _portable(error))
            try:
                connection.send(message)
            except (BrokenPipeError, OSError):
                return
    except BaseException:  # noqa: BLE001 - a dying worker is the parent's to report, in one line
        os._exit(1)


class _RemoteTraceback(Exception):
    """The traceback of an error raised in a worker, shown with --debug as the error's cause."""

    def __str__(self) -> str:
        return self.args[0]


def _portable(error: Exception) -> tuple[Exception, str]:
    """The error and its traceback, in a form that survives the trip to the parent."""
    import pickle

    text = "".join(traceback.format_exception(error))
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - some exceptions cannot be pickled; their text can
        error = RuntimeError(f"{type(error).__name__}: {error}")
    return error, text


def _raised(error: Exception, text: str) -> Exception:
    error.__cause__ = _RemoteTraceback(text)
    return error
