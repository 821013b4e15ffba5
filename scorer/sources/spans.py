"""The whole phrase that names a source, and what kind of source it is.

The rules find the word that heads a source ("spokesman", "Baghaei", "officials"); these functions
widen it to the full noun phrase a reader would quote ("Iran's foreign ministry spokesman Esmaeil
Baghaei", "two county employees with direct knowledge of the payments", "officials in the host
country") and decide its ``kind``:

- ``named``: a person or organisation by name, a titled office, or a document or data set;
- ``anonymous``: unnamed but specific, with a role or an affiliation ("a senior Western diplomat",
  "police sources", "analysts at the central bank");
- ``vague``: nothing a reader could judge it by ("sources", "analysts", "a source close to the couple").

and its ``role``: the title or function the phrase gives ("foreign ministry spokesman"), else None.
The word lists come from ``lexicons/sources/`` (words.py); training_data/GUIDELINES.md defines the
kinds for people who label.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .tokens import PUNCTUATION, TOKEN, previous_token
from .words import SourceWords

NAMED, ANONYMOUS_KIND, VAGUE = "named", "anonymous", "vague"
PERSON, GROUP, BODY = "person", "group", "body"
KINDS = (NAMED, ANONYMOUS_KIND, VAGUE)

# How far before its head a source phrase may start, and how many words before the head it may
# hold: long enough for "The United Nations Office for the Coordination of Humanitarian Affairs".
PHRASE_CHARS = 160
MAX_WORDS_BEFORE = 12
# How many lower-case words before the head: "two county employees", "foreign ministry spokesman".
MAX_LOWER_BEFORE = 5
# How many words a phrase after a verb or a preposition may run to ("according to figures compiled
# by its partners on the ground").
MAX_WORDS_AFTER = 12
# Prepositions that tie a source to whom it belongs ("sources in the prosecutor's office",
# "analysts at Barclays"); "close to" and "familiar with" are relations, not affiliations.
AFFILIATING = frozenset({"at", "in", "from", "within", "inside", "of", "for"})
_AND = frozenset({"and", "&"})
# Characters before a phrase that end the search for its start at once.
_PHRASE_OPENERS = frozenset(",;:.!?\"\u201c\u201d(\n")
# Modifiers that come in pairs before a head: "current and former officials".
_CONJOINED_MODIFIERS = frozenset({"current", "former", "past", "present", "senior", "junior", "local", "national", "state", "federal"})
# Counts before a role, which are not part of it ("two county employees").
_COUNTS = frozenset("one two three four five six seven eight nine ten several some many a few dozens".split())


class Who(NamedTuple):
    """Who a cue cites: the phrase ``text[start:end]``, its kind and role, and a key for merging
    mentions of one source ("Omar Haddad", "Haddad" both have the key "haddad")."""

    start: int
    end: int
    kind: str
    role: str | None
    key: str
    # PERSON, GROUP or BODY (an organisation or a document): what a pronoun may refer to (entities.py).
    # Empty for a pronoun until it is resolved.
    sort: str = ""
    # For a relative pronoun ("Lynch, who told"), the phrase it stands for; -1 otherwise.
    refers_start: int = -1
    refers_end: int = -1


def phrase_start(text: str, folded: str, reversed_folded: str, words: SourceWords, start: int, low: int) -> int:
    """Where the noun phrase whose head (or name) starts at ``start`` begins, reading leftwards.

    Determiners open a phrase ("the ministry"), unless a preposition ties it to a noun before
    ("a spokesman for the ministry", "members of the committee"). Punctuation, clause words and
    verbs end it. A parenthesis inside is kept ("the Office ... (OCHA) spokesperson").
    """
    low = max(low, start - PHRASE_CHARS)
    before = folded[low:start].rstrip(" ")
    if not before or before[-1] in _PHRASE_OPENERS:
        return start  # the phrase opens its sentence or clause: "Trump said", '..., the ministry said'
    position = start
    taken = lower = 0
    while taken < MAX_WORDS_BEFORE:
        found = previous_token(reversed_folded, low, position)
        if found is None:
            return position
        word, at = found
        if word == ")":
            # Only a short parenthesis right before the phrase's start: "Affairs (OCHA) spokesperson",
            # not "Dec 29 (Reuters) - U.S. ...".
            opening = folded.rfind("(", low, at)
            if opening < 0 or at - opening > 12 or "," in folded[opening:at] or folded[at + 1 : position].strip():
                return position
            position = opening
            continue
        if word in PUNCTUATION or word in words.np_boundaries:
            return position
        taken += 1
        if word in words.determiners or word in words.indefinite:
            joined = _joined_by_preposition(reversed_folded, words, low, at)
            if joined is None:
                return at
            position = joined
            continue
        if word in words.prepositions:
            joined = _joined_by_preposition(reversed_folded, words, low, at + len(word))
            if joined is None:
                return position
            position = joined
            continue
        if word in _AND:
            # "Jeb Bush and Ted Cruz", "Trump and his attorneys", "current and former officials": only
            # after a name or a word the lists know, never after a verb ("the bill passed and ...").
            before = previous_token(reversed_folded, low, at)
            if before is None or not (
                text[before[1]].isupper() or before[0] in words.role_words or before[0] in _CONJOINED_MODIFIERS
            ):
                return position
            position = at
            continue
        if not text[at].isupper():
            lower += 1
            if lower > MAX_LOWER_BEFORE:
                return position
        position = at
    return position


def _joined_by_preposition(reversed_folded: str, words: SourceWords, low: int, position: int) -> int | None:
    """If a preposition before ``position`` follows a noun ("spokesman for"), where that noun starts."""
    preposition = previous_token(reversed_folded, low, position)
    if preposition is None or preposition[0] not in words.prepositions:
        # ``position`` may itself end the preposition (called from one).
        return None
    noun = previous_token(reversed_folded, low, preposition[1])
    if noun is None or noun[0] in PUNCTUATION or noun[0] in words.np_boundaries or noun[0] in words.prepositions:
        return None
    return noun[1]


def phrase_end(text: str, folded: str, words: SourceWords, start: int, limit: int) -> int:
    """Where a noun phrase that starts at ``start`` ends, reading rightwards to at most ``limit``.

    It runs to punctuation, a clause word, or a time phrase ("according to the ministry on Tuesday"
    stops before "on").
    """
    end = start
    tokens = list(TOKEN.finditer(folded, start, limit))[: MAX_WORDS_AFTER + 1]
    for index, token in enumerate(tokens[:MAX_WORDS_AFTER]):
        word = token.group()
        if word in PUNCTUATION:
            break
        capitalised = text[token.start()].isupper()
        if index and word in words.phrase_stops and not capitalised:
            break  # a verb or clause word; but "the Cook Political Report", "Department of State" are names
        if word in _AND and not (index + 1 < len(tokens) and text[tokens[index + 1].start()].isupper() and end > start and text[tokens[index - 1].start()].isupper()):
            break  # "Office of Management and Budget" goes on; "the ministry and ..." does not
        if word in words.prepositions or word == "on" or word == "last":
            following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
            if following in words.np_boundaries or following[:1].isdigit() or following in ("last", "this", "next"):
                break
        end = token.end()
    return end


def describe(
    text: str, folded: str, words: SourceWords, span: tuple[int, int], core: tuple[int, int], head: str, named: bool
) -> Who:
    """The :class:`Who` of the phrase at ``span``, whose core is the name or head word at ``core``
    and whose head is the folded word ``head``. ``named`` says the rule already knows it is named
    (a name, a definite office or body, a document)."""
    start, end = span
    if core == span and " " not in folded[start:end]:
        # One word, the commonest source ("Trump said", "officials said"): no phrase to read.
        if named:
            sort = BODY if head in words.institution_heads or head in words.document_heads else PERSON
            return Who(start, end, NAMED, None, head.removesuffix("'s"), sort)
        tokens = [(head, start)]
    else:
        tokens = [(match.group(), match.start()) for match in TOKEN.finditer(folded, start, end)]
    role = _role(text, words, tokens, head, core[0])
    if named:
        kind = NAMED
    elif head in words.document_heads or not (head in words.source_heads or head in words.role_words):
        kind = VAGUE  # "a report said", "a study found", "word is": nobody a reader could judge
    elif head in words.vague_heads and not _affiliated(text, words, tokens, core[0]):
        kind = VAGUE
    else:
        kind = ANONYMOUS_KIND
    identity = key(text, folded, words, span, core, named)
    if named:
        person = role is not None or (text[core[0]].isupper() and " " not in identity and head not in words.named_roles)
        sort = PERSON if person else BODY
    else:
        sort = PERSON if role is not None and not head.endswith("s") else GROUP
    return Who(start, end, kind, role, identity, sort)


def _role(text: str, words: SourceWords, tokens: list[tuple[str, int]], head: str, head_start: int) -> str | None:
    """The title or function in the phrase: the role word nearest the head with the modifiers just
    before it ("foreign ministry spokesman", "Middle East analyst"), without determiners or names."""
    role_at = None
    if head in words.role_words:
        role_at = next((index for index, (_, at) in enumerate(tokens) if at == head_start), None)
    elif text[head_start].isupper() or head in words.institution_heads:
        # A name or a body: the title before it ("OCHA spokesperson Jens Laerke", "a spokesman for
        # the ministry") or in an appositive after it ("Dina Esfandiary, a Middle East analyst at ...").
        for index, (word, _) in enumerate(tokens):
            if word in words.role_words and (role_at is None or tokens[role_at][1] > head_start):
                role_at = index
    if role_at is None:
        return None
    first = role_at
    while first > 0:
        word, at = tokens[first - 1]
        if word in PUNCTUATION or word in words.determiners or word in words.indefinite or word in words.prepositions:
            break
        if word in words.np_boundaries or word[:1].isdigit() or word in _COUNTS:
            break  # "two county employees": the count is not part of the role
        if word.endswith("'s") or word.endswith("\u2019s"):
            break  # "Iran's foreign ministry spokesman": the possessor is not part of the title
        first -= 1
    last = role_at
    start = tokens[first][1]
    end = tokens[last][1] + len(tokens[last][0])
    return text[start:end]


def _affiliated(text: str, words: SourceWords, tokens: list[tuple[str, int]], head_start: int) -> bool:
    """Whether a vague head is tied to someone: "police sources", "analysts at Barclays", "U.S.
    intelligence sources" (a capitalised modifier), "sources in the prosecutor's office"."""
    before_head = True
    for index, (word, at) in enumerate(tokens):
        if at >= head_start:
            before_head = False
            if at == head_start:
                continue
        if before_head:
            if word in words.affiliation_words or word in words.institution_heads or (text[at].isupper() and index > 0):
                return True
        elif word in AFFILIATING:
            return True
    return False


