"""Cues -> per-sentence rows -> the article's feature vector, every feature bounded in length.

Two kinds of feature, so that the model's logit splits exactly into what the page holds (explain.py):

- **Shares** (``SHARE``): the share of the article's distinct sentences that carry a kind of cue
  ("sentences citing a named source"). A sentence that occurs more than once (a headline printed
  three times, an article pasted twice) counts once, with every cue any of its copies carries, so
  repeating an article changes nothing. A share's part is shared among the copies that carry its
  cue: a sentence with no cue has no part at all.
- **Article terms**: ``SOURCES``, the distinct named sources per 100 words; ``DETAILS``, the
  figures and dates (specificity cues) per 100 words; both capped, and both counted over distinct
  text. ``LENGTH``, the words of distinct text, saturates (``1 - exp(-words / scale)``). A sentence
  seen before adds nothing, so none can be bought by padding. The named-source term is shared
  among the sentences that bring in each new source, the detail term among the sentences in
  proportion to their details; length is a part of its own.

Why rates and not saturating counts for sources and details: a count grows with length, so a
model fitted on our corpus, where short reliable briefs name several people, learned a negative
weight for length once the counts held it. As rates, the three terms say separate things (how
densely sourced, how concrete, how long) and each keeps the positive direction it has on real
news. docs/EVALUATION.md has the comparison.

Measured on real corpora, volume carries most of the signal that holds across outlets (longer
reports with more named sources and more checkable detail), while per-sentence shares often run
the other way from one corpus to the next (docs/EVALUATION.md). Shares stay for what the product
values: vague sourcing, the writer's conjecture, tone.

The cue types behind each share are fixed here; which way a weight may go is set only where it is
a stated product value (``Feature.sign``; the README lists them). Pure Python: scoring never needs
numpy or scikit-learn (train/transformer.py is the scikit-learn face).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..cues.matcher import Cue
from ..read.segment import Segment
from ..sources.spans import ANONYMOUS_KIND, NAMED, VAGUE

SHARE = "share"
SOURCES = "sources"
DETAILS = "details"
LENGTH = "length"
# Caps of the rate terms, per 100 words of distinct text: past three named sources (a source every
# other sentence) or ten figures and dates (a table), more says nothing about care.
NAMED_SOURCES_CAP = 3.0
DETAILS_CAP = 10.0
# 1,000 words of distinct text take the length term to 0.63 of its ceiling and 3,000 to 0.95: real
# reports run 900 to 1,200 words at the median, fabricated items 300 to 400 (docs/EVALUATION.md).
LENGTH_SCALE = 1000.0


@dataclass(frozen=True)
class Feature:
    name: str
    kind: str  # SHARE, SOURCES or LENGTH
    description: str  # what the value counts, for the reasons shown to people
    # The direction the model may weigh it: +1 only up, -1 only down, 0 either way, as the data
    # say. Only product values are fixed: vague sourcing, the writer's own conjecture, unsupported
    # certainty, sensational tone and page furniture can never raise a score; named sources,
    # saying what was verified, concrete figures and dates, and length (bounded) can never lower
    # it. The last two are the signals the brief found to hold across every corpus measured.
    sign: int = 0


FEATURES = (
    Feature("named.share", SHARE, "sentences citing a named source", +1),
    Feature("anonymous.share", SHARE, "sentences citing an unnamed but specific source (a role, an affiliation)"),
    Feature("vague.share", SHARE, "sentences resting on a vague source (reports, sources, it is believed)", -1),
    Feature("attributed_speculation.share", SHARE, "sentences reporting a source's speculation or forecast"),
    Feature("conjecture.share", SHARE, "sentences of the writer's own speculation or hedging", -1),
    Feature("verification.share", SHARE, "sentences saying what was or could not be verified, or who was asked", +1),
    Feature("certainty.share", SHARE, "sentences asserting certainty without support", -1),
    Feature("sensational.share", SHARE, "sentences with sensational or clickbait wording", -1),
    Feature("furniture.share", SHARE, "lines of page furniture (ads, share buttons, repeated headlines)", -1),
    Feature("question.share", SHARE, "sentences that are questions", -1),
    Feature("exclamation.share", SHARE, "sentences with an exclamation mark", -1),
    Feature("shouting.share", SHARE, "sentences with a word in capitals", -1),
    Feature("named_sources", SOURCES, "distinct named sources per 100 words", +1),
    Feature("details", DETAILS, "figures and dates per 100 words", +1),
    Feature("length", LENGTH, "words of distinct text", +1),
)
FEATURE_NAMES = tuple(feature.name for feature in FEATURES)
SHARES = tuple(index for index, feature in enumerate(FEATURES) if feature.kind == SHARE)
SOURCES_INDEX = FEATURE_NAMES.index("named_sources")
DETAILS_INDEX = FEATURE_NAMES.index("details")
LENGTH_INDEX = FEATURE_NAMES.index("length")

_SOURCE_TYPES = frozenset({"attribution", "anonymous_source"})
_SPECULATION_TYPES = frozenset({"speculative_modal", "hedge"})
# Which share each plain cue type feeds (the source and speculation shares are decided below).
_SHARE_OF_TYPE = {
    "verification": "verification.share",
    "certainty": "certainty.share",
    "sensational": "sensational.share",
    "boilerplate": "furniture.share",
}
_SHARE_OF_RULE = {
    "tone.question": "question.share",
    "tone.exclamation": "exclamation.share",
    "sensational.repeated_exclamation": "exclamation.share",
    "tone.shouting": "shouting.share",
}
_KIND_SHARE = {NAMED: "named.share", ANONYMOUS_KIND: "anonymous.share", VAGUE: "vague.share"}
_POSITION = {name: index for index, name in enumerate(FEATURE_NAMES)}


@dataclass(frozen=True)
class SentenceFeatures:
    """One sentence's values: a 0/1 for each share (0 for the article terms), the named sources it
    brings in first, its figures and dates, its words, and whether its text was seen earlier in the
    article (then it brings in no details and no words)."""

    values: tuple[float, ...]
    new_sources: int
    details: int
    words: int
    repeated: bool
    group: int  # the same number for every copy of one sentence's text, in order of first appearance


def sentence_features(text: str, segments: list[Segment], cues: list[Cue]) -> list[SentenceFeatures]:
    """The row of every sentence, in document order."""
    present: list[set[str]] = [set() for _ in segments]
    speculates = [False] * len(segments)
    sourced = [False] * len(segments)
    new_sources = [0] * len(segments)
    details = [0] * len(segments)
    seen_keys: set[str] = set()
    for cue in cues:
        shares = present[cue.sentence]
        if cue.type in _SOURCE_TYPES and cue.who is not None:
            sourced[cue.sentence] = True
            shares.add(_KIND_SHARE[cue.who.kind])
            if cue.who.kind == NAMED and cue.who.key and cue.who.key not in seen_keys:
                seen_keys.add(cue.who.key)
                new_sources[cue.sentence] += 1
        elif cue.type in _SPECULATION_TYPES:
            speculates[cue.sentence] = True
        elif cue.type == "specificity":
            details[cue.sentence] += 1
        else:
            share = _SHARE_OF_RULE.get(cue.rule) or _SHARE_OF_TYPE.get(cue.type)
            if share is not None:
                shares.add(share)
    rows = []
    groups: dict[str, int] = {}
    for index, segment in enumerate(segments):
        shares = present[index]
        if speculates[index]:
            shares.add("attributed_speculation.share" if sourced[index] else "conjecture.share")
        values = [0.0] * len(FEATURES)
        for share in shares:
            values[_POSITION[share]] = 1.0
        sentence = text[segment.start : segment.end]
        key = " ".join(sentence.lower().split())
        repeated = key in groups
        group = groups.setdefault(key, len(groups))
        count = 0 if repeated else details[index]
        rows.append(SentenceFeatures(tuple(values), new_sources[index], count, len(sentence.split()), repeated, group))
    return rows


def group_values(rows: list[SentenceFeatures]) -> list[list[float]]:
    """For each distinct sentence, its share values over all its copies (a cue on any copy counts)."""
    distinct: list[list[float]] = []
    for row in rows:
        if row.group == len(distinct):
            distinct.append(list(row.values))
        else:
            merged = distinct[row.group]
            for j in SHARES:
                if row.values[j] > merged[j]:
                    merged[j] = row.values[j]
    return distinct


def saturating(count: float, scale: float) -> float:
    """``1 - exp(-count / scale)``: 0 for nothing, rising to 1, never past it."""
    return 1.0 - math.exp(-count / scale)


def per_hundred_words(count: float, words: float, cap: float) -> float:
    """``count`` per 100 ``words``, capped at ``cap`` and divided by it: 0 to 1."""
    return min(100.0 * count / words, cap) / cap if words else 0.0


def article_features(rows: list[SentenceFeatures]) -> list[float]:
    """The article vector: each share, two capped rates and the saturating length (module docstring)."""
    values = [0.0] * len(FEATURES)
    if not rows:
        return values
    distinct = group_values(rows)
    for j in SHARES:
        values[j] = sum(group[j] for group in distinct) / len(distinct)
    words = distinct_words(rows)
    values[SOURCES_INDEX] = per_hundred_words(distinct_named_sources(rows), words, NAMED_SOURCES_CAP)
    values[DETAILS_INDEX] = per_hundred_words(distinct_details(rows), words, DETAILS_CAP)
    values[LENGTH_INDEX] = saturating(words, LENGTH_SCALE)
    return values


def distinct_named_sources(rows: list[SentenceFeatures]) -> int:
    return sum(row.new_sources for row in rows)


def distinct_details(rows: list[SentenceFeatures]) -> int:
    return sum(row.details for row in rows)


def distinct_words(rows: list[SentenceFeatures]) -> int:
    return sum(row.words for row in rows if not row.repeated)
