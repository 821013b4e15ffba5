"""The source rules: small named functions, each with a declared id, that decide who a verb cites.

Every rule takes one context object, a :class:`Token` of the clause around the verb (which carries
the :class:`Clause`: the verb, its sentence and the document's texts). Two kinds of rule:

- **classifiers** look at the word that heads the source and, if it is theirs, return the
  :class:`Source` with their id; :data:`CLASSIFIERS` lists them in the order they are asked. Their
  ids are the ``rule`` of every ``attribution`` and ``anonymous_source`` cue the resolver makes.
- **locators** find that word when it is not simply the one before the verb: after a quote or
  "according to", behind an appositive or a name set off by commas, before a parenthesis, at the
  head of a vague source's post-modifier. They hand the word to the classifiers.

resolver.py composes them. Word lists come from ``lexicons/sources/`` (words.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .tokens import PUNCTUATION, QUOTES, TOKEN, is_word, previous_token
from .words import ANONYMOUS_HEAD, NAMED_ROLE, NOT_A_NAME, PRONOUN, UNNAMED_PERSON, SourceWords

ATTRIBUTION = "attribution"
ANONYMOUS = "anonymous_source"

# How many words after a verb may hold an inverted subject: subjects of reporting verbs sit within
# a few words of them in news prose.
LOOK_AHEAD_TOKENS = 12
# How many words a vague source's post-modifier may run to before the verb: "people who have
# visited the region say".
POST_MODIFIER_TOKENS = 10
# The most words a name set off by commas may have: "Dr Ilze Bērziņa", "Maria de la Cruz".
MAX_NAME_WORDS = 4
# How far back an appositive's opening comma may be: "Dina Esfandiary, a Middle East analyst at the
# International Crisis Group, said".
APPOSITIVE_CHARS = 200


class Source(NamedTuple):
    type: str  # ATTRIBUTION or ANONYMOUS
    rule: str  # the classifier's id
    start: int  # where the cue starts: the source's first word, or the verb when the source follows it
    end: int
    name: str = ""  # who, for named sources: the folded last word of the name ("khan", "defence ministry")


# The resolver returns a source for most verbs, on the hot path: tuple.__new__ skips NamedTuple's
# Python-level constructor (so every field, the default name too, is given).
new_source = tuple.__new__


class Clause(NamedTuple):
    """The verb being resolved and what the rules may read around it (one per verb)."""

    text: str
    folded: str  # text lower-cased, same offsets
    reversed_folded: str  # folded reversed, for reading backwards (tokens.previous_token)
    sentence_start: int
    sentence_end: int
    verb_start: int
    verb_end: int
    belief: bool  # a verb of believing ("suggest", "believe"): only vague believers make a cue
    low: int  # the earliest offset a subject before the verb may start at
    words: SourceWords


class Token(NamedTuple):
    """One word (folded) or mark of a clause, at ``start``: what every rule is given."""

    clause: Clause
    word: str
    start: int
    # Whether a head no list knows may end a vague source's post-modifier ("researchers who track
    # foreign fighters say"): not for the word before a comma or inside an appositive.
    may_end_post_modifier: bool = False

    def previous(self) -> "Token | None":
        clause = self.clause
        found = previous_token(clause.reversed_folded, clause.low, self.start)
        return None if found is None else Token(clause, found[0], found[1])


class SourceRule(NamedTuple):
    id: str
    type: str
    description: str
    example: str  # a sentence in which the rule fires
    classify: Callable[[Token], Source | None]
    heads: tuple  # the kinds of head word (words.py) it can claim; None for a word on no list


CLASSIFIERS: list[SourceRule] = []
# For each kind of head word, the classifiers that can claim it, in order: a head is offered only to
# those, which keeps the registry's order at the cost of one dict lookup a verb.
_BY_HEAD: dict[int | None, list[Callable[[Token], Source | None]]] = {}


def classifier(rule_id: str, description: str, example: str, heads: tuple):
    """Register a classifier under ``rule_id`` ("<cue type>.<name>"), in the order of definition."""

    def register(function: Callable[[Token], Source | None]) -> Callable[[Token], Source | None]:
        CLASSIFIERS.append(SourceRule(rule_id, rule_id.split(".", 1)[0], description, example, function, heads))
        for head in heads:
            _BY_HEAD.setdefault(head, []).append(function)
        return function

    return register


def classify(head: Token) -> Source | None:
    """The source ``head`` names, from the first classifier that claims it, or None."""
    for function in _BY_HEAD.get(head.clause.words.kinds.get(head.word), ()):
        source = function(head)
        if source is not None:
            return source
    return None


@classifier(
    "anonymous_source.unnamed_source",
    "a source nobody can identify: sources, officials, analysts, experts, insiders, critics, reports",
    "Sources said the talks had collapsed.",
    (ANONYMOUS_HEAD,),
)
def unnamed_source(head: Token) -> Source | None:
    return new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_source", head.start, head.clause.verb_end, ""))


@classifier(
    "anonymous_source.unnamed_person",
    "an unnamed individual or group whose account cannot be checked: a witness, residents, a friend",
    "A witness said the convoy left at dawn.",
    (UNNAMED_PERSON,),
)
def unnamed_person(head: Token) -> Source | None:
    return new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_person", head.start, head.clause.verb_end, ""))


def post_modified_source(head: Token) -> Source | None:
    """Locator: a vague source further back whose post-modifier runs up to the verb: "officials in
    the host country insist", "banking experts who have studied the lender's books say".

    The words before the head come from one split, not the token pattern: this runs for many verbs,
    and few of them have such a source.
    """
    clause = head.clause
    words_list, folded, low = clause.words, clause.folded, clause.low
    following, position = head.word, head.start
    if position - 1 <= low or folded[position - 1] != " ":
        return None
    words = folded[low : position - 1].split(" ")
    if low and folded[low - 1].isalnum():
        words = words[1:]  # the window cut a word in two
    words = words[-POST_MODIFIER_TOKENS:]
    if words_list.vague_heads.isdisjoint(words):
        return None  # most walks: no vague head anywhere in reach
    end = position - 1  # where the word being read ends
    for word in reversed(words):
        if not word or word[-1] in PUNCTUATION or word[0] in PUNCTUATION:
            return None  # a clause boundary: "..., who volunteered as a poll watcher for the party, told"
        if following in words_list.post_modifiers and word in words_list.vague_heads:
            return classify(Token(clause, word, end - len(word)))
        following = word
        end -= len(word) + 1
    return None


@classifier(
    "anonymous_source.unnamed_source",
    "(the same ids, reached through a post-modifier: 'officials in the host country insist')",
    "Experts who inspected the bridge say the cracks are recent.",
    (None, NOT_A_NAME),
)
def vague_head_further_back(head: Token) -> Source | None:
    clause = head.clause
    if not head.may_end_post_modifier or clause.text[head.start].isupper():
        return None
    return post_modified_source(head)


@classifier(
    "attribution.pronoun",
    "a pronoun that refers back to a source named earlier",
    '"We will not retreat," she said.',
    (PRONOUN,),
)
def pronoun(head: Token) -> Source | None:
    clause = head.clause
    if clause.belief:
        return None
    return new_source(Source, (ATTRIBUTION, "attribution.pronoun", head.start, clause.verb_end, ""))


@classifier(
    "anonymous_source.unnamed_role",
    "a titled role with an indefinite article and nothing named: a spokesman, an official",
    "A spokesman said the company was reviewing the matter.",
    (NAMED_ROLE,),
)
def unnamed_role(head: Token) -> Source | None:
    clause = head.clause
    if clause.belief:
        return None
    previous = head.previous()
    if previous is None or previous.word not in clause.words.indefinite:
        return None
    return new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_role", previous.start, clause.verb_end, ""))


@classifier(
    "attribution.named_role",
    "a titled office, an institution or a named document: the ministry, the defence minister, the filing",
    "The Syrian defence ministry said in a statement that forces had withdrawn.",
    (NAMED_ROLE,),
)
def named_role(head: Token) -> Source | None:
    clause = head.clause
    words = clause.words
    if clause.belief:
        return None
    previous = head.previous()
    qualifier = previous.word if previous is not None and previous.word.isalpha() and previous.word not in words.determiners else ""
    name = f"{qualifier} {head.word}".strip()
    return new_source(Source, (ATTRIBUTION, "attribution.named_role", head.start, clause.verb_end, name))


@classifier(
    "attribution.named_source",
    "a capitalised name, the whole of it: Chen, Esmaeil Baghaei, Reuters, the UN",
    "Chen told reporters the plant would close.",
    (None,),
)
def named_source(head: Token) -> Source | None:
    clause = head.clause
    text, low, words = clause.text, clause.low, clause.words
    if clause.belief or not text[head.start].isupper():
        return None
    name_start = head.start
    while name_start - 1 > low and text[name_start - 1] == " ":  # "Esmaeil Baghaei said"
        previous_start = text.rfind(" ", low, name_start - 1) + 1 or low
        previous = text[previous_start : name_start - 1]
        if not (is_word(previous) and words.is_name(text, previous.lower(), previous_start)):
            break
        name_start = previous_start
    return new_source(Source, (ATTRIBUTION, "attribution.named_source", name_start, clause.verb_end, head.word))


def name_in_commas(comma: Token) -> Source | None:
    """Locator: 'A spokeswoman for the club, Luciana Prado, said': a name set off by commas just
    before the verb is the source, whatever the role before it. ``comma`` is the second comma."""
    clause = comma.clause
    text, words = clause.text, clause.words
    opening = clause.folded.rfind(",", clause.low, comma.start)
    if opening < 0:
        return None
    names = text[opening + 1 : comma.start].split()
    if not 1 <= len(names) <= MAX_NAME_WORDS:
        return None
    name_start = position = text.find(names[0], opening + 1)
    for name in names:
        position = text.find(name, position)
        if not (is_word(name) and words.is_name(text, name.lower(), position)):
            return None
        position += len(name)
    return new_source(Source, (ATTRIBUTION, "attribution.named_source", name_start, clause.verb_end, names[-1].lower()))


def appositive_subject(comma: Token) -> Source | None:
    """Locator: 'Tom Elliston, a lawyer who has advised several local authorities, said': the subject
    is the name before the appositive's opening comma, not the last word inside it."""
    clause = comma.clause
    words = clause.words
    low = max(clause.sentence_start, comma.start - APPOSITIVE_CHARS)
    opening = clause.folded.rfind(",", low, comma.start)
    if opening < 0:
        return None
    wide = clause._replace(low=low)
    subject = Token(wide, ",", opening).previous()
    if subject is None or subject.word in QUOTES:
        return None
    text = clause.text
    if words.is_name(text, subject.word, subject.start):
        # "A senior Western diplomat in Beirut, who ..., said": a place after a preposition is
        # not the subject; the noun before the preposition is.
        before = subject.previous()
        while before is not None and words.is_name(text, before.word, before.start):
            before = before.previous()
        if before is not None and before.word in words.prepositions:
            noun = before.previous()
            if noun is not None and not words.is_name(text, noun.word, noun.start):
                subject = noun
    if not (
        words.is_name(text, subject.word, subject.start)
        or subject.word in words.named_roles
        or subject.word in words.anonymous_heads
    ):
        return None  # "... inside Syria, which ..., said": no subject before the comma
    return classify(subject)


