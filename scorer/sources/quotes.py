"""Where a document quotes someone: the spans inside quotation marks.

Typographic quotes pair by direction (“ opens, ” closes); straight double quotes (and doubled
apostrophes, which some corpora use) toggle within a paragraph. A paragraph that ends inside a quote
closes it, as a quote that runs on into the next paragraph reopens there with a quotation mark of its
own, by newspaper convention.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_MARKS = re.compile("[\u201c\u201d\"]|''")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted stretch, marks included, in document order."""
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
