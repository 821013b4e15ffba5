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

from .spans import NAMED, Who, describe, phrase_end, phrase_start
from .tokens import PUNCTUATION, QUOTES, TOKEN, is_word, previous_token
from .words import ANONYMOUS_HEAD, NAMED_ROLE, NOT_A_NAME, PRONOUN, RELATIVE, UNNAMED_PERSON, SourceWords

ATTRIBUTION = "attribution"
ANONYMOUS = "anonymous_source"

# How many words after a verb may hold an inverted subject: subjects of reporting verbs sit within
# a few words of them in news prose.
LOOK_AHEAD_TOKENS = 12
# How many words a vague source's post-modifier may run to before the verb: "people who have
# visited the region say".
POST_MODIFIER_TOKENS = 16
POST_MODIFIER_CHARS = 120
# The most words a name set off by commas may have: "Dr Ilze Bērziņa", "Maria de la Cruz".
MAX_NAME_WORDS = 4
# How far back an appositive's opening comma may be: "Dina Esfandiary, a Middle East analyst at the
# International Crisis Group, said".
APPOSITIVE_CHARS = 200


class Source(NamedTuple):
    type: str  # ATTRIBUTION or ANONYMOUS
    rule: str  # the classifier's id
    start: int  # where the cue starts: the source's head word, or the verb when the source follows it
    end: int
    who: Who  # the whole phrase naming the source, its kind, role and key (spans.py)


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
    # Where the source's phrase ends when it runs past the head: "officials in the host country",
    # "Dina Esfandiary, a Middle East analyst at the International Crisis Group" (0: at the head's end).
    phrase_end: int = 0

    def who(self, core_start: int, core_end: int, named: bool, start: int | None = None) -> Who:
        """The source phrase this head (or the name ``core_start:core_end``) heads, described."""
        clause = self.clause
        if start is None:
            start = phrase_start(
                clause.text, clause.folded, clause.reversed_folded, clause.words, core_start, clause.sentence_start
            )
        end = self.phrase_end or core_end
        return describe(clause.text, clause.folded, clause.words, (start, end), (core_start, core_end), self.word, named)

    def previous(self) -> "Token | None":
        clause = self.clause
        found = previous_token(clause.reversed_folded, clause.low, self.start)
        return None if found is None else new_token(Token, (clause, found[0], found[1], False, 0))


# Tokens are read by the ten thousand: the same shortcut (every field given).
new_token = tuple.__new__


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
    who = head.who(head.start, head.start + len(head.word), False)
    return new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_source", head.start, head.clause.verb_end, who))


@classifier(
    "anonymous_source.unnamed_person",
    "an unnamed individual or group whose account cannot be checked: a witness, residents, a friend",
    "A witness said the convoy left at dawn.",
    (UNNAMED_PERSON,),
)
def unnamed_person(head: Token) -> Source | None:
    who = head.who(head.start, head.start + len(head.word), False)
    return new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_person", head.start, head.clause.verb_end, who))


def post_modified_source(head: Token) -> Source | None:
    """Locator: a source further back whose post-modifier runs up to the verb: "officials in the
    host country insist", "banking experts who have studied the lender's books say", "senior
    campaign advisers who have run the numbers said".

    The words before the head come from one split, not the token pattern: this runs for many verbs,
    and few of them have such a source.
    """
    clause = head.clause
    words_list, folded = clause.words, clause.folded
    following, position = head.word, head.start
    low = max(clause.sentence_start, position - POST_MODIFIER_CHARS)
    if position - 1 <= low or folded[position - 1] != " ":
        return None
    words = folded[low : position - 1].split(" ")
    if low and folded[low - 1].isalnum():
        words = words[1:]  # the window cut a word in two
    words = words[-POST_MODIFIER_TOKENS:]
    if words_list.source_heads.isdisjoint(words) and "who" not in words:
        return None  # most walks: no source head or relative clause anywhere in reach
    end = position - 1  # where the word being read ends
    phrase_end = head.phrase_end or head.start + len(head.word)
    for word in reversed(words):
        if not word or word[-1] in PUNCTUATION or word[0] in PUNCTUATION:
            return None  # a clause boundary: "..., who volunteered as a poll watcher for the party, told"
        if following in words_list.post_modifiers and word in words_list.source_heads:
            return classify(Token(clause, word, end - len(word), phrase_end=phrase_end))
        if following == "who" and word.isalpha() and word not in words_list.np_boundaries:
            return classify(Token(clause, word, end - len(word), phrase_end=phrase_end))
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
    if clause.belief and head.word == "it":
        return None  # "it suggests that": the writer's inference, not a source's belief
    # Its kind and key are its referent's, settled once the whole document is read (entities.py).
    who = Who(head.start, head.start + len(head.word), NAMED, None, "")
    return new_source(Source, (ATTRIBUTION, "attribution.pronoun", head.start, clause.verb_end, who))


