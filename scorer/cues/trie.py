"""Compile many literal phrases into one fast regular expression.

Python's ``re`` tries the branches of an alternation one after another at every position, so a
flat ``a|b|c|...`` of a thousand phrases is hundreds of times slower than one pass of ``\\w+``.
Factoring the phrases into a character trie makes each position cost a few branch tests; the first
level lists the commonest first letters of English words first, so that a word start that begins
no phrase is given up after the fewest tests.
"""

from __future__ import annotations

import re

_END = ""
# Letters ordered by how often English words start with them.
_FIRST_LETTER_ORDER = "taosiwcbphfmdrelngyuvjkqxz"


def trie_pattern(phrases: list[str]) -> str:
    """A regex source matching any of ``phrases`` (longest first at each start), no groups."""
    if not phrases:
        raise ValueError("cannot build a pattern from no phrases: it would match nothing")
    root: dict = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    if _END in root:
        raise ValueError("cannot build a pattern that matches the empty string")
    order = {char: rank for rank, char in enumerate(_FIRST_LETTER_ORDER)}
    firsts = sorted(root, key=lambda char: (order.get(char, len(order)), char))
    return "(?:" + "|".join(_escape(char) + _emit(root[char]) for char in firsts) + ")"


def _emit(node: dict) -> str:
    # Most of a trie is chains of single children ("accordin|g to"): those are followed in a loop,
    # which builds the same text as recursing into each, at half the cost of start-up.
    prefix = []
    while len(node) == 1:
        char, child = next(iter(node.items()))
        if char == _END:
            return "".join(prefix)
        prefix.append(_escape(char))
        node = child
    branches = [_escape(char) + _emit(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return "".join(prefix)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        # Greedy optional: the longer phrase is tried first, the shorter is the fallback.
        body = "(?:" + body + ")?"
    return "".join(prefix) + body


_ESCAPED: dict[str, str] = {}


def _escape(char: str) -> str:
    escaped = _ESCAPED.get(char)
    if escaped is None:
        escaped = _ESCAPED[char] = re.escape(char)
    return escaped
