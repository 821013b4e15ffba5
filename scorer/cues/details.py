"""Detail and tone cues: figures and dates a reader could check, and a page raising its voice.

Measured on real corpora, checkable detail (figures, dates, weekdays) goes with careful reporting,
and exclamation marks, questions and words in capitals with the opposite, whatever the outlet.
These are cues like any other, so that the sentences carrying them show it:

- ``specificity.figure``: a number ("48,500", "$3.2bn", "12%", "2019");
- ``specificity.date``: a weekday or a month ("on Tuesday", "since March"), capitalised; the names
  come from ``specificity/time_words.txt`` and are found by the cue matcher's phrase scan, all but
  "May", found here only as a date ("May 5", "in May");
- ``tone.exclamation``: an exclamation mark (a run of them is ``sensational.repeated_exclamation``);
- ``tone.question``: a sentence that ends in a question mark;
- ``tone.shouting``: a word of four or more capital letters that is not an acronym on
  ``tone/acronyms.txt`` ("SHOCKING", not "NATO").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter
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

# A number, perhaps after a currency sign. The pattern opens with a character class, which re scans
# for in C; the rest (a word before it, trailing punctuation, a percent sign) is checked in Python,
# where a look-behind or an optional prefix in the pattern would cost the scan its speed.
_FIGURE = re.compile("[$\u00a3\u20ac\u20b9\u00a5\\d][\\d,.]*")
# Runs of capitals; whole words are checked in Python, as above. Written out rather than as
# "[A-Z]{4,}", which matches the same runs but takes re nearly twice as long to scan for.
_CAPITALS = re.compile(r"[A-Z][A-Z][A-Z][A-Z]+")
_CURRENCY = frozenset("$\u00a3\u20ac\u20b9\u00a5")
_LIST_MARKER = re.compile(r"\d{1,2}[.)] ")
# Words after which "May" is the month ("in May", "since May", "mid-May"); before a day it always is.
_BEFORE_MONTH = ("in ", "of ", "since ", "early ", "late ", "last ", "next ", "mid-")


class Detail(NamedTuple):
    type: str
    rule: str
    start: int
    end: int
    sentence: int


_START = itemgetter(2)  # Detail.start
# Details are made by the thousand: tuple.__new__ skips NamedTuple's Python-level constructor.
_new_detail = tuple.__new__


class DetailFinder:
    """Finds detail and tone cues with one lexicon's lists. Build once; :meth:`find` is pure."""

    def __init__(self, acronyms: frozenset[str]):
        self._acronyms = frozenset(word.upper() for word in acronyms)

    def find(self, text: str, segments: list[Segment], starts: list[int]) -> list[Detail]:
        """Every detail and tone cue in ``text`` but the dates of weekday and month names, which the
        cue matcher's one phrase scan finds (lexicons/specificity/time_words.txt), in document order."""
        found: list[Detail] = []
        for match in _CAPITALS.finditer(text):
            start, end = match.span()
            if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue  # part of a longer word ("McDONALD's")
            if match.group() not in self._acronyms and _ordinary_words_around(text, start, end):
                found.append(_new_detail(Detail, ("tone", "tone.shouting", start, end, _at(starts, start))))
        for match in _FIGURE.finditer(text):
            start, end = match.span()
            token = match.group()
            if token[0] in _CURRENCY and not token[1:2].isdigit():
                continue  # a currency sign alone
            if start and (text[start - 1].isalnum() or text[start - 1] in "_.,"):
                continue  # inside a word or a longer number ("B52", "v2.1")
            while not text[end - 1].isdigit():
                end -= 1  # "in 2011." ends at the year
            if text[end : end + 1] == "%":
                end += 1
            if (start < 4 or "\n" in text[start - 4 : start]) and _LIST_MARKER.match(text, start):
                continue  # "1. Military Strain: ...": a list item's number, not a figure
            found.append(_new_detail(Detail, ("specificity", "specificity.figure", start, end, bisect_right(starts, start) - 1)))
        may = text.find("May")
        while may >= 0:
            if _may_is_a_month(text, may):
                found.append(_new_detail(Detail, ("specificity", "specificity.date", may, may + 3, _at(starts, may))))
            may = text.find("May", may + 3)
        bang = text.find("!")
        while bang >= 0:
            if text[bang + 1 : bang + 2] not in ("!", "?") and (bang == 0 or text[bang - 1] not in "!?"):
                found.append(_new_detail(Detail, ("tone", "tone.exclamation", bang, bang + 1, _at(starts, bang))))
            bang = text.find("!", bang + 1)
        mark = text.find("?")
        while mark >= 0:
            index = _at(starts, mark)
            end = segments[index].end
            # The sentence's last mark, perhaps before closing quotes: "Is it over?" or '"Why?" '.
            if index >= 0 and end - mark <= 4 and not text[mark + 1 : end].strip("\"'\u201d\u2019)") and text[mark - 1 : mark] not in ("!", "?"):
                found.append(_new_detail(Detail, ("tone", "tone.question", mark, mark + 1, index)))
            mark = text.find("?", mark + 1)
        found.sort(key=_START)
        return found


def _may_is_a_month(text: str, at: int) -> bool:
    """Whether "May" at ``at`` is the month: a whole word, before a day or after "in", "since" ..."""
    if (at and text[at - 1].isalnum()) or text[at + 3 : at + 4].isalnum():
        return False
    if text[at + 3 : at + 4] == " " and text[at + 4 : at + 5].isdigit():
        return True
    return text[max(0, at - 6) : at].endswith(_BEFORE_MONTH)


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
