"""The word lists the source rules read, taken from the lexicon (``lexicons/sources/*.txt``)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..cues.lexicon import Lexicon

# What a word right before a verb is, in the order of priority the rules ask in.
ANONYMOUS_HEAD, UNNAMED_PERSON, PRONOUN, NAMED_ROLE, NOT_A_NAME, RELATIVE = range(6)
# Relative pronouns that can stand for a source named just before them ("Lynch, who told Congress").
RELATIVE_PRONOUNS = ("who", "which")


@dataclass(frozen=True)
class SourceWords:
    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
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
    np_boundaries: frozenset[str]
    vague_heads: frozenset[str]
    affiliation_words: frozenset[str]
    institution_heads: frozenset[str]
    document_heads: frozenset[str]
    impersonal_heads: frozenset[str]
    phrase_verbs: frozenset[str]
    noun_verbs: frozenset[str]
    research_heads: frozenset[str]
    openers: frozenset[str]  # capitalised only because they open a sentence ("The", "But")
    # Every listed word with what it is: one dict lookup instead of up to six set lookups, for the
    # words that most often stand before a verb ("the state", "I think").
    kinds: dict[str, int] = field(init=False, repr=False, compare=False)
    # Anonymous heads and unnamed people together: one C-level isdisjoint rules out most
    # post-modifier walks before they start.
    source_heads: frozenset[str] = field(init=False, repr=False, compare=False)
    # Words that give a source its role (a person's title or function): "spokesman", "analysts".
    role_words: frozenset[str] = field(init=False, repr=False, compare=False)
    phrase_stops: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kinds: dict[str, int] = {}
        # Lowest priority first, so that a word on two lists ends up with the kind asked about first.
        for kind, words in (
            (NOT_A_NAME, self.openers | self.skip_words),
            (NAMED_ROLE, self.named_roles),
            (PRONOUN, self.pronouns),
            (UNNAMED_PERSON, self.unnamed_people),
            (ANONYMOUS_HEAD, self.anonymous_heads),
            (RELATIVE, RELATIVE_PRONOUNS),
        ):
            kinds.update(dict.fromkeys(words, kind))
        object.__setattr__(self, "kinds", kinds)
        object.__setattr__(self, "source_heads", self.anonymous_heads | self.unnamed_people)
        people = (self.named_roles - self.institution_heads - self.document_heads) | self.source_heads
        object.__setattr__(self, "role_words", people - self.impersonal_heads)
        # Where a phrase naming a source stops when read rightwards: clause words, verbs.
        object.__setattr__(self, "phrase_stops", self.np_boundaries | self.speech_verbs | self.belief_verbs | self.phrase_verbs)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> "SourceWords":
        # Every list field has the lexicon's name for it; only the sentence openers live elsewhere.
        lists = {item.name: getattr(lexicon, item.name) for item in fields(cls) if item.init and item.name != "openers"}
        return cls(**lists, openers=lexicon.abbreviations.sentence_openers)

    def is_name(self, text: str, folded_word: str, start: int) -> bool:
        """A capitalised word that is not a sentence opener: "Chen", "UN", "Reuters", "U.S."."""
        return text[start].isupper() and folded_word not in self.openers and folded_word not in self.skip_words
