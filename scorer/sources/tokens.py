"""Reading words around a verb: tokens forwards, tokens backwards, quotes and punctuation.

Words are compared case-folded (``folded``: the lower-cased text, same offsets) and capitals are
read in the original text. Reading backwards uses the folded text reversed, made once per document,
so that finding the word before a position costs the length of that word, not of the window before it.
"""

from __future__ import annotations

import re

# A plain apostrophe on its own is a token too: British single quotes ("'We will fight,' said
# Khan") and the doubled apostrophes some corpora use for quotation marks.
TOKEN = re.compile(r"\w+(?:['\u2019.&-]\w+)*|[,;:!?\"'\u201c\u201d\u2018\u2019()\[\]\u2014\u2013]")
# One token read backwards, matched on the reversed text.
_REVERSED_TOKEN = re.compile(
    r"[^\w,;:!?\"'\u201c\u201d\u2018\u2019()\[\]\u2014\u2013]*"
    r"(\w+(?:['\u2019.&-]\w+)*|[,;:!?\"'\u201c\u201d\u2018\u2019()\[\]\u2014\u2013])"
)
QUOTES = frozenset("\"\u201c\u201d\u2018\u2019'")
PUNCTUATION = frozenset(",;:!?()[]\u2014\u2013") | QUOTES


def previous_token(reversed_folded: str, low: int, position: int) -> tuple[str, int] | None:
    """(word, start) of the token ending before ``position`` and starting at or after ``low``.

    ``reversed_folded`` is the case-folded document reversed; the word comes back folded.
    """
    size = len(reversed_folded)
    match = _REVERSED_TOKEN.match(reversed_folded, size - position, size - low)
    if match is None:
        return None
    return match.group(1)[::-1], size - match.end(1)


def is_word(token: str) -> bool:
    """Letters, perhaps with inner hyphens, dots or apostrophes: "Jean-Paul", "Maj.", "O'Neill"."""
    # Most words are letters only, and one isalpha() then settles it without the four copies.
    return token.isalpha() or token.replace("-", "").replace(".", "").replace("'", "").replace("\u2019", "").isalpha()


def before_parenthesis(folded: str, reversed_folded: str, low: int, closing: tuple[str, int]) -> tuple[str, int] | None:
    """The token before the parenthesis that ``closing`` ends: "the Office for the Coordination of
    Humanitarian Affairs (OCHA) said" is judged by "Affairs"."""
    opening = folded.rfind("(", low, closing[1])
    return previous_token(reversed_folded, low, opening) if opening >= 0 else None
