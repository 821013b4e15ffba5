"""Who carries on: the sources of a whole article, each mention tied to the source it names.

The cue matcher gives every attribution and anonymous_source cue the phrase that names its source
(spans.py). This stage reads those phrases in document order and decides which of them name the
same source, so that the record can list the article's sources once each, and so that a pronoun,
a short form or a continued quotation counts as what it refers to.

The rules, in the order they are tried for each mention (the *recency rule*: the most recent
compatible source wins):

1. A pronoun refers to the most recent source of its sort mentioned in the last four sentences: "he",
   "she", "him" and "her" to a person; "they" and "them" to a group, else an organisation; "it" to
   an organisation or a document. With none in reach, "they" is vague (the generic "they say").
   "who" and "which" were resolved by the cue matcher to the name just before them.
2. A mention with the key of an earlier source is that source: "Omar Haddad" then "Haddad".
3. A named mention whose words all stand in an earlier named source's key is that source: "the
   Syrian Observatory for Human Rights" then "the Observatory"; "Iran's foreign ministry" then "the
   ministry".
4. A definite description of an organisation ("the Britain-based monitor", "the agency") refers
   to the most recent organisation named; another ("the researchers", "the diplomat") to the most
   recent source whose phrase holds its head word; one headed by a research word
   (research_heads.txt) to the most recent named source whose phrase holds any research word ("a
   team led by ...").
5. A reason for anonymity ("on condition of anonymity") belongs to the source cited in its sentence.
6. Otherwise the mention is a new source.

Then every sentence inside a quotation, with no source of its own, is attributed to whoever that
quotation is attributed to: the source cited in the sentence where the quotation ends or begins,
or in the sentence just before, when the quotation follows an attributed one ('"...," she said.
"One week of convoys does not tell you much."'). Such a sentence gets a ``continued_quote`` cue,
so a named speaker's quote never reads as unsourced.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from ..cues.matcher import Cue
from ..read.segment import Segment
from .phrases import ANONYMITY_REASONS
from .quotes import quoted_spans
from .spans import ANONYMOUS_KIND, BODY, GROUP, NAMED, PERSON, VAGUE, Who
from .words import SourceWords

SOURCE_TYPES = frozenset({"attribution", "anonymous_source"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_PLURAL = frozenset({"they", "them"})
_RELATIVE_RULES = frozenset({"attribution.relative_pronoun", "anonymous_source.relative_pronoun"})
_PRONOUN_RULES = frozenset({"attribution.pronoun", "anonymous_source.pronoun"})
# The rule ids this stage gives the cues it makes or retypes: (id, description, example).
ENTITY_RULES = (
    (
        "attribution.continued_quote",
        "a sentence inside a quotation attributed to a named source in a sentence next to it",
        '"We will not retreat," she said. "Not one step."',
    ),
    (
        "anonymous_source.continued_quote",
        "a sentence inside a quotation attributed to an unnamed source next to it",
        '"It is over," one official said. "They know it."',
    ),
    (
        "anonymous_source.pronoun",
        "a pronoun that refers back to an unnamed or vague source",
        "Officials said the talks had stalled. They gave no date.",
    ),
)


@dataclass
class Entity:
    """One source of the article and every mention of it."""

    index: int
    start: int  # the fullest mention, as offsets
    end: int
    kind: str
    role: str | None
    key: str
    sort: str
    first: int  # offset of the first mention
    last: int = -1  # offset of the latest mention read so far: what "most recent" means
    last_sentence: int = -1  # the sentence of that mention
    sentences: list[int] = field(default_factory=list)
    quoted: bool = False


@dataclass(frozen=True)
class Sources:
    """The sources stage's output: the final cues, the sources, and which cue names which source."""

    cues: list[Cue]
    entities: list[Entity]
    cue_entities: dict[int, int]  # position of a cue in ``cues`` -> index in ``entities``


