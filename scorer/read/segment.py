"""Text -> sentences and standalone lines, with character offsets.

Everything here is a pure function of its input and of the abbreviation lists it is given, so the
same text always gives the same segments, and ``text[start:end]`` is a segment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple


class Segment(NamedTuple):
    """One sentence, headline or standalone line: ``text[start:end]`` with its paragraph."""

    start: int
    end: int
    paragraph: int
    whole_line: bool  # the segment is an entire line of the document (headline, furniture, item)


@dataclass(frozen=True)
class Abbreviations:
    """Words that end with a full stop without ending a sentence.

    ``never_final`` (titles, months: "Dr.", "Gen.", "Jan.") never end a sentence; ``maybe_final``
    ("U.S.", "Inc.", "a.m.") end one only when the next word is a usual sentence opener ("The");
    ``before_number`` ("No.", "Fig.") end one unless a number follows.
    """

    never_final: frozenset[str]
    maybe_final: frozenset[str]
    sentence_openers: frozenset[str]
    before_number: frozenset[str] = frozenset()  # "No. 10", "Fig. 3": not final before a number
    longest: int = field(init=False)  # undotted tokens longer than this are never abbreviations
    # What each short or dotted token before a full stop is (see _token_kind), memoised: the same
    # few hundred words ("said", "it", "U.S.") end most sentences.
    token_kinds: dict[str, int] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        lengths = [len(word) for word in self.never_final | self.maybe_final | self.before_number if "." not in word]
        object.__setattr__(self, "longest", max(lengths, default=0))


# A candidate sentence end: terminal punctuation and any closing quotes or brackets (group 1), white
# space, then something that can open a sentence (a capital, a digit, an opening quote or bracket).
# It is matched in a copy of the text in which every terminal mark is a full stop, one for one, so
# that the pattern starts with a literal character: re then jumps from full stop to full stop
# instead of trying the pattern at every position (see docs/BENCHMARKS.md). The pattern is
# the same as "[.!?\u2026]+..." on the original, because nothing else in it matches those marks.
# A match starts only at the first mark of a run ("(?<!\.\.)" right after the literal, which keeps
# the fast literal scan): tried from inside a long run of marks that no space follows, the pattern
# would read the rest of the run again from every mark in it, in quadratic time.
_TERMINAL_MARKS = ("!", "?", "\u2026")
_BOUNDARY = re.compile(r"(\.(?<!\.\.)\.*[\"'\u201d\u2019)\]]*)[ \t]+(?=[\"'\u201c\u2018(\[]{0,2}[A-Z0-9])")
# A line without its surrounding white space (group 1); blank lines never match.
_STRIPPED_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.MULTILINE)
_TERMINAL = frozenset(".!?\u2026\"'\u201d\u2019):;")
_LIST_MARKER = re.compile(r"\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s|\s*[-*\u2022\u25cf\u2013]\s")
_OPENING_PUNCTUATION = "\"'([\u201c\u2018"
_NEXT_WORD = re.compile(r"[\"'(\[\u201c\u2018]*([\w']+)")
# Lines at least this long that stop without punctuation are hard-wrapped prose, not headlines.
_WRAPPED_LINE_CHARS = 60
# A sentence this short that ends in "1." or "b." may be a list item's number (see _ends_sentence).
_LIST_ITEM_CHARS = 4
# Bound on Abbreviations.token_kinds: dotted tokens (web addresses) are not a closed set. Only
# tokens this short are remembered, so the memo holds at most a megabyte or so.
_MAX_TOKEN_KINDS = 20_000
_MAX_REMEMBERED_TOKEN = 24
# How far back from a full stop the word before it is looked for: a longer run without a space is no
# abbreviation, and reading it whole at every candidate would take quadratic time.
_MAX_TOKEN_CHARS = 100
# What a token before a full stop says about the sentence (_token_kind).
_LONG_WORD, _PLAIN_WORD, _NEVER_FINAL, _BEFORE_NUMBER, _FINAL_BEFORE_OPENER = range(5)


def segment(text: str, abbreviations: Abbreviations) -> list[Segment]:
    """Split text into sentences and standalone lines, in document order."""
    segments: list[Segment] = []
    # Candidate boundaries are found by one scan of the whole text and handed out to the blocks in
    # order (a candidate never spans a line break, so each lies inside one block); most blocks hold
    # none and become one segment without any further work.
    boundaries = _candidate_boundaries(text)
    boundary = next(boundaries, None)
    next_stop = boundary.start() if boundary else len(text)  # len(text): no candidate left
    for start, end, paragraph in _blocks(text):
        if next_stop >= end:
            whole_line = text.find("\n", start, end) < 0
            segments.append(_new_segment(Segment, (start, end, paragraph, whole_line)))
            continue
        boundary = _split_block(text, start, end, paragraph, boundary, boundaries, abbreviations, segments)
        next_stop = boundary.start() if boundary else len(text)
    return segments


def _candidate_boundaries(text: str) -> Iterator[re.Match]:
    dotted = text
    for mark in _TERMINAL_MARKS:
        dotted = dotted.replace(mark, ".")
    return _BOUNDARY.finditer(dotted)


def _blocks(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, paragraph) of each block: one line, or hard-wrapped lines of one paragraph."""
    paragraph = -1
    block_start = block_end = previous_end = -1
    for line in _STRIPPED_LINE.finditer(text):
        start, end = line.span(1)
        new_paragraph = previous_end < 0 or text.count("\n", previous_end, start) >= 2
        if not new_paragraph and _continues_block(text, block_start, block_end, start, end):
            block_end = end
        else:
            if block_start >= 0:
                yield block_start, block_end, paragraph
            paragraph += new_paragraph
            block_start = start
            block_end = end
        previous_end = end
    if block_start >= 0:
        yield block_start, block_end, paragraph


