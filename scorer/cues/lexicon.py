"""Load and validate the cue lexicons: plain-text data files, one entry a line.

The default lexicons ship inside the package (``scorer/lexicons``); a user may point the scorer at
a folder of their own with the same layout (``--lexicons DIR`` or ``SCORER_LEXICONS``). Every file
is validated when it loads (no blank lines, no duplicates, every pattern compiles, no empty list), so
a broken lexicon fails loudly at start-up instead of silently matching nothing, or everything.

Entry syntax (also in ``scorer/lexicons/README.md``):

- ``word word``: a phrase, written in lower case, matched in any capitalisation;
- ``(a|b|c)``: alternatives; an empty alternative makes the group optional: ``reports (have|has|) emerged``;
- ``<n>`` (line patterns only): a number; ``<*>`` (line patterns only): any text;
- ``phrase => name``: give the rule an explicit id instead of one derived from the first phrase.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import LexiconError
from ..read.segment import Abbreviations
from .types import CUE_TYPES

# Phrases in ignore.txt are matched so that they hide shorter cues inside them, then dropped.
IGNORE = "ignore"

SOURCE_LISTS = (
    "speech_verbs",
    "belief_verbs",
    "anonymous_heads",
    "named_roles",
    "pronouns",
    "object_pronouns",
    "skip_words",
    "unnamed_people",
    "indefinite",
    "determiners",
    "prepositions",
    "clause_words",
    "post_modifiers",
    "passive_auxiliaries",
    "recipient_verbs",
    "inverting_verbs",
    "np_boundaries",
    "vague_heads",
    "affiliation_words",
    "institution_heads",
    "document_heads",
    "impersonal_heads",
    "phrase_verbs",
    "noun_verbs",
    "research_heads",
)
TEXT_LISTS = ("abbreviations", "abbreviations_final", "abbreviations_numbered", "sentence_openers")
SPECIFICITY_LISTS = ("time_words",)
TONE_LISTS = ("acronyms",)

ENV_VARIABLE = "SCORER_LEXICONS"

# Characters that can stand right before a word but may not occur inside a phrase: the matcher
# turns them into spaces (one for one, keeping offsets) so that one scan for " " + phrase finds
# every phrase (cues.py).
PHRASE_SEPARATORS = (
    "\n", "\t", "\r", "\f", "\v", "\xa0", "\u2009", "\u200a", "\u202f", "\u3000",
    '"', "\u201c", "\u201d", "\u2018", "\u00ab", "\u00bb", "\u2039", "\u203a",
    "(", ")", "[", "]", "{", "}", "\u2014", "\u2013", "\u2026", "/", "*", ",", ".", ";", "!", "?", "|", "<", ">",
)

_GROUP = re.compile(r"\(([^()]*)\)")
_RULE_NAME = re.compile(r"[a-z0-9_]+")


@dataclass(frozen=True)
class PhraseRule:
    type: str  # a cue type, or IGNORE
    rule: str  # stable id: "<type>.<name>"


@dataclass(frozen=True)
class Lexicon:
    """Everything the cue matcher and segmenter need, loaded from one lexicon folder."""

    phrases: dict[str, PhraseRule]  # normalised phrase -> rule
    line_rules: tuple[tuple[str, str], ...]  # (rule id, regex source) for whole-line furniture
    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    anonymous_heads: frozenset[str]
    named_roles: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    skip_words: frozenset[str]
    unnamed_people: frozenset[str]
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
    time_words: frozenset[str]
    acronyms: frozenset[str]
    abbreviations: Abbreviations
    digest: str  # sha256 of every file's path and bytes: a model records it and must match
    location: str
    line_examples: dict[str, str] = field(default_factory=dict, compare=False)  # line rule id -> a line it matches

    @property
    def rule_ids(self) -> list[str]:
        rules = {rule.rule for rule in self.phrases.values() if rule.type != IGNORE}
        rules.update(rule for rule, _ in self.line_rules)
        return sorted(rules)


def default_location() -> str:
    """The folder used when none is given: ``$SCORER_LEXICONS`` or the package's own."""
    return os.environ.get(ENV_VARIABLE) or str(resources.files("scorer.cues") / "lexicons")


