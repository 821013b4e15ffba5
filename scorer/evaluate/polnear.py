"""Attribution detection measured against PolNeAR's hand-annotated attribution relations.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates Source / Cue / Content spans in BRAT
standoff files with character offsets into each article. A sentence *holds an attribution with a
speech or reporting cue* when an annotated relation's Cue span lies in it and the cue contains one
of the verbs of saying or believing in reference_lists/reporting_verbs.txt (or "according to"). We report two shares:

- coverage: of those sentences, the share where the detector finds an attribution or
  anonymous_source cue;
- unsupported: of the sentences where the detector finds such a cue, the share that hold no
  annotated attribution at all.

The folder is taken as an argument; nothing from it is copied into the project.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from pathlib import Path
from typing import Callable

from ..api import Analyzer
from ..errors import InputError
from ..cues.lexicon import read_word_list
from ..read.decode import read_document

SOURCE_TYPES = frozenset({"attribution", "anonymous_source"})
# What counts as a verb of saying or reporting in an annotated cue: a fixed list, so that the
# measure does not move when the detector's own verb lists grow.
REPORTING_VERBS_FILE = Path(__file__).resolve().parent / "reporting_verbs.txt"
_WORD = re.compile(r"[a-z']+")


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
