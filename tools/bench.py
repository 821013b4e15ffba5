"""`make bench`: scoring speed against the cost of just reading the text, both cores, cold start.

    python -m tools.bench --data ../shared/data/polnear-train/text
    python -m tools.bench --data ../shared/data/polnear-train/text --stages --profile --joblib

The articles under --data are copied (cycling through them) into a temporary folder until there
are --documents files, so the run reads real files. Then, in one run (about a minute on 2 cores):

- **floor**: read each file, decode it, and run ``re.findall(r"\\w+")`` over it;
- **cue extraction**: read, decode, split into sentences and find every cue;
- **full scoring**: what ``scorer score --format jsonl`` does for each file, in one process: read,
  decode, cues, sources, features, explanation, the record, and the record as a JSON line.

The three are timed back to back in each of --rounds rounds, so that each round compares them
under the same load; each ratio to the floor is the median over rounds of the round's ratio, and
documents/s come from the median round. Then:

- **both cores**: ``scorer.batch.run.score_all`` (what ``scorer score`` runs) over --jobs-documents
  files with ``jobs=1`` and ``jobs=2``, each record made a JSON line by the consumer as the CLI
  does, alternating, for --jobs-rounds rounds: the median of the rounds' speed-ups;
- **cold start**: a fresh ``scorer score FILE`` against a fresh ``python -c "import numpy"``,
  alternating, --cold-rounds rounds: the median ratio.

Each line says whether its target holds (issue 12). --stages adds the time of each stage of full
scoring, --profile the functions where full scoring spends its time (cProfile), --parts the parts
of cue extraction, --joblib the same both-cores comparison through ``joblib.Parallel``. Exit 1 with
--check if a target is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import scorer
from scorer.api import Analyzer, Scorer
from scorer.batch.inputs import Document
from scorer.batch.run import ScoringOptions, score_all, score_document
from scorer.cues.lexicon import PHRASE_SEPARATORS
from scorer.cues.matcher import fold_case
from scorer.evaluate.corpus import iter_text_files
from scorer.read.decode import decode_bytes, read_document
from scorer.read.segment import segment

# Issue 12's targets.
FULL_BUDGET = 3.0  # full scoring, one process: at most this many times the floor
CUES_BUDGET = 3.0  # cue extraction: at most this many times the floor
JOBS_SPEEDUP = 1.7  # --jobs 2 against --jobs 1: at least this much faster
COLD_BUDGET = 3.0  # a fresh `scorer score FILE`: at most this many times `python -c "import numpy"`

_WORD = re.compile(r"\w+")
# The package's folder, for the processes started here: they must import the same code.
_CODE_ROOT = Path(scorer.__file__).resolve().parent.parent


def prepare(data: Path, documents: int, folder: Path) -> list[Path]:
    sources = iter_text_files(data)
    if not sources:
        raise SystemExit(f"bench: no .txt/.md/.text files under {data}")
    paths = []
    for index in range(documents):
        target = folder / f"{index:05d}.txt"
        shutil.copyfile(sources[index % len(sources)], target)
        paths.append(target)
    return paths


def floor(paths: list[Path]) -> int:
    words = 0
    for path in paths:
        words += len(_WORD.findall(decode_bytes(path.read_bytes())))
    return words


def cues(paths: list[Path], analyzer: Analyzer) -> int:
    found = 0
    abbreviations, matcher = analyzer.lexicon.abbreviations, analyzer.matcher
    for path in paths:
        text = decode_bytes(path.read_bytes())
        found += len(matcher.find(text, segment(text, abbreviations)))
    return found


def full(paths: list[Path], model: Scorer) -> int:
    """Each file scored into its record and the record made a JSON line, as `scorer score --format
    jsonl` writes it (batch/output.py); returns the characters written."""
    written = 0
    for path in paths:
        written += len(json.dumps(score_document(model, Document(str(path))), ensure_ascii=False) + "\n")
    return written


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def single_process(paths: list[Path], rounds: int) -> dict:
    """Floor, cue extraction and full scoring, back to back in each round (module docstring)."""
    analyzer, model = Analyzer(), Scorer()
    floor(paths), cues(paths, analyzer), full(paths, model)  # warm the page cache and re's caches
    times: dict[str, list[float]] = {"floor": [], "cues": [], "full": []}
    for _ in range(rounds):
        times["floor"].append(_timed(floor, paths))
        times["cues"].append(_timed(cues, paths, analyzer))
        times["full"].append(_timed(full, paths, model))
    return {
        name: {
            "seconds": statistics.median(values),
            "ratio": statistics.median(value / base for value, base in zip(values, times["floor"])),
        }
        for name, values in times.items()
    }


def _jobs_run(paths: list[Path], jobs: int, model: Scorer) -> float:
    documents = [Document(str(path)) for path in paths]
    started = time.perf_counter()
    for record in score_all(documents, ScoringOptions(), jobs, model):
        json.dumps(record, ensure_ascii=False)
    return time.perf_counter() - started


def both_cores(paths: list[Path], rounds: int) -> dict:
    """``jobs=1`` against ``jobs=2`` through score_all, alternating (module docstring)."""
    model = Scorer()
    one, two = [], []
    for _ in range(rounds):
        one.append(_jobs_run(paths, 1, model))
        two.append(_jobs_run(paths, 2, model))
    speedup = statistics.median(a / b for a, b in zip(one, two))
    return {"one": statistics.median(one), "two": statistics.median(two), "speedup": speedup}


_joblib_scorer = None


def _joblib_chunk(names: list[str]) -> list[dict]:
    global _joblib_scorer
    if _joblib_scorer is None:
        _joblib_scorer = Scorer()
    return [score_document(_joblib_scorer, Document(name)) for name in names]


def _joblib_run(paths: list[Path], fresh: bool) -> float:
    import joblib
    from joblib.externals.loky import get_reusable_executor

    from scorer.batch.run import CHUNK

    if fresh:  # as a new `scorer score` would start: workers that have not loaded a scorer yet
        get_reusable_executor().shutdown(wait=True)
    names = [str(path) for path in paths]
    chunks = [names[start : start + CHUNK] for start in range(0, len(names), CHUNK)]
    started = time.perf_counter()
    parallel = joblib.Parallel(n_jobs=2, return_as="generator")
    for records in parallel(joblib.delayed(_joblib_chunk)(chunk) for chunk in chunks):
        for record in records:
            json.dumps(record, ensure_ascii=False)
    return time.perf_counter() - started


def with_joblib(paths: list[Path], rounds: int) -> dict:
    """The same both-cores comparison through ``joblib.Parallel(n_jobs=2, return_as="generator")``,
    chunks of the pool's size, workers fresh (as a new run has them) and reused."""
    model = Scorer()
    one, fresh, warm = [], [], []
    for _ in range(rounds):
        one.append(_jobs_run(paths, 1, model))
        fresh.append(_joblib_run(paths, True))
        warm.append(_joblib_run(paths, False))
    return {
        "one": statistics.median(one),
        "fresh": statistics.median(fresh),
        "warm": statistics.median(warm),
        "fresh_speedup": statistics.median(a / b for a, b in zip(one, fresh)),
        "warm_speedup": statistics.median(a / b for a, b in zip(one, warm)),
    }


