"""Attribution detection measured against PolNeAR's hand-annotated attribution relations.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates Source / Cue / Content spans in BRAT
standoff files with character offsets into each article. A sentence *holds an attribution with a
speech or reporting cue* when an annotated relation's Cue span lies in it and the cue contains one
of the verbs of saying or believing in reference_lists/reporting_verbs.txt (or "according to"). We report two shares:

- coverage: of those sentences, the share where the detector finds an attribution or
  anonymous_source cue;
- unsupported: of the sentences where the detector finds such a cue, the share that hold no
  annotated attribution at all. A sentence holds one when any part of an annotated relation (its
  Cue, Source or Content span) lies in it: a quote that runs on over several sentences is
  annotated once, with its cue in the first, and the detector credits the later sentences to the
  same speaker (continued quotes), so they are judged against the Content span.

The folder is taken as an argument; nothing from it is copied into the project.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from pathlib import Path
from typing import Callable, NamedTuple

from ..api import Analyzer
from ..errors import InputError
from ..cues.lexicon import read_word_list
from ..read.decode import read_document

SOURCE_TYPES = frozenset({"attribution", "anonymous_source"})
# What counts as a verb of saying or reporting in an annotated cue: a fixed list, so that the
# measure does not move when the detector's own verb lists grow.
REPORTING_VERBS_FILE = Path(__file__).resolve().parent / "reporting_verbs.txt"
_WORD = re.compile(r"[a-z']+")


class Relation(NamedTuple):
    """One annotated attribution: its Cue span and its Source span (None when it has no source)."""

    cue: tuple[int, int]
    source: tuple[int, int] | None


def read_attributions(annotation: Path) -> list[Relation]:
    """Every attribution relation of one BRAT .ann file, with its cue and source spans.

    A discontinuous span ("T1\tSource 0 5;10 15") is taken from its first to its last character.
    """
    spans: dict[str, tuple[int, int]] = {}
    relations = []
    for line in annotation.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, *offsets = fields[1].replace(";", " ").split(" ")
            numbers = [int(value) for value in offsets if value.isdigit()]
            if numbers:
                spans[fields[0]] = (min(numbers), max(numbers))
        elif line.startswith("E") and len(fields) >= 2:
            arguments = dict(argument.partition(":")[::2] for argument in fields[1].split(" "))
            if arguments.get("Cue") in spans:
                relations.append(Relation(spans[arguments["Cue"]], spans.get(arguments.get("Source", ""))))
    return relations


def read_relation_spans(annotation: Path) -> list[tuple[int, int]]:
    """(start, end) of every span taking part in an attribution relation: cue, source and content."""
    spans: dict[str, tuple[int, int]] = {}
    used = []
    for line in annotation.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, *offsets = fields[1].replace(";", " ").split(" ")
            numbers = [int(value) for value in offsets if value.isdigit()]
            if numbers:
                spans[fields[0]] = (min(numbers), max(numbers))
        elif line.startswith("E") and len(fields) >= 2:
            for argument in fields[1].split(" "):
                target = argument.partition(":")[2]
                if target in spans:
                    used.append(spans[target])
    return used


def read_relations(annotation: Path) -> list[tuple[int, int]]:
    """(start, end) of the Cue span of every attribution relation in one BRAT .ann file."""
    spans: dict[str, tuple[str, int, int]] = {}
    cues = []
    for line in annotation.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            kind, *offsets = fields[1].replace(";", " ").split(" ")
            numbers = [int(value) for value in offsets if value.isdigit()]
            if numbers:
                spans[fields[0]] = (kind, min(numbers), max(numbers))
        elif line.startswith("E") and len(fields) >= 2:
            for argument in fields[1].split(" "):
                role, _, target = argument.partition(":")
                if role == "Cue" and target in spans:
                    cues.append(spans[target][1:])
    return cues


def evaluate_polnear(
    folder: str | os.PathLike, lexicons: str | None = None, progress: Callable[[int, int], None] | None = None
) -> dict:
    root = Path(folder)
    # Some articles were annotated twice (file names end in the annotator's id): count each once.
    by_article: dict[str, Path] = {}
    for annotation in sorted((root / "attributions").glob("*.ann")):
        by_article.setdefault(annotation.stem.rsplit("_", 1)[0], annotation)
    annotations = list(by_article.values())
    if not annotations:
        raise InputError(f"{root}: no attributions/*.ann files (expected the PolNeAR layout)")
    analyzer = Analyzer(lexicons)
    verbs = read_word_list(REPORTING_VERBS_FILE)
    speech_sentences = detected = detected_in_speech = detected_unsupported = annotated_any = 0
    for index, annotation in enumerate(annotations):
        text_path = root / "text" / (annotation.stem.rsplit("_", 1)[0] + ".txt")
        if not text_path.exists():
            continue
        text = read_document(text_path)
        analysis = analyzer.analyse(text)
        starts = [segment.start for segment in analysis.segments]
        with_attribution: set[int] = set()
        with_speech: set[int] = set()
        for start, end in read_relation_spans(annotation):
            first, last = bisect_right(starts, start) - 1, bisect_right(starts, max(start, end - 1)) - 1
            with_attribution.update(range(max(first, 0), last + 1))
        for start, end in read_relations(annotation):
            sentence = bisect_right(starts, start) - 1
            if sentence < 0:
                continue
            with_attribution.add(sentence)
            cue = text[start:end].lower()
            if any(word in verbs for word in _WORD.findall(cue)) or "according to" in cue:
                with_speech.add(sentence)
        found = {cue.sentence for cue in analysis.cues if cue.type in SOURCE_TYPES}
        speech_sentences += len(with_speech)
        annotated_any += len(with_attribution)
        detected += len(found)
        detected_in_speech += len(found & with_speech)
        detected_unsupported += len(found - with_attribution)
        if progress:
            progress(index + 1, len(annotations))
    return {
        "data": str(root),
        "articles": len(annotations),
        "sentences_with_speech_attribution": speech_sentences,
        "sentences_with_any_attribution": annotated_any,
        "sentences_with_detected_source_cue": detected,
        "coverage": detected_in_speech / speech_sentences if speech_sentences else None,
        "unsupported": detected_unsupported / detected if detected else None,
    }


# Tokens as Citron's evaluation counts them (it uses spaCy's): words, and every punctuation mark
# on its own, so that a span with a trailing comma is not the same span.
_EVALUATION_TOKEN = re.compile(r"\w+|[^\w\s]")


def is_reporting_cue(text: str, verbs: frozenset[str]) -> bool:
    """Whether a cue's words hold a verb of saying or reporting from the fixed list, or "according to"."""
    lowered = text.lower()
    return "according to" in lowered or any(word in verbs for word in _WORD.findall(lowered))