@classifier(
    "anonymous_source.unnamed_role",
    "a titled role with an indefinite article and nothing named: a spokesman, an official",
    "A spokesman said the company was reviewing the matter.",
    (NAMED_ROLE,),
)
def unnamed_role(head: Token) -> Source | None:
    clause = head.clause
    previous = head.previous()
    if previous is None or previous.word not in clause.words.indefinite:
        return None
    who = head.who(head.start, head.start + len(head.word), False, previous.start)
    return new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_role", previous.start, clause.verb_end, who))


@classifier(
    "attribution.named_role",
    "a titled office, an institution or a named document: the ministry, the defence minister, the filing",
    "The Syrian defence ministry said in a statement that forces had withdrawn.",
    (NAMED_ROLE,),
)
def named_role(head: Token) -> Source | None:
    governing = _governing_noun(head)
    if governing is not None and governing.word in head.clause.words.source_heads:
        # "analysts at the central bank expect": the analysts are the source, the bank their affiliation.
        return classify(governing._replace(phrase_end=head.start + len(head.word)))
    who = head.who(head.start, head.start + len(head.word), True)
    return new_source(Source, (ATTRIBUTION, "attribution.named_role", head.start, head.clause.verb_end, who))


def _governing_noun(head: Token) -> Token | None:
    """The noun whose prepositional phrase ``head`` ends, if any: "analysts" for "bank" in "analysts
    at the central bank", "spokesman" for "ministry" in "a spokesman for the ministry"."""
    words = head.clause.words
    token = head.previous()
    for _ in range(MAX_NAME_WORDS):
        if token is None or token.word in PUNCTUATION or token.word in words.np_boundaries:
            return None
        if token.word in words.prepositions:
            noun = token.previous()
            return noun if noun is not None and noun.word not in PUNCTUATION else None
        token = token.previous()
    return None


@classifier(
    "attribution.named_source",
    "a capitalised name, the whole of it: Chen, Esmaeil Baghaei, Reuters, the UN",
    "Chen told reporters the plant would close.",
    (None,),
)
def named_source(head: Token) -> Source | None:
    clause = head.clause
    text, low, words = clause.text, clause.low, clause.words
    if not text[head.start].isupper():
        return None
    name_start = head.start
    while name_start - 1 > low and text[name_start - 1] == " ":  # "Esmaeil Baghaei said"
        previous_start = text.rfind(" ", low, name_start - 1) + 1 or low
        previous = text[previous_start : name_start - 1]
        if not (is_word(previous) and words.is_name(text, previous.lower(), previous_start)):
            break
        name_start = previous_start
    before = Token(clause, "", name_start).previous()
    if before is not None and before.word in words.prepositions:
        # A name after a preposition is the object of a phrase, not its head: "officials in Syria"
        # (the officials are the source), "Iran's investment in Syria suggests" (nobody is); but "a
        # spokesman for Acme" speaks for Acme.
        noun = before.previous()
        if noun is not None and not words.is_name(text, noun.word, noun.start) and noun.word not in words.named_roles:
            if noun.word in words.source_heads:
                return classify(Token(clause, noun.word, noun.start, False, head.start + len(head.word)))
            return None
    who = head.who(name_start, head.start + len(head.word), True)
    return new_source(Source, (ATTRIBUTION, "attribution.named_source", name_start, clause.verb_end, who))


