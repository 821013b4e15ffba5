"""The word lists the source rules read, taken from the lexicon (``lexicons/sources/*.txt``)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..cues.lexicon import Lexicon

# What a word right before a verb is, in the order of priority the rules ask in.
ANONYMOUS_HEAD, UNNAMED_PERSON, PRONOUN, NAMED_ROLE, NOT_A_NAME = range(5)


@dataclass(frozen=True)
class SourceWords:
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
    # Every listed word with what it is: one dict lookup instead of up to six set lookups, for the
    # words that most often stand before a verb ("the state", "I think").
    kinds: dict[str, int] = field(init=False, repr=False, compare=False)
    # Anonymous heads and unnamed people together: one C-level isdisjoint rules out most
    # post-modifier walks before they start.
    vague_heads: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kinds: dict[str, int] = {}
        # Lowest priority first, so that a word on two lists ends up with the kind asked about first.
        for kind, words in (
            (NOT_A_NAME, self.openers | self.skip_words),
            (NAMED_ROLE, self.named_roles),
            (PRONOUN, self.pronouns),
            (UNNAMED_PERSON, self.unnamed_people),
            (ANONYMOUS_HEAD, self.anonymous_heads),
        ):
            kinds.update(dict.fromkeys(words, kind))
        object.__setattr__(self, "kinds", kinds)
        object.__setattr__(self, "vague_heads", self.anonymous_heads | self.unnamed_people)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> "SourceWords":
        # Every list field has the lexicon's name for it; only the sentence openers live elsewhere.
        lists = {item.name: getattr(lexicon, item.name) for item in fields(cls) if item.init and item.name != "openers"}
        return cls(**lists, openers=lexicon.abbreviations.sentence_openers)

    def is_name(self, text: str, folded_word: str, start: int) -> bool:
        """A capitalised word that is not a sentence opener: "Chen", "UN", "Reuters", "U.S."."""
        return text[start].isupper() and folded_word not in self.openers and folded_word not in self.skip_words