def _fresh_seconds(command: list[str]) -> float:
    environment = dict(os.environ, PYTHONPATH=str(_CODE_ROOT))
    started = time.perf_counter()
    subprocess.run(command, cwd=_CODE_ROOT, env=environment, capture_output=True, check=True)
    return time.perf_counter() - started


def cold_start(path: Path, rounds: int) -> dict | None:
    """A fresh `scorer score FILE` against a fresh `python -c "import numpy"`, alternating."""
    numpy = [sys.executable, "-c", "import numpy"]
    if subprocess.run(numpy, capture_output=True, check=False).returncode != 0:
        return None  # numpy is not installed (it comes with the train extra)
    score = [sys.executable, "-m", "scorer", "score", str(path)]
    _fresh_seconds(score), _fresh_seconds(numpy)  # warm the file system cache
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(_fresh_seconds(score))
        theirs.append(_fresh_seconds(numpy))
    ratio = statistics.median(a / b for a, b in zip(ours, theirs))
    return {"score": statistics.median(ours), "numpy": statistics.median(theirs), "ratio": ratio}


def cold_parts(rounds: int) -> dict[str, float]:
    """Where a cold start goes: fresh processes that stop after each step (median of --cold-rounds),
    and building a scorer in this process (best of three, the lexicon cache cleared each time)."""
    from scorer.cues.lexicon import _load_cached

    steps = {
        "python -c pass": "pass",
        "python -c 'import typer'": "import typer",
        "python -c 'import scorer.api' (all of scoring, no CLI)": "import scorer.api",
        "python -c 'import scorer.cli' (the same, typer and the CLI)": "import scorer.cli",
    }
    timings = {}
    for label, code in steps.items():
        command = [sys.executable, "-c", code]
        _fresh_seconds(command)
        timings[label] = statistics.median(_fresh_seconds(command) for _ in range(rounds))
    builds = []
    for _ in range(3):
        _load_cached.cache_clear()
        re.purge()
        started = time.perf_counter()
        Scorer()
        builds.append(time.perf_counter() - started)
    timings["Scorer(): lexicons, phrase pattern, model (in this process)"] = min(builds)
    return timings


