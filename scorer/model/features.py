"""Cue hits -> per-sentence and per-article feature vectors.

Every article feature is computed from the sentence rows ``s_ij``, in one of three ways:

- ``SENTENCES`` / ``WORDS``: a sum over sentences divided by the number of sentences, or of words
  / 100 (rates). Then ``x_j - mean_j = sum_i (s_ij - mean_j * w_ij) / D_j``, where ``w_ij`` is
  sentence i's share of the denominator (1, or its words / 100): each sentence's part is exact.
- ``LOG_TOTAL``: ``log(1 + sum_i s_ij)`` (the article's length, its number of distinct named
  sources), whose deviation from the mean is shared among sentences in proportion to ``s_ij``.

Either way the parts of all sentences add up exactly to the article's, so a linear model's logit
splits exactly into one contribution per sentence (explain.py). This module is pure Python on
purpose: scoring never needs numpy or scikit-learn (transformer.py is the scikit-learn face).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..cues.matcher import Cue
from ..sources.spans import NAMED
from ..cues.types import CUE_TYPES, TYPE_DESCRIPTIONS
from ..read.segment import Segment

SENTENCES = "sentences"
WORDS = "words"
LOG_TOTAL = "log_total"


@dataclass(frozen=True)
class Feature:
    name: str
    denominator: str  # SENTENCES, WORDS or LOG_TOTAL
    description: str  # what the value means, for the reasons shown to people
    unit: str  # "share" (0..1, shown as a percentage), "rate" (per 100 words) or "log" (log 1 + count)
    # The direction the model may weigh it: +1 only up, -1 only down, 0 either way. Training keeps
    # each weight on its side, so that speculation can never be learned as a virtue from a corpus
    # where careful long reports happen to hedge more.
    sign: int = 0


# Which way each cue type may move the score (see Feature.sign).
_TYPE_SIGNS = {
    "attribution": +1,
    "anonymous_source": -1,
    "speculative_modal": -1,
    "hedge": -1,
    "boilerplate": -1,
    "verification": +1,
    "certainty": -1,
    "sensational": -1,
}

def _feature_table() -> tuple[Feature, ...]:
    features = []
    for cue_type in CUE_TYPES:
        words, sign = TYPE_DESCRIPTIONS[cue_type], _TYPE_SIGNS[cue_type]
        features.append(Feature(f"{cue_type}.share", SENTENCES, f"sentences with {words}", "share", sign))
        features.append(Feature(f"{cue_type}.per_100_words", WORDS, f"cues of {words} per 100 words", "rate", sign))
    features += [
        Feature(
            "unsourced_speculation.share",
            SENTENCES,
            "sentences that speculate or hedge with no named source behind them",
            "share",
            -1,
        ),
        Feature(
            "quote_same_source.share",
            SENTENCES,
            "sentences quoting someone without bringing in a new named source",
            "share",
            -1,
        ),
        Feature("number.share", SENTENCES, "sentences with a figure or date", "share"),
        Feature("question.share", SENTENCES, "sentences that are questions", "share", -1),
        Feature("exclamation.share", SENTENCES, "sentences with an exclamation mark", "share", -1),
        Feature("headline.share", SENTENCES, "lines without end punctuation (headlines, menus)", "share"),
        Feature("capitals.per_100_words", WORDS, "words in capitals per 100 words", "rate", -1),
        Feature("sources.distinct", LOG_TOTAL, "distinct named sources", "log", +1),
        Feature("length.words", LOG_TOTAL, "words in the article", "log", +1),
    ]
    return tuple(features)


FEATURES = _feature_table()
FEATURE_NAMES = tuple(feature.name for feature in FEATURES)
_TYPE_INDEX = {cue_type: index for index, cue_type in enumerate(CUE_TYPES)}
_ATTRIBUTION, _MODAL, _HEDGE = (_TYPE_INDEX[t] for t in ("attribution", "speculative_modal", "hedge"))

_QUOTE_CHARS = ('"', "\u201c", "\u201d")
_DIGIT = re.compile(r"\d")
# Shouting: four or more capital letters in a row as a whole word (acronyms are mostly shorter).
_CAPITALS = re.compile(r"\b[A-Z]{4,}\b")
_TERMINAL = frozenset(".!?\u2026\"'\u201d\u2019)")


@dataclass(frozen=True)
class SentenceFeatures:
    """Per-sentence raw values ``s_i`` (one per feature) and the sentence's word count."""

    values: tuple[float, ...]
    words: int


def sentence_features(text: str, segments: list[Segment], cues: list[Cue]) -> list[SentenceFeatures]:
    """The raw value of every feature for every sentence, in :data:`FEATURE_NAMES` order."""
    counts = [[0] * len(CUE_TYPES) for _ in segments]
    new_sources = [0] * len(segments)
    seen_sources: set[str] = set()
    for cue in cues:
        counts[cue.sentence][_TYPE_INDEX[cue.type]] += 1
        key = cue.who.key if cue.who is not None and cue.who.kind == NAMED else ""
        if key and key not in seen_sources:
            seen_sources.add(key)
            new_sources[cue.sentence] += 1
    rows = []
    for segment, type_counts, sources in zip(segments, counts, new_sources):
        sentence = text[segment.start : segment.end]
        words = len(sentence.split())
        values: list[float] = []
        for count in type_counts:
            values.append(1.0 if count else 0.0)
            values.append(float(count))
        speculates = type_counts[_MODAL] or type_counts[_HEDGE]
        values += [
            1.0 if speculates and not type_counts[_ATTRIBUTION] else 0.0,
            1.0 if not sources and any(quote in sentence for quote in _QUOTE_CHARS) else 0.0,
            1.0 if _DIGIT.search(sentence) else 0.0,
            1.0 if sentence.endswith("?") else 0.0,
            1.0 if "!" in sentence else 0.0,
            1.0 if segment.whole_line and sentence[-1] not in _TERMINAL else 0.0,
            float(len(_CAPITALS.findall(sentence))),
            float(sources),
            float(words),
        ]
        rows.append(SentenceFeatures(tuple(values), words))
    return rows


def denominators(rows: list[SentenceFeatures]) -> tuple[float, float]:
    """(sentences, words / 100) of an article. A text of no words counts per sentence instead."""
    sentences = float(len(rows))
    hundreds_of_words = sum(row.words for row in rows) / 100.0
    return sentences, hundreds_of_words


def sentence_weights(row: SentenceFeatures, total_words_100: float) -> tuple[float, float]:
    """A sentence's share of each denominator: (1 sentence, its words / 100)."""
    if total_words_100 == 0:
        return 1.0, 1.0  # no words at all: word-based features fall back to per sentence
    return 1.0, row.words / 100.0


def article_features(rows: list[SentenceFeatures]) -> list[float]:
    """The article vector, from the column sums of the sentence rows (see the module docstring)."""
    if not rows:
        return [0.0] * len(FEATURES)
    sentences, words_100 = denominators(rows)
    words_denominator = words_100 if words_100 else sentences
    totals = [sum(column) for column in zip(*(row.values for row in rows))]
    values = []
    for total, feature in zip(totals, FEATURES):
        if feature.denominator == SENTENCES:
            values.append(total / sentences)
        elif feature.denominator == WORDS:
            values.append(total / words_denominator)
        else:
            values.append(math.log1p(total))
    return values
