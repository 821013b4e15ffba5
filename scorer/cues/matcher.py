"""Sentences + lexicons -> cue hits: (type, rule id, start, end, sentence, source).

One pass of a trie-compiled regular expression over the whole document finds every lexicon phrase
and every verb of saying; small named rules then decide what each hit means in context (who a verb
attributes the claim to, whether "May" is a month, whether "would" reports a stated plan), and
line rules flag page furniture, repeated headlines and shouted punctuation. Features and explanations are computed
from these hits and never match text again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from .details import DetailFinder
from .lexicon import IGNORE, PHRASE_SEPARATORS, Lexicon
from ..sources.phrases import phrase_who
from ..sources.quotes import QuoteIndex, quoted_spans
from ..sources.resolver import SourceResolver
from ..sources.spans import Who
from ..read.segment import Segment
from .trie import trie_pattern


# Rules decided in code here rather than listed in a lexicon: (id, description, example).
CODE_RULES = (
    (
        "sensational.repeated_exclamation",
        "two or more ! and ? together, at least one of them !",
        "You will not believe this!!!",
    ),
    (
        "boilerplate.repeated_headline",
        "a headline-like line (three or more words, no end punctuation) seen before in the document",
        "a title repeated verbatim above and below the article",
    ),
)


class Cue(NamedTuple):
    type: str
    rule: str
    start: int
    end: int
    sentence: int  # index of the segment holding the cue
    # For attribution and anonymous_source cues: who is cited (scorer/sources/spans.py), and the verb
    # or phrase that cites them ("said", "according to"), as offsets.
    who: Who | None = None
    trigger_start: int = -1
    trigger_end: int = -1


# Cues are made by the ten thousand on the hot path: tuple.__new__ skips NamedTuple's Python-level
# constructor.
new_cue = tuple.__new__

# The cue types that cite someone, and so carry a source.
_SOURCE_TYPES = frozenset({"attribution", "anonymous_source"})

# Roles a matched phrase can have besides being a cue itself.
_SPEECH, _BELIEF, _LED_BY_VERB, _DATE = 1, 2, 3, 4

# A line whose words are at least this share capitalised is a headline in title case.
_TITLE_CASE_SHARE = 0.6
# Standalone lines longer than these are prose, never furniture ("0 Comments") or a headline.
_MAX_FURNITURE_WORDS = 12
_MAX_FURNITURE_CHARS = 120
_MAX_HEADLINE_CHARS = 200
_MIN_HEADLINE_WORDS = 3
# A headline printed again within this many segments is page furniture (a title above a breadcrumb
# above the same title); further on, it is the article itself pasted twice, which says nothing.
_HEADLINE_REPEAT_SEGMENTS = 3
# Words (and at most how many characters) before "would", within its sentence, in which a verb of
# saying makes it reported speech: "she said she would", "the ministry said in a statement that it
# was studying the judgment and would decide".
_REPORTED_FUTURE_WINDOW = 40
_REPORTED_FUTURE_CHARS = 400
# "sources close to the harbour authority say": how far a verb may stand from the vague source
# phrase whose subject it completes.
_SUBJECT_GAP_CHARS = 60
_TERMINAL = frozenset(".!?\u2026")
# The most opening quotes, brackets and spaces that may stand before a sentence's first word.
_MAX_OPENING_CHARS = 4
_NO_BRACKETS = str.maketrans("()[]", "    ")
# Two or more of ! and ? (kept when one of them is !): "!!!", "?!", "!!?". The pattern runs only
# on texts that hold such a pair: a plain substring search is far cheaper than its scan.
_SHOUTED_PUNCTUATION = re.compile(r"[!?][!?]+")
_WORD = re.compile(r"\w+")
_IS_WHOLE_LINE = itemgetter(3)  # Segment.whole_line


def _holds_shouting(text: str) -> bool:
    """Whether ``text`` holds "!!", "!?" or "?!", the pairs every shouted run starts with.

    Each pair holds a "!", few articles hold any and the rest only a handful: looking beside each
    "!" is much cheaper than three substring searches of the whole text, let alone the pattern's scan.
    """
    bang = text.find("!")
    while bang >= 0:
        if text[bang + 1 : bang + 2] in ("!", "?") or (bang > 0 and text[bang - 1] == "?"):
            return True
        bang = text.find("!", bang + 1)
    return False


def _with_details(cues: list[Cue], details: list, furniture_sentences: set[int]) -> list[Cue]:
    """The cues with the detail and tone cues that overlap none of them and no furniture line."""
    if not details:
        return cues
    merged: list[Cue] = []
    index = 0
    for detail in details:
        while index < len(cues) and cues[index].start < detail.start:
            merged.append(cues[index])
            index += 1
        if detail.sentence in furniture_sentences:
            continue
        if (merged and merged[-1].end > detail.start) or (index < len(cues) and cues[index].start < detail.end):
            continue  # inside another cue ("figures published by the UN show 48,000" keeps its attribution)
        merged.append(new_cue(Cue, (detail.type, detail.rule, detail.start, detail.end, detail.sentence, None, -1, -1)))
    merged.extend(cues[index:])
    return merged


def _inside_sentence(text: str, segment: Segment, position: int) -> bool:
    """Whether a capitalised word at ``position`` stands inside a sentence in ordinary case: past its
    first word, and not in a headline written in title case ("Clinton Says No To Fox News")."""
    if not text[segment.start : position].strip(" \"'\u201c\u2018("):
        return False
    if segment.whole_line:
        words = text[segment.start : segment.end].split()
        if sum(word[:1].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words):
            return False
    return True


def _reports_again(folded: str, cues: list, sentence: int, start: int) -> bool:
    """Whether a pronoun source at ``start`` follows a source cue of its sentence with at most "that"
    between: "the State Department said it found", "she said she would"."""
    if not cues or cues[-1].sentence != sentence or cues[-1].type not in _SOURCE_TYPES:
        return False
    return folded[cues[-1].end : start].strip(" ,") in ("", "that")


def fold_case(text: str) -> str:
    """Lower-case text with typographic apostrophes made plain, keeping every offset.

    ``str.lower`` lengthens a few characters ("\u0130" becomes two); those are left as they are so
    that offsets in the folded text are offsets in the original.
    """
    folded = text.lower()
    if len(folded) != len(text):
        folded = "".join(char if len(char.lower()) != 1 else char.lower() for char in text)
    return folded.replace("\u2019", "'")


class CueMatcher:
    """Finds cues in a document. Build once per lexicon; :meth:`find` is a pure function of text."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        # phrase -> (cue type, rule id, verb role); ignore.txt phrases have no type: matched, then dropped.
        roles: dict[str, tuple[str | None, str | None, int]] = {}
        for phrase, rule in lexicon.phrases.items():
            roles[phrase] = (None, None, 0) if rule.type == IGNORE else (rule.type, rule.rule, 0)
        # Weekday and month names are dates only when capitalised ("Tuesday", not "tuesday"), and "may"
        # is the modal's (cues/details.py finds May the month).
        for word in lexicon.time_words - {"may"}:
            roles.setdefault(word, ("specificity", "specificity.date", _DATE))
        for verbs, role in ((lexicon.speech_verbs, _SPEECH), (lexicon.belief_verbs, _BELIEF)):
            for verb in verbs:
                cue_type, rule_id, _ = roles.get(verb, (None, None, 0))
                roles[verb] = (cue_type, rule_id, role)
        for phrase, (cue_type, rule_id, role) in list(roles.items()):
            # "said in a statement", "told reporters": who said it is decided as for the bare verb.
            if cue_type == "attribution" and not role and phrase.split(" ", 1)[0] in lexicon.speech_verbs:
                roles[phrase] = (cue_type, rule_id, _LED_BY_VERB)
        self._roles = roles
        # Matched against the lower-cased text, so one trie serves every capitalisation, in which
        # the characters that can stand before a word (line breaks, quotes, brackets, most
        # punctuation) have been turned into spaces: then one scan for " " + trie finds every
        # phrase, and re finds a literal prefix far faster than it tests "\b" at every position
        # (docs/BENCHMARKS.md). A phrase ends where a word ends, or after its own mark ("breaking:").
        trie = trie_pattern(sorted(roles))
        self._after_space = re.compile(" " + trie + r"(?!\w)")
        self._resolver = SourceResolver.from_lexicon(lexicon)
        self._details = DetailFinder(lexicon.acronyms)
        self.source_words = self._resolver.words
        self._line_pattern = re.compile(
            "|".join(f"(?P<r{index}>{source})" for index, (_, source) in enumerate(lexicon.line_rules))
        )
        self._line_rules = [rule for rule, _ in lexicon.line_rules]
        # The same rules without their names, to rule ordinary lines out first: re passes over an
        # alternative on its first character only when no group opens before it, so this pattern
        # is faster, and _line_pattern then names the rule for the few lines that are furniture.
        self._any_line_rule = re.compile("|".join(f"(?:{source})" for _, source in lexicon.line_rules))

    def find(self, text: str, segments: list[Segment]) -> list[Cue]:
        """All cues in ``text``, sorted by position, none overlapping another."""
        if not segments:
            return []
        starts = [segment.start for segment in segments]
        cues: list[Cue] = []
        furniture = self._line_cues(text, segments)
        shouting = self._punctuation_cues(text, starts)
        furniture_sentences = {cue.sentence for cue in furniture}
        roles, resolve, append = self._roles, self._resolver.resolve, cues.append
        words = self._resolver.words
        quotes = QuoteIndex(quoted_spans(text))
        reversed_folded = ""  # made on the first verb: the resolver reads backwards in it
        last_end = 0
        folded = fold_case(text)
        spaced = folded
        for separator in PHRASE_SEPARATORS:
            spaced = spaced.replace(separator, " ")
        for start, end in self._phrase_spans(spaced):
            if start < last_end:
                continue  # inside a source phrase the resolver already took ("according to | sources")
            sentence = bisect_right(starts, start) - 1
            if sentence in furniture_sentences or end > segments[sentence].end:
                continue  # furniture; or a phrase read across a sentence or line break ("Results\nsignal")
            cue_type, rule_id, verb_role = roles[spaced[start:end]]
            if verb_role == _DATE:
                if text[start].isupper():
                    append(new_cue(Cue, (cue_type, rule_id, start, end, sentence, None, start, end)))
                    last_end = end
                continue
            cue = None
            if (verb_role or cue_type in _SOURCE_TYPES) and quotes.inside(start):
                continue  # inside a quotation: the speaker's sourcing, not the article's
            if verb_role and text[start].isupper() and _inside_sentence(text, segments[sentence], start):
                verb_role = 0  # "Islamic State", "the Cook Political Report": a name, not a verb
                if cue_type is None:
                    continue
            if verb_role:
                if cues and cues[-1].type == "anonymous_source" and self._continues_vague_source(text, cues[-1], sentence, start):
                    # "sources close to the harbour authority | say": the source is already a cue, and
                    # this verb is what it says with.
                    cues[-1] = cues[-1]._replace(trigger_start=start, trigger_end=end)
                    continue
                segment = segments[sentence]
                reversed_folded = reversed_folded or folded[::-1]
                verb_end = folded.find(" ", start, end) if verb_role == _LED_BY_VERB else end
                source = resolve(text, folded, reversed_folded, segment[:2], (start, verb_end), verb_role == _BELIEF)
                if source is not None and source.rule == "attribution.pronoun" and _reports_again(folded, cues, sentence, source.start):
                    continue  # "the ministry said it found": the same source, reported within its own report
                if source is not None:
                    source_start = source.start
                    if source_start < last_end:
                        if source_start >= cues[-1].start:
                            continue  # its source phrase is already a cue ("some experts | say")
                        source_start = start  # a cue inside the source's words: mark the verb alone
                    source_end = max(source.end, end)
                    cue = new_cue(Cue, (source.type, source.rule, source_start, source_end, sentence, source.who, start, verb_end))
            if cue is None and cue_type is not None:
                if cue_type == "speculative_modal" and not self._is_speculative(text, segments[sentence], start, end):
                    continue
                who = None
                if cue_type in _SOURCE_TYPES:
                    reversed_folded = reversed_folded or folded[::-1]
                    who = phrase_who(
                        text, folded, reversed_folded, words, (start, end), segments[sentence].end, cue_type == "attribution"
                    )
                cue = new_cue(Cue, (cue_type, rule_id, start, end, sentence, who, start, end))
            if cue is not None:
                append(cue)
                last_end = cue[3]
        if furniture or shouting:
            taken = {cue.start for cue in cues}
            cues.extend(furniture)
            cues.extend(cue for cue in shouting if cue.start not in taken and cue.sentence not in furniture_sentences)
            cues.sort(key=lambda cue: cue.start)
        return _with_details(cues, self._details.find(text, segments, starts), furniture_sentences)

    @staticmethod
    def _punctuation_cues(text: str, starts: list[int]) -> list[Cue]:
        """Runs of exclamation marks ("!!!", "?!"): sensational punctuation."""
        if not _holds_shouting(text):
            return []
        return [
            Cue("sensational", "sensational.repeated_exclamation", m.start(), m.end(), bisect_right(starts, m.start()) - 1)
            for m in _SHOUTED_PUNCTUATION.finditer(text)
            if "!" in m.group()
        ]

    @staticmethod
    def _continues_vague_source(text: str, previous: Cue, sentence: int, verb_start: int) -> bool:
        """Whether a verb closes the subject begun by the anonymous-source phrase just before it."""
        if previous.sentence != sentence or verb_start - previous.end > _SUBJECT_GAP_CHARS:
            return False  # checked before slicing: a long gap must cost nothing to rule out
        gap = text[previous.end : verb_start]
        return len(gap) <= _SUBJECT_GAP_CHARS and not any(mark in gap for mark in ",;:.!?\"\u201c\u201d")

    def _phrase_spans(self, spaced: str) -> list[tuple[int, int]]:
        """Where lexicon phrases and verbs start and end in the spaced text (see __init__).

        The text is scanned with a space in front, so that a phrase at its very start is found by
        the same pattern; each match (space included) then maps back one character.
        """
        return [(match.start(), match.end() - 1) for match in self._after_space.finditer(" " + spaced)]

    def furniture_rule(self, line: str) -> str | None:
        """The furniture line rule a standalone line matches ("Advertisement", "0 Comments"), if any:
        the test plain-text lines pass, for lines a page's extractor left out (read/html.py)."""
        words = (line.translate(_NO_BRACKETS) if "(" in line or "[" in line else line).split()
        if len(line) > _MAX_FURNITURE_CHARS or len(words) > _MAX_FURNITURE_WORDS:
            return None
        normalised = " ".join(words).lower()
        match = self._any_line_rule.fullmatch(normalised) and self._line_pattern.fullmatch(normalised)
        return self._line_rules[int(match.lastgroup[1:])] if match else None

    def _line_cues(self, text: str, segments: list[Segment]) -> list[Cue]:
        """Whole-line furniture ("Post a Comment", "0 Comments") and headlines repeated verbatim."""
        cues = []
        seen_headlines: dict[str, int] = {}  # a headline's text -> the segment it was last seen in
        # Most segments are sentences inside a paragraph: pick the whole lines out without a
        # Python-level step per segment.
        for index in compress(range(len(segments)), map(_IS_WHOLE_LINE, segments)):
            start, end = segments[index][:2]
            if end - start > _MAX_HEADLINE_CHARS:
                continue
            line = text[start:end]
            if end - start <= _MAX_FURNITURE_CHARS:
                words = (line.translate(_NO_BRACKETS) if "(" in line or "[" in line else line).split()
                if len(words) <= _MAX_FURNITURE_WORDS:
                    normalised = " ".join(words).lower()
                    match = self._any_line_rule.fullmatch(normalised) and self._line_pattern.fullmatch(normalised)
                    if match:
                        rule = self._line_rules[int(match.lastgroup[1:])]
                        cues.append(Cue("boilerplate", rule, start, end, index))
                        continue
            if line[-1] in _TERMINAL:
                continue  # a sentence, not a headline
            key = " ".join(line.split()).lower()
            if key.count(" ") + 1 >= _MIN_HEADLINE_WORDS:
                if index - seen_headlines.get(key, -_HEADLINE_REPEAT_SEGMENTS - 1) <= _HEADLINE_REPEAT_SEGMENTS:
                    cues.append(Cue("boilerplate", "boilerplate.repeated_headline", start, end, index))
                seen_headlines[key] = index
        return cues

    def _is_speculative(self, text: str, segment: Segment, start: int, end: int) -> bool:
        """Rule out the month May and "would" reporting a stated plan ("said it would resign")."""
        word = text[start:end]
        if word.startswith("May"):
            # Only a few opening quotes or brackets can stand between a sentence's start and its
            # first word; the distance is checked first, so a long sentence costs no slice.
            at_sentence_start = start - segment.start <= _MAX_OPENING_CHARS and not text[segment.start : start].strip(
                " \"'\u201c\u2018("
            )
            followed_by_number = text[end : end + 2].strip()[:1].isdigit()
            return at_sentence_start and not followed_by_number
        if word.lower().startswith("would"):
            before = _WORD.findall(text, max(segment.start, start - _REPORTED_FUTURE_CHARS), start)[-_REPORTED_FUTURE_WINDOW:]
            # isdisjoint over map() asks the same as any(... in speech) without a Python-level loop.
            return self.lexicon.speech_verbs.isdisjoint(map(str.lower, before))
        return True
