"""Claims that rest on no one: sentences that state a specific, checkable fact with no source.

The list a fact-checker checks first. A sentence is flagged when all of these hold:

- it is **specific**: it holds a figure (any digit) or a date word (``specificity/time_words.txt``:
  a weekday, a month, "yesterday"), and it names someone or something (a capitalised word past its
  first, or a figure);
- it **cites no one**: no attribution or anonymous_source cue (continued quotations included), and
  it is not inside a quotation;
- **no source is in reach**: no sentence before it in the same paragraph cites anyone (the sentence
  may carry on that source's account, as training_data/GUIDELINES.md allows);
- it **claims**: six words or more, not a headline, a time stamp or a line of furniture, not a
  question, no speculative modal or hedge (a forecast is not a fact), no statement of what was
  verified, no sensational or certainty cue (those are flagged as such), and not in the first
  person ("we found", "I think").

The rules prefer precision to recall: a flag should be worth a fact-checker's look.
"""

from __future__ import annotations

import re

from ..cues.matcher import Cue
from ..read.segment import Segment
from .quotes import QuoteIndex, quoted_spans

SOURCE_TYPES = frozenset({"attribution", "anonymous_source"})
# Cue types that mean a sentence is not stating a plain fact: speculation, furniture, a statement
# of what was checked, a sensational or certain pose (flagged as such already).
_NOT_A_FACT = frozenset({"speculative_modal", "hedge", "boilerplate", "verification", "sensational", "certainty"})
# Fewer words than this are a caption, a time stamp or a fragment, not a claim worth a check.
_MIN_WORDS = 6
# A live-blog time stamp opening a line: "10:58 — ...".
_TIME_STAMP = re.compile(r"\d{1,2}[:.]\d{2}\b")
_FIRST_PERSON = frozenset({"i", "we", "our", "us", "my", "me"})
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*|\d")
_TERMINAL = frozenset(".!\"'\u201d\u2019)")


def unsourced_claims(text: str, segments: list[Segment], cues: list[Cue], time_words: frozenset[str]) -> list[bool]:
    """For each segment, whether it is an unsourced claim (see the module docstring)."""
    sourced = [False] * len(segments)
    not_fact = [False] * len(segments)
    for cue in cues:
        if cue.type in SOURCE_TYPES:
            sourced[cue.sentence] = True
        elif cue.type in _NOT_A_FACT:
            not_fact[cue.sentence] = True
    quotes: QuoteIndex | None = None
    flags = []
    paragraph_sourced = False  # whether a sentence earlier in the paragraph cites someone
    for index, segment in enumerate(segments):
        if index and segment.paragraph != segments[index - 1].paragraph:
            paragraph_sourced = False
        flag = False
        if not (sourced[index] or not_fact[index]):
            if not paragraph_sourced:
                sentence = text[segment.start : segment.end]
                if _claims(sentence, time_words):
                    quotes = quotes or QuoteIndex(quoted_spans(text))
                    flag = not quotes.inside(segment.start + 1)
        flags.append(flag)
        paragraph_sourced = paragraph_sourced or sourced[index]
    return flags


def _claims(sentence: str, time_words: frozenset[str]) -> bool:
    """Whether one sentence, with no source anywhere near, states something specific."""
    if sentence[-1] not in _TERMINAL or sentence.rstrip("\"'\u201d\u2019)").endswith("?"):
        return False  # a headline, a menu line, a question
    words = _WORD.findall(sentence)
    if not words or len(sentence.split()) < _MIN_WORDS or words[0].lower() in _FIRST_PERSON or _TIME_STAMP.match(sentence):
        return False
    lowered = [word.lower() for word in words]
    has_figure = any(word.isdigit() for word in words)
    has_date = not time_words.isdisjoint(lowered)
    if not (has_figure or has_date):
        return False
    if not _FIRST_PERSON.isdisjoint(lowered):
        return False
    names_someone = has_figure or any(word[0].isupper() for word in words[1:])
    return names_someone
