"""Decide who a claim is attributed to: a named, checkable source, or a vague one.

The cue matcher finds a verb of saying or believing ("said", "told", "according to", "suggest");
these functions look at the words before it ("the defence ministry said", "analysts suggest") or,
after a quote and for "according to", the words after it ('..." said Chen', "according to
intelligence sources") and classify the source. The verb alone decides nothing: "sources said" is
anonymous, "Chen said" is attributed, "the ministry said" is attributed, "a spokesman said" is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import NamedTuple

from ..cues.lexicon import Lexicon

# How far before a verb to look for its subject, and how many words after it for an inverted
# subject. Subjects of reporting verbs sit within a few words of them in news prose.
_LOOK_BEHIND_CHARS = 64
_LOOK_AHEAD_TOKENS = 12
# How many words a vague source's post-modifier may run to before the verb: "people who have
# visited the region say".
_POST_MODIFIER_TOKENS = 10
# The most words a name set off by commas may have: "Dr Ilze Bērziņa", "Maria de la Cruz".
_MAX_NAME_WORDS = 4
# How far back an appositive's opening comma may be: "Dina Esfandiary, a Middle East analyst at the
# International Crisis Group, said".
_APPOSITIVE_CHARS = 200

# A plain apostrophe on its own is a token too: British single quotes ("'We will fight,' said
# Khan") and the doubled apostrophes some corpora use for quotation marks.
_TOKEN = re.compile(r"\w+(?:['\u2019.&-]\w+)*|[,;:!?\"'\u201c\u201d\u2018\u2019()\[\]\u2014\u2013]")
# One token read backwards: matched on the reversed text, so finding the word before a position
# costs the length of that word, not of the window before it.
_REVERSED_TOKEN = re.compile(
    r"[^\w,;:!?\"'\u201c\u201d\u2018\u2019()\[\]\u2014\u2013]*"
    r"(\w+(?:['\u2019.&-]\w+)*|[,;:!?\"'\u201c\u201d\u2018\u2019()\[\]\u2014\u2013])"
)
_QUOTES = frozenset("\"\u201c\u201d\u2018\u2019'")
_PUNCTUATION = frozenset(",;:!?()[]\u2014\u2013") | _QUOTES
# What a word right before a verb is to _before, which asks in this order of priority.
_ANONYMOUS_HEAD, _UNNAMED_PERSON, _PRONOUN, _NAMED_ROLE, _NOT_A_NAME = range(5)

ATTRIBUTION = "attribution"
ANONYMOUS = "anonymous_source"


def previous_token(reversed_folded: str, low: int, position: int) -> tuple[str, int] | None:
    """(word, start) of the token ending before ``position`` and starting at or after ``low``.

    ``reversed_folded`` is the case-folded document reversed; the word comes back folded.
    """
    size = len(reversed_folded)
    match = _REVERSED_TOKEN.match(reversed_folded, size - position, size - low)
    if match is None:
        return None
    return match.group(1)[::-1], size - match.end(1)


def _is_word(token: str) -> bool:
    """Letters, perhaps with inner hyphens, dots or apostrophes: "Jean-Paul", "Maj.", "O'Neill"."""
    # Most words are letters only, and one isalpha() then settles it without the four copies.
    return token.isalpha() or token.replace("-", "").replace(".", "").replace("'", "").replace("\u2019", "").isalpha()


def _before_parenthesis(folded: str, reversed_folded: str, low: int, closing: tuple[str, int]) -> tuple[str, int] | None:
    """The token before the parenthesis that ``closing`` ends: "the Office for the Coordination of
    Humanitarian Affairs (OCHA) said" is judged by "Affairs"."""
    opening = folded.rfind("(", low, closing[1])
    return previous_token(reversed_folded, low, opening) if opening >= 0 else None


class Source(NamedTuple):
    type: str
    rule: str
    start: int
    end: int
    name: str = ""  # who, for named sources: the folded last word of the name ("khan", "defence ministry")


# The resolver returns a source for most verbs, on the hot path: tuple.__new__ skips NamedTuple's
# Python-level constructor (so every field, the default name too, is given).
_new_source = tuple.__new__