@classifier(
    "attribution.relative_pronoun",
    "'who' or 'which' after a named source: the source is the one named before it",
    "Clinton, who said she would not run, left early.",
    (RELATIVE,),
)
def relative_pronoun(head: Token) -> Source | None:
    """The source of "who said" is what "who" refers to, named just before it ("the Huffington Post,
    which originally said", "Attorney General Loretta E. Lynch, who told Congress"). The phrase is
    "who", the mention at the verb, as for a pronoun; it refers to the antecedent's phrase."""
    antecedent = head.previous()
    if antecedent is not None and antecedent.word == ",":
        antecedent = antecedent.previous()
    if antecedent is None or antecedent.word in PUNCTUATION:
        return None
    clause = head.clause
    found = None
    if not clause.text[antecedent.start].isupper() and antecedent.word not in clause.words.kinds:
        # "two county employees with direct knowledge of the payments, who": the head further back.
        found = post_modified_source(antecedent._replace(may_end_post_modifier=True))
    found = found or classify(Token(clause, antecedent.word, antecedent.start))
    if found is None:
        return None
    rule = "attribution.relative_pronoun" if found.type == ATTRIBUTION else "anonymous_source.relative_pronoun"
    antecedent_who = found.who
    who = antecedent_who._replace(
        start=head.start, end=head.start + len(head.word), refers_start=antecedent_who.start, refers_end=antecedent_who.end
    )
    return new_source(Source, (found.type, rule, head.start, clause.verb_end, who))


@classifier(
    "anonymous_source.relative_pronoun",
    "'who' after an unnamed source: the source is the one described before it",
    "Officials, who asked not to be named, said the plan was dropped.",
    (),
)
def _relative_anonymous(head: Token) -> Source | None:  # registered for its id; relative_pronoun makes it
    return None


@classifier(
    "attribution.according_to",
    "whatever 'according to' names when no list knows its head: exit polls, a fact sheet",
    "Turnout rose, according to exit polls.",
    (),
)
def _according_to(head: Token) -> Source | None:  # registered for its id; after_verb makes it
    return None


@classifier(
    "attribution.definite_description",
    "a person described, not named, with 'the', usually someone named earlier: the retired surgeon",
    "The retired neurosurgeon told a radio station he would run.",
    (None,),
)
def definite_description(head: Token) -> Source | None:
    return _described(head, definite=True)


@classifier(
    "anonymous_source.unnamed_group",
    "people described by what they are, not named: many reporters, Republican senators, both candidates",
    "Republican senators have vowed to block the nominee.",
    (None,),
)
def unnamed_group(head: Token) -> Source | None:
    return _described(head, definite=False)


def _described(head: Token, definite: bool) -> Source | None:
    """A source headed by a word no list knows ("neurosurgeon", "reporters"): one only inside a
    phrase of two words or more, and not for a verb of believing unless it is plural or indefinite
    ("many voters believe")."""
    clause = head.clause
    word, text = head.word, clause.text
    if text[head.start].isupper() or not word.isalpha() or len(word) < 3 or word in clause.words.np_boundaries:
        return None
    start = phrase_start(text, clause.folded, clause.reversed_folded, clause.words, head.start, clause.sentence_start)
    if start == head.start:
        return None  # one bare word: "prices said" is no source
    first = clause.folded[start : head.start].split(None, 1)[0]
    is_definite = first in clause.words.determiners
    if is_definite != definite:
        return None
    if definite:
        who = head.who(head.start, head.start + len(word), True, start)
        return new_source(Source, (ATTRIBUTION, "attribution.definite_description", head.start, clause.verb_end, who))
    who = head.who(head.start, head.start + len(word), False, start)
    return new_source(Source, (ANONYMOUS, "anonymous_source.unnamed_group", head.start, clause.verb_end, who))