def resolve_sources(text: str, segments: list[Segment], cues: list[Cue], words: SourceWords) -> Sources:
    """Tie every source cue to an :class:`Entity`, and attribute continued quotations (module doc)."""
    if not any(cue.who is not None for cue in cues):
        return Sources(cues, [], {})
    quotes = quoted_spans(text)
    cues, speaker_of = _with_continued_quotes(text, segments, cues, quotes)
    quoted = _QuotedSentences(quotes)
    entities: list[Entity] = []
    entity_of: dict[int, int] = {}  # position of a cue in ``cues`` -> index in ``entities``
    by_sentence: dict[int, int] = {}  # sentence -> entity of its latest source cue
    resolved = list(cues)
    # Continued quotations last: a quotation may open before the sentence that attributes it.
    # Reasons for anonymity next: they belong to the source of their sentence, wherever it stands.
    sources = [p for p, cue in enumerate(cues) if cue.who is not None and p not in speaker_of]
    reasons = [p for p in sources if cues[p].rule in ANONYMITY_REASONS]
    order = [p for p in sources if cues[p].rule not in ANONYMITY_REASONS] + reasons + sorted(speaker_of)
    for position in order:
        cue = cues[position]
        who = cue.who
        if position in speaker_of:
            entity = entities[entity_of[speaker_of[position]]]
        elif cue.rule in ANONYMITY_REASONS and cue.sentence in by_sentence:
            entity = entities[by_sentence[cue.sentence]]
        elif cue.rule in _PRONOUN_RULES:
            entity = _antecedent(entities, text[who.start : who.end].lower(), cue.sentence)
        else:
            entity = _same_source(entities, who, text, words)
        if entity is None:
            kind = who.kind
            if cue.rule in ANONYMITY_REASONS:
                kind = ANONYMOUS_KIND  # someone, unnamed for a reason
            elif cue.rule in _PRONOUN_RULES and text[who.start : who.end].lower() in _PLURAL:
                kind = VAGUE  # "they say", with no one before it to be "they"
                cue = cue._replace(type="anonymous_source", rule="anonymous_source.pronoun", who=who._replace(kind=VAGUE))
            start, end = (who.refers_start, who.refers_end) if who.refers_start >= 0 else (who.start, who.end)
            entity = Entity(len(entities), start, end, kind, who.role, who.key, who.sort or PERSON, start)
            entities.append(entity)
        else:
            _merge(entity, who, cue.rule)
        if cue.rule in _PRONOUN_RULES or cue.rule in _RELATIVE_RULES or position in speaker_of:
            cue = _as_referent(cue, entity)
        elif cue.type == "anonymous_source" and entity.kind == NAMED and _is_definite(text, who, words):
            # "The researchers said", after the team was named: the named source, referred to again.
            cue = _as_referent(cue, entity)._replace(rule="attribution.definite_description")
        elif cue.rule in ANONYMITY_REASONS:
            # The reason stays an anonymous_source cue, and describes the source it explains.
            cue = cue._replace(who=cue.who._replace(kind=entity.kind, role=entity.role, key=entity.key, sort=entity.sort))
        if cue.sentence not in entity.sentences:
            entity.sentences.append(cue.sentence)
        entity.quoted = entity.quoted or quoted.overlaps(segments[cue.sentence])
        by_sentence[cue.sentence] = entity.index
        entity_of[position] = entity.index
        if who.start > entity.last:
            entity.last, entity.last_sentence = who.start, cue.sentence
        resolved[position] = cue
    for entity in entities:
        entity.sentences.sort()
    return Sources(resolved, entities, entity_of)


def _with_continued_quotes(
    text: str, segments: list[Segment], cues: list[Cue], quotes: list[tuple[int, int]]
) -> tuple[list[Cue], dict[int, int]]:
    """The cues with a continued_quote cue added to each quoted sentence that cites no one itself,
    and, for each added cue's position, the position of the cue whose source it continues."""
    if not quotes:
        return cues, {}
    sourced: dict[int, int] = {}  # sentence -> position of its last source cue
    for position, cue in enumerate(cues):
        if cue.who is not None:
            sourced[cue.sentence] = position
    added: list[tuple[Cue, int]] = []
    # The latest attributed quotation: (its last sentence, its speaker, whether it ran on to the end
    # of its paragraph without closing: the convention for a quotation that goes on in the next).
    previous: tuple[int, int, bool] | None = None
    starts = [segment[0] for segment in segments]
    for start, end in quotes:
        first, last = _sentence_range(starts, start, end)
        speaker = next((sourced[s] for s in (last, first) if s in sourced and sourced[s] >= 0), None)
        if speaker is None and previous is not None and _follows(segments, previous, first):
            speaker = previous[1]  # a quotation that carries on an attributed one
        if speaker is None:
            continue
        speaker_cue = cues[speaker]
        rule = "attribution.continued_quote" if speaker_cue.type == "attribution" else "anonymous_source.continued_quote"
        for sentence in range(first, last + 1):
            if sentence in sourced:
                continue
            segment = segments[sentence]
            cue_start, cue_end = max(start, segment.start), min(end, segment.end)
            if not text[cue_start:cue_end].strip(" \"'\u201c\u201d"):
                continue
            added.append((Cue(speaker_cue.type, rule, cue_start, cue_end, sentence, speaker_cue.who), speaker))
            sourced[sentence] = -1
        previous = (last, speaker, text[end - 1 : end] not in _CLOSING_QUOTES)
    if not added:
        return cues, {}
    merged = sorted([*cues, *(cue for cue, _ in added)], key=lambda cue: (cue.start, cue.end))
    position_of = {id(cue): position for position, cue in enumerate(merged)}
    return merged, {position_of[id(cue)]: position_of[id(cues[speaker])] for cue, speaker in added}


_CLOSING_QUOTES = frozenset("\"\u201d'")


