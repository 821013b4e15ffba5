"""`make bench`: how fast cue extraction is, against the cost of just reading the text.

    python -m scorer.bench --data ../shared/data/polnear-train/text --documents 2000

The articles under --data are copied (cycling through them) into a temporary folder until there
are --documents files, so the run reads real files. Then, in rounds that alternate so both sides
see the same machine state:

- baseline: read each file, decode it, and run ``re.findall(r"\\w+")`` over it;
- cues: read each file, decode it, split it into sentences and find every cue.

It prints the best round of each and the median over rounds of their ratio (the issue's budget is
3.0), then full scoring throughput (features, model and explanation included) and the start-up time
of a fresh process. With --parts it also times each part of cue extraction on its own.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scorer.api import Analyzer, Scorer
from scorer.evaluate.corpus import iter_text_files
from scorer.cues.matcher import fold_case
from scorer.cues.lexicon import PHRASE_SEPARATORS
from scorer.read.decode import decode_bytes
from scorer.read.segment import segment

RATIO_BUDGET = 3.0
_WORD = re.compile(r"\w+")


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


def baseline(paths: list[Path]) -> int:
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


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def startup_seconds() -> float:
    """Wall time of a fresh `python -m scorer score` on a one-sentence input, best of three."""
    command = [sys.executable, "-m", "scorer", "score", "--format", "json", "-"]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, input=b"Officials said it may rain.", capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def run(data: Path, documents: int, rounds: int) -> dict:
    analyzer = Analyzer()
    scorer = Scorer()
    with tempfile.TemporaryDirectory(prefix="scorer-bench-") as temporary:
        paths = prepare(data, documents, Path(temporary))
        size = sum(path.stat().st_size for path in paths)
        baseline(paths), cues(paths, analyzer)  # warm the page cache and the regex caches
        base_times, cue_times = [], []
        for _ in range(rounds):
            base_times.append(_timed(baseline, paths))
            cue_times.append(_timed(cues, paths, analyzer))
        score_time = _timed(lambda: [scorer.score_file(path) for path in paths])
    return {
        "documents": documents,
        "megabytes": size / 1e6,
        "baseline_seconds": min(base_times),
        "cues_seconds": min(cue_times),
        # Each round times both sides back to back, so a round's ratio compares them under the same
        # machine state; the median over rounds is the figure least moved by noise.
        "ratio": statistics.median(c / b for c, b in zip(cue_times, base_times)),
        "ratio_best": min(cue_times) / min(base_times),
        "score_seconds": score_time,
        "startup_seconds": startup_seconds(),
    }


# Repeats of each part's timing in --parts; the best is kept.
_PART_REPEATS = 5


def parts(paths: list[Path], analyzer: Analyzer) -> dict[str, float]:
    """Seconds per part of cue extraction, each part timed on its own (best of a few runs).

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
        return min(_timed(function) for _ in range(_PART_REPEATS))

    timings = {
        "reading and decoding": best(lambda: [decode_bytes(path.read_bytes()) for path in paths]),
        "sentence splitting": best(lambda: [segment(text, abbreviations) for text in texts]),
        "case folding and separators": best(fold_and_space),
        "phrase scan": best(lambda: [matcher._phrase_spans(text) for text in spaced]),
    }
    find = best(lambda: [matcher.find(text, segments) for text, segments in zip(texts, segmented)])
    timings["the rest of cue finding"] = find - timings["case folding and separators"] - timings["phrase scan"]
    return timings


def render(result: dict, data: Path) -> str:
    return "\n".join(
        [
            f"documents       {result['documents']} ({result['megabytes']:.1f} MB) from {data}",
            f"baseline        {result['baseline_seconds']:.3f} s  (read + decode + re.findall(r'\\w+'))",
            f"cue extraction  {result['cues_seconds']:.3f} s  (read + decode + sentences + cues)",
            f"ratio           {result['ratio']:.2f}  (median over rounds of cue time / baseline time; "
            f"best round against best round {result['ratio_best']:.2f}; budget {RATIO_BUDGET:.1f})",
            f"full scoring    {result['score_seconds']:.3f} s  ({result['documents'] / result['score_seconds']:.0f} "
            f"documents/s, {result['megabytes'] / result['score_seconds']:.1f} MB/s, one process)",
            f"start-up        {result['startup_seconds']:.3f} s  (fresh `python -m scorer score` of one sentence)",
            f"machine         Python {platform.python_version()} on {platform.machine()}, "
            f"{datetime.date.today().isoformat()}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of articles to read")
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--parts", action="store_true", help="also time each part of cue extraction on its own")
    args = parser.parse_args(argv)
    result = run(args.data, args.documents, args.rounds)
    print(render(result, args.data))
    if args.parts:
        with tempfile.TemporaryDirectory(prefix="scorer-bench-") as temporary:
            timings = parts(prepare(args.data, args.documents, Path(temporary)), Analyzer())
        for name, seconds in timings.items():
            print(f"  {name:28} {seconds:.3f} s")
    return 0 if result["ratio"] <= RATIO_BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
