"""Command line: argument parsing and output only; the work is done by the library.

Exit codes (also in `scorer --help` and the README):
  0  every document scored
  1  nothing could run (missing or mismatched model, bad lexicons, unwritable output)
  2  some input could not be read or decoded (the rest were scored), or the command line was wrong
  3  with --min-score X: some document scored below X
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import ScorerError, UsageError

EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_BELOW_MIN = 0, 1, 2, 3
# As a shell reports a program stopped by SIGPIPE (128 + 13).
EXIT_BROKEN_PIPE = 141

EXIT_CODES_HELP = (
    "Exit codes: 0 every document scored; 1 nothing could run (model, lexicons, output); "
    "2 some input could not be read (the rest were scored) or bad usage; "
    "3 with --min-score, some document scored below it."
)

app = typer.Typer(
    name="scorer",
    help=(
        "Rate how well news articles are sourced and how much of them is speculation, sentence by "
        "sentence. The score (0-100, higher = better sourced) rates sourcing transparency and "
        "epistemic care, not truth.\n\n"
        "Examples:\n\n"
        "  scorer score article.txt\n\n"
        "  scorer score --format jsonl --jobs 2 --output scores.jsonl corpus/\n\n"
        "  scorer evaluate ../shared/data/horne2017-buzzfeed --reliable real\n\n"
        "  scorer train --data training_data\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"scorer {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = None,
) -> None:
    """Rate how well news articles are sourced."""


# Options several commands share.
ModelOption = Annotated[Optional[Path], typer.Option(help="Model folder (default: models/reliability).")]
LexiconsOption = Annotated[Optional[Path], typer.Option(help="Lexicon folder to use instead of the built-in one.")]
DebugOption = Annotated[bool, typer.Option(help="Show tracebacks for errors.")]


def _fail(error: BaseException, debug: bool, code: int = EXIT_FAILED) -> typer.Exit:
    if debug:
        traceback.print_exception(error)
    message = str(error) if isinstance(error, ScorerError) else f"internal error: {error!r} (--debug shows the traceback)"
    typer.echo(f"scorer: {message}", err=True)
    return typer.Exit(code)


@dataclass(frozen=True)
class ScoreCommand:
    """The score command's flags, as one frozen object."""

    paths: tuple[str, ...]
    fmt: str
    top: int | None
    colour: bool
    jobs: int
    output: Path | None
    resume: bool
    min_score: float | None
    model: str | None
    lexicons: str | None
    progress: bool
    any_language: bool = False
    sentences: bool = True