def load_lexicon(location: str | os.PathLike | None = None) -> Lexicon:
    """Load and validate the lexicon folder at ``location`` (default: :func:`default_location`)."""
    folder = Path(location) if location is not None else Path(default_location())
    resolved = folder.resolve()
    # Cached per folder and per state of its files, so that an edited lexicon is read again.
    stamp = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(resolved.rglob("*.txt")))
    return _load_cached(str(resolved), stamp)


@lru_cache(maxsize=8)
def _load_cached(folder: str, stamp: tuple = ()) -> Lexicon:
    root = Path(folder)
    if not root.is_dir():
        raise LexiconError(f"lexicon folder {folder} does not exist")
    files = {path.relative_to(root).as_posix(): path for path in sorted(root.rglob("*.txt"))}
    digest = hashlib.sha256()
    for name, path in files.items():
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")

    def entries(name: str) -> list[tuple[int, str]]:
        if name not in files:
            raise LexiconError(f"lexicon folder {folder} has no {name}")
        return _read_entries(files[name], name)

    phrases: dict[str, PhraseRule] = {}
    phrase_files = sorted(name for name in files if name.startswith("phrases/"))
    for name in phrase_files:
        cue_type = name.removeprefix("phrases/").removesuffix(".txt")
        if cue_type not in CUE_TYPES and cue_type != IGNORE:
            raise LexiconError(f"{name}: unknown cue type {cue_type!r} (known: {', '.join(CUE_TYPES)}, {IGNORE})")
        for number, entry in entries(name):
            body, rule_name = _split_rule_name(entry, name, number)
            expanded = _expand(body, name, number)
            rule = PhraseRule(cue_type, f"{cue_type}.{rule_name or _slug(expanded[0])}")
            for phrase in expanded:
                _check_phrase(phrase, name, number)
                if phrase in phrases:
                    raise LexiconError(f"{name}:{number}: {phrase!r} is already listed as {phrases[phrase].rule}")
                phrases[phrase] = rule
    if not phrase_files:
        raise LexiconError(f"lexicon folder {folder} has no phrases/*.txt")

    line_rules = []
    line_examples: dict[str, str] = {}  # rule id -> one line it matches, for `scorer rules`
    seen_rules: set[str] = set()
    for number, entry in entries("lines/boilerplate.txt"):
        body, rule_name = _split_rule_name(entry, "lines/boilerplate.txt", number)
        rule = f"boilerplate.{rule_name or _slug(body)}"
        if rule in seen_rules:
            raise LexiconError(f"lines/boilerplate.txt:{number}: rule {rule} is listed twice")
        seen_rules.add(rule)
        line_rules.append((rule, _line_regex(body, number)))
        first = _expand(body, "lines/boilerplate.txt", number)[0]
        line_examples[rule] = first.replace("<n>", "12").replace("<*>", "...")

    def word_set(name: str) -> frozenset[str]:
        words: set[str] = set()
        for number, entry in entries(name):
            for word in _expand(entry, name, number):
                if word in words:
                    raise LexiconError(f"{name}:{number}: {word!r} is listed twice")
                words.add(word)
        return frozenset(words)

    sources = {key: word_set(f"sources/{key}.txt") for key in SOURCE_LISTS}
    text_lists = {key: word_set(f"text/{key}.txt") for key in TEXT_LISTS}
    specificity = {key: word_set(f"specificity/{key}.txt") for key in SPECIFICITY_LISTS}
    specificity.update({key: word_set(f"tone/{key}.txt") for key in TONE_LISTS})
    return Lexicon(
        phrases=phrases,
        line_rules=tuple(line_rules),
        **sources,
        **specificity,
        abbreviations=Abbreviations(
            never_final=text_lists["abbreviations"],
            maybe_final=text_lists["abbreviations_final"],
            before_number=text_lists["abbreviations_numbered"],
            sentence_openers=text_lists["sentence_openers"],
        ),
        digest=digest.hexdigest(),
        location=folder,
        line_examples=line_examples,
    )