def after_verb(clause: Clause) -> Source | None:
    """Locator: the source after the verb: '"..." said Chen', "according to intelligence sources",
    "a statement from the ministry"."""
    words, text, verb_start = clause.words, clause.text, clause.verb_start
    role_end, role = -1, ""
    indefinite = after_preposition = False
    tokens = TOKEN.finditer(clause.folded, clause.verb_end, clause.sentence_end)
    for count, token in enumerate(tokens):
        word = token.group()
        if count >= LOOK_AHEAD_TOKENS or word in PUNCTUATION or word in words.clause_words:
            break
        if word in words.anonymous_heads and not after_preposition:
            end = token.end()
            for following in tokens:  # "intelligence sources", "some officials"
                if following.group() not in words.anonymous_heads:
                    break
                end = following.end()
            return Source(ANONYMOUS, "anonymous_source.unnamed_source", verb_start, end)
        if word in words.unnamed_people and not after_preposition:
            return Source(ANONYMOUS, "anonymous_source.unnamed_person", verb_start, token.end())
        if (word in words.pronouns or word in words.object_pronouns) and count == 0:
            return Source(ATTRIBUTION, "attribution.pronoun", verb_start, token.end())
        if words.is_name(text, word, token.start()):
            end, name = token.end(), word
            for following in tokens:  # the whole name: "said Ahmed Khan" names "khan"
                if not words.is_name(text, following.group(), following.start()):
                    break
                end, name = following.end(), following.group()
            return Source(ATTRIBUTION, "attribution.named_source", verb_start, end, name)
        if word in words.named_roles:
            if after_preposition:  # "a statement from the ministry"
                return Source(ATTRIBUTION, "attribution.named_role", verb_start, token.end(), word)
            role_end, role = token.end(), word
        elif word in words.indefinite and count == 0:
            indefinite = True
        elif word in words.prepositions and role_end >= 0:
            after_preposition = True
    if role_end < 0:
        return None
    if indefinite:
        return Source(ANONYMOUS, "anonymous_source.unnamed_role", verb_start, role_end)
    return Source(ATTRIBUTION, "attribution.named_role", verb_start, role_end, role)


def record_rule_ids() -> list[tuple[str, str, str, str]]:
    """(id, type, description, example) of every id a source cue can carry, once each."""
    seen: dict[str, SourceRule] = {}
    for rule in CLASSIFIERS:
        seen.setdefault(rule.id, rule)
    return [(rule.id, rule.type, rule.description, rule.example) for rule in seen.values()]
