"""Where a document quotes someone: the spans inside quotation marks.

Typographic quotes pair by direction (“ opens, ” closes); straight double quotes (and doubled
apostrophes, which some corpora use) toggle within a paragraph. A paragraph that ends inside a quote
closes it, as a quote that runs on into the next paragraph reopens there with a quotation mark of its
own, by newspaper convention.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# A quotation mark, or two apostrophes. Written as one character class (an apostrophe counts only
# when a second follows) rather than as "[...]|''": re scans for a pattern's first character in C only
# when the pattern opens with a class or a literal, not with an alternation.
_MARKS = re.compile("[\u201c\u201d\"'](?:(?<=')'|(?<!'))")
# The last document's spans: the matcher, the sources stage and the unsourced-claims rule each ask
# for the same text's quotes in turn.
_last: tuple[str, list[tuple[int, int]]] = ("", [])


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted stretch, marks included, in document order."""
    global _last
    last_text, last_spans = _last  # read once: another thread may replace it meanwhile
    if text is last_text:
        return list(last_spans)
    spans = _quoted_spans(text)
    _last = (text, spans)
    return list(spans)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    if '"' not in text and "\u201c" not in text and "''" not in text:
        return []
    spans: list[tuple[int, int]] = []
    opened = -1
    for match in _MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if opened >= 0:
            paragraph_end = text.find("\n\n", opened, at)
            if paragraph_end >= 0:  # the quote's paragraph ended before this mark
                spans.append((opened, paragraph_end))
                opened = -1
        if mark == "\u201c":
            if opened < 0:
                opened = at
        elif mark == "\u201d":
            if opened >= 0:
                spans.append((opened, match.end()))
                opened = -1
        elif opened < 0:  # a straight quote or a doubled apostrophe opens ...
            opened = at
        else:  # ... and the next one closes
            spans.append((opened, match.end()))
            opened = -1
    if opened >= 0:
        paragraph_end = text.find("\n\n", opened)
        spans.append((opened, paragraph_end if paragraph_end >= 0 else len(text)))
    return spans


class QuoteIndex:
    """Answers "is this offset inside a quote?" in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self._starts = [start for start, _ in spans]

    def inside(self, position: int) -> bool:
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and self.spans[index][0] < position < self.spans[index][1]