def stages(paths: list[Path]) -> dict[str, float]:
    """Seconds of each stage of full scoring over every file, each stage timed on its own with the
    previous stages' results in memory (best of three). Those results are frozen out of the garbage
    collector's sight while a stage runs, so that no stage pays for walking what the others kept.
    "records" is the rest of ``Scorer.score_text`` (api.py): the record's sentences, cues and
    sources, with the stages above subtracted."""
    from scorer.model.explain import explain, reasons
    from scorer.model.features import sentence_features
    from scorer.sources.claims import unsourced_claims
    from scorer.sources.entities import resolve_sources

    model = Scorer()
    matcher, abbreviations = model.matcher, model.lexicon.abbreviations

    def best(function, keep: bool = True):
        timings = []
        for _ in range(3):
            gc.collect()
            gc.freeze()
            started = time.perf_counter()
            result = function()
            timings.append(time.perf_counter() - started)
            gc.unfreeze()
        return min(timings), (result if keep else None)

    timings: dict[str, float] = {}
    timings["reading and decoding"], texts = best(lambda: [read_document(path) for path in paths])
    timings["sentence splitting"], segmented = best(lambda: [segment(text, abbreviations) for text in texts])
    timings["cue finding (matcher)"], found = best(lambda: [matcher.find(t, s) for t, s in zip(texts, segmented)])
    timings["sources (entities, continued quotes)"], sources = best(
        lambda: [resolve_sources(t, s, f, matcher.source_words) for t, s, f in zip(texts, segmented, found)]
    )
    timings["unsourced claims"], _ = best(
        lambda: [unsourced_claims(t, s, f.cues, model.lexicon.time_words) for t, s, f in zip(texts, segmented, sources)],
        keep=False,
    )
    timings["sentence features"], rows = best(
        lambda: [sentence_features(t, s, f.cues) for t, s, f in zip(texts, segmented, sources)]
    )
    timings["explanation and reasons"], _ = best(
        lambda: [reasons(model.model, explain(model.model, r)) for r in rows], keep=False
    )
    found = sources = rows = []  # let them go before the last three
    whole, _ = best(lambda: [model.score_text(text) and None for text in texts], keep=False)
    timings["records (score_text less the stages above)"] = whole - sum(list(timings.values())[1:])
    results = [model.score_text(text) for text in texts]
    timings["record to dict"], records = best(lambda: [result.to_dict() for result in results])
    results = []
    timings["dict to JSON line"], _ = best(
        lambda: [json.dumps(record, ensure_ascii=False) + "\n" for record in records], keep=False
    )
    return timings