def name_in_commas(comma: Token) -> Source | None:
    """Locator: 'A spokeswoman for the club, Luciana Prado, said': a name set off by commas just
    before the verb is the source, whatever the role before it. ``comma`` is the second comma."""
    clause = comma.clause
    text, words = clause.text, clause.words
    opening = clause.folded.rfind(",", clause.low, comma.start)
    if opening < 0:
        return None
    names = text[opening + 1 : comma.start].split()
    if names and names[-1].startswith("(") and names[-1].endswith(")"):
        names = names[:-1]  # "Sen. Tim Kaine (D-Va.)": the party and state tag goes with the name
    if not 1 <= len(names) <= MAX_NAME_WORDS:
        return None
    before = Token(clause, ",", opening).previous()
    if before is not None and words.is_name(text, before.word, before.start):
        return None  # "Kevin McCarthy, R-Calif., revealed": commas around a tag of the name before them
    name_start = position = text.find(names[0], opening + 1)
    for name in names:
        position = text.find(name, position)
        if not (is_word(name) and words.is_name(text, name.lower(), position)):
            return None
        position += len(name)
    # The phrase before the opening comma belongs to the source when it gives a role: "A spokeswoman
    # for the club, Luciana Prado", "Iran's foreign ministry spokesman, Hossein Karimi".
    start = name_start
    role_start = phrase_start(text, clause.folded, clause.reversed_folded, words, opening, clause.sentence_start)
    if not words.role_words.isdisjoint(clause.folded[role_start:opening].split()):
        start = role_start
    head = Token(clause, names[-1].lower(), position - len(names[-1]), phrase_end=_trim(text, comma.start))
    who = head.who(name_start, position, True, start)
    return new_source(Source, (ATTRIBUTION, "attribution.named_source", name_start, clause.verb_end, who))


# Words in an appositive that make it an explanation of anonymity, which is not part of the source's
# name ("two county employees ..., who spoke on condition of anonymity because ..., said").
_ANONYMITY_WORDS = ("anonymity", "anonymously", "not authori", "not permitted", "not allowed", "be named", "be identified")


def appositive_subject(comma: Token) -> Source | None:
    """Locator: 'Tom Elliston, a lawyer who has advised several local authorities, said': the subject
    is the name before the appositive's opening comma, not the last word inside it. The appositives
    belong to the source's phrase when they describe the subject ("Dina Esfandiary, a Middle East
    analyst at the International Crisis Group"; "Stephanie Acs, 27, a Navy veteran"), but not when
    they say when or why ("the ministry, in a rare statement,"; "..., who spoke on condition of
    anonymity,")."""
    clause = comma.clause
    words, text, folded = clause.words, clause.text, clause.folded
    low = max(clause.sentence_start, comma.start - APPOSITIVE_CHARS)
    wide = clause._replace(low=low)
    closing = comma.start  # the comma before the verb
    end = closing  # where the source's phrase ends: after the appositives that describe it
    nearest: Token | None = None  # the nearest subject that is a listed head, if no name comes first
    opening = folded.rfind(",", low, closing)
    while opening >= 0:
        describes = _describes(clause, opening + 1, closing)
        if not describes:
            end = opening
        subject = Token(wide, ",", opening).previous()
        if subject is None or subject.word in QUOTES:
            break
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
        if words.is_name(text, subject.word, subject.start):
            # A name is the subject, even with a listed head nearer the verb: "Ari Fleischer, former
            # White House press secretary to George W. Bush, who attended the event, said".
            return classify(subject._replace(phrase_end=_trim(text, end)))
        if nearest is None and (subject.word in words.named_roles or subject.word in words.anonymous_heads):
            nearest = subject._replace(phrase_end=_trim(text, end))
        elif nearest is None and not subject.word[:1].isdigit():
            # "two county employees with direct knowledge of the payments, who ..., said": perhaps a
            # vague or unnamed head further back, whose post-modifier runs up to the comma.
            head = Token(wide, subject.word, subject.start, True, _trim(text, min(end, opening)))
            found = post_modified_source(head)
            if found is not None or not describes:
                return found
        if not describes:
            break
        # "Rachel Woolard, 20, of Jacksonville, said": the subject may be further back.
        closing = opening
        opening = folded.rfind(",", low, closing)
    return classify(nearest) if nearest is not None else None


def _describes(clause: Clause, start: int, end: int) -> bool:
    """Whether the appositive ``folded[start:end]`` describes the subject before it (a title, a
    name, an age, a relative clause), rather than saying when or why ("in a rare statement", "who
    spoke on condition of anonymity")."""
    appositive = clause.folded[start:end]
    if any(marker in appositive for marker in _ANONYMITY_WORDS):
        return False
    first = appositive.split(None, 1)[0] if appositive.strip() else ""
    if first in _RELATIVES:
        return True
    words = clause.words
    if first in words.prepositions:
        # "of Jacksonville, Fla." (where the subject is from) describes; "in a rare statement" does not.
        following = clause.text[start:end].split(None, 2)[1:2]
        return first in ("of", "from") and bool(following) and following[0][:1].isupper()
    return first not in words.np_boundaries and first not in ("on", "to", "during", "after", "before", "speaking")