def key(text: str, folded: str, words: SourceWords, span: tuple[int, int], core: tuple[int, int], named: bool) -> str:
    """What identifies a source across its mentions: a person's surname ("Omar Haddad" and
    "Haddad"), a body's name without its determiner ("syrian observatory for human rights"), an
    unnamed source's words as written ("officials in the host country")."""
    if named and text[core[0]].isupper():
        proper = _proper_name(text, folded, words, span[0], core)
        name = folded[proper[0] : proper[1]].split()
        if _is_personal_name(text, words, name, proper[0], proper[1]):
            return name[-1].removesuffix("'s").removesuffix("\u2019s")
    phrase = folded[span[0] : span[1]].split(",")[0].split()
    while phrase and (phrase[0] in words.determiners or phrase[0] in words.indefinite):
        phrase = phrase[1:]
    return " ".join(phrase)


def _proper_name(text: str, folded: str, words: SourceWords, low: int, core: tuple[int, int]) -> tuple[int, int]:
    """The whole proper name that ends the core, with its inner "of", "for", "the" and "and": "the
    Syrian Observatory for Human Rights" around the core "Human Rights"."""
    start = core[0]
    tokens = [(match.group(), match.start()) for match in TOKEN.finditer(folded, low, core[0])]
    pending = start
    for word, at in reversed(tokens):
        if text[at].isupper() and word not in words.determiners:
            start = pending = at
        elif word in _NAME_JOINERS and pending == start:
            pending = at  # kept only if a capitalised word comes before it
        else:
            break
    return start, core[1]


_NOT_SPACE = re.compile(r"\S*")
_NAME_JOINERS = frozenset({"of", "for", "the", "and", "&", "de", "la", "van", "von", "al", "bin"})


def _is_personal_name(text: str, words: SourceWords, name: list[str], start: int, end: int) -> bool:
    """Two to four capitalised words with no body or document word and no acronym: "Esmaeil
    Baghaei", "Sen. Jack Reed". A single word is taken for a surname too ("Haddad", "Reuters")."""
    if not 1 <= len(name) <= 4:
        return False
    # The first words from ``start``: a slice to the end of the word the name ends in holds them all,
    # and costs the name's length rather than the rest of the document's.
    stop = _NOT_SPACE.match(text, end).end()
    original = text[start:stop].split(None, len(name))[: len(name)]
    for word, shown in zip(name, original):
        if word in words.institution_heads or word in words.document_heads or word in words.prepositions:
            return False
        if len(shown) > 1 and shown.isupper() and len(name) > 1:
            return False  # an acronym inside a name: a body ("NATO Council")
    return True
