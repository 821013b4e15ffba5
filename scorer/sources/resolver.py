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
    sentence_subject,
)
from .tokens import QUOTES, before_parenthesis, previous_token
from .words import NOT_A_NAME, SourceWords

# A clause and a token are made for nearly every verb: tuple.__new__ skips NamedTuple's Python-level
# constructor (so every field is given).
new_tuple = tuple.__new__
# A verb after these shares the subject of the verb before it ("... and said").
_COORDINATING = frozenset({"and", "but"})
# A participle after these shares the subject of the sentence ("... by saying", "while insisting").
_BEFORE_PARTICIPLE = frozenset({"by", "while", "after", "before", "when", "in", "without", "since"})
# The classifiers for heads no list knows ("the retired neurosurgeon", "Republican senators").
_DESCRIBED = frozenset({"attribution.definite_description", "anonymous_source.unnamed_group"})
# Endings of the past participles of verbs of saying: "reported", "said", "told", "shown", "found".
_PARTICIPLE_ENDINGS = ("ed", "id", "ld", "wn", "nd", "ght")
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
        clause = new_tuple(
            Clause, (text, folded, reversed_folded, sentence_start, sentence_end, verb_start, verb_end, belief, low, self.words)
        )
        if folded.startswith("according to", verb_start):
            return after_verb(clause)
        words = self.words
        if folded[verb_start:verb_end] in words.noun_verbs and not self._subject_before(clause):
            return None  # "his remarks", "in this state", "security fears": a noun, not a verb
        head = None
        space = verb_start - 1
        if space > low and folded[space] == " ":
            # The usual case, a plain word right before the verb ("Chen said", "officials said"):
            # read it with two string calls instead of the token pattern, which would read the same.
            word_start = folded.rfind(" ", low, space) + 1 or low  # as max(), without the call
            word = folded[word_start:space]
            if word.isalpha():
                if word in _COORDINATING or (
                    word in _BEFORE_PARTICIPLE and folded.endswith("ing", verb_start, verb_end)
                ):
                    return sentence_subject(clause)  # "McConnell ... and said", "... by saying"
                if word not in words.skip_words:
                    return classify(new_tuple(Token, (clause, word, word_start, True, 0)))
                if word in words.passive_auxiliaries and folded.endswith(_PARTICIPLE_ENDINGS, verb_start, verb_end):
                    # A passive: "residents were told" (they heard it, they did not say it), "the minister
                    # was reported to have resigned" (he is what was reported, not who reported it).
                    return None
                head = (word, word_start)  # "Chen also said": the skip loop below starts from here
        if head is None:
            head = previous_token(reversed_folded, low, verb_start)
        while head is not None and head[0] in words.skip_words:
            head = previous_token(reversed_folded, low, head[1])
        phrase_end = 0
        if head is not None and head[0] == ")":
            phrase_end = head[1] + 1  # "the Office ... Affairs (OCHA) said": the parenthesis is part of the name
            head = before_parenthesis(folded, reversed_folded, low, head)
        if head is None:
            return None
        if head[0] in QUOTES:
            return after_verb(clause)  # '"..." said Chen'
        if head[0] == ",":
            return self._after_comma(Token(clause, ",", head[1]))
        return classify(new_tuple(Token, (clause, head[0], head[1], True, phrase_end)))

    def _subject_before(self, clause: Clause) -> bool:
        """Whether the word before the verb can end its subject: a name, a pronoun or a listed head,
        perhaps with skip words between ("officials also say")."""
        words = self.words
        found = previous_token(clause.reversed_folded, clause.low, clause.verb_start)
        while found is not None and found[0] in words.skip_words and found[0] not in words.prepositions:
            found = previous_token(clause.reversed_folded, clause.low, found[1])
        if found is None:
            return False
        word, start = found
        if word in words.determiners or word in words.indefinite or word in words.prepositions or word.endswith(("'s", "\u2019s")):
            return False
        return words.kinds.get(word, -1) not in (-1, NOT_A_NAME) or words.is_name(clause.text, word, start) or word in QUOTES or word == ","

    def _after_comma(self, comma: Token) -> Source | None:
        """The verb follows a comma: '"...," said Chen', "Luciana Prado, said", an appositive, or
        "the ministry, in a rare statement, said"."""
        clause = comma.clause
        before = comma.previous()
        if before is None or before.word in QUOTES:
            return after_verb(clause)  # '"...," said Chen'
        if clause.folded.endswith("ing", clause.verb_start, clause.verb_end):
            return sentence_subject(clause)  # "The workers refused the offer, saying ..."
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
        if source is not None and source.rule in _DESCRIBED:
            source = None  # a word before a comma that no list knows is no subject ("... by 5-to-4 votes, said")
        if source is None and clause.folded[clause.verb_start : clause.verb_end] in self.words.inverting_verbs:
            # No subject before the comma: perhaps a named one after the verb, as after a quote ("The
            # internet spread it faster, said Angie Holan, the site's editor"). Only a name: in ",
            # saying they feared" the pronoun is no inverted subject.
            source = after_verb(clause)
            if source is not None and source.rule != "attribution.named_source":
                return None
        return source