def _follows(segments: list[Segment], previous: tuple[int, int, bool], first: int) -> bool:
    """Whether a quotation starting in sentence ``first`` carries on the attributed one before it: in
    the next sentence of the same paragraph, or opening the next paragraph after one left open."""
    last, _, left_open = previous
    if first == last + 1 and segments[first].paragraph == segments[last].paragraph:
        return True
    return left_open and first == last + 1 and segments[first].paragraph == segments[last].paragraph + 1


def _sentence_range(starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The first and last sentences (given where each starts) that overlap ``start:end``."""
    first = max(bisect_right(starts, start) - 1, 0)
    last = max(bisect_right(starts, max(start, end - 1)) - 1, first)
    return first, last


# How many sentences back a pronoun's antecedent may have been mentioned (rule 1).
PRONOUN_REACH = 4


def _antecedent(entities: list[Entity], pronoun: str, sentence: int) -> Entity | None:
    """The most recent source a pronoun can refer to (rule 1 of the module doc)."""
    entities = [entity for entity in entities if sentence - entity.last_sentence <= PRONOUN_REACH]
    if pronoun in _PERSONAL:
        wanted: tuple[str, ...] = (PERSON,)
    elif pronoun in _PLURAL:
        wanted = (GROUP, BODY)
    else:
        wanted = (BODY,)
    for sort in wanted:
        candidates = [entity for entity in entities if entity.sort == sort]
        if candidates:
            return max(candidates, key=lambda entity: entity.last)
    return None


def _same_source(entities: list[Entity], who: Who, text: str, words: SourceWords) -> Entity | None:
    """An earlier source that this mention names again (rules 2 to 4 of the module doc), or None."""
    if not who.key:
        return None
    entities = sorted(entities, key=lambda entity: entity.last)  # the most recently mentioned last
    for entity in reversed(entities):
        if entity.key == who.key:
            return entity
    mention = who.key.split()
    if who.kind == NAMED:
        for entity in reversed(entities):
            if entity.kind == NAMED and len(mention) < len(entity.key.split()) and set(mention) <= set(entity.key.split()):
                return entity
    phrase = text[who.start : who.end].lower().split()
    if phrase and phrase[0] in words.determiners and len(mention) <= 2:
        if mention[-1] in words.institution_heads:
            # "the Britain-based monitor", "the agency": the most recent organisation named before.
            for entity in reversed(entities):
                if entity.kind == NAMED and entity.sort == BODY and entity.key != who.key:
                    return entity
        head = mention[-1].rstrip("s")
        for entity in reversed(entities):
            if any(word.rstrip("s") == head for word in entity.key.split()):
                return entity
        if mention[-1] in words.research_heads:
            for entity in reversed(entities):
                if entity.kind == NAMED and not words.research_heads.isdisjoint(text[entity.start : entity.end].lower().split()):
                    return entity
    return None


def _merge(entity: Entity, who: Who, rule: str) -> None:
    """Keep the fullest name and the first role seen; a named mention makes the source named."""
    if rule in _PRONOUN_RULES or rule in _RELATIVE_RULES or rule.endswith(".continued_quote"):
        return
    longer = who.end - who.start > entity.end - entity.start
    if longer and who.kind == entity.kind and set(entity.key.split()) <= set(who.key.split()):
        entity.start, entity.end = who.start, who.end  # a fuller form of the same name: "Haddad", "Omar Haddad"
    if entity.role is None and who.role is not None:
        entity.role = who.role
    if who.kind == NAMED and entity.kind != NAMED:
        entity.kind, entity.start, entity.end = NAMED, who.start, who.end


def _as_referent(cue: Cue, entity: Entity) -> Cue:
    """A pronoun, relative or continued-quote cue, typed by the source it refers to."""
    named = entity.kind == NAMED
    cue_type = "attribution" if named else "anonymous_source"
    name = cue.rule.split(".", 1)[1]
    who = cue.who._replace(kind=entity.kind, role=entity.role, key=entity.key, sort=entity.sort)
    return cue._replace(type=cue_type, rule=f"{cue_type}.{name}", who=who)


def _is_definite(text: str, who: Who, words: SourceWords) -> bool:
    """Whether a mention opens with a determiner: "the researchers", "their lawyers"."""
    first = text[who.start : who.end].split(None, 1)[:1]
    return bool(first) and first[0].lower() in words.determiners


class _QuotedSentences:
    """Answers "does this sentence overlap a quotation?" in logarithmic time.

    Quoted spans come in document order (quotes.py), so the spans that start before a sentence ends
    are a prefix of them, and one of those overlaps the sentence if the furthest any of them reaches
    is past the sentence's start.
    """

    def __init__(self, quotes: list[tuple[int, int]]):
        self._starts = [start for start, _ in quotes]
        self._reach = list(accumulate((end for _, end in quotes), max))

    def overlaps(self, segment: Segment) -> bool:
        index = bisect_left(self._starts, segment.end)
        return index > 0 and self._reach[index - 1] > segment.start
