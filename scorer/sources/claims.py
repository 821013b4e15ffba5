"""Claims that rest on no one: sentences that state a specific, checkable fact with no source.

The list a fact-checker checks first. A sentence is flagged when all of these hold:

- it is **specific**: it holds a figure (any digit) or a date word (``specificity/time_words.txt``:
  a weekday, a month, "yesterday"), and it names someone or something (a capitalised word past its
  first, or a figure);
- it **cites no one**: no attribution or anonymous_source cue (continued quotations included), and
  it is not inside a quotation;
- **no source is in reach**: the sentence before it in the same paragraph cites no one either (the
  sentence may carry on that source's account, as training_data/GUIDELINES.md allows);
- it **claims**: not a headline or a line of furniture, not a question, no speculative modal or
  hedge (a forecast is not a fact), and not in the first person ("we found", "I think").

The rules prefer precision to recall: a flag should be worth a fact-checker's look.
"""

from __future__ import annotations

import re

from ..cues.matcher import Cue
from ..read.segment import Segment
from .quotes import QuoteIndex, quoted_spans

SOURCE_TYPES = frozenset({"attribution", "anonymous_source"})
# Cue types that mean a sentence is not stating a plain fact.
_NOT_A_FACT = frozenset({"speculative_modal", "hedge", "boilerplate"})
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
    for index, segment in enumerate(segments):
        flag = False
        if not (sourced[index] or not_fact[index]):
            in_reach = index > 0 and sourced[index - 1] and segments[index - 1].paragraph == segment.paragraph
            if not in_reach:
                sentence = text[segment.start : segment.end]
                if _claims(sentence, time_words):
                    quotes = quotes or QuoteIndex(quoted_spans(text))
                    flag = not quotes.inside(segment.start + 1)
        flags.append(flag)
    return flags


def _claims(sentence: str, time_words: frozenset[str]) -> bool:
    """Whether one sentence, with no source anywhere near, states something specific."""
    if sentence[-1] not in _TERMINAL or sentence.rstrip("\"'\u201d\u2019)").endswith("?"):
        return False  # a headline, a menu line, a question
    words = _WORD.findall(sentence)
    if not words or words[0].lower() in _FIRST_PERSON:
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