def evaluate_source_spans(
    folder: str | os.PathLike, lexicons: str | None = None, progress: Callable[[int, int], None] | None = None
) -> dict:
    """Source spans against PolNeAR's annotated Sources, computed as Citron's evaluation computes them.

    Gold: the relations whose cue holds a verb of saying or reporting (REPORTING_VERBS_FILE, or
    "according to"). Predicted: every attribution or anonymous_source cue whose verb or phrase holds
    one, as (that verb or phrase, the cue's source span). Then, as in Citron's metrics.py:

    - exact: a predicted source is right when its cue overlaps a gold cue whose source has the same
      first and last token; precision over predictions, recall over gold relations (a gold relation
      with no source can never be matched);
    - overlap: tokens shared by predicted and gold sources, summed over every pair in a document,
      over all predicted and all gold source tokens.
    """
    root = Path(folder)
    annotations = _annotations(root)
    analyzer = Analyzer(lexicons)
    verbs = read_word_list(REPORTING_VERBS_FILE)
    exact_tp = exact_fp = exact_fn = 0
    shared = predicted_tokens = gold_tokens = 0
    for index, annotation in enumerate(annotations):
        text_path = root / "text" / (annotation.stem.rsplit("_", 1)[0] + ".txt")
        if not text_path.exists():
            continue
        text = read_document(text_path)
        gold = [r for r in read_attributions(annotation) if is_reporting_cue(text[r.cue[0] : r.cue[1]], verbs)]
        predicted = [
            Relation((cue.trigger_start, cue.trigger_end), (cue.who.start, cue.who.end))
            for cue in analyzer.analyse(text).cues
            if cue.who is not None and is_reporting_cue(text[cue.trigger_start : cue.trigger_end], verbs)
        ]
        tokens = _token_index(text)
        gold_sets = [_tokens(tokens, r.source) for r in gold]
        predicted_sets = [_tokens(tokens, r.source) for r in predicted]
        for relation, tokens_of in zip(predicted, predicted_sets):
            if any(_overlaps(relation.cue, g.cue) and tokens_of == g_tokens and g.source for g, g_tokens in zip(gold, gold_sets)):
                exact_tp += 1
            else:
                exact_fp += 1
        for relation, g_tokens in zip(gold, gold_sets):
            if not (relation.source and any(
                _overlaps(relation.cue, p.cue) and p_tokens == g_tokens for p, p_tokens in zip(predicted, predicted_sets)
            )):
                exact_fn += 1
        predicted_tokens += sum(len(tokens_of) for tokens_of in predicted_sets)
        gold_tokens += sum(len(tokens_of) for tokens_of in gold_sets)
        shared += sum(len(p & g) for p in predicted_sets for g in gold_sets)
        if progress:
            progress(index + 1, len(annotations))
    exact = _scores(exact_tp / (exact_tp + exact_fp) if exact_tp + exact_fp else 0.0, exact_tp / (exact_tp + exact_fn) if exact_tp + exact_fn else 0.0)
    overlap = _scores(shared / predicted_tokens if predicted_tokens else 0.0, shared / gold_tokens if gold_tokens else 0.0)
    return {
        "data": str(root),
        "articles": len(annotations),
        "gold_relations": exact_tp + exact_fn,
        "predicted": exact_tp + exact_fp,
        "exact": exact,
        "overlap": overlap,
    }


def _annotations(root: Path) -> list[Path]:
    # Some articles were annotated twice (file names end in the annotator's id): count each once.
    by_article: dict[str, Path] = {}
    for annotation in sorted((root / "attributions").glob("*.ann")):
        by_article.setdefault(annotation.stem.rsplit("_", 1)[0], annotation)
    if not by_article:
        raise InputError(f"{root}: no attributions/*.ann files (expected the PolNeAR layout)")
    return list(by_article.values())


def _token_index(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _EVALUATION_TOKEN.finditer(text)]


def _tokens(tokens: list[tuple[int, int]], span: tuple[int, int] | None) -> frozenset[int]:
    """Indices of the tokens a character span covers."""
    if span is None:
        return frozenset()
    low = bisect_right(tokens, (span[0], -1))
    high = bisect_right(tokens, (span[1], -1))
    if low and tokens[low - 1][1] > span[0]:
        low -= 1  # a token the span starts inside
    return frozenset(i for i in range(low, high) if tokens[i][0] < span[1])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _scores(precision: float, recall: float) -> dict:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
