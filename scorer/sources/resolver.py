"""Who a verb of saying or believing cites: the rules of rules.py, composed in one place.

The cue matcher finds a verb ("said", "told", "according to", "suggest"); the resolver looks at the
words before it ("the defence ministry said", "analysts suggest") or, after a quote and for
"according to", the words after it ('..." said Chen', "according to intelligence sources"), and
returns the :class:`~scorer.sources.rules.Source` with the id of the rule that decided. The verb
alone decides nothing: "sources said" is anonymous, "Chen said" is attributed, "the ministry said"
is attributed, "a spokesman said" is not.
"""

from __future__ import annotations

from ..cues.lexicon import Lexicon
from .rules import (
    Clause,
    Source,
    Token,
    after_verb,
    appositive_subject,
    classify,
    name_in_commas,
)
from .tokens import QUOTES, before_parenthesis, previous_token
from .words import SourceWords

# How far before a verb to look for its subject.
LOOK_BEHIND_CHARS = 64


class SourceResolver:
    """Resolves verbs to sources with one lexicon's word lists. Build once; :meth:`resolve` is pure."""

    def __init__(self, words: SourceWords):
        self.words = words

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> "SourceResolver":
        return cls(SourceWords.from_lexicon(lexicon))

    def resolve(
        self,
        text: str,
        folded: str,
        reversed_folded: str,
        sentence: tuple[int, int],
        verb: tuple[int, int],
        belief: bool,
    ) -> Source | None:
        """The source of the verb at ``text[verb[0]:verb[1]]`` in the sentence spanning ``sentence``.

        ``folded`` is the case-folded text (same offsets) and ``reversed_folded`` its reversal, both
        made once per document by the caller. ``belief`` verbs (suggest, believe) only ever mark
        vague believers ("analysts suggest").
        """
        sentence_start, sentence_end = sentence
        verb_start, verb_end = verb
        low = verb_start - LOOK_BEHIND_CHARS
        if low < sentence_start:  # noqa: PLR1730 - max() costs a call, and this runs for every verb
            low = sentence_start
        clause = Clause(text, folded, reversed_folded, sentence_start, sentence_end, verb_start, verb_end, belief, low, self.words)
        if folded.startswith("according to", verb_start):
            return after_verb(clause)
        words = self.words
        head = None
        space = verb_start - 1
        if space > low and folded[space] == " ":
            # The usual case, a plain word right before the verb ("Chen said", "officials said"):
            # read it with two string calls instead of the token pattern, which would read the same.
            word_start = folded.rfind(" ", low, space) + 1 or low  # as max(), without the call
            word = folded[word_start:space]
            if word.isalpha():
                if word not in words.skip_words:
                    return classify(Token(clause, word, word_start, True))
                if word in words.passive_auxiliaries and folded[verb_start:verb_end] in words.recipient_verbs:
                    return None  # "residents were told": they heard it, they did not say it
                head = (word, word_start)  # "Chen also said": the skip loop below starts from here
        if head is None:
            head = previous_token(reversed_folded, low, verb_start)
        while head is not None and head[0] in words.skip_words:
            head = previous_token(reversed_folded, low, head[1])
        if head is not None and head[0] == ")":
            head = before_parenthesis(folded, reversed_folded, low, head)
        if head is None:
            return None
        if head[0] in QUOTES:
            return after_verb(clause)  # '"..." said Chen'
        if head[0] == ",":
            return self._after_comma(Token(clause, ",", head[1]))
        return classify(Token(clause, head[0], head[1], True))

    def _after_comma(self, comma: Token) -> Source | None:
        """The verb follows a comma: '"...," said Chen', "Luciana Prado, said", an appositive, or
        "the ministry, in a rare statement, said"."""
        clause = comma.clause
        before = comma.previous()
        if before is None or before.word in QUOTES:
            return after_verb(clause)  # '"...," said Chen'
        if before.word == ")":  # "Sen. Jack Reed (D-R.I.), said"
            found = before_parenthesis(clause.folded, clause.reversed_folded, clause.low, (before.word, before.start))
            if found is None:
                return None
            before = Token(clause, *found)
        if not clause.belief:
            named = name_in_commas(comma)
            if named is not None:
                return named
        named = appositive_subject(comma)
        if named is not None:
            return named
        # Judge by the words before the comma, but do not read them as a post-modifier ("Keane, who
        # volunteered as a poll watcher for the party in two elections, told": the watcher is not
        # the subject).
        source = classify(before)
        if source is None and clause.folded[clause.verb_start : clause.verb_end] in self.words.inverting_verbs:
            # No subject before the comma: perhaps a named one after the verb, as after a quote ("The
            # internet spread it faster, said Angie Holan, the site's editor"). Only a name: in ",
            # saying they feared" the pronoun is no inverted subject.
            source = after_verb(clause)
            if source is not None and source.rule != "attribution.named_source":
                return None
        return source