class _Progress:
    """A one-line progress bar on standard error, redrawn at most ten times a second."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.done = total, enabled and total > 1, 0
        self.started = self.drawn = time.monotonic()

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self.drawn > 0.1 or self.done == self.total):
            self.drawn = now
            rate = self.done / max(now - self.started, 1e-9)
            width = 30
            filled = int(width * self.done / self.total)
            sys.stderr.write(
                f"\r  [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} documents, {rate:.0f}/s "
            )
            sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


@app.command(
    help=(
        "Score articles: files, folders (recursively: .txt, .md, .text, .html, .htm), URLs (http, https) "
        "or - for standard input.\n\n"
        "By default prints, for people, the score and band, the reasons that weighed most, and the "
        "sentences that moved the score most with their cues highlighted. --format json / jsonl / csv "
        "print records for scripts (schema: scorer/schema/result.schema.json); --format html writes one "
        "self-contained page to read in a browser.\n\n"
        "HTML pages (by name, content type or content) are read with trafilatura: the article's text "
        "and title are scored, and the page furniture around them (menus, comments, cookie banners, "
        "share bars) is stripped and counted. `scorer extract PAGE` prints the text the offsets index. "
        "Text not in English is refused unless --any-language.\n\n"
        "Examples:\n\n"
        "  scorer score article.txt\n\n"
        "  scorer score saved-page.html https://example.org/news/story\n\n"
        "  scorer score --format html --output report.html corpus/\n\n"
        "  scorer score --format jsonl --no-sentences corpus/ > scores.jsonl   # compact: no per-sentence detail\n\n"
        "  scorer score --all --no-color article.txt | less\n\n"
        "  cat article.txt | scorer score --format json -\n\n"
        "  scorer score --format jsonl --jobs 2 --output scores.jsonl corpus/\n\n"
        "  scorer score --format jsonl --output scores.jsonl --resume corpus/   # after an interruption\n\n"
        "  scorer score --min-score 50 --format csv inbox/ || echo 'some article is poorly sourced'\n\n"
        + EXIT_CODES_HELP
    )
)
def score(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.", metavar="PATH...")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (for people), json, jsonl, csv, or html (a page).")] = "text",
    top: Annotated[int, typer.Option(help="Text format: show the N sentences that moved the score most.")] = 10,
    all_sentences: Annotated[bool, typer.Option("--all", help="Text format: show every sentence.")] = False,
    color: Annotated[
        Optional[bool], typer.Option("--color/--no-color", help="Colour the text report (default: on a terminal).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes; output is identical to 1.")] = 1,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to FILE (atomically) instead of standard output.")
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Skip documents already in --output FILE (jsonl or csv), append the rest.")
    ] = False,
    min_score: Annotated[
        Optional[float], typer.Option(help="Exit with 3 if any document scores below this (for pipelines).")
    ] = None,
    model: ModelOption = None,
    lexicons: LexiconsOption = None,
    progress: Annotated[
        Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar on standard error (default: on a terminal).")
    ] = None,
    any_language: Annotated[
        bool, typer.Option("--any-language", help="Score text not in English instead of refusing it (the lexicons are English).")
    ] = False,
    no_sentences: Annotated[
        bool, typer.Option("--no-sentences", help="json, jsonl, csv: leave out the per-sentence detail (sentences: null).")
    ] = False,
    debug: DebugOption = False,
) -> None:
    command = ScoreCommand(
        paths=tuple(paths),
        fmt=fmt,
        top=None if all_sentences else top,
        colour=color if color is not None else (output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")),
        jobs=jobs,
        output=output,
        resume=resume,
        min_score=min_score,
        model=str(model) if model else None,
        lexicons=str(lexicons) if lexicons else None,
        progress=progress if progress is not None else sys.stderr.isatty(),
        any_language=any_language,
        sentences=not no_sentences,
    )
    try:
        code = run_score(command)
    except KeyboardInterrupt:
        typer.echo("scorer: interrupted", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:
        raise _quiet_broken_pipe() from None
    except UsageError as error:
        raise _fail(error, debug, EXIT_INPUT) from None
    except Exception as error:  # noqa: BLE001 - one line for people, traceback with --debug
        raise _fail(error, debug) from None
    raise typer.Exit(code)


def _require_text_or_json(fmt: str) -> None:
    """The --format check of the commands that print text or JSON only."""
    if fmt not in ("text", "json"):
        typer.echo(f"scorer: --format must be text or json, not {fmt!r}", err=True)
        raise typer.Exit(EXIT_INPUT)


def _quiet_broken_pipe() -> typer.Exit:
    """The reader of our output went away (``scorer score ... | head``): stop without a word.

    Standard output is pointed at /dev/null first, so that flushing it at exit cannot fail again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return typer.Exit(EXIT_BROKEN_PIPE)


def run_score(command: ScoreCommand) -> int:
    from .api import Scorer
    from .batch.inputs import STDIN, expand_inputs
    from .batch.output import RecordSink, check_sink
    from .batch.run import ScoringOptions, score_all

    single = len(command.paths) == 1 and (command.paths[0] == STDIN or not Path(command.paths[0]).is_dir())
    # Usage first, then the model: both fail in one line before anything is scored or written.
    check_sink(command.fmt, command.output, command.resume, command.sentences)
    scorer = Scorer(command.model, command.lexicons, any_language=command.any_language)
    sink = RecordSink(
        command.fmt, command.output, command.resume, single, command.colour, command.top, command.sentences
    )
    finished = False
    try:
        documents = [document for document in expand_inputs(command.paths) if document.path not in sink.done]
        bar = _Progress(len(documents), command.progress)
        errors = below = 0
        try:
            options = ScoringOptions(command.model, command.lexicons, command.any_language)
            for record in score_all(documents, options, command.jobs, scorer):
                sink.write(record)
                if record["error"]:
                    errors += 1
                    typer.echo(f"scorer: {record['error']}", err=True)
                elif command.min_score is not None and record["score"] < command.min_score:
                    below += 1
                bar.step()
            finished = True
        finally:
            bar.finish()
    finally:
        sink.close(finished)
    if errors:
        return EXIT_INPUT
    if below:
        return EXIT_BELOW_MIN
    return EXIT_OK


