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
from itertools import filterfalse
from operator import attrgetter
from typing import NamedTuple

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
FURNITURE_INDEX = FEATURE_NAMES.index("furniture.share")

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
# The same tables as positions in the vector, for the per-cue loop.
_SHARE_POSITION_OF_TYPE = {cue_type: _POSITION[share] for cue_type, share in _SHARE_OF_TYPE.items()}
_SHARE_POSITION_OF_RULE = {rule: _POSITION[share] for rule, share in _SHARE_OF_RULE.items()}
_KIND_POSITION = {kind: _POSITION[share] for kind, share in _KIND_SHARE.items()}
_ATTRIBUTED_SPECULATION = _POSITION["attributed_speculation.share"]
_CONJECTURE = _POSITION["conjecture.share"]
# The values of a sentence with no share, most of them: one tuple serves them all.
_NO_SHARES = (0.0,) * len(FEATURES)


class SentenceFeatures(NamedTuple):
    """One sentence's values: a 0/1 for each share (0 for the article terms), the named sources it
    brings in first, its figures and dates, its words, and whether its text was seen earlier in the
    article (then it brings in no details and no words)."""

    values: tuple[float, ...]
    new_sources: int
    details: int
    words: int
    repeated: bool
    group: int  # the same number for every copy of one sentence's text, in order of first appearance


# Rows are made for every sentence: tuple.__new__ skips NamedTuple's Python-level constructor.
_new_row = tuple.__new__


def sentence_features(text: str, segments: list[Segment], cues: list[Cue]) -> list[SentenceFeatures]:
    """The row of every sentence, in document order."""
    present: dict[int, set[int]] = {}  # sentence -> positions of the shares its cues feed
    speculates: set[int] = set()
    sourced: set[int] = set()
    new_sources = [0] * len(segments)
    details = [0] * len(segments)
    seen_keys: set[str] = set()
    for cue in cues:
        sentence, cue_type = cue.sentence, cue.type
        if cue_type in _SOURCE_TYPES and cue.who is not None:
            who = cue.who
            sourced.add(sentence)
            present.setdefault(sentence, set()).add(_KIND_POSITION[who.kind])
            if who.kind == NAMED and who.key and who.key not in seen_keys:
                seen_keys.add(who.key)
                new_sources[sentence] += 1
        elif cue_type in _SPECULATION_TYPES:
            speculates.add(sentence)
        elif cue_type == "specificity":
            details[sentence] += 1
        else:
            share = _SHARE_POSITION_OF_RULE.get(cue.rule)
            if share is None:
                share = _SHARE_POSITION_OF_TYPE.get(cue_type)
            if share is not None:
                present.setdefault(sentence, set()).add(share)
    for sentence in speculates:
        present.setdefault(sentence, set()).add(_ATTRIBUTED_SPECULATION if sentence in sourced else _CONJECTURE)
    rows = []
    groups: dict[str, int] = {}
    for index, segment in enumerate(segments):
        shares = present.get(index)
        if shares:
            vector = [0.0] * len(FEATURES)
            for position in shares:
                vector[position] = 1.0
            values = tuple(vector)
        else:
            values = _NO_SHARES
        # Lower-casing changes no white space, so these are the sentence's words, case-folded.
        words = text[segment[0] : segment[1]].lower().split()
        key = " ".join(words)
        group = groups.get(key)
        if group is None:
            group = groups[key] = len(groups)
            rows.append(_new_row(SentenceFeatures, (values, new_sources[index], details[index], len(words), False, group)))
        else:
            rows.append(_new_row(SentenceFeatures, (values, new_sources[index], 0, len(words), True, group)))
    return rows


def group_values(rows: list[SentenceFeatures]) -> list[list[float]]:
    """For each distinct sentence, its share values over all its copies (a cue on any copy counts)."""
    distinct: list[list[float]] = []
    for row in rows:
        if row.group == len(distinct):
            distinct.append(list(row.values))
        elif row.values is not _NO_SHARES:  # a copy with no share adds nothing to its group
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


def article_features(rows: list[SentenceFeatures], page_furniture: int = 0) -> list[float]:
    """The article vector: each share, two capped rates and the saturating length (module docstring).

    ``page_furniture`` is the number of blocks of furniture an HTML page held around the article
    (read/html.py): they join the furniture share as lines of their own, as the same lines do in
    plain text, so the share is (furniture sentences + blocks) / (distinct sentences + blocks).
    """
    values = [0.0] * len(FEATURES)
    if not rows:
        return values
    distinct = group_values(rows)
    columns = list(zip(*distinct))  # sum() over a column runs in C, adding in the same order
    for j in SHARES:
        values[j] = sum(columns[j]) / len(distinct)
    if page_furniture:
        furniture = sum(group[FURNITURE_INDEX] for group in distinct)
        values[FURNITURE_INDEX] = (furniture + page_furniture) / (len(distinct) + page_furniture)
    words = distinct_words(rows)
    values[SOURCES_INDEX] = per_hundred_words(distinct_named_sources(rows), words, NAMED_SOURCES_CAP)
    values[DETAILS_INDEX] = per_hundred_words(distinct_details(rows), words, DETAILS_CAP)
    values[LENGTH_INDEX] = saturating(words, LENGTH_SCALE)
    return values


def distinct_named_sources(rows: list[SentenceFeatures]) -> int:
    return sum(map(_NEW_SOURCES, rows))


def distinct_details(rows: list[SentenceFeatures]) -> int:
    return sum(map(_DETAILS, rows))


def distinct_words(rows: list[SentenceFeatures]) -> int:
    return sum(map(_WORDS, filterfalse(_REPEATED, rows)))


_NEW_SOURCES, _DETAILS, _WORDS, _REPEATED = (attrgetter(name) for name in ("new_sources", "details", "words", "repeated"))