def read_word_list(path: str | os.PathLike) -> frozenset[str]:
    """Every word or phrase of one list file in the lexicon format (comments, ``(a|b)`` groups)."""
    file = Path(path)
    words: set[str] = set()
    for number, entry in _read_entries(file, file.name):
        words.update(_expand(entry, file.name, number))
    return frozenset(words)


def _read_entries(path: Path, name: str) -> list[tuple[int, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise LexiconError(f"{name}: not UTF-8 text") from None
    result = []
    for number, line in enumerate(lines, start=1):
        if line.startswith("#"):
            continue
        if not line.strip():
            raise LexiconError(f"{name}:{number}: blank line (entries are one a line, comments start with #)")
        if line != line.strip():
            raise LexiconError(f"{name}:{number}: leading or trailing white space in {line!r}")
        result.append((number, line))
    if not result:
        raise LexiconError(f"{name}: no entries (an empty list would match nothing)")
    return result


def _split_rule_name(entry: str, name: str, number: int) -> tuple[str, str | None]:
    if " => " not in entry:
        return entry, None
    body, rule_name = entry.rsplit(" => ", 1)
    if not _RULE_NAME.fullmatch(rule_name):
        raise LexiconError(f"{name}:{number}: rule name {rule_name!r} must be lower-case letters, digits, _")
    return body, rule_name


def _expand(entry: str, name: str, number: int) -> list[str]:
    """All phrases an entry stands for: ``a (b|c|) d`` -> ``a b d``, ``a c d``, ``a d``."""
    if entry.count("(") != entry.count(")") or "((" in entry:
        raise LexiconError(f"{name}:{number}: unbalanced or nested ( ) in {entry!r}")
    parts = _GROUP.split(entry)  # literal, alternatives, literal, alternatives, ...
    choices = [[part] if index % 2 == 0 else part.split("|") for index, part in enumerate(parts)]
    phrases = []
    for combination in itertools.product(*choices):
        phrase = " ".join("".join(combination).split())
        if not phrase:
            raise LexiconError(f"{name}:{number}: {entry!r} can expand to an empty phrase")
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases


def _check_phrase(phrase: str, name: str, number: int) -> None:
    if phrase != phrase.lower():
        raise LexiconError(f"{name}:{number}: {phrase!r} must be lower case (every case is matched)")
    if "\u2019" in phrase:
        raise LexiconError(f"{name}:{number}: write apostrophes as ' (both ' and \u2019 are matched)")
    if any(char in phrase for char in "()|<>"):
        raise LexiconError(f"{name}:{number}: stray pattern character in {phrase!r}")
    if any(char in phrase for char in PHRASE_SEPARATORS):
        raise LexiconError(f"{name}:{number}: {phrase!r} holds punctuation that separates words (see PHRASE_SEPARATORS)")


def _slug(phrase: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_") or "symbol"


def _line_regex(entry: str, number: int) -> str:
    """Translate a line pattern into a regex source and check that it compiles."""
    parts = _GROUP.split(entry)
    pieces = []
    for index, part in enumerate(parts):
        if index % 2:
            pieces.append("(?:" + "|".join(_line_literal(alternative) for alternative in part.split("|")) + ")")
        else:
            pieces.append(_line_literal(part))
    source = "".join(pieces)
    try:
        re.compile(source)
    except re.error as error:
        raise LexiconError(f"lines/boilerplate.txt:{number}: pattern does not compile ({error})") from None
    if re.fullmatch(source, ""):
        raise LexiconError(f"lines/boilerplate.txt:{number}: {entry!r} matches an empty line")
    return source


def _line_literal(text: str) -> str:
    escaped = re.escape(text)  # escapes space and '*' but not '<', '>' or letters
    return escaped.replace("<n>", r"\d[\d,.]*").replace(r"<\*>", ".*").replace(r"\ ", r"\s+")