@dataclass(frozen=True)
class SourceResolver:
    """The word lists the rules need, taken from a :class:`~scorer.lexicon.Lexicon`."""

    anonymous_heads: frozenset[str]
    unnamed_people: frozenset[str]
    named_roles: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    skip_words: frozenset[str]
    indefinite: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    clause_words: frozenset[str]
    post_modifiers: frozenset[str]
    passive_auxiliaries: frozenset[str]
    recipient_verbs: frozenset[str]
    inverting_verbs: frozenset[str]
    openers: frozenset[str]  # capitalised only because they open a sentence ("The", "But")
    # Every listed word with what it is to _before: one dict lookup instead of up to six set
    # lookups, for the words that most often stand before a verb ("the state", "I think").
    word_kinds: dict[str, int] = field(init=False, repr=False, compare=False)
    # Anonymous heads and unnamed people together: one C-level isdisjoint rules out most
    # post-modifier walks before they start (_post_modified_source).
    vague_heads: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kinds: dict[str, int] = {}
        # Lowest priority first, so that a word on two lists ends up with the kind asked about first.
        for kind, words in (
            (_NOT_A_NAME, self.openers | self.skip_words),
            (_NAMED_ROLE, self.named_roles),
            (_PRONOUN, self.pronouns),
            (_UNNAMED_PERSON, self.unnamed_people),
            (_ANONYMOUS_HEAD, self.anonymous_heads),
        ):
            kinds.update(dict.fromkeys(words, kind))
        object.__setattr__(self, "word_kinds", kinds)
        object.__setattr__(self, "vague_heads", self.anonymous_heads | self.unnamed_people)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> "SourceResolver":
        # Every list field has the lexicon's name for it; only the sentence openers live elsewhere.
        lists = {item.name: getattr(lexicon, item.name) for item in fields(cls) if item.init and item.name != "openers"}
        return cls(**lists, openers=lexicon.abbreviations.sentence_openers)

    def resolve(
        self,
        text: str,
        folded: str,
        reversed_folded: str,
        sentence_start: int,
        sentence_end: int,
        verb_start: int,
        verb_end: int,
        belief: bool,
    ) -> Source | None:
        """Classify the source of the verb at ``text[verb_start:verb_end]``, or None if none is found.

        ``folded`` is the case-folded text (same offsets) and ``reversed_folded`` its reversal, both
        made once per document by the caller: words are compared folded, capitals are read in
        ``text``. ``belief`` verbs (suggest, believe) only ever mark vague believers ("analysts suggest").
        """
        if folded.startswith("according to", verb_start):
            return self._after(text, folded, verb_start, verb_end, sentence_end)
        low = verb_start - _LOOK_BEHIND_CHARS
        if low < sentence_start:  # noqa: PLR1730 - max() costs a call, and this runs for every verb
            low = sentence_start
        head = None
        space = verb_start - 1
        if space > low and folded[space] == " ":
            # The usual case, a plain word right before the verb ("Chen said", "officials said"):
            # read it with two string calls instead of the token pattern, which would read the same.
            word_start = folded.rfind(" ", low, space) + 1 or low  # as max(), without the call
            word = folded[word_start:space]
            if word.isalpha():
                if word not in self.skip_words:
                    return self._before(text, reversed_folded, low, (word, word_start), verb_end, belief, folded)
                if word in self.passive_auxiliaries and folded[verb_start:verb_end] in self.recipient_verbs:
                    return None  # "residents were told": they heard it, they did not say it
                head = word, word_start  # "Chen also said": the skip loop below starts from here
        if head is None:
            head = previous_token(reversed_folded, low, verb_start)
        while head is not None and head[0] in self.skip_words:
            head = previous_token(reversed_folded, low, head[1])
        if head is not None and head[0] == ")":
            head = _before_parenthesis(folded, reversed_folded, low, head)
        if head is None:
            return None
        if head[0] in _QUOTES:
            return self._after(text, folded, verb_start, verb_end, sentence_end)  # '"..." said Chen'
        if head[0] == ",":
            before = previous_token(reversed_folded, low, head[1])
            if before is None or before[0] in _QUOTES:
                return self._after(text, folded, verb_start, verb_end, sentence_end)  # '"...," said Chen'
            if before[0] == ")":  # "Sen. Jack Reed (D-R.I.), said"
                before = _before_parenthesis(folded, reversed_folded, low, before)
                if before is None:
                    return None
            if not belief:
                named = self._name_in_commas(text, folded, low, head[1], verb_end)
                if named is not None:
                    return named
            named = self._appositive_subject(text, folded, reversed_folded, sentence_start, head[1], verb_end, belief)
            if named is not None:
                return named
            # "the ministry, in a rare statement, said": judge by the words before the comma, but do
            # not read them as a post-modifier ("Keane, who volunteered as a poll watcher for the
            # party in two elections, told": the watcher is not the subject).
            source = self._before(text, reversed_folded, low, before, verb_end, belief)
            if source is None and folded[verb_start:verb_end] in self.inverting_verbs:
                # No subject before the comma: perhaps a named one after the verb, as after a quote
                # ("The internet spread it faster, said Angie Holan, the site's editor"). Only a
                # name: in "..., saying they feared" the pronoun is no inverted subject.
                source = self._after(text, folded, verb_start, verb_end, sentence_end)
                if source is not None and source.rule != "attribution.named_source":
                    return None
            return source
        return self._before(text, reversed_folded, low, head, verb_end, belief, folded)

    def _name_in_commas(self, text: str, folded: str, low: int, comma: int, verb_end: int) -> Source | None:
        """'A spokeswoman for the club, Luciana Prado, said': a name set off by commas just before
        the verb is the source, whatever the role before it."""
        opening = folded.rfind(",", low, comma)
        if opening < 0:
            return None
        words = text[opening + 1 : comma].split()
        if not 1 <= len(words) <= _MAX_NAME_WORDS:
            return None
        name_start = position = text.find(words[0], opening + 1)
        for word in words:
            position = text.find(word, position)
            if not (_is_word(word) and self._is_name(text, word.lower(), position)):
                return None
            position += len(word)
        return _new_source(Source, (ATTRIBUTION, "attribution.named_source", name_start, verb_end, words[-1].lower()))

    def _appositive_subject(
        self, text: str, folded: str, reversed_folded: str, sentence_start: int, comma: int, verb_end: int, belief: bool
    ) -> Source | None:
        """'Tom Elliston, a lawyer who has advised several local authorities, said': the subject is
        the name before the appositive's opening comma, not the last word inside it."""
        low = max(sentence_start, comma - _APPOSITIVE_CHARS)
        opening = folded.rfind(",", low, comma)
        if opening < 0:
            return None
        subject = previous_token(reversed_folded, low, opening)
        if subject is None or subject[0] in _QUOTES:
            return None
        if self._is_name(text, *subject):
            # "A senior Western diplomat in Beirut, who ..., said": a place after a preposition is
            # not the subject; the noun before the preposition is.
            before = previous_token(reversed_folded, low, subject[1])
            while before is not None and self._is_name(text, *before):
                before = previous_token(reversed_folded, low, before[1])
            if before is not None and before[0] in self.prepositions:
                noun = previous_token(reversed_folded, low, before[1])
                if noun is not None and not self._is_name(text, *noun):
                    subject = noun
        if not (self._is_name(text, *subject) or subject[0] in self.named_roles or subject[0] in self.anonymous_heads):
            return None  # "... inside Syria, which ..., said": no subject before the comma
        return self._before(text, reversed_folded, low, subject, verb_end, belief)

    def _before(
        self,
        text: str,
        reversed_folded: str,
        low: int,
        head: tuple[str, int],
        verb_end: int,
        belief: bool,
        folded: str | None = None,
    ) -> Source | None:
        """Classify the source from ``head``, the word before the verb. Given the folded text, a
        head that is no source may end a vague source's post-modifier (_post_modified_source)."""
        word, start = head
        kind = self.word_kinds.get(word)
        if kind == _ANONYMOUS_HEAD:
            return _new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_source", start, verb_end, ""))
        if kind == _UNNAMED_PERSON:
            return _new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_person", start, verb_end, ""))
        if folded is not None and (kind is None or kind == _NOT_A_NAME) and not text[start].isupper():
            # "fighters" in "researchers who track foreign fighters say": perhaps the end of a
            # vague source's relative clause or prepositional phrase.
            source = self._post_modified_source(folded, low, head, verb_end)
            if source is not None:
                return source
        if belief:
            # A belief held by a named subject is not evidence offered by a source ("Iran's
            # investment in Syria suggests", "I think"): only vague believers make a cue.
            return None
        if kind == _PRONOUN:
            return _new_source(Source, (ATTRIBUTION, "attribution.pronoun", start, verb_end, ""))
        if kind == _NAMED_ROLE:
            previous = previous_token(reversed_folded, low, start)
            if previous is not None and previous[0] in self.indefinite:
                return _new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_role", previous[1], verb_end, ""))
            qualifier = previous[0] if previous is not None and previous[0].isalpha() and previous[0] not in self.determiners else ""
            name = f"{qualifier} {word}".strip()
            return _new_source(Source, (ATTRIBUTION, "attribution.named_role", start, verb_end, name))
        if kind is None and text[start].isupper():  # _is_name, the lists already asked
            name_start = start
            while name_start - 1 > low and text[name_start - 1] == " ":  # "Esmaeil Baghaei said"
                previous_start = text.rfind(" ", low, name_start - 1) + 1 or low
                previous = text[previous_start : name_start - 1]
                if not (_is_word(previous) and self._is_name(text, previous.lower(), previous_start)):
                    break
                name_start = previous_start
            return _new_source(Source, (ATTRIBUTION, "attribution.named_source", name_start, verb_end, word))
        return None

    def _post_modified_source(self, folded: str, low: int, head: tuple[str, int], verb_end: int) -> Source | None:
        """A vague source further back whose post-modifier runs up to the verb: "officials in the
        host country insist", "banking experts who have studied the lender's books say".

        The words before the head come from one split, not the token pattern: this runs for many
        verbs, and few of them have such a source.
        """
        following, position = head
        if position - 1 <= low or folded[position - 1] != " ":
            return None
        words = folded[low : position - 1].split(" ")
        if low and folded[low - 1].isalnum():
            words = words[1:]  # the window cut a word in two
        words = words[-_POST_MODIFIER_TOKENS:]
        if self.vague_heads.isdisjoint(words):
            return None  # most walks: no vague head anywhere in reach
        end = position - 1  # where the word being read ends
        for word in reversed(words):
            if not word or word[-1] in _PUNCTUATION or word[0] in _PUNCTUATION:
                return None  # a clause boundary: "..., who volunteered as a poll watcher for the party, told"
            if following in self.post_modifiers:
                kind = self.word_kinds.get(word)
                if kind == _ANONYMOUS_HEAD:
                    return _new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_source", end - len(word), verb_end, ""))
                if kind == _UNNAMED_PERSON:
                    return _new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_person", end - len(word), verb_end, ""))
            following = word
            end -= len(word) + 1
        return None

    def _after(self, text: str, folded: str, verb_start: int, verb_end: int, sentence_end: int) -> Source | None:
        role_end, role = -1, ""
        indefinite = after_preposition = False
        tokens = _TOKEN.finditer(folded, verb_end, sentence_end)
        for count, token in enumerate(tokens):
            word = lowered = token.group()
            if count >= _LOOK_AHEAD_TOKENS or word in _PUNCTUATION:
                break
            if lowered in self.clause_words:
                break
            if lowered in self.anonymous_heads and not after_preposition:
                end = token.end()
                for following in tokens:  # "intelligence sources", "some officials"
                    if following.group() not in self.anonymous_heads:
                        break
                    end = following.end()
                return Source(ANONYMOUS, "anonymous_source.unnamed_source", verb_start, end)
            if lowered in self.unnamed_people and not after_preposition:
                return Source(ANONYMOUS, "anonymous_source.unnamed_person", verb_start, token.end())
            if (lowered in self.pronouns or lowered in self.object_pronouns) and count == 0:
                return Source(ATTRIBUTION, "attribution.pronoun", verb_start, token.end())
            if self._is_name(text, word, token.start()):
                end, name = token.end(), word
                for following in tokens:  # the whole name: "said Ahmed Khan" names "khan"
                    if not self._is_name(text, following.group(), following.start()):
                        break
                    end, name = following.end(), following.group()
                return Source(ATTRIBUTION, "attribution.named_source", verb_start, end, name)
            if lowered in self.named_roles:
                if after_preposition:  # "a statement from the ministry"
                    return Source(ATTRIBUTION, "attribution.named_role", verb_start, token.end(), lowered)
                role_end, role = token.end(), lowered
            elif lowered in self.indefinite and count == 0:
                indefinite = True
            elif lowered in self.prepositions and role_end >= 0:
                after_preposition = True
        if role_end < 0:
            return None
        if indefinite:
            return Source(ANONYMOUS, "anonymous_source.unnamed_role", verb_start, role_end)
        return Source(ATTRIBUTION, "attribution.named_role", verb_start, role_end, role)

    def _is_name(self, text: str, folded_word: str, start: int) -> bool:
        """A capitalised word that is not a sentence opener: "Chen", "UN", "Reuters", "U.S."."""
        return text[start].isupper() and folded_word not in self.openers and folded_word not in self.skip_words