def _print_report(report: dict, fmt: str, render) -> None:
    if fmt == "json":
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        typer.echo(render(report))


@app.command(
    help=(
        "Measure the model on a labelled corpus, or the cue detector on labelled sentences.\n\n"
        "DATA is a folder with one subfolder per label (--reliable names the reliable one; "
        "'reliable' and 'real' are recognised), or a JSONL file with 'text' and 'label'. Prints "
        "accuracy, precision, recall, F1, ROC-AUC, Brier score, the confusion matrix and a "
        "calibration table.\n\n"
        "With --sentences FILE (CSV or JSONL with 'text' and 'label', or 'cues'), prints precision "
        "and recall of the cue detector: per cue type, and for 'uncertain' (anonymous_source, "
        "hedge or speculative_modal).\n\n"
        "Examples:\n\n"
        "  scorer evaluate training_data --split test\n\n"
        "  scorer evaluate ../shared/data/horne2017-buzzfeed --reliable real --format json\n\n"
        "  scorer evaluate --sentences ../shared/data/wiki-weasel/train.csv\n\n"
        "  scorer evaluate ../shared/data/polnear-train/text --reliable-prefix nyt,wash-post,usa-today,politico "
        "--unreliable-prefix breitbart,west-journal"
    )
)
def evaluate(
    data: Annotated[Optional[Path], typer.Argument(help="Labelled articles: a folder or a JSONL file.")] = None,
    sentences: Annotated[Optional[Path], typer.Option(help="Labelled sentences (CSV or JSONL) instead.")] = None,
    reliable: Annotated[Optional[str], typer.Option(help="Name of the reliable label or subfolder.")] = None,
    split: Annotated[Optional[str], typer.Option(help="Only this split (train, dev or test) of a corpus that has one.")] = None,
    reliable_prefix: Annotated[
        Optional[str], typer.Option(help="Label one folder's files by name: these prefixes (comma-separated) are reliable.")
    ] = None,
    unreliable_prefix: Annotated[
        Optional[str], typer.Option(help="With --reliable-prefix: these file-name prefixes are unreliable.")
    ] = None,
    detail: Annotated[
        bool, typer.Option(help="Add a bootstrap interval of the ROC-AUC and each feature's separation on its own.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    model: ModelOption = None,
    lexicons: LexiconsOption = None,
    debug: DebugOption = False,
) -> None:
    from .evaluate import articles as evaluation
    from .evaluate.render import render_articles, render_sentences

    if (data is None) == (sentences is None):
        typer.echo("scorer: give either DATA (articles) or --sentences FILE", err=True)
        raise typer.Exit(EXIT_INPUT)
    try:
        if sentences is not None:
            report = evaluation.evaluate_sentences(sentences, lexicons, split)
            _print_report(report, fmt, render_sentences)
        else:
            prefixes = None
            if reliable_prefix or unreliable_prefix:
                if not (reliable_prefix and unreliable_prefix):
                    typer.echo("scorer: --reliable-prefix and --unreliable-prefix go together", err=True)
                    raise typer.Exit(EXIT_INPUT)
                prefixes = (tuple(reliable_prefix.split(",")), tuple(unreliable_prefix.split(",")))
            report = evaluation.evaluate(data, model, reliable, split, lexicons, detail=detail, prefixes=prefixes)
            _print_report(report, fmt, render_articles)
    except Exception as error:  # noqa: BLE001 - one line for people, traceback with --debug
        raise _fail(error, debug) from None


@app.command(
    help=(
        "Train the reliability model on a labelled corpus and write it atomically (what `make train` "
        "runs). DATA is a folder with one subfolder per label; an articles.csv beside them fixes the "
        "train/dev/test split (see training_data/DATASHEET.md).\n\n"
        "Examples:\n\n"
        "  scorer train\n\n"
        "  scorer train --data my_corpus --reliable credible --output models/mine"
    )
)
def train(
    data: Annotated[Optional[Path], typer.Option(help="Corpus folder (default: training_data).")] = None,
    output: Annotated[Optional[Path], typer.Option(help="Model folder to write (default: models/reliability).")] = None,
    reliable: Annotated[Optional[str], typer.Option(help="Name of the reliable subfolder.")] = None,
    lexicons: LexiconsOption = None,
    debug: DebugOption = False,
) -> None:
    from .model.linear import DEFAULT_MODEL_DIR
    from .train.trainer import DEFAULT_DATA
    from .train.trainer import train as train_model

    target = output or DEFAULT_MODEL_DIR
    bar = None
    try:

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = _Progress(total, sys.stderr.isatty())
            bar.step()

        report = train_model(data or DEFAULT_DATA, target, lexicons, reliable, progress)
    except Exception as error:  # noqa: BLE001 - one line for people, traceback with --debug
        raise _fail(error, debug) from None
    finally:
        if bar is not None:
            bar.finish()
    metrics = report.metadata["metrics"]
    typer.echo(f"model {report.model.model_id} written to {target}")
    for split_name, values in metrics.items():
        typer.echo(
            f"  {split_name:5}  n={values['documents']:<4} accuracy {values['accuracy']:.3f}  "
            f"ROC-AUC {values['roc_auc']:.3f}  F1 {values['f1']:.3f}  Brier {values['brier']:.3f}"
        )


@app.command(
    help=(
        "Print the text that is scored, exactly as every offset in a record indexes it: for an HTML "
        "page or URL, the title and the article's paragraphs as trafilatura extracts them, separated "
        "by blank lines; for plain text, the text with its line ends made \\n.\n\n"
        "--format json adds the title, the stripped furniture (blocks, words, and each block's text) "
        "and the links in the article body.\n\n"
        "Examples:\n\n"
        "  scorer extract saved-page.html\n\n"
        "  scorer extract https://example.org/news/story > story.txt\n\n"
        "  scorer extract --format json saved-page.html | jq .furniture.blocks"
    )
)
def extract(
    page: Annotated[str, typer.Argument(help="A file, a URL, or - for standard input.", metavar="PAGE")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    debug: DebugOption = False,
) -> None:
    from .read.decode import read_limited
    from .read.document import load_bytes, load_file
    from .read.url import fetch, is_url

    _require_text_or_json(fmt)
    try:
        if page == "-":
            document = load_bytes(read_limited(sys.stdin.buffer, "standard input"), "-")
        elif is_url(page):
            fetched = fetch(page)
            document = load_bytes(fetched.data, page, url=fetched.url, content_type=fetched.content_type)
        else:
            document = load_file(page)
    except ScorerError as error:
        raise _fail(error, debug, EXIT_INPUT) from None
    except Exception as error:  # noqa: BLE001 - one line for people, traceback with --debug
        raise _fail(error, debug) from None
    if fmt == "text":
        sys.stdout.write(document.text + ("" if document.text.endswith("\n") else "\n"))
        return
    furniture = document.furniture
    typer.echo(
        json.dumps(
            {
                "path": document.name,
                "input": document.kind,
                "title": document.title,
                "text": document.text,
                "furniture": None
                if furniture is None
                else {"blocks": furniture.blocks, "words": furniture.words, "texts": list(furniture.texts)},
                "links": [link.to_dict() for link in document.links],
            },
            indent=2,
            ensure_ascii=False,
        )
    )


@app.command(
    help=(
        "List every rule id a record can carry: its cue type, what it catches, and an example. "
        "Rule ids are stable: they appear in every cue, in explanations and in evaluation reports.\n\n"
        "Examples:\n\n"
        "  scorer rules\n\n"
        "  scorer rules --type hedge\n\n"
        "  scorer rules --format json | jq -r '.[].id'"
    )
)
def rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    cue_type: Annotated[Optional[str], typer.Option("--type", help="Only rules of this cue type.")] = None,
    lexicons: LexiconsOption = None,
    debug: DebugOption = False,
) -> None:
    from .cues.lexicon import load_lexicon
    from .rules import all_rules

    _require_text_or_json(fmt)
    try:
        found = [rule for rule in all_rules(load_lexicon(lexicons)) if cue_type is None or rule.type == cue_type]
    except Exception as error:  # noqa: BLE001 - one line for people, traceback with --debug
        raise _fail(error, debug) from None
    if cue_type is not None and not found:
        typer.echo(f"scorer: no rules of type {cue_type!r}", err=True)
        raise typer.Exit(EXIT_INPUT)
    if fmt == "json":
        typer.echo(json.dumps([rule.to_dict() for rule in found], indent=2, ensure_ascii=False))
        return
    for rule in found:
        typer.echo(f"{rule.id}\n    {rule.description}\n    e.g. {rule.example}")


def run() -> None:
    """Console-script entry point."""
    app()