def _continues_block(text: str, block_start: int, block_end: int, start: int, end: int) -> bool:
    """Whether a line directly below another continues it (hard-wrapped prose)."""
    if text[block_end - 1] in _TERMINAL:
        return False
    last_line_start = max(text.rfind("\n", block_start, block_end) + 1, block_start)
    return block_end - last_line_start >= _WRAPPED_LINE_CHARS and not _LIST_MARKER.match(text, start, end)


# Segments are made by the ten thousand on the hot path; tuple.__new__ skips NamedTuple's
# Python-level constructor and is several times faster.
_new_segment = tuple.__new__


def _split_block(
    text: str,
    start: int,
    end: int,
    paragraph: int,
    boundary: re.Match,
    boundaries: Iterator[re.Match],
    abbreviations: Abbreviations,
    out: list[Segment],
) -> re.Match | None:
    """Append the sentences of ``text[start:end]``, given its first candidate boundary and the
    iterator of the rest; return the first candidate beyond the block, if any."""
    sentence_start = start
    first = len(out)
    longest = abbreviations.longest
    while boundary is not None:
        stop = boundary.start()
        if stop >= end:
            break
        if text[stop] == ".":
            # Most full stops follow an ordinary word, longer than any abbreviation: decide those
            # here and call _ends_sentence only for short or dotted tokens.
            window = stop - _MAX_TOKEN_CHARS if stop - _MAX_TOKEN_CHARS > sentence_start else sentence_start
            token_start = text.rfind(" ", window, stop) + 1 or window
            if (stop - token_start <= longest or text.find(".", token_start, stop) >= 0) and not _ends_sentence(
                text, sentence_start, token_start, stop, boundary.end(), abbreviations
            ):
                boundary = next(boundaries, None)
                continue
        out.append(_new_segment(Segment, (sentence_start, boundary.end(1), paragraph, False)))
        sentence_start = boundary.end()
        boundary = next(boundaries, None)
    whole_line = len(out) == first and text.find("\n", start, end) < 0
    out.append(_new_segment(Segment, (sentence_start, end, paragraph, whole_line)))
    return boundary


def _ends_sentence(
    text: str, sentence_start: int, token_start: int, stop: int, next_start: int, abbreviations: Abbreviations
) -> bool:
    """Decide whether the full stop at ``stop``, after the token begun at ``token_start``, ends the
    sentence begun at ``sentence_start``."""
    raw = text[token_start:stop]
    kinds = abbreviations.token_kinds
    kind = kinds.get(raw)
    if kind is None:
        kind = _token_kind(raw.lstrip(_OPENING_PUNCTUATION), abbreviations)
        if len(raw) <= _MAX_REMEMBERED_TOKEN and len(kinds) < _MAX_TOKEN_KINDS:
            kinds[raw] = kind
    if kind == _LONG_WORD:
        return True  # longer than any abbreviation
    if kind == _NEVER_FINAL:
        return False
    if kind == _BEFORE_NUMBER:
        return not text[next_start : next_start + 1].isdigit()
    if stop - sentence_start <= _LIST_ITEM_CHARS and _LIST_MARKER.match(text, sentence_start, stop + 2):
        return False  # a numbered list item: "1. Military Strain: ..."
    if kind == _FINAL_BEFORE_OPENER:
        following = _NEXT_WORD.match(text, next_start)
        return bool(following) and following.group(1).lower() in abbreviations.sentence_openers
    return True


def _token_kind(token: str, abbreviations: Abbreviations) -> int:
    """What the word before a full stop says, before its context is looked at (_ends_sentence)."""
    if len(token) > abbreviations.longest and "." not in token:
        return _LONG_WORD
    lowered = token.lower()
    if lowered in abbreviations.never_final:
        return _NEVER_FINAL
    if lowered in abbreviations.before_number:
        return _BEFORE_NUMBER
    if len(token) == 1 and token.isupper():
        return _NEVER_FINAL  # an initial: "J. K. Rowling"
    if lowered in abbreviations.maybe_final or "." in token:
        return _FINAL_BEFORE_OPENER
    return _PLAIN_WORD