def profile(paths: list[Path], top: int) -> str:
    """cProfile of full scoring: the functions with the most time of their own."""
    model = Scorer()
    full(paths, model)
    profiler = cProfile.Profile()
    profiler.runcall(full, paths, model)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue().replace(str(_CODE_ROOT) + os.sep, "")


def parts(paths: list[Path], analyzer: Analyzer) -> dict[str, float]:
    """Seconds per part of cue extraction, each part timed on its own (best of five).

    The parts after reading work on texts already in memory. "the rest of cue finding" is the
    matcher's whole ``find`` less folding and the phrase scan: line rules, and deciding what each
    hit means (the source resolver included).
    """
    abbreviations, matcher = analyzer.lexicon.abbreviations, analyzer.matcher
    texts = [decode_bytes(path.read_bytes()) for path in paths]
    segmented = [segment(text, abbreviations) for text in texts]

    def fold_and_space() -> list[str]:
        spaced = []
        for text in texts:
            folded = fold_case(text)
            for separator in PHRASE_SEPARATORS:
                folded = folded.replace(separator, " ")
            spaced.append(folded)
        return spaced

    spaced = fold_and_space()

    def best(function) -> float:
        return min(_timed(function) for _ in range(5))

    timings = {
        "reading and decoding": best(lambda: [decode_bytes(path.read_bytes()) for path in paths]),
        "sentence splitting": best(lambda: [segment(text, abbreviations) for text in texts]),
        "case folding and separators": best(fold_and_space),
        "phrase scan": best(lambda: [matcher._phrase_spans(text) for text in spaced]),
    }
    find = best(lambda: [matcher.find(text, segments) for text, segments in zip(texts, segmented)])
    timings["the rest of cue finding"] = find - timings["case folding and separators"] - timings["phrase scan"]
    return timings


def _verdict(holds: bool, miss: str) -> str:
    return "holds" if holds else f"MISSED ({miss})"


