"""Detail and tone cues: figures and dates a reader could check, and a page raising its voice.

Measured on real corpora, checkable detail (figures, dates, weekdays) goes with careful reporting,
and exclamation marks, questions and words in capitals with the opposite, whatever the outlet.
These are cues like any other, so that the sentences carrying them show it:

- ``specificity.figure``: a number ("48,500", "$3.2bn", "12%", "2019");
- ``specificity.date``: a weekday or a month ("on Tuesday", "since March"; "May" only as a date:
  "May 5", "in May");
- ``tone.exclamation``: an exclamation mark (a run of them is ``sensational.repeated_exclamation``);
- ``tone.question``: a sentence that ends in a question mark;
- ``tone.shouting``: a word of four or more capital letters that is not an acronym on
  ``tone/acronyms.txt`` ("SHOCKING", not "NATO").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from ..read.segment import Segment

# (id, description, example) of every rule here, for the rule registry (scorer/rules.py).
DETAIL_RULES = (
    ("specificity.figure", "a number: a count, an amount, a share, a year", "48,500 people had been displaced"),
    ("specificity.date", "a weekday or a month", "on Tuesday"),
    ("tone.exclamation", "an exclamation mark", "This changes everything!"),
    ("tone.question", "a sentence that ends in a question mark", "Is this the end of the road?"),
    ("tone.shouting", "a word of four or more capitals that is not an acronym", "SHOCKING footage"),
)

_FIGURE = re.compile(r"(?<![\w.,])[$\u00a3\u20ac\u20b9\u00a5]?\d(?:[\d,.]*\d)?(?:%|\u00a0?per\u00a0?cent\b|bn\b|m\b)?")
_SHOUTING = re.compile(r"\b[A-Z]{4,}\b")
_LIST_MARKER = re.compile(r"\d{1,2}[.)] ")
# "May" the month: before a day, or after a word that takes a month ("in May", "since May", "mid-May").
_MAY_AS_DATE = re.compile(
    r"\bMay(?= \d)|" + "|".join(f"(?<=\\b{word} )May\\b" for word in ("in", "of", "since", "early", "late", "last", "next"))
    + r"|(?<=mid-)May\b"
)


class Detail(NamedTuple):
    type: str
    rule: str
    start: int
    end: int
    sentence: int


class DetailFinder:
    """Finds detail and tone cues with one lexicon's lists. Build once; :meth:`find` is pure."""

    def __init__(self, time_words: frozenset[str], acronyms: frozenset[str]):
        months_and_days = sorted((word.capitalize() for word in time_words if word != "may"), key=len, reverse=True)
        self._date = re.compile(r"\b(?:" + "|".join(months_and_days) + r")\b")
        self._acronyms = frozenset(word.upper() for word in acronyms)

    def find(self, text: str, segments: list[Segment], starts: list[int]) -> list[Detail]:
        """Every detail and tone cue in ``text``, in document order."""
        found: list[Detail] = []
        for match in _FIGURE.finditer(text):
            if _LIST_MARKER.match(text, match.start()) and text[max(match.start() - 1, 0) : match.start()].strip() == "":
                if text.rfind("\n", 0, match.start()) >= match.start() - 4 or match.start() < 4:
                    continue  # "1. Military Strain: ...": a list item's number, not a figure
            found.append(Detail("specificity", "specificity.figure", match.start(), match.end(), _at(starts, match.start())))
        for pattern in (self._date, _MAY_AS_DATE):
            for match in pattern.finditer(text):
                found.append(Detail("specificity", "specificity.date", match.start(), match.end(), _at(starts, match.start())))
        bang = text.find("!")
        while bang >= 0:
            if text[bang + 1 : bang + 2] not in ("!", "?") and (bang == 0 or text[bang - 1] not in "!?"):
                found.append(Detail("tone", "tone.exclamation", bang, bang + 1, _at(starts, bang)))
            bang = text.find("!", bang + 1)
        for index, segment in enumerate(segments):
            closing = text[segment.start : segment.end].rstrip("\"'\u201d\u2019)")
            if closing.endswith("?") and not closing.endswith(("!?", "?!", "??")):
                at = segment.start + len(closing) - 1
                found.append(Detail("tone", "tone.question", at, at + 1, index))
        for match in _SHOUTING.finditer(text):
            if match.group() not in self._acronyms and _ordinary_words_around(text, match.start(), match.end()):
                found.append(Detail("tone", "tone.shouting", match.start(), match.end(), _at(starts, match.start())))
        found.sort(key=lambda detail: detail.start)
        return found


def _at(starts: list[int], position: int) -> int:
    return bisect_right(starts, position) - 1


def _ordinary_words_around(text: str, start: int, end: int) -> bool:
    """Whether the capitals stand among ordinary words: a whole line in capitals is a heading, and a
    word in capitals that opens a line before a comma or a dash is a dateline ("BEIRUT, Dec 4 -")."""
    line_start = text.rfind("\n", 0, start) + 1
    if start == line_start and text[end : end + 2] in (", ", " -", " \u2014", " \u2013", " ("):
        return False
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return any(character.islower() for character in line)