_RELATIVES = frozenset({"who", "whose", "which"})


# Words a sentence may open with before its subject: "But McConnell ...", "Still, the ministry ...".
_OPENERS = frozenset({"but", "and", "yet", "so", "still", "meanwhile", "however", "now", "then", "also", "instead"})
# The most words a sentence-initial subject may run to.
MAX_SUBJECT_WORDS = 10


def sentence_subject(clause: Clause) -> Source | None:
    """Locator: the subject of the sentence, for a verb that shares it with an earlier one: "McConnell
    was quick to embrace the mogul and said ...", "The workers refused the offer, saying ...".

    The subject is read from the sentence's start (after an opening conjunction, or an opening
    phrase set off by a comma: "In Texas, half of GOP primary voters said") up to the first word
    that looks like a verb: a verb of saying or believing, an auxiliary, or a lower-case word in -ed.
    """
    words, text, folded = clause.words, clause.text, clause.folded
    start = clause.sentence_start
    tokens = [(m.group(), m.start()) for m in TOKEN.finditer(folded, start, clause.verb_start)]
    index = 0
    while index < len(tokens) and (tokens[index][0] in QUOTES or tokens[index][0] in _OPENERS or tokens[index][0] == ","):
        index += 1
    if index < len(tokens) and (
        tokens[index][0] in words.prepositions
        or tokens[index][0] in words.np_boundaries
        or tokens[index][0] in ("on", "during", "despite", "amid", "having")
        or tokens[index][0].endswith("ing")
    ):
        # An opening phrase before the subject: "In Texas, ...", "After the vote, ...", "Remaining
        # neutral throughout the primary, Warren appeared ...".
        commas = [i for i in range(index, len(tokens)) if tokens[i][0] == ","]
        if not commas:
            return None
        index = commas[0] + 1
    subject: list[tuple[str, int]] = []
    for word, at in tokens[index : index + MAX_SUBJECT_WORDS]:
        if word in PUNCTUATION or word in words.np_boundaries or word in words.speech_verbs or word in words.belief_verbs:
            break
        if subject and not text[at].isupper() and word.endswith("ed") and subject[-1][0] not in words.determiners:
            break
        subject.append((word, at))
    if not subject:
        return None
    word, at = subject[-1]
    if len(subject) == 1 and word in words.pronouns:
        who = Who(at, at + len(word), NAMED, None, "")
        return Source(ATTRIBUTION, "attribution.pronoun", clause.verb_start, clause.verb_end, who)
    found = classify(Token(clause._replace(low=start), word, at, False, at + len(word)))
    if found is None:
        return None
    # The cue marks the verb alone: its source stands at the start of the sentence.
    return found._replace(start=clause.verb_start, end=clause.verb_end)


def _appositive_end(clause: Clause, start: int, end: int) -> int:
    """Where an appositive after an inverted name ends ('said Ahmed Khan, the commander'): at the end
    of the sentence, or before a later comma that opens a clause of its own (", referring to ...",
    ", who on Tuesday endorsed ..."), at most APPOSITIVE_CHARS on."""
    folded, text = clause.folded, clause.text
    limit = min(clause.sentence_end, start + APPOSITIVE_CHARS)
    comma = folded.find(",", start, limit)
    while comma >= 0:
        following = folded[comma + 1 : limit].split(None, 1)[:1]
        word = following[0] if following else ""
        if not word or word in clause.words.np_boundaries or word.endswith("ing") or word in clause.words.prepositions:
            limit = comma
            break
        comma = folded.find(",", comma + 1, limit)
    stop = _trim(text, limit)
    while stop > start and text[stop - 1] in ".!?;:\"'\u201d\u2019)":
        stop = _trim(text, stop - 1)
    return max(end, stop)