def machine() -> str:
    """The CPU, cores, Python and date."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()} on {platform.system()} "
        f"{platform.machine()}, {datetime.date.today().isoformat()}"
    )


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: above 0 before the run, other processes were working."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


_SINGLE = (
    ("floor", "floor         ", None, "read + decode + re.findall(r'\\w+')"),
    ("cues", "cue extraction", CUES_BUDGET, "read + decode + sentences + cues"),
    ("full", "full scoring  ", FULL_BUDGET, "read + score + record + JSON line, as scorer score --format jsonl"),
)


def render(run: dict) -> tuple[str, bool]:
    """The report, and whether every target holds."""
    documents = run["documents"]
    source = f"{documents} ({run['megabytes']:.1f} MB) from {run['data']}"
    lines = [f"documents     {source}, one process, median of {run['rounds']} alternating rounds"]
    holds = True
    for name, label, budget, what in _SINGLE:
        figures = run["single"][name]
        line = f"{label}  {documents / figures['seconds']:6.0f} documents/s  {figures['ratio']:5.2f} x floor"
        if budget is not None:
            ok = figures["ratio"] <= budget
            holds &= ok
            line += f"  target <= {budget:.1f}: " + _verdict(ok, f"{figures['ratio'] / budget:.1f} times the target")
        lines.append(f"{line}   ({what})")
    jobs = run["jobs"]
    ok = jobs["speedup"] >= JOBS_SPEEDUP
    holds &= ok
    lines.append(
        f"--jobs 2      {jobs['speedup']:5.2f} x faster than --jobs 1 ({jobs['one']:.2f} s against {jobs['two']:.2f} s, "
        f"{run['jobs_documents']} documents through score_all, median of {run['jobs_rounds']} alternating rounds)  "
        f"target >= {JOBS_SPEEDUP:.1f}: " + _verdict(ok, f"{JOBS_SPEEDUP - jobs['speedup']:.2f} short")
    )
    cold = run["cold"]
    if cold is None:
        lines.append("cold start    not measured: numpy is not installed (pip install .[train])")
    else:
        ok = cold["ratio"] <= COLD_BUDGET
        holds &= ok
        lines.append(
            f"cold start    {cold['ratio']:5.2f} x python -c 'import numpy' ({cold['score']:.3f} s against {cold['numpy']:.3f} s "
            f"for a fresh scorer score FILE, median of {run['cold_rounds']} alternating rounds)  "
            f"target <= {COLD_BUDGET:.1f}: " + _verdict(ok, f"{cold['ratio'] / COLD_BUDGET:.2f} times the target")
        )
    lines.append(f"machine       {run['machine']}; load average {run['load_start']} at the start, {run['load_end']} at the end")
    return "\n".join(lines), holds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of articles to read")
    parser.add_argument("--documents", type=int, default=2000, help="files for the single-process figures")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs-documents", type=int, default=2000, help="files for --jobs 2 against --jobs 1")
    parser.add_argument("--jobs-rounds", type=int, default=3)
    parser.add_argument("--cold-rounds", type=int, default=7)
    parser.add_argument("--stages", action="store_true", help="also time each stage of full scoring")
    parser.add_argument(
        "--profile", type=int, nargs="?", const=20, default=0, metavar="N", help="also print the N functions full scoring spends most time in"
    )
    parser.add_argument("--cold-parts", action="store_true", help="also time the steps of a cold start")
    parser.add_argument("--parts", action="store_true", help="also time each part of cue extraction on its own")
    parser.add_argument("--joblib", action="store_true", help="also run the both-cores comparison through joblib.Parallel")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    run = {"data": args.data, "documents": args.documents, "rounds": args.rounds, "machine": machine()}
    run["load_start"] = load_average()
    run.update(jobs_documents=args.jobs_documents, jobs_rounds=args.jobs_rounds, cold_rounds=args.cold_rounds)
    with tempfile.TemporaryDirectory(prefix="scorer-bench-") as temporary:
        paths = prepare(args.data, max(args.documents, args.jobs_documents), Path(temporary))
        single_paths, jobs_paths = paths[: args.documents], paths[: args.jobs_documents]
        run["megabytes"] = sum(path.stat().st_size for path in single_paths) / 1e6
        run["single"] = single_process(single_paths, args.rounds)
        run["jobs"] = both_cores(jobs_paths, args.jobs_rounds)
        run["cold"] = cold_start(paths[0], args.cold_rounds)
        run["load_end"] = load_average()
        report, holds = render(run)
        print(report, flush=True)
        if args.joblib:
            figures = with_joblib(jobs_paths, args.jobs_rounds)
            print(
                f"joblib        Parallel(n_jobs=2, return_as='generator'): {figures['fresh_speedup']:.2f} x --jobs 1 with fresh "
                f"workers ({figures['fresh']:.2f} s), {figures['warm_speedup']:.2f} x with workers reused ({figures['warm']:.2f} s); "
                f"--jobs 1 {figures['one']:.2f} s",
                flush=True,
            )
        if args.stages:
            print("stages of full scoring, seconds for all documents (each stage alone, best of 3):")
            for name, seconds in stages(single_paths).items():
                print(f"  {name:44} {seconds:6.3f}")
        if args.cold_parts:
            print(f"steps of a cold start, seconds (fresh processes: median of {args.cold_rounds}):")
            for name, seconds in cold_parts(args.cold_rounds).items():
                print(f"  {name:64} {seconds:6.3f}")
        if args.parts:
            print("parts of cue extraction, seconds (best of 5):")
            for name, seconds in parts(single_paths, Analyzer()).items():
                print(f"  {name:44} {seconds:6.3f}")
        if args.profile:
            print(profile(single_paths, args.profile))
    return 1 if args.check and not holds else 0


if __name__ == "__main__":
    raise SystemExit(main())
