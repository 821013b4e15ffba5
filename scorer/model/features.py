"""Cues -> per-sentence rows -> the article's feature vector, every feature bounded in length.

Two kinds of feature, so that the model's logit splits exactly into what the page holds (explain.py):

- **Shares** (``SHARE``): the share of the article's distinct sentences that carry a kind of cue
  ("sentences citing a named source"). A sentence that occurs more than once (a headline printed
  three times, an article pasted twice) counts once, with every cue any of its copies carries, so
  repeating an article changes nothing. A share's part is shared among the copies that carry its
  cue: a sentence with no cue has no part at all.
- **Article terms**: ``SOURCES``, the distinct named sources; ``DETAILS``, the figures and dates
  (specificity cues) in distinct sentences; and ``LENGTH``, the words of distinct text (a sentence
  seen before adds nothing). All saturate (``1 - exp(-count / scale)``), so none can be bought by
  padding. The named-source term is shared among the sentences that bring in each new source, the
  detail term among the sentences in proportion to their details; length is a part of its own.

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
# Scales of the saturating article terms: three distinct named sources take the term to 0.63 of its
# ceiling and ten to 0.96; 500 words of distinct text to 0.63 and 1,500 to 0.95. Chosen before any
# fitting, from the spread of our corpus: a wire brief names one or two, a long report ten or more.
NAMED_SOURCES_SCALE = 3.0
LENGTH_SCALE = 500.0
# Ten figures and dates take the detail term to 0.63 of its ceiling: a wire brief has three or four.
DETAILS_SCALE = 10.0


@dataclass(frozen=True)
class Feature:
    name: str
    kind: str  # SHARE, SOURCES or LENGTH
    description: str  # what the value counts, for the reasons shown to people
    # The direction the model may weigh it: +1 only up, -1 only down, 0 either way, as the data
    # say. Only product values are fixed: vague sourcing, the writer's own conjecture, unsupported
    # certainty, sensational tone and page furniture can never raise a score; named sources and
    # saying what was verified can never lower it.
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
    Feature("named_sources", SOURCES, "distinct named sources", +1),
    Feature("details", DETAILS, "figures and dates"),
    Feature("length", LENGTH, "words of distinct text"),
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


def article_features(rows: list[SentenceFeatures]) -> list[float]:
    """The article vector: each share, and the two saturating article terms (module docstring)."""
    values = [0.0] * len(FEATURES)
    if not rows:
        return values
    distinct = group_values(rows)
    for j in SHARES:
        values[j] = sum(group[j] for group in distinct) / len(distinct)
    values[SOURCES_INDEX] = saturating(sum(row.new_sources for row in rows), NAMED_SOURCES_SCALE)
    values[DETAILS_INDEX] = saturating(sum(row.details for row in rows), DETAILS_SCALE)
    values[LENGTH_INDEX] = saturating(sum(row.words for row in rows if not row.repeated), LENGTH_SCALE)
    return values


def distinct_named_sources(rows: list[SentenceFeatures]) -> int:
    return sum(row.new_sources for row in rows)


def distinct_details(rows: list[SentenceFeatures]) -> int:
    return sum(row.details for row in rows)


def distinct_words(rows: list[SentenceFeatures]) -> int:
    return sum(row.words for row in rows if not row.repeated)
