"""Who a lexicon phrase cites: the source of "reports have emerged", "people familiar with the
matter", "according to local media", "figures published by the UN".

Phrase cues come from the lexicon's lists (``phrases/attribution.txt``, ``anonymous_source.txt``),
not from a verb, so their source is read from the phrase itself: the words before its verb
("reports" in "reports have emerged"), with the object of a final preposition ("people familiar
with | the matter"), or the phrase after "according to". A phrase with no noun before its verb ("it
is believed", "is widely considered") is its own source, and vague.
"""

from __future__ import annotations

from .spans import GROUP, NAMED, PHRASE_CHARS, VAGUE, Who, describe, phrase_end, phrase_start
from .tokens import TOKEN
from .words import SourceWords

# The lexicon rules that give a reason for anonymity rather than name a source ("on condition of
# anonymity"): their cue takes the source of the sentence it stands in (entities.py).
ANONYMITY_REASONS = frozenset(
    {
        "anonymous_source.condition_of_anonymity",
        "anonymous_source.not_authorised_to_speak",
        "anonymous_source.asked_not_to_be_named",
    }
)


def phrase_who(
    text: str, folded: str, reversed_folded: str, words: SourceWords, span: tuple[int, int], sentence_end: int, named: bool
) -> Who:
    """The source of the phrase cue at ``text[span[0]:span[1]]`` (see the module docstring)."""
    start, end = span
    if folded.startswith("according to", start):
        first = start + len("according to ")
        return _who(text, folded, words, first, phrase_end(text, folded, words, first, sentence_end), named)
    tokens = list(TOKEN.finditer(folded, start, end))
    if tokens and tokens[0].group() in words.prepositions | {"on", "to"}:
        tokens = tokens[1:]  # "in a statement", "on condition of anonymity"
    source_end = -1
    for index, token in enumerate(tokens):
        word = token.group()
        if index and word in words.phrase_stops:
            break  # a verb, but not the first word: "reports have emerged", "studies show"
        if not index and word in words.np_boundaries and word not in words.vague_heads:
            break  # "it is believed"; but "reports have emerged" starts with its source
        source_end = token.end()
    if source_end < 0 or not tokens:
        # "it is believed": the phrase is its own source, without a closing "that".
        trimmed = end - len(" that") if folded.endswith(" that", start, end) else end
        return Who(start, trimmed, NAMED if named else VAGUE, None, folded[start:trimmed], GROUP)
    source_start = tokens[0].start()
    if source_start == start and tokens[0].group() not in words.indefinite and tokens[0].group() not in words.determiners:
        # "campaign source", "intelligence sources": the phrase may start inside its source's
        # name ("A Trump campaign source").
        source_start = phrase_start(text, folded, reversed_folded, words, start, max(0, start - PHRASE_CHARS))
    if source_end == end and tokens[-1].group() in words.prepositions | {"to", "with", "on", "by"}:
        source_end = max(source_end, phrase_end(text, folded, words, end, sentence_end))  # "close to | the couple"
    return _who(text, folded, words, source_start, source_end, named)


def _who(text: str, folded: str, words: SourceWords, start: int, end: int, named: bool) -> Who:
    """The phrase ``start:end`` described, with its head taken as the last source word in it (or its
    first word: "sources cited by regional media" is headed by "sources")."""
    tokens = [(match.group(), match.start()) for match in TOKEN.finditer(folded, start, end)]
    if not tokens:
        return Who(start, end, NAMED if named else VAGUE, None, folded[start:end], GROUP)
    head, head_start = tokens[0]
    for word, at in tokens:
        if word in words.prepositions or word in words.np_boundaries:
            break
        if word in words.source_heads or word in words.role_words or word in words.named_roles or word in words.vague_heads:
            head, head_start = word, at  # "people familiar with": the head is "people", not "familiar"
    return describe(text, folded, words, (start, end), (head_start, head_start + len(head)), head, named)