def _trim(text: str, end: int) -> int:
    """``end`` moved back over white space, so a phrase never ends in a space."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def after_verb(clause: Clause) -> Source | None:
    """Locator: the source after the verb: '"..." said Chen', "according to intelligence sources",
    "a statement from the ministry"."""
    words, text, folded, verb_start = clause.words, clause.text, clause.folded, clause.verb_start
    role_end, role = -1, ""
    indefinite = after_preposition = False
    first = -1  # where the phrase after the verb starts
    tokens = TOKEN.finditer(folded, clause.verb_end, clause.sentence_end)
    for count, token in enumerate(tokens):
        word = token.group()
        if count >= LOOK_AHEAD_TOKENS or word in PUNCTUATION or word in words.clause_words:
            break
        if first < 0:
            first = token.start()
        if word in words.anonymous_heads and not after_preposition:
            end = token.end()
            for following in tokens:  # "intelligence sources", "some officials"
                if following.group() not in words.anonymous_heads:
                    break
                end = following.end()
            head = Token(clause, word, token.start())
            return Source(ANONYMOUS, "anonymous_source.unnamed_source", verb_start, end, _after_who(head, first, end, False))
        if word in words.unnamed_people and not after_preposition:
            head = Token(clause, word, token.start())
            who = _after_who(head, first, token.end(), False)
            return Source(ANONYMOUS, "anonymous_source.unnamed_person", verb_start, token.end(), who)
        if (word in words.pronouns or word in words.object_pronouns) and count == 0:
            who = Who(token.start(), token.end(), NAMED, None, "")
            return Source(ATTRIBUTION, "attribution.pronoun", verb_start, token.end(), who)
        if words.is_name(text, word, token.start()):
            name_start, end, name = token.start(), token.end(), word
            for following in tokens:  # the whole name: "said Ahmed Khan"
                if not words.is_name(text, following.group(), following.start()):
                    break
                end, name = following.end(), following.group()
            head = Token(clause, name, end - len(name))
            return Source(ATTRIBUTION, "attribution.named_source", verb_start, end, _after_who(head, first, end, True, name_start))
        if word in words.named_roles:
            if after_preposition:  # "a statement from the ministry"
                head = Token(clause, word, token.start())
                return Source(ATTRIBUTION, "attribution.named_role", verb_start, token.end(), _after_who(head, first, token.end(), True))
            role_end, role = token.end(), word
        elif word in words.indefinite and count == 0:
            indefinite = True
        elif word in words.prepositions and role_end >= 0:
            after_preposition = True
    if role_end < 0:
        if first >= 0 and folded.startswith("according to", verb_start):
            # "according to exit polls", "according to a fact sheet lawmakers released": whatever it
            # names is the source, on the record.
            end = phrase_end(text, folded, words, first, clause.sentence_end)
            last = folded[first:end].split()[-1] if end > first else ""
            if last:
                head = Token(clause, last, end - len(last))
                return Source(ATTRIBUTION, "attribution.according_to", verb_start, end, _after_who(head, first, end, True))
        return None
    head = Token(clause, role, role_end - len(role))
    if indefinite:
        return Source(ANONYMOUS, "anonymous_source.unnamed_role", verb_start, role_end, _after_who(head, first, role_end, False))
    return Source(ATTRIBUTION, "attribution.named_role", verb_start, role_end, _after_who(head, first, role_end, True))


def _after_who(head: Token, first: int, end: int, named: bool, core_start: int | None = None) -> Who:
    """The source phrase after a verb: from its first word; after "according to" to the end of the
    clause ("figures compiled by its partners on the ground"); after a name, with the appositive
    that follows it ('said Ahmed Khan, the commander')."""
    clause = head.clause
    folded, text = clause.folded, clause.text
    if folded.startswith("according to", clause.verb_start):
        end = max(end, phrase_end(text, folded, clause.words, first, clause.sentence_end))
    elif end < clause.sentence_end and folded[end : end + 1] == ",":
        following = end + 1
        if _describes(clause, following, min(clause.sentence_end, following + APPOSITIVE_CHARS)):
            end = _appositive_end(clause, following, end)
    core = (core_start if core_start is not None else head.start, head.start + len(head.word))
    return describe(text, folded, clause.words, (first, end), core, head.word, named)


def record_rule_ids() -> list[tuple[str, str, str, str]]:
    """(id, type, description, example) of every id a source cue can carry, once each."""
    seen: dict[str, SourceRule] = {}
    for rule in CLASSIFIERS:
        seen.setdefault(rule.id, rule)
    return [(rule.id, rule.type, rule.description, rule.example) for rule in seen.values()]
